"""Mentions of speakers: the records the resolver keeps, and what a mention's tokens tell.

Used by :mod:`sourcecrit.attribution.speakers`: whether a name is a clause subject, the
role the text gives a person, whether a word names a body or a document, whether a line
is a heading in capitals, which organisation a description ("the network") stands for,
and who wrote a first-person piece.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from sourcecrit.attribution.lookups import Entities
from sourcecrit.attribution.names import is_honorific, title_role
from sourcecrit.attribution.quotes import Quote, quote_of

MASCULINE = frozenset({"he", "him", "his", "himself"})
FEMININE = frozenset({"she", "her", "hers", "herself"})
FIRST_PERSON = frozenset({"i", "me", "we", "us", "my", "our"})
DESCRIPTION_DETERMINERS = frozenset({"the", "this", "that"})
ORG_LABELS = frozenset({"ORG", "GPE", "NORP", "FAC", "LOC"})
#: The end of a sentence, as a pronoun's look-back counts them.
SENTENCE_END = re.compile(r"[.!?][\"”’']?\s")
#: How far back (characters) a subject mention is preferred for a pronoun: about three
#: sentences of news prose.
PRONOUN_WINDOW = 600


@dataclass
class Cluster:
    """One real-world speaker and every way the text refers to them."""

    key: int
    canonical: str
    kind: str  # person | org | description (a person the text describes but never names)
    aliases: list[str] = field(default_factory=list)
    role: str | None = None
    gender: str | None = None  # "m", "f" or None
    first_start: int | None = None
    first_end: int | None = None
    label: str | None = None  # entity label, for organisations
    role_words: set[str] = field(default_factory=set)  # every role the text gives them

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
    quote: int | None = None  # index of the innermost quote holding the mention


def mention_start(m: Mention) -> int:
    return m.start


def recent_first(mentions: list[Mention], before: int) -> Iterator[Mention]:
    """Yield the mentions starting before ``before``, latest first (ties in list order).

    ``mentions`` must be sorted by start: the walk goes back from a bisection, one run of
    equal starts at a time, in the order a stable sort by descending start gives.
    """
    j = bisect.bisect_left(mentions, before, key=mention_start)
    while j > 0:
        run = bisect.bisect_left(mentions, mentions[j - 1].start, 0, j, key=mention_start)
        yield from mentions[run:j]
        j = run


def is_subject(tok: Token) -> bool:
    while tok.dep_ in ("compound", "appos", "flat", "amod") and tok.head is not tok:
        tok = tok.head
    return tok.dep_ in ("nsubj", "nsubjpass", "agent") or (
        tok.dep_ == "pobj" and tok.head.lower_ == "to" and tok.head.head.lower_ == "according"
    )


def role_of(doc: Doc, ent: Span) -> str | None:
    """Return the title or role the text gives a named person, or None.

    Premodifying titles ("Polish Foreign Minister Radoslaw Sikorski", "Sen. Graham") come
    first; then the noun the name is in apposition to ("the head of ..., Wladyslaw
    Kosiniak-Kamysh"), then an apposition after the name ("Jens Stoltenberg, NATO's
    secretary general").
    """
    root, start = ent.root, ent.start
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
    # "Mr." is no role; "Sen." and "Dr." are (senator, doctor). Adjectives alone are none:
    # "more likely Donald Trump" gives no role "likely"; "former President" is one.
    if not any(t.pos_ in ("NOUN", "PROPN") for t in doc[i + 1 : start]):
        i = start - 1
    words = [
        title_role(t.text) or t.text
        for t in doc[i + 1 : start]
        if title_role(t.text) or not is_honorific(t.text)
    ]
    if ent[0].text != ent.text and title_role(ent[0].text):
        words.append(title_role(ent[0].text) or "")
    if words:
        return " ".join(words).strip()
    # "my parents, James and Ann Reed": each name joined to an apposition shares its role.
    anchor = root
    while anchor.dep_ == "conj" and anchor.head.i < anchor.i and anchor.head.pos_ == "PROPN":
        anchor = anchor.head
    if anchor.dep_ == "appos" and anchor.head.pos_ in ("NOUN", "PROPN"):
        head = anchor.head
        right = head.right_edge.i
        for child in head.rights:
            if child.i == anchor.i or child.i >= ent.start:
                right = min(right, child.left_edge.i - 1)
                break
        left = head.left_edge.i
        # A closing quote of the paragraph before may hang on the noun ('..." \n\nA lawyer
        # for the outlets, David Schulz, said'): the role starts after the line break.
        while left < head.i and (doc[left].is_punct or doc[left].is_space):
            left += 1
        span = doc[left : right + 1]
        text = span.text.strip().rstrip(",").strip()
        if text and not any(t.ent_type_ == "PERSON" for t in span):
            return text
    for child in root.children:
        if child.dep_ == "appos" and child.i > root.i and child.pos_ in ("NOUN", "PROPN"):
            span = doc[child.left_edge.i : child.right_edge.i + 1]
            if not any(t.ent_type_ == "PERSON" for t in span):
                return span.text.strip().rstrip(",").strip()
    return None


def is_thing(head: Token) -> bool:
    """Return True when a proper noun names a document or body, not a person."""
    from sourcecrit.attribution.lexicon import load_source_types

    types = load_source_types()
    word = head.lower_
    return any(word in types[k].words for k in ("document", "media", "organisation"))


def is_org_word(word: str) -> bool:
    from sourcecrit.attribution.lexicon import load_source_types

    types = load_source_types()
    return word in types["media"].words or word in types["organisation"].words


def in_heading(text: str, char: int) -> bool:
    """Return True when ``char`` is on a short line written in capitals ("OBAMA FOCUSED")."""
    start = text.rfind("\n", 0, char) + 1
    end = text.find("\n", char)
    line = text[start : len(text) if end == -1 else end]
    letters = [ch for ch in line if ch.isalpha()]
    return len(letters) >= 4 and len(line) <= 80 and not any(ch.islower() for ch in letters)


def described_organisation(
    doc: Doc, ents: Entities, quotes: list[Quote], head: Token, start: int
) -> Span | None:
    """Return the span naming the organisation "the network", "the campaign" or "the Post" stands for.

    Looks back from ``start`` (outside quotation marks) for the same noun with a named
    owner ("the Trump campaign"), an organisation whose name holds the word ("the New York
    Post" for "the Post"), or one in apposition with the noun ("Russia Today, the global
    satellite network"). Returns None when the article names none.
    """
    word = head.lower_
    if not (is_org_word(word) or head.pos_ == "PROPN"):
        return None
    owner = [c for c in head.children if c.dep_ in ("compound", "poss") and c.pos_ == "PROPN"]
    if owner and is_org_word(word):
        return doc[owner[0].left_edge.i : head.i + 1]  # "the Trump campaign", "Clinton's campaign"
    # A short name is the end of the full one, in order ("Tax Policy Center").
    names = [
        t for t in doc[head.left_edge.i : head.i] if t.dep_ == "compound" and t.pos_ == "PROPN"
    ]
    short = [t.lower_ for t in names] + [word]
    # Only a token that is the word or starts an ORG/GPE entity can answer: walk those.
    for k in ents.word_or_org_before(doc, word, head.i):
        tok = doc[k]
        if tok.idx >= start or quote_of(quotes, tok.idx, tok.idx + 1) is not None:
            continue
        if tok.lower_ == word:
            owner = [
                c for c in tok.children if c.dep_ in ("compound", "poss") and c.pos_ == "PROPN"
            ]
            named = doc[owner[0].left_edge.i : tok.i + 1] if owner else None
            if named is not None and (head.pos_ != "PROPN" or holds_words(named.text, short)):
                return named
        if tok.ent_type_ in ("ORG", "GPE") and tok.ent_iob_ == "B":
            ent = ents.starting_at(tok.i)
            if ent is None:
                continue
            if head.pos_ == "PROPN" and holds_words(ent.text, short):
                return ent  # "the Post": "the New York Post"; not "the Tax Policy Center":
                # "the Center for Federal Tax Policy"
            appos = [t for t in ent.root.children if t.dep_ == "appos"]
            if ent.root.dep_ == "appos":
                appos.append(ent.root.head)
            if any(t.lemma_.lower() == head.lemma_.lower() for t in appos):
                return ent
    return None


def holds_words(name: str, words: list[str]) -> bool:
    """Return True when ``words`` come in ``name`` in a row ("Post" in "New York Post", not
    "PAC" in "Hewlett-Packard")."""
    have = name.lower().split()
    n = len(words)
    return any(have[i : i + n] == words for i in range(len(have) - n + 1))


def narrator_mention(text: str, mentions: list[Mention]) -> Mention | None:
    """Return the mention naming the author of a first-person piece in its closing line, or None.

    Opinion pieces end with a line on the author ("Jane Roe is a playwright in Boston."):
    "I" outside quotation marks is that person.
    """
    body = text.rstrip()
    last = body[body.rfind("\n") + 1 :]
    first_char = len(body) - len(last) + (len(last) - len(last.lstrip()))
    for m in mentions:
        if m.start == first_char and m.quote is None:
            if text[m.end : m.end + 6].lower().startswith((" is ", " was ", " has ")):
                return m
    return None


def quote_speaker_mention(text: str, quote: Quote, mentions: list[Mention]) -> Mention | None:
    """Return the mention of the person speaking a quote: named just before it or just after it.

    Before: the last subject outside quotation marks earlier in the paragraph ("Smith
    recalled, ..."); after: a name right after the closing mark (`"...," Smith said`).
    """
    # ``mentions`` is sorted by start: both searches start from a bisection.
    para_start = text.rfind("\n", 0, quote.open_start) + 1
    j = bisect.bisect_left(mentions, quote.open_start, key=mention_start) - 1
    while j >= 0 and mentions[j].start >= para_start:
        m = mentions[j]
        if m.quote is None and m.subject:
            if quote.open_start - m.end < 250:
                return m
            break
        j -= 1
    j = bisect.bisect_left(mentions, quote.close_end, key=mention_start)
    while j < len(mentions) and mentions[j].start < quote.close_end + 40:
        if mentions[j].quote is None:
            return mentions[j]
        j += 1
    return None


NON_SPACE = re.compile(r"\S")
#: Longest line taken for a headline or a subheading (characters).
MAX_HEADLINE_CHARS = 150


def headline_ends(text: str) -> tuple[int, int]:
    """Return where a headline ends and where the subheading after it ends (0, 0: none).

    The headline is a first line of at most :data:`MAX_HEADLINE_CHARS` characters with text
    after it; the subheading the next non-blank line when it is as short and its own
    paragraph ("Clinton: Trump is wrong\n\nIn a speech, she attacks his record.\n\n...").
    Without a subheading both ends are the headline's.
    """
    # Only the first lines are read (no copy of the rest: this runs for every pronoun).
    first = text.find("\n")
    if first == -1 or first > MAX_HEADLINE_CHARS or NON_SPACE.search(text, first) is None:
        return 0, 0
    start = first + 1
    while start < len(text) and text[start] == "\n":
        start += 1
    second = text.find("\n", start)
    if second == -1 or second - start > MAX_HEADLINE_CHARS:
        return first, first
    third = text.find("\n", second + 1)
    blank_after = third != -1 and not text[second + 1 : third].strip()
    if blank_after and NON_SPACE.search(text, third) is not None:
        return first, second
    return first, first


def recent_person(
    clusters: list[Cluster],
    mentions: list[Mention],
    quotes: list[Quote],
    text: str,
    before: int,
    *,
    gender: str | None,
    exclude: frozenset[int] = frozenset(),
) -> Cluster | None:
    """Return the person a "he" or "she" at ``before`` refers to, or None.

    ``exclude``: keys of people the pronoun cannot be ("she endorsed Mrs. Clinton": not
    Clinton).

    The latest compatible subject within :data:`PRONOUN_WINDOW` characters, else the latest
    compatible person when no other one is named within the window. Outside quotes, names
    inside quotes are not candidates; inside a quote, names in it (or in the quotes around
    it) are, but not its speaker. ``mentions`` must be sorted by start: the walk goes back
    from a bisection.
    """
    q = quote_of(quotes, before, before + 1)
    allowed: set[int | None] = {None}
    excluded: set[int] = set(exclude)
    if q is not None:
        # Inside a quote: names in this quote (and the quotes around it) may be meant,
        # but not the person speaking it, who would say "I".
        k: int | None = q
        while k is not None:
            allowed.add(k)
            k = quotes[k].parent
        speaker = quote_speaker_mention(text, quotes[q], mentions)
        if speaker is not None:
            excluded.add(speaker.cluster)
    last = bisect.bisect_left(mentions, before, key=mention_start)
    # A headline is no antecedent for the body, only for its subheading: the lede names
    # everyone again ("My father would have loved it\n\nI know all about Smith, what he is
    # doing": "he" is Smith).
    headline, subheading = headline_ends(text)
    body = headline if before > subheading else 0

    def recent() -> Iterator[Mention]:  # latest first, as a reversed slice would give
        for j in range(last - 1, -1, -1):
            if mentions[j].start < body:
                return
            if mentions[j].quote in allowed:
                yield mentions[j]

    def fits(m: Mention) -> bool:
        c = clusters[m.cluster]
        return (
            c.kind == "person"
            and c.key not in excluded
            and (gender is None or c.gender in (None, gender))
        )

    window_start = before - PRONOUN_WINDOW
    for m in recent():
        if m.start < window_start:
            break  # starts only get earlier from here
        c = clusters[m.cluster]
        if (
            m.subject
            and c.kind == "description"
            and (gender is None or c.gender in (None, gender))
            and len(SENTENCE_END.findall(text, m.end, before)) <= 1
        ):
            # "My aunt has lived here for years. She says ...": someone the text never
            # names, in this sentence or the one before (further back, a name the
            # recogniser missed may come between).
            return None
        if m.subject and fits(m):
            return clusters[m.cluster]
    # No subject near: the latest person who fits, unless another who fits is as near (within
    # the window): "The deal between Tom Reed and Frank Olsen was signed. Later, he said
    # ...": either of them; say nobody rather than guess.
    found = None
    for m in recent():
        if not fits(m):
            continue
        if found is None:
            found = clusters[m.cluster]
        elif m.start < window_start:
            break
        elif m.cluster != found.key:
            return None
    return found
