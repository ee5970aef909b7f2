"""Exercise fixtures: the real flagship exercise, and scratch exercise folders on disk."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from sourcecrit.exercises import load_exercise

REPO = Path(__file__).resolve().parents[2]
FLAGSHIP_DIR = REPO / "exercises" / "nato-in-ukraine"

ARTICLE = """date 2024-03-10

Retired NATO Colonel José Antonio Alcaide told Izvestia that NATO soldiers are “indeed”
present. He added that the military could be there as instructors. He also expressed doubt
that they fight.

However, recently in the West there have been increasingly frequent statements about cuts.
"""


@pytest.fixture(scope="session")
def flagship_exercise():
    return load_exercise(FLAGSHIP_DIR)


@pytest.fixture
def write_exercise(tmp_path):
    """Return a function writing ``exercise.yaml`` (dedented) and an article; it returns the folder."""

    def write(yaml_text: str, *, article: str | bytes = ARTICLE, name: str = "ex") -> Path:
        folder = tmp_path / name
        folder.mkdir(exist_ok=True)
        (folder / "exercise.yaml").write_text(textwrap.dedent(yaml_text), encoding="utf-8")
        if isinstance(article, bytes):
            (folder / "article.txt").write_bytes(article)
        else:
            (folder / "article.txt").write_text(article, encoding="utf-8")
        return folder

    return write


SMALL = """\
id: small
title: A small exercise
questions:
  - id: who
    type: short
    prompt: Who told Izvestia?
    passage: Retired NATO Colonel José Antonio Alcaide told Izvestia
    answer: [Alcaide, José Antonio Alcaide]
    hint: Look for "told".
    explanation: He is the source.
  - id: kind
    type: choice
    prompt: What kind of source is he?
    options: [An expert, An anonymous source]
    answer: An expert
    hint: Is he named?
    explanation: Named, retired, speaking for himself.
  - id: hedges
    type: find
    prompt: Which words hedge?
    passage: >-
      He added that the military could be there as instructors. He also expressed doubt
      that they fight.
    targets: [could, expressed doubt]
    hint: A modal verb, and a phrase about doubt.
    explanation: Both soften the claim.
  - id: think
    type: reflect
    prompt: What would you check?
    answer: Read laterally.
"""
