"""sourcecrit: teach source criticism with news articles.

The public API, re-exported from the modules that hold it::

    from pathlib import Path
    import sourcecrit
    analysis = sourcecrit.analyze(Path("article.txt"))   # a str would be the text itself
    analysis.attributions, analysis.hedges, analysis.sentences

Names are imported on first use (PEP 562 module ``__getattr__``), so ``import sourcecrit``
and the ``sourcecrit`` command do not pay for spaCy or pandas until something needs them.
Every error the package raises on purpose is a :class:`SourcecritError` from
:mod:`sourcecrit.errors`; all of them are exported here (that module imports nothing heavy).
"""

from __future__ import annotations

import importlib
import importlib.util
from typing import TYPE_CHECKING, Any

from sourcecrit import errors as _errors

if TYPE_CHECKING:
    from sourcecrit.analysis import Analysis, Failure, analyze, analyze_many
    from sourcecrit.article import Article, Paragraph, load_article
    from sourcecrit.checklists import list_checklists, load_checklist
    from sourcecrit.errors import (
        AgreementError,
        AnnotatorError,
        ArticleEncodingError,
        ArticleError,
        ArticleFetchError,
        ArticleNotFoundError,
        ArticleReadError,
        ArticleTooLargeError,
        BinaryArticleError,
        ChecklistError,
        EmptyArticleError,
        ExerciseError,
        LearnerError,
        LexiconError,
        ModelNotFoundError,
        OutputFileError,
        ProblemsError,
        ProgressError,
        QuestionsError,
        ReadingLogError,
        SearchSitesError,
        SettingError,
        SourcecritError,
        WorkFileError,
        YAMLFileError,
    )
    from sourcecrit.exercises import ExerciseSession, load_exercise
    from sourcecrit.pipeline import get_nlp
    from sourcecrit.resources import example_article_path
    from sourcecrit.span_agreement import agreement
    from sourcecrit.work import class_overview, set_learner

__version__ = "0.1.0"

#: Public name -> the module that defines it (imported when the name is first used).
_HOMES = {
    "Analysis": "sourcecrit.analysis",
    "analyze": "sourcecrit.analysis",
    "analyze_many": "sourcecrit.analysis",
    "Failure": "sourcecrit.analysis",
    "Article": "sourcecrit.article",
    "Paragraph": "sourcecrit.article",
    "load_article": "sourcecrit.article",
    "list_checklists": "sourcecrit.checklists",
    "load_checklist": "sourcecrit.checklists",
    "ExerciseSession": "sourcecrit.exercises",
    "load_exercise": "sourcecrit.exercises",
    "get_nlp": "sourcecrit.pipeline",
    "example_article_path": "sourcecrit.resources",
    "agreement": "sourcecrit.span_agreement",
    "class_overview": "sourcecrit.work",
    "set_learner": "sourcecrit.work",
}

#: Every error class: SourcecritError and its subclasses.
_ERRORS = sorted(
    name
    for name, value in vars(_errors).items()
    if isinstance(value, type) and issubclass(value, _errors.SourcecritError)
)
globals().update({name: getattr(_errors, name) for name in _ERRORS})

__all__ = [
    "AgreementError",
    "Analysis",
    "AnnotatorError",
    "Article",
    "ArticleEncodingError",
    "ArticleError",
    "ArticleFetchError",
    "ArticleNotFoundError",
    "ArticleReadError",
    "ArticleTooLargeError",
    "BinaryArticleError",
    "ChecklistError",
    "EmptyArticleError",
    "ExerciseError",
    "ExerciseSession",
    "Failure",
    "LearnerError",
    "LexiconError",
    "ModelNotFoundError",
    "OutputFileError",
    "Paragraph",
    "ProblemsError",
    "ProgressError",
    "QuestionsError",
    "ReadingLogError",
    "SearchSitesError",
    "SettingError",
    "SourcecritError",
    "WorkFileError",
    "YAMLFileError",
    "agreement",
    "analyze",
    "analyze_many",
    "class_overview",
    "example_article_path",
    "get_nlp",
    "list_checklists",
    "load_article",
    "load_checklist",
    "load_exercise",
    "set_learner",
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
