"""The one YAML validator: every data file through it, and instructors' hostile YAML refused
with a file:line error, quickly, never a traceback (issue 16, "Instructors' YAML")."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from sourcecrit.checklists import ChecklistError, checklist_from_yaml, validate_checklist
from sourcecrit.cli import main
from sourcecrit.errors import LexiconError, YAMLFileError
from sourcecrit.exercises import validate_exercise
from sourcecrit.lexicon_schemas import CueLexiconFile, HedgeLexiconFile
from sourcecrit.resources import data_path
from sourcecrit.source_vocabulary import SourceTypesFile, source_vocabulary
from sourcecrit.yamlfile import (
    MAX_ALIAS_NODES,
    MAX_DEPTH,
    load_front_matter,
    validated_file,
    validated_yaml,
)

REPO = Path(__file__).resolve().parents[1]

CHECKLIST_HEAD = "id: mine\ntitle: T\ncredit: C\nlicence: L\n"


def billion_laughs(levels: int = 9) -> str:
    lines = ['a0: &a0 "lol"']
    for i in range(1, levels + 1):
        lines.append(f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 10) + "]")
    return "\n".join(lines) + "\n"


# Legal YAML that is not valid data: (name, text after the checklist's head, line, words).
HOSTILE = [
    ("impossible date", "intro: 2024-02-30\n", 5, "day is out of range"),
    ("impossible time", "intro: 2024-01-01 25:61:61\n", 5, "hour must be in"),
    ("5,000-digit integer", "intro: " + "7" * 5000 + "\n", 5, "that many digits"),
    ("NUL", "intro: a\x00b\n", 5, "U+0000 (NUL)"),
    ("vertical tab", "intro: pasted\x0bfrom Word\n", 5, "U+000B (vertical tab)"),
    ("self-reference", "intro: &a [*a]\n", 5, "refers to the node it sits in"),
    ("deep nesting", "intro: " + "[" * 5000 + "]" * 5000 + "\n", 5, "levels deep"),
    ("billion laughs", billion_laughs(), 8, "aliases (*name) repeat more than"),
]


@pytest.mark.parametrize("name, body, line, words", HOSTILE, ids=[h[0] for h in HOSTILE])
def test_hostile_checklist_gives_file_line_error(name, body, line, words):
    start = time.perf_counter()
    with pytest.raises(ChecklistError) as info:
        checklist_from_yaml(CHECKLIST_HEAD + body, source="mine.yaml")
    assert time.perf_counter() - start < 0.5
    problem = info.value.problems[0]
    assert (problem.source, problem.line) == ("mine.yaml", line)
    assert words in problem.message


def test_billion_laughs_under_one_kilobyte_fails_fast():
    text = billion_laughs()
    assert len(text.encode()) < 1024
    start = time.perf_counter()
    with pytest.raises(YAMLFileError, match="repeat more than"):
        load_front_matter(text, source="story.md")
    assert time.perf_counter() - start < 0.2


def test_aliases_within_the_limit_still_work():
    text = "base: &b [one, two]\nagain: *b\n"
    assert load_front_matter(text) == {"base": ["one", "two"], "again": ["one", "two"]}
    over = "x: &x [" + ", ".join(["w"] * MAX_ALIAS_NODES) + "]\ny: *x\n"
    with pytest.raises(YAMLFileError, match=str(MAX_ALIAS_NODES)):
        load_front_matter(over)


def test_nesting_up_to_the_limit_is_allowed():
    inside = "[" * (MAX_DEPTH - 1) + "]" * (MAX_DEPTH - 1)
    assert load_front_matter("a: " + inside)
    with pytest.raises(YAMLFileError, match="levels deep"):
        load_front_matter("a: [" + inside + "]")


@pytest.mark.parametrize("name, body, line, words", HOSTILE, ids=[h[0] for h in HOSTILE])
def test_hostile_front_matter_gives_file_line_error(name, body, line, words):
    # The front matter of story.md starts on line 2, after its opening "---".
    with pytest.raises(YAMLFileError) as info:
        load_front_matter(CHECKLIST_HEAD + body, source="story.md", first_line=2)
    assert str(info.value).startswith(f"story.md:{line + 1}: ")
    assert words in str(info.value)


@pytest.mark.parametrize("name, body, line, words", HOSTILE, ids=[h[0] for h in HOSTILE])
def test_checklist_validate_cli_exits_2_with_one_line(tmp_path, capsys, name, body, line, words):
    path = tmp_path / "mine.yaml"
    path.write_text(CHECKLIST_HEAD + body, encoding="utf-8")
    start = time.perf_counter()
    assert main(["checklist", "validate", str(path)]) == 2
    assert time.perf_counter() - start < 3
    err = capsys.readouterr().err
    assert f"{path}:{line}: " in err and words in err
    assert "Traceback" not in err and len(err.strip().splitlines()) == 1


def _exercise_folder(tmp_path: Path, body: str) -> Path:
    folder = tmp_path / "ex"
    folder.mkdir()
    (folder / "article.txt").write_text("The minister said the plan works.\n", encoding="utf-8")
    (folder / "exercise.yaml").write_text(
        "id: ex\ntitle: T\narticle: article.txt\n"
        + body
        + "questions:\n  - {id: q, type: short, prompt: P, answer: [minister]}\n",
        encoding="utf-8",
    )
    return folder


@pytest.mark.parametrize("action", ["check", "build", "grade"])
@pytest.mark.parametrize("name, body, line, words", HOSTILE, ids=[h[0] for h in HOSTILE])
def test_exercise_commands_exit_2_with_one_line(tmp_path, capsys, action, name, body, line, words):
    folder = _exercise_folder(tmp_path, body.replace("intro:", "credit:", 1))
    start = time.perf_counter()
    assert main(["exercise", action, str(folder)]) == 2
    assert time.perf_counter() - start < 3
    err = capsys.readouterr().err
    assert "exercise.yaml:" in err and words in err
    assert "Traceback" not in err and len(err.strip().splitlines()) == 1


@pytest.mark.parametrize("value", [".inf", "-.inf", ".nan", "-1"])
def test_weight_must_be_a_finite_number_from_zero(value):
    text = (
        CHECKLIST_HEAD
        + "scoring:\n  rule: weighted\n  bands: [{id: b, label: B, min: 0}]\n"
        + f"items:\n  - {{id: one, question: Q, weight: {value}}}\n"
        + "  - {id: two, question: Q, weight: 1}\n"
    )
    with pytest.raises(ChecklistError) as info:
        checklist_from_yaml(text, source="w.yaml")
    problem = info.value.problems[0]
    assert (problem.line, problem.key) == (9, "items[0] (id 'one').weight")


def test_band_min_must_be_finite():
    text = CHECKLIST_HEAD + (
        "scoring:\n  rule: sum\n  bands: [{id: a, label: A, min: 0}, {id: b, label: B, min: .inf}]\n"
        "items:\n  - {id: one, question: Q}\n"
    )
    with pytest.raises(ChecklistError) as info:
        checklist_from_yaml(text, source="b.yaml")
    assert info.value.problems[0].key == "scoring.bands[1] (id 'b').min"


# -- every YAML data file through the one validator ------------------------------------------


@pytest.mark.parametrize(
    "name, schema",
    [("cues.yaml", CueLexiconFile), ("hedges.yaml", HedgeLexiconFile)],
)
def test_bundled_lexicons_pass_the_validator(name, schema):
    lexicon = validated_file(data_path(name), schema, error=LexiconError)
    assert len(lexicon.cues) > 50
    assert all(record.explanation.strip() for record in lexicon.cues)


def test_source_types_pass_the_validator():
    vocabulary = validated_file(data_path("source_types.yaml"), SourceTypesFile)
    assert vocabulary == source_vocabulary()
    assert set(vocabulary.types_in()) == {"named", "institution", "vague", "anonymous", "none"}


def test_bundled_exercises_and_checklists_pass_the_validator():
    exercises = sorted((REPO / "exercises").glob("*/exercise.yaml"))
    assert exercises
    for path in exercises:
        assert validate_exercise(path.parent) == []
    for path in sorted(data_path("checklists").glob("*.yaml")):
        assert validate_checklist(path) == []


def test_a_bad_lexicon_reports_every_problem_with_line_and_key():
    text = (
        "cues:\n"
        "  - {cue: say, category: speech, loaded: false, explanation: Neutral.}\n"
        "  - {cue: claim, category: opinion, loaded: false, explanation: Doubtful.}\n"
        "  - {cue: say, category: speech, loaded: false, explanation: Again.}\n"
        "  - {cue: tell, category: speech, loaded: maybe, explanation: Said to someone.,"
        " colour: red}\n"
        "lede_cues: [said, 3]\n"
    )
    with pytest.raises(LexiconError) as info:
        validated_yaml(text, CueLexiconFile, source="cues.yaml", error=LexiconError)
    found = {(p.line, p.key) for p in info.value.problems}
    assert {
        (3, "cues[1].category"),
        (5, "cues[3].loaded"),
        (5, "cues[3].colour"),
    } <= found


def test_a_lexicon_with_valid_records_reports_duplicates_and_bad_word_lists():
    text = (
        "cues:\n"
        "  - {cue: say, category: speech, loaded: false, explanation: Neutral.}\n"
        "  - {cue: say, category: speech, loaded: false, explanation: Again.}\n"
        "lede_cues: [said, 3]\n"
    )
    with pytest.raises(LexiconError) as info:
        validated_yaml(text, CueLexiconFile, source="cues.yaml", error=LexiconError)
    shown = [str(p) for p in info.value.problems]
    assert "cues.yaml:3: cues[1].cue: 'say' is listed twice" in shown
    assert "cues.yaml:4: lede_cues: expected a list of words" in shown


def test_source_types_file_names_its_unknown_group(tmp_path):
    path = tmp_path / "types.yaml"
    path.write_text(
        "groups:\n  - {name: named, phrase: named people, description: People.}\n"
        "types:\n  - {name: named_official, group: named, description: Official.}\n"
        "  - {name: media, group: institutions, description: Press.}\n",
        encoding="utf-8",
    )
    with pytest.raises(LexiconError) as info:
        source_vocabulary(path)
    assert str(info.value).startswith(f"{path}:5: types[1].group: 'institutions' is not one of")
