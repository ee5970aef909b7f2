"""Loading exercises: the flagship loads; every malformed file gets a line-numbered error."""

from __future__ import annotations

import pytest

from sourcecrit.exercises import ExerciseError, load_exercise, validate_exercise

from .conftest import SMALL


def test_flagship_exercise_loads_with_its_article(flagship_exercise):
    ex = flagship_exercise
    assert ex.id == "nato-in-ukraine"
    assert ex.as_article().date == "2024-03-10"
    assert ex.text.startswith("NATO soldiers are indeed present in Ukraine")
    assert len(ex.questions) >= 8
    assert {q.type for q in ex.questions} == {"choice", "short", "find", "reflect", "annotate"}
    # Every passage is located in the article text, so the notebook can mark it.
    for q in ex.questions:
        if q.passage:
            start, end = ex.passage_span(q.id)
            assert (
                ex.text[start:end].split()[0].strip('“”"').lower()
                == q.passage.split()[0].strip('“”"').lower()
            )


def test_small_exercise_loads(write_exercise):
    ex = load_exercise(write_exercise(SMALL))
    assert [q.id for q in ex.questions] == ["who", "kind", "hedges", "think"]
    assert ex.max_points == 3  # reflect questions are worth 0 by default
    start, end = ex.passage_span("who")
    assert ex.text[start:end] == "Retired NATO Colonel José Antonio Alcaide told Izvestia"
    assert ex.passage_span("kind") is None
    with pytest.raises(ExerciseError, match="no question 'nope'; its questions are who, kind"):
        ex.question("nope")


def test_the_yaml_file_itself_can_be_given(write_exercise):
    folder = write_exercise(SMALL)
    assert load_exercise(folder / "exercise.yaml").id == "small"
    assert load_exercise(str(folder)).id == "small"


def _problems(folder):
    return [str(p) for p in validate_exercise(folder)]


@pytest.mark.parametrize(
    "old, new, expected",
    [
        (
            "    answer: An expert\n",
            "    answer: A journalist\n",
            ":15: questions[1] (id 'kind').answer: 'A journalist' is not one of the options",
        ),
        (
            "  - id: kind\n",
            "  - id: who\n",
            ":11: questions[1] (id 'who').id: the id 'who' is used twice",
        ),
        (
            "    passage: Retired NATO Colonel José Antonio Alcaide told Izvestia\n",
            "    passage: Retired NATO Colonel said nothing\n",
            ":7: questions[0] (id 'who').passage: this passage is not in article.txt",
        ),
        (
            "    targets: [could, expressed doubt]\n",
            "    targets: [could, would]\n",
            ":24: questions[2] (id 'hedges').targets[1]: 'would' is not in the passage",
        ),
        (
            "    options: [An expert, An anonymous source]\n",
            "    options: [An expert, An anonymous source]\n    targets: [expert]\n",
            "questions[1] (id 'kind').targets: only find and annotate questions take 'targets'",
        ),
        (
            "    answer: [Alcaide, José Antonio Alcaide]\n",
            "",
            "questions[0] (id 'who').answer: a short question needs 'answer'",
        ),
        (
            "    options: [An expert, An anonymous source]\n",
            "    options: [An expert]\n",
            "questions[1] (id 'kind').options: give at least two options",
        ),
        (
            "    type: short\n",
            "    type: essay\n",
            "questions[0] (id 'who').type: Input should be 'choice', 'short', 'find', 'reflect' or 'annotate'",
        ),
        (
            "    hint: Is he named?\n",
            "    hint: Is he named?\n    colour: red\n",
            "questions[1] (id 'kind').colour: unknown key; the keys allowed here are id, type, prompt",
        ),
        (
            "    options: [An expert, An anonymous source]\n",
            "    options:\n      - Note: an expert\n      - An anonymous source\n",
            "put text that contains ': ' in quotes",
        ),
        (
            "    answer: An expert\n",
            "    answer: An expert\n    compare: hedge\n",
            "questions[1] (id 'kind').compare: only find questions take 'compare'",
        ),
        (
            "    targets: [could, expressed doubt]\n",
            "    targets: [could, expressed doubt]\n    compare: hedges\n",
            "questions[2] (id 'hedges').compare: Input should be 'hedge', 'booster', 'weasel' or 'attribution'",
        ),
        ("id: small\n", "id: Small Exercise\n", ":1: id: String should match pattern"),
        ("title: A small exercise\n", "", "title: Field required"),
    ],
)
def test_each_mistake_is_named_with_its_line_and_key(write_exercise, old, new, expected):
    assert old in SMALL
    problems = _problems(write_exercise(SMALL.replace(old, new, 1)))
    assert any(expected in p for p in problems), problems


