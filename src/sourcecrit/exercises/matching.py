"""Finding a student's or an instructor's words in an article, forgivingly.

Students type what they see, and instructors paste quotes: neither should fail over case,
curly quotes, a dash, an accent or a line break. :func:`fold` maps text to a plain form and
remembers where each folded character came from, so a match in the folded text becomes a
``(start, end)`` span of the original (``text[start:end]`` is what was matched).
"""

from __future__ import annotations

import difflib
import re
import unicodedata

_QUOTES = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u2032": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u201f": '"',
        "\u00ab": '"',
        "\u00bb": '"',
        "\u2033": '"',
        "\u2010": "-",
        "\u2011": "-",
        "\u2012": "-",
        "\u2013": "-",
        "\u2014": "-",
        "\u2212": "-",
    }
)
_WORD = re.compile(r"\w+", re.UNICODE)


def fold(text: str) -> tuple[str, list[int]]:
    """Return ``text`` folded, and for each folded character the index it came from.

    Folding lowercases (``casefold``), drops accents ("José" → "jose"), makes curly quotes
    and dashes plain, and turns each run of whitespace into one space.
    """
    out: list[str] = []
    where: list[int] = []
    space = False
    for i, ch in enumerate(text):
        if ch.isspace():
            if out and not space:
                out.append(" ")
                where.append(i)
            space = True
            continue
        space = False
        for part in unicodedata.normalize("NFKD", ch.translate(_QUOTES)):
            if unicodedata.combining(part):
                continue
            for low in part.casefold():
                out.append(low)
                where.append(i)
    return "".join(out), where


def occurrences(
    text: str, phrase: str, *, within: tuple[int, int] | None = None
) -> list[tuple[int, int]]:
    """Return the ``(start, end)`` spans of ``text`` where ``phrase`` occurs, in order.

    Matching ignores case, accents, quote and dash styles and the amount of whitespace, and
    finds whole words only.
    ``within`` limits the search to ``text[start:end]`` (offsets stay those of ``text``).
    A phrase that is empty once folded occurs nowhere.
    """
    lo, hi = within if within is not None else (0, len(text))
    needle = fold(phrase)[0].strip()
    if not needle:
        return []
    hay, where = fold(text[lo:hi])
    spans = []
    start = hay.find(needle)
    while start != -1:
        end = start + len(needle)
        # Whole words only: "ou" is not found in "could", nor "may" in "mayor".
        cut_before = start > 0 and hay[start - 1].isalnum() and needle[0].isalnum()
        cut_after = end < len(hay) and hay[end].isalnum() and needle[-1].isalnum()
        if not (cut_before or cut_after):
            spans.append((lo + where[start], lo + where[end - 1] + 1))
        start = hay.find(needle, start + 1)
    return spans


def words(text: str) -> list[str]:
    """Return the folded words of ``text`` (punctuation dropped)."""
    return _WORD.findall(fold(text)[0])


def same_answer(given: str, accepted: str) -> bool:
    """Return True when two short answers are the same once folded, ignoring punctuation
    and a leading "the" ("The Pentagon." matches "pentagon")."""
    return _bare(given) == _bare(accepted) and bool(_bare(given))


def near_answer(given: str, accepted: str, *, ratio: float = 0.8) -> bool:
    """Return True when ``given`` looks like a misspelling of ``accepted`` (difflib ratio)."""
    a, b = " ".join(_bare(given)), " ".join(_bare(accepted))
    return bool(a and b) and difflib.SequenceMatcher(None, a, b).ratio() >= ratio


def _bare(text: str) -> list[str]:
    found = words(text)
    return found[1:] if len(found) > 1 and found[0] == "the" else found
