"""claims: what a student should trace, with offsets into the text."""

from __future__ import annotations

from sourcecrit import analyze
from sourcecrit.lateral import CLAIM_COLUMNS, claims

STORY = (
    "The city will close the old bridge next month, the mayor said on Friday.\n\n"
    '"It is no longer safe for lorries," said engineer Ruth Okafor.\n\n'
    "Repairs to the bridge have cost more than four million pounds since 2019.\n\n"
    "Traffic on the ring road is expected to double."
)


def test_offsets_are_exact_and_columns_plain(nlp):
    analysis = analyze(STORY)
    found = claims(analysis)
    assert list(found.columns) == CLAIM_COLUMNS
    for row in found.itertuples():
        assert analysis.text[row.start : row.end] == row.text


def test_lede_attributed_and_own_voice_claims(nlp):
    found = claims(analyze(STORY))
    kinds = dict(zip(found["text"], found["kind"]))
    lede = found[found["kind"] == "lede"]
    assert lede["text"].iloc[0].startswith("The city will close the old bridge")
    assert any("no longer safe for lorries" in t and k == "attributed" for t, k in kinds.items())
    own = found[found["kind"] == "own voice"]["text"].tolist()
    assert any(t.startswith("Repairs to the bridge have cost") for t in own)
    assert all("Okafor" not in t for t in own)


def test_flagship_closing_paragraph_is_an_unattributed_claim(flagship_analysis):
    found = claims(flagship_analysis)
    own = found[found["kind"] == "own voice"]
    assert any(t.startswith("Western countries have increased their military") for t in own["text"])
    assert any("increasingly frequent statements" in t for t in own["text"])
    assert all(
        "own voice" in k or s is not None or k != "attributed"
        for k, s in zip(found["kind"], found["speaker"])
    )
