from __future__ import annotations

from sourcecrit import analyze
from sourcecrit.viz.highlight import Mark, highlight, highlight_html


def test_overlapping_marks_carry_both_classes():
    text = "He said it may rain."
    out = highlight_html(text, [Mark(8, 19, "content"), Mark(11, 14, "hedge", "may: a hedge")])
    assert '<span class="sc-content sc-hedge" title="may: a hedge">may</span>' in out
    assert out.count("<span") == 3


def test_article_text_is_always_escaped():
    text = 'The minister said "<script>alert(1)</script>" & more.'
    out = highlight(analyze(text)).html
    assert "<script>alert" not in out
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in out
    assert "&amp; more" in out


def test_paragraphs_become_html_paragraphs(flagship_analysis):
    out = highlight(flagship_analysis)._repr_html_()
    assert out.count("<p>") >= len(flagship_analysis.article.paragraphs)


def test_a_crafted_category_from_json_never_reaches_an_attribute(flagship_analysis):
    import json

    from sourcecrit.analysis import Analysis
    from sourcecrit.viz.highlight import highlight

    data = json.loads(flagship_analysis.to_json())
    data["hedges"][0]["category"] = 'hedge" onmouseover="alert(1)'
    data["hedges"][0]["explanation"] = '"><script>alert(2)</script>'
    page = highlight(Analysis.from_dict(data)).html
    assert "onmouseover" not in page and "<script>" not in page


def test_hedges_boosters_and_weasels_differ_in_shape_not_only_colour():
    from sourcecrit.viz.highlight import CSS

    rules = {
        k: next(line for line in CSS.splitlines() if line.startswith(f".sc-{k} "))
        for k in ("hedge", "booster", "weasel")
    }
    assert (
        "dotted" in rules["hedge"] and "outline" in rules["booster"] and "wavy" in rules["weasel"]
    )
