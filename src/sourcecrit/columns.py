"""The columns and dtypes of every Analysis DataFrame: the contract the other parts read.

Offsets are character offsets into ``Analysis.text``: ``text[start:end]`` is the span.
Missing offsets (an agentless "was denied" has no source) are ``pd.NA`` in ``Int64``.
Components may add columns after these; they may not drop or rename any.
"""

from __future__ import annotations

ATTRIBUTIONS: dict[str, str] = {
    "speaker": "object",  # canonical name, or None when unresolved
    "source_text": "object",  # the words in the text naming the source, or None
    "source_start": "Int64",
    "source_end": "Int64",
    "cue": "object",
    "cue_start": "Int64",
    "cue_end": "Int64",
    "content": "object",
    "content_start": "Int64",
    "content_end": "Int64",
    "kind": "object",  # direct | indirect | mixed | according_to
    "source_type": "object",  # see attribution.SOURCE_TYPES
    "sentence": "Int64",  # 0-based sentence number of the cue (or the content)
    "rule": "object",  # the rule that found it (attribution.rules.RULES)
    "confidence": "object",  # high | medium | low: the rule's measured precision on PolNeAR
}

SOURCES: dict[str, str] = {
    "speaker": "object",  # canonical name (or the description, for unnamed sources)
    "aliases": "object",  # list[str]: every way the text refers to this source
    "role": "object",  # title or role, e.g. "Polish Foreign Minister", or None
    "source_type": "object",
    "evidence": "object",  # why this source_type, in words a student can read
    "n_attributions": "int64",
    "n_words": "int64",  # words of content attributed to this source
    "first_start": "Int64",  # where the source first appears in the text
    "first_end": "Int64",
}

HEDGES: dict[str, str] = {
    "cue": "object",
    "start": "Int64",
    "end": "Int64",
    "category": "object",  # hedge | booster | weasel
    "sentence": "Int64",
    "scope_start": "Int64",
    "scope_end": "Int64",
    "explanation": "object",
    "confidence": "object",  # high | medium | low (hedging.confidence)
}

SENTENCES: dict[str, str] = {
    "sentence": "int64",
    "start": "int64",
    "end": "int64",
    "text": "object",
    "hedges": "int64",
    "boosters": "int64",
    "weasels": "int64",
    "attributions": "int64",
    "certainty": "object",  # uncertain | neutral | emphatic
}

ATTRIBUTION_KINDS = ("direct", "indirect", "mixed", "according_to")
HEDGE_CATEGORIES = ("hedge", "booster", "weasel")
