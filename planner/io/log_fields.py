"""The one contract between the log sheet (CSV), the fillable handout (PDF form) and `adapt`.

The CSV writer, the PDF form writer and both readers use these names, so a log typed into a
spreadsheet and a handout filled in on a tablet come back to `adapt` as the same rows.
"""

from __future__ import annotations

import datetime as dt

LOG_COLUMNS: tuple[str, ...] = (
    "date",
    "session",
    "exercise_id",
    "planned",
    "done",
    "reps_done",
    "load_kg",
    "minutes_done",
    "effort_felt",
    "pain",
    "notes",
)
"""Columns of the log sheet, in order. `planned` is the prescription in words."""

REQUIRED_COLUMNS: tuple[str, ...] = ("date", "exercise_id", "done")
"""A hand-typed log needs only these."""

FILLED_COLUMNS: tuple[str, ...] = ("done", "reps_done", "load_kg", "minutes_done", "effort_felt", "pain", "notes")
"""The columns a person fills in (the others are printed from the plan)."""

_SEP = "~"


def field_name(date: dt.date, row: int, exercise_id: str, column: str) -> str:
    """Name of one form field: date, the row's place in the session's main block, exercise, column.

    `~` never occurs in a date, an exercise id (a slug) or a column name, and unlike `.` it has
    no meaning in AcroForm field names, so the name splits back without ambiguity.
    """
    if column not in FILLED_COLUMNS:
        raise ValueError(f"not a log column a person fills in: {column!r}")
    return _SEP.join((date.isoformat(), str(row), exercise_id, column))


def parse_field_name(name: str) -> tuple[dt.date, int, str, str] | None:
    """The parts of a field name written by `field_name`, or None for any other field."""
    parts = name.split(_SEP)
    if len(parts) != 4 or parts[3] not in FILLED_COLUMNS:
        return None
    try:
        return dt.date.fromisoformat(parts[0]), int(parts[1]), parts[2], parts[3]
    except ValueError:
        return None
