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
