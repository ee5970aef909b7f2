"""Many articles at once: a term's worth from two outlets, one summary row per article.

``sourcecrit analyze DIR_OR_FILES... --format csv`` runs on this module. Articles are read
one by one; one that cannot be read (missing, empty, binary, too large, wrong encoding) is
reported to ``on_error`` and skipped, and the batch goes on. With ``jobs`` above 1, each of
``jobs`` worker processes reads, parses *and* analyses whole articles and sends back only
the Analysis (without its Doc): spaCy's own ``n_process`` sends every parsed Doc back to
this process, whose serialising and analysing then leaves the second core idle (1.37x
faster with two processes, against 1.6x and more this way; see README, Performance).

::

    from sourcecrit.corpus import article_paths, analyze_corpus, summary_row
    for source, analysis in analyze_corpus(article_paths(["outlet-a/", "outlet-b/"]), jobs=2):
        print(summary_row(source, analysis))
"""

from __future__ import annotations

import csv
import json
import multiprocessing
import os
import pickle
import re
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from sourcecrit.errors import ArticleNotFoundError, ArticleReadError, SourcecritError

if TYPE_CHECKING:
    from spacy.language import Language

    from sourcecrit.analysis import Analysis
    from sourcecrit.article import Article

#: File endings read from a folder (others, like notes or images, are left alone).
ARTICLE_SUFFIXES = (".txt", ".md", ".html", ".htm")

_SUFFIX_WORDS = ", ".join(ARTICLE_SUFFIXES[:-1]) + " or " + ARTICLE_SUFFIXES[-1]

#: Columns of one summary row, in order: where the article came from, then its counts.
SUMMARY_COLUMNS = (
    "path",
    "article",
    "date",
    "words",
    "sentences",
    "attributions",
    "sources",
    "hedges",
    "boosters",
    "weasels",
    "warnings",
)

Source = str | Path
ErrorHandler = Callable[[Source, Exception], None]


def article_paths(sources: Iterable[str | os.PathLike[str]]) -> list[Source]:
    """Return the articles named by ``sources``: files and URLs as given, folders expanded.

    A folder gives every ``.txt``, ``.md`` and ``.html`` file under it (at any depth), in
    sorted order; hidden files and folders are skipped. A URL stays a ``str``; anything
    else becomes a :class:`~pathlib.Path` (a missing one is reported when it is read).
    """
    found: list[Source] = []
    for source in sources:
        text = os.fspath(source)
        if text.lower().startswith(("http://", "https://")):
            found.append(text)
            continue
        path = Path(text)
        if not path.is_dir():
            found.append(path)
            continue
        inside = sorted(
            p
            for p in path.rglob("*")
            if p.suffix.lower() in ARTICLE_SUFFIXES
            and p.is_file()
            and not any(part.startswith(".") for part in p.relative_to(path).parts)
        )
        if not inside:
            # The folder itself: reported like an unreadable article when it is read, so
            # the rest of the batch goes on.
            found.append(path)
        found.extend(inside)
    return found


def analyze_corpus(
    sources: Iterable[Source],
    *,
    jobs: int = 1,
    encoding: str | None = None,
    max_chars: int | None = None,
    on_error: ErrorHandler | None = None,
    nlp: Language | None = None,
) -> Iterator[tuple[Source, Analysis]]:
    """Yield ``(source, Analysis)`` for every article that can be read, in input order.

    Args:
        sources: paths and URLs (see :func:`article_paths` for folders).
        jobs: worker processes, each analysing whole articles (1: all in this process).
            With more than one, each Analysis comes back without its Doc (``doc`` is None,
            as for an Analysis read from JSON).
        encoding: text encoding of files that are not UTF-8.
        max_chars: size limit per article in characters.
        on_error: called with ``(source, error)`` for each article that cannot be read;
            without it the first such error is raised.
        nlp: a pipeline to use instead of :func:`sourcecrit.pipeline.get_nlp`.
    """
    if jobs > 1 and (nlp is None or _FORK):
        yield from _analyses_in_workers(
            sources, jobs=jobs, encoding=encoding, max_chars=max_chars, on_error=on_error, nlp=nlp
        )
        return
    from sourcecrit.analysis import analyze_many

    pending: deque[Source] = deque()

    def readable() -> Iterator[Article]:
        for source in sources:
            article = _read(source, encoding=encoding, max_chars=max_chars, on_error=on_error)
            if article is not None:
                pending.append(source)
                yield article

    # Small batches with several processes (a given ``nlp`` where processes cannot fork):
    # 84 articles in batches of 16 give one worker 48 and the other 36.
    batch_size = 4 if jobs > 1 else 16
    for analysis in analyze_many(readable(), n_process=jobs, batch_size=batch_size, nlp=nlp):
        yield pending.popleft(), analysis


#: Workers start by forking where the platform can (Linux): they share the loaded model
#: instead of loading it again. Elsewhere they are spawned and each loads it once.
_FORK = "fork" in multiprocessing.get_all_start_methods()
#: The pipeline a worker process uses (set before forking, or by the spawn initialiser).
_worker_nlp: Language | None = None


