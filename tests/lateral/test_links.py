"""search_links: the searches a student runs to read about the article elsewhere."""

from __future__ import annotations

from urllib.parse import parse_qs, unquote, urlsplit

import pytest

from sourcecrit import analyze
from sourcecrit.article import Article
from sourcecrit.lateral import LINK_COLUMNS, SearchSitesError, load_search_sites, search_links

STORY = (
    "Harbour workers walked out in Valdora on Monday, the port authority confirmed. "
    '"We will not go back until the cranes are safe," said union leader Dmitriy '
    "Kovalchuk. The strike could spread to two other ports, according to the authority."
)


def _query(url: str) -> str:
    parts = urlsplit(url)
    if parts.query:
        return next(iter(parse_qs(parts.query).values()))[0]
    return unquote(parts.path.rsplit("/", 1)[-1])


@pytest.fixture(scope="module")
def story(nlp):
    metadata = {"outlet": 'Le "Petit" Écho', "date": "2025-05-12"}
    return analyze(Article(text=STORY, metadata=metadata))


def test_columns_and_every_url_round_trips_its_query(story):
    links = search_links(story)
    assert list(links.columns) == LINK_COLUMNS
    for row in links.itertuples():
        assert row.url.startswith("https://")
        assert " " not in row.url and '"' not in row.url and "É" not in row.url
        assert _query(row.url) == row.query


def test_outlet_quotes_and_accents_are_escaped_not_pasted(story):
    outlet_rows = story_rows = search_links(story)
    outlet_rows = story_rows[story_rows["target"] == "outlet"]
    assert {'"Le "Petit" Écho" owner', '"Le "Petit" Écho" funding'} <= set(outlet_rows["query"])
    owner = outlet_rows[outlet_rows["query"].str.endswith("owner")]["url"].iloc[0]
    assert "%22Le%20%22Petit%22%20%C3%89cho%22%20owner" in owner


def test_each_named_source_gets_a_search_with_role_and_spelling_note(story):
    links = search_links(story)
    sources = links[links["target"] == "source"]
    assert any("Dmitriy Kovalchuk" in q for q in sources["query"])
    note = sources[sources["query"].str.contains("Kovalchuk")]["note"].iloc[0]
    assert "another alphabet" in note


def test_missing_metadata_is_said_and_the_student_invited_to_find_it(nlp):
    bare = analyze(STORY)
    links = search_links(bare)
    article = links[links["target"] == "article"]
    assert len(article) == 1
    assert "outlet, title, author and web address" in article["note"].iloc[0]
    assert article["query"].iloc[0].startswith('"Harbour workers walked out')


def test_flagship_has_outlet_every_named_source_claim_and_event(flagship_analysis):
    links = search_links(flagship_analysis)
    targets = set(links["target"])
    assert {"outlet", "source", "claim", "event", "fact check", "background"} <= targets
    assert any("Izvestia" in q for q in links[links["target"] == "outlet"]["query"])
    people = flagship_analysis.sources[
        flagship_analysis.sources["source_type"].str.startswith("named_")
    ]["speaker"]
    queries = " ".join(links["query"])
    for name in people:
        assert f'"{name}"' in queries
    alcaide = links[links["query"].str.contains("Alcaide")]["note"].iloc[0]
    assert "Alkaide" in alcaide  # the article spells him two ways
    event = links[links["target"] == "event"]["query"].iloc[0]
    assert "March 2024" in event and "Ukraine" in event


def test_instructor_sites_file_replaces_the_bundled_list(tmp_path, story):
    sites = tmp_path / "sites.yaml"
    sites.write_text(
        "sites:\n  - id: school\n    name: School search\n    kind: web\n"
        "    url: https://search.example.edu/find?q={query}\n"
        "    explanation: The search our school allows.\n",
        encoding="utf-8",
    )
    links = search_links(story, sites=str(sites))
    assert set(links["site"]) == {"School search"}


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (
            "sites:\n  - id: a\n    name: A\n    kind: web\n    url: http://x.org/?q={query}\n"
            "    explanation: e\n",
            "https",
        ),
        (
            "sites:\n  - id: a\n    name: A\n    kind: web\n    url: https://x.org/\n"
            "    explanation: e\n",
            "{query}",
        ),
        (
            "sites:\n  - id: a\n    name: A\n    kind: tv\n    url: https://x.org/?q={query}\n"
            "    explanation: e\n",
            "kind",
        ),
        ("sites: []\n", "at least one"),
        ("sites:\n  - !!python/object:os.system {}\n", "tag"),
    ],
)
def test_bad_sites_file_names_file_line_and_key(tmp_path, body, message):
    path = tmp_path / "sites.yaml"
    path.write_text(body, encoding="utf-8")
    with pytest.raises(SearchSitesError) as err:
        load_search_sites(path)
    assert str(path) in str(err.value) and message in str(err.value)
