"""Senses of cue words that report nothing, and adjuncts that are not content.

A verb of saying is not always a report: "not to mention the delays" is an idiom, and
"raised $2 million to support the governor" says what money is for. Nor is everything after
an object part of what is reported: "blasted the mayor as a failure on Wednesday during a
radio interview" attributes "the mayor as a failure"; the rest says when and where.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from sourcecrit.attribution.wordlists import words


def set_phrases() -> dict[str, list[tuple[int, tuple[str, ...]]]]:
    """Return the set phrases of ``non_reporting_phrases`` indexed by each of their words:
    word -> [(position of the word in the phrase, the phrase's words)]."""
    index: dict[str, list[tuple[int, tuple[str, ...]]]] = {}
    for phrase in words("non_reporting_phrases"):
        parts = tuple(phrase.split())
        for k, word in enumerate(parts):
            index.setdefault(word, []).append((k, parts))
    return index


def in_set_phrase(tok: Token, phrases: dict[str, list[tuple[int, tuple[str, ...]]]]) -> bool:
    """Return True when cue ``tok`` is part of a set phrase that reports nothing.

    "It will cost millions, *not to mention* the delays", "*Needless to say*, it failed":
    the verb of saying is idiom, not a report.
    """
    doc = tok.doc
    for k, parts in phrases.get(tok.lower_, ()):
        start = tok.i - k
        if start < 0 or start + len(parts) > len(doc):
            continue
        if all(doc[start + n].lower_ == w for n, w in enumerate(parts)):
            return True
    return False


def is_marginal_preposition(tok: Token) -> bool:
    """Return True when cue ``tok`` is a participle used as a preposition or conjunction.

    "Even the figures look decent, *considering* what they are up against": a participle
    from ``marginal_prepositions`` with no subject of its own, hanging on a clause as an
    adjunct, frames the writer's point; it does not report the clause's subject considering
    anything. ("The board is considering a merger" keeps its subject and its sense.)
    """
    if tok.lower_ not in words("marginal_prepositions") or tok.tag_ not in ("VBG", "VBN", "IN"):
        return False
    if any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") for c in tok.children):
        return False
    return tok.dep_ in ("advcl", "prep", "acl", "conj", "xcomp") or tok.head is tok


TIME_ENTITIES = frozenset({"DATE", "TIME"})
# Prepositions that open an adjunct of the reporting event, not part of what is reported:
# "blasted the plan as a failure *during* the debate", "cited the figure *at* a forum".
EVENT_PREPS = frozenset({"during", "at", "while", "in", "on"})


def without_time_tail(doc: Doc, left: int, right: int) -> int:
    """Return a new right end for a noun-phrase content without the time or place of the
    saying: "blasted the governor as a disgrace *Wednesday on a radio show*" attributes
    "the governor as a disgrace". A clause keeps its dates ("said the vote is on Monday").
    """
    root = doc[left : right + 1].root
    if root.pos_ not in ("NOUN", "PROPN", "PRON", "NUM"):
        return right
    for t in doc[root.i + 1 : right + 1]:
        when = t.ent_type_ in TIME_ENTITIES and t.dep_ in ("npadvmod", "tmod") and t.ent_iob_ == "B"
        where = (
            t.dep_ == "prep"
            and t.lower_ in EVENT_PREPS
            and any(
                g.ent_type_ in TIME_ENTITIES
                or g.ent_type_ in ("EVENT", "FAC", "GPE", "ORG", "WORK_OF_ART")
                for g in t.subtree
            )
            and doc[t.i - 1].dep_ != "compound"
        )
        if when or (where and t.head.i != root.i):
            return t.i - 1 if t.i - 1 >= left else right
    return right


FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP"})


def without_coordinated_deed(doc: Doc, left: int, right: int) -> int:
    """Return a new right end for a noun-phrase or infinitive content without a verb phrase
    coordinated to the cue: "championed gay rights *and extended benefits to couples*",
    "rules that promise to transform the economy *but are likely to draw fire*".

    A verb joined by "and"/"but" cannot continue a noun phrase, and a finite verb cannot
    continue a to-infinitive: the parser hung on the content what the subject did next.
    """
    root = doc[left : right + 1].root
    infinitive = root.tag_ == "VB" and any(
        c.dep_ == "aux" and c.lower_ == "to" for c in root.children
    )
    if root.pos_ not in ("NOUN", "PROPN") and not infinitive:
        return right
    for t in doc[root.i + 1 : right + 1]:
        if t.dep_ != "conj" or t.pos_ not in ("VERB", "AUX") or not left <= t.head.i <= right:
            continue
        if any(c.dep_ in ("nsubj", "nsubjpass") for c in t.children):
            continue
        before = doc[t.left_edge.i - 1]
        if before.dep_ != "cc" or before.lower_ not in ("and", "but"):
            continue
        if t.tag_ in FINITE_TAGS or (not infinitive and t.tag_ == "VB"):
            return before.i - 1
    return right


AMOUNT_ENTITIES = frozenset({"MONEY", "CARDINAL", "QUANTITY", "PERCENT"})


def is_purpose_of_amount(tok: Token) -> bool:
    """Return True when ``tok`` is an infinitive or participle hanging on an amount ("$2
    million to support her campaign", "5,000 troops defending the border")."""
    if tok.dep_ in ("acl", "relcl"):
        # only an infinitive or participle: "the two biggest polluters, *which vowed* to ..."
        # is a relative clause with its own subject, saying what the counted ones did
        own_subject = any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children)
        return tok.tag_ in ("VB", "VBG", "VBN") and not own_subject and _is_amount(tok.head)
    if tok.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children):
        # the purpose of a verb whose object is the amount: "raised $2 million to support"
        return any(c.dep_ == "dobj" and _is_amount(c) for c in tok.head.children)
    return False


def _is_amount(noun: Token) -> bool:
    return noun.ent_type_ in AMOUNT_ENTITIES or any(
        c.ent_type_ in AMOUNT_ENTITIES and c.dep_ in ("nummod", "quantmod", "compound")
        for c in noun.children
    )
