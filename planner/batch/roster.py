"""Rosters: a coach's spreadsheet (CSV), or a JSON/YAML list, read as numbered profile rows.

This is an edge module (it reads files). It turns a roster into rows of raw profile data and
leaves validation to `Profile`, so a roster row and a profile file can never disagree on what a
field accepts. CSV rows stream from disk: a 10,000-client roster costs no more memory than ten.
"""

from __future__ import annotations

import csv
import datetime as dt
import difflib
import io
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from pydantic import ValidationError

from ..errors import PlannerError, ProfileError, RosterError
from ..io.files import check_user_file, read_user_text
from ..io.parsing import cut, loads_json, loads_yaml
from ..io.profiles import describe_validation_error
from ..models import Profile

RosterFormat = Literal["csv", "json", "yaml"]

PROFILE_FIELDS: tuple[str, ...] = tuple(Profile.model_fields)
REQUIRED_FIELDS: tuple[str, ...] = tuple(
    name for name, info in Profile.model_fields.items() if info.is_required()
)
_FORMATS: dict[str, RosterFormat] = {".csv": "csv", ".json": "json", ".yaml": "yaml", ".yml": "yaml"}
_HEADER_SEPARATORS = re.compile(r"[\s\-]+")
# One batch is one coach's roster: 10,000 clients is hours of printing already, and a cap keeps
# a pasted-in export (or a hostile file) from queueing a day of work. Split bigger rosters.
MAX_ROSTER_ROWS = 10_000
MAX_ROSTER_BYTES = 10 * 1024 * 1024
# Only notes may span lines in a cell; a line break in any other cell is a quote left open.
_MULTILINE_FIELDS = ("notes",)


@dataclass(frozen=True)
class RosterRow:
    """One client as written in the roster, before validation.

    `number` is what the coach sees: the spreadsheet row (the header is row 1) for CSV, the
    position in the list (from 1) for JSON and YAML. `problem` holds a fault of the row itself
    (a JSON item that is not a mapping, cells beyond the header) that no profile field explains.
    """

    number: int
    data: dict[str, Any]
    problem: str | None = None

    @property
    def name(self) -> str:
        """The client's name as written, for file names and the report, even on a bad row."""
        value = self.data.get("name")
        text = str(value).strip() if value is not None else ""
        return text or str(Profile.model_fields["name"].default)


@dataclass(frozen=True)
class Roster:
    """A readable roster: checked once when opened, then streamed by `rows()` as often as needed."""

    path: Path
    format: RosterFormat
    total: int
    ignored_columns: tuple[str, ...] = ()
    delimiter: str = ","
    _items: tuple[Any, ...] | None = field(default=None, repr=False)

    @property
    def source(self) -> str:
        """How errors name the roster: the file name the coach knows, not a full path."""
        return self.path.name

    def rows(self) -> Iterator[RosterRow]:
        if self.format == "csv":
            yield from _csv_rows(self.path, self.delimiter)
        else:
            for number, item in enumerate(self._items or (), start=1):
                yield _item_row(number, item)

    def ignored_message(self) -> str | None:
        """The one warning about columns that are not profile fields (they are ignored)."""
        if not self.ignored_columns:
            return None
        shown = []
        for column in self.ignored_columns:
            close = difflib.get_close_matches(column, PROFILE_FIELDS, n=1, cutoff=0.8)
            shown.append(f"{column} (did you mean {close[0]}?)" if close else column)
        noun = "column" if self.format == "csv" else "key"
        if len(shown) == 1:
            return f"{self.source}: ignoring a {noun} that is not a profile field: {shown[0]}"
        return f"{self.source}: ignoring {noun}s that are not profile fields: " + ", ".join(shown)


def open_roster(path: str | Path) -> Roster:
    """Check the whole roster can be read before any work starts (RosterError means exit 2):
    a roster that fails half-way through would leave the coach with half a batch."""
    path = Path(path)
    fmt = _FORMATS.get(path.suffix.lower())
    if fmt is None:
        raise RosterError(
            f"roster: '{path}' has extension '{path.suffix or '(none)'}'; "
            "allowed: .csv, .json, .yaml, .yml"
        )
    if not path.is_file():
        what = "is not a file" if path.exists() else "does not exist"
        raise RosterError(f"roster: '{path}' {what}")
    try:  # regular files only (no /dev/zero, no FIFO), and a size cap
        check_user_file(path, "roster", max_bytes=MAX_ROSTER_BYTES)
    except PlannerError as exc:
        raise RosterError(str(exc)) from None
    if fmt == "csv":
        return _open_csv(path)
    return _open_list(path, fmt)


def row_profile(row: RosterRow, source: str, defaults: dict[str, Any] | None = None) -> Profile:
    """Validate one row; the error names file, row and field in one line:
    "roster.csv: row 7: level: 'expert' is not allowed (allowed: one of ...)"."""
    where = f"{source}: row {row.number}"
    if row.problem:
        raise ProfileError(f"{where}: {row.problem}")
    data = {k: v for k, v in (defaults or {}).items() if v is not None}
    data.update(row.data)
    try:
        return Profile.model_validate(data)
    except ValidationError as exc:
        raise ProfileError(describe_validation_error(exc, where)) from None


