"""The cue and source-type lexicons: bundled data loads, bad data fails loudly."""

from __future__ import annotations

import pytest

from sourcecrit.attribution import SOURCE_TYPES
from sourcecrit.attribution.lexicon import (
    CUE_CATEGORIES,
    load_cues,
    load_source_types,
    parse_cues,
    parse_source_types,
)
from sourcecrit.errors import LexiconError


def test_bundled_cues_load_with_explanations():
    cues = load_cues()
    assert len(cues) > 100
    for entry in cues.values():
        assert entry.category in CUE_CATEGORIES
        assert len(entry.explanation) > 10


@pytest.mark.parametrize(
    "cue", ["emphasize", "indicate", "clarify", "note", "reject", "rule out", "respond", "warn"]
)
def test_cues_other_tools_miss_are_in_the_lexicon(cue):
    assert cue in load_cues()


@pytest.mark.parametrize(
    "cue, loaded", [("say", False), ("admit", True), ("claim", True), ("concede", True)]
)
def test_loaded_verbs_are_marked(cue, loaded):
    assert load_cues()[cue].loaded is loaded


def test_phrasal_cue_has_verb_and_particle():
    entry = load_cues()["rule out"]
    assert (entry.verb, entry.particle) == ("rule", "out")


GOOD = {"cue": "say", "category": "speech", "loaded": False, "explanation": "Neutral."}


@pytest.mark.parametrize(
    "record, message",
    [
        (
            {k: v for k, v in GOOD.items() if k != "explanation"},
            "record 2 is missing the key 'explanation'",
        ),
        ({**GOOD, "category": "gossip"}, "record 2 ('say'), key 'category'"),
        ({**GOOD, "loaded": "yes"}, "record 2, key 'loaded': expected bool"),
        ({**GOOD, "preps": [True]}, "record 2 ('say'), key 'preps'"),
        ({**GOOD, "colour": "red"}, "record 2 ('say') has unknown key 'colour'"),
        ({**GOOD, "pos": "adjective"}, "record 2 ('say'), key 'pos'"),
        ({**GOOD, "cue": "tell"}, None),
        ("say", "record 2 is not a mapping"),
    ],
)
def test_bad_cue_records_name_the_record_and_key(record, message):
    data = {"cues": [{**GOOD, "cue": "tell"}, record]}
    if message is None:
        with pytest.raises(LexiconError, match="record 2, key 'cue': 'tell' is listed twice"):
            parse_cues(data)
        return
    with pytest.raises(LexiconError) as info:
        parse_cues(data)
    assert message in str(info.value)


def test_cue_file_errors_name_the_file(tmp_path):
    bad = tmp_path / "cues.yaml"
    bad.write_text("cues: [ {cue: say", encoding="utf-8")
    with pytest.raises(LexiconError, match="cues.yaml: not valid YAML"):
        load_cues(bad)
    with pytest.raises(LexiconError, match="expected a mapping with a list under 'cues'"):
        parse_cues({"verbs": []})


def test_source_types_match_the_constant():
    types = load_source_types()
    assert tuple(types) == SOURCE_TYPES
    assert all(len(t.description) > 20 for t in types.values())


def test_source_types_must_all_be_present():
    with pytest.raises(LexiconError, match="no record for source type 'named_official'"):
        parse_source_types({"types": [{"name": "none", "description": "No source."}]})
    with pytest.raises(LexiconError, match="record 1, key 'name': 'celebrity'"):
        parse_source_types({"types": [{"name": "celebrity", "description": "x"}]})


def test_a_noun_and_a_verb_may_share_a_word():
    cues = parse_cues({"cues": [GOOD, {**GOOD, "pos": "noun"}]})
    assert set(cues) == {"say", "say (noun)"}
    assert load_cues()["claim (noun)"].pos == "noun"
