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
from typing import Any

import yaml

from sourcecrit.errors import LexiconError
from sourcecrit.resources import data_path

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


def _line(node: yaml.Node | None) -> int | None:
    return node.start_mark.line + 1 if node is not None else None


def _child(node: yaml.Node | None, key: str | int) -> yaml.Node | None:
    """Return the YAML node under ``key`` (a mapping key or a list index), if any."""
    if isinstance(node, yaml.MappingNode):
        for k, v in node.value:
            if getattr(k, "value", None) == key:
                return v
    if isinstance(node, yaml.SequenceNode) and isinstance(key, int) and key < len(node.value):
        return node.value[key]
    return None


def parse_word_lists(text: str, *, label: str) -> dict[str, WordList]:
    """Return the validated word lists in YAML ``text``, keyed by list name.

    Args:
        text: the YAML document (a mapping with ``lists``).
        label: how to name the file in error messages.

    Raises:
        LexiconError: not YAML, a list missing or unknown, an entry without a word or an
            explanation, or a word listed twice; the message names file, line and key.
    """
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
        data: Any = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise LexiconError(f"{label}: not valid YAML ({exc})") from exc

    def fail(node: yaml.Node | None, key: str, message: str) -> LexiconError:
        line = _line(node)
        where = f"{label}:{line}" if line is not None else label
        return LexiconError(f"{where}: {key}: {message}")

    if not isinstance(data, dict) or not isinstance(data.get("lists"), dict):
        raise fail(root, "lists", "expected a mapping with a mapping under 'lists'")
    lists_node = _child(root, "lists")
    out: dict[str, WordList] = {}
    for name, body in data["lists"].items():
        node = _child(lists_node, name)
        if name not in LIST_NAMES:
            raise fail(
                node, f"lists.{name}", f"unknown list (expected one of {', '.join(LIST_NAMES)})"
            )
        if not isinstance(body, dict) or not isinstance(body.get("description"), str):
            raise fail(node, f"lists.{name}", "expected a mapping with 'description' and 'words'")
        if not isinstance(body.get("words"), list) or not body["words"]:
            words_at = _child(node, "words") or node
            raise fail(words_at, f"lists.{name}.words", "expected a non-empty list of entries")
        words_node = _child(node, "words")
        explanations: dict[str, str] = {}
        for n, entry in enumerate(body["words"]):
            key = f"lists.{name}.words[{n}]"
            entry_node = _child(words_node, n)
            if not isinstance(entry, dict) or set(entry) != {"word", "explanation"}:
                raise fail(entry_node, key, "expected exactly the keys 'word' and 'explanation'")
            word, explanation = entry["word"], entry["explanation"]
            if not isinstance(word, str) or not word.strip() or word != word.strip().lower():
                raise fail(entry_node, f"{key}.word", f"expected a lower-case word, got {word!r}")
            if (
                not isinstance(explanation, str)
                or not explanation.strip()
                or "\n" in explanation.strip()
            ):
                raise fail(
                    entry_node, f"{key}.explanation", f"expected one line of text for {word!r}"
                )
            if word in explanations:
                raise fail(entry_node, f"{key}.word", f"{word!r} is listed twice in {name}")
            explanations[word] = explanation.strip()
        out[name] = WordList(name, body["description"].strip(), explanations)
    missing = [n for n in LIST_NAMES if n not in out]
    if missing:
        raise fail(lists_node, "lists", f"no list {missing[0]!r}")
    return out


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
    return parse_word_lists(text, label=label)


def words(name: str) -> frozenset[str]:
    """Return the bundled word list ``name`` (one of :data:`LIST_NAMES`) as a set."""
    return load_word_lists()[name].words
