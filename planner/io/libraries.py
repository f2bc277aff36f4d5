"""Read an exercise library file (ours or free-exercise-db) at the edge: size-capped, one-line errors."""

from __future__ import annotations

import json
from dataclasses import replace
from functools import lru_cache
from pathlib import Path

from .._resources import data_path
from ..errors import LibraryError
from .files import read_user_text
from .parsing import cut, loads_json
from ..library.catalog import ExerciseLibrary, extend_library
from ..library.parse import parse_library



def load_library(path: str | Path | None = None) -> ExerciseLibrary:
    """Load our exercises.json (None) or another library in our format or free-exercise-db's."""
    if path is None:
        return _builtin_library()
    return _load_file(Path(path))


def planning_library(path: str | Path | None, *, only: bool = False) -> ExerciseLibrary | None:
    """The library a plan is built from: built-in (None), built-in plus a file, or the file alone."""
    if path is None:
        if only:
            raise LibraryError("--exercises-only: needs --exercises FILE, the library to use alone")
        return None
    extra = _load_file(Path(path))
    return extra if only else extend_library(_builtin_library(), extra)


@lru_cache(maxsize=1)
def _builtin_library() -> ExerciseLibrary:
    """Every plan uses the built-in library: read and validate it once per process."""
    return replace(_load_file(data_path("exercises.json"), source="exercises.json"), builtin=True)


def _load_file(path: Path, source: str | None = None) -> ExerciseLibrary:
    source = source or str(path)
    text = read_user_text(path, "exercise library")
    try:
        data = loads_json(text)
    except json.JSONDecodeError as exc:
        raise LibraryError(
            f"exercise library {source}: not valid JSON (line {exc.lineno}, column {exc.colno}:"
            f" {exc.msg})"
        ) from None
    except ValueError as exc:  # duplicate keys, NaN, huge numbers, deep nesting
        raise LibraryError(f"exercise library {source}: not valid JSON: {cut(str(exc))}") from None
    return parse_library(data, source)
