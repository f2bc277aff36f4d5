"""Reading a saved plan JSON back, possibly after a coach has edited it by hand.

This is an edge module (it reads files). A plan file is untrusted input: every problem becomes
one line naming the file and the JSON path (``plan.json: weeks.0.sessions.1.rpe: 14 is not
allowed (allowed: a number from 1 to 10)``), never a traceback.
"""

from __future__ import annotations

import json
import types
import typing
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from .files import read_user_text
from .parsing import cut, loads_json, quote
from .strict import first_problem
from ..errors import InputFileError
from ..models import SCHEMA_VERSION, Plan

__all__ = [
    "describe_plan_error",
    "load_plan",
    "parse_plan",
    "recompute_loads",
    "safety_problems",
    "stale_loads",
]


def _walk(loc: tuple[Any, ...]) -> tuple[type[BaseModel] | None, Any]:
    """Walk the Plan model along an error's path: the model reached and the last FieldInfo,
    so the "allowed" hint is read from the model and can never drift from it."""
    model: type[BaseModel] | None = Plan
    field = None
    in_mapping = False
    for part in loc:
        if isinstance(part, int):
            continue
        if in_mapping:  # a key of a dict field (e.g. dose.beginner): the value's model follows
            in_mapping = False
            continue
        if model is None or part not in model.model_fields:
            return None, None
        field = model.model_fields[part]
        model = _inner_model(field.annotation)
        in_mapping = typing.get_origin(field.annotation) is dict
    return model, field


