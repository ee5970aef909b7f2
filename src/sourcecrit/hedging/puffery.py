"""Checks for the Wikipedia reading: praise with no source, and research with no name.

Wikipedia's *Manual of Style/Words to watch* (CC BY-SA 4.0; the word lists in
``data/hedges.yaml`` are used with credit) warns editors against *puffery* ("legendary",
"acclaimed", "world-class") and against *unsupported attributions* ("research has shown").
Several words of its puffery list also have a plain, literal sense that praises nothing: "a
great deal of", "an outstanding debt", "the Revolutionary Guard", "a leading role", "the
popular vote", "a unique identifier". These checks keep the praising sense and leave the
literal one, using only the parse and the lexicon's ``literal_heads`` word list.
"""

from __future__ import annotations

from spacy.tokens import Span

from sourcecrit.hedging.lexicon import HedgeLexicon

# Entity types under which a praise word is part of a name ("the Great Lakes", "the
# Revolutionary Guard", "the Outstanding Achievement Award"), not the writer's judgement.
NAME_TYPES = frozenset({"ORG", "EVENT", "WORK_OF_ART", "FAC", "LAW", "GPE", "LOC", "PRODUCT"})

# Prepositions after a praise word that say whose judgement or what range it is: "popular
# with students", "famous among collectors", "unique to Japan", "notable for its size".
SCOPING_PREPOSITIONS = frozenset({"with", "among", "to", "amongst"})


def praise(span: Span, lexicon: HedgeLexicon) -> bool:
    """Return True when a puffery word praises, not when it has its literal sense.

    "A great singer", "the legendary bridge", "a hit single" praise with no source; "a great
    deal of time", "an outstanding debt", "the Revolutionary Guard", "popular with students"
    and "unique to the island" do not (the first three are literal, the last two say whose
    liking or what range is meant).
    """
    word = span[-1]
    if any(t.pos_ == "PROPN" or t.ent_type_ in NAME_TYPES for t in span):
        return False
    nxt = word.doc[word.i + 1] if word.i + 1 < len(word.doc) else None
    if nxt is not None and nxt.lemma_.lower() in lexicon.literal_heads:
        return False
    head = word.head
    if head.i > word.i and head.lemma_.lower() in lexicon.literal_heads:
        return False
    return not any(c.dep_ == "prep" and c.lower_ in SCOPING_PREPOSITIONS for c in word.children)


def unnamed_study(span: Span, lexicon: HedgeLexicon) -> bool:
    """Return True when research is invoked without saying which: "research has shown".

    "Studies show", "science says" lean on unnamed work (*Words to watch*, unsupported
    attributions); "a 2009 study by Lee showed", "this research shows", "the Cochrane
    review found" or "studies at the Mayo Clinic" say which.
    """
    noun = span[0]
    for child in noun.children:
        if child.dep_ in ("det", "poss", "nummod", "appos", "compound"):
            return False
        if child.dep_ == "prep" and child.lower_ in ("by", "from", "at", "of", "in"):
            return False
        if child.dep_ == "amod" and child.ent_type_ in ("DATE", "ORG", "NORP", "GPE"):
            return False
    return noun.dep_ in ("nsubj", "nsubjpass")


PUFFERY_CHECKS = {"praise": praise, "unnamed_study": unnamed_study}
