"""Speakers: who a source phrase refers to, with every alias and the role the text gives.

A light, rule-based coreference in the spirit of Lee et al. (2013, "Deterministic
coreference resolution based on entity-centric, precision-ranked rules", Computational
Linguistics 39(4)), reduced to what attributions need. Agreement is a hard constraint
throughout: a pronoun or name never joins a person whose gender or first name disagrees.

- names: PERSON entities (and proper nouns the tagger missed) are grouped by surname, full
  names first, spelling variants allowed; first names, honorifics and their gender must
  agree, so "Mrs. Clinton" is never "Bill Clinton" (:mod:`sourcecrit.attribution.names`);
  a bare surname two people share goes to the more often named.
- roles: titles ("Retired NATO Colonel José Antonio Alcaide", "Sen. Graham"), appositions;
- pronouns: "he", "she" go to the latest compatible subject (else person). Outside quotation
  marks, names *inside* quotes are not candidates (`"... if Donald Trump is elected ...," he
  said` is not Trump); inside a quote, its own speaker is not ("Smith recalled: 'Out of
  nowhere, he said...'": not Smith). "I" in a quote is its speaker (component), "I"
  outside quotes the author named in a closing line ("Jane Roe is a playwright.").
- descriptions: "the senator" goes to the latest person whose role holds the noun and its
  proper modifiers ("the Florida senator" needs Florida); "A Boston doctor" may introduce one
  named later; "the network", "the campaign", "the Post" go to the organisation the article
  names that way ("Nova TV, the satellite network", "the Trump campaign");
- possessors ("Donald Trump's son told": not Trump) and headings in capitals ("OBAMA
  FOCUSED") are never speakers.
"""

from __future__ import annotations

import bisect
from collections import Counter

from spacy.tokens import Doc, Span, Token

from sourcecrit.attribution.lookups import Entities
from sourcecrit.attribution.mentions import (
    DESCRIPTION_DETERMINERS,
    FEMININE,
    FIRST_PERSON,
    MASCULINE,
    ORG_LABELS,
    Cluster,
    Mention,
    described_organisation,
    in_heading,
    is_subject,
    is_thing,
    mention_start,
    narrator_mention,
    recent_person,
    role_of,
)
from sourcecrit.attribution.name_spans import name_with_honorific, person_names
from sourcecrit.attribution.names import (
    clean_name,
    first_name,
    is_honorific,
    name_gender,
    surname,
    title_role,
    with_broader_roles,
)
from sourcecrit.attribution.organisations import (
    Organisations,
    is_capitalised_common_noun,
    name_key,
    organisation_names,
    people_tagged_as_bodies,
    place_names,
)
from sourcecrit.attribution.people import author_of, person_for_name, ruled_out
from sourcecrit.attribution.quotes import Quote, quote_of, quote_spans
from sourcecrit.attribution.roles import (
    description_mentions,
    is_kin_description,
    is_narrators_kin,
    is_role_word,
    person_by_role,
    role_index,
)
from sourcecrit.attribution.source_table import EXPLETIVE, is_expletive_it


