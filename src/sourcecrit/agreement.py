"""How far two sets of labelled spans agree: a student's marks against a reference.

One function compares spans everywhere: the annotator widget, exercise feedback and the
class overview all call :func:`agreement`. A span is ``(start, end, label)``, character
offsets into the article text (``text[start:end]`` is the span).

How spans are matched (the rule students are told):

- Only spans with the **same label** can match. A student's "hedge" over the machine's
  "booster" is a disagreement, listed in :attr:`Agreement.mislabelled`.
- Two spans match when they **overlap**. Each match earns the share of the two spans they
  have in common: the overlap divided by the stretch the two cover together (the Jaccard
  index of their characters, or of their words when ``text`` is given). Marking "may"
  where the reference has "may well" earns 1/2 with ``text`` (one word of two), 3/8 without.
  An exact match earns 1.
- Each span matches **at most one** span on the other side, so marking a whole paragraph
  does not find every cue inside it. Pairs are matched best first (largest share, then
  earliest), the greedy approximation of the best one-to-one matching that
  span-level evaluations such as SemEval-2013 task 9 and MUC's partial scoring use.

For each label, with ``credit`` the sum of the shares of its matches:

- precision = credit / number of the student's spans (how many of yours the reference has),
- recall = credit / number of reference spans (how many of the reference's you found),
- F1 = their harmonic mean.

Empty answers: when neither side marks anything under a label, all three are 1 (the two
agree there is nothing); when only one side does, F1 is 0 and the measure that would divide
by zero is undefined (``None``, NaN in :meth:`Agreement.to_frame`).
"""

from __future__ import annotations

import html
import math
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, NamedTuple

import pandas as pd

from sourcecrit.errors import AgreementError

_WORD = re.compile(r"\w+")


class Span(NamedTuple):
    """One labelled span: ``text[start:end]`` carries ``label``."""

    start: int
    end: int
    label: str


@dataclass(frozen=True)
class Match:
    """A student's span matched to a reference span with the same label.

    Attributes:
        student: the student's span.
        reference: the reference span.
        credit: the share the two have in common (1.0 for an exact match).
    """

    student: Span
    reference: Span
    credit: float

    @property
    def exact(self) -> bool:
        return self.credit >= 1.0


@dataclass(frozen=True)
class LabelScore:
    """Agreement on one label. ``None`` where a measure is undefined (see module doc)."""

    label: str
    precision: float | None
    recall: float | None
    f1: float
    student: int
    reference: int


