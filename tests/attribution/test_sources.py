"""Sources of attributions: their types, pronouns and descriptions resolved to speakers."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Sources said the talks had failed.", "anonymous"),
        ("Many experts said the talks had failed.", "vague_group"),
        ("The report said the talks had failed.", "document"),
        ("The New York Times reported that the talks had failed.", "media"),
        ("Senator Jane Smith said the talks had failed.", "named_politician"),
        ("Economist John Brown said the talks had failed.", "named_expert"),
        ("Defense Minister John Brown said the talks had failed.", "named_official"),
        ("The Pentagon said the talks had failed.", "organisation"),
    ],
)
def test_source_types(attribute, text, expected):
    records = attribute(text)
    assert len(records) == 1
    assert records[0]["source_type"] == expected


def test_pronoun_resolves_to_the_last_person_as_subject(attribute, one):
    text = "Prime Minister Anna Berg met John Lee on Monday. She said the deal was close."
    r = one(attribute(text), "said")
    assert r["speaker"] == "Anna Berg"


def test_definite_description_resolves_by_role(attribute, one):
    text = (
        "Foreign Minister Anna Berg visited Paris. Mayor Tom Weiss was there too. "
        "The minister said the visit went well."
    )
    r = one(attribute(text), "said")
    assert r["speaker"] == "Anna Berg"
