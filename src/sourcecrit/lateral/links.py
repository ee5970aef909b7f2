"""Suggested searches for leaving the page: who is behind the outlet, the sources, the claim.

Fact-checkers judge a source by reading *about* it elsewhere (lateral reading; Wineburg &
McGrew 2019; Caulfield's SIFT). :func:`search_links` turns an Analysis into the searches a
student should run, each with a plain reason, as links built from the editable list of
search sites in ``data/search_sites.yaml``.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any

import pandas as pd
from pydantic import BaseModel, ConfigDict, field_validator

from sourcecrit.lateral.sites import SearchSite, SearchSites, load_search_sites
from sourcecrit.resources import data_path
from sourcecrit.yamlfile import validated_file

if TYPE_CHECKING:
    from sourcecrit.analysis import Analysis

#: The columns of :func:`search_links`, in order.
LINK_COLUMNS = ["target", "what", "query", "site", "url", "why", "note"]

#: Source types that name one person, whose background a student can look up.
PERSON_TYPES = ("named_official", "named_politician", "named_expert", "named_other")
LEDE_WORDS = 12
EVENT_TERMS = 4
#: Entity labels that name an event's where and who-as-group (people get their own rows).
_ENTITY_LABELS = ("EVENT", "GPE", "NORP", "ORG", "LOC")
_PRONOUNS = frozenset("he him his she her hers they them their it its i me we us".split())
_QUOTES = re.compile('["“”„«»]')


@dataclass(frozen=True)
class Transliteration:
    """A letter group that often marks a name spelled from another alphabet."""

    pattern: re.Pattern[str]
    explanation: str


def search_links(analysis: Analysis, *, sites: str | SearchSites | None = None) -> pd.DataFrame:
    """Return the searches a student should run to check ``analysis``'s article elsewhere.

    One row per search, in the order a fact-checker would go: the outlet (owner, funding),
    the article's missing facts (title, author, address), each named source with their role
    and the article's spelling, the lede's claim as a quoted phrase, the main event with its
    date, a fact-checking search and an encyclopedia search.

    Args:
        analysis: the Analysis of the article.
        sites: the search sites, as loaded by :func:`load_search_sites` or the path of a
            YAML file like ``data/search_sites.yaml``; default the bundled list.

    Returns:
        A DataFrame with the columns ``target`` (outlet, article, source, claim, event,
        fact check, background), ``what`` (the question the search answers, a sentence),
        ``query``, ``site`` (the site's name), ``url`` (percent-escaped, never pasted raw),
        ``why`` and ``note`` (a spelling or missing-metadata remark, or "").
    """
    site_list = sites if isinstance(sites, SearchSites) else load_search_sites(sites)
    rows: list[dict[str, str]] = []

    def add(target: str, what: str, query: str, kind: str, why: str, note: str = "") -> None:
        site = site_list.first(kind) or site_list.sites[0]  # type: ignore[arg-type]
        rows.append(_row(site, target=target, what=what, query=query, why=why, note=note))

    article = analysis.article
    lede = _lede(analysis)
    outlet = article.outlet
    if outlet:
        add(
            "outlet",
            f"Who owns {outlet}?",
            f'"{outlet}" owner',
            "web",
            "Who owns an outlet shapes what it may and may not say.",
        )
        add(
            "outlet",
            f"Who pays for {outlet}?",
            f'"{outlet}" funding',
            "web",
            "State, party or advertiser money can explain an outlet's angle.",
        )
        add(
            "outlet",
            f"What do others say about {outlet}?",
            outlet,
            "encyclopedia",
            "Read about the outlet on another site before you trust what it says.",
        )
    missing = [
        name for name in ("outlet", "title", "author", "url") if not article.metadata.get(name)
    ]
    if missing and lede:
        add(
            "article",
            "Where was this article first published, and by whom?",
            f'"{_words(lede, LEDE_WORDS)}"',
            "web",
            "Searching the opening words finds the original page, its outlet and its author.",
            note=f"The file does not give the article's {_listed(missing)}: find "
            f"{'it' if len(missing) == 1 else 'them'} and note where you found "
            f"{'it' if len(missing) == 1 else 'them'}.",
        )
    for source in _named_people(analysis):
        role = source["role"] or ""
        query = f'"{source["speaker"]}" {_role_words(role)}'.strip()
        described = f"{source['speaker']} ({role})" if role else source["speaker"]
        add(
            "source",
            f"Who is {described}, and could they know this?",
            query,
            "web",
            "Check that the person exists, holds the role the article gives, and what "
            "they have said elsewhere.",
            note=_spelling_note(source),
        )
    if lede:
        add(
            "claim",
            "Who else reports the lede's claim?",
            f'"{_words(lede, LEDE_WORDS)}"',
            "news",
            "A claim carried only by one outlet, or copied word for word, needs a closer look.",
        )
    event = _event_query(analysis, lede)
    if event:
        add(
            "event",
            "What happened, according to other outlets?",
            event,
            "news",
            "Compare how independent outlets describe the same event and date.",
        )
        add(
            "fact check",
            "Have fact-checkers looked at this?",
            event,
            "fact_check",
            "Fact-checking organisations may already have traced the claim.",
        )
        add(
            "background",
            "What is the background to the event?",
            event,
            "encyclopedia",
            "Background from an encyclopedia helps you notice what the article leaves out.",
        )
    return pd.DataFrame(rows, columns=LINK_COLUMNS)


def _row(site: SearchSite, **fields: str) -> dict[str, str]:
    return {**fields, "site": site.name, "url": site.url_for(fields["query"])}


def _lede(analysis: Analysis) -> str:
    sentences = analysis.sentences
    for text in sentences["text"] if len(sentences) else []:
        if len(str(text).split()) >= 4:
            return str(text).strip()
    return ""


def _words(text: str, n: int) -> str:
    """Return the first ``n`` words of ``text``, without quotation marks or a trailing stop."""
    words = _QUOTES.sub("", text).split()[:n]
    return " ".join(words).rstrip(".,;:!?")


def _listed(names: list[str]) -> str:
    label = {"url": "web address"}
    named = [label.get(n, n) for n in names]
    return named[0] if len(named) == 1 else ", ".join(named[:-1]) + " and " + named[-1]


def _named_people(analysis: Analysis) -> list[dict[str, Any]]:
    sources = analysis.sources
    if not len(sources):
        return []
    people = sources[sources["source_type"].isin(PERSON_TYPES) & sources["speaker"].notna()]
    return people.to_dict("records")


def _role_words(role: str) -> str:
    """Return the role without a leading article ('the head of ...' → 'head of ...')."""
    return re.sub(r"^(the|a|an)\s+", "", role.strip(), flags=re.IGNORECASE)


def _spelling_note(source: dict[str, Any]) -> str:
    name = str(source["speaker"])
    others = [
        alias
        for alias in (source.get("aliases") or [])
        if alias
        and alias[0].isupper()
        and alias.lower() not in _PRONOUNS
        and not alias.lower().startswith(("the ", "a ", "an "))
        and alias not in name
    ]
    if others:
        return (
            f"The article also spells this name {', '.join(others)}: search each spelling, "
            "and find how the person writes it themselves."
        )
    for rule in transliterations():
        if rule.pattern.search(name):
            return (
                f"This name may be spelled from another alphabet: {rule.explanation} "
                "Try other spellings too."
            )
    return ""


class TransliterationPattern(BaseModel):
    """One entry of ``data/transliteration.yaml``."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    pattern: str
    explanation: str

    @field_validator("pattern")
    @classmethod
    def _compiles(cls, value: str) -> str:
        try:
            re.compile(value)
        except re.error as exc:
            raise ValueError(f"not a regular expression: {exc}") from None
        return value


class TransliterationFile(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    patterns: list[TransliterationPattern]


@lru_cache(maxsize=1)
def transliterations() -> tuple[Transliteration, ...]:
    """Return the letter groups of ``data/transliteration.yaml``."""
    data = validated_file(data_path("transliteration.yaml"), TransliterationFile)
    return tuple(
        Transliteration(re.compile(entry.pattern, re.IGNORECASE), entry.explanation)
        for entry in data.patterns
    )


def _event_query(analysis: Analysis, lede: str) -> str:
    """Return the lede's main names (places, groups, events) and the article's month."""
    terms: list[str] = []
    skip = {str(analysis.article.outlet or "").lower()}
    doc = analysis.doc
    if doc is not None and lede:
        start = int(analysis.sentences["start"].iloc[0]) if len(analysis.sentences) else 0
        end = start + len(lede) + 400
        for ent in doc.ents:
            if ent.start_char >= start and ent.end_char <= end and ent.label_ in _ENTITY_LABELS:
                term = re.sub(r"^the\s+", "", ent.text, flags=re.IGNORECASE)
                if term.lower() not in skip | {t.lower() for t in terms}:
                    terms.append(term)
    elif lede:
        terms = list(dict.fromkeys(re.findall(r"(?<!^)\b[A-Z][a-zA-Z]+", lede)))
    terms = terms[:EVENT_TERMS]
    month = _month(analysis.article.date)
    if month:
        terms.append(month)
    return " ".join(terms)


def _month(date: str | None) -> str:
    if not date:
        return ""
    try:
        return dt.date.fromisoformat(date[:10]).strftime("%B %Y")
    except ValueError:
        return ""
