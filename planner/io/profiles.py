"""Profiles from files and flags, and validation errors worded for people.

This is an edge module (it reads files); the planner itself never touches the disk.
"""

from __future__ import annotations

import json
import tomllib
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from .files import read_user_text
from .parsing import cut, loads_json, loads_yaml, quote
from .strict import first_problem
from ..errors import InputFileError, ProfileError
from ..models import LiftSet, Profile

_ALLOWED: dict[str, str] = {}


def _allowed_for(loc: tuple[Any, ...]) -> str | None:
    """What the profile field accepts, read from the model so it can never drift."""
    from typing import get_args, get_origin

    if not loc or loc[0] not in Profile.model_fields:
        return None
    info = Profile.model_fields[str(loc[0])]
    if loc[0] == "lifts":
        # lifts.<exercise-id>.<field>: a mapping of LiftSet models, whose fields have limits too.
        if len(loc) != 3 or loc[2] not in LiftSet.model_fields:
            return None
        info = LiftSet.model_fields[str(loc[2])]
    annotation = info.annotation
    seen: list[Any] = []

    def walk(tp: Any) -> None:
        args = get_args(tp)
        if get_origin(tp) is None and not args:
            return
        if all(isinstance(a, str) for a in args) and args:
            seen.extend(args)
            return
        for arg in args:
            walk(arg)

    walk(annotation)
    if seen:
        return "one of " + ", ".join(str(s) for s in seen)
    low = high = above = None
    for meta in info.metadata:
        low = getattr(meta, "ge", low)
        above = getattr(meta, "gt", above)
        high = getattr(meta, "le", high)
    if low is not None and high is not None:
        return f"a number from {low} to {high}"
    if above is not None and high is not None:
        return f"a number above {above}, up to {high}"
    return None


def describe_validation_error(exc: ValidationError, source: str | None = None) -> str:
    """One line: where (file and key, or field), the value given, and what is allowed."""
    errors = exc.errors(include_url=False)
    # A misspelt key explains the "missing" error that comes with it: report it first.
    errors.sort(key=lambda e: e.get("type") != "extra_forbidden")
    first = errors[0]
    loc = tuple(first.get("loc", ()))
    field = ".".join(str(p) for p in loc) or "profile"
    where = f"{source}: {field}" if source else field
    value = first.get("input")
    kind = first.get("type", "")
    if kind == "missing":
        allowed = _allowed_for(loc)
        message = f"{where}: a value is required" + (f" ({allowed})" if allowed else "")
    elif kind == "extra_forbidden":
        import difflib

        fields = list(Profile.model_fields) if exc.title == "Profile" else []
        close = difflib.get_close_matches(str(loc[-1]) if loc else "", fields, n=1)
        if close:
            message = f"{where}: unknown field; did you mean '{close[0]}'?"
        else:
            message = f"{where}: unknown field" + (f"; known fields are {', '.join(fields)}" if fields else "")
    else:
        allowed = (
            _allowed_for(loc)
            if kind in ("literal_error", "enum", "less_than_equal", "greater_than_equal", "greater_than")
            else None
        )
        reason = cut(first.get("msg", "invalid").removeprefix("Value error, "))
        if allowed:
            reason = f"allowed: {allowed}"
        message = f"{where}: {quote(value)} is not allowed ({reason})"
    if len(errors) > 1:
        message += f" (+{len(errors) - 1} more problem{'s' if len(errors) > 2 else ''})"
    return message


def read_profile_file(path: Path) -> dict[str, Any]:
    """Read a JSON, YAML or TOML profile into a plain mapping (validation comes later)."""
    path = Path(path)
    text = read_user_text(path, "profile")
    suffix = path.suffix.lower()
    try:
        if suffix == ".json":
            data = loads_json(text)
        elif suffix in (".yaml", ".yml"):
            data = loads_yaml(text)
        elif suffix == ".toml":
            data = tomllib.loads(text)
        else:
            raise InputFileError(
                f"profile: '{path}' has extension '{suffix or '(none)'}'; allowed: .json, .yaml, .yml, .toml"
            )
    except InputFileError:
        raise
    except Exception as exc:  # each parser has its own error class; all mean "not parseable"
        first_line = cut(str(exc).strip().splitlines()[0]) if str(exc).strip() else type(exc).__name__
        raise InputFileError(f"profile: '{path}' is not valid {suffix.lstrip('.').upper()}: {first_line}") from None
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise InputFileError(f"profile: '{path}' must hold a mapping of profile fields, not {type(data).__name__}")
    return data


def build_profile(
    file_data: dict[str, Any] | None = None,
    overrides: dict[str, Any] | None = None,
    source: str | None = None,
) -> Profile:
    """Flags override the file; a None flag means "not given", so it never hides a file value."""
    data = dict(file_data or {})
    given = {k: v for k, v in (overrides or {}).items() if v is not None}
    from_flags = set(given)
    data.update(given)
    problem = first_problem(Profile, data)
    if problem is not None:
        field, reason = problem
        key = field.split(".")[0]
        where = f"{source}: {field}" if source and key not in from_flags else field
        raise ProfileError(f"{where}: {reason}")
    try:
        return Profile.model_validate(data)
    except ValidationError as exc:
        loc = exc.errors()[0].get("loc", ())
        key = str(loc[0]) if loc else ""
        where = None if (key in from_flags or source is None) else source
        raise ProfileError(describe_validation_error(exc, where)) from None
