"""The attribution lexicons (cue verbs, source types) as validated data.

Lexicons are data, not code (the medspaCy ``context_rules.json`` approach): they live in
``sourcecrit/data/cues.yaml`` and ``sourcecrit/data/source_types.yaml``, each record with a
one-line explanation a student can read. Every record is checked on load; a bad one raises
:class:`~sourcecrit.errors.LexiconError` naming the file, the line and the key (the cues
through the project's one YAML validator and the file's one schema,
:class:`~sourcecrit.lexicon_schemas.CueLexiconFile`).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path
from typing import Any, get_args

from sourcecrit.errors import LexiconError
from sourcecrit.lexicon_schemas import CueCategory, CueLexiconFile
from sourcecrit.resources import data_path
from sourcecrit.source_vocabulary import (  # defined once, in data/source_types.yaml
    SOURCE_TYPES,
    SourceTypesFile,
    source_vocabulary,
)
from sourcecrit.yamlfile import MAX_BYTES, read_text, validated_yaml

#: The cue categories, as the schema allows them.
CUE_CATEGORIES: tuple[str, ...] = get_args(CueCategory)


@dataclass(frozen=True)
class CueEntry:
    """One cue of the lexicon.

    Attributes:
        cue: the lemma, or ``"verb particle"`` for a phrasal verb (``"rule out"``).
        category: ``speech``, ``belief``, ``evidence`` or ``stance``.
        loaded: the verb itself judges the statement ("admitted", "claimed").
        object: a plain direct object can be the attributed content.
        infinitive: a to-infinitive can be the attributed content ("vowed to win").
        pos: ``verb``, ``noun`` ("the claim that ...", "his statement saying ...") or ``adj``
            ("is confident that ...", "was critical of ...").
        preps: prepositions that introduce the content ("warned *of* ...").
        vehicle: a verb of making something public ("released", "unveiled"): a document as
            its object is what carries the words, not what is said ("released the report").
        explanation: one line a student can read.
    """

    cue: str
    category: str
    loaded: bool
    explanation: str
    object: bool = False
    infinitive: bool = False
    preps: tuple[str, ...] = ()
    pos: str = "verb"
    vehicle: bool = False

    @property
    def key(self) -> str:
        """The lexicon key: the cue, with " (noun)" or " (adj)" added for noun and adjective
        cues."""
        return self.cue if self.pos == "verb" else f"{self.cue} ({self.pos})"

    @property
    def verb(self) -> str:
        """The verb lemma (the first word of a phrasal cue)."""
        return self.cue.split()[0]

    @property
    def particle(self) -> str | None:
        """The particle of a phrasal cue ("out" in "rule out"), else None."""
        parts = self.cue.split()
        return parts[1] if len(parts) > 1 else None


@dataclass(frozen=True)
class SourceTypeInfo:
    """One source type: its description and the words that signal it."""

    name: str
    description: str
    words: frozenset[str]


def parse_cues(text: str, *, label: str = "cues.yaml", cache: bool = False) -> dict[str, CueEntry]:
    """Return the validated cue lexicon in YAML ``text``, keyed by :attr:`CueEntry.key`.

    Read through the one YAML validator (:func:`sourcecrit.yamlfile.validated_yaml`) with
    the one schema of the file, :class:`~sourcecrit.lexicon_schemas.CueLexiconFile`.

    Args:
        text: the YAML document (a mapping with a ``cues`` list).
        label: how to name the file in error messages.
        cache: keep the parsed data for the next process (the bundled file only;
            :mod:`sourcecrit.datacache`).

    Raises:
        LexiconError: not YAML, or records that are malformed or listed twice; every
            problem is named with file, line and key (``cues.yaml:12: cues[3].category``).
    """
    data = validated_yaml(
        text, CueLexiconFile, source=label, error=LexiconError, what="a cue", cache=cache
    )
    return {
        entry.key: entry
        for entry in (
            CueEntry(
                r.cue,
                r.category,
                r.loaded,
                r.explanation.strip(),
                r.object,
                r.infinitive,
                r.preps,
                r.pos,
                r.vehicle,
            )
            for r in data.cues
        )
    }


def source_types_of(vocabulary: SourceTypesFile, *, label: str) -> dict[str, SourceTypeInfo]:
    """Return the source types of a validated source-type file, in :data:`SOURCE_TYPES` order.

    Raises:
        LexiconError: a type is not one of :data:`SOURCE_TYPES`, or one of them is missing.
    """
    types = {
        t.name: SourceTypeInfo(t.name, t.description.strip(), frozenset(w.lower() for w in t.words))
        for t in vocabulary.types
    }
    unknown = [t for t in types if t not in SOURCE_TYPES]
    if unknown:
        raise LexiconError(
            f"{label}: source type {unknown[0]!r} is not one of {', '.join(SOURCE_TYPES)}"
        )
    missing = [t for t in SOURCE_TYPES if t not in types]
    if missing:
        raise LexiconError(f"{label}: no record for source type {missing[0]!r}")
    return {t: types[t] for t in SOURCE_TYPES}


def cues_as_data(cues: dict[str, CueEntry]) -> dict[str, Any]:
    """Return the cue lexicon as plain data that :func:`parse_cues` reads back unchanged."""
    records = []
    for e in cues.values():
        record: dict[str, Any] = {"cue": e.cue, "category": e.category, "loaded": e.loaded}
        if e.object:
            record["object"] = True
        if e.infinitive:
            record["infinitive"] = True
        if e.preps:
            record["preps"] = list(e.preps)
        if e.pos != "verb":
            record["pos"] = e.pos
        if e.vehicle:
            record["vehicle"] = True
        record["explanation"] = e.explanation
        records.append(record)
    return {"cues": records}


@functools.cache
def load_cues(path: Path | None = None) -> dict[str, CueEntry]:
    """Return the cue lexicon from ``path`` (default: the bundled ``data/cues.yaml``), cached.

    Raises:
        LexiconError: the file cannot be read or is malformed (see :func:`parse_cues`).
    """
    source = Path(path) if path is not None else data_path("cues.yaml")
    label = str(path) if path is not None else "sourcecrit/data/cues.yaml"
    text = read_text(source, error=LexiconError, what="a cue lexicon", max_bytes=MAX_BYTES)
    return parse_cues(text, label=label, cache=path is None)


@functools.cache
def load_source_types(path: Path | None = None) -> dict[str, SourceTypeInfo]:
    """Return the source types from ``path`` (default: the bundled ``data/source_types.yaml``).

    The file is read once, through the one validator (:func:`source_vocabulary`).
    """
    label = str(path) if path is not None else "sourcecrit/data/source_types.yaml"
    return source_types_of(source_vocabulary(path), label=label)
