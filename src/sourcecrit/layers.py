"""The annotation layers students mark, and the machine's reading of each as labelled spans.

Two layers, each with three labels, follow the Analysis tables (DESIGN.md, "Contracts"):

- ``certainty``: ``hedge``, ``booster``, ``weasel`` (rows of ``Analysis.hedges``);
- ``attribution``: ``source``, ``cue``, ``content`` (the three spans of each row of
  ``Analysis.attributions``).

The labels are the vocabulary of those tables, not an open word list, so they live here
rather than in a data file. :func:`machine_spans` turns an Analysis into the spans
:func:`sourcecrit.span_agreement.agreement` compares, each with the explanation a student reads
and the machine's confidence (``None`` while the table has no ``confidence`` column).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

from sourcecrit.errors import AgreementError


@dataclass(frozen=True)
class Label:
    """One label of a layer: its name, the number key that picks it, and a one-line help."""

    name: str
    key: str
    help: str


LAYERS: dict[str, tuple[Label, ...]] = {
    "certainty": (
        Label("hedge", "1", "makes a claim less certain (may, could, reportedly)"),
        Label("booster", "2", "makes a claim sound more certain (indeed, clearly, believe me)"),
        Label("weasel", "3", "hides who or how many (some experts, it is said)"),
    ),
    "attribution": (
        Label("source", "1", "who is speaking (a name, a role, 'officials')"),
        Label("cue", "2", "the words that report speech (said, told, according to)"),
        Label("content", "3", "what the source is reported to have said"),
    ),
}


def layer_labels(layer: str) -> tuple[Label, ...]:
    """Return the labels of ``layer``.

    Raises:
        AgreementError: ``layer`` is not ``certainty`` or ``attribution``.
    """
    if layer not in LAYERS:
        raise AgreementError(
            f"there is no layer {layer!r}; choose one of: {', '.join(sorted(LAYERS))}"
        )
    return LAYERS[layer]


def machine_spans(
    analysis: Any, layer: str, *, within: tuple[int, int] | None = None
) -> list[dict[str, Any]]:
    """Return the machine's spans of ``layer`` in ``analysis``, in text order.

    Args:
        analysis: an :class:`~sourcecrit.analysis.Analysis`.
        layer: ``certainty`` or ``attribution``.
        within: keep only spans overlapping ``(start, end)``, cut to it (a passage).

    Each span is a dict with ``start``, ``end``, ``label``, ``explanation`` (plain text)
    and ``confidence`` (``high``/``medium``/``low``, or None when not rated). A stretch
    that several attributions share (one speaker quoted twice) is listed once.
    """
    layer_labels(layer)
    found: dict[tuple[int, int, str], dict[str, Any]] = {}
    if layer == "certainty":
        for row in analysis.hedges.to_dict(orient="records"):
            _add(found, row["start"], row["end"], row["category"], row, within)
    else:
        for row in analysis.attributions.to_dict(orient="records"):
            for label in ("source", "cue", "content"):
                _add(found, row.get(f"{label}_start"), row.get(f"{label}_end"), label, row, within)
    return sorted(found.values(), key=lambda s: (s["start"], s["end"], s["label"]))


def _add(
    found: dict[tuple[int, int, str], dict[str, Any]],
    start: Any,
    end: Any,
    label: str,
    row: dict[str, Any],
    within: tuple[int, int] | None,
) -> None:
    if _missing(start) or _missing(end):
        return  # an attribution with no source span (an unnamed speaker)
    start, end = int(start), int(end)
    if within is not None:
        start, end = max(start, within[0]), min(end, within[1])
    if start >= end:
        return
    key = (start, end, label)
    if key not in found:
        found[key] = {
            "start": start,
            "end": end,
            "label": label,
            "explanation": _explanation(label, row),
            "confidence": None if _missing(row.get("confidence")) else str(row["confidence"]),
        }


def _explanation(label: str, row: dict[str, Any]) -> str:
    if "category" in row and "cue_start" not in row:  # a certainty cue
        return str(row.get("explanation") or "")
    speaker = row.get("speaker") or row.get("source_text") or "an unnamed source"
    kind = row.get("kind") or "reported"
    if label == "source":
        evidence = row.get("source_evidence")
        return f"The speaker of a {kind} quotation." + (f" {evidence}" if evidence else "")
    if label == "cue":
        return str(row.get("cue_explanation") or f"Reports what {speaker} said.")
    return f"What {speaker} is reported to have said ({kind} speech)."


def _missing(value: Any) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value))
