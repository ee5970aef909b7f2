"""The reading log's rows: addresses checked, sites derived, the own-site flag."""

from __future__ import annotations

import pytest

from sourcecrit.lateral import ReadingLogError, log_entry, same_site, site_of


@pytest.mark.parametrize(
    ("url", "site"),
    [
        ("https://www.example.com/a?b=1", "example.com"),
        ("http://en.wikipedia.org/wiki/Izvestia", "en.wikipedia.org"),
        ("https://NEWS.Example.co.uk/x", "news.example.co.uk"),
    ],
)
def test_site_is_the_host_without_www(url, site):
    assert site_of(url) == site


@pytest.mark.parametrize(
    "url", ["example.com", "javascript:alert(1)", "ftp://x.org/", "https://", "http://[::1"]
)
def test_not_a_web_address_is_refused_with_a_hint(url):
    with pytest.raises(ReadingLogError, match="https://"):
        log_entry(url)


@pytest.mark.parametrize(
    ("url", "article", "own"),
    [
        ("https://iz.ru/other-story", "https://iz.ru/1663000/story", True),
        ("https://en.iz.ru/en/1663000", "https://iz.ru/1663000/story", True),
        ("https://news.example.co.uk/a", "https://www.example.co.uk/b", True),
        ("https://other.co.uk/a", "https://www.example.co.uk/b", False),
        ("https://www.reuters.com/world", "https://iz.ru/1663000/story", False),
        ("https://www.reuters.com/world", None, False),
    ],
)
def test_same_site_compares_registered_names(url, article, own):
    assert same_site(url, article) is own


def test_verdict_must_be_one_of_the_four_and_note_one_line():
    assert (
        log_entry(" https://a.org/x ", note="says  the\nsame", verdict="confirms").note
        == "says the same"
    )
    with pytest.raises(ReadingLogError, match="confirms"):
        log_entry("https://a.org/x", verdict="true")
    with pytest.raises(ReadingLogError, match="one line"):
        log_entry("https://a.org/x", note="x" * 301)
