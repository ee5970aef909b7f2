"""The parsed-data cache: bundled YAML is read from JSON the second time, never stale."""

from __future__ import annotations

import datetime
import json

import pytest
import yaml
from pydantic import BaseModel, ConfigDict

from sourcecrit import datacache
from sourcecrit.errors import LexiconError
from sourcecrit.resources import data_path, read_lexicon_yaml
from sourcecrit.yamlfile import validated_yaml


@pytest.fixture
def cache(tmp_path, monkeypatch):
    folder = tmp_path / "cache"
    monkeypatch.setenv(datacache.CACHE_ENV, str(folder))
    return folder


class Pair(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: str
    count: int


def entries(folder):
    return sorted((folder / "data").glob("*.json")) if (folder / "data").exists() else []


def test_kept_data_comes_back_for_the_same_text_only(cache):
    datacache.keep_data("a: 1\n", {"a": 1})
    assert datacache.cached_data("a: 1\n") == {"a": 1}
    assert datacache.is_missing(datacache.cached_data("a: 2\n"))
    assert len(entries(cache)) == 1
    assert not list((cache / "data").glob(".*.tmp"))  # written atomically, nothing left over


@pytest.mark.parametrize(
    "data",
    [{"when": datetime.date(2024, 3, 10)}, {1: "an integer key"}, {"x": float("nan")}],
    ids=["date", "integer key", "nan"],
)
def test_data_json_would_change_is_not_kept(cache, data):
    datacache.keep_data("text", data)
    assert entries(cache) == []
    assert datacache.is_missing(datacache.cached_data("text"))


@pytest.mark.parametrize("value", ["off", "0", ""])
def test_the_cache_can_be_turned_off(monkeypatch, value):
    monkeypatch.setenv(datacache.CACHE_ENV, value)
    assert datacache.cache_folder() is None
    datacache.keep_data("a: 1\n", {"a": 1})  # nowhere to go: no error
    assert datacache.is_missing(datacache.cached_data("a: 1\n"))


def test_an_unwritable_cache_folder_is_no_error(tmp_path, monkeypatch):
    blocker = tmp_path / "a file"
    blocker.write_text("not a folder")
    monkeypatch.setenv(datacache.CACHE_ENV, str(blocker))
    datacache.keep_data("a: 1\n", {"a": 1})
    assert datacache.is_missing(datacache.cached_data("a: 1\n"))


def test_a_corrupt_entry_is_ignored(cache):
    datacache.keep_data("a: 1\n", {"a": 1})
    (entry,) = entries(cache)
    entry.write_text('{"a": ', encoding="utf-8")
    assert datacache.is_missing(datacache.cached_data("a: 1\n"))


def test_a_bundled_lexicon_is_read_from_the_cache_the_second_time(cache):
    parsed = yaml.safe_load(data_path("cues.yaml").read_text(encoding="utf-8"))
    first, label = read_lexicon_yaml(None, default="cues.yaml")
    assert first == parsed and label == "sourcecrit/data/cues.yaml"
    (entry,) = entries(cache)
    assert json.loads(entry.read_text(encoding="utf-8")) == parsed
    second, _ = read_lexicon_yaml(None, default="cues.yaml")
    assert second == parsed and second is not first  # a fresh copy each time


def test_a_lexicon_given_by_path_is_not_cached(cache, tmp_path):
    mine = tmp_path / "mine.yaml"
    mine.write_text("cues: []\n", encoding="utf-8")
    data, label = read_lexicon_yaml(mine, default="cues.yaml")
    assert data == {"cues": []} and label == str(mine)
    assert entries(cache) == []


def test_validated_yaml_validates_the_cached_copy(cache):
    text = "name: bridge\ncount: 2\n"
    assert validated_yaml(text, Pair, source="pair.yaml", cache=True) == Pair(
        name="bridge", count=2
    )
    assert len(entries(cache)) == 1
    assert validated_yaml(text, Pair, source="pair.yaml", cache=True) == Pair(
        name="bridge", count=2
    )


def test_a_cached_copy_that_fails_is_parsed_again_for_line_numbers(cache):
    text = "name: bridge\ncount: many\n"
    datacache.keep_data(text, {"name": "bridge", "count": "many"})
    with pytest.raises(LexiconError) as info:
        validated_yaml(text, Pair, source="pair.yaml", error=LexiconError, cache=True)
    assert "pair.yaml:2" in str(info.value) and "count" in str(info.value)


def test_an_invalid_file_is_never_cached(cache):
    with pytest.raises(LexiconError):
        validated_yaml("name: bridge\n", Pair, source="pair.yaml", error=LexiconError, cache=True)
    assert entries(cache) == []
