"""A cue's scope stays inside the quotation the cue is in (sentences written for this test)."""

from __future__ import annotations

import pytest

from sourcecrit.hedging import hedges


def scopes(nlp, text: str) -> dict[str, str]:
    doc = nlp(text)
    return {r["cue"].lower(): text[r["scope_start"] : r["scope_end"]] for r in hedges(doc)}


@pytest.mark.parametrize(
    ("text", "cue", "scope"),
    [
        (
            # The parser hangs the cue on "said": without the quote marks the scope would run
            # on into the narrator's words.
            "“I know her uncle a little, and of course from his record, so that’s what I am "
            "going by,” said Mark Dale of Laramie.",
            "of course",
            "I know her uncle a little, and of course from his record, so that’s what I am "
            "going by",
        ),
        (
            "“I met her father once, and of course I know his record,” said a farmer from Lusk.",
            "of course",
            "of course I know his record",
        ),
        (
            '"The bridge will probably open in May," the engineer told reporters.',
            "probably",
            "The bridge will probably open in May",
        ),
        (
            "The mayor said “the plan is certainly too expensive” and left the room.",
            "certainly",
            "the plan is certainly too expensive",
        ),
    ],
)
def test_scope_ends_at_the_closing_quote(nlp, text, cue, scope):
    assert scopes(nlp, text)[cue] == scope


def test_scope_outside_quotes_is_unchanged(nlp):
    text = "The bridge will probably open in May, the engineer said."
    assert scopes(nlp, text)["probably"].startswith("The bridge will probably open in May")
    # A quotation after the cue does not cut the cue's own clause short.
    text = 'She probably thinks the "new" plan is too expensive.'
    assert "plan is too expensive" in scopes(nlp, text)["probably"]
