"""Does a text look like English? A light check that needs no model.

sourcecrit's rules and model are for English news; an Article in another language is
still analysed, with a warning that its findings will be unreliable.
"""

from __future__ import annotations

import re

# The commonest English function words: running English prose is about 40% these.
_ENGLISH_FUNCTION_WORDS = frozenset(
    """the of and to a in is that for it as was with be by on not he she i this are or his
    her from at which but have an they you were their has had been one we its there will
    would who what when all said more also than them these some can could about after
    into may over if so no our out up other then only""".split()
)
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


def language_warnings(text: str) -> list[str]:
    """Return a warning when ``text`` does not look like English, else an empty list.

    A light test that needs no model: the share of the commonest English function words
    among the first 2,000 words, and the share of Latin letters. Texts under 20 words are
    too short to judge.
    """
    words = _WORD.findall(text[:50_000])[:2000]
    if len(words) < 20:
        return []
    letters = "".join(words)
    latin = sum(1 for ch in letters if ch.isascii() or "\u00c0" <= ch <= "\u024f")
    share = sum(1 for w in words if w.lower() in _ENGLISH_FUNCTION_WORDS) / len(words)
    if latin / len(letters) < 0.5 or share < 0.12:
        return [
            "This text does not look like English. sourcecrit's rules and model are for "
            "English news, so its findings will be unreliable."
        ]
    return []
