"""The ``sourcecrit_attribution`` spaCy component: who says what, in span groups and records.

Runs after the parser and NER. For each Doc it sets:

- ``doc._.sc_attributions``: one dict per attribution, keys in the order of
  :data:`sourcecrit.columns.ATTRIBUTIONS`, then the extras ``role``, ``cue_category``,
  ``cue_loaded``, ``cue_explanation``, ``nested``, ``rule`` and ``source_evidence``;
- ``doc._.sc_sources``: one dict per canonical source (:data:`sourcecrit.columns.SOURCES`);
  attributions with no source at all form no source row;
- span groups ``sc_attribution_sources``, ``sc_attribution_cues`` and
  ``sc_attribution_contents`` (label = kind), which displaCy renders as they are;
- warnings (``doc._.sc_warnings``) for quote marks it could not pair.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import yaml
from spacy.language import Language
from spacy.tokens import Doc, Span

from sourcecrit.attribution import rules
from sourcecrit.attribution.candidates import (
    Candidate,
    content_index,
    deduplicate,
    extend_over_quotes,
)
from sourcecrit.attribution.confidence import confidence_of
from sourcecrit.attribution.lexicon import CueEntry, cues_as_data, load_cues
from sourcecrit.attribution.nesting import cues_inside_other_contents, without_unreported_nested
from sourcecrit.attribution.quote_runs import carried_quotes
from sourcecrit.attribution.quotes import Quote, quote_spans, without_quoted_non_sources
from sourcecrit.attribution.source_table import source_rows, things_pronouns_stand_for
from sourcecrit.attribution.source_types import one_type_per_person, source_type
from sourcecrit.attribution.speakers import FIRST_PERSON, Cluster, SpeakerResolver
from sourcecrit.attribution.syntax import VerbIndex, antecedent, source_chars, verb_index
from sourcecrit.columns import ATTRIBUTIONS
from sourcecrit.errors import LexiconError
from sourcecrit.extensions import add_warning, ensure_extensions
from sourcecrit.sentences import sentence_of, sentence_spans

CUES_FILE = "cues.yaml"
SPAN_GROUPS = ("sc_attribution_sources", "sc_attribution_cues", "sc_attribution_contents")


def _paragraph_starts(text: str) -> list[int]:
    starts = []
    at_start = True
    for i, ch in enumerate(text):
        if ch == "\n":
            at_start = True
        elif at_start and not ch.isspace():
            starts.append(i)
            at_start = False
    return starts


def find_candidates(
    doc: Doc, *, verbs: VerbIndex, cues: dict[str, CueEntry]
) -> tuple[list[Candidate], list[Quote], list[str]]:
    """Return the attribution candidates of a parsed Doc, its quotes and quote warnings."""
    text = doc.text  # Doc.text rebuilds the string on every access: read it once
    quotes, warnings = quote_spans(text)
    nouns = {e.cue: e for e in cues.values() if e.pos == "noun"}
    adjectives = {e.cue: e for e in cues.values() if e.pos == "adj"}
    found = rules.verb_candidates(doc, verbs=verbs, quotes=quotes)
    cued = {c.cue_token for c in found if c.cue_token is not None}
    found += (
        rules.according_candidates(doc)
        + rules.frame_candidates(doc, verbs=verbs)
        + rules.as_clause_candidates(doc, verbs=verbs, cued=cued)
        + rules.misread_verb_candidates(doc, verbs=verbs)
        + rules.noun_candidates(doc, nouns=nouns)
        + rules.adjective_candidates(doc, adjectives=adjectives)
        + rules.headline_candidates(doc)
    )
    extend_over_quotes(found, quotes)
    found = deduplicate(sorted(found, key=lambda c: (c.content_start, c.content_end)))
    found += rules.quote_candidates(doc, quotes=quotes, covered=found, verbs=verbs, text=text)
    found.sort(key=lambda c: c.content_start)
    found += rules.continuation_candidates(
        doc, quotes=quotes, found=found, paragraph_starts=_paragraph_starts(text)
    )
    found += carried_quotes(
        text, quotes=quotes, found=found, paragraph_starts=_paragraph_starts(text), doc=doc
    )
    found += rules.lede_candidates(
        doc, found=found, sentences=sentence_spans(doc), verbs=verbs, text=text
    )
    found.sort(key=lambda c: (c.content_start, c.content_end))
    kept = without_quoted_non_sources(found, quotes, doc)
    return without_unreported_nested(doc, kept, text=text), quotes, warnings


def _quote_holding(quotes: list[Quote], char: int) -> Quote | None:
    """Return the innermost quote holding ``char``, or None.

    Quotes come in text order and nest (each knows its ``parent``), so the innermost one
    holding ``char`` is the last quote opened before it or one of that quote's enclosing
    quotes: a walk up from a bisection, not a scan of every quote for every record.
    """
    k = bisect.bisect_right(quotes, char, key=_open_start) - 1
    while k >= 0:
        q = quotes[k]
        if char < q.close_end:
            return q
        if q.parent is None:
            return None
        k = q.parent
    return None


def _open_start(q: Quote) -> int:
    return q.open_start


def attribution_records(
    doc: Doc, *, cues: dict[str, CueEntry] | None = None
) -> tuple[list[dict[str, Any]], list[dict[str, Any]], list[str]]:
    """Return ``(attributions, sources, warnings)`` for a parsed Doc.

    Args:
        doc: a Doc processed by a pipeline with a dependency parser and NER.
        cues: the cue lexicon; defaults to the bundled ``data/cues.yaml``.
    """
    cues = cues if cues is not None else load_cues()
    verbs = verb_index(cues)
    found, quotes, warnings = find_candidates(doc, verbs=verbs, cues=cues)
    text = doc.text
    resolver = SpeakerResolver(doc, text=text, quotes=quotes)
    by_index: dict[int, tuple[Cluster | None, str]] = {}

    def position(k: int) -> int:
        c = found[k]
        return c.source_start if c.source_start is not None else c.content_start

    # Speakers are resolved in the order their sources appear: a pronoun refers back.
    for k in sorted(range(len(found)), key=position):
        c = found[k]
        head = doc[c.source_token] if c.source_token is not None else None
        if c.source_start is None or c.source_end is None or c.rule == "continuation":
            by_index[k] = (None, "unresolved")
            continue
        start, end = c.source_start, c.source_end
        if head is not None and antecedent(head) is not head:
            # "officials who said": the source phrase is "who" (as PolNeAR marks it), the
            # speaker is whoever "who" stands for.
            head = antecedent(head)
            start, end = source_chars(doc, head) or (start, end)
        by_index[k] = resolver.resolve(start, end, head)
    # Second pass: "I"/"we" inside a quote speak for the quote's speaker; continued quotes
    # repeat the speaker of the attribution whose source they share.
    # Candidates (not continuations) by source start, in list order, kept up to date as
    # "I" inside a quote takes its speaker's source below (issue #10: no rescan per row).
    by_source: dict[int | None, list[int]] = {}
    for j, other in enumerate(found):
        if other.rule != "continuation":
            by_source.setdefault(other.source_start, []).append(j)
    contents = content_index(found)
    for k, c in enumerate(found):
        cluster, method = by_index[k]
        head = doc[c.source_token] if c.source_token is not None else None
        if c.rule == "continuation":
            same = [j for j in by_source.get(c.source_start, []) if j != k]
            if same:
                by_index[k] = by_index[same[0]]
        elif (
            cluster is None
            and head is not None
            and head.lower_ in FIRST_PERSON
            and c.cue_start is not None
        ):
            q = _quote_holding(quotes, c.cue_start)
            if q is None:
                continue
            for j in contents.overlapping(q.open_start, q.close_end):
                other = found[j]
                if (
                    j != k
                    and other.content_start <= q.open_start
                    and q.close_end <= other.content_end
                    and (
                        other.cue_start is None or not q.open_start <= other.cue_start < q.close_end
                    )
                    and other.source_start is not None
                ):
                    # "I think ..." inside Smith's quote is Smith speaking: the source is the
                    # phrase that names Smith (as PolNeAR annotates it), the "I" an alias.
                    outer = by_index[j][0]
                    if outer is not None:
                        outer.add_alias(text[c.source_start : c.source_end])
                    if c.rule != "continuation":
                        by_source[c.source_start].remove(k)
                        bisect.insort(by_source.setdefault(other.source_start, []), k)
                    c.source_start, c.source_end = other.source_start, other.source_end
                    c.source_token = other.source_token
                    by_index[k] = (outer, "quote speaker" if outer is not None else "unresolved")
                    break
    starts = [s for s, _ in sentence_spans(doc)]
    records = []
    inside = cues_inside_other_contents(found)
    for k, c in enumerate(found):
        cluster, method = by_index[k]
        head = doc[c.source_token] if c.source_token is not None else None
        source = (
            (c.source_start, c.source_end)
            if c.source_start is not None and c.source_end is not None
            else None
        )
        typed = source
        if head is not None and antecedent(head) is not head:
            head = antecedent(head)
            typed = source_chars(doc, head) or source
        stype, evidence = source_type(doc, typed, head, cluster, method, text=text)
        entry = (
            c.entry
            if c.entry is not None
            else cues.get("according to")
            if c.kind == "according_to"
            else None
        )
        cue_q = _quote_holding(quotes, c.cue_start) if c.cue_start is not None else None
        record = {
            "speaker": cluster.canonical if cluster is not None else None,
            "source_text": text[c.source_start : c.source_end] if source else None,
            "source_start": c.source_start,
            "source_end": c.source_end,
            "cue": text[c.cue_start : c.cue_end] if c.cue_start is not None else None,
            "cue_start": c.cue_start,
            "cue_end": c.cue_end,
            "content": text[c.content_start : c.content_end],
            "content_start": c.content_start,
            "content_end": c.content_end,
            "kind": c.kind,
            "source_type": stype,
            "sentence": sentence_of(
                starts, c.cue_start if c.cue_start is not None else c.content_start
            ),
            "rule": c.rule,
            "confidence": confidence_of(
                c.rule, category=entry.category if entry else None, nested=inside[k]
            ),
            "role": cluster.role if cluster is not None else None,
            "cue_category": entry.category if entry else None,
            "cue_loaded": bool(entry.loaded) if entry else False,
            "cue_explanation": entry.explanation if entry else None,
            "nested": cue_q is not None,
            "source_evidence": evidence,
        }
        assert list(record)[: len(ATTRIBUTIONS)] == list(ATTRIBUTIONS)
        records.append(record)
    one_type_per_person(records, [by_index[k][0] for k in range(len(records))])
    stands_for = things_pronouns_stand_for(records, by_index, starts)
    return records, source_rows(records, by_index, stands_for), warnings


def set_span_groups(doc: Doc, records: list[dict[str, Any]]) -> None:
    """Put sources, cues and contents in span groups (label = kind) for displaCy."""
    groups: dict[str, list[Span]] = {name: [] for name in SPAN_GROUPS}
    for rec in records:
        for group, prefix in zip(SPAN_GROUPS, ("source", "cue", "content"), strict=True):
            start, end = rec[f"{prefix}_start"], rec[f"{prefix}_end"]
            if start is None:
                continue
            span = doc.char_span(start, end, label=rec["kind"], alignment_mode="expand")
            if span is not None:
                groups[group].append(span)
    for name, spans in groups.items():
        doc.spans[name] = spans


class AttributionComponent:
    """Find attributions (quotes, reported speech, "according to") and their sources.

    Saved with the pipeline (``nlp.to_disk``), the component writes the cue lexicon it uses
    to ``cues.yaml`` in its folder, so ``spacy.load`` restores the same cues even when they
    came from a file that is no longer there (the way spaCy's ``span_ruler`` saves its
    patterns).
    """

    def __init__(self, nlp: Language, name: str, *, cues_path: str | None = None) -> None:
        ensure_extensions()
        self.name = name
        self.cues: dict[str, CueEntry] = {}
        # A pipeline loaded from disk names the lexicon file it was built with, which may be
        # gone; from_disk() then supplies the saved copy. Anywhere else the error stands.
        self._missing: LexiconError | None = None
        try:
            self.cues = load_cues(Path(cues_path) if cues_path else None)
        except LexiconError as exc:
            if not cues_path or Path(cues_path).exists():
                raise
            self._missing = exc

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        """Write the cue lexicon to ``path/cues.yaml``."""
        folder = Path(path)
        folder.mkdir(parents=True, exist_ok=True)
        text = yaml.safe_dump(cues_as_data(self.cues), allow_unicode=True, sort_keys=False)
        (folder / CUES_FILE).write_text(text, encoding="utf-8")

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> AttributionComponent:
        """Read the cue lexicon saved by :meth:`to_disk` (validated as any lexicon file)."""
        saved = Path(path) / CUES_FILE
        if saved.is_file():
            self.cues = load_cues(saved)
            self._missing = None
        return self

    def __call__(self, doc: Doc) -> Doc:
        if self._missing is not None:
            raise self._missing
        records, sources, warnings = attribution_records(doc, cues=self.cues)
        doc._.sc_attributions = records
        doc._.sc_sources = sources
        for message in warnings:
            add_warning(doc, message)
        set_span_groups(doc, records)
        return doc


@Language.factory(
    "sourcecrit_attribution",
    default_config={"cues_path": None},
    # (token.pos is read too, but en_core_web_sm's attribute_ruler sets it without declaring
    # it, so requiring it would make nlp.analyze_pipes report a problem that is not one)
    requires=["token.dep", "token.head", "token.tag", "token.lemma", "doc.ents"],
    assigns=["doc._.sc_attributions", "doc._.sc_sources", "doc._.sc_warnings", "doc.spans"],
)
def make_attribution(nlp: Language, name: str, cues_path: str | None) -> AttributionComponent:
    """Create the attribution component.

    Args:
        nlp: the pipeline it joins (must have a parser and NER before it).
        name: the component's name in the pipeline.
        cues_path: a cue lexicon YAML file to use instead of the bundled ``data/cues.yaml``.
    """
    return AttributionComponent(nlp, name, cues_path=cues_path)
