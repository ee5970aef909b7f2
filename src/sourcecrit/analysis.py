"""Analyse articles once and hold the results as DataFrames.

``analyze`` parses an article with the pipeline from ``sourcecrit.pipeline`` and returns an
:class:`Analysis`. Everything downstream (charts, checklists, exercises, widgets) reads the
Analysis; nothing parses again.
"""

from __future__ import annotations

import html
import json
import os
from bisect import bisect_right
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

import pandas as pd
from spacy.language import Language
from spacy.tokens import Doc

from sourcecrit import columns
from sourcecrit.article import Article, article_from_text, load_article, without_surrogates
from sourcecrit.attribution import attributions as attribution_records
from sourcecrit.attribution import sources as source_records
from sourcecrit.extensions import ensure_extensions
from sourcecrit.hedging import hedges as hedge_records
from sourcecrit.hedging import most_hedged_sentences, sentence_certainty
from sourcecrit.pipeline import get_nlp, parse, pipe_in_order
from sourcecrit.sentences import sentence_spans

SCHEMA_VERSION = 1

ArticleLike = str | os.PathLike[str] | Article


def frame(records: Iterable[dict[str, Any]], schema: dict[str, str]) -> pd.DataFrame:
    """Return a DataFrame with the schema's columns first, in order, with their dtypes.

    Columns a component adds beyond the schema are kept after the schema's own.
    """
    df = pd.DataFrame.from_records(list(records))
    for name in schema:
        if name not in df.columns:
            df[name] = pd.Series(dtype="object")
    extra = [c for c in df.columns if c not in schema]
    df = df[[*schema, *extra]]
    for name, dtype in schema.items():
        if dtype == "object":
            df[name] = df[name].astype("object").where(df[name].notna(), None)
        else:
            df[name] = df[name].astype(dtype)
    return df.reset_index(drop=True)