def _analyses_in_workers(
    sources: Iterable[Source],
    *,
    jobs: int,
    encoding: str | None,
    max_chars: int | None,
    on_error: ErrorHandler | None,
    nlp: Language | None,
) -> Iterator[tuple[Source, Analysis]]:
    """Yield what :func:`analyze_corpus` yields, from ``jobs`` worker processes, in order."""
    global _worker_nlp
    context: multiprocessing.context.BaseContext
    if _FORK:
        from sourcecrit.pipeline import get_nlp

        _worker_nlp = nlp or get_nlp()
        context = multiprocessing.get_context("fork")
        initializer = None
    else:
        context = multiprocessing.get_context("spawn")
        initializer = _load_worker_nlp
    items = list(sources)
    tasks = ((i, source, encoding, max_chars) for i, source in enumerate(items))
    with context.Pool(jobs, initializer=initializer) as pool:
        # One article per task: articles differ a lot in length, so the workers stay busy
        # until the end; imap keeps the input order.
        for index, analysis, error in pool.imap(_analysis_in_worker, tasks, chunksize=1):
            source = items[index]
            if error is not None:
                if on_error is None:
                    raise error
                on_error(source, error)
            elif analysis is not None:
                yield source, analysis


def _load_worker_nlp() -> None:
    global _worker_nlp
    from sourcecrit.pipeline import get_nlp

    _worker_nlp = get_nlp()


def _analysis_in_worker(
    task: tuple[int, Source, str | None, int | None],
) -> tuple[int, Analysis | None, Exception | None]:
    """Read, parse and analyse one article in a worker; return it without its Doc."""
    from sourcecrit.analysis import Analysis
    from sourcecrit.pipeline import parse

    index, source, encoding, max_chars = task
    try:
        article = _read(source, encoding=encoding, max_chars=max_chars, on_error=None)
    except (SourcecritError, OSError, ValueError) as exc:
        return index, None, _sendable(exc)
    assert article is not None and _worker_nlp is not None
    analysis = Analysis.from_doc(article, parse(_worker_nlp, article.text, progress=False))
    analysis.doc = None  # a Doc is costly to send between processes; nothing here reads it
    return index, analysis, None


def _sendable(exc: Exception) -> Exception:
    """Return ``exc``, or an ArticleReadError with its message when it cannot be pickled."""
    try:
        pickle.loads(pickle.dumps(exc))
    except Exception:
        return ArticleReadError(str(exc))
    return exc


def summary_row(source: Source, analysis: Analysis) -> dict[str, Any]:
    """Return the summary row of one article: ``path`` then :meth:`Analysis.summary`."""
    row = {"path": str(source), **analysis.summary()}
    return {column: row.get(column) for column in SUMMARY_COLUMNS}


def _read(
    source: Source,
    *,
    encoding: str | None,
    max_chars: int | None,
    on_error: ErrorHandler | None,
) -> Article | None:
    from sourcecrit.article import load_article

    try:
        if isinstance(source, Path) and source.is_dir():
            raise ArticleNotFoundError(f"{source}: a folder with no {_SUFFIX_WORDS} files")
        if isinstance(source, Path) and not source.exists():
            raise ArticleNotFoundError(f"{source}: no such file")
        return load_article(source, encoding=encoding, max_chars=max_chars)
    except (SourcecritError, OSError, ValueError) as exc:
        # OSError and ValueError: what reading a file can still raise beyond the family
        # (a folder without permission, an undecodable name); one article, not the batch.
        if on_error is None:
            raise
        on_error(source, exc)
        return None


def row_writer(file: TextIO, *, fmt: str) -> Callable[[dict[str, Any]], None]:
    """Return a function writing one summary row to ``file`` as CSV (header first) or JSONL.

    Each row is flushed as it is written, so an interrupted batch keeps its finished rows.
    """
    if fmt == "jsonl":

        def write_json(row: dict[str, Any]) -> None:
            file.write(json.dumps(row, ensure_ascii=False) + "\n")
            file.flush()

        return write_json
    if fmt != "csv":
        raise ValueError(f"row format must be csv or jsonl, not {fmt!r}")
    writer = csv.DictWriter(file, fieldnames=SUMMARY_COLUMNS, lineterminator="\n")
    writer.writeheader()

    def write_csv(row: dict[str, Any]) -> None:
        writer.writerow(row)
        file.flush()

    return write_csv


def json_path(folder: Path, source: Source, *, taken: set[str]) -> Path:
    """Return a new ``folder/<name>.json`` for ``source``'s analysis (``-2``, ``-3`` on clashes)."""
    stem = re.sub(r"[^\w.-]+", "-", Path(str(source).rstrip("/")).stem).strip("-.") or "article"
    name, n = stem, 1
    while name.casefold() in taken:
        n += 1
        name = f"{stem}-{n}"
    taken.add(name.casefold())
    return folder / f"{name}.json"
