"""No module changes global state on import (#9): importing all of sourcecrit leaves altair's
renderer, spaCy's Doc extensions, warning filters, logging and the environment as they were.

Run in a fresh interpreter, because this test session has long since imported everything.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src"

PROBE = r"""
import json, logging, os, pkgutil, warnings, importlib
import altair as alt
from spacy.tokens import Doc, Span, Token

def state():
    return {
        "renderer": alt.renderers.active,
        "extensions": sorted(
            n for cls in (Doc, Span, Token) for n in dir(cls._) if n.startswith("sc_")
        ),
        "warning_filters": len(warnings.filters),
        "root_handlers": len(logging.getLogger().handlers),
        "root_level": logging.getLogger().level,
        "environ": sorted(os.environ.items()),
    }

before = state()
import sourcecrit
names = [i.name for i in pkgutil.walk_packages(sourcecrit.__path__, "sourcecrit.")]
for name in names:
    importlib.import_module(name)
after = state()
import sourcecrit.viz.charts as charts
print(json.dumps({"before": before, "after": after, "modules": len(names),
                  "switched": charts.use_offline_renderer()}))
"""


def test_importing_every_module_changes_no_global_state():
    env = {**os.environ, "PYTHONPATH": str(SRC)}
    out = subprocess.run(
        [sys.executable, "-c", PROBE], env=env, capture_output=True, text=True, check=True
    ).stdout
    result = json.loads(out.strip().splitlines()[-1])
    assert result["modules"] > 30
    assert result["after"] == result["before"]
    assert result["before"]["renderer"] == "default"
    # The explicit call is what switches altair to JupyterLab's own renderer.
    assert result["switched"] == "mimetype"
