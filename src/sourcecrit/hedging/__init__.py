"""Hedging: hedges, boosters and weasel phrases with their scope.

``hedges(doc)`` returns what the ``sourcecrit_hedges`` component found; the lexicon lives
in ``sourcecrit/data/hedges.yaml`` (see ``hedging.lexicon``), the rules that tell real cues
from look-alikes in ``hedging.rules`` and the scope rules in ``hedging.scope``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sourcecrit.extensions import ensure_extensions

if TYPE_CHECKING:
    # pandas only for the tables: this package is imported by spaCy itself (the
    # ``spacy_factories`` entry point), and a spaCy user who never builds an Analysis
    # should not pay pandas' import.
    import pandas as pd
    from spacy.tokens import Doc


def hedges(doc: Doc) -> list[dict]:
    """Return one record per hedge, booster or weasel cue found by ``sourcecrit_hedges``.

    Keys: those of ``sourcecrit.columns.HEDGES`` in order, then ``id`` (the lexicon record)
    and ``negated`` (a negation outside the cue changed or kept its category).
    """
    ensure_extensions()
    return list(doc._.sc_hedges or [])


def sentence_certainty(*, hedges: int, boosters: int, weasels: int) -> str:
    """Return ``uncertain``, ``neutral`` or ``emphatic`` for a sentence's cue counts.

    Hedges and weasel phrases both weaken a reader's grounds for trusting a claim (CoNLL-2010
    counts both as uncertainty, Farkas et al. 2010), boosters strengthen its tone (Hyland
    2005); whichever side has more cues sets the label, and a tie is ``neutral``.
    """
    if hedges + weasels > boosters:
        return "uncertain"
    if boosters > hedges + weasels:
        return "emphatic"
    return "neutral"


def most_hedged_sentences(
    sentences: pd.DataFrame, hedges: pd.DataFrame, *, n: int = 3
) -> pd.DataFrame:
    """Return the ``n`` sentences carrying the most hedge and weasel cues, most first.

    Args:
        sentences: ``Analysis.sentences`` (needs ``sentence``; other columns are kept).
        hedges: ``Analysis.hedges`` (needs ``sentence`` and ``category``).
        n: how many sentences to return at most.

    Returns:
        Rows of ``sentences`` with a ``hedging`` column (hedges + weasels in the sentence),
        only sentences with at least one such cue, ordered by ``hedging`` (descending),
        then by position in the text.
    """
    import pandas as pd

    if n < 0:
        raise ValueError(f"n must be 0 or more, got {n}")
    if len(hedges):
        soft = hedges[hedges["category"].isin(["hedge", "weasel"])]
        counts = soft.groupby("sentence").size()
    else:
        counts = pd.Series(dtype="int64")
    out = sentences.assign(
        hedging=sentences["sentence"].map(lambda s: int(counts.get(s, 0))).astype("int64")
    )
    out = out[out["hedging"] > 0]
    return out.sort_values(["hedging", "sentence"], ascending=[False, True]).head(n)


__all__ = ["hedges", "most_hedged_sentences", "sentence_certainty"]