class SpeakerResolver:
    """Resolve source phrases to speakers, in text order.

    Build it once per Doc (it reads every PERSON entity), then call :meth:`resolve` for each
    source in order of appearance.
    """

    def __init__(
        self, doc: Doc, *, text: str | None = None, quotes: list[Quote] | None = None
    ) -> None:
        self.doc = doc
        self.text = doc.text if text is None else text
        self.ents = list(doc.ents)
        self._entities = Entities(self.ents)  # bisection lookups, not a scan per source
        self.quotes = quote_spans(self.text)[0] if quotes is None else quotes
        self.clusters: list[Cluster] = []
        self.mentions: list[Mention] = []  # sorted by start once the constructor is done
        self._mention_counts: Counter[int] = Counter()  # mentions per cluster key
        self._orgs = Organisations(self.clusters)
        self.guessed = False
        # A name the article uses for a body is never a person (organisations.py).
        self._org_names = organisation_names(self.ents)
        self._places = place_names(self.ents)  # "in Ohio": a GPE name that is no person
        people = [
            e
            for e in person_names(doc, self.ents, self.text)
            if name_key(e.text) not in self._org_names
        ]
        # Full names first, so that a bare "Clinton" can choose between the people it may be.
        # (One test per name: entities are distinct, so "not full" is "not in full".)
        is_full = [bool(first_name(clean_name(name_with_honorific(e, doc)))) for e in people]
        full = [e for e, f in zip(people, is_full) if f]
        for ent in full + [e for e, f in zip(people, is_full) if not f]:
            self._add_person(ent)
        self._add_people_tagged_as_bodies()
        self.mentions.sort(key=mention_start)
        # Roles come only from the names above: from here on, index the people by role word.
        self._by_role = role_index(self.clusters)
        self._add_descriptions()
        narrator = narrator_mention(self.text, self.mentions)
        self.narrator = self.clusters[narrator.cluster] if narrator is not None else None

    def _mention(
        self, start: int, end: int, cluster: Cluster, subject: bool, *, in_order: bool = False
    ) -> None:
        """Add a mention: at the end, or (``in_order``) after every mention starting no later."""
        mention = Mention(start, end, cluster.key, subject, quote_of(self.quotes, start, end))
        if in_order:
            bisect.insort_right(self.mentions, mention, key=mention_start)
        else:
            self.mentions.append(mention)
        self._mention_counts[cluster.key] += 1

    def _new_person(self, name: str, start: int, end: int, gender: str | None) -> Cluster:
        cluster = Cluster(len(self.clusters), name, "person", first_start=start, first_end=end)
        cluster.gender = gender
        self.clusters.append(cluster)
        return cluster

    def _cluster_for_name(
        self, name: str, before: int, *, gender: str | None = None
    ) -> Cluster | None:
        """Return the known person a name belongs to, or None (:func:`person_for_name`)."""
        cluster, guessed = person_for_name(self.clusters, name, self._mention_counts, gender=gender)
        self.guessed = self.guessed or guessed  # a guess between people: roles must not mix
        return cluster

    def _add_person(self, ent: Span) -> Cluster | None:
        raw = name_with_honorific(ent, self.doc)
        name = clean_name(raw)
        if not name or not any(ch.isalpha() for ch in name):
            return None
        gender = name_gender(raw)
        self.guessed = False
        cluster = self._cluster_for_name(name, ent.start_char, gender=gender)
        if cluster is None:
            cluster = self._new_person(name, ent.start_char, ent.end_char, None)
        elif len(name.split()) > len(cluster.canonical.split()) and surname(name) == surname(
            cluster.canonical
        ):
            cluster.canonical = name
        cluster.add_alias(name)
        if cluster.first_start is None or ent.start_char < cluster.first_start:
            cluster.first_start, cluster.first_end = ent.start_char, ent.end_char
        role = None if self.guessed else role_of(self.doc, ent)
        if role:  # "President Bush" among two Bushes gives neither the role
            cluster.role = cluster.role or role
            # "Justice Frank Nervo" is also "the judge" (a broader role, from names.yaml).
            cluster.role_words.update(
                with_broader_roles(set(role.lower().replace("-", " ").split()))
            )
        if gender and not cluster.gender:
            cluster.gender = gender
        self._mention(ent.start_char, ent.end_char, cluster, is_subject(ent.root))
        return cluster

    def _add_people_tagged_as_bodies(self) -> None:
        """Add "DuVernay documents ..." (tagged ORG) as a mention of Ava DuVernay, so that a
        later "she" may mean her (:func:`people_tagged_as_bodies`)."""
        for ent, name in people_tagged_as_bodies(
            self.ents, self.clusters, self._org_names | self._places
        ):
            cluster = self._cluster_for_name(name, ent.start_char)
            if cluster is not None:
                self._mention(ent.start_char, ent.end_char, cluster, is_subject(ent.root))

    def _add_descriptions(self) -> None:
        """Add "the president", "my father" as mentions (:func:`description_mentions`)."""
        found = description_mentions(
            self.doc, self.quotes, self.clusters, self.mentions, by_role=self._by_role
        )
        self._mention_counts.update(m.cluster for m in found)
        self.mentions = sorted(self.mentions + found, key=mention_start)

    def resolve(self, start: int, end: int, head: Token | None) -> tuple[Cluster | None, str]:
        """Return the cluster a source phrase refers to, and how it was resolved.

        Args:
            start: start of the source phrase (character offset).
            end: end of the source phrase.
            head: the head token of the phrase (from the parse), if known.

        Returns:
            ``(cluster or None, method)`` where method is ``name``, ``pronoun``,
            ``description``, ``organisation`` or ``unresolved``.
        """
        doc, text = self.doc, self.text[start:end]
        if in_heading(self.text, start):
            return None, "unresolved"
        if head is not None and is_expletive_it(head):
            return None, EXPLETIVE  # "It is fair to say that ...": nobody
        span = doc.char_span(start, end, alignment_mode="expand")
        inside = self._entities.inside(span)
        persons = [e for e in inside if e.label_ == "PERSON"]
        bodies = [e for e in persons if name_key(e.text) in self._org_names]
        persons = [e for e in persons if name_key(e.text) not in self._org_names]
        named_head = head is not None and any(e.start <= head.i < e.end for e in persons)
        if (head is not None and is_thing(head)) or (
            span is not None and is_thing(span[-1]) and not named_head
        ):
            persons = []  # "the Geneva and Hague Conventions" tagged as a person
        if head is not None and head.pos_ == "NOUN" and not named_head:
            # "Donald Trump's son told", "Clinton aides said": the name is not the speaker; in
            # apposition ("Another critic, Laurence Tribe") it is.
            persons = [
                e
                for e in persons
                if (e.root.head.i == head.i and e.root.dep_ in ("appos", "flat"))
                or (head.dep_ == "appos" and e.start <= head.head.i < e.end)
            ]
        cluster: Cluster | None = None
        method = "unresolved"
        if not persons and head is not None and head.pos_ == "NOUN" and head.dep_ == "appos":
            # "McConnell, now the Senate majority leader, who said": the person it describes.
            described = self._entities.holding(head.head.i)
            persons = [described] if described is not None and described.label_ == "PERSON" else []
        if not persons and head is not None and (author := author_of(head, self._entities)):
            persons = [author]  # "according to a speech Mrs. Clinton delivered": she speaks
        if persons:
            ent = persons[-1]
            for e in persons:
                if head is not None and e.start <= head.i < e.end:
                    ent = e  # prefer the name the head is
            raw = name_with_honorific(ent, doc)
            cluster = self._cluster_for_name(
                clean_name(raw), ent.end_char + 1, gender=name_gender(raw)
            )
            method = "name"
        elif head is not None and head.pos_ == "PRON":
            low = head.lower_
            if low in MASCULINE or low in FEMININE:
                gender = "m" if low in MASCULINE else "f"
                # "she endorsed Mrs. Clinton": not Clinton (:func:`ruled_out`)
                out = ruled_out(head, self._entities, self.clusters, self._mention_counts)
                args = (self.clusters, self.mentions, self.quotes, self.text, start)
                cluster = recent_person(*args, gender=gender, exclude=out)
                if cluster is not None:
                    if cluster.gender is None:
                        cluster.gender = gender
                    method = "pronoun"
            elif (
                low in FIRST_PERSON
                and self.narrator is not None
                and quote_of(self.quotes, start, end) is None
            ):
                cluster, method = self.narrator, "pronoun"
        if cluster is None and not persons and head is not None and head.pos_ in ("NOUN", "PROPN"):
            dets = {c.lower_ for c in head.children if c.dep_ in ("det", "poss", "compound")}
            if dets & {"a", "an"} and head.tag_ == "NN":
                # A subject may introduce someone named later; "a candidate who ..." may not.
                if head.dep_ in ("nsubj", "nsubjpass"):
                    cluster = person_by_role(
                        self.clusters,
                        self.mentions,
                        head,
                        start,
                        forward=True,
                        by_role=self._by_role,
                    )
                method = "description" if cluster is not None else method
            elif (
                dets & DESCRIPTION_DETERMINERS
                or any(c.pos_ == "PROPN" for c in head.children)
                or is_kin_description(head)  # "my father often said"
            ):
                if head.tag_ in ("NN", "NNP") and head.ent_type_ not in ORG_LABELS:  # a body
                    cluster = person_by_role(
                        self.clusters,
                        self.mentions,
                        head,
                        start,
                        forward=is_narrators_kin(head),
                        by_role=self._by_role,
                    )
                    method = "description" if cluster is not None else method
                if cluster is None and (span is None or head.i == span[-1].i):
                    named = described_organisation(doc, self._entities, self.quotes, head, start)
                    if named is not None:
                        cluster = self._orgs.cluster(named, named.start_char, named.end_char)
                        method = "organisation"
        if (
            cluster is None
            and not persons
            and head is not None
            and head.pos_ == "NOUN"
            and head.text[:1].isupper()
            and not any(c.dep_ == "det" for c in head.children)
        ):
            # "Trump knows ...": a name the tagger took for a common noun, already known.
            cluster = self._cluster_for_name(head.text, start)
            method = "name" if cluster is not None else method
        if (
            cluster is None
            and not persons
            and head is not None
            and head.tag_ == "NNP"
            and is_role_word(head.lower_)
        ):
            # A headline's title ("Former White House Doctor Says"): whoever holds that role.
            cluster = person_by_role(
                self.clusters, self.mentions, head, start, forward=True, by_role=self._by_role
            )
            method = "description" if cluster is not None else method
        if (
            cluster is None
            and not persons
            and not bodies
            and head is not None
            and head.pos_ == "PROPN"
            and head.ent_type_ not in ORG_LABELS
            and not title_role(head.text)
            and not any(c.dep_ == "poss" for c in head.children if c.pos_ != "PROPN")
        ):
            # A name the entity recogniser missed ("Alkaide said").
            tokens = [t for t in head.subtree if t.pos_ == "PROPN" and t.i <= head.i]
            if tokens and tokens[-1].i == head.i:
                left = tokens[0].i
                while left < head.i and not all(t.pos_ == "PROPN" for t in doc[left : head.i + 1]):
                    left += 1
                name = clean_name(doc[left : head.i + 1].text)
            else:
                name = clean_name(head.text)
            cluster = (
                self._cluster_for_name(name, start, gender=name_gender(text)) if name else None
            )
            if (
                cluster is None
                and name[:1].isupper()
                and not is_thing(head)
                and not is_honorific(name)
                and not is_role_word(head.lower_)  # "Judge rejects request": a role, no name
            ):
                cluster = self._new_person(name, start, end, name_gender(text))
            if cluster is not None:
                cluster.add_alias(name)
                method = "name"
        if (
            cluster is None
            and span is not None
            and head is not None
            and head.i != span[-1].i
            and head.pos_ != "PRON"
            and is_thing(span[-1])
            and any(t.dep_ == "cc" for t in span)
        ):
            # "the Geneva and Hague Conventions": the parser heads the phrase on "Geneva",
            # but the source is the documents the whole phrase names.
            named = span[1:] if span[0].lower_ in DESCRIPTION_DETERMINERS else span
            cluster = self._orgs.cluster(named, start, end)
            method = "organisation"
        if cluster is None and span is not None:
            orgs = [
                e for e in inside if e.label_ in ORG_LABELS and not is_capitalised_common_noun(e)
            ] or bodies  # "Citizens Watch" tagged PERSON here, ORG elsewhere
            if orgs and head is not None and (orgs[0].start <= head.i < orgs[0].end):
                # "Nervo wrote", with "Nervo" tagged ORG: a person the article has named.
                cluster = self._cluster_for_name(clean_name(orgs[0].text), start)
                method = "name"
                if cluster is None or name_key(orgs[0].text) in self._places:
                    cluster, method = self._orgs.cluster(orgs[0], start, end), "organisation"
        if cluster is not None:
            if method == "name" and persons:
                cluster.add_alias(clean_name(persons[-1].text))
            elif method != "name":
                cluster.add_alias(text)
            # A source is what the sentence is about, so a later "he" may mean it; not so
            # the holder of a noun ("the statement *of Sikorski* that ..."), a side remark.
            holder = (
                head is not None
                and head.dep_ in ("pobj", "poss")
                and head.head.pos_ in ("NOUN", "ADP")
                and (head.dep_ == "poss" or head.head.head.pos_ == "NOUN")
            )
            if not (head is not None and head.lower_ in FIRST_PERSON):
                # The narrator's "I" is no antecedent for a later "she": that is someone else.
                self._mention(start, end, cluster, not holder, in_order=True)
        return cluster, method
