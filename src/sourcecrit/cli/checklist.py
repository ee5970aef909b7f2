"""``sourcecrit checklist list | show NAME | validate PATH``: parse and delegate to checklists.

Bad input prints one line per problem on stderr (``file:line: key: message``) and returns
exit status 2. Nothing here needs the spaCy model.
"""

from __future__ import annotations

import argparse
import json

from sourcecrit.cli.common import EXIT_BAD_INPUT, EXIT_OK, print_error


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the ``checklist`` command to the ``sourcecrit`` parser."""
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
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Run ``sourcecrit checklist ...``; return the exit status."""
    from sourcecrit.checklists.loading import load_checklist, validate_checklist
    from sourcecrit.checklists.text import checklist_index_text, checklist_text

    if args.action == "list":
        print(checklist_index_text(), end="")
        return EXIT_OK
    if args.action == "show":
        checklist = load_checklist(args.name)
        if args.json:
            print(json.dumps(checklist.model_dump(mode="json"), ensure_ascii=False, indent=2))
        else:
            print(checklist_text(checklist), end="")
        return EXIT_OK
    problems = validate_checklist(args.path)
    for problem in problems:
        print_error(str(problem))
    if problems:
        return EXIT_BAD_INPUT
    checklist = load_checklist(args.path)
    print(f"{args.path}: valid checklist {checklist.id!r} with {len(checklist.items)} items")
    return EXIT_OK
