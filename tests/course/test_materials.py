"""The course's shared materials: the lesson article, glossary, context card, quiz scoring."""

from __future__ import annotations

import pytest

from sourcecrit.course import (
    LESSON_ARTICLE_ENV,
    context_card,
    discernment,
    glossary,
    is_flagship,
    lesson_article,
    quiz_items,
    second_account,
    techniques,
)
from sourcecrit.errors import ArticleError


def test_lesson_article_is_the_flagship_by_default(monkeypatch):
    monkeypatch.delenv(LESSON_ARTICLE_ENV, raising=False)
    assert is_flagship(lesson_article())


def test_lesson_article_follows_the_setting(monkeypatch, tmp_path):
    story = tmp_path / "story.txt"
    story.write_text("The council said the library will open late on Fridays.\n", encoding="utf-8")
    monkeypatch.setenv(LESSON_ARTICLE_ENV, str(story))
    article = lesson_article()
    assert article.text.startswith("The council said") and not is_flagship(article)


def test_a_missing_lesson_article_names_the_setting(monkeypatch, tmp_path):
    monkeypatch.setenv(LESSON_ARTICLE_ENV, str(tmp_path / "nope.txt"))
    with pytest.raises(ArticleError, match=LESSON_ARTICLE_ENV):
        lesson_article()


def test_glossary_has_the_terms_lessons_use_with_plain_columns():
    terms = set(glossary()["Term"])
    for needed in (
        "attribution",
        "source",
        "cue",
        "content",
        "lede",
        "hedge",
        "booster",
        "weasel phrase",
        "lateral reading",
    ):
        assert needed in terms
    assert list(glossary().columns) == ["Term", "Meaning", "Example"]


def test_context_card_names_its_sources_and_prompts_checking():
    card = context_card().text
    for point in ("Izvestia", "translation", "32-FZ", "article 47", "Article 75", "Macron"):
        assert point.lower() in card.lower()
    assert card.count("*Check:") >= 5


def test_second_account_is_labelled_as_written_for_the_course():
    article = second_account()
    assert "written for the course" in article.title
    assert "Sikorski" in article.text and "Macron" in article.text


def test_every_quiz_item_names_a_known_technique_and_both_sets_have_honest_posts():
    known = set(techniques()) | {"none"}
    for which in ("before", "after"):
        items = quiz_items(which)
        assert {i.technique for i in items} <= known
        assert sum(i.technique == "none" for i in items) >= 2


@pytest.mark.parametrize("which", ["before", "after"])
def test_discernment_rewards_telling_apart_not_calling_everything_a_trick(which):
    items = quiz_items(which)
    perfect = discernment({i.id: i.technique for i in items}, which)
    everything = discernment({i.id: "emotion" for i in items}, which)
    nothing = discernment({i.id: "none" for i in items}, which)
    assert perfect.score == 1.0
    assert everything.score == 0.0 and nothing.score == 0.0
    assert everything.right_technique < perfect.right_technique
    assert "false alarm" in everything.summary()


def test_course_data_goes_through_the_one_validator_naming_file_line_and_key(tmp_path):
    from sourcecrit.course.schemas import Prebunking
    from sourcecrit.errors import YAMLFileError
    from sourcecrit.yamlfile import validated_file

    bad = tmp_path / "prebunking.yaml"
    bad.write_text(
        "techniques:\n  emotion: {name: Emotion, explanation: Feelings.}\n"
        "sets:\n  before:\n    - {id: b1, text: A post., technique: mind_control, why: No.}\n",
        encoding="utf-8",
    )
    with pytest.raises(YAMLFileError) as err:
        validated_file(bad, Prebunking)
    assert f"{bad}:5" in str(err.value) and "mind_control" in str(err.value)
