"""Schemas of the lexicon files (``data/cues.yaml``, ``data/hedges.yaml``) for the one validator.

Each file is run through :func:`sourcecrit.yamlfile.validated_file` (or
:func:`~sourcecrit.yamlfile.validated_yaml`), so that every problem in it is reported at
once with its file, line and key::

    validated_file(path, CueLexiconFile, error=LexiconError)

:class:`CueLexiconFile` is the only check of ``cues.yaml``: the run-time loader
(:func:`sourcecrit.attribution.lexicon.load_cues`) validates with it and builds its
records from the result. The rules: allowed keys, categories, scopes, conditions, a
one-line explanation per record, no id or cue listed twice. A lexicon file may carry extra
top-level word lists (``reporting_verbs: [say, ...]``): each must be a list of words.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from sourcecrit.yamlfile import RuleProblems

_Explanation = Field(min_length=1, pattern=r"\S")
_Problems = list[tuple[tuple[str | int, ...], str]]


def _word_lists(model: BaseModel, problems: _Problems) -> None:
    for key, value in (model.model_extra or {}).items():
        if not isinstance(value, list) or not all(isinstance(w, str) and w.strip() for w in value):
            problems.append(((key,), "expected a list of words"))


#: What a cue reports: a way of saying, a thought or plan, what a document shows, a side taken.
CueCategory = Literal["speech", "belief", "evidence", "stance"]


class CueRecord(BaseModel):
    """One reporting cue (``data/cues.yaml``)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    #: a lower-case lemma, or "verb particle" for a phrasal verb ("rule out")
    cue: str = Field(min_length=1, pattern=r"^[^\sA-Z]+( [^\sA-Z]+)?$")
    category: CueCategory
    loaded: bool
    explanation: str = _Explanation
    object: bool = False
    infinitive: bool = False
    preps: tuple[str, ...] = ()
    pos: Literal["verb", "noun", "adj"] = "verb"
    vehicle: bool = False


class CueLexiconFile(BaseModel):
    """``data/cues.yaml``: the cues, and any word lists the attribution rules read."""

    model_config = ConfigDict(extra="allow", frozen=True)

    cues: tuple[CueRecord, ...] = Field(min_length=1)

    @model_validator(mode="after")
    def _consistent(self) -> CueLexiconFile:
        problems: _Problems = []
        seen: dict[tuple[str, str], int] = {}
        for i, record in enumerate(self.cues):
            key = (record.cue.lower(), record.pos)
            if key in seen:
                problems.append((("cues", i, "cue"), f"{record.cue!r} is listed twice"))
            seen.setdefault(key, i)
        _word_lists(self, problems)
        if problems:
            raise RuleProblems(problems)
        return self


class HedgeRecord(BaseModel):
    """One hedge, booster or weasel cue (``data/hedges.yaml``)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9_-]*$")
    category: Literal["hedge", "booster", "weasel"]
    pattern: str | tuple[dict[str, Any], ...]
    scope: Literal["clause", "right", "left", "phrase", "sentence"]
    explanation: str = _Explanation
    conditions: tuple[str, ...] = ()
    negated: Literal["keep", "drop", "hedge", "booster", "weasel"] = "keep"
    readings: tuple[Literal["news", "wikipedia"], ...] = Field(
        default=("news", "wikipedia"), min_length=1
    )


class HedgeLexiconFile(BaseModel):
    """``data/hedges.yaml``: the cues and the word lists the hedging rules read."""

    model_config = ConfigDict(extra="allow", frozen=True)

    cues: tuple[HedgeRecord, ...] = Field(min_length=1)

    @model_validator(mode="after")
    def _consistent(self) -> HedgeLexiconFile:
        problems: _Problems = []
        seen: set[str] = set()
        for i, record in enumerate(self.cues):
            if record.id in seen:
                problems.append((("cues", i, "id"), f"{record.id!r} is used twice"))
            seen.add(record.id)
            if isinstance(record.pattern, str) and not record.pattern.strip():
                problems.append((("cues", i, "pattern"), "the phrase is empty"))
            elif isinstance(record.pattern, tuple) and not record.pattern:
                problems.append((("cues", i, "pattern"), "expected at least one token pattern"))
        _word_lists(self, problems)
        if problems:
            raise RuleProblems(problems)
        return self
