"""How fast the ``sourcecrit`` command answers (issue #10 targets), in fresh processes.

    python benchmarks/cli_speed.py                                   # start-up and cold analyze
    python benchmarks/cli_speed.py ../shared/data/polnear/dev/text   # + corpus --jobs 2 vs 1

Every figure is wall-clock seconds of a new process (what a user waits for), the median
of ``--rounds`` runs; the commands of one round run back to back (interleaved), so a
machine busy with other work slows all of them alike. Ratios are time ÷ time:

- ``cold analyze ÷ bare spaCy``: ``sourcecrit analyze`` on the flagship against a Python
  process that imports spaCy, loads the same model and parses the same text (lower is
  better; target ≤ 1.1). ``sourcecrit analyze`` runs Python's cyclic garbage collector less
  often (``sourcecrit.cli.common.collect_less_often``); the control ``÷ bare
  spaCy, same collector thresholds`` gives the bare process the same setting, so what is
  left is sourcecrit's own work;
- ``--jobs 1 ÷ --jobs 2``: corpus mode writing one CSV row per article (higher is better;
  target ≥ 1.6). As a control, the same ratio for bare spaCy (``nlp.pipe`` with
  ``n_process`` 1 and 2, same texts, fresh processes) shows how much parallelism the machine
  offered during the run: on a machine busy with other work neither can gain. CPU seconds
  (user + system, all processes) are printed beside.

The ``sourcecrit`` command is the console script next to this Python (set PYTHONPATH to try
a working copy's sources). Before timing, sourcecrit's modules are byte-compiled, as pip does
when it installs a wheel (an editable install run with ``PYTHONDONTWRITEBYTECODE=1``, as on
the project's machine, would otherwise compile every module from source in every process),
and each command runs once untimed, which also fills the parsed-data cache
(``sourcecrit.datacache``) the way a student's first analysis does. The first analysis with
an empty cache is timed on its own and printed.
"""

from __future__ import annotations

import argparse
import compileall
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from sourcecrit.cli.common import FEW_COLLECTIONS

REPO = Path(__file__).resolve().parents[1]
FLAGSHIP = REPO / "src" / "sourcecrit" / "data" / "articles" / "nato-in-ukraine.txt"
BARE_PIPE = (
    "import sys, spacy\n"
    "from pathlib import Path\n"
    "nlp = spacy.load(sys.argv[3])\n"
    "paths = sorted(p for p in Path(sys.argv[1]).rglob('*') if p.suffix in ('.txt', '.md'))\n"
    "texts = [p.read_text(encoding='utf-8') for p in paths]\n"
    "for doc in nlp.pipe(texts, n_process=int(sys.argv[2]), batch_size=4):\n"
    "    pass\n"
)
#: A process that uses nothing of sourcecrit: import spaCy, load the model, parse the text.
#: (Installed beside sourcecrit, spaCy imports its components while loading, through their
#: ``spacy_factories`` entry point: they import no pandas and load no data then.)
BARE_SPACY = (
    "import sys, spacy\n"
    "nlp = spacy.load(sys.argv[2])\n"
    "nlp(open(sys.argv[1], encoding='utf-8').read())\n"
)
#: A cold ``sourcecrit analyze`` in this process, printing the seconds spent in the cyclic
#: garbage collector; argv[2] "default" keeps Python's thresholds (700, 10, 10).
COLLECTOR_TIME = (
    "import gc, io, sys, time\n"
    "spent, began = [0.0], [0.0]\n"
    "def watch(phase, info):\n"
    "    if phase == 'start':\n"
    "        began[0] = time.perf_counter()\n"
    "    else:\n"
    "        spent[0] += time.perf_counter() - began[0]\n"
    "gc.callbacks.append(watch)\n"
    "from sourcecrit.cli.main import console_main, main\n"
    "out, sys.stdout = sys.stdout, io.StringIO()\n"
    "setting, sys.argv = sys.argv[2], ['sourcecrit', 'analyze', sys.argv[1]]\n"
    "main(sys.argv[1:]) if setting == 'default' else console_main()\n"
    "sys.stdout = out\n"
    "print(spent[0])\n"
)
#: The same, with the collector thresholds ``sourcecrit analyze`` uses.
BARE_SPACY_FEW = "import gc\ngc.set_threshold(*{})\n" + BARE_SPACY


def model_name() -> str:
    """Return the English model sourcecrit would load (DESIGN.md's resolution order)."""
    import importlib.util

    from sourcecrit.pipeline import model_candidates

    for name in model_candidates():
        if importlib.util.find_spec(name) is not None:
            return name
    raise SystemExit(f"none of {model_candidates()} is installed")


def sourcecrit_command() -> list[str]:
    script = Path(sys.executable).with_name("sourcecrit")
    return [str(script)] if script.exists() else [shutil.which("sourcecrit") or "sourcecrit"]


