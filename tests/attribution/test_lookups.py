"""The bisection lookups (#10) give what the whole-list scans they replace gave."""

from __future__ import annotations

from sourcecrit.attribution.lookups import Entities
from sourcecrit.attribution.mentions import Mention, recent_first
from sourcecrit.attribution.quotes import quote_of, quote_spans

TEXT = (
    "Mayor Ana Ortiz of Springfield met the Harbour Authority on Monday. "
    "“The pier is safe,” Ortiz said, “and the engineers at Delta Works agree.” "
    "John Reyes, a spokesman for the Springfield Council, said the council “will ask "
    "‘why now?’ before it votes,” according to a statement from the Port of Springfield."
)


def _scan_quote_of(quotes, start, end):
    best = None
    for k, q in enumerate(quotes):
        if q.open_start <= start and end <= q.close_end:
            if best is None or q.depth > quotes[best].depth:
                best = k
    return best


def test_quote_of_matches_a_scan_of_every_quote_including_nested_ones():
    quotes, _ = quote_spans(TEXT)
    assert any(q.depth == 1 for q in quotes)  # the nested ‘why now?’
    for start in range(len(TEXT)):
        for length in (0, 1, 7, 40):
            assert quote_of(quotes, start, start + length) == _scan_quote_of(
                quotes, start, start + length
            )


def test_entities_inside_holding_and_starting_at_match_scans(nlp):
    doc = nlp(TEXT)
    ents = list(doc.ents)
    assert len(ents) >= 4
    index = Entities(ents)
    for i in range(len(doc)):
        holding = [e for e in ents if e.start <= i < e.end]
        assert index.holding(i) == (holding[0] if holding else None)
        starting = [e for e in ents if e.start == i]
        assert index.starting_at(i) == (starting[0] if starting else None)
        for j in range(i + 1, min(i + 12, len(doc)) + 1):
            span = doc[i:j]
            assert index.inside(span) == [e for e in ents if i <= e.start and e.end <= j]


def test_word_or_org_before_lists_those_tokens_latest_first(nlp):
    doc = nlp(TEXT)
    index = Entities(list(doc.ents))
    orgs = {e.start for e in doc.ents if e.label_ in ("ORG", "GPE")}
    for i in (0, 10, 25, len(doc)):
        expected = [t.i for t in reversed(doc[:i]) if t.lower_ == "springfield" or t.i in orgs]
        assert list(index.word_or_org_before(doc, "springfield", i)) == expected


def test_recent_first_is_a_stable_sort_by_descending_start():
    mentions = [
        Mention(start, start + 3, cluster, False)
        for start, cluster in [(0, 0), (5, 1), (5, 2), (9, 3), (9, 4), (9, 5), (14, 6)]
    ]
    for before in range(0, 16):
        expected = sorted((m for m in mentions if m.start < before), key=lambda m: -m.start)
        assert list(recent_first(mentions, before)) == expected
