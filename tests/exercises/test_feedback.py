"""Feedback teaches: hints on wrong answers (never the answer), explanations on right ones."""

from __future__ import annotations

import pytest

from sourcecrit.exercises import ExerciseError, analysis_once, feedback_for, grade, load_exercise

from .conftest import SMALL


@pytest.fixture
def small(write_exercise):
    return load_exercise(write_exercise(SMALL))


def _fb(ex, qid, answer):
    return feedback_for(ex.question(qid), answer, text=ex.text, passage=ex.passage_span(qid))


@pytest.mark.parametrize("answer", ["Alcaide", "alcaide", " Jose Antonio Alcaide. "])
def test_short_answers_match_in_any_case_and_spelling_of_accents(small, answer):
    fb = _fb(small, "who", answer)
    assert (fb.status, fb.points, fb.max_points) == ("correct", 1, 1)
    assert fb.message == "Right. He is the source."


def test_a_near_miss_is_told_to_check_the_spelling(small):
    fb = _fb(small, "who", "Alcaid")
    assert fb.status == "wrong" and fb.points == 0
    assert "check the spelling" in fb.message


def test_a_wrong_answer_gets_the_hint_not_the_answer(small):
    fb = _fb(small, "who", "Putin")
    assert fb.status == "wrong"
    assert fb.message == 'Not what we were looking for. Hint: Look for "told".'
    assert "Alcaide" not in fb.message and "He is the source" not in fb.message
    choice = _fb(small, "kind", "An anonymous source")
    assert choice.status == "wrong" and "Hint: Is he named?" in choice.message
    assert "Named, retired" not in choice.message


def test_choice_right(small):
    fb = _fb(small, "kind", "An expert")
    assert (fb.status, fb.points) == ("correct", 1)
    assert "Named, retired" in fb.message


@pytest.mark.parametrize(
    "picks, status, points, words",
    [
        (["could", "expressed doubt"], "correct", 1.0, ["found 2 of 2", "Both soften"]),
        ("could\nexpressed doubt", "correct", 1.0, ["found 2 of 2"]),
        ("could; expressed doubt", "correct", 1.0, ["found 2 of 2"]),
        (["could be there", "expressed doubt that"], "correct", 1.0, ["found 2 of 2"]),
        # One word of a two-word target is half of it, never all of it.
        (
            ["could be there", "doubt"],
            "partly",
            0.75,
            ["found 1 of 2", "Part of “expressed doubt”"],
        ),
        (["could"], "partly", 0.5, ["found 1 of 2", "Hint:"]),
        # A pick that is not a target dilutes the score, never wipes out what was found.
        (
            ["could", "instructors"],
            "partly",
            0.33,
            ["found 1 of 2", "Not what we were looking for: “instructors”"],
        ),
        (["could", "may"], "partly", 0.5, ["Not in the passage: “may”"]),
        (
            ["He added that the military could be there as instructors. He also expressed doubt"],
            "wrong",
            0.0,
            ["found 0 of 2", "Too long"],
        ),
        (["instructors", "fight"], "wrong", 0.0, ["found 0 of 2"]),
        (["ou", "ss"], "wrong", 0.0, ["Not in the passage: “ou”, “ss”"]),
    ],
)
def test_find_answers_are_marked_against_the_passage(small, picks, status, points, words):
    fb = _fb(small, "hedges", picks)
    assert (fb.status, fb.points) == (status, points)
    for word in words:
        assert word in fb.message


def test_found_everything_never_comes_with_zero_points(write_exercise):
    one = SMALL.replace("targets: [could, expressed doubt]", "targets: [expressed doubt]")
    ex = load_exercise(write_exercise(one))
    fb = _fb(ex, "hedges", ["expressed doubt", "instructors", "fight"])
    assert "You found 1 of 1" in fb.message and fb.points > 0
    half = _fb(ex, "hedges", ["doubt"])
    assert (half.status, half.points) == ("partly", 0.5)
    assert "You found 0 of 1" in half.message and "Part of “expressed doubt”" in half.message


def test_choice_options_carry_their_own_feedback(write_exercise):
    text = SMALL.replace(
        "    options: [An expert, An anonymous source]",
        "    options:\n      - {text: An expert, why: He is named and speaks from experience.}\n"
        "      - {text: An anonymous source, why: The article gives his name.}",
    )
    assert text != SMALL
    ex = load_exercise(write_exercise(text))
    assert ex.question("kind").options == ["An expert", "An anonymous source"]
    wrong = _fb(ex, "kind", "An anonymous source")
    assert wrong.status == "wrong" and "gives his name" in wrong.message
    right = _fb(ex, "kind", "An expert")
    assert right.status == "correct" and "speaks from experience" in right.message


def test_find_looks_only_inside_the_passage(write_exercise):
    # "could" also occurs outside the passage; a pick must be in the passage to count.
    text = SMALL.replace("Which words hedge?", "Which words hedge?")
    ex = load_exercise(
        write_exercise(
            text,
            article="He could go.\n\nHe added that the military could be there as "
            "instructors. He also expressed doubt that they fight.\n\nRetired NATO Colonel "
            "José Antonio Alcaide told Izvestia so.",
        )
    )
    start, _ = ex.passage_span("hedges")
    assert start > 12
    assert _fb(ex, "hedges", ["could", "expressed doubt"]).status == "correct"
    assert _fb(ex, "hedges", ["go"]).message.startswith(
        "You found 0 of 2. Not in the passage: “go”"
    )


