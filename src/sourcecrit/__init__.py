"""sourcecrit: teach source criticism with news articles.

The public API, re-exported from the modules that hold it::

    import sourcecrit
    analysis = sourcecrit.analyze("article.txt")
    analysis.attributions, analysis.hedges, analysis.sentences
"""

from sourcecrit.agreement import agreement
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
    "agreement",
    "analyze",
    "analyze_many",
    "example_article_path",
    "get_nlp",
    "list_checklists",
    "load_article",
    "load_checklist",
    "load_exercise",
]
