"""The source-type vocabulary, defined once in ``data/source_types.yaml``.

Attribution classifies each source into one of :data:`SOURCE_TYPES`; checklists count
them by the coarser groups the same file names. Both read them from here, so adding or
renaming a type is one edit to one data file. The file is validated by the one YAML
validator (:func:`sourcecrit.yamlfile.validated_file`): a problem names file, line and key.
"""

from __future__ import annotations

import functools
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, model_validator

from sourcecrit.errors import LexiconError
from sourcecrit.resources import data_path
from sourcecrit.yamlfile import RuleProblems, validated_file

_NAME = r"^[a-z][a-z_]*$"


class SourceGroup(BaseModel):
    """A coarse kind of source a checklist counts (named, institution, vague, ...)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str = Field(pattern=_NAME)
    phrase: str = Field(min_length=1)
    description: str = Field(min_length=1)


class SourceTypeRecord(BaseModel):
    """One source type: its group, its description for students, the words that signal it."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str = Field(pattern=_NAME)
    group: str
    description: str = Field(min_length=1)
    words: tuple[str, ...] = ()


class SourceTypesFile(BaseModel):
    """``data/source_types.yaml``: the groups, then the types in the order students meet them."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    groups: tuple[SourceGroup, ...] = Field(min_length=1)
    types: tuple[SourceTypeRecord, ...] = Field(min_length=1)

    @model_validator(mode="after")
    def _consistent(self) -> SourceTypesFile:
        problems: list[tuple[tuple[str | int, ...], str]] = []
        groups = [g.name for g in self.groups]
        seen: set[str] = set()
        for i, record in enumerate(self.types):
            if record.name in seen:
                problems.append((("types", i, "name"), f"{record.name!r} is listed twice"))
            seen.add(record.name)
            if record.group not in groups:
                problems.append(
                    (("types", i, "group"), f"{record.group!r} is not one of {', '.join(groups)}")
                )
        if problems:
            raise RuleProblems(problems)
        return self

    def group_of(self) -> dict[str, str]:
        """Return each type's group."""
        return {t.name: t.group for t in self.types}

    def types_in(self) -> dict[str, tuple[str, ...]]:
        """Return each group's types, groups in file order."""
        return {g.name: tuple(t.name for t in self.types if t.group == g.name) for g in self.groups}


def default_path() -> Path:
    """Return the path of the bundled ``data/source_types.yaml``."""
    return data_path("source_types.yaml")


@functools.cache
def source_vocabulary(path: str | Path | None = None) -> SourceTypesFile:
    """Return the validated source-type file (default: the bundled one), cached per path.

    Raises:
        LexiconError: the file is not valid; each problem names file, line and key.
    """
    return validated_file(
        path or default_path(),
        SourceTypesFile,
        error=LexiconError,
        what="a source-types",
        keys="groups and types",
        cache=path is None,
    )


#: The kinds of source, in the order students meet them (see data/source_types.yaml).
SOURCE_TYPES: tuple[str, ...] = tuple(t.name for t in source_vocabulary().types)
