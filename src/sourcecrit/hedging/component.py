"""The ``sourcecrit_hedges`` spaCy component: hedges, boosters and weasel phrases with scope.

It runs after the tagger and parser (it reads both) and does not depend on any other
sourcecrit component. All lexicon patterns are compiled into one ``Matcher`` when the
component is created and run only on windows around the words that can anchor a cue
(``hedging.windows``); each match then passes the checks its lexicon record names
(``hedging.rules``), negation is applied, overlapping matches are resolved (the longest
wins, then the earlier record), and each cue gets its scope from the parse
(``hedging.scope``).

Output: ``doc._.sc_hedges`` (one JSON-like dict per cue; keys in the order of
``sourcecrit.columns.HEDGES``, then ``id`` and ``negated``) and the span group
``doc.spans["sc_hedges"]`` (label = category), which displaCy renders as it is.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from spacy.errors import MatchPatternError
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc, Span

from sourcecrit.columns import HEDGE_CATEGORIES
from sourcecrit.errors import LexiconError
from sourcecrit.extensions import add_warning, ensure_extensions
from sourcecrit.hedging.confidence import load_confidence
from sourcecrit.hedging.ideas import goal_of_effort, negation_reading, one_mark_per_idea
from sourcecrit.hedging.lexicon import READINGS, HedgeEntry, HedgeLexicon, load_lexicon
from sourcecrit.hedging.rules import CHECKS, is_negated
from sourcecrit.hedging.scope import scope_chars
from sourcecrit.hedging.windows import WindowedMatcher
from sourcecrit.sentences import sentence_of, sentence_starts

SPAN_KEY = "sc_hedges"
NO_PARSE_WARNING = (
    "Hedging was not analysed: the pipeline has no part-of-speech tagger and parser, which "
    "the hedge rules need."
)


def compile_matcher(nlp: Language, lexicon: HedgeLexicon, *, label: str = "hedges") -> Matcher:
    """Return a ``Matcher`` holding every lexicon pattern, keyed by the record's id.

    Phrases are tokenised with ``nlp``'s tokenizer and matched case-insensitively.

    Raises:
        LexiconError: a token pattern is not a valid spaCy ``Matcher`` pattern; the message
            names the record number, its id and the key ``pattern``.
    """
    matcher = Matcher(nlp.vocab, validate=True)
    for n, entry in enumerate(lexicon.entries, 1):
        pattern = token_pattern(nlp, entry)
        try:
            # LONGEST keeps "some alliance countries" rather than "some alliance".
            matcher.add(entry.id, [pattern], greedy="LONGEST")
        except (MatchPatternError, ValueError, KeyError, TypeError) as exc:
            detail = " ".join(str(exc).split())
            raise LexiconError(
                f"{label}: record {n} ({entry.id!r}), key 'pattern': not a valid spaCy "
                f"Matcher pattern: {detail}"
            ) from exc
    return matcher


def token_pattern(nlp: Language, entry: HedgeEntry) -> list[dict[str, Any]]:
    """Return the entry's ``Matcher`` pattern; a phrase becomes one ``LOWER`` per token."""
    if isinstance(entry.pattern, str):
        return [{"LOWER": t.lower_} for t in nlp.make_doc(entry.pattern)]
    return [dict(token) for token in entry.pattern]


