"""The exercise form, driven from Python: type, click Check, read the JSON on disk."""

from __future__ import annotations

import json
import textwrap

import ipywidgets as widgets
import pytest

from sourcecrit.exercises import ExerciseError, load_exercise
from sourcecrit.progress import ProgressStore
from sourcecrit.widgets import ExerciseForm, exercise_form
from sourcecrit.widgets.exercise_form import article_html
from sourcecrit.widgets.word_picker import WordPicker

from ..exercises.conftest import FLAGSHIP_DIR


@pytest.fixture
def store(tmp_path):
    return ProgressStore(tmp_path / "progress")


def _on_disk(form):
    return json.loads(form.session.path.read_text(encoding="utf-8"))["answers"]


def test_form_has_one_box_per_question_with_the_right_input(store):
    form = exercise_form(FLAGSHIP_DIR, learner="Ada", store=store)
    assert isinstance(form, ExerciseForm) and isinstance(form, widgets.VBox)
    ex = form.exercise
    # annotate questions are shown by widgets.annotate_question, not by the form
    assert list(form.questions) == [q.id for q in ex.questions if q.type != "annotate"]
    assert isinstance(form["who-colonel"].input, widgets.Text)
    assert isinstance(form["same-person"].input, widgets.RadioButtons)
    assert form["same-person"].input.value is None
    assert isinstance(form["find-hedges"].input, WordPicker)
    assert isinstance(form["what-to-check"].input, widgets.Textarea)
    assert "Learner: Ada" in form.title.value
    assert "Alcaide" in form.article.value
    with pytest.raises(ExerciseError, match="no question 'nope'"):
        form["nope"]


def test_typing_saves_at_once_and_check_gives_feedback(store):
    form = exercise_form(FLAGSHIP_DIR, learner="Ada", store=store)
    box = form["who-colonel"]
    box.input.value = "Putin"
    assert _on_disk(form) == {"who-colonel": "Putin"}
    assert box.feedback.value == ""  # no feedback until asked
    box.check_button.click()
    assert "Hint:" in box.feedback.value and "sc-wrong" in box.feedback.value
    box.input.value = "Alcaide"
    assert box.feedback.value == ""  # the old feedback described the old answer
    box.check_button.click()
    assert "Right." in box.feedback.value and "sc-correct" in box.feedback.value

    form["find-hedges"].input.value = "could\nexpressed doubt"
    form["same-person"].input.value = "The same colonel, spelled differently"
    assert _on_disk(form) == {
        "who-colonel": "Alcaide",
        "find-hedges": ["could", "expressed doubt"],
        "same-person": "The same colonel, spelled differently",
    }
    assert form.grade().points == 3


def test_a_new_form_after_a_restart_shows_the_saved_answers(store):
    form = exercise_form(FLAGSHIP_DIR, learner="Ada", store=store)
    form["who-colonel"].input.value = "Alcaide"
    form["find-hedges"].input.value = "could\nexpressed doubt"
    form["colonel-source"].input.value = "A named expert giving his own view"

    again = exercise_form(FLAGSHIP_DIR, learner="Ada", store=ProgressStore(store.directory))
    assert again["who-colonel"].input.value == "Alcaide"
    assert again["find-hedges"].input.value == ["could", "expressed doubt"]
    picked = [b.description for b in again["find-hedges"].input.buttons if b.value]
    assert picked == ["could", "expressed", "doubt"]
    assert again["colonel-source"].input.value == "A named expert giving his own view"
    assert again["same-person"].input.value is None
    # Restoring the inputs does not rewrite the file.
    assert _on_disk(again) == _on_disk(form)