@dataclass(frozen=True)
class Agreement:
    """What :func:`agreement` returns.

    Attributes:
        labels: one :class:`LabelScore` per label, in order of first appearance.
        found: matched pairs (partial matches have ``credit`` below 1).
        missed: reference spans no student span matched.
        extra: student spans no reference span matched.
        mislabelled: ``(student, reference)`` pairs among ``extra`` and ``missed`` that
            overlap but carry different labels.
        text: the article text, when it was given (used to quote spans).
    """

    labels: tuple[LabelScore, ...]
    found: tuple[Match, ...]
    missed: tuple[Span, ...]
    extra: tuple[Span, ...]
    mislabelled: tuple[tuple[Span, Span], ...]
    text: str | None = None

    # -- overall (all labels pooled) ---------------------------------------------------------

    @property
    def credit(self) -> float:
        return sum(m.credit for m in self.found)

    @property
    def precision(self) -> float | None:
        """Pooled precision over every label (None when the student marked nothing)."""
        n_student = sum(s.student for s in self.labels)
        n_reference = sum(s.reference for s in self.labels)
        return _ratio(self.credit, n_student, other=n_reference)

    @property
    def recall(self) -> float | None:
        """Pooled recall over every label (None when the reference marks nothing)."""
        n_student = sum(s.student for s in self.labels)
        n_reference = sum(s.reference for s in self.labels)
        return _ratio(self.credit, n_reference, other=n_student)

    @property
    def f1(self) -> float:
        """Pooled F1 over every label (1.0 when both sides marked nothing)."""
        return _f1(self.precision, self.recall)

    def score(self, label: str) -> LabelScore:
        """Return the :class:`LabelScore` for ``label`` (all zeros/None if it is unknown)."""
        for s in self.labels:
            if s.label == label:
                return s
        return LabelScore(label, None, None, 1.0, 0, 0)

    def quote(self, span: Span) -> str:
        """Return the words of ``span`` when the text is known, else ``start–end``."""
        if self.text is None:
            return f"{span.start}–{span.end}"
        return " ".join(self.text[span.start : span.end].split())

    # -- output ------------------------------------------------------------------------------

    def to_frame(self) -> pd.DataFrame:
        """Return one row per label: ``label``, ``precision``, ``recall``, ``f1`` (NaN where
        undefined)."""
        return pd.DataFrame(
            [
                {
                    "label": s.label,
                    "precision": math.nan if s.precision is None else s.precision,
                    "recall": math.nan if s.recall is None else s.recall,
                    "f1": s.f1,
                }
                for s in self.labels
            ],
            columns=["label", "precision", "recall", "f1"],
        )

    def to_dict(self) -> dict[str, Any]:
        """Return the agreement as plain data (for saving and for widget front ends)."""
        return {
            "labels": [
                {
                    "label": s.label,
                    "precision": s.precision,
                    "recall": s.recall,
                    "f1": s.f1,
                    "student": s.student,
                    "reference": s.reference,
                }
                for s in self.labels
            ],
            "precision": self.precision,
            "recall": self.recall,
            "f1": self.f1,
            "found": [[*m.student, *m.reference, m.credit] for m in self.found],
            "missed": [list(s) for s in self.missed],
            "extra": [list(s) for s in self.extra],
        }

    def _repr_html_(self) -> str:
        esc = html.escape
        rows = "".join(
            f"<tr><td>{esc(s.label)}</td><td>{s.student}</td><td>{s.reference}</td>"
            f"<td>{_pct(s.precision)}</td><td>{_pct(s.recall)}</td><td>{_pct(s.f1)}</td></tr>"
            for s in self.labels
        )
        head = (
            "<tr><th>Label</th><th>Yours</th><th>Reference</th>"
            "<th>Of yours, how many it has too</th><th>Of its, how many you found</th>"
            "<th>Agreement (F1)</th></tr>"
        )
        lists = "".join(
            f"<p><b>{esc(title)}</b> ({len(items)}): {esc(', '.join(items)) or 'none'}</p>"
            for title, items in (
                ("Found", [f"“{self.quote(m.student)}” ({m.student.label})" for m in self.found]),
                ("Missed", [f"“{self.quote(s)}” ({s.label})" for s in self.missed]),
                ("Extra", [f"“{self.quote(s)}” ({s.label})" for s in self.extra]),
            )
        )
        return (
            f"<div class='sc-agreement'><table>{head}{rows}</table>"
            f"<p>Overall agreement: <b>{_pct(self.f1)}</b></p>{lists}</div>"
        )


def agreement(
    student: Any,
    reference: Any,
    *,
    text: str | None = None,
    labels: Iterable[str] | None = None,
) -> Agreement:
    """Return how far ``student``'s spans agree with ``reference``'s (see the module doc).

    Args:
        student: the spans to judge: an iterable of ``(start, end, label)`` triples or a
            DataFrame with ``start``, ``end`` and ``label`` columns.
        reference: the spans to judge them by (the machine's or an instructor's), in the
            same forms.
        text: the article text; when given, overlap is measured in words rather than
            characters, and spans are quoted in :meth:`Agreement._repr_html_`.
        labels: labels to report even if neither side uses them (e.g. every label of a
            layer), in this order; others follow in order of first appearance.

    Raises:
        AgreementError: a span is not ``(start, end, label)`` with ``0 <= start < end``
            (and ``end <= len(text)`` when ``text`` is given), or a DataFrame lacks a column.
    """
    mine = _spans(student, "student", text)
    theirs = _spans(reference, "reference", text)
    order: list[str] = list(dict.fromkeys(labels or []))
    for span in (*mine, *theirs):
        if span.label not in order:
            order.append(span.label)
    found: list[Match] = []
    scores: list[LabelScore] = []
    for label in order:
        ours = [s for s in mine if s.label == label]
        refs = [s for s in theirs if s.label == label]
        matches = _match(ours, refs, text)
        found += matches
        credit = sum(m.credit for m in matches)
        precision = _ratio(credit, len(ours), other=len(refs))
        recall = _ratio(credit, len(refs), other=len(ours))
        scores.append(
            LabelScore(label, precision, recall, _f1(precision, recall), len(ours), len(refs))
        )
    used_s = {m.student for m in found}
    used_r = {m.reference for m in found}
    extra = [s for s in mine if s not in used_s]
    missed = [r for r in theirs if r not in used_r]
    mislabelled = [
        (s, r) for s in extra for r in missed if s.label != r.label and _overlap(s, r, None) > 0
    ]
    found.sort(key=lambda m: (m.reference.start, m.reference.end))
    return Agreement(
        labels=tuple(scores),
        found=tuple(found),
        missed=tuple(missed),
        extra=tuple(extra),
        mislabelled=tuple(mislabelled),
        text=text,
    )


