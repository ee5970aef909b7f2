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
from sourcecrit.attribution.names import description_words, role_gender
from sourcecrit.attribution.quotes import Quote, quote_of

#: Possessive determiners that may open a kin description ("my father", "his wife").
POSSESSIVE_PRONOUNS = frozenset({"my", "his", "her", "our", "their", "your"})


def is_kin_description(tok: Token) -> bool:
    """Return True for a gendered person noun under a possessive pronoun ("my mother")."""
    return role_gender(tok.lemma_.lower()) is not None and any(
        c.dep_ == "poss" and c.lower_ in POSSESSIVE_PRONOUNS for c in tok.children
    )


def is_narrators_kin(tok: Token) -> bool:
    """Return True for "my father", "my mother": the writer's kin, one person all through.

    Such a description may come before the sentence that names the person ("My father
    would have loved this. [...] my parents, James and Ann Roe, ..."), so the person may be
    looked for further on as well.
    """
    return is_kin_description(tok) and any(
        c.dep_ == "poss" and c.lower_ == "my" for c in tok.children
    )


def description_subjects(doc: Doc, quotes: list[Quote]) -> list[Token]:
    """Return the subjects outside quotes that are definite descriptions of people.

    "the president", "the judge" and kin nouns under a possessive ("my father", "his wife").
    """
    return [
        tok
        for tok in doc
        if tok.dep_ in ("nsubj", "nsubjpass")
        and tok.tag_ == "NN"
        and (
            any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children)
            or is_kin_description(tok)
        )
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
    # "my father" is a parent, and a man: a person the text called a parent who is not a woman.
    gender = role_gender(head.lemma_.lower())
    words = description_words(words)
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
            if clusters[k].kind == "person"
            and modifiers <= clusters[k].role_words
            and not (gender and clusters[k].gender not in (None, gender))
        }
        if not fit:
            return None
        return next((clusters[m.cluster] for m in ordered if m.cluster in fit), None)
    for m in ordered:
        c = clusters[m.cluster]
        if (
            c.kind == "person"
            and words & c.role_words
            and modifiers <= c.role_words
            and not (gender and c.gender not in (None, gender))
        ):
            return c
    return None


def role_index(clusters: list[Cluster]) -> dict[str, list[int]]:
    """Return the keys of the clusters holding each role word (valid while roles don't change)."""
    index: dict[str, list[int]] = {}
    for c in clusters:
        for word in c.role_words:
            index.setdefault(word, []).append(c.key)
    return index


def description_mentions(
    doc: Doc,
    quotes: list[Quote],
    clusters: list[Cluster],
    mentions: list[Mention],
    *,
    by_role: dict[str, list[int]],
) -> list[Mention]:
    """Return the description subjects as mentions of the people they describe.

    "In defeat, the president appeared cowed. Campaigning in 2012, he barely mentioned
    climate change": the subject "the president" keeps Obama the most recent subject, so
    "he" is Obama and not a senator quoted a paragraph before. A kin noun or "man", "woman"
    that fits nobody becomes a person the text never names (a cluster of kind
    ``description``, appended to ``clusters``): "My mother has softened with age, but even
    now she says ...": the "she" is her, not a woman named earlier.
    """
    found = []
    for tok in description_subjects(doc, quotes):
        cluster = person_by_role(
            clusters, mentions, tok, tok.idx, forward=is_narrators_kin(tok), by_role=by_role
        )
        # Only a noun that gives a sex: "the candidate" is mostly someone named before
        # ("the Republican presidential candidate said no. But he said ..." is Trump).
        if (
            cluster is None
            and role_gender(tok.lemma_.lower()) is not None
            and not follows_a_name(tok)  # "Ann Reed, the chairwoman, said": misparsed apposition
        ):
            cluster = Cluster(len(clusters), tok.text, "description")
            cluster.gender = role_gender(tok.lemma_.lower())
            clusters.append(cluster)
        if cluster is not None:
            found.append(Mention(tok.idx, tok.idx + len(tok), cluster.key, True))
    return found


def follows_a_name(tok: Token) -> bool:
    """Return True when the phrase of ``tok`` follows a name and a comma ("Ann Reed, the ...")."""
    i = tok.left_edge.i
    return i >= 2 and tok.doc[i - 1].text == "," and tok.doc[i - 2].ent_type_ == "PERSON"
