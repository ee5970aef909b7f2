"""Speakers: who a source phrase refers to, with every alias and the role the text gives.

A light, rule-based coreference in the spirit of Lee et al. (2013, "Deterministic
coreference resolution based on entity-centric, precision-ranked rules", Computational
Linguistics 39(4)), reduced to what attributions need:

- names: PERSON entities (and proper-noun subjects the tagger missed) are grouped by
  surname; spelling variants ("Sikorski"/"Sikorsky", "Alcaide"/"Alkaide") are merged by
  fuzzy string similarity (rapidfuzz ratio), first names must agree when both are given;
- roles: from premodifying titles ("Retired NATO Colonel José Antonio Alcaide") and from
  appositions ("the head of the Polish Ministry of Defense, Wladyslaw Kosiniak-Kamysh");
- pronouns: "he", "him", "she", "her" go to the most recent person mentioned as the subject
  of a clause (else the most recent person), never across a he/she mismatch already seen;
  "I", "we" inside a quote go to the quote's speaker;
- definite descriptions: "the minister", "the former NATO colonel" go to the most recent
  person whose role holds the head noun;
- organisations and places as speakers ("the Kremlin", "the United States") by name.
"""

from __future__ import annotations

from bisect import bisect_left, insort_right
from collections.abc import Iterator
from dataclasses import dataclass, field

from rapidfuzz import fuzz
from spacy.tokens import Doc, Span, Token

#: Minimum rapidfuzz ratio for two surnames to count as spellings of one name.
SURNAME_SIMILARITY = 80
MASCULINE = frozenset({"he", "him", "his", "himself"})
FEMININE = frozenset({"she", "her", "hers", "herself"})
FIRST_PERSON = frozenset({"i", "me", "we", "us", "my", "our"})
HONORIFICS = {
    "mr.": "m", "mr": "m", "mrs.": "f", "mrs": "f", "ms.": "f", "ms": "f", "miss": "f",
    "dr.": None, "dr": None, "sen.": None, "rep.": None, "gov.": None, "gen.": None,
    "prof.": None, "president": None, "sir": "m", "lady": "f", "madam": "f",
}
DESCRIPTION_DETERMINERS = frozenset({"the", "this", "that"})
ORG_LABELS = frozenset({"ORG", "GPE", "NORP", "FAC", "LOC"})


@dataclass
class Cluster:
    """One real-world speaker and every way the text refers to them."""

    key: int
    canonical: str
    kind: str  # person | org
    aliases: list[str] = field(default_factory=list)
    role: str | None = None
    gender: str | None = None  # "m", "f" or None
    first_start: int | None = None
    first_end: int | None = None
    label: str | None = None  # entity label, for organisations

    def add_alias(self, text: str) -> None:
        # "He" and "he" are one alias; names keep their case.
        if text and text.lower() not in {a.lower() for a in self.aliases}:
            self.aliases.append(text)

    @property
    def surname(self) -> str:
        return self.canonical.split()[-1].lower()


@dataclass
class Mention:
    start: int
    end: int
    cluster: int
    subject: bool


def _clean_name(text: str) -> str:
    text = text.strip()
    for suffix in ("'s", "’s", "'", "’"):
        if text.endswith(suffix):
            text = text[: -len(suffix)]
    words = text.split()
    while words and words[0].lower() in HONORIFICS:
        words = words[1:]
    return " ".join(words)


def _same_person(a: str, b: str) -> bool:
    """Return True when names ``a`` and ``b`` can be one person ("Sikorski"/"Radoslaw Sikorsky")."""
    wa, wb = a.lower().split(), b.lower().split()
    if not wa or not wb:
        return False
    sa, sb = wa[-1], wb[-1]
    if sa != sb:
        if min(len(sa), len(sb)) < 5 or fuzz.ratio(sa, sb) < SURNAME_SIMILARITY:
            return False
    if len(wa) > 1 and len(wb) > 1 and fuzz.ratio(wa[0], wb[0]) < SURNAME_SIMILARITY:
        return False
    return True


def _is_subject(tok: Token) -> bool:
    while tok.dep_ in ("compound", "appos", "flat", "amod") and tok.head is not tok:
        tok = tok.head
    return tok.dep_ in ("nsubj", "nsubjpass", "agent") or (
        tok.dep_ == "pobj" and tok.head.lower_ == "to" and tok.head.head.lower_ == "according"
    )


