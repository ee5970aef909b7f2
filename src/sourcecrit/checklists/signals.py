"""The evidence signals a checklist item can ask for, by name, and the hints for a checklist.

A checklist file names signals under an item's ``evidence:`` key; :data:`SIGNALS` is the
list of names it may use. Each signal is computed from an Analysis only (see
:mod:`sourcecrit.checklists.evidence`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any

from sourcecrit.checklists import metadata, sources, wording
from sourcecrit.checklists.evidence import Evidence
from sourcecrit.checklists.model import ChecklistModel


@dataclass(frozen=True)
class Signal:
    """A kind of evidence hint: its name, heading, and the function computing it."""

    name: str
    title: str
    compute: Callable[[Any], Evidence | None]
    needs_doc: bool = False


def _signal(module: Any, name: str, *, needs_doc: bool = False) -> Signal:
    return Signal(name, module.TITLES[name], getattr(module, name), needs_doc)


SIGNALS: dict[str, Signal] = {
    s.name: s
    for s in (
        _signal(sources, "source_mix"),
        _signal(sources, "lede"),
        _signal(sources, "single_mention_sources"),
        _signal(wording, "hedging"),
        _signal(wording, "narrator_voice"),
        _signal(metadata, "dates", needs_doc=True),
        _signal(metadata, "byline"),
    )
}


def unknown_signal_problems(checklist: ChecklistModel) -> list[tuple[tuple[str | int, ...], str]]:
    """Return a problem for each evidence signal an item names that does not exist."""
    problems: list[tuple[tuple[str | int, ...], str]] = []
    for i, item in enumerate(checklist.items):
        for name in item.evidence:
            if name not in SIGNALS:
                problems.append(
                    (
                        ("items", i, "evidence"),
                        f"unknown evidence signal {name!r}; use one of {', '.join(SIGNALS)}",
                    )
                )
    return problems


def evidence_for(checklist: ChecklistModel, analysis: Any) -> list[Evidence]:
    """Return the hints ``checklist``'s items ask for, each tagged with those items' ids."""
    out = []
    for name in checklist.signals:
        hint = SIGNALS[name].compute(analysis)
        if hint is None:
            continue
        items = tuple(item.id for item in checklist.items if name in item.evidence)
        out.append(replace(hint, items=items))
    return out
