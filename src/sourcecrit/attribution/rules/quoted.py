"""Rule 3, quotes: direct quotes no earlier rule covered, linked to a cue verb right before
or after the marks (``“...,” he said`` / ``He said: “...”``), and quotes that continue the
previous speaker's words in the next paragraph (rule 3b)."""

from __future__ import annotations

import bisect

from spacy.tokens import Doc, Token

from sourcecrit.attribution.candidates import Candidate, content_index, innermost_quote
from sourcecrit.attribution.lexicon import CueEntry
from sourcecrit.attribution.quotes import Quote
from sourcecrit.attribution.syntax import (
    VerbIndex,
    agent_of,
    cue_entry_for,
    is_passive,
    source_chars,
    subject_of,
)
from sourcecrit.attribution.wordlists import words

# Tokens allowed between a quote and the cue that follows it: `,” he said` / `,” said Smith`.
MAX_AFTER_GAP = 6
MAX_BEFORE_GAP = 4
TITLE_SMALL_WORDS = frozenset(
    {"a", "an", "the", "of", "and", "or", "to", "in", "on", "for", "with", "at", "by", "from"}
)


def quote_candidates(
    doc: Doc,
    *,
    quotes: list[Quote],
    covered: list[Candidate],
    verbs: dict[str, dict[str | None, CueEntry]],
    text: str | None = None,
) -> list[Candidate]:
    """Return attributions for quotes no earlier rule covered (rule 3).

    Args:
        doc: the parsed Doc.
        quotes: its quotes, in order of their opening marks.
        covered: the candidates found so far, sorted by content start.
        verbs: the cue verbs by lemma and particle.
        text: ``doc.text``, when the caller has it (spaCy rebuilds it on each access).
    """
    naming_verbs = words("naming_verbs")
    out: list[Candidate] = []
    token_at = {t.idx: t.i for t in doc}
    text = doc.text if text is None else text
    # covered and out as one index of contents (issue #10: no rescan per quote)
    everything = list(covered)
    contents = content_index(everything)
    starts = [q.open_start for q in quotes]
    for q in quotes:
        if q.end - q.start < 2:
            continue
        if any(_covers(everything[k], q) for k in contents.overlapping(q.start, q.end)):
            continue
        level = q.parent
        where = (quotes, starts, level, token_at, verbs)
        cand = _cue_after(doc, q, *where) or _cue_before(doc, q, *where)
        if cand is None:
            continue
        tok, entry = cand
        if entry.verb not in naming_verbs and is_title(text, q, doc, token_at):
            continue
        subject = subject_of(tok)
        if subject is None and is_passive(tok):
            subject = agent_of(tok)  # '"Old Song" was written by Ann Reed': the agent wrote it
        source = source_chars(doc, subject) if subject is not None else None
        out.append(
            Candidate(
                content_start=q.open_start,
                content_end=q.close_end,
                cue_start=tok.idx,
                cue_end=tok.idx + len(tok),
                entry=entry,
                source_start=source[0] if source else None,
                source_end=source[1] if source else None,
                kind="direct",
                rule="quote",
                source_token=subject.i if subject is not None else None,
                cue_token=tok.i,
            )
        )
        everything.append(out[-1])
        contents.add(q.open_start, q.close_end)
    return out


def is_title(text: str, q: Quote, doc: Doc, token_at: dict[int, int]) -> bool:
    """Return True when quote ``q`` names a show, book or slogan rather than quoting words.

    ``NBC's “Meet the Press”``, ``the reality show “The Apprentice,”``: a short quote whose
    words are all capitalised (small words aside), right after a possessive, a preposition,
    an article or a noun.
    """
    words = [w.strip(".,;:!?'\"“”‘’()") for w in text[q.start : q.end].split()]
    words = [w for w in words if w and w[0].isalpha()]
    if not words or len(words) > 6:
        return False
    if (
        not all(w[0].isupper() or w.lower() in TITLE_SMALL_WORDS for w in words)
        or not words[0][0].isupper()
    ):
        return False
    i = token_at.get(q.open_start)
    j = i - 1 if i is not None else None
    while j is not None and j >= 0 and doc[j].is_space:
        j -= 1
    return (
        j is not None
        and j >= 0
        and (doc[j].tag_ == "POS" or doc[j].pos_ in ("ADP", "DET", "NOUN", "PROPN"))
    )


