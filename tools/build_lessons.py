"""Build the lesson notebooks in notebooks/ from their text sources in tools/lessons/.

Sources are jupytext "percent" scripts (``# %% [markdown]`` starts a markdown cell,
``# %%`` a code cell), read with jupytext itself. Notebooks are written without outputs,
with stable cell ids so that a rebuild of an unchanged source changes nothing.

    python tools/build_lessons.py          # write every notebook
    python tools/build_lessons.py --check  # exit 1 if a notebook is out of date
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import jupytext
import nbformat

REPO = Path(__file__).resolve().parents[1]
SOURCES = REPO / "tools" / "lessons"
NOTEBOOKS = REPO / "notebooks"

KERNELSPEC = {"name": "python3", "display_name": "Python 3", "language": "python"}


def notebook(source_path: Path) -> nbformat.NotebookNode:
    """Return the notebook built from one percent-format source, clean and with fixed ids."""
    nb = jupytext.read(source_path, fmt="py:percent")
    nb.metadata = nbformat.NotebookNode(
        kernelspec=KERNELSPEC, language_info={"name": "python"}
    )
    cells = []
    for cell in nb.cells:
        if not cell.source.strip():
            continue
        cell.metadata = nbformat.NotebookNode()
        if cell.cell_type == "code":
            cell.outputs = []
            cell.execution_count = None
        cells.append(cell)
    for i, cell in enumerate(cells):
        cell["id"] = f"{source_path.stem[:2]}-{i:02d}"
    nb.cells = cells
    nb.nbformat, nb.nbformat_minor = 4, 5
    return nb


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="only check, write nothing")
    args = parser.parse_args(argv)
    stale = []
    for source in sorted(SOURCES.glob("*.py")):
        target = NOTEBOOKS / f"{source.stem}.ipynb"
        text = nbformat.writes(notebook(source)) + "\n"
        if target.exists() and target.read_text(encoding="utf-8") == text:
            continue
        stale.append(target.name)
        if not args.check:
            target.write_text(text, encoding="utf-8")
            print(f"wrote {target.relative_to(REPO)}")
    if args.check and stale:
        print("out of date (run python tools/build_lessons.py): " + ", ".join(stale))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
