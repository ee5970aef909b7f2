"""Descriptions of people: "the senator", "A Boston doctor", "my father", and who they are.

A definite description refers back to the person whose role the text gave it (Lee et al.
2013's "role appositive" and "compatible modifiers" sieves; Poesio & Vieira 1998 on
definite descriptions): the role a name carries ("Sen. Lindsey Graham", "Jens Stoltenberg,
NATO's secretary general"), or a broader word for it ("Justice Frank Nervo" is "the
judge"). Kin nouns and "man"/"woman" also give a gender ("my mother", "his wife"), which the
person must not contradict. Used by :mod:`sourcecrit.attribution.speakers`.
"""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Iterator

from spacy.tokens import Doc, Token

from sourcecrit.attribution.mentions import Cluster, Mention, mention_start, recent_first
from sourcecrit.attribution.quotes import Quote, quote_of


def description_subjects(doc: Doc, quotes: list[Quote]) -> list[Token]:
    """Return the subjects outside quotes that are definite descriptions ("the president")."""
    return [
        tok
        for tok in doc
        if tok.dep_ in ("nsubj", "nsubjpass")
        and tok.tag_ == "NN"
        and any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children)
        and quote_of(quotes, tok.idx, tok.idx + 1) is None
    ]


def is_role_word(word: str) -> bool:
    """Return True when ``word`` names an office or trade a person holds ("senator", "doctor")."""
    from sourcecrit.attribution.lexicon import load_source_types

    types = load_source_types()
    return any(
        word in types[k].words for k in ("named_official", "named_politician", "named_expert")
    )


def person_by_role(
    clusters: list[Cluster],
    mentions: list[Mention],
    head: Token,
    before: int,
    *,
    forward: bool = False,
    by_role: dict[str, list[int]] | None = None,
) -> Cluster | None:
    """Return the person most recently mentioned before ``before`` whose role holds the head noun.

    With ``forward``, a description that introduces someone named later ("A Boston doctor
    said ... Dr. Jane Roe") takes the first such person after it when none came before.
    ``by_role`` (the keys of the clusters holding each role word, see :func:`role_index`)
    narrows the walk to the people who fit, and skips it when nobody does.
    """
    words = {head.lemma_.lower(), head.lower_}
    # Every proper modifier must fit too (Lee et al.'s compatible-modifiers sieve): "the
    # Florida senator" is not a senator the text placed nowhere, nor one from another state.
    # (A headline's capitalised words are all proper nouns: not checked there.)
    modifiers = {
        c.lower_
        for c in head.children
        if c.dep_ in ("amod", "compound")
        and c.pos_ == "PROPN"
        and c.i < head.i
        and head.tag_ == "NN"
        and not forward  # "A Boston doctor" introduces someone: the modifier is news
    }
    # ``mentions`` is sorted by start: walk back from ``before``, then (forward) on from it.
    ordered: Iterator[Mention] = recent_first(mentions, before)
    if forward:
        later = bisect.bisect_left(mentions, before, key=mention_start)
        ordered = itertools.chain(ordered, itertools.islice(mentions, later, None))
    if by_role is not None:
        fit = {
            k
            for w in words
            for k in by_role.get(w, ())
            if clusters[k].kind == "person" and modifiers <= clusters[k].role_words
        }
        if not fit:
            return None
        return next((clusters[m.cluster] for m in ordered if m.cluster in fit), None)
    for m in ordered:
        c = clusters[m.cluster]
        if c.kind == "person" and words & c.role_words and modifiers <= c.role_words:
            return c
    return None


def role_index(clusters: list[Cluster]) -> dict[str, list[int]]:
    """Return the keys of the clusters holding each role word (valid while roles don't change)."""
    index: dict[str, list[int]] = {}
    for c in clusters:
        for word in c.role_words:
            index.setdefault(word, []).append(c.key)
    return index
