"""The annotator's plain-data side: word snapping, saved state, and the review after a reveal.

Kept apart from the widget so it can be read (and tested) without a front end.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import math
import re
from collections.abc import Callable
from typing import Any

from sourcecrit.errors import AnnotatorError
from sourcecrit.layers import layer_labels, machine_spans
from sourcecrit.span_agreement import Agreement, Span

#: What the front end may ask for: message action -> method and the message keys it takes.
ACTIONS: dict[str, tuple[str, ...]] = {
    "add": ("add_span", "start", "end", "label"),
    "relabel": ("relabel", "index", "label"),
    "remove": ("remove_span", "index"),
    "none_found": ("set_none_found", "value"),
    "commit": ("commit",),
    "uncommit": ("uncommit",),
    "reveal": ("reveal",),
    "flag": ("flag", "id", "reason"),
    "unflag": ("unflag", "id"),
    "learner": ("set_learner", "name"),
}
#: A flag's reason is one line.
MAX_REASON_CHARS = 200
NOT_RATED = "not rated"
# A word: letters or digits, with inner apostrophes and hyphens ("doesn't", "so-called").
_WORD = re.compile(r"[^\W_]+(?:['’\-][^\W_]+)*")


def snap(text: str, start: int, end: int) -> tuple[int, int]:
    """Return ``(start, end)`` grown to whole words and trimmed of space and punctuation.

    A selection that starts inside "certainly" starts at its "c"; one that ends in the
    comma after "believe me," ends after "me". With no word inside, start == end.
    """
    words = [m.span() for m in _WORD.finditer(text) if m.start() < end and m.end() > start]
    if not words:
        return (start, start)
    return (words[0][0], words[-1][1])


def span_id(span: Any) -> str:
    """Return the stable id of a reference span: ``start-end-label``."""
    if isinstance(span, dict):
        return f"{span['start']}-{span['end']}-{span['label']}"
    return f"{span[0]}-{span[1]}-{span[2]}"


def as_spans(items: Any) -> list[Span]:
    """Return spans from ``[start, end, label]`` lists or reference dicts."""
    out = []
    for item in items:
        if isinstance(item, dict):
            out.append(Span(int(item["start"]), int(item["end"]), str(item["label"])))
        else:
            out.append(Span(int(item[0]), int(item[1]), str(item[2])))
    return out


#: The widget's state that is saved, besides flags and times.
SAVED = ("layer", "spans", "none_found", "committed", "frozen", "frozen_none_found", "revealed")


def saved_state(
    plain: dict[str, Any],
    *,
    window: tuple[int, int],
    text: str,
    reference: list[dict[str, Any]],
    flags: dict[str, str],
    times: dict[str, str],
) -> dict[str, Any]:
    """Return what is saved: ``plain`` (see :data:`SAVED`), the window, and each flag with
    the label and words of the span it is about (so a class overview can count them)."""
    by_id = {r["id"]: r for r in reference}
    return {
        **plain,
        "window": list(window),
        "flags": {
            k: {
                "reason": v,
                "label": by_id[k]["label"] if k in by_id else None,
                "text": text[by_id[k]["start"] : by_id[k]["end"]] if k in by_id else None,
            }
            for k, v in flags.items()
        },
        **times,
    }


def restored_state(
    saved: dict[str, Any], *, window: tuple[int, int], labels: list[str]
) -> dict[str, Any]:
    """Return the parts of a saved state that are usable, checked one by one.

    A hand-edited or older file may hold anything: spans outside the text or with unknown
    labels are dropped rather than trusted, and a reveal without a frozen answer is not
    restored (the reveal must never come before a commitment).
    """

    def spans(value: Any) -> list[list[Any]]:
        out = []
        for item in value if isinstance(value, list) else []:
            if (
                isinstance(item, list)
                and len(item) == 3
                and all(isinstance(x, int) and not isinstance(x, bool) for x in item[:2])
                and window[0] <= item[0] < item[1] <= window[1]
                and item[2] in labels
            ):
                out.append([item[0], item[1], item[2]])
        return sorted(out)

    state: dict[str, Any] = {
        "spans": spans(saved.get("spans")),
        "none_found": saved.get("none_found") is True,
        "committed": saved.get("committed") is True,
        "frozen": spans(saved.get("frozen")),
        "frozen_none_found": saved.get("frozen_none_found") is True,
    }
    if state["committed"] and not (state["frozen"] or state["frozen_none_found"]):
        state["committed"] = False
    state["revealed"] = state["committed"] and saved.get("revealed") is True
    raw = saved.get("flags")
    flags: dict[str, Any] = raw if isinstance(raw, dict) else {}
    state["flags"] = {
        str(k): str(v.get("reason") if isinstance(v, dict) else v)[:MAX_REASON_CHARS]
        for k, v in flags.items()
        if (v.get("reason") if isinstance(v, dict) else v)
    }
    return state


def review_rows(
    result: Agreement, reference: list[dict[str, Any]], flags: dict[str, str], who: str
) -> list[dict[str, Any]]:
    """Return one row per reference span and per extra student span, disagreements first.

    Each row: ``id`` (None for the student's extras), ``start``, ``end``, ``label``,
    ``quote``, ``status`` (``missed``, ``relabel``, ``partly``, ``extra`` or ``agree``),
    ``note`` (what differs, in words), ``explanation``, ``confidence`` (or "not rated")
    and ``flag`` (the student's reason, or "").
    """
    by_ref = {(m.reference.start, m.reference.end, m.reference.label): m for m in result.found}
    relabelled = {r: s for s, r in result.mislabelled}
    rows = []
    for ref in reference:
        key = (ref["start"], ref["end"], ref["label"])
        match = by_ref.get(key)
        if match is not None and match.exact:
            status, note = "agree", "You marked this too."
        elif match is not None:
            status = "partly"
            note = f"You marked “{result.quote(match.student)}”: the stretches differ."
        elif Span(*key) in relabelled:
            status = "relabel"
            note = f"You called this {relabelled[Span(*key)].label}; {who} says {ref['label']}."
        else:
            status, note = "missed", f"You did not mark this; {who} marks it as {ref['label']}."
        rows.append(
            {
                "id": ref["id"],
                "start": ref["start"],
                "end": ref["end"],
                "label": ref["label"],
                "quote": result.quote(Span(*key)),
                "status": status,
                "note": note,
                "explanation": ref.get("explanation") or "",
                "confidence": ref.get("confidence") or NOT_RATED,
                "flag": flags.get(ref["id"], ""),
            }
        )
    relabel_students = {s for s, _ in result.mislabelled}
    for span in result.extra:
        if span in relabel_students:
            continue  # already said under the reference span it overlaps
        rows.append(
            {
                "id": None,
                "start": span.start,
                "end": span.end,
                "label": span.label,
                "quote": result.quote(span),
                "status": "extra",
                "note": f"Only you marked this as {span.label}.",
                "explanation": f"{who.capitalize()} marks nothing here as {span.label}.",
                "confidence": NOT_RATED,
                "flag": "",
            }
        )
    order = {"missed": 0, "relabel": 1, "extra": 2, "partly": 3, "agree": 4}
    return sorted(rows, key=lambda r: (order[r["status"]], r["start"], r["end"]))


def passage_window(text: str, passage: str | None) -> tuple[int, int]:
    """Return where ``passage`` sits in ``text`` (the whole text when it is None)."""
    if passage is None:
        return (0, len(text))
    from sourcecrit.exercises.matching import occurrences

    found = occurrences(text, passage)
    if not found:
        raise AnnotatorError("the passage is not in the article: quote it word for word")
    return found[0]


def instructor_key(
    spans: Any, *, text: str, layer: str, window: tuple[int, int]
) -> list[dict[str, Any]]:
    """Return an instructor's key as reference spans, checked against the text and layer."""
    names = {x.name for x in layer_labels(layer)}
    rows = spans.to_dict(orient="records") if hasattr(spans, "to_dict") else list(spans)
    out = []
    for row in rows:
        item = dict(row) if isinstance(row, dict) else dict(zip(("start", "end", "label"), row))
        start, end, label = item.get("start"), item.get("end"), item.get("label")
        if not isinstance(start, int) or not isinstance(end, int) or label not in names:
            raise AnnotatorError(f"a key span must be (start, end, label) with a label of {layer}")
        if not window[0] <= start < end <= window[1]:
            raise AnnotatorError(f"key span {start}–{end} is outside the text or passage")
        out.append(
            {
                "start": start,
                "end": end,
                "label": label,
                "explanation": str(item.get("explanation") or "In the instructor's key."),
                "confidence": item.get("confidence"),
            }
        )
    return sorted(out, key=lambda s: (s["start"], s["end"]))


def short_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:8]


def reference_getter(
    analysis: Any, article: Any, layer: str, window: tuple[int, int], reference: Any
) -> tuple[Callable[[], list[dict[str, Any]]], str]:
    """Return a function giving the reference spans, and what to call the reference.

    The machine's reading is made only when first asked for (at the reveal), so showing
    the widget on an Article does not load the language model.
    """
    if isinstance(reference, str):
        if reference != "machine":
            raise AnnotatorError('reference must be "machine" or a list of (start, end, label)')
        made: list[Any] = [analysis]

        def machine() -> list[dict[str, Any]]:
            if made[0] is None:
                from sourcecrit.analysis import analyze

                made[0] = analyze(article)
            return machine_spans(made[0], layer, within=window)

        return machine, "the machine"
    key_spans = instructor_key(reference, text=article.text, layer=layer, window=window)
    return (lambda: key_spans), "the key"


def overall_f1(scores: dict[str, Any]) -> float | None:
    """Return the overall F1 in ``scores`` (an Agreement's ``to_dict()``), or None when it
    is not a finite number. Saved as the item ``agreement``, which the class overview
    (:mod:`sourcecrit.work.overview`) reads for each student's annotation agreement."""
    f1 = scores.get("f1")
    return float(f1) if isinstance(f1, (int, float)) and math.isfinite(f1) else None


def now() -> str:
    """Return the time now (UTC, ISO 8601, to the second)."""
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")


def annotated_source(source: Any) -> tuple[Any, Any, str]:
    """Return ``(analysis or None, article, text)`` of what an annotator is given.

    Raises:
        AnnotatorError: ``source`` is neither an Analysis nor an Article.
    """
    from sourcecrit.article import Article

    analysis = None if isinstance(source, Article) else source
    article = source if isinstance(source, Article) else getattr(source, "article", None)
    text = getattr(source, "text", None)
    if article is None or not isinstance(text, str):
        raise AnnotatorError(
            f"annotator needs an Analysis or an Article, not {type(source).__name__}"
        )
    return analysis, article, text
