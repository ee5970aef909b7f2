"""Checks on a cue as a whole: what the sentence does with it, and one mark per idea.

Two things a word list cannot see, found by reading untuned news articles:

- A cue can be the *goal* of an effort rather than the writer's or speaker's stance. "An
  effort to prove that X", "he is trying to appear calm", "she seeks to be seen as the
  leader" say what someone wants to achieve: nothing is presented as proved, as seeming,
  or as the view of unnamed people (:func:`goal_of_effort`).
- One vague attribution can match two records: "faced sharp criticism from critics",
  "many voters are expected to wait". A student should see one mark for one hidden source,
  not two (:func:`one_mark_per_idea`).
"""

from __future__ import annotations

from spacy.tokens import Span

# Verbs and nouns whose infinitive states a goal: "try to", "seek to", "an effort to".
EFFORT_VERBS = frozenset(
    {"try", "seek", "attempt", "strive", "aim", "struggle", "scramble", "endeavor", "endeavour"}
)
EFFORT_NOUNS = frozenset(
    {"effort", "attempt", "bid", "campaign", "drive", "push", "quest", "struggle", "aim", "goal"}
)
# At most this many words may stand between two linked weasels merged into one mark
# ("criticism from critics": one).
MAX_GAP = 2


def goal_of_effort(span: Span) -> bool:
    """Return True when the cue's verb is the infinitive goal of an effort.

    "Tried to appear moderate", "seeks to be seen as", "an effort to prove that", "a bid to
    confirm it": the cue word names what is aimed at, not a claim made less or more
    certain, or a view of hidden people.
    """
    verb = span.root
    if verb.pos_ not in ("VERB", "AUX") or not any(
        c.dep_ == "aux" and c.lower_ == "to" for c in verb.children
    ):
        return False
    head = verb.head
    if verb.dep_ == "xcomp" and head.pos_ in ("VERB", "AUX"):
        return head.lemma_.lower() in EFFORT_VERBS
    if verb.dep_ == "acl" and head.pos_ == "NOUN":
        return head.lemma_.lower() in EFFORT_NOUNS
    return False


def negation_reading(span: Span, negated: bool) -> bool:
    """Correct the negation read off the parse for two word orders.

    - A sentence adverb before the negation takes the negation in its scope: "his moves
      certainly have not unified the party" is sure that they have not (a booster, not
      "not certain"); "not certainly" and "is not clearly wrong" stay negated.
    - "No data to suggest", "no reason to doubt": the "no" on the noun an infinitive cue
      completes negates the cue ("no evidence to suggest it" denies it, it hedges nothing).
    """
    root = span.root
    doc = span.doc
    if negated and root.dep_ == "advmod" and root.pos_ == "ADV":
        before = doc[span.start - 1] if span.start > span.sent.start else None
        negs = [c for c in root.head.children if c.dep_ == "neg"]
        if negs and all(n.i >= span.end for n in negs):
            if before is None or before.lower_ not in ("not", "n't", "never"):
                return False
    if (
        not negated
        and root.dep_ in ("xcomp", "acl", "relcl")
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in root.children)
    ):
        head = root.head
        nouns = [head] + [c for c in head.children if c.dep_ in ("attr", "dobj")]
        for noun in nouns:
            if noun.pos_ == "NOUN" and any(
                c.dep_ == "det" and c.lower_ == "no" for c in noun.children
            ):
                return True
    return negated


def _linked(dependent: Span, governor: Span) -> bool:
    """Return True when ``dependent`` hangs on ``governor`` directly or through a preposition."""
    inside = range(governor.start, governor.end)
    if dependent.root.pos_ not in ("NOUN", "PROPN", "PRON", "ADJ", "DET"):
        return False  # only the people ("critics", "many voters"), not a second passive
    head = dependent.root.head
    if head.i in inside and dependent.root.i not in inside:
        return True
    return head.dep_ == "prep" and head.head.i in inside


def one_mark_per_idea(kept: list[tuple]) -> list[tuple]:
    """Merge a weasel that names the hidden holder of another weasel into that one.

    "Faced sharp criticism from critics" is one idea (someone objected, and who is not
    said): the vague critics hang on the criticism, so the two matches become one mark
    over "faced sharp criticism from critics", with the governing record's explanation.
    "Many voters are expected to wait": the voters are the subject of the unattributed
    "are expected", so "Many voters are expected" is one mark. ``kept`` holds
    ``(span, entry, category, negated)`` in text order; the result does too.
    """
    result = list(kept)
    # Only two weasels of one sentence can merge: compare within each sentence, so a long
    # article costs a pass over its marks, not a pass over every pair of them (#10).
    by_sentence: dict[int, list[int]] = {}
    for k, (span, _entry, category, _neg) in enumerate(result):
        if category == "weasel":
            by_sentence.setdefault(span.sent.start, []).append(k)
    dropped: set[int] = set()
    for ks in by_sentence.values():
        merged = len(ks) > 1
        while merged:
            merged = False
            live = [k for k in ks if k not in dropped]
            for i in live:
                a, a_entry, a_cat, a_neg = result[i]
                for j in live:
                    b = result[j][0]
                    if i == j or not _linked(b, a):
                        continue
                    gap = b.start - a.end if b.start >= a.end else a.start - b.end
                    if gap > MAX_GAP:
                        continue
                    span = a.doc[min(a.start, b.start) : max(a.end, b.end)]
                    result[i] = (span, a_entry, a_cat, a_neg)
                    dropped.add(j)
                    merged = True
                    break
                if merged:
                    break
    return [item for k, item in enumerate(result) if k not in dropped]
