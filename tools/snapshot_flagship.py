"""Write the flagship analysis snapshot that tests/test_flagship_snapshot.py compares against.

Run only when a change to the reading is intended, and say why in the commit:

    .venv/bin/python tools/snapshot_flagship.py
"""

from __future__ import annotations

import json
from pathlib import Path

from sourcecrit import analyze, load_article
from sourcecrit.resources import example_article_path

SNAPSHOT = Path(__file__).resolve().parents[1] / "tests" / "data" / "flagship_analysis.json"

#: The tables as they stood when the snapshot was taken; columns added later are not compared.
TABLES = ("sentences", "attributions", "sources", "hedges")


def flagship_tables() -> dict[str, list[dict]]:
    data = analyze(load_article(example_article_path())).to_dict()
    return {name: data[name] for name in TABLES}


if __name__ == "__main__":
    SNAPSHOT.write_text(
        json.dumps(flagship_tables(), ensure_ascii=False, indent=1, sort_keys=True) + "\n",
        encoding="utf-8",
    )
    print(f"wrote {SNAPSHOT}")