@pytest.mark.parametrize(
    "text, expected",
    [
        ("", ":1: the file is empty"),
        ("- just\n- a list\n", "must be a mapping with id, title and questions"),
        ("id: [unclosed\n", "not valid YAML"),
        (
            "!!python/object/apply:os.system ['echo owned']\n",
            "the YAML tag !!python/object/apply:os.system is not allowed",
        ),
        ("id: a\nid: b\n", ":2: id: this key appears twice"),
    ],
)
def test_unsafe_or_broken_yaml_is_refused(write_exercise, text, expected):
    with pytest.raises(ExerciseError) as err:
        load_exercise(write_exercise(text))
    assert expected in str(err.value)


def test_yaml_that_is_not_utf8_is_refused(write_exercise):
    folder = write_exercise("")
    (folder / "exercise.yaml").write_bytes("title: Café\n".encode("latin-1"))
    with pytest.raises(ExerciseError, match="is not UTF-8 text"):
        load_exercise(folder)


def test_huge_yaml_is_refused(write_exercise):
    folder = write_exercise("")
    (folder / "exercise.yaml").write_text("# x\n" * 300_000, encoding="utf-8")
    with pytest.raises(ExerciseError, match="too large for an exercise file"):
        load_exercise(folder)


@pytest.mark.parametrize(
    "article, expected",
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00binary", "article: the article cannot be used"),
        ("   \n", "article: the article cannot be used"),
    ],
)
def test_a_bad_article_is_named(write_exercise, article, expected):
    with pytest.raises(ExerciseError) as err:
        load_exercise(write_exercise(SMALL, article=article))
    assert expected in str(err.value)
    assert "exercise.yaml:" in str(err.value)


def test_article_outside_the_folder_is_refused(write_exercise, tmp_path):
    (tmp_path / "secret.txt").write_text("private notes", encoding="utf-8")
    folder = write_exercise(
        SMALL.replace("title: A small", "article: ../secret.txt\ntitle: A small")
    )
    with pytest.raises(ExerciseError, match="'../secret.txt' is outside the exercise folder"):
        load_exercise(folder)


def test_missing_article_file_is_named(write_exercise):
    folder = write_exercise(SMALL.replace("title: A small", "article: story.txt\ntitle: A small"))
    with pytest.raises(ExerciseError, match=r"exercise.yaml:2: article: 'story.txt': no such file"):
        load_exercise(folder)


def test_missing_folder_and_folder_without_exercise(tmp_path):
    with pytest.raises(ExerciseError, match="no such folder or file"):
        load_exercise(tmp_path / "nowhere")
    with pytest.raises(ExerciseError, match="no exercise.yaml in this folder"):
        load_exercise(tmp_path)
    with pytest.raises(TypeError):
        load_exercise(42)


def test_check_reports_every_problem_in_one_run(write_exercise):
    """A missing article, a bad field in one question and a wrong option in another: all
    three at once, not one per run."""
    text = (
        SMALL.replace("id: small", "id: small\narticle: nowhere.txt")
        .replace("prompt: Who told Izvestia?", "prompt: Who told Izvestia?\n    points: lots")
        .replace("answer: An expert", "answer: A journalist")
    )
    problems = validate_exercise(write_exercise(text))
    messages = " | ".join(str(p) for p in problems)
    assert "nowhere.txt" in messages
    assert "points" in messages
    assert "'A journalist' is not one of the options" in messages
    assert all(p.line for p in problems)


def test_an_article_that_is_a_symlink_loop_is_a_clear_error(write_exercise, capsys):
    # Issue 16: Path.resolve() raised RuntimeError ("Symlink loop") out of load_exercise.
    import time

    from sourcecrit.cli import main

    folder = write_exercise(SMALL + "article: loop.txt\n")
    (folder / "loop.txt").symlink_to("loop.txt")
    with pytest.raises(ExerciseError, match="'loop.txt' cannot be read"):
        load_exercise(folder)
    for action in ("check", "build", "grade"):
        start = time.perf_counter()
        assert main(["exercise", action, str(folder)]) == 2
        assert time.perf_counter() - start < 3
        err = capsys.readouterr().err
        assert len(err.strip().splitlines()) == 1 and "loop.txt" in err
        assert "Traceback" not in err
