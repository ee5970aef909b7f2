"""The hedging lexicon (hedges, boosters, weasel phrases) as validated data.

Lexicons are data, not code (the medspaCy ``context_rules.json`` approach): the cues live in
``sourcecrit/data/hedges.yaml``, each record with a category, a pattern, a scope direction
and a one-line explanation a student can read. Every record is checked on load; a bad one
raises :class:`~sourcecrit.errors.LexiconError` naming the file, the record number (and id,
when it has one) and the bad key.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sourcecrit.columns import HEDGE_CATEGORIES
from sourcecrit.errors import LexiconError
from sourcecrit.resources import read_lexicon_yaml

#: Where a cue's scope lies, read off the dependency parse (see ``hedging.scope``).
#: ``clause``: the clause the cue sits in; ``right``: from the cue to the end of the phrase
#: or clause it governs; ``left``: from the start of its clause to the cue; ``phrase``: the
#: noun phrase the cue belongs to; ``sentence``: the whole sentence.
SCOPES = ("clause", "right", "left", "phrase", "sentence")

#: Checks a match must pass to count (implemented in ``hedging.rules``).
CONDITIONS = (
    "epistemic_modal",  # a modal of possibility, not of ability or obligation
    "not_reported_future",  # "would" is not future-in-the-past after "said that"
    "not_denied",  # "rejected the possibility" is a denial, not a hedge
    "agentless",  # a passive with no "by ..." agent ("it is believed")
    "imperative",  # a verb with no subject ("Believe me")
    "not_month",  # "May" the month is not the modal
    "not_personal_subject",  # "results indicate" hedges; "he indicated" only reports
    "vague_group",  # "experts", not "the experts of the institute" or "experts Ann and Bo"
    "people_quantity",  # "many experts", "most Americans"; not "many emails", "some cases"
    "unnamed_speakers",  # "officials said", "a source said", "Democrats say"
    "no_named_critic",  # "faced criticism", not "faced criticism from Senate Republicans"
    "passive_voice",  # "is deemed unsafe", not "the agency has deemed it personal"
    "stated_belief",  # "I think he is wrong", not "Do I think ...?" or "I feel tired"
    "not_resemblance",  # "it looks like rain", not "she looks like her mother"
    "not_familiar_form",  # "everyone knows", not "news as we know it"
    "no_of_phrase",  # "appeal to many", not "to many of the voters"
    "of_view",  # "voters overwhelmingly believe", not "won overwhelmingly"
    "not_faith",  # "I believe that ..." hedges; "I believe in ..." is faith
    "predicative",  # "it is clear that", not "clear water"
    "sentence_adverb",  # an adverb qualifying the statement, not one word
    "not_ability",  # "it is possible that" hedges; "possible to travel" is about ability
    "about_truth",  # "a possible cause" hedges; "possible variables" lists options
    "of_group",  # "a number of countries" hides who; "a number of pillars" only counts
    "active",  # not a passive: "it is claimed" belongs to the weasel record
    "not_statistical",  # "the likelihood that he wins", not "maximum likelihood"
    "not_prospective_role",  # "a potential conflict", not "a potential donor"
    "trend_claim",  # "voters are increasingly worried", not "became increasingly scarce"
    "praise",  # "a great singer", not "a great deal of" or "popular with students"
    "unnamed_study",  # "research has shown", not "a 2009 study by Lee showed"
    "vague_amount",  # "many of the songs", "in some cases"; not "how many", "many years"
)

#: The readings a lexicon record can belong to. ``news`` (the default) follows the
#: news-certainty guidelines; ``wikipedia`` adds what Wikipedia's own *Manual of Style/Words
#: to watch* asks its editors to flag and the news guidelines do not: puffery ("legendary",
#: "one of the most"), unnamed research ("studies show"), doubt cast by a word ("so-called"),
#: editorializing ("sadly", "interestingly") and, after the {{Quantify}} cleanup template,
#: vague amounts of things ("many of the songs").
READINGS = ("news", "wikipedia")

#: What a negated cue becomes: kept as it is, dropped ("not possible" is no hedge), or
#: turned into another category ("no doubt" is a booster, "not clear" a hedge).
NEGATED = ("keep", "drop", *HEDGE_CATEGORIES)

_ID = re.compile(r"^[a-z0-9][a-z0-9_-]*$")
_KEYS = {
    "id",
    "category",
    "pattern",
    "scope",
    "explanation",
    "conditions",
    "negated",
    "readings",
}


@dataclass(frozen=True)
class HedgeEntry:
    """One cue of the hedging lexicon.

    Attributes:
        id: a short unique name, e.g. ``"reportedly"``.
        category: ``hedge``, ``booster`` or ``weasel``.
        pattern: a phrase (matched word by word, any case) or a list of spaCy ``Matcher``
            token patterns (one dict per token).
        scope: one of :data:`SCOPES`.
        explanation: one line a student can read.
        conditions: names from :data:`CONDITIONS` the match must pass.
        negated: one of :data:`NEGATED`.
        readings: the readings (:data:`READINGS`) the record is used in.
    """

    id: str
    category: str
    pattern: str | tuple[dict[str, Any], ...]
    scope: str
    explanation: str
    conditions: tuple[str, ...] = ()
    negated: str = "keep"
    readings: tuple[str, ...] = READINGS


@dataclass(frozen=True)
class HedgeLexicon:
    """The validated lexicon: the cue entries and the word lists the rules consult."""

    entries: tuple[HedgeEntry, ...]
    reporting_verbs: frozenset[str]
    denial_verbs: frozenset[str]
    group_nouns: frozenset[str] = frozenset()
    stance_verbs: frozenset[str] = frozenset()
    duty_predicates: frozenset[str] = frozenset()
    literal_heads: frozenset[str] = frozenset()
    prospective_roles: frozenset[str] = frozenset()

    def by_id(self) -> dict[str, HedgeEntry]:
        return {e.id: e for e in self.entries}


def _where(label: str, n: int, record: Any) -> str:
    rid = record.get("id") if isinstance(record, dict) else None
    return f"{label}: record {n}" + (f" ({rid!r})" if isinstance(rid, str) else "")


def _word_list(data: dict, key: str, label: str) -> frozenset[str]:
    words = data.get(key, [])
    if not isinstance(words, list) or not all(isinstance(w, str) and w.strip() for w in words):
        raise LexiconError(f"{label}: key {key!r}: expected a list of words (lemmas)")
    return frozenset(w.strip().lower() for w in words)


def _pattern(value: Any, where: str) -> str | tuple[dict[str, Any], ...]:
    if isinstance(value, str):
        if not value.strip():
            raise LexiconError(f"{where}, key 'pattern': the phrase is empty")
        return " ".join(value.split())
    if isinstance(value, list) and value and all(isinstance(t, dict) and t for t in value):
        for i, token in enumerate(value, 1):
            if not all(isinstance(k, str) for k in token):
                raise LexiconError(f"{where}, key 'pattern': token {i} has a non-text key")
        return tuple(value)
    raise LexiconError(
        f"{where}, key 'pattern': expected a phrase or a list of token patterns "
        f"(one mapping per token), got {value!r}"
    )


def parse_entry(record: Any, n: int, *, label: str = "hedges") -> HedgeEntry:
    """Return one validated lexicon entry.

    Args:
        record: one parsed YAML record.
        n: its 1-based position, for error messages.
        label: how to name the data in error messages.

    Raises:
        LexiconError: naming the record (number and id) and the bad key.
    """
    if not isinstance(record, dict):
        raise LexiconError(f"{label}: record {n} is not a mapping: {record!r}")
    where = _where(label, n, record)
    unknown = sorted(set(record) - _KEYS, key=str)
    if unknown:
        raise LexiconError(f"{where} has unknown key {unknown[0]!r}")
    for key in ("id", "category", "pattern", "scope", "explanation"):
        if key not in record:
            raise LexiconError(f"{where} is missing the key {key!r}")
    for key in ("id", "category", "scope", "explanation"):
        value = record[key]
        if not isinstance(value, str) or not value.strip():
            raise LexiconError(f"{where}, key {key!r}: expected text, got {value!r}")
    rid = record["id"].strip()
    if not _ID.match(rid):
        raise LexiconError(f"{where}, key 'id': use lower-case letters, digits, '-' or '_'")
    choices = {"category": HEDGE_CATEGORIES, "scope": SCOPES}
    for key, allowed in choices.items():
        if record[key] not in allowed:
            raise LexiconError(
                f"{where}, key {key!r}: {record[key]!r} is not one of {', '.join(allowed)}"
            )
    conditions = record.get("conditions", [])
    if not isinstance(conditions, list) or not all(isinstance(c, str) for c in conditions):
        raise LexiconError(f"{where}, key 'conditions': expected a list of condition names")
    for c in conditions:
        if c not in CONDITIONS:
            raise LexiconError(
                f"{where}, key 'conditions': {c!r} is not one of {', '.join(CONDITIONS)}"
            )
    negated = record.get("negated", "keep")
    if negated not in NEGATED:
        raise LexiconError(
            f"{where}, key 'negated': {negated!r} is not one of {', '.join(NEGATED)}"
        )
    readings = record.get("readings", list(READINGS))
    if (
        not isinstance(readings, list)
        or not readings
        or not all(isinstance(r, str) and r in READINGS for r in readings)
    ):
        raise LexiconError(
            f"{where}, key 'readings': expected a list of readings from {', '.join(READINGS)}"
        )
    return HedgeEntry(
        id=rid,
        category=record["category"],
        pattern=_pattern(record["pattern"], where),
        scope=record["scope"],
        explanation=" ".join(record["explanation"].split()),
        conditions=tuple(conditions),
        negated=negated,
        readings=tuple(readings),
    )


def parse_lexicon(data: Any, *, label: str = "hedges") -> HedgeLexicon:
    """Return the validated hedging lexicon.

    Args:
        data: the parsed YAML: a mapping with a ``cues`` list and the word lists
            ``reporting_verbs``, ``denial_verbs``, ``group_nouns``, ``stance_verbs`` and
            ``duty_predicates`` (and, optional, ``literal_heads`` and
            ``prospective_roles``).
        label: how to name the data in error messages.

    Raises:
        LexiconError: a record is malformed (the message names record number, id and key),
            or two records share an id.
    """
    if not isinstance(data, dict) or not isinstance(data.get("cues"), list):
        raise LexiconError(f"{label}: expected a mapping with a list under 'cues'")
    entries: list[HedgeEntry] = []
    seen: set[str] = set()
    for n, record in enumerate(data["cues"], 1):
        entry = parse_entry(record, n, label=label)
        if entry.id in seen:
            raise LexiconError(f"{label}: record {n}, key 'id': {entry.id!r} is used twice")
        seen.add(entry.id)
        entries.append(entry)
    return HedgeLexicon(
        entries=tuple(entries),
        reporting_verbs=_word_list(data, "reporting_verbs", label),
        denial_verbs=_word_list(data, "denial_verbs", label),
        group_nouns=_word_list(data, "group_nouns", label),
        stance_verbs=_word_list(data, "stance_verbs", label),
        duty_predicates=_word_list(data, "duty_predicates", label),
        literal_heads=_word_list(data, "literal_heads", label),
        prospective_roles=_word_list(data, "prospective_roles", label),
    )


def read_lexicon(path: Path | str | None = None) -> HedgeLexicon:
    """Return the lexicon from ``path`` (default: the bundled ``data/hedges.yaml``), uncached."""
    data, label = read_lexicon_yaml(path, default="hedges.yaml")
    return parse_lexicon(data, label=label)


@functools.cache
def load_lexicon(path: Path | str | None = None) -> HedgeLexicon:
    """Return the lexicon from ``path`` (default: the bundled file), cached per path."""
    return read_lexicon(path)
