"""One family of errors, each with a message a student can act on.

Every error sourcecrit raises on purpose is a :class:`SourcecritError` subclass defined
here, so ``except sourcecrit.SourcecritError`` catches all of them and nothing else. The
modules that raise them re-export their own (``sourcecrit.checklists.ChecklistError``...).
"""

from __future__ import annotations

from dataclasses import dataclass


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


@dataclass(frozen=True)
class Problem:
    """One thing wrong with an instructor's file.

    Attributes:
        source: the file (or e.g. ``"<checklist>"`` for one built in Python).
        line: 1-based line in the file, or None when it cannot be placed.
        key: where in the file, e.g. ``items[2] (id 'trace').weight``.
        message: what is wrong, in words an instructor can act on.
    """

    source: str
    line: int | None
    key: str
    message: str

    def __str__(self) -> str:
        where = f"{self.source}:{self.line}" if self.line is not None else self.source
        return f"{where}: {self.key}: {self.message}" if self.key else f"{where}: {self.message}"


class ProblemsError(SourcecritError):
    """A file (or what was built from it) could not be used.

    Attributes:
        problems: every problem found, one per wrong key; ``str(error)`` shows the first
            and says how many more there are.
    """

    #: The message when there is neither a message nor a problem.
    default_message = "invalid file"

    def __init__(self, message: str | None = None, *, problems: list[Problem] | None = None):
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
    """A checklist (or answers to it) could not be used.

    Attributes:
        problems: every :class:`Problem` found, one per wrong key; ``str(error)`` shows
            the first and says how many more there are.
    """

    default_message = "invalid checklist"


class ExerciseError(ProblemsError):
    """An exercise (or an answer to it) could not be used; names file, line and key."""

    default_message = "invalid exercise"


class ProgressError(SourcecritError):
    """Answers could not be saved (the message says where and why)."""


class ArticleReadError(ArticleError):
    """The file exists but cannot be read: permission, not an ordinary file, or an OS error."""


class SettingError(SourcecritError):
    """A setting (an option or an environment variable) has a value that cannot be used."""


class OutputFileError(SourcecritError):
    """A file or folder asked for output (``-o``, ``--json-dir``) cannot be written."""


class WorkFileError(SourcecritError):
    """A work file (a learner's handed-in answers) is damaged, foreign or unreadable."""


class LearnerError(SourcecritError):
    """No learner name was given where answers would be saved, or the name is unusable."""


class AgreementError(SourcecritError):
    """Spans given to ``agreement`` are not ``(start, end, label)`` within the text."""


class AnnotatorError(SourcecritError):
    """The annotator cannot do what was asked (the message says what to do instead)."""


class SearchSitesError(ProblemsError):
    """A search-sites file could not be used (each problem names its file, line and key)."""

    default_message = "invalid search-sites file"


class ReadingLogError(SourcecritError):
    """A reading-log row could not be accepted (the message says what to fix)."""


class QuestionsError(ProblemsError):
    """The course's question file is malformed (each problem names its line and key)."""

    default_message = "invalid questions file"
