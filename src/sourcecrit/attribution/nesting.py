"""Attributions inside another attribution's content: keep those a reader would agree with.

In "Smith said that voters want change", *want* reports the voters' wish inside Smith's
words. PARC 3.0 (Pareti 2016) annotates such nested attributions; PolNeAR, the corpus the
rules are measured on, annotates none (``benchmarks/eval_attribution.py`` reports how many
of sourcecrit's predictions are nested). Read by hand, about four in ten of the nested
predictions the verb rule made were not reports at all: "she voted for Clinton", "the poll
shows Clinton ahead", "I want to assure you" inside a quote. A nested candidate is kept
only when someone is reported in it:

- it names a source (a bare "saying he wants ..." with nobody before it reports no one new);
- its source is not the quoted speaker's own "I", "we" or "you" with a verb of believing,
  wanting or judging ("I think", "we want", "you know": the speaker's own hedging);
- what it attributes is a clause, an infinitive or a quote, not a noun phrase ("released
  his returns", "voted for Clinton", "the poll shows Clinton": deeds, topics or figures),
  unless a verb of saying has a proposition in noun form ("discussed the possibility of
  sending troops").
"""

from __future__ import annotations

import bisect

from spacy.tokens import Doc, Token

from sourcecrit.attribution.candidates import Candidate, SpanIndex, content_index
from sourcecrit.attribution.syntax import FINITE_TAGS

PERSONAL = frozenset({"i", "we", "you", "me", "us"})
NOUN_POS = frozenset({"NOUN", "PROPN", "PRON", "NUM", "DET"})


def cues_inside_other_contents(found: list[Candidate]) -> list[bool]:
    """Return, for each candidate, whether its cue lies inside another candidate's content.

    One sort and one pass: the contents are sorted by start, and a running top two of
    their ends says whether any content other than the candidate's own covers a cue.
    """
    order = sorted(range(len(found)), key=lambda k: found[k].content_start)
    starts = [found[k].content_start for k in order]
    # best[n]: the two largest (end, index) among the first n + 1 contents by start
    best: list[tuple[tuple[int, int], tuple[int, int]]] = []
    top, second = (-1, -1), (-1, -1)
    for k in order:
        item = (found[k].content_end, k)
        if item > top:
            top, second = item, top
        elif item > second:
            second = item
        best.append((top, second))
    out = []
    for k, c in enumerate(found):
        n = bisect.bisect_right(starts, c.cue_start) - 1 if c.cue_start is not None else -1
        if n < 0 or c.cue_start is None:
            out.append(False)
            continue
        top, second = best[n]
        end = top[0] if top[1] != k else second[0]
        out.append(end > c.cue_start)
    return out


def reports_someone(doc: Doc, c: Candidate, *, text: str | None = None) -> bool:
    """Return True when nested candidate ``c`` reports someone (see the module docstring).

    ``text`` is ``doc.text``, which spaCy rebuilds from every token on each access: pass it
    when calling this for many candidates.
    """
    if c.source_start is None or c.source_token is None:
        return False
    category = c.entry.category if c.entry is not None else "speech"
    if category != "speech" and doc[c.source_token].lower_ in PERSONAL:
        return False
    text = doc.text if text is None else text
    if text[c.content_start] in "\"“‘'«":
        return True
    span = doc.char_span(c.content_start, c.content_end, alignment_mode="expand")
    if span is None:
        return False
    root = span.root
    # A clause or an infinitive, not a noun phrase: inside someone's words "released his
    # returns", "voted for Clinton", "complains about the microphone" are deeds or topics.
    if len(span) < 2:
        return False
    if root.pos_ in NOUN_POS:
        # ... unless a verb of saying has a proposition in noun form: "discussed the
        # possibility of sending troops", "raised the idea that taxes rise".
        return category == "speech" and is_proposition(root)
    # A finite clause needs its subject: "they thought Obama saying it *would do it*" took
    # the clause's subject for the source, and what is left reports nothing whole.
    finite = root.tag_ in FINITE_TAGS or any(
        t.dep_ == "aux" and t.tag_ == "MD" for t in root.children
    )
    has_subject = any(t.dep_ in ("nsubj", "nsubjpass", "expl", "csubj") for t in root.children)
    return has_subject or not finite


def _same_holder(c: Candidate, found: list[Candidate], contents: SpanIndex) -> bool:
    """Return True when every candidate whose content holds ``c``'s cue has ``c``'s source:
    "Sanders *expressed* [*support* for a higher wage]" is one view, not a report within
    a report."""
    if c.source_start is None or c.cue_start is None:
        return False
    holders = [found[j] for j in contents.overlapping(c.cue_start, c.cue_start + 1)]
    return all(o.source_start == c.source_start for o in holders if o is not c)


def is_proposition(noun: Token) -> bool:
    """Return True when ``noun`` carries a clause or a gerund ("the possibility *of sending*
    troops", "the claim *that* ...")."""
    for child in noun.children:
        if child.dep_ in ("acl", "ccomp") and child.i > noun.i:
            return True
        if child.dep_ == "prep" and any(
            g.dep_ == "pcomp" and g.tag_ == "VBG" for g in child.children
        ):
            return True
    return False


def without_unreported_nested(
    doc: Doc, found: list[Candidate], *, text: str | None = None
) -> list[Candidate]:
    """Return ``found`` without the nested candidates that report no one (``text``: doc.text)."""
    text = doc.text if text is None else text
    inside = cues_inside_other_contents(found)
    contents = content_index(found)
    return [
        c
        for c, nested in zip(found, inside)
        if not nested or _same_holder(c, found, contents) or reports_someone(doc, c, text=text)
    ]