def test_a_save_problem_is_shown_in_the_box(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder", encoding="utf-8")
    form = exercise_form(FLAGSHIP_DIR, learner="Ada", store=blocker)
    form["who-colonel"].input.value = "Alcaide"
    assert "Not saved" in form["who-colonel"].status.value


def test_article_and_exercise_text_are_escaped(tmp_path, store):
    folder = tmp_path / "ex"
    folder.mkdir()
    (folder / "article.txt").write_text(
        "The minister said <script>alert('x')</script> nothing.\n\nA second <b>paragraph</b>.",
        encoding="utf-8",
    )
    (folder / "exercise.yaml").write_text(
        textwrap.dedent(
            """\
            id: escape
            title: <img src=x onerror=alert(1)>
            questions:
              - id: q
                type: short
                prompt: What did <i>he</i> say?
                passage: said <script>alert('x')</script>
                answer: nothing
            """
        ),
        encoding="utf-8",
    )
    form = exercise_form(folder, learner="<b>Ada</b>", store=store)
    shown = form.title.value + form.article.value + form["q"].children[0].value
    assert "<script>" not in shown and "<img" not in shown and "<b>Ada" not in shown
    assert "<i>he" not in shown and "&lt;b&gt;Ada" in shown
    assert "&lt;script&gt;" in form.article.value
    assert "<mark class='sc-passage' title='Question 1'>said &lt;script&gt;" in form.article.value
    assert form.article.value.count("<p>") == 2


def test_article_html_marks_each_passage_once(store):
    ex = load_exercise(FLAGSHIP_DIR)
    html = article_html(ex)
    marked = [q for q in ex.questions if ex.passage_span(q.id)]
    assert html.count("<mark class='sc-passage'") == len(marked)


def test_an_answer_that_is_no_longer_an_option_is_reported_not_lost(store, tmp_path):
    form = exercise_form(FLAGSHIP_DIR, learner="Ada", store=store)
    # Saved when the instructor still offered this option.
    store.save("Ada", form.session.key, None, {"same-person": "A retired option"})
    again = exercise_form(FLAGSHIP_DIR, learner="Ada", store=store)
    box = again["same-person"]
    assert box.input.value is None
    assert "no longer one of the options" in box.status.value
    assert _on_disk(again)["same-person"] == "A retired option"


def test_clicking_words_picks_them_and_saves(store):
    form = exercise_form(FLAGSHIP_DIR, learner="Ada", store=store)
    box = form["find-hedges"]
    words = {b.description.strip(".,"): b for b in box.input.buttons}
    assert list(words)[:4] == ["He", "added", "that", "the"]
    words["could"].value = True
    assert _on_disk(form) == {"find-hedges": ["could"]}
    box.check_button.click()
    assert "You found 1 of 2" in box.feedback.value
    words["expressed"].value = True
    words["doubt"].value = True
    assert _on_disk(form) == {"find-hedges": ["could", "expressed doubt"]}
    box.check_button.click()
    assert "You found 2 of 2" in box.feedback.value and "sc-correct" in box.feedback.value
    assert "sourcecrit&#x27;s analysis marks the same hedges." in box.feedback.value
    words["could"].value = False
    assert _on_disk(form) == {"find-hedges": ["expressed doubt"]}


def test_picks_stop_at_punctuation_and_value_selects_words():
    text = "He also expressed doubt, sadly. Could be."
    picker = WordPicker(text, 0, len(text))
    assert [b.description for b in picker.buttons] == [
        "He",
        "also",
        "expressed",
        "doubt,",
        "sadly.",
        "Could",
        "be.",
    ]
    picker.buttons[3].value = picker.buttons[4].value = True
    assert picker.value == ["doubt", "sadly"]
    picker.value = "also expressed\nbe"
    assert [b.value for b in picker.buttons] == [False, True, True, False, False, False, True]


def test_a_hand_edited_answer_of_the_wrong_type_does_not_crash_the_form(tmp_path):
    from sourcecrit.progress import ProgressStore

    store = ProgressStore(tmp_path / "p")
    exercise = load_exercise(FLAGSHIP_DIR)
    find = next(q for q in exercise.questions if q.type == "find")
    short = next(q for q in exercise.questions if q.type in ("short", "choice"))
    store.save("Ada", "exercise-" + exercise.id, None, {find.id: [1, None], short.id: 7})
    form = exercise_form(exercise, learner="Ada", store=store)
    assert "could not be read" in form.title.value
    assert form[find.id].input.value in ([], "", ())


def _html_values(widget):
    if isinstance(widget, widgets.HTML):
        yield widget.value
    for child in getattr(widget, "children", ()):
        yield from _html_values(child)


def test_every_html_part_of_the_form_shows_yaml_and_names_as_text(tmp_path, live_markup):
    # Issue 16: title, intro, credit, prompts and passages come from exercise.yaml, the
    # article from a file and the learner's name from the student: text, never markup.
    from ..exercises.conftest import SMALL

    bad = "\"'><script>alert(1)</script><img src=x onerror=alert(2)>"
    folder = tmp_path / "ex"
    folder.mkdir()
    article = f"Retired Colonel Alcaide told Izvestia that {bad} NATO could be there.\n"
    (folder / "article.txt").write_text(article, encoding="utf-8")
    yaml_text = SMALL.replace("title: A small exercise", f"title: {json.dumps(bad)}")
    yaml_text = yaml_text.split("questions:")[0] + (
        f"intro: {json.dumps(bad)}\ncredit: {json.dumps(bad)}\nquestions:\n"
        f"  - id: who\n    type: short\n    prompt: {json.dumps(bad)}\n"
        f"    passage: {json.dumps(bad)}\n    answer: [Alcaide]\n"
    )
    (folder / "exercise.yaml").write_text(yaml_text, encoding="utf-8")
    form = exercise_form(load_exercise(folder), learner=bad, store=tmp_path / "store")
    pages = [article_html(form.exercise), *_html_values(form.header), *_html_values(form["who"])]
    assert len(pages) >= 3
    for page in pages:
        assert live_markup(page) == [], page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in article_html(form.exercise)
