"""Plain-text views of checklists, for ``sourcecrit checklist list`` and ``show``."""

from __future__ import annotations

from sourcecrit.checklists.loading import list_checklists, load_checklist
from sourcecrit.checklists.model import Checklist
from sourcecrit.checklists.scoring import format_points

#: How each answer kind reads to a student.
ANSWER_WORDS = {"yes_no_unsure": "yes / no / not sure", "rating": "rating 1-5", "text": "free text"}


def checklist_index_text() -> str:
    """Return one line per built-in checklist: name, items, scoring and title."""
    rows = []
    for name in list_checklists():
        c = load_checklist(name)
        rows.append((name, f"{len(c.items)} items", c.scoring.rule, c.title))
    width = max(len(r[0]) for r in rows)
    return "".join(f"{n:<{width}}  {i:>8}  {s:<8}  {t}\n" for n, i, s, t in rows)


def checklist_text(checklist: Checklist) -> str:
    """Return a checklist as plain text: title, intro, questions, scoring and credit."""
    lines = [checklist.title, "=" * len(checklist.title), ""]
    if checklist.intro:
        lines += [checklist.intro, ""]
    section = None
    for n, item in enumerate(checklist.items, start=1):
        if item.section and item.section != section:
            section = item.section
            lines += [f"{section}:"]
        detail = ANSWER_WORDS[item.answer]
        if checklist.weighted and item.scored:
            detail += f", {format_points(item.weight)} points"
        if item.evidence:
            detail += f"; evidence: {', '.join(item.evidence)}"
        lines.append(f"  {n}. [{item.id}] {item.question} ({detail})")
        if item.help:
            lines.append(f"     {item.help}")
    lines.append("")
    if checklist.scoring.rule == "none":
        lines.append("Scoring: none (a thinking aid)")
    else:
        lines.append(
            f"Scoring: {checklist.scoring.rule}, out of {format_points(checklist.max_points or 0)}"
        )
        for band in checklist.scoring.bands:
            lines.append(f"  from {format_points(band.min)}: {band.label}")
    lines += [
        "",
        f"Adapted from: {checklist.credit}",
        f"Licence of the original: {checklist.licence}",
    ]
    if checklist.url:
        lines.append(f"Original: {checklist.url}")
    return "\n".join(lines) + "\n"