@dataclass
class Analysis:
    """The results of analysing one article.

    Attributes:
        article: the Article analysed; ``article.text`` is the text all offsets refer to.
        doc: the spaCy Doc (None for an Analysis rebuilt from JSON).
        attributions, sources, hedges, sentences: DataFrames with the columns documented
            in ``sourcecrit.columns``.
        warnings: what the reader should know (non-English text, unbalanced quotes, ...).
    """

    article: Article
    doc: Doc | None
    attributions: pd.DataFrame
    sources: pd.DataFrame
    hedges: pd.DataFrame
    sentences: pd.DataFrame
    warnings: list[str] = field(default_factory=list)

    @property
    def text(self) -> str:
        """The analysed text; ``text[start:end]`` is the span of any row's offsets."""
        return self.article.text

    @classmethod
    def from_doc(cls, article: Article, doc: Doc) -> Analysis:
        """Build the Analysis from a Doc that went through the full pipeline."""
        ensure_extensions()
        if doc.text != article.text:
            raise ValueError("The Doc's text differs from the Article's: offsets would be wrong.")
        attributions = frame(attribution_records(doc), columns.ATTRIBUTIONS)
        hedges = frame(hedge_records(doc), columns.HEDGES)
        sources = frame(source_records(doc), columns.SOURCES)
        sentences = sentence_frame(doc, article, hedges=hedges, attributions=attributions)
        warnings = [*article.warnings, *(doc._.sc_warnings or [])]
        return cls(article, doc, attributions, sources, hedges, sentences, warnings)

    def summary(self) -> dict[str, Any]:
        """Return headline counts: sentences, attributions by kind, sources, cues by category."""
        hedges = self.hedges["category"].value_counts()
        return {
            "article": self.article.name,
            "date": self.article.date,
            "words": len(self.text.split()),
            "sentences": len(self.sentences),
            "attributions": len(self.attributions),
            "sources": len(self.sources),
            "hedges": int(hedges.get("hedge", 0)),
            "boosters": int(hedges.get("booster", 0)),
            "weasels": int(hedges.get("weasel", 0)),
            "warnings": len(self.warnings),
        }

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
            "sentences": _records(self.sentences),
            "attributions": _records(self.attributions),
            "sources": _records(self.sources),
            "hedges": _records(self.hedges),
            "warnings": list(self.warnings),
        }

    def to_json(self, *, indent: int | None = 2) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Analysis:
        return cls(
            article=Article.from_dict(data["article"]),
            doc=None,
            attributions=frame(data.get("attributions", []), columns.ATTRIBUTIONS),
            sources=frame(data.get("sources", []), columns.SOURCES),
            hedges=frame(data.get("hedges", []), columns.HEDGES),
            sentences=frame(data.get("sentences", []), columns.SENTENCES),
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


def sentence_frame(
    doc: Doc, article: Article, *, hedges: pd.DataFrame, attributions: pd.DataFrame
) -> pd.DataFrame:
    """Return ``Analysis.sentences``: one row per sentence with its cue counts and certainty."""
    para_starts = [p.start for p in article.paragraphs]
    by_category = hedges.groupby(["sentence", "category"]).size() if len(hedges) else None
    attr_counts = attributions["sentence"].value_counts() if len(attributions) else None
    rows = []
    for i, (start, end) in enumerate(sentence_spans(doc)):

        def count(category: str, i: int = i) -> int:
            if by_category is None:
                return 0
            return int(by_category.get((i, category), 0))

        n_hedges, n_boosters, n_weasels = count("hedge"), count("booster"), count("weasel")
        rows.append(
            {
                "sentence": i,
                "start": start,
                "end": end,
                "text": doc.text[start:end],
                "hedges": n_hedges,
                "boosters": n_boosters,
                "weasels": n_weasels,
                "attributions": int(attr_counts.get(i, 0)) if attr_counts is not None else 0,
                "certainty": sentence_certainty(
                    hedges=n_hedges, boosters=n_boosters, weasels=n_weasels
                ),
                "paragraph": max(bisect_right(para_starts, start) - 1, 0),
            }
        )
    return frame(rows, columns.SENTENCES)


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
) -> Analysis:
    """Analyse one article and return its :class:`Analysis`.

    Args:
        source: the article text itself (a ``str``, analysed verbatim), a file path
            (``pathlib.Path``), or an Article (e.g. ``load_article(url)`` for a web page).
        encoding: text encoding of a file that is not UTF-8.
        max_chars: size limit in characters (default 2 MB of text).
        nlp: a pipeline to use instead of :func:`sourcecrit.pipeline.get_nlp`.

    Raises:
        ArticleError: the input could not be read (the message says why).
    """
    article = as_article(source, encoding=encoding, max_chars=max_chars)
    nlp = nlp or get_nlp()
    return Analysis.from_doc(article, parse(nlp, article.text))


def analyze_many(
    sources: Iterable[ArticleLike],
    *,
    n_process: int = 1,
    batch_size: int = 16,
    encoding: str | None = None,
    max_chars: int | None = None,
    nlp: Language | None = None,
) -> Iterator[Analysis]:
    """Analyse many articles with ``nlp.pipe``, yielding Analyses in input order.

    Articles are loaded lazily as the pipe asks for them; a bad one raises its
    ``ArticleError`` when reached.
    """
    nlp = nlp or get_nlp()
    pairs = (
        (a.text, a)
        for a in (as_article(s, encoding=encoding, max_chars=max_chars) for s in sources)
    )
    for doc, article in pipe_in_order(nlp, pairs, n_process=n_process, batch_size=batch_size):
        yield Analysis.from_doc(article, doc)


def _records(df: pd.DataFrame) -> list[dict[str, Any]]:
    out = []
    for row in df.to_dict(orient="records"):
        out.append({k: (None if _is_missing(v) else _plain(v)) for k, v in row.items()})
    return out


def _is_missing(value: Any) -> bool:
    if isinstance(value, (list, tuple, dict)):
        return False
    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):
        return False


def _plain(value: Any) -> Any:
    if hasattr(value, "item") and not isinstance(value, (list, dict, str)):
        return value.item()
    if isinstance(value, tuple):
        return list(value)
    return value
