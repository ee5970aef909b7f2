"""The attribution word lists: bundled data, validated on load, errors that say where."""

from __future__ import annotations

import pytest

from sourcecrit.attribution.wordlists import LIST_NAMES, load_word_lists, parse_word_lists, words
from sourcecrit.errors import LexiconError, SourcecritError


def test_every_list_loads_with_explanations():
    lists = load_word_lists()
    assert set(lists) == set(LIST_NAMES)
    for wl in lists.values():
        assert wl.description and wl.words
        assert all(e and "\n" not in e for e in wl.explanations.values())


def test_lists_are_read_once():
    assert load_word_lists() is load_word_lists()


@pytest.mark.parametrize(
    "name, word",
    [
        ("clause_nouns", "statement"),
        ("lede_cues", "tell"),
        ("naming_verbs", "call"),
        ("not_source_labels", "note"),
        ("material_senses", "military"),
    ],
)
def test_words_the_rules_rely_on(name, word):
    assert word in words(name)


def _minimal(**override: str) -> str:
    bodies = {
        name: f"  {name}:\n    description: d\n    words:\n      - {{word: w, explanation: e}}\n"
        for name in LIST_NAMES
    }
    bodies.update(override)
    return "lists:\n" + "".join(bodies.values())


def test_a_minimal_file_parses():
    assert parse_word_lists(_minimal(), label="x.yaml")["lede_cues"].words == {"w"}


@pytest.mark.parametrize(
    "body, expected",
    [
        (
            "  lede_cues:\n    description: d\n    words:\n      - {word: tell}\n",
            "lists.lede_cues.words[0].explanation: Field required",
        ),
        (
            "  lede_cues:\n    description: d\n    words:\n      - {word: Tell, explanation: e}\n",
            "lists.lede_cues.words[0].word: expected a lower-case word",
        ),
        (
            "  lede_cues:\n    description: d\n    words:\n      - {word: tell, explanation: e}\n"
            "      - {word: tell, explanation: f}\n",
            "lists.lede_cues.words: 'tell' is listed twice",
        ),
        (
            "  lede_cues:\n    description: d\n    words: []\n",
            "lists.lede_cues.words: expected a non-empty list",
        ),
    ],
)
def test_bad_entries_name_file_line_and_key(body, expected):
    with pytest.raises(LexiconError) as info:
        parse_word_lists(_minimal(lede_cues=body), label="words.yaml")
    message = str(info.value)
    assert message.startswith("words.yaml:") and expected in message
    line = int(message.split(":")[1])
    # the line named is the entry (or the list) that is wrong
    assert "word" in _minimal(lede_cues=body).splitlines()[line - 1]
    assert line > _minimal(lede_cues=body).splitlines().index("  lede_cues:")


def test_unknown_and_missing_lists_are_named():
    text = (
        _minimal()
        + "  lead_cues:\n    description: d\n    words:\n      - {word: w, explanation: e}\n"
    )
    with pytest.raises(LexiconError, match="lists.lead_cues: unknown key") as info:
        parse_word_lists(text, label="w.yaml")
    # named at the list's own lines (the validator points at a key's value: its first line)
    assert info.value.problems[0].line == text.splitlines().index("  lead_cues:") + 2
    without = (
        "lists:\n  lede_cues:\n    description: d\n    words:\n      - {word: w, explanation: e}\n"
    )
    with pytest.raises(LexiconError, match="lists.clause_nouns: Field required"):
        parse_word_lists(without, label="w.yaml")


def test_not_yaml_and_unreadable_files(tmp_path):
    with pytest.raises(LexiconError, match="not valid YAML"):
        parse_word_lists("lists: [", label="w.yaml")
    with pytest.raises(SourcecritError, match="cannot read"):
        load_word_lists(tmp_path / "missing.yaml")
