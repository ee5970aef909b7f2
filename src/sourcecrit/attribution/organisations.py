"""Organisations as speakers: one cluster per body the article names, however it is written.

"The Pentagon", "Pentagon" and "the Pentagon's" are one speaker; "Clinton's campaign" is
the campaign. A capitalised common noun that opens a sentence ("Reporters said ...") is
not a body the article names, even when the entity recogniser tags it ORG.

One name is one kind of speaker all through an article. The small model may tag a watchdog
group "Citizens Watch" PERSON in one sentence and ORG in the next; where it tags the name
ORG once (or sets it beside a word for a body, "Citizens Watch, a watchdog group"), every
mention is the organisation. A surname of a person named in full ("Ava DuVernay") is that
person even where it is tagged ORG ("DuVernay documents ..."), or GPE ("Kasich said",
beside "John Kasich") unless the article also uses the name as a place ("in Kasich").
"""

from __future__ import annotations

from spacy.tokens import Span

from sourcecrit.attribution.mentions import Cluster, is_org_word
from sourcecrit.attribution.names import clean_name, first_name, name_gender, surname

#: Entity labels a body's name may carry.
BODY_LABELS = frozenset({"ORG"})


def name_key(text: str) -> str:
    """Return the form two mentions of one name share: no "the", no "'s", lower case."""
    name = clean_name(text.strip())
    if name.lower().startswith("the "):
        name = name[4:]
    return name.lower()


def organisation_names(ents: list[Span]) -> frozenset[str]:
    """Return the names (:func:`name_key`) the article uses for bodies, whatever their tag.

    A name counts when the recogniser tags it ORG at least once, or when a PERSON-tagged
    name stands in apposition to a word for a body ("Citizens Watch, a watchdog group").
    Not counted: capitalised common nouns ("Reporters said"), and the surname of anyone
    named in full with a first name ("DuVernay" beside "Ava DuVernay"), nor a name whose
    first word is a known first name ("Frank Nervo" tagged ORG is still a person).
    """
    found = set()
    for ent in ents:
        if ent.label_ in BODY_LABELS and not is_capitalised_common_noun(ent):
            found.add(name_key(ent.text))
        elif ent.label_ == "PERSON" and any(
            c.dep_ == "appos" and is_org_word(c.lower_) for c in ent.root.children
        ):
            found.add(name_key(ent.text))
    # People named in full: a known first name, or a two-word name never tagged as a body.
    people = {
        surname(clean_name(e.text)).lower()
        for e in ents
        if e.label_ == "PERSON"
        and first_name(clean_name(e.text))
        and (name_gender(e.text) is not None or name_key(e.text) not in found)
    }
    return frozenset(
        name
        for name in found
        if name and name not in people and surname(name) not in people and name_gender(name) is None
    )


def is_capitalised_common_noun(ent: Span) -> bool:
    """Return True for a one-word "entity" that is a common noun capitalised by its place.

    "Reporters said ..." (tagged ORG by the small model): the word is a plural or singular
    common noun (tag NNS or NN) and is capitalised only because it opens the sentence.
    """
    if len(ent) != 1:
        return False
    token = ent[0]
    return token.tag_ in ("NN", "NNS") and bool(token.is_sent_start) and token.text.istitle()


def people_tagged_as_bodies(
    ents: list[Span], clusters: list[Cluster], org_names: frozenset[str]
) -> list[tuple[Span, str]]:
    """Return the ORG or GPE entities that name a person already named, with the name.

    "DuVernay documents the boom" (tagged ORG) beside "Ava DuVernay": the surname of a
    known person, and not a name the article uses for a body (:func:`organisation_names`).
    """
    surnames = {surname(c.canonical).lower() for c in clusters if c.kind == "person"}
    found = []
    for ent in ents:
        name = clean_name(ent.text)
        if (
            ent.label_ in ("ORG", "GPE")
            and name_key(ent.text) not in org_names
            and name[:1].isupper()
            and surname(name).lower() in surnames
        ):
            found.append((ent, name))
    return found


#: Prepositions before a place: "in Ohio", "across Iowa". Not those that also come before
#: people: "to", "from", "at", "around" ("a letter from Kasich", "aimed at Kasich").
PLACE_PREPOSITIONS = frozenset({"in", "across", "near", "throughout", "into", "outside"})


def place_names(ents: list[Span]) -> frozenset[str]:
    """Return the names (:func:`name_key`) the article uses for places.

    A GPE, LOC or FAC name is a place when it follows a preposition of place ("in Ohio") at
    least as often as it is the subject or possessor of something ("Ohio's economy"). The
    recogniser's tag alone is no test: the small model tags some surnames GPE ("Kasich
    said", "Kasich's record"), and "confidence in Kasich" puts a person after "in".
    """
    place: dict[str, int] = {}
    actor: dict[str, int] = {}
    for ent in ents:
        if ent.label_ not in ("GPE", "LOC", "FAC"):
            continue
        root, key = ent.root, name_key(ent.text)
        if root.dep_ == "pobj" and root.head.lower_ in PLACE_PREPOSITIONS:
            place[key] = place.get(key, 0) + 1
        elif root.dep_ in ("nsubj", "nsubjpass", "poss"):
            actor[key] = actor.get(key, 0) + 1
    return frozenset(key for key, n in place.items() if n >= actor.get(key, 0))


class Organisations:
    """The organisation clusters of one article, keyed by their name without "the"."""

    def __init__(self, clusters: list[Cluster]) -> None:
        self.clusters = clusters  # shared with the resolver: people and bodies, one list
        self._by_name: dict[str, int] = {}

    def cluster(self, ent: Span, start: int, end: int) -> Cluster:
        """Return the cluster of the body ``ent`` names, adding it when new."""
        text = ent.text.strip().replace("'s ", " ").replace("’s ", " ")  # "Clinton's campaign"
        if text.lower().startswith("the "):
            text = text[4:]
        key = text.lower()
        if key in self._by_name:
            return self.clusters[self._by_name[key]]
        cluster = Cluster(
            len(self.clusters), text, "org", first_start=start, first_end=end, label=ent.label_
        )
        self.clusters.append(cluster)
        self._by_name[key] = cluster.key
        return cluster