def _role_of(doc: Doc, ent: Span) -> str | None:
    """Return the title or role the text gives a named person, or None.

    Premodifying titles ("Polish Foreign Minister Radoslaw Sikorski") come first; then the
    noun the name is in apposition to ("the head of ..., Wladyslaw Kosiniak-Kamysh"), then an
    apposition after the name ("Jens Stoltenberg, NATO's secretary general").
    """
    root = ent.root
    start = ent.start
    i = start - 1
    while i >= 0:
        tok = doc[i]
        if (
            tok.is_punct
            or tok.dep_ in ("det", "poss", "case")
            or tok.ent_type_ == "PERSON"
            or tok.pos_ not in ("PROPN", "NOUN", "ADJ", "VERB", "NUM")
            or not (i < tok.head.i < ent.end)
        ):
            break
        i -= 1
    if i + 1 < start:
        return doc[i + 1 : start].text.strip()
    if root.dep_ == "appos" and root.head.pos_ in ("NOUN", "PROPN"):
        head = root.head
        right = head.right_edge.i
        for child in head.rights:
            if child is root or child.i >= ent.start:
                right = min(right, child.left_edge.i - 1)
                break
        span = doc[head.left_edge.i : right + 1]
        text = span.text.strip().rstrip(",").strip()
        if text and not any(t.ent_type_ == "PERSON" for t in span):
            return text
    for child in root.children:
        if child.dep_ == "appos" and child.i > root.i and child.pos_ in ("NOUN", "PROPN"):
            span = doc[child.left_edge.i : child.right_edge.i + 1]
            if not any(t.ent_type_ == "PERSON" for t in span):
                return span.text.strip().rstrip(",").strip()
    return None


def _is_thing(head: Token) -> bool:
    """Return True when a proper noun names a document or body, not a person."""
    from sourcecrit.attribution.lexicon import load_source_types

    types = load_source_types()
    word = head.lower_
    return any(word in types[k].words for k in ("document", "media", "organisation"))


def _mention_start(m: Mention) -> int:
    return m.start


