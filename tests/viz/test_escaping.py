"""Everything that comes from data reaches HTML as text (issue 16), including an Analysis
read back from a crafted JSON file: every renderer of an Analysis is fed one."""

from __future__ import annotations

import json

import pytest

from sourcecrit.analysis import Analysis
from sourcecrit.viz.highlight import highlight, standalone_page
from sourcecrit.viz.tables import attribution_table, cue_table, sources_table, unsourced_sentences

SCRIPT = "<script>alert(1)</script>"
QUOTES = 'x" onmouseover="alert(2)" y=\''  # breaks out of a quoted attribute if unescaped


@pytest.fixture(scope="module")
def crafted(nlp):
    from sourcecrit import analyze

    text = (
        "The minister said that troops may be there. Officials reportedly denied it. "
        "Some experts say it is certain, according to the army."
    )
    data = json.loads(analyze(text).to_json())
    for row in data["attributions"]:
        for key in ("speaker", "source_text", "cue", "content", "kind", "source_type", "role"):
            row[key] = f"{QUOTES}{SCRIPT}"
        row["confidence"] = QUOTES
    for row in data["sources"]:
        row["speaker"], row["role"], row["source_type"] = SCRIPT, QUOTES, QUOTES + SCRIPT
    for row in data["hedges"]:
        row["category"], row["explanation"], row["cue"] = QUOTES, QUOTES + SCRIPT, SCRIPT
    for row in data["sentences"]:
        row["certainty"] = QUOTES + SCRIPT
    data["warnings"] = [SCRIPT]
    data["article"]["metadata"] = {"title": QUOTES + SCRIPT, "source": SCRIPT}
    return Analysis.from_dict(data)


RENDERERS = {
    "highlight": lambda a: highlight(a).html,
    "standalone_page": standalone_page,
    "Analysis._repr_html_": lambda a: a._repr_html_(),
    "attribution_table": lambda a: attribution_table(a)._repr_html_(),
    "sources_table": lambda a: sources_table(a)._repr_html_(),
    "cue_table": lambda a: cue_table(a)._repr_html_(),
    "unsourced_sentences": lambda a: unsourced_sentences(a)._repr_html_(),
}


@pytest.mark.parametrize("name", RENDERERS)
def test_a_crafted_analysis_renders_as_text(crafted, live_markup, name):
    page = RENDERERS[name](crafted)
    assert live_markup(page, allowed=("style",)) == []
    assert SCRIPT not in page


def test_the_crafted_values_are_shown_not_dropped(crafted):
    page = attribution_table(crafted)._repr_html_()
    # Quotes are harmless in element text (pandas leaves them); they never reach an attribute.
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page and '<td>x" onmouseover' in page
