"""``sourcecrit checklist list | show NAME | validate PATH``: a thin layer over checklists.

Wired into ``sourcecrit.cli`` by :func:`add_checklist_parser`. Bad input prints one line
per problem on stderr (``file:line: key: message``) and returns exit status 2.
"""

from __future__ import annotations

import argparse
import json

from sourcecrit.checklists import (
    Checklist,
    ChecklistError,
    list_checklists,
    load_checklist,
    validate_checklist,
)
from sourcecrit.checklists.scoring import format_points
from sourcecrit.cli_exit import EXIT_BAD_INPUT, EXIT_OK, print_error

ANSWER_WORDS = {
    "move": "move: made it?, the link or note that shows it, what you found",
    "yes_no_unsure": "yes / no / not sure",
    "rating": "rating 1-5",
    "text": "free text",
}


def add_checklist_parser(subparsers: argparse._SubParsersAction) -> argparse.ArgumentParser:
    """Add the ``checklist`` command to the ``sourcecrit`` parser and return its parser."""
    parser = subparsers.add_parser(
        "checklist",
        help="list, show or validate source-reliability checklists",
        description="List the built-in checklists, show one, or validate your own YAML file.",
    )
    actions = parser.add_subparsers(dest="action", metavar="ACTION")
    actions.required = True
    actions.add_parser("list", help="list the built-in checklists")
    show = actions.add_parser("show", help="show a checklist's questions and scoring")
    show.add_argument("name", metavar="NAME|PATH", help="a built-in name or a .yaml file")
    show.add_argument("--json", action="store_true", help="print the checklist as JSON")
    validate = actions.add_parser("validate", help="check a checklist file; name each wrong line")
    validate.add_argument("path", metavar="PATH", help="the .yaml file to check")
    parser.set_defaults(run=run_checklist)
    return parser


def run_checklist(args: argparse.Namespace) -> int:
    """Run ``sourcecrit checklist ...``; return the exit status."""
    try:
        if args.action == "list":
            print(list_text(), end="")
            return EXIT_OK
        if args.action == "show":
            checklist = load_checklist(args.name)
            if args.json:
                print(json.dumps(checklist.model_dump(mode="json"), ensure_ascii=False, indent=2))
            else:
                print(show_text(checklist), end="")
            return EXIT_OK
        if args.action == "validate":
            problems = validate_checklist(args.path)
            for problem in problems:
                print_error(str(problem))
            if problems:
                return EXIT_BAD_INPUT
            checklist = load_checklist(args.path)
            print(
                f"{args.path}: valid checklist {checklist.id!r} with {len(checklist.items)} items"
            )
            return EXIT_OK
    except ChecklistError as exc:
        print_error(str(exc))
        return EXIT_BAD_INPUT
    raise ValueError(f"unknown checklist action {args.action!r}")  # argparse prevents this


def list_text() -> str:
    """Return one line per built-in checklist: name, items, scoring and title."""
    rows = []
    for name in list_checklists():
        c = load_checklist(name)
        rows.append((name, f"{len(c.items)} items", c.scoring.rule, c.title))
    width = max(len(r[0]) for r in rows)
    return "".join(f"{n:<{width}}  {i:>8}  {s:<8}  {t}\n" for n, i, s, t in rows)


def show_text(checklist: Checklist) -> str:
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
