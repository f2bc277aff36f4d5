"""Reading a handout filled in on screen (`planner render --fillable`) back as log rows.

A client fills the form fields of the handout in a tablet or phone PDF reader; the coach gets
the same rows a typed log sheet gives, so `planner adapt` reads either one the same way. The
field names carry the date, the line's place in the session's main block and the exercise
(`log_fields.field_name`), so nothing but the fields' values is read from the file.
"""

from __future__ import annotations

import io
from pathlib import Path

from ..errors import InputFileError
from .files import read_user_bytes
from .log_fields import LOG_COLUMNS, parse_field_name

_WHAT = "log"
_CUT = 80  # an echoed value is never longer than this


def _value(raw: object) -> str:
    """A field's value as text: a text field's string, a ticked box as "yes", nothing as ""."""
    if raw is None:
        return ""
    text = str(raw)
    if text.startswith("/"):  # a name object: a check box (Off, Yes, or its export value)
        return "" if text == "/Off" else "yes"
    return text.strip()


def _fields(path: Path) -> dict[str, object]:
    data = read_user_bytes(path, _WHAT)
    try:
        from pypdf import PdfReader

        reader = PdfReader(io.BytesIO(data), strict=False)
        fields = reader.get_fields() or {}
        return {name: field.get("/V") for name, field in fields.items()}
    except Exception as exc:  # pypdf raises many kinds on a broken or hostile file
        reason = " ".join(str(exc).split())[:_CUT] or type(exc).__name__
        raise InputFileError(f"{_WHAT}: '{path}' is not a readable PDF form ({reason})") from None


def read_filled_pdf(path: Path) -> list[dict[str, str]]:
    """The log rows of a filled-in handout, in date and line order, keyed by LOG_COLUMNS.

    One row per main-block line that has at least one cell filled in (a line left blank was
    not logged, as a blank line of the sheet is not); `session` and `planned` are not in the
    form and come back as "". A PDF with none of our fields is refused in one line.
    """
    path = Path(path)
    values = _fields(path)
    rows: dict[tuple[str, int, str], dict[str, str]] = {}
    ours = 0
    for name, raw in values.items():
        parts = parse_field_name(name)
        if parts is None:
            continue
        ours += 1
        date, row, exercise_id, column = parts
        text = _value(raw)
        if not text:
            continue
        key = (date.isoformat(), row, exercise_id)
        if key not in rows:
            rows[key] = dict.fromkeys(LOG_COLUMNS, "")
            rows[key].update(date=key[0], exercise_id=exercise_id)
        rows[key][column] = text
    if not ours:
        raise InputFileError(
            f"{_WHAT}: '{path}' has no log fields of a fillable handout; allowed: a PDF made with "
            "'planner render PLAN.json --fillable' and filled in, or a log sheet (.csv)"
        )
    return [rows[key] for key in sorted(rows)]
