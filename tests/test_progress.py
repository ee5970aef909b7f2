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


# -- merging: two writers on the same answers ------------------------------------------------


def test_a_stale_form_never_erases_a_newer_answer(store):
    """Two forms for the same learner: the older one saves its whole answer set."""
    old = ProgressStore(store.directory)
    new = ProgressStore(store.directory)
    old.load("Ada", "sift", ARTICLE)
    new.load("Ada", "sift", ARTICLE)
    new.save("Ada", "sift", ARTICLE, {"stop": "yes"})  # answered in the newer form
    old.save("Ada", "sift", ARTICLE, {"notes": "from the old cell"})  # then in the old one
    assert store.load("Ada", "sift", ARTICLE).answers == {
        "stop": "yes",
        "notes": "from the old cell",
    }


def test_a_stale_form_does_not_revert_an_item_changed_elsewhere(store):
    a = ProgressStore(store.directory)
    a.save("Ada", "sift", ARTICLE, {"stop": "no", "notes": "first"})
    b = ProgressStore(store.directory)
    view = b.load("Ada", "sift", ARTICLE).answers
    b.save("Ada", "sift", ARTICLE, {**view, "stop": "yes"})
    a.save("Ada", "sift", ARTICLE, {"stop": "no", "notes": "second"})  # a still shows "no"
    assert store.load("Ada", "sift", ARTICLE).answers == {"stop": "yes", "notes": "second"}


def test_clearing_an_item_is_saved_and_wins_when_newest(store):
    store.save("Ada", "sift", ARTICLE, {"stop": "yes", "notes": "x"})
    store.save("Ada", "sift", ARTICLE, {"stop": "yes"})
    assert ProgressStore(store.directory).load("Ada", "sift", ARTICLE).answers == {"stop": "yes"}


def test_save_item_and_explicit_times(store):
    store.save_item("Ada", "sift", None, "stop", "yes")
    store.save_items(
        "Ada", "sift", None, {"stop": "old"}, times={"stop": "2000-01-01T00:00:00+00:00"}
    )
    assert store.load("Ada", "sift", None).answers == {"stop": "yes"}  # the newer one stays
    store.save_items(
        "Ada", "sift", None, {"stop": "later"}, times={"stop": "2999-01-01T00:00:00+00:00"}
    )
    assert store.load("Ada", "sift", None).answers == {"stop": "later"}


def test_events_are_appended_once(store):
    event = {"kind": "attempt", "at": "2024-01-01T00:00:00+00:00", "item": "stop"}
    store.save_items("Ada", "sift", None, {}, events=[event])
    store.save_items("Ada", "sift", None, {}, events=[event])
    assert store.load("Ada", "sift", None).events == [event]


def _writer_saves(directory, learner, prefix, n):
    s = ProgressStore(directory)
    for i in range(n):
        s.save_item(learner, "sift", None, f"{prefix}{i}", i)


def test_two_processes_saving_different_items_lose_none(store):
    import multiprocessing

    ctx = multiprocessing.get_context("fork")
    procs = [ctx.Process(target=_writer_saves, args=(store.directory, "Ada", p, 40)) for p in "ab"]
    for p in procs:
        p.start()
    for p in procs:
        p.join(60)
    answers = store.load("Ada", "sift", None).answers
    assert answers == {f"{p}{i}": i for p in "ab" for i in range(40)}


# -- property: random interleavings of two writers -------------------------------------------

from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

ITEMS = ["q1", "q2", "q3"]
OPS = st.lists(
    st.tuples(
        st.sampled_from([0, 1]),  # which writer
        st.sampled_from(["reload", "set", "clear"]),
        st.sampled_from(ITEMS),
        st.integers(0, 3),
    ),
    max_size=25,
)


