"""Which person the article has already named a name belongs to.

"Mrs. Clinton" joins "Hillary Clinton", never "Bill Clinton"; a bare "Clinton" that fits
both goes to the one named more often (then the one named first), and the choice is
flagged as a guess, so that the roles of two people do not mix. Agreement is a hard
constraint (Lee et al. 2013): a name never joins a person whose first name or gender
disagrees. Also the person who made a document the source names ("a speech Mrs. Clinton
delivered"). Used by :mod:`sourcecrit.attribution.speakers`.
"""

from __future__ import annotations

from collections import Counter

from spacy.tokens import Span, Token

from sourcecrit.attribution.lookups import Entities
from sourcecrit.attribution.mentions import Cluster
from sourcecrit.attribution.names import clean_name, first_name, same_person, surname


def person_for_name(
    clusters: list[Cluster], name: str, counts: Counter[int], *, gender: str | None = None
) -> tuple[Cluster | None, bool]:
    """Return ``(person, guessed)``: the known person ``name`` belongs to, or None.

    Args:
        clusters: the article's speakers so far (people and bodies).
        name: a cleaned name ("Clinton", "Hillary Clinton", "Hillary").
        counts: mentions per cluster key, to choose between people who share a surname.
        gender: the gender the name's honorific or first name gives, if any.

    Returns:
        The person (a compatible one only) and whether it was a guess between several.
    """
    fits = [
        c
        for c in clusters
        if c.kind == "person"
        and same_person(name, c.canonical)
        and not (gender and c.gender and gender != c.gender)
    ]
    if not fits and len(name.split()) == 1:
        # "Hillary" alone: the one person with that first name.
        low = name.lower()
        fits = [c for c in clusters if c.kind == "person" and first_name(c.canonical) == low]
        if len(fits) != 1 or any(surname(c.canonical) == low for c in clusters):
            return None, False
    if len(fits) <= 1:
        return (fits[0] if fits else None), False
    exact = [c for c in fits if first_name(name) and first_name(c.canonical) == first_name(name)]
    if len(exact) == 1:
        return exact[0], False
    return max(fits, key=lambda c: (counts[c.key], -(c.first_start or 0))), True


def author_of(head: Token, ents: Entities) -> Span | None:
    """Return the PERSON entity that made the document ``head`` names, or None.

    "according to a speech Mrs. Clinton delivered at New York University", "a letter Tom
    Reed wrote to the board": the relative clause on a document noun has the person as its
    subject, and they are who is speaking. Only for words the lexicon lists as documents
    ("the voters Clinton courted" are not Clinton), and not for a subject: "The memo Reed
    wrote said ..." is the memo speaking, a document a student can look for.
    """
    if (
        head.pos_ != "NOUN"
        or head.dep_ in ("nsubj", "nsubjpass")
        or not is_document_word(head.lemma_.lower())
    ):
        return None
    for clause in head.rights:
        if clause.dep_ != "relcl":
            continue
        subject = next((c for c in clause.children if c.dep_ == "nsubj"), None)
        ent = ents.holding(subject.i) if subject is not None else None
        if ent is not None and ent.label_ == "PERSON":
            return ent
    return None


def is_document_word(word: str) -> bool:
    """Return True when ``word`` names a document (``document`` in ``source_types.yaml``)."""
    from sourcecrit.attribution.lexicon import load_source_types

    return word in load_source_types()["document"].words


def clause_objects(pronoun: Token, ents: Entities) -> list[Span]:
    """Return the people named as objects of the verb a subject pronoun goes with.

    A pronoun is never the person its own clause names as object (binding theory's
    principle B; Lee et al. 2013 keep it as a constraint): in "Ever since she endorsed
    Mrs. Clinton, Ms. Warren has ...", "she" is not Clinton. Objects are direct and
    indirect objects and the objects of the verb's prepositions ("she spoke with Reed").
    """
    if pronoun.dep_ not in ("nsubj", "nsubjpass"):
        return []
    found = []
    for child in pronoun.head.children:
        objects = [child] if child.dep_ in ("dobj", "dative") else []
        if child.dep_ == "prep":
            objects = [g for g in child.children if g.dep_ == "pobj"]
        for obj in objects:
            ent = ents.holding(obj.i)
            if ent is not None and ent.label_ == "PERSON":
                found.append(ent)
    return found


def ruled_out(
    pronoun: Token, ents: Entities, clusters: list[Cluster], counts: Counter[int]
) -> frozenset[int]:
    """Return the keys of the known people a subject pronoun cannot be (:func:`clause_objects`)."""
    found = (
        person_for_name(clusters, clean_name(e.text), counts)[0]
        for e in clause_objects(pronoun, ents)
    )
    return frozenset(c.key for c in found if c is not None)
