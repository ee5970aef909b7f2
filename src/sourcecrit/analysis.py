"""Analyse articles once and hold the results as DataFrames.

``analyze`` parses an article with the pipeline from ``sourcecrit.pipeline`` and returns an
:class:`Analysis`. Everything downstream (charts, checklists, exercises, widgets) reads the
Analysis; nothing parses again. The tables are kept as plain rows (:mod:`sourcecrit.rows`)
and become DataFrames when first read, so a report or a JSON file never imports pandas.
"""

from __future__ import annotations

import html
import json
import os
from bisect import bisect_right
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal, overload

from spacy.language import Language
from spacy.tokens import Doc

from sourcecrit import columns
from sourcecrit.article import Article, article_from_text, load_article, without_surrogates
from sourcecrit.attribution import attributions as attribution_records
from sourcecrit.attribution import sources as source_records
from sourcecrit.columns import HEDGE_CATEGORIES
from sourcecrit.errors import SettingError, SourcecritError
from sourcecrit.extensions import ensure_extensions
from sourcecrit.hedging import hedges as hedge_records
from sourcecrit.hedging import most_hedged_sentences, sentence_certainty
from sourcecrit.pipeline import get_nlp, parse, pipe_in_order
from sourcecrit.rows import Table
from sourcecrit.sentences import sentence_spans

if TYPE_CHECKING:
    import pandas as pd

SCHEMA_VERSION = 1
#: The tables of an Analysis, in the order ``to_dict`` writes them.
TABLES = ("sentences", "attributions", "sources", "hedges")

ArticleLike = str | os.PathLike[str] | Article