@settings(
    max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(ops=OPS)
def test_two_writers_interleaved_never_lose_an_item(tmp_path, ops):
    """Each writer is a form: it has its own view, changes one item, saves its whole view.
    After every step the file holds, for each item, what the last writer to change it set."""
    folder = tmp_path / f"p{abs(hash(tuple(ops)))}"
    writers = [ProgressStore(folder), ProgressStore(folder)]
    views = [w.load("Ada", "sift", None).answers for w in writers]
    expected: dict = {}
    for who, op, item, value in ops:
        if op == "reload":
            views[who] = writers[who].load("Ada", "sift", None).answers
            continue
        if op == "set":
            if views[who].get(item) == value:
                continue  # a widget fires no change for the value it already shows
            views[who][item] = value
            expected[item] = value
        elif item in views[who]:
            del views[who][item]
            expected.pop(item, None)
        else:
            continue
        writers[who].save("Ada", "sift", None, dict(views[who]))
        assert ProgressStore(folder).load("Ada", "sift", None).answers == expected


# -- hostile files ---------------------------------------------------------------------------


def test_deeply_nested_file_is_moved_aside_not_recursion_error(store):
    path = store.path_for("Ada", "sift", None)
    path.parent.mkdir(parents=True)
    path.write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    saved = store.load("Ada", "sift", None)
    assert saved.answers == {} and "nested too deeply" in saved.notices[0]
    path.write_text(
        '{"version": 1, "checklist": "sift", "answers": {"a": '
        + "[" * 100_000
        + "]" * 100_000
        + "}}",
        encoding="utf-8",
    )
    store.save("Ada", "sift", None, {"stop": "yes"})  # saving over it works too
    assert store.load("Ada", "sift", None).answers == {"stop": "yes"}


def test_deeply_nested_answers_are_refused_with_a_clear_error(store):
    deep: list = []
    for _ in range(100_000):
        deep = [deep]
    with pytest.raises(ProgressError, match="nested too deeply"):
        store.save("Ada", "sift", None, {"stop": deep})


def test_a_file_unreadable_for_lack_of_permission_is_moved_aside(store, monkeypatch):
    # Tests run as root here, where chmod 000 does not stop reading; so the one read
    # call is made to fail the way it does for an ordinary user.
    path = store.save("Ada", "sift", None, {"stop": "yes"})
    real = type(path).read_bytes

    def denied(self):
        if self == path:
            raise PermissionError(13, "Permission denied", str(self))
        return real(self)

    monkeypatch.setattr(type(path), "read_bytes", denied)
    saved = store.load("Ada", "sift", None)
    monkeypatch.undo()
    assert "Permission denied" in saved.notices[0]
    assert not path.exists() and list(path.parent.glob("*.corrupt-*.json"))


def test_old_orphaned_temp_files_are_cleaned_and_nothing_else(store):
    path = store.save("Ada", "sift", None, {"stop": "yes"})
    folder = path.parent
    old_tmp = folder / f".{path.name}.abcd1234.tmp"
    new_tmp = folder / f".{path.name}.efgh5678.tmp"
    unrelated = folder / "notes.tmp"
    for p in (old_tmp, new_tmp, unrelated):
        p.write_bytes(b"x" * 1000)
    hour_ago = os.stat(path).st_mtime - 3600
    os.utime(old_tmp, (hour_ago, hour_ago))
    os.utime(unrelated, (hour_ago, hour_ago))
    store.save("Ada", "sift", None, {"stop": "no"})
    assert not old_tmp.exists()  # left by a crash long ago
    assert new_tmp.exists()  # might be a save in progress in another process
    assert unrelated.exists()  # not ours


def test_two_checklist_forms_for_one_learner_keep_both_answers(tmp_path):
    """The checklist form saves its whole answer set; the store's merge protects it."""
    from sourcecrit.widgets.checklist_form import checklist_form

    folder = tmp_path / "p"
    old = checklist_form("sift", None, learner="Ada", store=folder)  # an old output cell
    new = checklist_form("sift", None, learner="Ada", store=folder)
    new.inputs["stop"].did.value = "yes"
    old.inputs["source-outlet"].shown.value = "https://en.wikipedia.org/wiki/Example"
    assert ProgressStore(folder).load("Ada", "sift", None).answers == {
        "stop": {"did": "yes", "shown": "", "found": ""},
        "source-outlet": {"did": "", "shown": "https://en.wikipedia.org/wiki/Example", "found": ""},
    }


def _save_forever(folder):
    s = ProgressStore(folder)
    i = 0
    while True:
        s.save_item("Ada", "sift", None, "q" + str(i % 20), "x" * 5000 + str(i))
        i += 1


def test_kill_9_during_merged_saves_leaves_only_whole_files(tmp_path):
    """The lock and the merge kept the old guarantee: a writer killed at any moment leaves
    the previous answers or the new ones, never half a file, and no lasting lock."""
    import multiprocessing
    import random
    import time

    folder = tmp_path / "p"
    target = ProgressStore(folder).path_for("Ada", "sift", None)
    ctx = multiprocessing.get_context("fork")  # a forked writer needs no fresh imports
    for _ in range(40):
        before = target.stat().st_mtime_ns if target.exists() else 0
        writer = ctx.Process(target=_save_forever, args=(folder,))
        writer.start()
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:  # wait until it has saved at least once
            if target.exists() and target.stat().st_mtime_ns != before:
                break
            time.sleep(0.005)
        time.sleep(random.uniform(0.0, 0.05))  # then kill it mid-save, somewhere
        writer.kill()  # SIGKILL
        writer.join()
        for path in folder.rglob("*.json"):
            record = json.loads(path.read_text(encoding="utf-8"))  # never torn
            assert isinstance(record["answers"], dict)
    saved = ProgressStore(folder).load("Ada", "sift", None)
    assert saved.notices == [] and saved.answers  # and the lock is free again:
    ProgressStore(folder).save_item("Ada", "sift", None, "after", "yes")
    assert ProgressStore(folder).load("Ada", "sift", None).answers["after"] == "yes"


def test_an_answer_changed_in_place_is_saved_again(store):
    """A form that keeps a list or dict answer and changes it in place (a new row in a
    reading log, one more word picked) must get that change saved on its next save."""
    answers = {"log": [{"url": "https://example.org/a"}], "note": {"did": "yes"}}
    store.save("ada", "checks", ARTICLE, answers)
    answers["log"].append({"url": "https://example.org/b"})
    answers["note"]["found"] = "a second page"
    store.save("ada", "checks", ARTICLE, answers)
    saved = ProgressStore(store.directory).load("ada", "checks", ARTICLE).answers
    assert saved["log"] == [{"url": "https://example.org/a"}, {"url": "https://example.org/b"}]
    assert saved["note"] == {"did": "yes", "found": "a second page"}


def test_an_answer_loaded_then_changed_in_place_is_saved(store):
    store.save("ada", "checks", ARTICLE, {"picks": ["NATO"]})
    second = ProgressStore(store.directory)
    answers = second.load("ada", "checks", ARTICLE).answers
    answers["picks"].append("soldiers")
    second.save("ada", "checks", ARTICLE, answers)
    assert store.load("ada", "checks", ARTICLE).answers["picks"] == ["NATO", "soldiers"]


@pytest.mark.parametrize("name", ["a\ud800", "Ada\x00", "B\udfffob"])
def test_a_learner_name_with_a_lone_surrogate_or_control_character_is_a_clear_error(tmp_path, name):
    store = ProgressStore(tmp_path / "p")
    with pytest.raises(ProgressError, match="control or unpaired"):
        store.save(name, "sift", None, {"stop": "yes"})
    with pytest.raises(ProgressError, match="control or unpaired"):
        store.save_item(name, "sift", None, "stop", "yes")
