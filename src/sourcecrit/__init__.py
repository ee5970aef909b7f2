"""sourcecrit: teach source criticism with news articles.

The public API, re-exported from the modules that hold it::

    from pathlib import Path
    import sourcecrit
    analysis = sourcecrit.analyze(Path("article.txt"))
    analysis.attributions, analysis.hedges, analysis.sentences

Names are imported on first use (PEP 562 module ``__getattr__``), so ``import sourcecrit``
and the ``sourcecrit`` command do not pay for spaCy or pandas until something needs them.
"""

from __future__ import annotations

import importlib
import importlib.util
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sourcecrit.analysis import Analysis, analyze, analyze_many
    from sourcecrit.article import Article, Paragraph, load_article
    from sourcecrit.checklists import list_checklists, load_checklist
    from sourcecrit.errors import (
        ArticleEncodingError,
        ArticleError,
        ArticleFetchError,
        ArticleNotFoundError,
        ArticleTooLargeError,
        BinaryArticleError,
        EmptyArticleError,
        LexiconError,
        ModelNotFoundError,
        SourcecritError,
    )
    from sourcecrit.exercises import ExerciseSession, load_exercise
    from sourcecrit.pipeline import get_nlp
    from sourcecrit.resources import example_article_path

__version__ = "0.1.0"

#: Public name -> the module that defines it.
_HOMES = {
    "Analysis": "sourcecrit.analysis",
    "analyze": "sourcecrit.analysis",
    "analyze_many": "sourcecrit.analysis",
    "Article": "sourcecrit.article",
    "Paragraph": "sourcecrit.article",
    "load_article": "sourcecrit.article",
    "list_checklists": "sourcecrit.checklists",
    "load_checklist": "sourcecrit.checklists",
    "ArticleEncodingError": "sourcecrit.errors",
    "ArticleError": "sourcecrit.errors",
    "ArticleFetchError": "sourcecrit.errors",
    "ArticleNotFoundError": "sourcecrit.errors",
    "ArticleTooLargeError": "sourcecrit.errors",
    "BinaryArticleError": "sourcecrit.errors",
    "EmptyArticleError": "sourcecrit.errors",
    "LexiconError": "sourcecrit.errors",
    "ModelNotFoundError": "sourcecrit.errors",
    "SourcecritError": "sourcecrit.errors",
    "ExerciseSession": "sourcecrit.exercises",
    "load_exercise": "sourcecrit.exercises",
    "get_nlp": "sourcecrit.pipeline",
    "example_article_path": "sourcecrit.resources",
}

__all__ = [
    "Analysis",
    "Article",
    "ArticleEncodingError",
    "ArticleError",
    "ArticleFetchError",
    "ArticleNotFoundError",
    "ArticleTooLargeError",
    "BinaryArticleError",
    "EmptyArticleError",
    "ExerciseSession",
    "LexiconError",
    "ModelNotFoundError",
    "Paragraph",
    "SourcecritError",
    "analyze",
    "analyze_many",
    "example_article_path",
    "get_nlp",
    "list_checklists",
    "load_article",
    "load_checklist",
    "load_exercise",
]


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is not None:
        value = getattr(importlib.import_module(home), name)
    elif not name.startswith("_") and importlib.util.find_spec(f"{__name__}.{name}"):
        # A subpackage, as ``import sourcecrit; sourcecrit.viz`` gave when imports were eager.
        value = importlib.import_module(f"{__name__}.{name}")
    else:
        raise AttributeError(f"module 'sourcecrit' has no attribute {name!r}")
    globals()[name] = value  # later look-ups skip this function
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
