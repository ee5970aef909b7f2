"""Personal names: honorifics, titles, first names and the gender they give away.

The word lists live in ``data/names.yaml``. Two names are one person when their surnames
agree (allowing spelling variants, as reporters and translators produce them) and nothing
else in them disagrees: first names, honorifics ("Mrs. Clinton" is not "Bill Clinton") and
the gender those give. This follows the "compatible modifiers only" and "not i-within-i"
sieves of Lee et al. (2013, "Deterministic coreference resolution based on entity-centric,
precision-ranked rules", Computational Linguistics 39(4)).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rapidfuzz import fuzz

from sourcecrit.errors import LexiconError
from sourcecrit.resources import read_lexicon_yaml

#: Minimum rapidfuzz ratio for two surnames to count as spellings of one name.
SURNAME_SIMILARITY = 80
#: Name particles that belong to the surname ("Bill de Blasio"), never a first name.
PARTICLES = frozenset({"de", "da", "di", "del", "la", "le", "van", "von", "der", "bin", "al"})
#: Words after a surname that are not the surname ("Martin Luther King Jr.").
SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})


@dataclass(frozen=True)
class NameLexicon:
    """The contents of ``names.yaml``.

    Attributes:
        honorifics: word (lower case, no full stop) -> "m", "f" or None.
        titles: abbreviated title -> the role it stands for ("sen" -> "senator").
        genders: first name (lower case) -> "m" or "f".
        broader_roles: role noun -> the broader roles it also is ("justice" -> {"judge"}).
        role_genders: role noun -> the gender it gives ("wife" -> "f").
        neutral_roles: gendered role noun -> the same role without the sex ("wife" -> "spouse").
    """

    honorifics: dict[str, str | None]
    titles: dict[str, str]
    genders: dict[str, str]
    broader_roles: dict[str, frozenset[str]] = field(default_factory=dict)
    role_genders: dict[str, str] = field(default_factory=dict)
    neutral_roles: dict[str, str] = field(default_factory=dict)


def _entries(data: Any, key: str, label: str) -> list[dict[str, Any]]:
    records = data.get(key) if isinstance(data, dict) else None
    if not isinstance(records, list) or not all(isinstance(r, dict) for r in records):
        raise LexiconError(f"{label}: expected a list of mappings under {key!r}")
    for n, record in enumerate(records):
        if not isinstance(record.get("explanation"), str) or not record["explanation"].strip():
            raise LexiconError(f"{label}: {key}[{n}] has no explanation")
    return records


def parse_names(data: Any, *, label: str = "names") -> NameLexicon:
    """Return the :class:`NameLexicon` in ``data`` (the parsed YAML).

    Raises:
        LexiconError: a section is missing or a record is malformed; the message names it.
    """
    honorifics: dict[str, str | None] = {}
    for n, rec in enumerate(_entries(data, "honorifics", label)):
        if not isinstance(rec.get("word"), str) or rec.get("gender") not in ("m", "f", None):
            raise LexiconError(f"{label}: honorifics[{n}] needs a word and a gender (m, f or null)")
        honorifics[rec["word"].lower()] = rec["gender"]
    titles: dict[str, str] = {}
    for n, rec in enumerate(_entries(data, "titles", label)):
        if not isinstance(rec.get("word"), str) or not isinstance(rec.get("role"), str):
            raise LexiconError(f"{label}: titles[{n}] needs a word and a role")
        titles[rec["word"].lower()] = rec["role"].lower()
    genders: dict[str, str] = {}
    for n, rec in enumerate(_entries(data, "first_names", label)):
        names = rec.get("names")
        if rec.get("gender") not in ("m", "f") or not isinstance(names, list):
            raise LexiconError(
                f"{label}: first_names[{n}] needs a gender (m or f) and a list of names"
            )
        for name in names:
            other = genders.get(str(name).lower())
            if other is not None and other != rec["gender"]:
                raise LexiconError(f"{label}: first name {name!r} is listed for both genders")
            genders[str(name).lower()] = rec["gender"]
    broader: dict[str, frozenset[str]] = {}
    role_genders: dict[str, str] = {}
    neutral_roles: dict[str, str] = {}
    for n, rec in enumerate(_entries(data, "roles", label) if "roles" in data else []):
        also = rec.get("also", [])
        if (
            not isinstance(rec.get("word"), str)
            or not isinstance(also, list)
            or rec.get("gender") not in ("m", "f", None)
        ):
            raise LexiconError(
                f"{label}: roles[{n}] needs a word, a list 'also' and a gender (m, f or none)"
            )
        word = rec["word"].lower()
        neutral = rec.get("neutral")
        if neutral is not None and (not isinstance(neutral, str) or not rec.get("gender")):
            raise LexiconError(f"{label}: roles[{n}]: 'neutral' needs a word and a gender")
        broader[word] = frozenset(str(a).lower() for a in also) | ({neutral} if neutral else set())
        if rec.get("gender"):
            role_genders[word] = rec["gender"]
        if neutral:
            neutral_roles[word] = neutral.lower()
    return NameLexicon(honorifics, titles, genders, broader, role_genders, neutral_roles)


@functools.cache
def load_names(path: Path | None = None) -> NameLexicon:
    """Return the name lexicon from ``path`` (default: the bundled ``data/names.yaml``)."""
    data, label = read_lexicon_yaml(path, default="names.yaml")
    return parse_names(data, label=label)


def _bare(word: str) -> str:
    return word.lower().rstrip(".").replace("’", "'")


@functools.lru_cache(maxsize=65536)
def name_words(name: str) -> tuple[str, ...]:
    """Return the words of a name, lower case, without full stops; "O’Neill" = "O'Neill"."""
    return tuple(_bare(w) for w in name.replace(",", " ").split() if _bare(w))


@functools.lru_cache(maxsize=65536)
def is_honorific(word: str) -> bool:
    """Return True for "Mr.", "Mrs", "Dr." and the like (any case, with or without a full stop)."""
    lex = load_names()
    return _bare(word) in lex.honorifics or _bare(word) in lex.titles


def clean_name(text: str) -> str:
    """Return a name without a possessive ending and leading honorifics ("Mrs. Clinton's" -> "Clinton")."""
    text = text.strip()
    for suffix in ("'s", "’s", "'", "’"):
        if text.endswith(suffix):
            text = text[: -len(suffix)]
    words = text.split()
    while len(words) > 1 and is_honorific(words[0]):
        words = words[1:]
    return " ".join(words)


@functools.lru_cache(maxsize=65536)
def surname(name: str) -> str:
    """Return the last word of a name that is not a suffix ("King" in "Martin Luther King Jr.")."""
    words = [w for w in name_words(name) if w not in SUFFIXES]
    return words[-1] if words else ""


@functools.lru_cache(maxsize=65536)
def first_name(name: str) -> str | None:
    """Return the first given name of ``name`` (not an honorific, particle or initial), or None."""
    words = [w for w in name_words(name) if w not in SUFFIXES]
    for word in words[:-1]:
        if is_honorific(word) or word in PARTICLES:
            continue
        return word if len(word) > 1 else None
    return None


@functools.lru_cache(maxsize=65536)
def name_gender(text: str) -> str | None:
    """Return "m" or "f" when an honorific or a first name in ``text`` gives it away, else None."""
    lex = load_names()
    words = name_words(text)
    if words and lex.honorifics.get(words[0]):
        return lex.honorifics[words[0]]
    first = first_name(text)
    return lex.genders.get(first) if first else None


def with_broader_roles(words: set[str]) -> set[str]:
    """Return role words with the broader roles they imply ("justice" adds "judge")."""
    lex = load_names()
    broader = lex.broader_roles
    known = set(broader).union(*broader.values())
    # "my parents, James and Olive Meehan": each of them is a parent.
    words = set(words) | {w[:-1] for w in words if w.endswith("s") and w[:-1] in known}
    return words.union(*(broader.get(w, frozenset()) for w in words))


def description_words(words: set[str]) -> set[str]:
    """Return the role words a description names: its own, and for a gendered noun the same
    role without the sex ("father" adds "parent", the gender being checked apart)."""
    neutral = load_names().neutral_roles
    return set(words) | {neutral[w] for w in words if w in neutral}


def role_gender(word: str) -> str | None:
    """Return the gender a role or kin noun gives ("wife" -> "f", "senator" -> None)."""
    return load_names().role_genders.get(word.lower())


def title_role(word: str) -> str | None:
    """Return the role an abbreviated title stands for ("Sen." -> "senator"), or None."""
    return load_names().titles.get(_bare(word))


@functools.lru_cache(maxsize=65536)
def same_person(a: str, b: str) -> bool:
    """Return True when names ``a`` and ``b`` can be one person.

    Surnames must agree (spelling variants such as "Sikorski"/"Sikorsky" allowed); first
    names must agree where both are given; honorifics and first names must not give
    different genders ("Mrs. Clinton" / "Bill Clinton").
    """
    sa, sb = surname(a), surname(b)
    if not sa or not sb:
        return False
    if sa != sb and (min(len(sa), len(sb)) < 5 or fuzz.ratio(sa, sb) < SURNAME_SIMILARITY):
        return False
    wa, wb = name_words(a), name_words(b)
    short, long_ = sorted((wa, wb), key=len)
    if len(short) > 1 and long_[-len(short) :] == short:
        return True  # "Suu Kyi" is "Aung San Suu Kyi"
    fa, fb = first_name(a), first_name(b)
    if fa and fb and fa != fb and not (fa.startswith(fb) or fb.startswith(fa)):
        # "Bill"/"William" are one person too, but a lexicon of nicknames is not worth the
        # false merges; "Ben"/"Benjamin" share a prefix and pass.
        if fuzz.ratio(fa, fb) < SURNAME_SIMILARITY:
            return False
    ga, gb = name_gender(a), name_gender(b)
    return not (ga and gb and ga != gb)