def normalise_column(header: str) -> str:
    """Spreadsheet headers drift ("Days per week", " Level "): map them onto field names."""
    return _HEADER_SEPARATORS.sub("_", header.strip().lower())


# --- CSV -------------------------------------------------------------------------------------


def _open_text(path: Path) -> io.TextIOWrapper:
    try:
        # utf-8-sig drops the BOM Excel writes; newline="" lets csv see CRLF inside quoted cells.
        return open(path, encoding="utf-8-sig", newline="")  # noqa: SIM115 - closed by caller
    except OSError as exc:
        raise RosterError(f"roster: cannot read '{path}': {exc.strerror or exc}") from None


def _pick_delimiter(header_line: str) -> str:
    """`,` or `;` (what European spreadsheets export): whichever splits the header into more
    profile field names wins; a header never holds either character inside a name."""

    def known(delimiter: str) -> int:
        cells = next(csv.reader([header_line], delimiter=delimiter), [])
        return sum(1 for c in cells if normalise_column(c) in PROFILE_FIELDS)

    return ";" if known(";") > known(",") else ","


def _open_csv(path: Path) -> Roster:
    source = path.name
    total = 0
    header: list[str] | None = None
    start = 1
    try:
        with _open_text(path) as handle:
            first = handle.readline()
            delimiter = _pick_delimiter(first)
            handle.seek(0)
            reader = csv.reader(handle, delimiter=delimiter, strict=True)
            header = next(reader, None)
            if header is None or not any(cell.strip() for cell in header):
                raise RosterError(
                    f"{source}: the first row must name the profile fields, e.g. "
                    + ",".join(PROFILE_FIELDS)
                )
            columns = [normalise_column(c) for c in header]
            start = reader.line_num + 1
            for row in reader:
                if any(cell.strip() for cell in row):
                    total += 1
                    if total > MAX_ROSTER_ROWS:
                        raise RosterError(
                            f"{source}: has more than {MAX_ROSTER_ROWS:,} client rows; allowed: at most "
                            f"{MAX_ROSTER_ROWS:,} in one batch (split the roster into several files)"
                        )
                start = reader.line_num + 1
    except UnicodeDecodeError as exc:
        raise RosterError(
            f"{source}: is not UTF-8 text (byte 0x{exc.object[exc.start]:02X}); "
            "save it from the spreadsheet as 'CSV UTF-8'"
        ) from None
    except csv.Error as exc:
        raise RosterError(_csv_problem(source, exc, start if header is not None else 1)) from None
    seen: set[str] = set()
    ignored: list[str] = []
    for index, column in enumerate(columns, start=1):
        if not column:
            continue
        if column in seen:
            raise RosterError(f"{source}: column '{column}' appears twice in the header")
        seen.add(column)
        if column not in PROFILE_FIELDS:
            ignored.append(column)
    if not seen & set(PROFILE_FIELDS):
        raise RosterError(
            f"{source}: the header names no profile field; allowed columns: " + ", ".join(PROFILE_FIELDS)
        )
    missing = [f for f in REQUIRED_FIELDS if f not in seen]
    if missing:
        raise RosterError(
            f"{source}: the header has no {' or '.join(repr(m) for m in missing)} column; "
            f"every roster needs: {', '.join(REQUIRED_FIELDS)}"
        )
    if total == 0:
        raise RosterError(f"{source}: has a header but no client rows")
    return Roster(path=path, format="csv", total=total, ignored_columns=tuple(ignored), delimiter=delimiter)


def _csv_problem(source: str, exc: csv.Error, line: int) -> str:
    """csv's own words name no line; ours name the line the broken row starts on."""
    if "unexpected end of data" in str(exc):
        return (
            f"{source}: line {line}: a quote (\") opens a cell that is never closed, so every line after it "
            "would be read as that one cell; close the quote, or remove it"
        )
    return f"{source}: line {line}: is not readable CSV: {cut(str(exc), 120)}"


def _csv_rows(path: Path, delimiter: str) -> Iterator[RosterRow]:
    with _open_text(path) as handle:
        reader = csv.reader(handle, delimiter=delimiter, strict=True)
        columns = [normalise_column(c) for c in next(reader, [])]
        width = len(columns)
        # The header is spreadsheet row 1; a quoted cell spanning lines is still one row.
        start = reader.line_num + 1
        for number, cells in enumerate(reader, start=2):
            first_line, start = start, reader.line_num + 1
            if not any(cell.strip() for cell in cells):
                continue  # blank lines (spreadsheets add them at the end) are not clients
            data: dict[str, Any] = {}
            problem = None
            for column, cell in zip(columns, cells):
                value = cell.strip()
                if column in PROFILE_FIELDS and value:
                    data[column] = value
                    if "\n" in value and column not in _MULTILINE_FIELDS and problem is None:
                        problem = (
                            f"{column}: the cell runs from line {first_line} to line {reader.line_num}: "
                            "a quote (\") opened there is closed only later; close it where the cell ends"
                        )
            overflow = [c for c in cells[width:] if c.strip()]
            if overflow and problem is None:
                problem = (
                    f"has {width + len(overflow)} cells but the header names {width} columns "
                    f"(a '{delimiter}' inside a cell needs quotes)"
                )
            yield RosterRow(number=number, data=data, problem=problem)


