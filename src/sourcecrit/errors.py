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


class ProblemsError(SourcecritError):
    """A data file (or what was built from it) could not be used.

    Attributes:
        problems: every problem found (:class:`sourcecrit.yamlfile.Problem`), one per wrong
            key; ``str(error)`` shows the first and says how many more there are.
    """

    #: The message when there is neither a message nor a problem.
    default_message = "invalid file"

    def __init__(self, message: str | None = None, *, problems: list | None = None):
        self.problems = list(problems or [])
        if message is None:
            if not self.problems:
                message = self.default_message
            else:
                message = str(self.problems[0])
                if len(self.problems) > 1:
                    message += f" (and {len(self.problems) - 1} more problems)"
        super().__init__(message)


class LexiconError(ProblemsError):
    """A bundled or user lexicon file is malformed (``problems`` names file, line and key)."""

    default_message = "invalid lexicon"


class YAMLFileError(ProblemsError):
    """A YAML data file (a lexicon, the source types, front matter) could not be used."""

    default_message = "invalid YAML file"


class ChecklistError(ProblemsError):
    """A checklist (or answers to it) could not be used; each problem names file, line, key."""

    default_message = "invalid checklist"
