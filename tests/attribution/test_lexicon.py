"""The cue and source-type lexicons: bundled data loads, bad data fails loudly."""

from __future__ import annotations

import pytest
import yaml

from sourcecrit.attribution import SOURCE_TYPES
from sourcecrit.attribution.lexicon import (
    CUE_CATEGORIES,
    cues_as_data,
    load_cues,
    load_source_types,
    parse_cues,
)
from sourcecrit.errors import LexiconError
from sourcecrit.lexicon_schemas import CueLexiconFile
from sourcecrit.resources import data_path
from sourcecrit.yamlfile import validated_file


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


GOOD = "{cue: tell, category: speech, loaded: false, explanation: Said to someone.}"


@pytest.mark.parametrize(
    "record, key, message",
    [
        ("{cue: say, category: speech, loaded: false}", "cues[1].explanation", "required"),
        ("{cue: say, category: gossip, loaded: false, explanation: x}", "cues[1].category", ""),
        ("{cue: say, category: speech, loaded: yes please, explanation: x}", "cues[1].loaded", ""),
        (
            "{cue: say, category: speech, loaded: false, preps: [[on]], explanation: x}",
            "cues[1].preps",
            "",
        ),
        (
            "{cue: say, category: speech, loaded: false, colour: red, explanation: x}",
            "cues[1].colour",
            "",
        ),
        (
            "{cue: say, pos: adjective, category: speech, loaded: false, explanation: x}",
            "cues[1].pos",
            "",
        ),
        ("{cue: Say, category: speech, loaded: false, explanation: x}", "cues[1].cue", ""),
        (
            "{cue: make the case, category: speech, loaded: false, explanation: x}",
            "cues[1].cue",
            "",
        ),
        (GOOD, "cues[1].cue", "'tell' is listed twice"),
        ("say", "cues[1]", ""),
    ],
)
def test_bad_cue_records_name_file_line_and_key(record, key, message):
    text = f"cues:\n  - {GOOD}\n  - {record}\n"
    with pytest.raises(LexiconError) as info:
        parse_cues(text, label="my_cues.yaml")
    problem = info.value.problems[0]
    assert (problem.source, problem.line) == ("my_cues.yaml", 3)
    assert problem.key.startswith(key)
    assert message in problem.message


def test_cue_file_errors_name_the_file(tmp_path):
    bad = tmp_path / "cues.yaml"
    bad.write_text("cues: [ {cue: say", encoding="utf-8")
    with pytest.raises(LexiconError, match="cues.yaml:.*not valid YAML"):
        load_cues(bad)
    with pytest.raises(LexiconError, match="no such file"):
        load_cues(tmp_path / "missing.yaml")
    with pytest.raises(LexiconError, match="cues"):
        parse_cues("verbs: []\n", label="cues.yaml")


def test_loader_and_schema_read_the_same_records():
    """The run-time loader is the schema's reading of the file, record for record."""
    schema = validated_file(data_path("cues.yaml"), CueLexiconFile, error=LexiconError)
    cues = load_cues()
    assert len(cues) == len(schema.cues)
    for record in schema.cues:
        entry = cues[record.cue if record.pos == "verb" else f"{record.cue} ({record.pos})"]
        assert (entry.category, entry.object, entry.preps) == (
            record.category,
            record.object,
            record.preps,
        )


def test_saved_lexicon_reads_back_unchanged(tmp_path):
    path = tmp_path / "cues.yaml"
    path.write_text(yaml.safe_dump(cues_as_data(load_cues())), encoding="utf-8")
    assert load_cues(path) == load_cues()


def test_source_types_match_the_constant():
    types = load_source_types()
    assert tuple(types) == SOURCE_TYPES
    assert all(len(t.description) > 20 for t in types.values())


def test_source_types_must_all_be_present(tmp_path):
    one_type = (
        "groups:\n  - {name: none, phrase: nobody, description: No source.}\n"
        "types:\n  - {name: none, group: none, description: No source.}\n"
    )
    path = tmp_path / "types.yaml"
    path.write_text(one_type, encoding="utf-8")
    with pytest.raises(LexiconError, match="no record for source type 'named_official'"):
        load_source_types(path)
    path = tmp_path / "more.yaml"
    path.write_text(
        one_type.replace("name: none, group", "name: celebrity, group"), encoding="utf-8"
    )
    with pytest.raises(LexiconError, match="source type 'celebrity' is not one of"):
        load_source_types(path)


def test_a_noun_and_a_verb_may_share_a_word():
    noun = GOOD.replace("cue: tell,", "cue: tell, pos: noun,")
    cues = parse_cues(f"cues:\n  - {GOOD}\n  - {noun}\n", label="cues.yaml")
    assert set(cues) == {"tell", "tell (noun)"}
    assert load_cues()["claim (noun)"].pos == "noun"
