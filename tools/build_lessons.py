"""Build the lesson notebooks in notebooks/ from their text sources in tools/lessons/.

Also writes notebooks/glossary.md from the course glossary (src/sourcecrit/data/course/
glossary.yaml), which every lesson links to.

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
import yaml

REPO = Path(__file__).resolve().parents[1]
SOURCES = REPO / "tools" / "lessons"
NOTEBOOKS = REPO / "notebooks"
GLOSSARY = REPO / "src" / "sourcecrit" / "data" / "course" / "glossary.yaml"

KERNELSPEC = {"name": "python3", "display_name": "Python 3", "language": "python"}


def notebook(source_path: Path) -> nbformat.NotebookNode:
    """Return the notebook built from one percent-format source, clean and with fixed ids."""
    nb = jupytext.read(source_path, fmt="py:percent")
    nb.metadata = nbformat.NotebookNode(kernelspec=KERNELSPEC, language_info={"name": "python"})
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


def glossary_markdown() -> str:
    """Return the glossary page the lessons link to, built from the course glossary data."""
    terms = yaml.safe_load(GLOSSARY.read_text(encoding="utf-8"))["terms"]
    lines = ["# Glossary", "", "The words the lessons use, in plain language.", ""]
    for term in sorted(terms, key=lambda t: t["term"].lower()):
        lines += [
            f"**{term['term']}**: {term['definition']}",
            "",
            f"*Example:* {term['example']}",
            "",
        ]
    return "\n".join(lines)


def outputs() -> dict[Path, str]:
    """Return every file this script writes, with its text."""
    out = {
        NOTEBOOKS / f"{s.stem}.ipynb": nbformat.writes(notebook(s)) + "\n"
        for s in sorted(SOURCES.glob("*.py"))
    }
    out[NOTEBOOKS / "glossary.md"] = glossary_markdown()
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="only check, write nothing")
    args = parser.parse_args(argv)
    stale = []
    if not args.check:
        NOTEBOOKS.mkdir(exist_ok=True)
    for target, text in outputs().items():
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
