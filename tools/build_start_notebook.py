"""Write notebooks/00-start-here.ipynb from the cells below (outputs stripped).

Lessons are kept as plain Python here so diffs stay readable; run this after editing.
"""

from pathlib import Path

import nbformat
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

CELLS = [
    (
        "md",
        """# Start here: who is speaking, and how sure are they?

Welcome to **sourcecrit**. In this short lesson you read one real news article with a
critical eye, helped by the computer.

You will see three things:

1. the article itself,
2. the **attributions**: who says what,
3. the **hedging**: words that make a claim softer (*may*, *could*) or stronger (*indeed*).

Run each cell with **Shift + Enter**.""",
    ),
    ("code", """import sourcecrit"""),
    (
        "md",
        """## The article

Our example is from the Russian newspaper *Izvestia*, 10 March 2024, about NATO soldiers
in Ukraine. `analyze` reads it once and keeps everything it finds.""",
    ),
    (
        "code",
        """analysis = sourcecrit.analyze(sourcecrit.example_article_path())
analysis""",
    ),
    (
        "md",
        """## Who says what?

Each row is one **attribution**: a *source* (who), a *cue* (the reporting word, such as
*said* or *according to*) and the *content* (what they said).

Ask yourself: which claims have a named source? Which have none?""",
    ),
    ("code", """analysis.attributions[["speaker", "cue", "kind", "content"]]"""),
    (
        "md",
        """## The sources

One row per source, with the other names the article uses for them (spellings change
inside this very article!).""",
    ),
    ("code", """analysis.sources"""),
    (
        "md",
        """## How sure is the text?

*Hedges* soften a claim, *boosters* make it sound certain, and *weasel* phrases hide who
is speaking. Each row explains what the word does.""",
    ),
    ("code", """analysis.hedges[["cue", "category", "explanation"]]"""),
    (
        "md",
        """## See it in the text

Colours mark sources, cues, quoted content and hedging. Hover over a mark to read why.""",
    ),
    (
        "code",
        """from sourcecrit.viz import highlight

highlight(analysis)""",
    ),
    (
        "md",
        """## Your turn

The first sentence of the article makes a strong claim. Who makes it? Is it attributed in
the same sentence, or only later? Write your answer in the cell below.""",
    ),
    ("code", """analysis.sentences[["sentence", "text", "attributions", "certainty"]].head(3)"""),
]


def build() -> nbformat.NotebookNode:
    nb = new_notebook()
    nb.metadata["kernelspec"] = {
        "name": "python3",
        "display_name": "Python 3",
        "language": "python",
    }
    nb.metadata["language_info"] = {"name": "python"}
    for kind, source in CELLS:
        nb.cells.append(new_markdown_cell(source) if kind == "md" else new_code_cell(source))
    for i, cell in enumerate(nb.cells):
        cell["id"] = f"start-{i:02d}"
    return nb


if __name__ == "__main__":
    out = Path(__file__).resolve().parents[1] / "notebooks" / "00-start-here.ipynb"
    nbformat.write(build(), out)
    print(f"wrote {out}")
