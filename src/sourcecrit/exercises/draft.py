"""A first draft of an exercise, written from sourcecrit's own analysis of an article.

An instructor with a new article runs ``sourcecrit exercise new FOLDER --article FILE``:
the article is copied into the folder and ``exercise.yaml`` is drafted with questions
where sourcecrit found something to ask about: who a pronoun or description ("he", "the
minister") refers to, what kind of source that speaker is, which words hedge, boost or
hide a source in the sentences that have the most of them, and a reflection. The draft
says at the top that the machine wrote it: every answer must be checked by a person before
students see it, because the analysis can be wrong.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Any

import yaml

from sourcecrit.article import METADATA_KEYS, Article
from sourcecrit.exercises.loading import EXERCISE_FILE, load_exercise
from sourcecrit.exercises.model import SLUG, Exercise, ExerciseError

ARTICLE_FILE = "article.txt"
#: Source types offered as options, with the words students see.
SOURCE_LABELS = {
    "named_official": "A named official",
    "named_politician": "A named politician",
    "named_expert": "A named expert",
    "named_other": "Another named person",
    "organisation": "An organisation speaking as a body",
    "media": "A newspaper, broadcaster or journalist",
    "document": "A document",
    "anonymous": "An anonymous source",
    "vague_group": 'A vague group ("some experts")',
}
#: Options beside the right one, in this order of preference.
DISTRACTORS = ("named_official", "named_expert", "anonymous", "vague_group", "media")
FIND_KINDS = (
    (
        "hedge",
        "Which words make this sentence sound less certain?",
        "Look for modal verbs (may, could) and words of doubt.",
    ),
    (
        "booster",
        "Which words push the reader to accept the claim?",
        "Look for words that insist instead of giving evidence.",
    ),
    (
        "weasel",
        "Which words hide who holds the view, or how many do?",
        "Look for vague groups and amounts, or a passive with no one doing it.",
    ),
)
HEADER = """\
# DRAFT written by `sourcecrit exercise new` from sourcecrit's own analysis of the article.
# The machine can be wrong: check every passage, answer and explanation before students see
# it, delete what does not help, and add your own questions. Every drafted answer says
# `verified: false`: change it to true (or delete the line) once you have checked it;
# `sourcecrit exercise build` refuses to build while any remain. The format is described in
# src/sourcecrit/exercises/model.py; `sourcecrit exercise check` finds mistakes, and
# `sourcecrit exercise build` writes the student notebook.
"""


def draft_questions(analysis: Any) -> list[dict[str, Any]]:
    """Return question records (as in ``exercise.yaml``) drafted from ``analysis``."""
    questions: list[dict[str, Any]] = []
    who = _referring_attribution(analysis)
    if who is not None:
        sentence = _sentence_text(analysis, who["sentence"])
        source = who["source_text"]
        names = [who["speaker"], who["speaker"].split()[-1]]
        questions.append(
            {
                "id": "who-is-it",
                "type": "short",
                "prompt": f"In this sentence, who is “{source}”? Give the name.",
                "passage": sentence,
                "answer": list(dict.fromkeys(names)),
                "verified": False,
                "hint": "Read the sentences before this one: who was last named as speaking?",
                "explanation": f"“{source}” refers to {who['speaker']}, named earlier in the article.",
            }
        )
        if who["source_type"] in SOURCE_LABELS:
            questions.append(_source_type_question(who))
    for kind, prompt, hint in FIND_KINDS:
        found = _densest_sentence(analysis, kind)
        if found is None:
            continue
        sentence, cues = found
        questions.append(
            {
                "id": f"find-{kind}s",
                "type": "find",
                "prompt": prompt,
                "passage": sentence,
                "targets": list(dict.fromkeys(c["cue"] for c in cues)),
                "verified": False,
                "compare": kind,
                "hint": hint,
                "explanation": " ".join(dict.fromkeys(c["explanation"] for c in cues)),
            }
        )
    questions.append(
        {
            "id": "what-to-check",
            "type": "reflect",
            "prompt": "Which claim in this article would you check first, and how would you check it?",
            "answer": "Name the claim and its source, then read laterally: what do other outlets, "
            "and the people or bodies named, say about it?",
            "verified": False,
        }
    )
    return questions


def draft_yaml(analysis: Any, *, exercise_id: str, title: str) -> str:
    """Return the text of a drafted ``exercise.yaml`` for ``analysis``'s article."""
    data: dict[str, Any] = {"id": exercise_id, "title": title, "article": ARTICLE_FILE}
    credit = ", ".join(v for v in (analysis.article.outlet, analysis.article.date) if v)
    if credit:
        data["credit"] = credit
    data["intro"] = (
        "Work out who says what in this article, how sure they are, and what it says "
        "without naming a source."
    )
    data["questions"] = draft_questions(analysis)
    body = yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=92)
    return HEADER + body


