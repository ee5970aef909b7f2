"""The shapes of the course's data files, checked by the one YAML validator.

Each file is read through :func:`sourcecrit.yamlfile.validated_file`, so a problem names
its file, line and key, like every other data file of the package.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from pydantic import BaseModel, ConfigDict, model_validator

from sourcecrit.errors import YAMLFileError
from sourcecrit.resources import data_path
from sourcecrit.yamlfile import validated_file
from sourcecrit.yamlnodes import RuleProblems


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Term(_Strict):
    term: str
    definition: str
    example: str


class Glossary(_Strict):
    terms: list[Term]


class TechniqueEntry(_Strict):
    name: str
    explanation: str


class QuizEntry(_Strict):
    id: str
    text: str
    technique: str
    why: str


class Prebunking(_Strict):
    techniques: dict[str, TechniqueEntry]
    sets: dict[str, list[QuizEntry]]

    @model_validator(mode="after")
    def _known_techniques(self) -> Prebunking:
        problems: list[tuple[tuple[str | int, ...], str]] = []
        for name, items in self.sets.items():
            for i, item in enumerate(items):
                if item.technique != "none" and item.technique not in self.techniques:
                    problems.append(
                        (("sets", name, i, "technique"), f"unknown technique {item.technique!r}")
                    )
        if problems:
            raise RuleProblems(problems)
        return self


@lru_cache(maxsize=8)
def course_data(name: str, model: type[BaseModel]) -> Any:
    """Return ``data/<name>`` validated as ``model`` (cached: the files ship with the package)."""
    return validated_file(data_path(*name.split("/")), model, error=YAMLFileError)
