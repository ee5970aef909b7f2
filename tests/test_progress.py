"""The progress store: real files on disk, atomic saves, damaged files kept and reported."""

from __future__ import annotations

import json
import os

import pytest

from sourcecrit import progress
from sourcecrit.article import Article
from sourcecrit.progress import (
    NO_ARTICLE,
    PROGRESS_DIR_ENV,
    ProgressError,
    ProgressStore,
    article_key,
    default_progress_dir,
)

ARTICLE = Article(
    text="NATO soldiers are present.", metadata={"date": "2024-03-10"}, origin="/a/nato.txt"
)


@pytest.fixture
def store(tmp_path):
    return ProgressStore(tmp_path / "progress")


def _files(folder):
    return sorted(p.name for p in folder.iterdir())


def test_default_dir_from_environment(monkeypatch, tmp_path):
    monkeypatch.setenv(PROGRESS_DIR_ENV, str(tmp_path / "here"))
    assert default_progress_dir() == tmp_path / "here"
    assert ProgressStore().directory == tmp_path / "here"


def test_default_dir_in_home(monkeypatch, tmp_path):
    monkeypatch.delenv(PROGRESS_DIR_ENV, raising=False)
    monkeypatch.setenv("HOME", str(tmp_path))
    assert default_progress_dir() == tmp_path / ".sourcecrit" / "progress"


def test_save_then_load(store):
    path = store.save("Ada", "sift", ARTICLE, {"stop": "yes", "notes": "ok"})
    assert path.is_file() and path.is_relative_to(store.directory)
    record = json.loads(path.read_text(encoding="utf-8"))
    assert record["answers"] == {"stop": "yes", "notes": "ok"}
    assert (record["learner"], record["checklist"], record["version"]) == ("Ada", "sift", 1)
    assert record["article"] == article_key(ARTICLE)
    saved = store.load("Ada", "sift", ARTICLE)
    assert saved.answers == {"stop": "yes", "notes": "ok"}
    assert saved.updated == record["updated"] and saved.notices == []


def test_nothing_saved_yet(store):
    saved = store.load("Ada", "sift", ARTICLE)
    assert (saved.answers, saved.updated, saved.notices) == ({}, None, [])
    assert not store.directory.exists()  # loading creates nothing


@pytest.mark.parametrize(
    "other",
    [
        ("Bea", "sift", ARTICLE),
        ("Ada", "craap", ARTICLE),
        ("Ada", "sift", Article(text="Another article.", origin="/a/nato.txt")),
        ("Ada", "sift", None),
        ("ada", "sift", ARTICLE),  # names are kept as typed
        ("Ada!", "sift", ARTICLE),  # same slug as "Ada", different learner
    ],
)
def test_answers_are_keyed_by_learner_checklist_and_article(store, other):
    store.save("Ada", "sift", ARTICLE, {"stop": "yes"})
    assert store.path_for(*other) != store.path_for("Ada", "sift", ARTICLE)
    assert store.load(*other).answers == {}


def test_article_key_follows_the_text_not_the_folder():
    moved = Article(text=ARTICLE.text, origin="/elsewhere/nato.txt")
    assert article_key(moved) == article_key(ARTICLE)
    assert article_key(ARTICLE).startswith("nato-txt-")
    assert article_key(None) == NO_ARTICLE
    assert article_key("lesson-3") == "lesson-3"

    class HasArticle:  # an Analysis is keyed by its Article
        article = ARTICLE

    assert article_key(HasArticle()) == article_key(ARTICLE)


def test_a_checklist_object_is_filed_under_its_id(store):
    from sourcecrit.checklists import load_checklist

    assert store.path_for("Ada", load_checklist("sift")) == store.path_for("Ada", "sift")


@pytest.mark.parametrize("learner", ["", "   ", None, "x" * 101])
def test_bad_learner_name(store, learner):
    with pytest.raises(ProgressError, match="learner name"):
        store.save(learner, "sift", None, {})


def test_answers_that_are_not_json(store):
    with pytest.raises(ProgressError, match="cannot be saved as JSON"):
        store.save("Ada", "sift", None, {"stop": object()})


# -- a save cut short ----------------------------------------------------------------------


def test_save_interrupted_between_write_and_rename_keeps_previous_answers(store, monkeypatch):
    path = store.save("Ada", "sift", ARTICLE, {"stop": "yes"})
    calls = []

    def rename_fails(src, dst):
        calls.append((src, dst))
        raise OSError(5, "Input/output error")

    # The store writes the temp file, fsyncs it, then calls os.replace: make that fail.
    monkeypatch.setattr(progress.os, "replace", rename_fails)
    with pytest.raises(ProgressError, match="the answers saved before are still there"):
        store.save("Ada", "sift", ARTICLE, {"stop": "no", "notes": "lost"})
    monkeypatch.undo()

    assert calls, "the store did not call os.replace"
    src = calls[0][0]
    assert os.path.dirname(src) == str(path.parent)  # temp file in the same folder
    assert store.load("Ada", "sift", ARTICLE).answers == {"stop": "yes"}
    assert json.loads(path.read_text(encoding="utf-8"))["answers"] == {"stop": "yes"}
    assert not [n for n in _files(path.parent) if n.endswith(".tmp")]  # no litter