def _inner_model(annotation: Any) -> type[BaseModel] | None:
    """The model inside list[...], X | None, dict[..., X]: where the path goes next."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in typing.get_args(annotation):
        found = _inner_model(arg)
        if found is not None:
            return found
    return None


def _literals(annotation: Any) -> list[Any]:
    args = typing.get_args(annotation)
    if typing.get_origin(annotation) is typing.Literal:
        return list(args)
    out: list[Any] = []
    for arg in args:
        out.extend(_literals(arg))
    return out


def _allowed(loc: tuple[Any, ...], error: dict[str, Any]) -> str | None:
    _, field = _walk(loc)
    if field is not None:
        choices = _literals(field.annotation)
        if choices and error.get("type") == "literal_error":
            return "one of " + ", ".join(str(c) for c in choices)
        low = high = None
        for meta in field.metadata:
            low = getattr(meta, "ge", low)
            high = getattr(meta, "le", high)
        if error.get("type") in ("less_than_equal", "greater_than_equal"):
            if low is not None and high is not None:
                return f"a number from {low} to {high}"
            if low is not None:
                return f"a number of at least {low}"
            if high is not None:
                return f"a number of at most {high}"
    return None


def describe_plan_error(exc: ValidationError, source: str) -> str:
    """One line: the file, the JSON path (0-based, as an editor shows it), the value, the rule."""
    errors = exc.errors(include_url=False)
    first = errors[0]
    loc = tuple(first.get("loc", ()))
    path = ".".join(str(p) for p in loc) or "plan"
    kind = first.get("type", "")
    if kind == "missing":
        message = f"{source}: {path}: a value is required"
    elif kind == "extra_forbidden":
        message = f"{source}: {path}: unknown field"
        parent, _ = _walk(loc[:-1])
        if parent is not None:
            message += "; known fields are " + ", ".join(parent.model_fields)
    else:
        value = first.get("input")
        allowed = _allowed(loc, first)
        reason = f"allowed: {allowed}" if allowed else cut(first.get("msg", "invalid").removeprefix("Value error, "))
        message = f"{source}: {path}: {quote(value)} is not allowed ({reason})"
    if len(errors) > 1:
        more = len(errors) - 1
        message += f" (+{more} more problem{'s' if more > 1 else ''})"
    return message


def stale_loads(plan: Plan) -> list[str]:
    """Where a stored load no longer equals rpe x minutes (Foster's session-RPE load): the
    usual trace of a hand edit to effort or minutes. One line each, for a note to the user."""
    notes: list[str] = []
    for week in plan.weeks:
        for session in week.sessions:
            expected = session.rpe * session.minutes
            if session.load != expected:
                notes.append(
                    f"week {week.number}, {session.date.isoformat()}: load {session.load} "
                    f"recomputed as {expected} (effort {session.rpe} x {session.minutes} min)"
                )
        total = sum(s.rpe * s.minutes for s in week.sessions)
        if week.load != total:
            notes.append(f"week {week.number}: weekly load {week.load} recomputed as {total}")
    return notes


def recompute_loads(plan: Plan) -> Plan:
    """Loads are derived data: after an edit to effort or minutes the file's numbers are stale,
    and the safety checks must judge what the sessions now say, not what the file claims."""
    weeks = []
    for week in plan.weeks:
        sessions = [
            s if s.load == s.rpe * s.minutes else s.model_copy(update={"load": s.rpe * s.minutes})
            for s in week.sessions
        ]
        total = sum(s.load for s in sessions)
        if sessions != list(week.sessions) or week.load != total:
            week = week.model_copy(update={"sessions": sessions, "load": total})
        weeks.append(week)
    if weeks == list(plan.weeks):
        return plan
    return plan.model_copy(update={"weeks": weeks})


def _check_schema_version(data: dict[str, Any], source: str) -> None:
    version = data.get("schema_version", SCHEMA_VERSION)
    major = str(version).split(".")[0]
    if major != SCHEMA_VERSION.split(".")[0]:
        raise InputFileError(
            f"{source}: schema_version: {quote(version)} is not allowed "
            f"(this planner reads plan files of version {SCHEMA_VERSION.split('.')[0]}.x)"
        )


def parse_plan(text: str, source: str = "plan.json", *, recompute: bool = True) -> Plan:
    """Validate plan JSON text into a Plan; ``source`` names the file in messages."""
    try:
        data = loads_json(text)
    except json.JSONDecodeError as exc:
        raise InputFileError(
            f"{source}: not valid JSON: {exc.msg} (line {exc.lineno}, column {exc.colno})"
        ) from None
    except ValueError as exc:  # duplicate keys, NaN, huge numbers, deep nesting
        raise InputFileError(f"{source}: not valid JSON: {cut(str(exc))}") from None
    if not isinstance(data, dict):
        raise InputFileError(
            f"{source}: a plan file holds a JSON object (as 'planner generate --format json' "
            f"writes it), not {_json_kind(data)}"
        )
    _check_schema_version(data, source)
    problem = first_problem(Plan, data)
    if problem is not None:
        raise InputFileError(f"{source}: {problem[0]}: {problem[1]}")
    try:
        plan = Plan.model_validate(data)
    except ValidationError as exc:
        raise InputFileError(describe_plan_error(exc, source)) from None
    return recompute_loads(plan) if recompute else plan


def _json_kind(value: Any) -> str:
    kinds: dict[type, str] = {list: "an array", str: "a string", bool: "true/false", types.NoneType: "null"}
    return kinds.get(type(value), "a number")


def load_plan(path: str | Path, *, recompute: bool = True) -> Plan:
    """Read and validate a plan file; loads are recomputed from rpe x minutes (see above)."""
    path = Path(path)
    source = path.name or str(path)
    text = read_user_text(path, "plan")
    return parse_plan(text, source, recompute=recompute)


def safety_problems(plan: Plan, source: str) -> list[str]:
    """The safety checks on a loaded plan, one line each with the week and the session's date
    (the words a coach finds the session by in the file and on paper)."""
    from ..engine.checks import check_plan

    plan, lines = _judged_by_builtin(plan, source)
    for v in check_plan(plan):
        where = f"week {v.week}" + (f", session {v.date.isoformat()}" if v.date else "")
        lines.append(f"{source}: {where}: {v.rule}: {v.message}")
    return lines


def _key(text: str) -> str:
    return "".join(ch for ch in text.casefold() if ch.isalnum())


def _judged_by_builtin(plan: Plan, source: str) -> tuple[Plan, list[str]]:
    """The plan's exercises as the checks should see them, whatever library the plan names.

    A plan from the built-in library is judged by the library's own entries (an edit to an
    entry's limitations inside the file hides nothing), and an id the library does not have
    is refused. Any other plan keeps its entries, but one that is a built-in exercise under
    its own id, or copied under a new id (same name or same steps), also carries the built-in
    entry's `avoid_with`: renaming the library field or the id skips no limitation.
    """
    from ..io.libraries import load_library

    library = load_library()
    by_name = {_key(ex.name): ex for ex in library}
    by_steps = {tuple(_key(step) for step in ex.instructions): ex for ex in library}
    builtin = plan.library == "built-in"
    truth = []
    lines = []
    for ex in plan.exercises:
        ref = library.get(ex.id)
        if builtin:
            if ref is None:
                lines.append(f"{source}: exercises: {quote(ex.id)} is not in the built-in library "
                             "(allowed: the built-in exercises, or a plan built with --exercises FILE)")
            truth.append(ref or ex)
            continue
        ref = ref or by_name.get(_key(ex.name)) or by_steps.get(tuple(_key(s) for s in ex.instructions))
        if ref is not None and not set(ref.avoid_with) <= set(ex.avoid_with):
            ex = ex.model_copy(update={"avoid_with": sorted(set(ex.avoid_with) | set(ref.avoid_with))})
        truth.append(ex)
    return plan.model_copy(update={"exercises": truth}), lines
