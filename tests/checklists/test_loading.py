"""Loading checklists: built-ins by name, files by path, and errors that name line and key."""

from __future__ import annotations

import pytest

from sourcecrit.checklists import (
    Checklist,
    ChecklistError,
    checklist_from_yaml,
    list_checklists,
    load_checklist,
    validate_checklist,
)
from sourcecrit.errors import SourcecritError

BUILTINS = ["civic-online-reasoning", "craap", "ifla", "outlet-credibility", "sift"]


def test_list_checklists_names_every_builtin():
    assert list_checklists() == BUILTINS


@pytest.mark.parametrize("name", BUILTINS)
def test_builtin_loads_by_name_and_its_id_is_its_name(name):
    checklist = load_checklist(name)
    assert isinstance(checklist, Checklist)
    assert checklist.id == name
    assert checklist.source == f"{name}.yaml"


@pytest.mark.parametrize("name", ["SIFT", " sift "])
def test_builtin_names_ignore_case_and_spaces(name):
    assert load_checklist(name).id == "sift"


def test_unknown_builtin_lists_the_choices():
    with pytest.raises(ChecklistError, match="no built-in checklist called 'nope'.*sift"):
        load_checklist("nope")


def test_load_from_path_and_str_path(write_yaml, minimal_yaml):
    path = write_yaml(minimal_yaml)
    assert load_checklist(path).id == "mine"
    assert load_checklist(str(path)).id == "mine"
    assert load_checklist(path).source == str(path)


def test_a_checklist_is_returned_as_it_is():
    sift = load_checklist("sift")
    assert load_checklist(sift) is sift


def test_missing_file_is_a_clear_error(tmp_path):
    missing = tmp_path / "nothere.yaml"
    with pytest.raises(ChecklistError, match="nothere.yaml: no such file"):
        load_checklist(missing)


def test_checklist_error_is_a_sourcecrit_error():
    assert issubclass(ChecklistError, SourcecritError)


# -- problems name the line and the key ------------------------------------------------------

BAD_CASES = [
    # (yaml, line, key, words in the message)
    (
        """
        id: mine
        title: T
        credit: C
        licence: L
        items:
          - id: one
            question: Q
            answer: maybe
        """,
        8,
        "items[0] (id 'one').answer",
        "'yes_no_unsure', 'rating' or 'text'",
    ),
    (
        """
        id: mine
        title: T
        credit: C
        licence: L
        items:
          - id: one
            question: Q
          - id: two
            qestion: typo
        """,
        9,
        "items[1] (id 'two').qestion",
        "unknown key; the keys allowed here are id, question",
    ),
    (
        """
        id: mine
        title: T
        credit: C
        licence: L
        items:
          - id: one
            question: Q
          - id: two
            qestion: typo
        """,
        8,
        "items[1] (id 'two').question",
        "Field required",
    ),
    (
        """
        id: mine
        title: T
        licence: L
        items:
          - {id: one, question: Q}
        """,
        1,
        "credit",
        "Field required",
    ),
    (
        """
        id: Not A Slug
        title: T
        credit: C
        licence: L
        items:
          - {id: one, question: Q}
        """,
        1,
        "id",
        "should match pattern",
    ),
    (
        """
        id: mine
        title: T
        credit: C
        licence: L
        items:
          - {id: one, question: Q, evidence: [lede, gut_feeling]}
        """,
        6,
        "items[0] (id 'one').evidence",
        "unknown evidence signal 'gut_feeling'",
    ),
    (
        """
        id: mine
        title: T
        credit: C
        licence: L
        scoring:
          rule: sum
          bands:
            - {id: low, label: Low, min: 0}
        items:
          - id: one
            question: Q
          - id: two
            question: Weighted
            weight: 3
        """,
        14,
        "items[1] (id 'two').weight",
        "weights only count with scoring rule 'weighted'",
    ),
    (
        """
        id: mine
        title: T
        credit: C
        licence: L
        scoring:
          rule: weighted
          bands:
            - {id: low, label: Low, min: 0}
            - {id: high, label: High, min: 50}
        items:
          - {id: one, question: Q, weight: 10}
        """,
        9,
        "scoring.bands[1] (id 'high').min",
        "no score can reach 50: the most points available is 10",
    ),
    (
        """
        id: mine
        title: T
        credit: C
        licence: L
        scoring:
          rule: sum
          bands:
            - {id: low, label: Low, min: 1}
        items:
          - {id: one, question: Q}
        """,
        8,
        "scoring.bands[0] (id 'low').min",
        "the first band must start at 0",
    ),
    (
        """
        id: mine
        title: T
        credit: C
        licence: L
        items:
          - {id: one, question: Q}
          - {id: one, question: Again}
        """,
        7,
        "items[1] (id 'one').id",
        "duplicate item id 'one'",
    ),
    (
        """
        id: mine
        title: T
        credit: C
        licence: L
        scoring:
          rule: sum
        items:
          - {id: one, question: Q}
        """,
        6,
        "scoring.bands",
        "needs at least one band",
    ),
]