# -- helpers -------------------------------------------------------------------------------


def _spans(value: Any, side: str, text: str | None) -> list[Span]:
    if isinstance(value, pd.DataFrame):
        missing = [c for c in ("start", "end", "label") if c not in value.columns]
        if missing:
            raise AgreementError(
                f"the {side} table needs the columns start, end and label; it lacks "
                + ", ".join(missing)
            )
        rows: Iterable[Any] = value[["start", "end", "label"]].itertuples(index=False, name=None)
    elif isinstance(value, (str, bytes)) or value is None:
        raise AgreementError(
            f"the {side} spans must be (start, end, label) triples or a DataFrame, "
            f"not {type(value).__name__}"
        )
    else:
        rows = value
    out: list[Span] = []
    seen: set[Span] = set()
    for n, row in enumerate(rows):
        try:
            start, end, label = row
        except (TypeError, ValueError):
            raise AgreementError(
                f"{side} span {n} must be (start, end, label), got {row!r}"
            ) from None
        if not _is_int(start) or not _is_int(end):
            raise AgreementError(f"{side} span {n}: start and end must be whole numbers: {row!r}")
        if not isinstance(label, str) or not label.strip():
            raise AgreementError(f"{side} span {n}: the label must be a non-empty text: {row!r}")
        start, end = int(start), int(end)
        if not 0 <= start < end:
            raise AgreementError(f"{side} span {n}: needs 0 <= start < end, got {start}, {end}")
        if text is not None and end > len(text):
            raise AgreementError(
                f"{side} span {n} ends at {end}, past the end of the text ({len(text)} characters)"
            )
        span = Span(start, end, label.strip())
        if span not in seen:  # the same span marked twice counts once
            seen.add(span)
            out.append(span)
    return out


def _is_int(value: Any) -> bool:
    if isinstance(value, bool):
        return False
    try:
        return int(value) == value
    except (TypeError, ValueError, OverflowError):
        return False


def _match(ours: list[Span], refs: list[Span], text: str | None) -> list[Match]:
    pairs = [(share, s, r) for s in ours for r in refs if (share := _overlap(s, r, text)) > 0]
    # Best first; ties go to the earlier spans so the result does not depend on input order.
    pairs.sort(key=lambda p: (-p[0], p[2].start, p[2].end, p[1].start, p[1].end))
    used_s: set[Span] = set()
    used_r: set[Span] = set()
    out = []
    for share, s, r in pairs:
        if s in used_s or r in used_r:
            continue
        used_s.add(s)
        used_r.add(r)
        out.append(Match(s, r, round(share, 4)))
    return out


def _overlap(a: Span, b: Span, text: str | None) -> float:
    """Return the Jaccard share of ``a`` and ``b`` (0 when they do not overlap)."""
    lo, hi = max(a.start, b.start), min(a.end, b.end)
    if lo >= hi:
        return 0.0
    if text is not None:
        both = _words(text, lo, hi)
        union = len(_words(text, a.start, a.end) | _words(text, b.start, b.end))
        if union:  # spans of punctuation only fall back to characters
            return len(both) / union
    return (hi - lo) / (max(a.end, b.end) - min(a.start, b.start))


def _words(text: str, start: int, end: int) -> set[int]:
    # A word counts when any of its characters is inside: "doubt" in "doubts" is that word.
    return {
        m.start()
        for m in _WORD.finditer(text, max(0, start - 40), end + 40)
        if m.start() < end and m.end() > start
    }


def _ratio(credit: float, total: int, *, other: int) -> float | None:
    if total:
        return round(credit / total, 4)
    return 1.0 if other == 0 else None


def _f1(precision: float | None, recall: float | None) -> float:
    if precision is None or recall is None:
        return 0.0
    if precision + recall == 0:
        return 0.0
    return round(2 * precision * recall / (precision + recall), 4)


def _pct(value: float | None) -> str:
    return "—" if value is None else f"{value:.0%}"
