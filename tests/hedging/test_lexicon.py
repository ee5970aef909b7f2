"""The hedging lexicon: the bundled file is valid, and malformed records fail loudly."""

from __future__ import annotations

from importlib import resources

import pytest
import spacy
import yaml

from sourcecrit.columns import HEDGE_CATEGORIES
from sourcecrit.errors import LexiconError
from sourcecrit.hedging.component import NO_PARSE_WARNING, compile_matcher
from sourcecrit.hedging.lexicon import (
    CONDITIONS,
    SCOPES,
    load_lexicon,
    parse_lexicon,
    read_lexicon,
)
from sourcecrit.hedging.rules import CHECKS

GOOD = {
    "id": "reportedly",
    "category": "hedge",
    "pattern": "reportedly",
    "scope": "clause",
    "explanation": "Passes a claim on without standing behind it.",
}


def lexicon_with(*records: dict) -> dict:
    return {"reporting_verbs": ["say"], "denial_verbs": ["deny"], "cues": list(records)}


def test_bundled_lexicon_is_valid_and_covers_every_category():
    lexicon = load_lexicon()
    categories = {e.category for e in lexicon.entries}
    assert categories == set(HEDGE_CATEGORIES)
    assert len({e.id for e in lexicon.entries}) == len(lexicon.entries)
    assert {"say", "tell", "add"} <= lexicon.reporting_verbs
    assert {"reject", "deny"} <= lexicon.denial_verbs


def test_every_bundled_entry_has_a_student_explanation():
    for entry in load_lexicon().entries:
        assert entry.explanation[-1] in ".?!", entry.id
        assert 20 <= len(entry.explanation) <= 140, entry.id


def test_every_bundled_pattern_compiles_on_a_blank_pipeline():
    matcher = compile_matcher(spacy.blank("en"), load_lexicon())
    assert len(matcher) == len(load_lexicon().entries)


def test_every_condition_name_has_a_check():
    assert set(CONDITIONS) == set(CHECKS)


@pytest.mark.parametrize(
    "change, key",
    [
        ({"category": "maybe"}, "category"),
        ({"scope": "everywhere"}, "scope"),
        ({"explanation": ""}, "explanation"),
        ({"explanation": 3}, "explanation"),
        ({"pattern": ""}, "pattern"),
        ({"pattern": 42}, "pattern"),
        ({"pattern": [["LOWER", "may"]]}, "pattern"),
        ({"conditions": ["is_true"]}, "conditions"),
        ({"conditions": "epistemic_modal"}, "conditions"),
        ({"negated": "flip"}, "negated"),
        ({"id": "Has Spaces"}, "id"),
        ({"colour": "red"}, "colour"),
    ],
)
def test_a_bad_value_names_the_record_and_the_key(change, key):
    bad = {**GOOD, "id": "second", **change}
    with pytest.raises(LexiconError) as err:
        parse_lexicon(lexicon_with(GOOD, bad), label="test.yaml")
    message = str(err.value)
    assert message.startswith("test.yaml: record 2")
    assert f"'{key}'" in message


@pytest.mark.parametrize("missing", ["id", "category", "pattern", "scope", "explanation"])
def test_a_missing_key_is_named(missing):
    bad = {k: v for k, v in GOOD.items() if k != missing}
    with pytest.raises(LexiconError, match=rf"record 1.* missing the key '{missing}'"):
        parse_lexicon(lexicon_with(bad))


def test_a_duplicate_id_is_refused():
    with pytest.raises(LexiconError, match=r"record 2, key 'id': 'reportedly' is used twice"):
        parse_lexicon(lexicon_with(GOOD, GOOD))


@pytest.mark.parametrize(
    "data", [None, [], {"cues": "none"}, {"cues": [GOOD], "denial_verbs": "deny"}]
)
def test_a_malformed_file_is_refused(data):
    with pytest.raises(LexiconError):
        parse_lexicon(data)


def test_a_record_that_is_not_a_mapping_is_named():
    with pytest.raises(LexiconError, match=r"record 2 is not a mapping"):
        parse_lexicon(lexicon_with(GOOD, "maybe"))


def test_an_invalid_token_pattern_names_record_id_and_key():
    # YAML reads an unquoted `no` as False: a classic trap in token patterns.
    data = yaml.safe_load(
        "cues:\n"
        "  - {id: fine, category: hedge, pattern: maybe, scope: clause, explanation: A guess.}\n"
        "  - {id: no-doubt, category: booster, pattern: [{LOWER: no}, {LOWER: doubt}],"
        " scope: clause, explanation: Settled.}\n"
    )
    lexicon = parse_lexicon(data)
    with pytest.raises(LexiconError, match=r"record 2 \('no-doubt'\), key 'pattern'"):
        compile_matcher(spacy.blank("en"), lexicon, label="mine.yaml")


def test_an_unknown_token_attribute_is_refused():
    lexicon = parse_lexicon(lexicon_with({**GOOD, "pattern": [{"LOWR": "may"}]}))
    with pytest.raises(LexiconError, match=r"record 1 \('reportedly'\), key 'pattern'"):
        compile_matcher(spacy.blank("en"), lexicon)


def test_read_lexicon_names_a_file_that_is_not_yaml(tmp_path):
    path = tmp_path / "hedges.yaml"
    path.write_text("cues: [unclosed\n", encoding="utf-8")
    with pytest.raises(LexiconError, match="not valid YAML") as err:
        read_lexicon(path)
    assert str(path) in str(err.value)


def test_read_lexicon_names_a_missing_file(tmp_path):
    with pytest.raises(LexiconError, match="cannot read"):
        read_lexicon(tmp_path / "absent.yaml")


def test_the_component_refuses_a_malformed_lexicon_when_created(tmp_path):
    path = tmp_path / "hedges.yaml"
    path.write_text(yaml.safe_dump(lexicon_with({**GOOD, "scope": "far"})), encoding="utf-8")
    nlp = spacy.blank("en")
    with pytest.raises(LexiconError, match=r"record 1 \('reportedly'\), key 'scope'"):
        nlp.add_pipe("sourcecrit_hedges", config={"lexicon": str(path)})


def test_the_component_uses_a_custom_lexicon(tmp_path):
    path = tmp_path / "hedges.yaml"
    path.write_text(yaml.safe_dump(lexicon_with(GOOD)), encoding="utf-8")
    nlp = spacy.blank("en")
    component = nlp.add_pipe("sourcecrit_hedges", config={"lexicon": str(path)})
    assert [e.id for e in component.lexicon.entries] == ["reportedly"]


def test_without_a_parser_the_component_warns_instead_of_guessing():
    nlp = spacy.blank("en")
    nlp.add_pipe("sourcecrit_hedges")
    doc = nlp("It may rain, reportedly.")
    assert doc._.sc_hedges == []
    assert list(doc.spans["sc_hedges"]) == []
    assert NO_PARSE_WARNING in doc._.sc_warnings


def test_scopes_and_conditions_are_documented_in_the_data_file():
    text = resources.files("sourcecrit").joinpath("data", "hedges.yaml").read_text("utf-8")
    header = text.split("\ncues:", 1)[0]
    for name in (*SCOPES, *CONDITIONS):
        assert name in header, name
