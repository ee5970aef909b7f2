"""``sourcecrit work export | import``: a learner's work file, out of and into the store.

Both use the same progress folder as the widgets: ``--progress-dir``, else
``$SOURCECRIT_PROGRESS_DIR``, else ``~/.sourcecrit/progress``.
"""

from __future__ import annotations

import argparse

from sourcecrit.cli.common import EXIT_BAD_INPUT, EXIT_OK, print_error

PROGRESS_HELP = "where answers are saved (default $SOURCECRIT_PROGRESS_DIR or ~/.sourcecrit/progress)"


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the ``work`` command to the ``sourcecrit`` parser."""
    parser = subparsers.add_parser(
        "work",
        help="export a learner's work file to hand in, or import one",
        description="Write everything one learner did to one work file, or merge one back in.",
    )
    actions = parser.add_subparsers(dest="action", metavar="ACTION")
    actions.required = True
    export = actions.add_parser("export", help="write a learner's work file")
    export.add_argument(
        "--learner", help="whose work (default $SOURCECRIT_LEARNER, or the only learner saved)"
    )
    export.add_argument("-o", "--output", required=True, metavar="FILE", help="the work file")
    export.add_argument("--progress-dir", metavar="DIR", help=PROGRESS_HELP)
    imp = actions.add_parser("import", help="merge a work file into the saved answers")
    imp.add_argument("file", metavar="FILE", help="a work file")
    imp.add_argument("--progress-dir", metavar="DIR", help=PROGRESS_HELP)
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Run ``sourcecrit work ...``; return the exit status."""
    from sourcecrit.progress import ProgressStore
    from sourcecrit.work import current_learner, export_work, import_work

    store = ProgressStore(args.progress_dir)
    if args.action == "import":
        report = import_work(args.file, store=store)
        print(f"imported {args.file}: {report}")
        return EXIT_OK
    learner = args.learner or current_learner()
    if not learner:
        found = store.learners()
        if len(found) != 1:
            names = ", ".join(found) or "none"
            print_error(
                f"say whose work to export with --learner (learners in {store.directory}: {names})"
            )
            return EXIT_BAD_INPUT
        learner = found[0]
    path = export_work(learner, args.output, store=store)
    print(f"wrote {path} ({learner})")
    return EXIT_OK
