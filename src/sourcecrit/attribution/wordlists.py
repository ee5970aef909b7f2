"""The open-class word lists of the attribution rules, read from data.

Word lists are data, not code (as medspaCy keeps its context rules in JSON): they live in
``sourcecrit/data/attribution_words.yaml``, one list per purpose, each word with a one-line
explanation a student can read. The file is read and validated once (cached); a problem
raises :class:`~sourcecrit.errors.LexiconError` naming the file, the line, the list and the
entry.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, create_model, field_validator

from sourcecrit.errors import LexiconError
from sourcecrit.resources import data_path
from sourcecrit.yamlfile import validated_yaml

DEFAULT_FILE = "attribution_words.yaml"

#: The lists the rules read, and which rule reads each one.
LIST_NAMES = (
    "clause_nouns",  # syntax.noun_of_clause: "the statement that ..."
    "material_senses",  # rules.nouns: "military support" is a deed, not a view
    "naming_verbs",  # rules.quoted: "called it “The Deal”" quotes a name
    "lede_cues",  # rules.lede: "Claim. Officials told the Herald."
    "not_source_labels",  # rules.headlines: "Note: ..." is not a source
    "non_reporting_phrases",  # rules.verbs: "not to mention the cost"
    "marginal_prepositions",  # rules.senses: "decent, considering the odds"
    "as_phrasing_verbs",  # rules.parenthetical: "as she put it, ..."
    "source_frame_nouns",  # rules.according: "In his view, ...", "By one estimate, ..."
    "raising_verbs",  # rules.verbs: "X appeared to ..." has no source
    "light_objects",  # rules.verbs: "said little" attributes nothing
    "answer_verbs",  # rules.verbs: "responded by saying that ..."
    "receiving_verbs",  # rules.nouns: "faced questions about ..." (the subject is the target)
    "handling_verbs",  # rules.nouns: "criticised the report that ..." (someone else wrote it)
    "question_verbs",  # rules.verbs: "asked the mayor whether ..."
)


@dataclass(frozen=True)
class WordList:
    """One validated list: its description and ``word -> explanation``."""

    name: str
    description: str
    explanations: dict[str, str]

    @functools.cached_property
    def words(self) -> frozenset[str]:
        """The words of the list, lower case."""
        return frozenset(self.explanations)


class WordEntry(BaseModel):
    """One word of a list and the line a student reads about it."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    word: str
    explanation: str

    @field_validator("word")
    @classmethod
    def _lower_case(cls, word: str) -> str:
        if not word.strip() or word != word.strip().lower():
            raise ValueError(f"expected a lower-case word, got {word!r}")
        return word

    @field_validator("explanation")
    @classmethod
    def _one_line(cls, explanation: str) -> str:
        if not explanation.strip() or "\n" in explanation.strip():
            raise ValueError("expected one line of text")
        return explanation.strip()


class WordListBody(BaseModel):
    """One list: what it is for, and its words."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    description: str = Field(min_length=1)
    words: tuple[WordEntry, ...]

    @field_validator("words")
    @classmethod
    def _each_once(cls, words: tuple[WordEntry, ...]) -> tuple[WordEntry, ...]:
        if not words:
            raise ValueError("expected a non-empty list of entries")
        seen: set[str] = set()
        for entry in words:
            if entry.word in seen:
                raise ValueError(f"{entry.word!r} is listed twice")
            seen.add(entry.word)
        return words


#: One field per list of :data:`LIST_NAMES`, so that an unknown list is named at its own
#: line and a missing one is named too.
_Lists = create_model(  # type: ignore[call-overload]
    "WordLists",
    __config__=ConfigDict(extra="forbid", frozen=True),
    **{name: (WordListBody, ...) for name in LIST_NAMES},
)


class WordListsFile(BaseModel):
    """``data/attribution_words.yaml``: every list of :data:`LIST_NAMES`, and no other."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    lists: _Lists  # type: ignore[valid-type]


def parse_word_lists(text: str, *, label: str, cache: bool = False) -> dict[str, WordList]:
    """Return the validated word lists in YAML ``text``, keyed by list name.

    Read through the one YAML validator (:func:`sourcecrit.yamlfile.validated_yaml`).

    Args:
        text: the YAML document (a mapping with ``lists``).
        label: how to name the file in error messages.
        cache: keep the parsed data for the next process (the bundled file only).

    Raises:
        LexiconError: not YAML, a list missing or unknown, an entry without a word or an
            explanation, or a word listed twice; each problem names file, line and key.
    """
    data = validated_yaml(
        text, WordListsFile, source=label, error=LexiconError, what="a word-list", cache=cache
    )
    bodies: dict[str, WordListBody] = {name: getattr(data.lists, name) for name in LIST_NAMES}
    return {
        name: WordList(name, body.description.strip(), {e.word: e.explanation for e in body.words})
        for name, body in bodies.items()
    }


@functools.cache
def load_word_lists(path: Path | None = None) -> dict[str, WordList]:
    """Return the attribution word lists from ``path`` (default: the bundled file), cached.

    Raises:
        LexiconError: the file cannot be read or is malformed (see :func:`parse_word_lists`).
    """
    source = path if path is not None else data_path(DEFAULT_FILE)
    label = str(path) if path is not None else f"sourcecrit/data/{DEFAULT_FILE}"
    try:
        text = Path(source).read_text(encoding="utf-8")
    except OSError as exc:
        raise LexiconError(f"{label}: cannot read the word-list file ({exc})") from exc
    return parse_word_lists(text, label=label, cache=path is None)


def words(name: str) -> frozenset[str]:
    """Return the bundled word list ``name`` (one of :data:`LIST_NAMES`) as a set."""
    return load_word_lists()[name].words
