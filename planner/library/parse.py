"""Recognise a library's format and validate every entry, reporting all problems at once.

Pure: the caller has already read the file. Our format is parsed here, free-exercise-db's in
`foreign`; both build the same immutable `ExerciseLibrary`.
"""

from __future__ import annotations

from typing import Any

from pydantic import ValidationError

from ..models import Exercise
from .catalog import (
    ExerciseLibrary,
    LibraryValidationError,
    describe_validation_error,
    entry_label,
    link_problems,
    raw_links,
)
from .foreign import looks_like_free_exercise_db, parse_free_exercise_db

SCHEMA_VERSION = "1"
# Top-level keys our format accepts besides "exercises"; anything else is a typo worth naming.
_TOP_LEVEL_KEYS = frozenset({"schema_version", "exercises", "description"})



def parse_library(data: Any, source: str = "<data>") -> ExerciseLibrary:
    """Recognise the format and validate every entry, reporting all problems at once."""
    if isinstance(data, dict) and "exercises" in data:
        return _parse_ours(data, source)
    if isinstance(data, list):
        if data and looks_like_free_exercise_db(data):
            return parse_free_exercise_db(data, source)
        if not data:
            raise LibraryValidationError(source, ["the library holds no exercises"])
    raise LibraryValidationError(
        source,
        [
            "not a recognised library format: expected an object"
            ' {"schema_version": "1", "exercises": [...]} or a free-exercise-db array'
            " (objects with primaryMuscles)"
        ],
    )


def _parse_ours(data: dict[str, Any], source: str) -> ExerciseLibrary:
    problems: list[str] = []
    for key in sorted(set(data) - _TOP_LEVEL_KEYS, key=str):
        problems.append(f"{key}: unknown top-level key; allowed: {', '.join(sorted(_TOP_LEVEL_KEYS))}")
    version = data.get("schema_version")
    if version != SCHEMA_VERSION:
        shown = "missing" if version is None else f"{version!r} is not supported"
        problems.append(f"schema_version: {shown}; allowed: '{SCHEMA_VERSION}'")
    raw = data.get("exercises")
    if not isinstance(raw, list):
        problems.append("exercises: must be a list of exercise objects")
        raise LibraryValidationError(source, problems)
    if not raw:
        problems.append("exercises: the library holds no exercises")

    valid: list[tuple[int, Exercise]] = []
    ids: list[tuple[int, str]] = []
    invalid_links: list[tuple[int, Any, list[tuple[str, str]]]] = []
    entry_problems: list[tuple[int, str]] = []
    for index, entry in enumerate(raw):
        label = entry_label(index, entry.get("id") if isinstance(entry, dict) else None)
        if not isinstance(entry, dict):
            entry_problems.append((index, f"{label}: must be an object, got {type(entry).__name__}"))
            continue
        if isinstance(entry.get("id"), str):
            ids.append((index, entry["id"]))
        try:
            valid.append((index, Exercise.model_validate(entry)))
        except ValidationError as exc:
            entry_problems.extend((index, f"{label}: {line}") for line in describe_validation_error(exc))
            invalid_links.append((index, entry.get("id"), raw_links(entry)))

    entry_problems.extend(link_problems(valid, ids, invalid_links))
    # Entry by entry, in file order, so a long report reads like the file.
    problems.extend(line for _, line in sorted(entry_problems, key=lambda p: p[0]))
    if problems:
        raise LibraryValidationError(source, problems)
    return ExerciseLibrary(tuple(ex for _, ex in valid), source)
