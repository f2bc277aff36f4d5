"""Checks pydantic's lax mode skips: `true` where a number belongs (it would read as 1), and
dates outside the range the calendar arithmetic can hold. Run on the raw data, before validation,
so the message names the field as the person wrote it."""

from __future__ import annotations

import datetime as dt
import types
import typing
from typing import Any

from pydantic import BaseModel

from .parsing import quote

# A plan of up to 52 weeks must end inside the calendar the PDF, ICS and weekday maths handle;
# a start in year 1 or 1900 is a typo, not a client.
EARLIEST = dt.date(2000, 1, 1)
LATEST_START = dt.date(2099, 12, 31)
LATEST = dt.date(2100, 12, 31)  # any other date: the last day a plan started in 2099 can reach
DATE_RANGE = f"a date from {EARLIEST.isoformat()} to {LATEST_START.isoformat()}"


def _last(model: type[BaseModel], key: str) -> dt.date:
    """A profile's first day is held to the start range; a later week's may run into 2100."""
    return LATEST_START if (model.__name__ == "Profile" and key == "start_date") else LATEST


def _in_range(model: type[BaseModel], key: str, day: dt.date) -> bool:
    return EARLIEST <= day <= _last(model, key)


def _range(model: type[BaseModel], key: str) -> str:
    last = _last(model, key)
    return f"a date from {EARLIEST.isoformat()} to {last.isoformat()}"


def _args(annotation: Any) -> tuple[Any, ...]:
    origin = typing.get_origin(annotation)
    if origin in (typing.Union, types.UnionType):
        out: tuple[Any, ...] = ()
        for arg in typing.get_args(annotation):
            out += _args(arg)
        return out
    if origin is typing.Annotated:
        return _args(typing.get_args(annotation)[0])
    return (annotation,)


def _number_field(annotation: Any) -> bool:
    kinds = _args(annotation)
    return bool(kinds) and bool not in kinds and any(k in (int, float) for k in kinds)


def _date_field(annotation: Any) -> bool:
    """A date, an optional date, or a list of dates."""
    kinds = _args(annotation)
    return dt.date in kinds or any(dt.date in typing.get_args(k) for k in kinds)


def _models(annotation: Any) -> list[type[BaseModel]]:
    found: list[type[BaseModel]] = []
    stack = [annotation]
    while stack:
        tp = stack.pop()
        if isinstance(tp, type) and issubclass(tp, BaseModel):
            found.append(tp)
        else:
            stack.extend(typing.get_args(tp))
    return found


def _as_date(value: Any) -> dt.date | None:
    if isinstance(value, dt.date):
        return value if not isinstance(value, dt.datetime) else value.date()
    if isinstance(value, str) and len(value) >= 4 and value[:4].isdigit():
        try:
            return dt.date.fromisoformat(value.strip()[:10])
        except ValueError:
            return None
    return None


def first_problem(model: type[BaseModel], data: Any) -> tuple[str, str] | None:
    """(dotted path, one-line reason) of the first boolean given as a number or date out of
    range, walking the model alongside the data; None when there is none. Iterative."""
    stack: list[tuple[type[BaseModel], Any, tuple[Any, ...]]] = [(model, data, ())]
    while stack:
        current, value, loc = stack.pop(0)
        if not isinstance(value, dict):
            continue
        for key, item in value.items():
            field = current.model_fields.get(key) if isinstance(key, str) else None
            if field is None:
                continue
            where = loc + (key,)
            path = ".".join(str(p) for p in where)
            if isinstance(item, bool) and _number_field(field.annotation):
                return path, f"{quote(item)} is not allowed (allowed: a number, not true/false)"
            if _date_field(field.annotation):
                day = _as_date(item)
                if day is not None and not _in_range(current, key, day):
                    return path, f"{quote(str(item))} is not allowed (allowed: {_range(current, key)})"
                if isinstance(item, list):
                    for i, entry in enumerate(item):
                        day = _as_date(entry)
                        if day is not None and not _in_range(current, key, day):
                            return f"{path}.{i}", f"{quote(str(entry))} is not allowed (allowed: {_range(current, key)})"
            for sub in _models(field.annotation):
                if isinstance(item, dict):
                    if typing.get_origin(field.annotation) is dict:
                        stack.extend((sub, v, where + (k,)) for k, v in item.items())
                    else:
                        stack.append((sub, item, where))
                elif isinstance(item, list):
                    stack.extend((sub, v, where + (i,)) for i, v in enumerate(item))
    return None