def create_exercise(
    folder: str | os.PathLike[str],
    article: Article,
    *,
    exercise_id: str | None = None,
    title: str | None = None,
) -> Exercise:
    """Write ``folder/article.txt`` and a drafted ``folder/exercise.yaml``; return the exercise.

    Raises:
        ExerciseError: the folder already holds an exercise (nothing is overwritten), or the
            id is not lower case letters, digits, ``-`` and ``_``.
    """
    from sourcecrit.analysis import analyze

    target = Path(folder).expanduser()
    exercise_id = exercise_id or _slug(target.name)
    if not re.match(SLUG, exercise_id):
        raise ExerciseError(
            f"{exercise_id!r} cannot be an exercise id: use lower case letters, digits, - and _"
        )
    for name in (EXERCISE_FILE, ARTICLE_FILE):
        if (target / name).exists():
            raise ExerciseError(
                f"{target / name}: already exists; nothing was written (choose a new folder)"
            )
    analysis = analyze(article)
    text = draft_yaml(
        analysis,
        exercise_id=exercise_id,
        title=title or article.title or "What does this article tell us, and who says so?",
    )
    target.mkdir(parents=True, exist_ok=True)
    (target / ARTICLE_FILE).write_text(_article_file(article), encoding="utf-8")
    (target / EXERCISE_FILE).write_text(text, encoding="utf-8")
    # Loading checks the draft: one that does not load is a bug here, not the instructor's.
    return load_exercise(target)


# -- choosing what to ask ------------------------------------------------------------------


def _referring_attribution(analysis: Any) -> dict | None:
    """The first attribution whose source is a pronoun or a description of a named person."""
    for row in analysis.attributions.to_dict(orient="records"):
        source = (row.get("source_text") or "").strip()
        speaker = row.get("speaker")
        if not speaker or not source or row.get("source_type") not in SOURCE_LABELS:
            continue
        if speaker.lower() in source.lower() or speaker.split()[-1].lower() in source.lower():
            continue  # the name is right there: nothing to work out
        return row
    return None


def _source_type_question(row: dict) -> dict[str, Any]:
    from sourcecrit.attribution.lexicon import load_source_types

    right = row["source_type"]
    others = [k for k in DISTRACTORS if k != right][:3]
    options = [SOURCE_LABELS[k] for k in sorted([right, *others], key=list(SOURCE_LABELS).index)]
    return {
        "id": "kind-of-source",
        "type": "choice",
        "prompt": f"What kind of source is {row['speaker']}, as this article presents them?",
        "options": options,
        "answer": SOURCE_LABELS[right],
        "verified": False,
        "hint": "Look at the words the article uses to introduce them: a title, a job, a party?",
        "explanation": load_source_types()[right].description,
    }


def _densest_sentence(analysis: Any, kind: str) -> tuple[str, list[dict]] | None:
    """Return the sentence with the most cues of ``kind`` (the first on a tie), and its cues."""
    sentences = analysis.sentences
    counts = sentences[f"{kind}s"]  # the "hedges", "boosters" or "weasels" count
    if counts.empty or counts.max() == 0:
        return None
    best = sentences.loc[counts.idxmax()]
    hedges = analysis.hedges
    cues = hedges[(hedges["category"] == kind) & (hedges["sentence"] == best["sentence"])]
    return best["text"].strip(), cues.to_dict(orient="records")


def _sentence_text(analysis: Any, number: int) -> str:
    sentences = analysis.sentences
    return sentences.loc[sentences["sentence"] == number, "text"].iloc[0].strip()


def _article_file(article: Article) -> str:
    if article.header:
        return article.header + article.text
    lines = [
        f"{k} {article.metadata[k]}"
        for k in METADATA_KEYS
        if article.metadata.get(k) and "\n" not in article.metadata[k]
    ]
    return ("\n".join(lines) + "\n\n" if lines else "") + article.text


def _slug(name: str) -> str:
    return re.sub(r"[^a-z0-9_-]+", "-", name.lower()).strip("-") or "exercise"