def test_save_interrupted_at_the_main_rename_only(store, monkeypatch):
    path = store.save("Ada", "sift", ARTICLE, {"stop": "yes"})
    real_replace = os.replace

    def replace(src, dst):
        if os.fspath(dst) == str(path):
            raise OSError(28, "No space left on device")
        return real_replace(src, dst)

    monkeypatch.setattr(progress.os, "replace", replace)
    with pytest.raises(ProgressError, match="No space left on device"):
        store.save("Ada", "sift", ARTICLE, {"stop": "no"})
    monkeypatch.undo()
    assert store.load("Ada", "sift", ARTICLE).answers == {"stop": "yes"}
    assert not [n for n in _files(path.parent) if n.endswith(".tmp")]


def test_save_interrupted_while_writing(store, monkeypatch):
    store.save("Ada", "sift", ARTICLE, {"stop": "yes"})

    def fsync_fails(fd):
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(progress.os, "fsync", fsync_fails)
    with pytest.raises(ProgressError):
        store.save("Ada", "sift", ARTICLE, {"stop": "no"})
    monkeypatch.undo()
    assert store.load("Ada", "sift", ARTICLE).answers == {"stop": "yes"}


def test_previous_good_copy_is_kept_as_backup(store):
    path = store.save("Ada", "sift", ARTICLE, {"stop": "yes"})
    store.save("Ada", "sift", ARTICLE, {"stop": "no"})
    backup = path.with_name(path.name.replace(".json", ".bak.json"))
    assert json.loads(backup.read_text(encoding="utf-8"))["answers"] == {"stop": "yes"}


def test_unchanged_answers_are_not_written_again(store):
    path = store.save("Ada", "sift", ARTICLE, {"stop": "yes"})
    before = path.read_bytes()
    store.save("Ada", "sift", ARTICLE, {"stop": "yes"})
    assert path.read_bytes() == before
    assert _files(path.parent) == [path.name]


# -- damaged files ---------------------------------------------------------------------------

CORRUPT = [
    (b'{"version": 1, "answers": {"stop": "ye', "not valid JSON"),
    (b"\xff\xfe\x00garbage", "not UTF-8"),
    (b"[1, 2, 3]", "does not hold a saved-answers record"),
    (b'{"version": 99, "checklist": "sift", "answers": {}}', "unknown format version 99"),
    (b'{"version": 1, "checklist": "sift"}', "its answers are missing"),
    (b'{"version": 1, "checklist": "craap", "answers": {}}', "holds answers to 'craap'"),
    (b"", "not valid JSON"),
]


@pytest.mark.parametrize("content, why", CORRUPT)
def test_corrupt_file_is_reported_and_kept(store, content, why):
    path = store.path_for("Ada", "sift", ARTICLE)
    path.parent.mkdir(parents=True)
    path.write_bytes(content)

    saved = store.load("Ada", "sift", ARTICLE)  # never raises
    assert saved.answers == {}
    assert why in saved.notices[0]
    aside = [p for p in path.parent.iterdir() if ".corrupt-" in p.name]
    assert len(aside) == 1 and aside[0].name.startswith(path.name[: -len(".json")] + ".corrupt-")
    assert aside[0].name.endswith(".json")
    assert aside[0].read_bytes() == content  # kept exactly as it was
    assert aside[0].name in saved.notices[0]
    assert "No earlier copy" in saved.notices[-1]
    assert not path.exists()

    # Answering again works and leaves the damaged copy alone.
    store.save("Ada", "sift", ARTICLE, {"stop": "yes"})
    assert store.load("Ada", "sift", ARTICLE).answers == {"stop": "yes"}
    assert aside[0].read_bytes() == content


def test_corrupt_file_answers_come_back_from_the_last_good_copy(store):
    path = store.save("Ada", "sift", ARTICLE, {"stop": "yes"})
    store.save("Ada", "sift", ARTICLE, {"stop": "yes", "notes": "more"})
    path.write_text("{ truncated", encoding="utf-8")
    saved = store.load("Ada", "sift", ARTICLE)
    assert saved.answers == {"stop": "yes"}
    assert any("restored from the last good copy" in n for n in saved.notices)


def test_saving_over_a_corrupt_file_moves_it_aside_first(store):
    path = store.path_for("Ada", "sift", ARTICLE)
    path.parent.mkdir(parents=True)
    path.write_bytes(b"not json")
    store.save("Ada", "sift", ARTICLE, {"stop": "no"})
    aside = [p for p in path.parent.iterdir() if ".corrupt-" in p.name]
    assert [p.read_bytes() for p in aside] == [b"not json"]
    assert store.load("Ada", "sift", ARTICLE).answers == {"stop": "no"}


def test_two_corrupt_copies_in_the_same_second_are_both_kept(store):
    path = store.path_for("Ada", "sift", None)
    path.parent.mkdir(parents=True)
    for content in (b"first", b"second"):
        path.write_bytes(content)
        store.load("Ada", "sift", None)
    kept = sorted(p.read_bytes() for p in path.parent.iterdir() if ".corrupt-" in p.name)
    assert kept == [b"first", b"second"]


def test_clear_removes_answers_and_backup(store):
    path = store.save("Ada", "sift", None, {"stop": "yes"})
    store.save("Ada", "sift", None, {"stop": "no"})
    store.clear("Ada", "sift", None)
    assert _files(path.parent) == []
    assert store.load("Ada", "sift", None).answers == {}
