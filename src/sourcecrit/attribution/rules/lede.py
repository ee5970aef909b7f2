"""Rule 4, the lede pattern: a claim standing alone, its source in the next sentence with a
cue and no content of its own ("The bridge will close. Officials told the Herald.")."""

from __future__ import annotations

import bisect

from spacy.tokens import Doc

from sourcecrit.attribution.candidates import Candidate, content_index
from sourcecrit.attribution.lexicon import CueEntry
from sourcecrit.attribution.syntax import EXPLETIVES, cue_entry_for, source_chars, subject_of
from sourcecrit.attribution.wordlists import words


def lede_candidates(
    doc: Doc,
    *,
    found: list[Candidate],
    sentences: list[tuple[int, int]],
    verbs: dict[str, dict[str | None, CueEntry]],
    text: str | None = None,
) -> list[Candidate]:
    """Return the lede pattern: a claim, then its source and cue in the next sentence (rule 4).

    Only when the cue is the root of its sentence, has a subject and no content of its own,
    and the sentence before holds no attribution at all.
    """
    lede_cues = words("lede_cues")
    out: list[Candidate] = []
    cue_tokens = {c.cue_token for c in found if c.cue_token is not None}
    sentence_starts = [s for s, _ in sentences]
    contents = content_index(found)
    cue_starts = sorted(c.cue_start for c in found if c.cue_start is not None)
    for tok in doc:
        if tok.dep_ != "ROOT" or tok.i in cue_tokens:
            continue
        entry = cue_entry_for(tok, verbs)
        if entry is None or entry.cue not in lede_cues:
            continue
        subject = subject_of(tok)
        if subject is None or subject.lower_ in EXPLETIVES:
            continue
        k = bisect.bisect_right(sentence_starts, tok.idx) - 1
        if k <= 0 or tok.idx >= sentences[k][1]:
            continue  # the first sentence, or a token between sentences
        prev_start, prev_end = sentences[k - 1]
        if contents.overlapping(prev_start, prev_end):
            continue  # the sentence before already holds an attribution's content
        if bisect.bisect_left(cue_starts, prev_end) > bisect.bisect_left(cue_starts, prev_start):
            continue  # ... or a cue
        source = source_chars(doc, subject)
        if source is None:
            continue
        end = prev_end
        text = doc.text if text is None else text
        while end > prev_start and text[end - 1] in ".!? ":
            end -= 1
        out.append(
            Candidate(
                content_start=prev_start,
                content_end=end,
                cue_start=tok.idx,
                cue_end=tok.idx + len(tok),
                entry=entry,
                source_start=source[0],
                source_end=source[1],
                rule="lede",
                source_token=subject.i,
                cue_token=tok.i,
            )
        )
        contents.add(prev_start, end)
        bisect.insort(cue_starts, tok.idx)
    return out