def timed(command: list[str], env: dict[str, str] | None = None) -> tuple[float, float]:
    """Run ``command`` (with ``env`` added); return (wall seconds, CPU seconds of it)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(
        command,
        check=False,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        cwd=REPO,
        env={**os.environ, **(env or {})},
    )
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def collector_seconds(setting: str) -> float:
    """Return the seconds a cold ``sourcecrit analyze`` of the flagship spends collecting."""
    command = [sys.executable, "-c", COLLECTOR_TIME, str(FLAGSHIP), setting]
    out = subprocess.run(command, check=True, capture_output=True, text=True, cwd=REPO).stdout
    return float(out.split()[-1])


def medians(commands: dict[str, list[str]], rounds: int) -> dict[str, tuple[float, float]]:
    runs: dict[str, list[tuple[float, float]]] = {name: [] for name in commands}
    for _ in range(rounds):
        for name, command in commands.items():
            runs[name].append(timed(command))
    return {
        name: (statistics.median(w for w, _ in r), statistics.median(c for _, c in r))
        for name, r in runs.items()
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", nargs="?", type=Path, help="folder of articles for --jobs")
    parser.add_argument("--rounds", type=int, default=5, help="runs per command (default 5)")
    parser.add_argument(
        "--corpus-rounds", type=int, default=1, help="runs per corpus command (default 1)"
    )
    args = parser.parse_args(argv)
    cli = sourcecrit_command()
    print(f"machine: {os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f} at start")
    print(f"median of {args.rounds} fresh processes, wall-clock seconds\n")

    quick = {
        "sourcecrit --help": [*cli, "--help"],
        "sourcecrit checklist list": [*cli, "checklist", "list"],
        "sourcecrit exercise check exercises/nato-in-ukraine": [
            *cli,
            "exercise",
            "check",
            "exercises/nato-in-ukraine",
        ],
        "sourcecrit analyze (flagship, cold)": [*cli, "analyze", str(FLAGSHIP)],
        "bare spaCy process, same text": [
            sys.executable,
            "-c",
            BARE_SPACY,
            str(FLAGSHIP),
            model_name(),
        ],
        "bare spaCy, same collector thresholds": [
            sys.executable,
            "-c",
            BARE_SPACY_FEW.format(FEW_COLLECTIONS),
            str(FLAGSHIP),
            model_name(),
        ],
    }
    targets = {"sourcecrit --help": 0.3, "sourcecrit exercise check exercises/nato-in-ukraine": 1.0}
    import sourcecrit

    compileall.compile_dir(str(Path(sourcecrit.__file__).parent), quiet=1)
    medians(quick, 1)  # warm-up: bytecode, file cache, parsed-data cache
    with tempfile.TemporaryDirectory() as empty:
        first, _ = timed(
            quick["sourcecrit analyze (flagship, cold)"], env={"SOURCECRIT_CACHE_DIR": empty}
        )
    result = medians(quick, args.rounds)
    for name, (wall, cpu) in result.items():
        target = f"  (target ≤ {targets[name]} s)" if name in targets else ""
        print(f"{name:<55} {wall:6.2f} s  ({cpu:.2f} CPU s){target}")
    ratio = (
        result["sourcecrit analyze (flagship, cold)"][0]
        / result["bare spaCy process, same text"][0]
    )
    cpu_ratio = (
        result["sourcecrit analyze (flagship, cold)"][1]
        / result["bare spaCy process, same text"][1]
    )
    print(f"{'cold analyze ÷ bare spaCy (lower is better)':<55} {ratio:6.2f}    (target ≤ 1.1)")
    print(f"{'  the same in CPU seconds':<55} {cpu_ratio:6.2f}")
    control = (
        result["sourcecrit analyze (flagship, cold)"][0]
        / result["bare spaCy, same collector thresholds"][0]
    )
    print(f"{'control: ÷ bare spaCy, same collector thresholds':<55} {control:6.2f}")
    print(f"{'first analyze, empty parsed-data cache (one run)':<55} {first:6.2f} s")
    for setting in ("default", "sourcecrit's"):
        spent = statistics.median(collector_seconds(setting) for _ in range(args.rounds))
        label = f"  in the garbage collector, {setting} thresholds"
        print(f"{label:<55} {spent:6.2f} s")

    if args.corpus:
        n = sum(1 for p in args.corpus.rglob("*") if p.suffix in (".txt", ".md", ".html"))
        print(f"\ncorpus mode on {args.corpus} ({n} articles), median of {args.corpus_rounds}")
        with tempfile.TemporaryDirectory() as scratch:
            corpus = {
                f"--jobs {jobs}": [
                    *cli,
                    "analyze",
                    str(args.corpus),
                    "--format",
                    "csv",
                    "-o",
                    str(Path(scratch) / f"jobs{jobs}.csv"),
                    "--jobs",
                    str(jobs),
                ]
                for jobs in (1, 2)
            }
            for jobs in (1, 2):
                corpus[f"bare spaCy n_process={jobs}"] = [
                    sys.executable,
                    "-c",
                    BARE_PIPE,
                    str(args.corpus),
                    str(jobs),
                    model_name(),
                ]
            times = medians(corpus, args.corpus_rounds)
        for name, (wall, cpu) in times.items():
            label = name if name.startswith("bare") else f"sourcecrit analyze DIR -f csv {name}"
            print(f"{label:<55} {wall:6.2f} s  ({cpu:.1f} CPU s)")
        speedup = times["--jobs 1"][0] / times["--jobs 2"][0]
        control = times["bare spaCy n_process=1"][0] / times["bare spaCy n_process=2"][0]
        print(f"{'--jobs 1 ÷ --jobs 2 (higher is better)':<55} {speedup:6.2f}    (target ≥ 1.6)")
        print(f"{'control: bare spaCy n_process 1 ÷ 2':<55} {control:6.2f}")
    print(f"\nload average {os.getloadavg()[0]:.1f} at the end")
    return 0


if __name__ == "__main__":
    sys.exit(main())
