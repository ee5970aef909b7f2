"""One family of errors, each with a message a student can act on."""

from __future__ import annotations


class SourcecritError(Exception):
    """Base class for every error sourcecrit raises on purpose."""


class ArticleError(SourcecritError):
    """An article could not be read or used."""


class ArticleNotFoundError(ArticleError):
    """The file does not exist."""


class EmptyArticleError(ArticleError):
    """The article holds no text (empty, or only whitespace)."""


class BinaryArticleError(ArticleError):
    """The file is an image, PDF, archive or other non-text file."""


class ArticleEncodingError(ArticleError):
    """The bytes are not in the expected text encoding."""


class ArticleTooLargeError(ArticleError):
    """The text is longer than the configured limit."""


class ArticleFetchError(ArticleError):
    """A URL could not be fetched or held no article text."""


class ModelNotFoundError(SourcecritError):
    """No English spaCy model could be loaded."""


class LexiconError(SourcecritError):
    """A bundled or user lexicon file is malformed."""


class AgreementError(SourcecritError):
    """Spans given to ``agreement`` are not ``(start, end, label)`` within the text."""


class WorkFileError(SourcecritError):
    """A work file (a learner's handed-in answers) is damaged, foreign or unreadable."""


class LearnerError(SourcecritError):
    """No learner name was given where answers would be saved, or the name is unusable."""