@dataclass(eq=False)
class Analysis:
    """The results of analysing one article.

    Attributes:
        article: the Article analysed; ``article.text`` is the text all offsets refer to.
        doc: the spaCy Doc (None for an Analysis rebuilt from JSON).
        attributions, sources, hedges, sentences: DataFrames with the columns documented
            in ``sourcecrit.columns`` (given as DataFrames or as lists of row dicts).
        warnings: what the reader should know (non-English text, unbalanced quotes, ...).
    """

    article: Article
    doc: Doc | None
    attributions: Table = Table(columns.ATTRIBUTIONS)
    sources: Table = Table(columns.SOURCES)
    hedges: Table = Table(columns.HEDGES)
    sentences: Table = Table(columns.SENTENCES)
    warnings: list[str] = field(default_factory=list)

    @property
    def text(self) -> str:
        """The analysed text; ``text[start:end]`` is the span of any row's offsets."""
        return self.article.text

    def rows(self, table: str) -> list[dict[str, Any]]:
        """Return the rows of ``table`` (``attributions``, ``sources``, ``hedges`` or
        ``sentences``) as JSON-ready dicts, without building a DataFrame."""
        descriptor = type(self).__dict__.get(table)
        if not isinstance(descriptor, Table):
            raise SettingError(f"no table {table!r}: use one of {', '.join(TABLES)}")
        return descriptor.rows(self)

    @classmethod
    def from_doc(cls, article: Article, doc: Doc) -> Analysis:
        """Build the Analysis from a Doc that went through the full pipeline."""
        ensure_extensions()
        if not same_text(doc, article.text):
            raise ValueError("The Doc's text differs from the Article's: offsets would be wrong.")
        # As the components wrote them: assigning puts them in schema order, once.
        attributions = attribution_records(doc)
        hedges = hedge_records(doc)
        sentences = sentence_rows(doc, article, hedges=hedges, attributions=attributions)
        sources = source_records(doc)
        warnings = [*article.warnings, *(doc._.sc_warnings or [])]
        return cls(article, doc, attributions, sources, hedges, sentences, warnings)

    def summary(self) -> dict[str, Any]:
        """Return headline counts: sentences, attributions by kind, sources, cues by category."""
        hedges = Counter(row["category"] for row in self.rows("hedges"))
        return {
            "article": self.article.name,
            "date": self.article.date,
            "words": len(self.text.split()),
            "sentences": self._length("sentences"),
            "attributions": self._length("attributions"),
            "sources": self._length("sources"),
            "hedges": int(hedges.get("hedge", 0)),
            "boosters": int(hedges.get("booster", 0)),
            "weasels": int(hedges.get("weasel", 0)),
            "warnings": len(self.warnings),
        }

    def _length(self, table: str) -> int:
        return len(self.__dict__[f"_{table}"])

    def most_hedged_sentences(self, n: int = 3) -> pd.DataFrame:
        """Return the ``n`` sentences with the most hedge and weasel cues, most first."""
        return most_hedged_sentences(self.sentences, self.hedges, n=n)

    # -- serialisation -------------------------------------------------------------------

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-ready dict; ``Analysis.from_dict`` rebuilds it (without the Doc)."""
        return {
            "version": SCHEMA_VERSION,
            "article": self.article.to_dict(),
            "summary": self.summary(),
            "sentences": self.rows("sentences"),
            "attributions": self.rows("attributions"),
            "sources": self.rows("sources"),
            "hedges": self.rows("hedges"),
            "warnings": list(self.warnings),
        }

    def to_json(self, *, indent: int | None = 2) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Analysis:
        return cls(
            article=Article.from_dict(data["article"]),
            doc=None,
            attributions=list(data.get("attributions", [])),
            sources=list(data.get("sources", [])),
            hedges=list(data.get("hedges", [])),
            sentences=list(data.get("sentences", [])),
            warnings=list(data.get("warnings", [])),
        )

    @classmethod
    def from_json(cls, text: str) -> Analysis:
        return cls.from_dict(json.loads(text))

    # -- display -------------------------------------------------------------------------

    def __repr__(self) -> str:
        s = self.summary()
        return (
            f"<Analysis of {s['article']!r}: {s['sentences']} sentences, "
            f"{s['attributions']} attributions, {s['hedges']} hedges, {s['boosters']} boosters, "
            f"{s['weasels']} weasels>"
        )

    def _repr_html_(self) -> str:
        esc = html.escape
        s = self.summary()
        meta = " · ".join(
            esc(f"{k}: {v}") for k, v in self.article.metadata.items() if k != "title"
        )
        counts = ", ".join(
            f"{s[k]} {k}"
            for k in ("sentences", "attributions", "sources", "hedges", "boosters", "weasels")
        )
        warnings = "".join(f"<li>{esc(w)}</li>" for w in self.warnings)
        paragraphs = "".join(f"<p>{esc(p.text)}</p>" for p in self.article.paragraphs)
        return (
            '<div class="sourcecrit-analysis">'
            f"<h4>{esc(self.article.title or self.article.name)}</h4>"
            + (f"<p><small>{meta}</small></p>" if meta else "")
            + f"<p><b>{esc(counts)}</b></p>"
            + (f'<ul class="sourcecrit-warnings">{warnings}</ul>' if warnings else "")
            + f'<div class="sourcecrit-text">{paragraphs}</div></div>'
        )


def same_text(doc: Doc, text: str) -> bool:
    """Return True when ``doc`` was made from ``text``, without rebuilding ``doc.text``.

    spaCy joins every token to answer ``doc.text``; the same length and a sample of
    tokens found where the Doc puts them tell a mismatched pair apart for far less.
    """
    if not len(doc):
        return text == ""
    last = doc[-1]
    if last.idx + len(last.text_with_ws) != len(text):
        return False
    step = max(len(doc) // 32, 1)
    return all(text.startswith(doc[i].text, doc[i].idx) for i in range(0, len(doc), step))


def sentence_rows(
    doc: Doc,
    article: Article,
    *,
    hedges: list[dict[str, Any]],
    attributions: list[dict[str, Any]],
) -> list[dict[str, Any]]:
    """Return the rows of ``Analysis.sentences``: each sentence with its cue counts.

    The sentence spans come from the one numbering every table shares
    (:func:`sourcecrit.sentences.sentence_spans`, cached on the Doc); the counts from one
    pass over each table, the paragraph from a bisection of the paragraph starts.
    """
    text = article.text  # the same string as doc.text, which spaCy rebuilds on each access
    spans = sentence_spans(doc)
    cues = Counter((row.get("sentence"), row.get("category")) for row in hedges)
    said = Counter(row.get("sentence") for row in attributions)
    para_starts = [p.start for p in article.paragraphs]
    out = []
    for number, (start, end) in enumerate(spans):
        n_hedges, n_boosters, n_weasels = (cues[number, c] for c in HEDGE_CATEGORIES)
        out.append(
            {
                "sentence": number,
                "start": start,
                "end": end,
                "text": text[start:end],
                "hedges": n_hedges,
                "boosters": n_boosters,
                "weasels": n_weasels,
                "attributions": said[number],
                "certainty": sentence_certainty(
                    hedges=n_hedges, boosters=n_boosters, weasels=n_weasels
                ),
                "paragraph": max(bisect_right(para_starts, start) - 1, 0),
            }
        )
    return out


def as_article(
    source: ArticleLike, *, encoding: str | None = None, max_chars: int | None = None
) -> Article:
    """Return ``source`` as an Article, by the input rule (DESIGN.md).

    A ``str`` is always the article text, analysed exactly as given (no header parsing,
    never read as a file name or URL), so offsets refer to it. An ``os.PathLike`` (e.g.
    ``pathlib.Path``) is a file, read with :func:`~sourcecrit.article.load_article`. An
    Article is returned as it is. For a URL, or a path held in a ``str``, call
    ``load_article`` yourself: ``analyze(load_article(url))``.

    Lone surrogates (not valid Unicode) are replaced by U+FFFD, one for one, with a
    warning on the Article.

    Raises:
        ArticleError: the text is empty or too long, or the file cannot be used.
        TypeError: ``source`` is none of the above.
    """
    if isinstance(source, Article):
        return without_surrogates(source)
    if isinstance(source, str):
        return without_surrogates(article_from_text(source, max_chars=max_chars, verbatim=True))
    if isinstance(source, os.PathLike):
        return load_article(source, encoding=encoding, max_chars=max_chars)
    raise TypeError(
        f"expected article text (str), a path (pathlib.Path) or an Article, "
        f"not {type(source).__name__}"
    )


def analyze(
    source: ArticleLike,
    *,
    encoding: str | None = None,
    max_chars: int | None = None,
    nlp: Language | None = None,
    reading: str = "news",
) -> Analysis:
    """Analyse one article and return its :class:`Analysis`.

    Args:
        source: the article text itself (a ``str``, analysed verbatim), a file path
            (``pathlib.Path``), or an Article (e.g. ``load_article(url)`` for a web page).
        encoding: text encoding of a file that is not UTF-8.
        max_chars: size limit in characters (default 2 MB of text).
        nlp: a pipeline to use instead of :func:`sourcecrit.pipeline.get_nlp`.
        reading: how hedges, boosters and weasels are read when ``nlp`` is not given:
            ``"news"`` (the default, the news-certainty guidelines) or ``"wikipedia"``
            (also what Wikipedia's *Words to watch* flags: puffery, editorialising,
            unsupported attributions; for students reading Wikipedia articles).

    Raises:
        ArticleError: the input could not be read (the message says why).
        LexiconError: ``reading`` is not a known reading.
    """
    article = as_article(source, encoding=encoding, max_chars=max_chars)
    nlp = nlp or get_nlp(reading=reading)
    return Analysis.from_doc(article, parse(nlp, article.text))


@dataclass(frozen=True)
class Failure:
    """An item ``analyze_many(..., on_error="skip")`` could not analyse, in its place.

    Attributes:
        index: the item's position in the input (0-based).
        source: the item as given (text, path or Article).
        error: the :class:`~sourcecrit.errors.SourcecritError` that says why.
    """

    index: int
    source: Any
    error: Exception

    @property
    def name(self) -> str:
        """A short name for the item: its file name, URL or the start of its text."""
        if isinstance(self.source, Article):
            return self.source.name
        if isinstance(self.source, os.PathLike):
            return os.fspath(self.source)
        text = " ".join(str(self.source).split())
        return repr(text[:40] + ("…" if len(text) > 40 else ""))

    def __str__(self) -> str:
        return f"item {self.index} ({self.name}): {self.error}"


@overload
def analyze_many(
    sources: Iterable[ArticleLike],
    *,
    n_process: int = ...,
    batch_size: int = ...,
    encoding: str | None = ...,
    max_chars: int | None = ...,
    nlp: Language | None = ...,
    on_error: Literal["raise"] = ...,
) -> Iterator[Analysis]: ...


@overload
def analyze_many(
    sources: Iterable[ArticleLike],
    *,
    n_process: int = ...,
    batch_size: int = ...,
    encoding: str | None = ...,
    max_chars: int | None = ...,
    nlp: Language | None = ...,
    on_error: Literal["skip"],
) -> Iterator[Analysis | Failure]: ...


def analyze_many(
    sources: Iterable[ArticleLike],
    *,
    n_process: int = 1,
    batch_size: int = 16,
    encoding: str | None = None,
    max_chars: int | None = None,
    nlp: Language | None = None,
    on_error: Literal["raise", "skip"] = "raise",
) -> Iterator[Analysis | Failure]:
    """Analyse many articles with ``nlp.pipe``, yielding results in input order.

    Items follow the input rule of :func:`analyze` and are loaded lazily. Every item
    before a bad one is analysed and yielded before anything is said about the bad one;
    ``on_error`` then decides::

        for result in analyze_many(paths, on_error="skip"):
            if isinstance(result, Failure):
                print(f"skipped {result}")      # the item, and why
                continue
            result.summary()

    Args:
        on_error: ``"raise"`` (the default) stops at the first bad item by raising its
            error; ``"skip"`` yields a :class:`Failure` in its place and goes on, so
            one unreadable or oversized article never stops the batch.

    Raises:
        SourcecritError: with ``on_error="raise"``, the first bad item's error.
    """
    if on_error not in ("raise", "skip"):
        raise SettingError(f"on_error must be 'raise' or 'skip', not {on_error!r}")
    nlp = nlp or get_nlp()

    def items() -> Iterator[tuple[str | None, Article | Failure]]:
        for index, source in enumerate(sources):
            try:
                article = as_article(source, encoding=encoding, max_chars=max_chars)
            except (SourcecritError, TypeError) as exc:
                yield None, Failure(index, source, exc)
            else:
                yield article.text, article

    for doc, item in pipe_in_order(nlp, items(), n_process=n_process, batch_size=batch_size):
        if isinstance(item, Failure):
            if on_error == "raise":
                raise item.error
            yield item
        elif doc is not None:
            yield Analysis.from_doc(item, doc)
