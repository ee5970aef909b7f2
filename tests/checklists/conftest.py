"""Fixtures for checklist tests: YAML files on disk and Analyses built from records.

``analysis_from`` builds a real :class:`sourcecrit.Analysis` (with ``doc=None``, as one
rebuilt from JSON is) from hand-written rows, to unit-test the arithmetic of the evidence
hints without the model. The flagship tests use the real ``sourcecrit.analyze``.
"""

from __future__ import annotations

import textwrap

import pytest

from sourcecrit import columns
from sourcecrit.analysis import Analysis
from sourcecrit.article import Article
from sourcecrit.frames import frame


def attribution(
    text: str,
    *,
    source: str | None,
    cue: str,
    content: str,
    source_type: str,
    speaker: str | None = None,
    kind: str = "indirect",
    **extra,
) -> dict:
    """Return an attributions row whose offsets are found in ``text`` (first occurrence)."""

    def where(part: str | None) -> tuple[int | None, int | None]:
        if part is None:
            return None, None
        start = text.index(part)
        return start, start + len(part)

    s, e = where(source)
    c, ce = where(cue)
    k, ke = where(content)
    return {
        "speaker": speaker if speaker is not None else source,
        "source_text": source,
        "source_start": s,
        "source_end": e,
        "cue": cue,
        "cue_start": c,
        "cue_end": ce,
        "content": content,
        "content_start": k,
        "content_end": ke,
        "kind": kind,
        "source_type": source_type,
        "sentence": 0,
        **extra,
    }


def sentence_rows(text: str) -> list[dict]:
    """Return Analysis.sentences rows, one per line-or-full-stop-ended sentence."""
    rows, pos = [], 0
    for para in text.split("\n\n"):
        start_para = text.index(para, pos)
        for piece in para.replace(". ", ".\0").split("\0"):
            if not piece.strip():
                continue
            start = text.index(piece, start_para)
            rows.append(
                {
                    "sentence": len(rows),
                    "start": start,
                    "end": start + len(piece),
                    "text": piece,
                    "hedges": 0,
                    "boosters": 0,
                    "weasels": 0,
                    "attributions": 0,
                    "certainty": "neutral",
                }
            )
            start_para = start + len(piece)
        pos = start_para
    return rows


def analysis_from(text: str, *, attributions=(), hedges=(), metadata=None, doc=None) -> Analysis:
    article = Article(text=text, metadata=dict(metadata or {}))
    return Analysis(
        article=article,
        doc=doc,
        attributions=frame(attributions, columns.ATTRIBUTIONS),
        sources=frame([], columns.SOURCES),
        hedges=frame(hedges, columns.HEDGES),
        sentences=frame(sentence_rows(text), columns.SENTENCES),
    )


@pytest.fixture
def write_yaml(tmp_path):
    """Write dedented YAML to a file in tmp_path and return its path."""

    def write(text: str, name: str = "checklist.yaml"):
        path = tmp_path / name
        path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
        return path

    return write


MINIMAL = """
id: mine
title: My checklist
credit: Our class
licence: CC0
scoring:
  rule: sum
  bands:
    - {id: low, label: Low, min: 0}
    - {id: high, label: High, min: 2}
items:
  - id: one
    question: Is the source named?
  - id: two
    question: Is the date clear?
    answer: rating
  - id: notes
    question: Notes?
    answer: text
"""


@pytest.fixture
def make_analysis():
    """``analysis_from(text, attributions=..., hedges=..., metadata=..., doc=...)``."""
    return analysis_from


@pytest.fixture
def make_attribution():
    """``attribution(text, source=..., cue=..., content=..., source_type=...)``."""
    return attribution


@pytest.fixture
def minimal_yaml():
    """A small valid checklist (sum rule, two scored items and one text item) as YAML."""
    return MINIMAL
