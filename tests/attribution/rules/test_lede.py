"""Rule 4, the lede pattern: a claim, then its source in the next sentence."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    "text, cue",
    [
        ("Every recent nominee has spoken at the conference. The promise said nothing.", "said"),
    ],
)
def test_lede_pattern_not_for_said(attribute, text, cue):
    assert all(r["rule"] != "lede" for r in attribute(text))


def test_a_claim_then_its_source_in_the_next_sentence(attribute):
    text = "The old bridge will close for repairs in May. City engineers told the Gazette."
    lede = [r for r in attribute(text) if r["rule"] == "lede"]
    assert len(lede) == 1
    assert lede[0]["content"] == "The old bridge will close for repairs in May"
    assert (lede[0]["source_text"], lede[0]["cue"]) == ("City engineers", "told")