# --- JSON and YAML ---------------------------------------------------------------------------


def _open_list(path: Path, fmt: RosterFormat) -> Roster:
    source = path.name
    try:
        text = read_user_text(path, "roster", max_bytes=MAX_ROSTER_BYTES)
    except PlannerError as exc:
        raise RosterError(str(exc).replace(f"roster: '{path}' is not UTF-8", f"{source}: is not UTF-8")) from None
    try:
        # The strict parsers: no YAML aliases (a 300-byte alias bomb, a cycle), no duplicate keys.
        data = loads_json(text) if fmt == "json" else loads_yaml(text)
    except Exception as exc:  # each parser has its own error class; all mean "not parseable"
        first_line = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise RosterError(f"{source}: is not valid {fmt.upper()}: {cut(first_line, 160)}") from None
    if not isinstance(data, list):
        raise RosterError(
            f"{source}: must hold a list of profiles (one per client), not {type(data).__name__}"
        )
    if not data:
        raise RosterError(f"{source}: the list of clients is empty")
    if len(data) > MAX_ROSTER_ROWS:
        raise RosterError(
            f"{source}: has {len(data):,} clients; allowed: at most {MAX_ROSTER_ROWS:,} in one batch "
            "(split the roster into several files)"
        )
    ignored: dict[str, None] = {}
    for item in data:
        if isinstance(item, dict):
            for key in item:
                if str(key) not in PROFILE_FIELDS:
                    ignored.setdefault(str(key), None)
    return Roster(path=path, format=fmt, total=len(data), ignored_columns=tuple(ignored), _items=tuple(data))


def _item_row(number: int, item: Any) -> RosterRow:
    if not isinstance(item, dict):
        return RosterRow(
            number=number, data={}, problem=f"must be a mapping of profile fields, not {type(item).__name__}"
        )
    data = {str(k): v for k, v in item.items() if str(k) in PROFILE_FIELDS and v is not None}
    return RosterRow(number=number, data=data)


# --- the template a coach starts from --------------------------------------------------------

_TEMPLATE_ROWS: tuple[dict[str, str], ...] = (
    {
        "name": "Zoë Ødegård-Núñez",
        "level": "beginner",
        "activity": "running",
        "weeks": "8",
        "days_per_week": "3",
        "session_minutes": "45",
        "equipment": "none;mat",
        "focus": "inner-thigh;cramp-prevention",
        "limitations": "",
        "start_date": "2026-01-05",
        "body_mass_kg": "62",
        "age": "34",
        "units": "metric",
        "notes": "First 10 km in spring: keep the easy runs truly easy.",
        "max_hr": "188",
        "resting_hr": "62",
    },
    {
        "name": "Marcus Lee",
        "level": "intermediate",
        "activity": "strength",
        "weeks": "12",
        "days_per_week": "4",
        "session_minutes": "60",
        "equipment": "dumbbells;bench;bands",
        "focus": "upper-body;posture",
        "limitations": "shoulder",
        "start_date": "2026-01-05",
        "body_mass_kg": "",
        "age": "",
        "units": "imperial",
        "notes": "Press pain-free only; tell me if the shoulder aches the next day.",
        "lifts": "dumbbell-row 24x10;goblet-squat 28x10",
        "test_weeks": "true",
    },
    {
        "name": "Agnieszka Wójcik",
        "level": "beginner",
        "activity": "walking",
        "weeks": "6",
        "days_per_week": "3",
        "session_minutes": "30",
        "equipment": "none",
        "focus": "balance;mobility",
        "limitations": "knee;lower-back",
        "start_date": "",
        "body_mass_kg": "",
        "age": "67",
        "units": "metric",
        "notes": "",
    },
)


def template_csv() -> str:
    """An example roster with every profile column, ready to open in a spreadsheet.

    List columns (equipment, focus, limitations, lifts as "id KGxREPS") use ';' between values; an empty cell means
    the profile's default (an empty start_date means the Monday after the batch runs).
    """
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=PROFILE_FIELDS, lineterminator="\n")
    writer.writeheader()
    for row in _TEMPLATE_ROWS:
        writer.writerow(row)
    return buffer.getvalue()


def parse_start_date(text: str) -> dt.date:
    """`--start-date` for every row that leaves it empty; one-line error naming the value."""
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise ProfileError(f"start_date: {text!r} is not allowed (allowed: a date as YYYY-MM-DD)") from None