class SpeakerResolver:
    """Resolve source phrases to speakers, in text order.

    Build it once per Doc (it reads every PERSON entity), then call :meth:`resolve` for each
    source in order of appearance.
    """

    def __init__(self, doc: Doc, *, text: str | None = None) -> None:
        self.doc = doc
        self.text = doc.text if text is None else text
        self.ents = list(doc.ents)
        self._ent_starts = [e.start for e in self.ents]
        self.clusters: list[Cluster] = []
        self.mentions: list[Mention] = []
        self._org_by_name: dict[str, int] = {}
        for ent in self.ents:
            if ent.label_ == "PERSON":
                self._add_person(ent)
        self.mentions.sort(key=lambda m: m.start)

    def _ents_in(self, span: Span | None) -> list[Span]:
        # Span.ents walks the whole Doc each time; the entity list is read once per Doc.
        if span is None:
            return []
        # Entities are sorted and do not overlap: start at the first one inside the span.
        out = []
        for k in range(bisect_left(self._ent_starts, span.start), len(self.ents)):
            e = self.ents[k]
            if e.start >= span.end:
                break
            if e.end <= span.end:
                out.append(e)
        return out

    def _recent_first(self, before: int) -> Iterator[Mention]:
        """Yield the mentions that start before ``before``, latest first.

        ``self.mentions`` is kept sorted by start, so this walks back from a bisection
        instead of sorting every mention on every call (which made long texts quadratic);
        mentions with the same start come in list order, as a stable sort gives them.
        """
        mentions = self.mentions
        i = bisect_left(mentions, before, key=_mention_start)
        while i > 0:
            j = i - 1
            while j > 0 and mentions[j - 1].start == mentions[i - 1].start:
                j -= 1
            yield from mentions[j:i]
            i = j

    # -- names -------------------------------------------------------------------------
    def _cluster_for_name(self, name: str, before: int) -> Cluster | None:
        """Return the existing cluster a name belongs to (most recently mentioned first)."""
        seen: set[int] = set()
        for m in self._recent_first(before):
            if m.cluster in seen:
                continue
            seen.add(m.cluster)
            c = self.clusters[m.cluster]
            if c.kind == "person" and _same_person(name, c.canonical):
                return c
        for c in self.clusters:
            if c.kind == "person" and c.key not in seen and _same_person(name, c.canonical):
                return c
        return None

    def _add_person(self, ent: Span) -> Cluster | None:
        name = _clean_name(ent.text)
        if not name or not any(ch.isalpha() for ch in name):
            return None
        cluster = self._cluster_for_name(name, ent.start_char)
        if cluster is None:
            cluster = Cluster(len(self.clusters), name, "person", first_start=ent.start_char,
                              first_end=ent.end_char)
            self.clusters.append(cluster)
        elif len(name.split()) > len(cluster.canonical.split()):
            cluster.canonical = name
        cluster.add_alias(name)
        if cluster.first_start is None or ent.start_char < cluster.first_start:
            cluster.first_start, cluster.first_end = ent.start_char, ent.end_char
        role = _role_of(self.doc, ent)
        if role and not cluster.role:
            cluster.role = role
        if ent.start > 0:
            honorific = self.doc[ent.start - 1].lower_
            if HONORIFICS.get(honorific):
                cluster.gender = HONORIFICS[honorific]
        self.mentions.append(Mention(ent.start_char, ent.end_char, cluster.key, _is_subject(ent.root)))
        return cluster

    # -- resolution --------------------------------------------------------------------
    def _recent_person(self, before: int, *, gender: str | None) -> Cluster | None:
        recent = self.mentions[: bisect_left(self.mentions, before, key=_mention_start)]
        if not recent:
            return None

        def fits(m: Mention) -> bool:
            g = self.clusters[m.cluster].gender
            return self.clusters[m.cluster].kind == "person" and (gender is None or g in (None, gender))

        window_start = before - 600  # about three sentences of news prose
        for m in reversed(recent):
            if m.start < window_start:
                break  # sorted by start: every earlier mention is outside the window too
            if m.subject and fits(m):
                return self.clusters[m.cluster]
        for m in reversed(recent):
            if fits(m):
                return self.clusters[m.cluster]
        return None

    def _by_role(self, head: Token, before: int) -> Cluster | None:
        word = head.lemma_.lower()
        for m in self._recent_first(before):
            c = self.clusters[m.cluster]
            if c.kind == "person" and c.role and word in c.role.lower().replace("-", " ").split():
                return c
        return None

    def _org(self, ent: Span, start: int, end: int) -> Cluster:
        text = ent.text.strip()
        if text.lower().startswith("the "):
            text = text[4:]
        key = text.lower()
        if key in self._org_by_name:
            cluster = self.clusters[self._org_by_name[key]]
        else:
            cluster = Cluster(len(self.clusters), text, "org", first_start=start, first_end=end,
                              label=ent.label_)
            self.clusters.append(cluster)
            self._org_by_name[key] = cluster.key
        return cluster

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
        doc = self.doc
        text = self.text[start:end]
        span = doc.char_span(start, end, alignment_mode="expand")
        inside = self._ents_in(span)
        persons = [e for e in inside if e.label_ == "PERSON"]
        if (head is not None and _is_thing(head)) or (span is not None and _is_thing(span[-1])):
            persons = []  # "the Geneva and Hague Conventions" tagged as a person
        cluster: Cluster | None = None
        method = "unresolved"
        if persons:
            # Prefer the name the head is (or is in apposition with).
            ent = persons[-1]
            for e in persons:
                if head is not None and e.start <= head.i < e.end:
                    ent = e
            cluster = self._cluster_for_name(_clean_name(ent.text), ent.end_char + 1)
            method = "name"
        elif head is not None and head.pos_ == "PRON":
            low = head.lower_
            if low in MASCULINE or low in FEMININE:
                gender = "m" if low in MASCULINE else "f"
                cluster = self._recent_person(start, gender=gender)
                if cluster is not None:
                    if cluster.gender is None:
                        cluster.gender = gender
                    method = "pronoun"
        if cluster is None and not persons and head is not None and head.pos_ in ("NOUN", "PROPN"):
            dets = {c.lower_ for c in head.children if c.dep_ == "det"}
            if dets & DESCRIPTION_DETERMINERS and head.tag_ in ("NN", "NNP"):
                cluster = self._by_role(head, start)
                if cluster is not None:
                    method = "description"
        if cluster is not None or persons:
            pass
        elif head is not None and head.pos_ == "PROPN" and head.ent_type_ not in ORG_LABELS:
            # A name the entity recogniser missed ("Alkaide said").
            tokens = [t for t in head.subtree if t.pos_ == "PROPN" and t.i <= head.i]
            name = _clean_name(" ".join(t.text for t in tokens) or head.text)
            cluster = self._cluster_for_name(name, start) if name else None
            if cluster is None and name[:1].isupper() and not _is_thing(head):
                cluster = Cluster(len(self.clusters), _clean_name(name), "person",
                                  first_start=start, first_end=end)
                self.clusters.append(cluster)
            if cluster is not None:
                cluster.add_alias(_clean_name(name))
                method = "name"
        if (
            cluster is None
            and span is not None
            and head is not None
            and head.i != span[-1].i
            and _is_thing(span[-1])
            and any(t.dep_ == "cc" for t in span)
        ):
            # "the Geneva and Hague Conventions": the parser heads the phrase on "Geneva",
            # but the source is the documents the whole phrase names.
            named = span[1:] if span[0].lower_ in DESCRIPTION_DETERMINERS else span
            cluster = self._org(named, start, end)
            method = "organisation"
        if cluster is None and span is not None:
            orgs = [e for e in inside if e.label_ in ORG_LABELS]
            if orgs and head is not None and (orgs[0].start <= head.i < orgs[0].end):
                cluster = self._org(orgs[0], start, end)
                method = "organisation"
        if cluster is not None:
            if method == "name" and persons:
                cluster.add_alias(_clean_name(persons[-1].text))
            elif method != "name":
                cluster.add_alias(text)
            # A source is what the sentence is about, so a later "he" may mean it; not so
            # the holder of a noun ("the statement *of Sikorski* that ..."), a side remark.
            holder = head is not None and head.dep_ in ("pobj", "poss") and head.head.pos_ in ("NOUN", "ADP") and (
                head.dep_ == "poss" or head.head.head.pos_ == "NOUN"
            )
            insort_right(self.mentions, Mention(start, end, cluster.key, not holder), key=_mention_start)
        return cluster, method