@pytest.mark.parametrize("text, line, key, words", BAD_CASES)
def test_validate_names_line_and_key(write_yaml, text, line, key, words):
    path = write_yaml(text)
    problems = validate_checklist(path)
    match = [p for p in problems if p.key == key]
    assert match, f"no problem at {key!r}; got {[str(p) for p in problems]}"
    assert match[0].line == line
    assert words in match[0].message
    assert str(match[0]).startswith(f"{path}:{line}: {key}: ")
    with pytest.raises(ChecklistError) as info:
        load_checklist(path)
    assert info.value.problems == problems


def test_every_problem_is_reported_not_only_the_first(write_yaml):
    path = write_yaml(
        """
        id: mine
        title: T
        credit: C
        licence: L
        items:
          - {id: one, question: Q, answer: maybe}
          - {id: two}
        """
    )
    problems = validate_checklist(path)
    assert {p.key for p in problems} == {
        "items[0] (id 'one').answer",
        "items[1] (id 'two').question",
    }
    with pytest.raises(ChecklistError, match=r"and 1 more problems"):
        load_checklist(path)


def test_valid_file_has_no_problems(write_yaml, minimal_yaml):
    assert validate_checklist(write_yaml(minimal_yaml)) == []


@pytest.mark.parametrize(
    "value",
    [
        "!!python/object/apply:os.system ['echo pwned']",
        "!!python/name:os.system",
        "!!python/object:collections.OrderedDict {}",
        "!custom thing",
        "!!binary aGVsbG8=",
    ],
)
def test_unsafe_and_custom_tags_are_refused_before_construction(write_yaml, value):
    path = write_yaml(f"id: mine\ntitle: {value}\ncredit: C\nlicence: L\nitems: []\n")
    problems = validate_checklist(path)
    assert len(problems) == 1
    assert problems[0].line == 2
    assert problems[0].key == "title"
    assert "is not allowed" in problems[0].message


@pytest.mark.parametrize(
    "text, line, words",
    [
        ("", 1, "the file is empty"),
        ("- just\n- a list\n", 1, "must be a mapping"),
        ("id: mine\ntitle: [unclosed\n", 3, "not valid YAML"),
        ("id: mine\nid: again\ntitle: T\n", 2, "this key appears twice"),
    ],
)
def test_not_a_checklist(write_yaml, text, line, words):
    path = write_yaml(text)
    problems = validate_checklist(path)
    assert problems[0].line == line
    assert words in problems[0].message


def test_bare_yes_no_in_good_means_the_word():
    checklist = checklist_from_yaml(
        """
id: mine
title: T
credit: C
licence: L
items:
  - {id: loaded, question: Does it use loaded words, good: no}
"""
    )
    assert checklist.items[0].good == "no"


def test_not_utf8_is_a_clear_error(tmp_path):
    path = tmp_path / "latin1.yaml"
    path.write_bytes("title: caf\xe9\n".encode("latin-1"))
    with pytest.raises(ChecklistError, match="is not UTF-8"):
        load_checklist(path)