class HedgeFinder:
    """Find hedge, booster and weasel cues and their scope in a parsed Doc.

    Args:
        nlp: the pipeline (its vocab and tokenizer compile the patterns).
        name: the component's name in the pipeline.
        lexicon: path to a lexicon YAML file; None for the bundled ``data/hedges.yaml``.
        confidence: path to a confidence JSON file (``hedging.confidence``); None for the
            bundled ``data/rule_confidence/hedges.json``.
        reading: ``"news"`` (the default: the news-certainty guidelines) or
            ``"wikipedia"``, which also marks what Wikipedia's *Manual of Style/Words to
            watch* asks its editors to avoid: puffery, unnamed research, doubt cast by a
            word, editorializing, and the vague amounts of things its {{Quantify}}
            cleanup template asks them to give a figure for (``hedging.lexicon.READINGS``;
            records name their readings).

    Raises:
        LexiconError: ``reading`` is not one of ``READINGS``.
    """

    def __init__(
        self,
        nlp: Language,
        name: str,
        *,
        lexicon: str | None = None,
        confidence: str | None = None,
        reading: str = "news",
    ) -> None:
        ensure_extensions()
        if reading not in READINGS:
            raise LexiconError(
                f"sourcecrit_hedges: reading {reading!r} is not one of {', '.join(READINGS)}"
            )
        self.name = name
        self.reading = reading
        full = load_lexicon(lexicon)
        # Only the records of the chosen reading are compiled: the others cost nothing.
        self.lexicon = replace(
            full, entries=tuple(e for e in full.entries if reading in e.readings)
        )
        self.confidence = load_confidence(confidence)
        self.matcher = compile_matcher(nlp, self.lexicon, label=lexicon or "hedges.yaml")
        # The Matcher runs only around words that can anchor a cue (hedging.windows):
        # same matches, a fraction of the time.
        self.windowed_matcher = WindowedMatcher(
            nlp.vocab, self.matcher, [token_pattern(nlp, e) for e in self.lexicon.entries]
        )
        self._entries: dict[int, tuple[int, HedgeEntry]] = {
            nlp.vocab.strings.add(e.id): (rank, e) for rank, e in enumerate(self.lexicon.entries)
        }

    def __call__(self, doc: Doc) -> Doc:
        if len(doc) and not (doc.has_annotation("TAG") and doc.has_annotation("DEP")):
            add_warning(doc, NO_PARSE_WARNING)
            doc._.sc_hedges, doc.spans[SPAN_KEY] = [], []
            return doc
        cues = self.cues(doc) if len(doc) else []
        starts = sentence_starts(doc) if cues else []
        records, spans = [], []
        for span, entry, category, negated in cues:
            scope_start, scope_end = scope_chars(span, entry.scope)
            records.append(
                {
                    "cue": span.text,
                    "start": span.start_char,
                    "end": span.end_char,
                    "category": category,
                    "sentence": sentence_of(starts, span.start_char),
                    "scope_start": scope_start,
                    "scope_end": scope_end,
                    "explanation": explanation(entry, category),
                    "confidence": self.confidence.of(entry.id, category),
                    "id": entry.id,
                    "negated": negated,
                }
            )
            spans.append(Span(doc, span.start, span.end, label=category))
        doc._.sc_hedges = records
        doc.spans[SPAN_KEY] = spans
        return doc

    def cues(self, doc: Doc) -> list[tuple[Span, HedgeEntry, str, bool]]:
        """Return ``(span, entry, category, negated)`` for each cue kept, in text order."""
        found = []
        for match_id, start, end in self.windowed_matcher(doc):
            rank, entry = self._entries[match_id]
            span = doc[start:end]
            if doc[start].sent.start != doc[end - 1].sent.start:
                continue
            if not all(CHECKS[c](span, self.lexicon) for c in entry.conditions):
                continue
            if goal_of_effort(span):
                continue  # "an effort to prove that", "tried to appear calm"
            category, negated = entry.category, negation_reading(span, is_negated(span))
            if negated:
                if entry.negated == "drop":
                    continue
                if entry.negated in HEDGE_CATEGORIES:
                    category = entry.negated
            found.append((rank, span, entry, category, negated))
        # Overlaps: the longest match wins ("no point in denying" over "denying"), then the
        # record listed first in the lexicon.
        found.sort(key=lambda f: (-(f[1].end - f[1].start), f[0], f[1].start))
        taken: set[int] = set()
        kept = []
        for _rank, span, entry, category, negated in found:
            if taken.intersection(range(span.start, span.end)):
                continue
            taken.update(range(span.start, span.end))
            kept.append((span, entry, category, negated))
        kept.sort(key=lambda k: k[0].start)
        return one_mark_per_idea(kept)


def explanation(entry: HedgeEntry, category: str) -> str:
    """Return the student-facing explanation, noting when negation changed the category."""
    if category == entry.category:
        return entry.explanation
    return f"Negated, so it works as a {category} here. {entry.explanation}"


@Language.factory(
    "sourcecrit_hedges",
    default_config={"lexicon": None, "confidence": None, "reading": "news"},
    # token.pos is read too, but the English model sets it without declaring it, so naming
    # it here would make nlp.analyze_pipes report a problem that is not one.
    requires=["token.tag", "token.dep", "token.lemma", "token.ent_type"],
    assigns=["doc._.sc_hedges", "doc.spans"],
)
def make_hedges(
    nlp: Language,
    name: str,
    lexicon: Any = None,
    confidence: Any = None,
    reading: str = "news",
) -> HedgeFinder:
    """Create the ``sourcecrit_hedges`` component.

    Args:
        lexicon: optional path to a lexicon YAML file (default: the bundled one).
        confidence: optional path to a confidence JSON file (default: the bundled one).
        reading: ``"news"`` (default) or ``"wikipedia"`` (see :class:`HedgeFinder`).
    """
    return HedgeFinder(nlp, name, lexicon=lexicon, confidence=confidence, reading=reading)
