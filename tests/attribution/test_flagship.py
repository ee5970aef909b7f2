"""The flagship article (Izvestia, 10 March 2024): the attributions the issue lists."""

from __future__ import annotations

import pytest


def _by_speaker(records, speaker):
    return [r for r in records if r["speaker"] == speaker]


def _source(analysis, speaker):
    rows = analysis.sources[analysis.sources["speaker"] == speaker]
    assert len(rows) == 1, f"expected one source row for {speaker!r}, got {len(rows)}"
    return rows.iloc[0]


def test_alcaide_is_one_source_with_every_alias(flagship_analysis):
    row = _source(flagship_analysis, "José Antonio Alcaide")
    aliases = {a.lower() for a in row["aliases"]}
    for alias in ("alkaide", "he", "him", "the former nato colonel"):
        assert alias in aliases
    assert row["role"] == "Retired NATO Colonel"
    assert row["source_type"] == "named_expert"
    assert not any(
        "alkaide" in str(s).lower()
        for s in flagship_analysis.sources["speaker"]
        if s != row["speaker"]
    )


@pytest.mark.parametrize(
    "content, cue",
    [
        ("NATO soldiers are indeed present in Ukraine, but not as military personnel.", "said"),
        ("on voluntary leave", "According to"),
        ("If the Russian army now intercepts", "said"),
        ("could be there as instructors", "added"),
    ],
)
def test_alcaide_says(flagship_records, content, cue):
    mine = _by_speaker(flagship_records, "José Antonio Alcaide")
    hits = [r for r in mine if content in r["content"]]
    assert hits, f"no Alcaide attribution holds {content!r}"
    assert cue in {r["cue"] for r in hits}


def test_alcaide_direct_quote_spans_the_whole_quote(flagship_records, flagship_analysis):
    text = flagship_analysis.text
    quote = next(r for r in flagship_records if r["content"].startswith("“If the Russian army"))
    assert quote["kind"] == "direct"
    assert quote["source_text"] == "Alkaide"
    assert quote["content"].endswith("mercenaries are pirates,”")
    assert text[quote["content_start"] : quote["content_end"]] == quote["content"]


def test_nested_quote_is_its_own_attribution(flagship_records):
    inner = [
        r
        for r in flagship_records
        if "Oh, nightmare, the Russians killed them!" in r["content"]
        and not r["content"].startswith("“If")
    ]
    assert len(inner) == 1
    assert inner[0]["speaker"] == "United States"
    assert inner[0]["cue"] == "say"
    assert inner[0]["nested"] is True


def test_sikorski_is_one_source(flagship_analysis, flagship_records):
    row = _source(flagship_analysis, "Radoslaw Sikorski")
    aliases = {a.lower() for a in row["aliases"]}
    assert {"sikorsky", "the minister"} <= aliases
    assert row["role"] == "Polish Foreign Minister"
    cues = {r["cue"] for r in _by_speaker(flagship_records, "Radoslaw Sikorski")}
    assert {"said", "clarified"} <= cues
    assert not any("sikorsky" == str(s).lower() for s in flagship_analysis.sources["speaker"])


@pytest.mark.parametrize(
    "speaker, cues, source_type",
    [
        ("Maria Zakharova", {"responded to this by saying"}, "named_official"),
        ("Wladyslaw Kosiniak-Kamysh", {"rejected", "indicated"}, "named_official"),
        ("Emmanuel Macron", {"reported", "According to", "ruled out"}, "named_official"),
        ("Jens Stoltenberg", {"stated"}, "named_official"),
        ("Marine Le Pen", {"emphasized", "According to"}, "named_politician"),
        ("Jean-Luc Mélenchon", {"noted"}, "named_politician"),
        ("Vladimir Putin", {"warned", "emphasized"}, "named_official"),
    ],
)
def test_named_speakers_with_their_cues(flagship_records, speaker, cues, source_type):
    mine = _by_speaker(flagship_records, speaker)
    assert cues <= {r["cue"] for r in mine}
    assert {r["source_type"] for r in mine} == {source_type}


def test_pronoun_cues_go_to_the_right_person(flagship_records):
    he = {
        (r["cue"], r["speaker"])
        for r in flagship_records
        if r["source_text"] in ("He", "he", "her", "him")
    }
    assert ("indicated", "Wladyslaw Kosiniak-Kamysh") in he
    assert ("emphasized", "Vladimir Putin") in he
    assert ("According to", "Marine Le Pen") in he
    assert ("According to", "Emmanuel Macron") in he


def test_roles_from_appositions(flagship_analysis):
    assert (
        _source(flagship_analysis, "Wladyslaw Kosiniak-Kamysh")["role"]
        == "the head of the Polish Ministry of Defense"
    )
    assert _source(flagship_analysis, "Maria Zakharova")["role"] == (
        "The official representative of the Russian Foreign Ministry"
    )