def _covers(c: Candidate, q: Quote) -> bool:
    """Return True when candidate ``c`` already accounts for quote ``q`` (an attribution
    nested inside the quote, with its cue inside, does not)."""
    if not (c.content_start < q.end and q.start < c.content_end):
        return False
    return c.cue_start is None or not (q.open_start <= c.cue_start < q.close_end)


def _cue_after(
    doc: Doc,
    q: Quote,
    quotes: list[Quote],
    starts: list[int],
    level: int | None,
    token_at: dict[int, int],
    verbs: VerbIndex,
) -> tuple[Token, CueEntry] | None:
    """Return the speech cue within a few tokens after quote ``q`` (``“...,” she said``)."""
    i = token_at.get(q.close_end - 1)
    if i is None:
        return None
    for j in range(i + 1, min(i + 1 + MAX_AFTER_GAP, len(doc))):
        tok = doc[j]
        if tok.is_quote or "\n" in tok.text:
            return None
        if tok.is_sent_start and j > i + 1 and tok.text[0].isupper() and not tok.pos_ == "PROPN":
            return None
        entry = cue_entry_for(tok, verbs)
        if entry is not None and entry.category == "speech":
            if innermost_quote(quotes, starts, tok.idx) != level:
                return None
            return tok, entry
    return None


def _cue_before(
    doc: Doc,
    q: Quote,
    quotes: list[Quote],
    starts: list[int],
    level: int | None,
    token_at: dict[int, int],
    verbs: VerbIndex,
) -> tuple[Token, CueEntry] | None:
    """Return the speech cue within a few tokens before quote ``q`` (``She said: “...”``)."""
    i = token_at.get(q.open_start)
    if i is None:
        return None
    for j in range(i - 1, max(i - 1 - MAX_BEFORE_GAP, -1), -1):
        tok = doc[j]
        if tok.is_quote or "\n" in tok.text or tok.text in (".", "?", "!"):
            return None
        entry = cue_entry_for(tok, verbs)
        if entry is not None and entry.category == "speech":
            if innermost_quote(quotes, starts, tok.idx) != level:
                return None
            return tok, entry
    return None


def continuation_candidates(
    doc: Doc, *, quotes: list[Quote], found: list[Candidate], paragraph_starts: list[int]
) -> list[Candidate]:
    """Return quotes that open a paragraph and carry on the previous quoted speaker (rule 3b).

    News style lets a speaker's quote run on in the next paragraph without a new "he said"
    when no one else has spoken in between; only a quote that opens its paragraph and
    follows a paragraph whose last attribution had a source is taken.
    """
    out: list[Candidate] = []
    starts = set(paragraph_starts)
    everything = list(found)
    contents = content_index(everything)
    # Every candidate by content end (ties: the first in list order), to find the last one
    # that ends before a quote with one bisection; new ones end later than all before them.
    by_end = sorted((c.content_end, k) for k, c in enumerate(everything))
    for q in quotes:
        if q.depth or q.open_start not in starts or q.end - q.start < 20:
            continue
        if any(_covers(everything[k], q) for k in contents.overlapping(q.start, q.end)):
            continue
        j = bisect.bisect_right(by_end, (q.open_start, len(everything))) - 1
        if j < 0:
            continue
        first = bisect.bisect_left(by_end, (by_end[j][0], -1))
        prev_k = by_end[first][1]
        prev = everything[prev_k]
        # Only the paragraph right before: no paragraph starts between them.
        between = bisect.bisect_left(paragraph_starts, q.open_start) - bisect.bisect_right(
            paragraph_starts, prev.content_end
        )
        if between > 0 or prev.source_start is None:
            continue
        if prev.kind not in ("direct", "mixed"):
            continue
        out.append(
            Candidate(
                content_start=q.open_start,
                content_end=q.close_end,
                source_start=prev.source_start,
                source_end=prev.source_end,
                kind="direct",
                rule="continuation",
                source_token=prev.source_token,
                inherit_from=prev_k if prev_k < len(found) else None,
            )
        )
        everything.append(out[-1])
        contents.add(q.open_start, q.close_end)
        bisect.insort(by_end, (q.close_end, len(everything) - 1))
    return out
