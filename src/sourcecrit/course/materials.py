"""The lesson's article and the course's texts: glossary, context card, second account."""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from sourcecrit.article import Article, is_url, load_article
from sourcecrit.course.schemas import Glossary, course_data
from sourcecrit.errors import ArticleError
from sourcecrit.resources import data_path, example_article_path

#: Set this to a file or URL to run every lesson on another article.
LESSON_ARTICLE_ENV = "SOURCECRIT_LESSON_ARTICLE"


@dataclass(frozen=True)
class Markdown:
    """Markdown text that notebooks display as formatted text."""

    text: str

    def _repr_markdown_(self) -> str:
        return self.text

    def __str__(self) -> str:
        return self.text


def lesson_article(source: str | os.PathLike[str] | None = None) -> Article:
    """Return the article a lesson works on.

    Args:
        source: a file path or URL. Default: ``$SOURCECRIT_LESSON_ARTICLE`` if set, else the
            flagship article (Izvestia, 10 March 2024).

    Raises:
        ArticleError: the file or URL cannot be read as an article (the message says why
            and names the setting to change).
    """
    chosen = source if source is not None else os.environ.get(LESSON_ARTICLE_ENV, "").strip()
    if not chosen:
        return load_article(example_article_path())
    target: str | Path = str(chosen) if is_url(str(chosen)) else Path(chosen).expanduser()
    try:
        return load_article(target)
    except ArticleError as exc:
        where = f"${LESSON_ARTICLE_ENV}" if source is None else "the lesson's article cell"
        raise type(exc)(f"{exc} (the article is set in {where})") from None


def is_flagship(article: Article) -> bool:
    """Return True when ``article`` is the course's flagship article (same text)."""
    return _digest(article.text) == _digest(load_article(example_article_path()).text)


def opening(article: Article, *, paragraphs: int = 2) -> str:
    """Return the first ``paragraphs`` paragraphs of ``article``: a passage to annotate."""
    parts = article.paragraphs[:paragraphs]
    return article.text[parts[0].start : parts[-1].end] if parts else article.text


def glossary() -> pd.DataFrame:
    """Return the course glossary: one row per term, with its meaning and an example."""
    terms = course_data("course/glossary.yaml", Glossary).terms
    rows = [{"Term": t.term, "Meaning": t.definition, "Example": t.example} for t in terms]
    return pd.DataFrame(rows, columns=["Term", "Meaning", "Example"])


def context_card() -> Markdown:
    """Return the flagship's context card (who publishes it, the law, the conventions)."""
    return Markdown(data_path("course", "context-card.md").read_text(encoding="utf-8"))


def second_account() -> Article:
    """Return the course's second account of the flagship's events (written for the course)."""
    return load_article(data_path("course", "second-account.txt"))


def _digest(text: str) -> str:
    return hashlib.sha256(text.strip().encode("utf-8", "surrogatepass")).hexdigest()