def test_le_pen_mixed_quote(flagship_records):
    r = next(
        r for r in flagship_records if r["cue"] == "emphasized" and r["speaker"] == "Marine Le Pen"
    )
    assert r["kind"] == "mixed"
    assert "“playing a military leader.”" in r["content"]


def test_denial_in_a_number_of_countries_is_a_vague_group(flagship_records):
    r = next(r for r in flagship_records if r["cue"] == "denied")
    assert r["source_text"].startswith("a number of countries")
    assert r["source_type"] == "vague_group"
    assert r["speaker"] is None
    assert "the possibility of such a scenario" in r["content"]


def test_lede_claim_is_attributed_to_the_next_sentence(flagship_records):
    r = next(r for r in flagship_records if r["cue"] == "told")
    assert r["content"].startswith("NATO soldiers are indeed present")
    assert r["speaker"] == "José Antonio Alcaide"


def test_offsets_point_into_the_text(flagship_analysis):
    text = flagship_analysis.text
    for r in flagship_analysis.attributions.to_dict("records"):
        assert text[r["content_start"] : r["content_end"]] == r["content"]
        assert text[r["cue_start"] : r["cue_end"]] == r["cue"]
        if r["source_text"] is not None:
            assert text[r["source_start"] : r["source_end"]] == r["source_text"]


def test_loaded_and_neutral_cues_are_marked(flagship_records):
    assert all(r["cue_loaded"] is False for r in flagship_records if r["cue"] == "said")
    assert all(r["cue_explanation"] for r in flagship_records)


def test_sources_table_counts(flagship_analysis):
    from sourcecrit.attribution import SOURCE_TYPES

    sources = flagship_analysis.sources
    attributions = flagship_analysis.attributions
    assert set(sources["source_type"]) <= set(SOURCE_TYPES)
    assert set(attributions["source_type"]) <= set(SOURCE_TYPES)
    putin = _source(flagship_analysis, "Vladimir Putin")
    mine = attributions[attributions["speaker"] == "Vladimir Putin"]
    assert putin["n_attributions"] == len(mine) == 2
    assert putin["n_words"] == sum(len(c.split()) for c in mine["content"])
    text = flagship_analysis.text
    assert text[putin["first_start"] : putin["first_end"]].endswith("Vladimir Putin")
    # Sikorski first appears in the first paragraph, before he is ever quoted.
    sikorski = _source(flagship_analysis, "Radoslaw Sikorski")
    assert text[sikorski["first_start"] : sikorski["first_end"]].endswith("Radoslaw Sikorski")
    assert sikorski["first_start"] < text.index("Sikorsky")


def test_the_statement_alcaide_comments_on_is_sikorskis(flagship_records):
    # "commenting on the statement of Polish Foreign Minister Radoslaw Sikorski that some
    # alliance countries have already sent their military": the parser hangs the clause on
    # "commenting", but it says what Sikorski's statement was, not what Alcaide said.
    claim = "that some alliance countries have already sent their military"
    holders = [r for r in flagship_records if r["content"].startswith(claim)]
    assert [(r["speaker"], r["cue"]) for r in holders] == [("Radoslaw Sikorski", "statement")]
    commenting = next(r for r in flagship_records if r["cue"] == "commenting")
    assert commenting["speaker"] == "José Antonio Alcaide"
    assert commenting["content"].startswith("the statement of Polish Foreign Minister")
    assert commenting["content"].endswith("to Ukrainian territory")


def test_a_refusal_to_say_which_is_not_an_attribution(flagship_records):
    # "he would not disclose which states sent their military there": nothing is said.
    assert not any(r["cue"] == "disclose" for r in flagship_records)
    clarified = next(r for r in flagship_records if r["cue"] == "clarified")
    assert "would not disclose which states" in clarified["content"]


def test_a_statements_holder_does_not_take_the_next_he(flagship_records):
    # Sikorski, named as the holder of a statement in the first paragraph, is not who
    # "he said" in the second paragraph refers to: the quote is Alcaide's.
    r = next(r for r in flagship_records if r["content"].startswith("“NATO soldiers are indeed"))
    assert (r["source_text"], r["speaker"]) == ("he", "José Antonio Alcaide")


def test_a_coordinated_document_name_is_a_document(flagship_records):
    # "according to the Geneva and Hague Conventions": the parser heads the phrase on
    # "Geneva", but the shared noun "Conventions" says it is a document, not a body.
    r = next(r for r in flagship_records if (r["source_text"] or "").endswith("Hague Conventions"))
    assert r["source_type"] == "document"
    assert r["speaker"] == "Geneva and Hague Conventions"
