"""The search sites the launcher links to: data an instructor can edit (``data/search_sites.yaml``).

Some schools block some sites, so the list is a plain YAML file, validated like every other
data file (file, line and key for every problem), and a URL is only ever built by
percent-escaping the search words into the site's ``{query}`` slot.
"""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path
from typing import Literal
from urllib.parse import quote, urlsplit

from pydantic import BaseModel, ConfigDict, field_validator, model_validator

from sourcecrit.errors import SearchSitesError
from sourcecrit.resources import data_path
from sourcecrit.yamlfile import RuleProblems, load_mapping, read_text, validated

MAX_BYTES = 100_000
SiteKind = Literal["web", "news", "fact_check", "encyclopedia"]


class SearchSite(BaseModel):
    """One place to search: its name, kind, URL pattern and why a student would go there."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str
    name: str
    kind: SiteKind
    url: str
    explanation: str

    @field_validator("url")
    @classmethod
    def _one_https_query_slot(cls, url: str) -> str:
        parts = urlsplit(url.replace("{query}", "q"))
        if parts.scheme != "https" or not parts.netloc:
            raise ValueError("must be an https:// address")
        if url.count("{query}") != 1:
            raise ValueError("must contain {query} exactly once, where the search words go")
        return url

    def url_for(self, query: str) -> str:
        """Return this site's search address for ``query``, the words percent-escaped."""
        return self.url.replace("{query}", quote(query, safe=""))


class SearchSites(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    sites: list[SearchSite]

    @model_validator(mode="after")
    def _ids_unique_and_kinds_present(self) -> SearchSites:
        problems: list[tuple[tuple[str | int, ...], str]] = []
        seen: set[str] = set()
        for i, site in enumerate(self.sites):
            if site.id in seen:
                problems.append((("sites", i, "id"), f"the id {site.id!r} is used twice"))
            seen.add(site.id)
        if not self.sites:
            problems.append((("sites",), "list at least one search site"))
        if problems:
            raise RuleProblems(problems)
        return self

    def first(self, kind: SiteKind) -> SearchSite | None:
        """Return the first site of ``kind``, or None when the file lists none."""
        return next((s for s in self.sites if s.kind == kind), None)


def load_search_sites(path: str | os.PathLike[str] | None = None) -> SearchSites:
    """Return the search sites in the YAML file at ``path`` (default: the bundled list).

    Raises:
        SearchSitesError: the file is missing, not YAML, or a site is malformed.
    """
    if path is None:
        return _bundled()
    return _load(Path(path))


@lru_cache(maxsize=1)
def _bundled() -> SearchSites:
    return _load(data_path("search_sites.yaml"))


def _load(path: Path) -> SearchSites:
    source = str(path)
    text = read_text(path, error=SearchSitesError, what="a search-sites", max_bytes=MAX_BYTES)
    root, data = load_mapping(
        text, source=source, error=SearchSitesError, what="a search-sites", keys="sites"
    )
    return validated(
        SearchSites, data, root, source=source, error=SearchSitesError, nested={"sites": SearchSite}
    )
