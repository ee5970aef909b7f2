"""Checks for the Wikipedia reading: a vague amount of things, "how many?".

Wikipedia's editors tag a vague quantity ("some", "many", "several", "a number of") with
the inline cleanup template {{Quantify}}, shown as "[quantify]", and vague wording in
general with {{Vague}}; the Manual of Style asks for numbers where the sources give them.
The news guidelines call "many of the songs" or "in some cases" description (a weasel
there must hide *who*), so these checks serve the Wikipedia reading only. Vague amounts of
people who hold a view ("many experts say", "many of them said") stay weasels
(``weasels.people_quantity``, ``weasels.unnamed_speakers``): where a weasel record matches
the same words as long, it wins the overlap, and a quantifier that is the subject of a
verb of saying is left to the weasel record even where this match would be longer.

Left alone, from general English: "how many", "so many", "too many", "as many as 40"
(a question, a degree, a figure); "the most votes" and "make the most of" (a superlative);
comparisons ("like many other towns"); a group whose members the sentence goes on to name
("several towns, including Ely"); and amounts of time ("for many years", "most of the
time"), which are durations, tagged on Wikipedia with {{When}}, not {{Quantify}}.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from sourcecrit.hedging.lexicon import HedgeLexicon
from sourcecrit.hedging.weasels import names_members, unnamed_speakers

#: Units of time: "for many years", "several days later", "most of the time" give a
#: duration, not an amount of things.
TIME_NOUNS = frozenset(
    {
        "second", "minute", "hour", "day", "night", "morning", "afternoon", "evening",
        "week", "weekend", "month", "season", "year", "decade", "century", "millennium",
        "moment", "while", "era", "time",
    }
)  # fmt: skip
#: Words on a quantifier that make it a question, a degree or a figure: "how many", "so
#: many", "too few", "as many as 40", "that many".
NOT_VAGUE_ON = frozenset({"how", "so", "too", "as", "that", "this"})
#: Prepositions of comparison: "like many other bands" describes, it does not count.
COMPARING = frozenset({"like", "unlike", "than"})
#: Nouns of "a number of" kind that name a quantity to be counted after "the": "the number
#: of visitors rose", "the lot of workers".
COUNTED_AFTER_THE = frozenset({"number", "lot"})


def _of_object(of: Token) -> Token | None:
    objects = [c for c in of.children if c.dep_ == "pobj"]
    return objects[0] if objects else None


def _is_time(noun: Token) -> bool:
    """Return True for an amount of time: "many years", "much of the 1990s"."""
    if noun.lemma_.lower() in TIME_NOUNS:
        # "several times" counts occasions, "most of the time" is a span of time.
        return not (noun.lemma_.lower() == "time" and noun.tag_ == "NNS")
    return noun.ent_type_ in ("DATE", "TIME") and not noun.like_num


def _left_vague(word: Token) -> bool:
    """Return False when "how", "so", "too" or "as" makes the amount a question or figure."""
    return not any(c.lower_ in NOT_VAGUE_ON for c in word.lefts)


def _superlative(word: Token) -> bool:
    """Return True for "the most": "won the most votes", "made the most of it"."""
    prev = word.doc[word.i - 1] if word.i > word.sent.start else None
    return word.lower_ == "most" and prev is not None and prev.lower_ == "the"


def _counted_thing(noun: Token) -> bool:
    """Return True when ``noun`` is something counted vaguely, not time or a comparison."""
    if _is_time(noun) or names_members(noun):
        return False
    return not (noun.dep_ == "pobj" and noun.head.lower_ in COMPARING)


def vague_amount(span: Span, lexicon: HedgeLexicon) -> bool:
    """Return True for a vague amount of things: "several bands", "many of the songs".

    The span is a quantifier ("some", "many", "a few", ...) or a quantifier with "of"
    ("some of", "a number of", "lots of"). The quantifier must count a plural noun ("many
    songs"), stand for one as subject or object ("many were lost"), or take an "of" phrase
    ("most of the album", "a host of problems"). See the module docstring for what is left.
    """
    word = span[-2] if span[-1].lower_ == "of" else span[-1]
    # "Many of them said", "a few say": unnamed speakers, the news weasel some-say's, which
    # a longer hedge here would otherwise push out of the overlap.
    speaking = word.dep_ in ("nsubj", "nsubjpass")
    if speaking and unnamed_speakers(span.doc[word.i : word.i + 1], lexicon):
        return False
    if span[-1].lower_ == "of":
        return _amount_of(span)
    if not _left_vague(word) or _superlative(word):
        return False
    if word.dep_ in ("det", "amod", "nummod") and word.head.i > word.i:
        noun = word.head
        return noun.tag_ in ("NNS", "NNPS") and _counted_thing(noun)
    if word.dep_ in ("nsubj", "nsubjpass", "dobj") and word.pos_ in ("PRON", "NOUN", "ADJ", "DET"):
        # "Many were lost"; "some of them" is the "of" record's.
        if any(c.dep_ == "prep" and c.lower_ == "of" for c in word.children):
            return False
        return _counted_thing(word)
    return False


def _amount_of(span: Span) -> bool:
    """The "of" forms: "some of the songs", "a number of problems", "lots of towns"."""
    of = span[-1]
    amount = span[-2]
    noun = _of_object(of)
    if noun is None or noun.lower_ == "all":  # "most of all"
        return False
    if not _left_vague(amount) or _superlative(amount):
        return False
    if span[0].lower_ == "the" and amount.lower_ in COUNTED_AFTER_THE:
        return False
    # "Not much of a singer" says he hardly is one; "a new variety of wheat" is a kind.
    if amount.lower_ == "much" and any(c.lower_ in ("a", "an") for c in noun.children):
        return False
    if amount.lower_ == "variety" and noun.tag_ not in ("NNS", "NNPS"):
        return False
    if amount.lower_ == "deal" and not any(t.lower_ in ("great", "good") for t in span):
        return False
    return _counted_thing(noun)


AMOUNT_CHECKS = {"vague_amount": vague_amount}