def test_reflection_is_not_marked_but_shows_the_model_answer(small):
    fb = _fb(small, "think", "I would search other outlets.")
    assert (fb.status, fb.points, fb.max_points) == ("answered", 0, 0)
    assert "one possible answer: Read laterally." in fb.message


@pytest.mark.parametrize("blank", [None, "", "   ", [], ["  "]])
def test_blank_answers_are_unanswered(small, blank):
    qid = "hedges" if isinstance(blank, list) else "who"
    assert _fb(small, qid, blank).status == "unanswered"


@pytest.mark.parametrize(
    "qid, bad", [("who", 42), ("kind", ["a"]), ("hedges", {"a": 1}), ("who", "x" * 10_001)]
)
def test_answers_of_the_wrong_shape_are_refused(small, qid, bad):
    with pytest.raises(ExerciseError, match=f"the answer to '{qid}'"):
        _fb(small, qid, bad)


def test_grade_adds_up_and_renders_safely(small):
    g = grade(
        small,
        {"who": "Alcaide", "hedges": ["could"], "kind": "<script>alert(1)</script>"},
        learner="<b>Ada</b>",
    )
    assert (g.points, g.max_points, g.answered) == (1.5, 3, 3)
    frame = g.to_frame()
    assert list(frame["question"]) == ["who", "kind", "hedges", "think"]
    assert list(frame["status"]) == ["correct", "wrong", "partly", "unanswered"]
    md = g.to_markdown()
    assert "Score: 1.5 of 3 (3 of 4 questions answered)" in md
    html = g._repr_html_()
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert "<b>Ada</b>" not in html
    assert g.to_dict()["questions"][0]["status"] == "correct"


def test_answers_to_unknown_questions_are_ignored_in_the_grade(small):
    assert grade(small, {"gone": "x", "who": "Alcaide"}).points == 1


def test_flagship_answers(flagship_exercise):
    ex = flagship_exercise
    right = {
        "who-colonel": "Alcaide",
        "same-person": "The same colonel, spelled differently",
        "find-hedges": ["could", "expressed doubt"],
        "find-boosters": ["indeed", "Believe me"],
        "find-weasel": ["increasingly frequent statements"],
        "denial-or-hedge": "No: it is a firm denial",
    }
    g = grade(ex, right)
    assert all(f.status == "correct" for f in g.feedback if f.question in right)
    # One of the two boosters earns half the point.
    assert _fb(ex, "find-boosters", ["indeed"]).points == 0.5


def test_compare_adds_sourcecrits_reading_only_to_a_right_answer(
    flagship_exercise, flagship_analysis
):
    ex = flagship_exercise
    q = ex.question("find-hedges")
    assert q.compare == "hedge"
    span = ex.passage_span(q.id)

    def never():
        raise AssertionError("the analysis must not be made for an answer that is not right")

    partly = feedback_for(q, ["could"], text=ex.text, passage=span, analysis=never)
    assert partly.status == "partly" and "sourcecrit" not in partly.message
    right = feedback_for(
        q, ["could", "expressed doubt"], text=ex.text, passage=span, analysis=flagship_analysis
    )
    assert right.message.endswith("sourcecrit's analysis marks the same hedges.")


def test_compare_names_what_the_machine_marks_when_it_differs(write_exercise):
    text = SMALL.replace(
        "    targets: [could, expressed doubt]\n", "    targets: [could]\n    compare: hedge\n"
    )
    ex = load_exercise(write_exercise(text))
    machine = analysis_once(ex)
    fb = grade(ex, {"hedges": ["could"]}, analysis=machine).feedback[2]
    assert fb.status == "correct"
    assert (
        "sourcecrit's analysis marks these hedges here: “could”, “expressed doubt”." in fb.message
    )
    assert "sourcecrit" not in grade(ex, {"hedges": ["could"]}).feedback[2].message
    off = grade(ex, {"hedges": ["could"]}, analysis=machine, compare=False)
    assert "sourcecrit" not in off.feedback[2].message


def test_grade_markdown_shows_markup_from_yaml_and_answers_as_text(write_exercise):
    # Issue 16: the title and hints come from exercise.yaml, the learner's name from the
    # student; in Markdown (rendered the CommonMark way, raw HTML allowed) none may run.
    from markdown_it import MarkdownIt

    from sourcecrit.exercises import exercise_from_yaml

    from .conftest import SMALL

    hostile = "<img src=x onerror='alert(1)'>"
    yaml_text = SMALL.replace("title: A small exercise", f'title: "{hostile} *T*"').replace(
        "hint: Is he named?", f'hint: "{hostile} [go](javascript:x)"'
    )
    ex = exercise_from_yaml(yaml_text, folder=write_exercise(SMALL))
    g = grade(ex, {"kind": "An anonymous source"}, learner="<script>alert(2)</script>\n<b>x")
    md = g.to_markdown()
    rendered = MarkdownIt("commonmark").render(md)
    for tag in ("<img", "<script", "<b>", "<em>T", "<a "):
        assert tag not in rendered
    assert "&lt;script&gt;alert(2)&lt;/script&gt;" in rendered
    assert rendered.count("&lt;img src=x onerror='alert(1)'&gt;") == 2
    # The line break in the name would end the heading and start an HTML block.
    assert md.splitlines()[0].endswith("\\<script\\>alert(2)\\</script\\> \\<b\\>x")
    assert "Score: 0 of 3 (1 of 4 questions answered)" in md
