"""The log sheet: written from a plan as CSV, read back (CSV or filled PDF) into checked rows.

An edge module (it reads and writes files). The sheet's first line is a comment with the plan's
fingerprint, so a log of another plan, or of a plan edited since it was printed, is refused
instead of silently adapting the wrong weeks. Every bad row is one line naming the file, the
row, the column, the value and what is allowed, like roster rows.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import re
from collections.abc import Callable
from pathlib import Path

from .files import read_user_text
from .log_fields import LOG_COLUMNS, REQUIRED_COLUMNS
from .parsing import cut as _cut_long
from ..errors import InputFileError
from ..models import LogEntry, Plan, Prescription

LB_PER_KG = 2.20462
MAX_LOG_BYTES = 5 * 1024 * 1024
_HEADER = re.compile(r"^#\s*planner log: plan (?P<fp>[0-9a-f]{16}) for (?P<name>.*) starting (?P<start>\d{4}-\d{2}-\d{2})\s*$")
_YES = {"yes", "y", "true", "1", "x", "done"}
_NO = {"no", "n", "false", "0", ""}


def _cut(text: str) -> str:
    return _cut_long(text, 80)


def fingerprint(plan: Plan) -> str:
    """16 hex digits of the plan's weeks, profile and exercises: any edit changes it."""
    data = plan.model_dump_json(include={"profile", "weeks", "exercises"})
    return hashlib.sha256(data.encode()).hexdigest()[:16]


def columns(plan: Plan) -> list[str]:
    """LOG_COLUMNS, with the load column named in the plan's units (`load_lb` for imperial)."""
    lb = plan.profile.units == "imperial"
    return [("load_lb" if lb and c == "load_kg" else c) for c in LOG_COLUMNS]


def log_csv(plan: Plan, describe: Callable[[Prescription], str]) -> bytes:
    """The log sheet as CSV bytes: one row per main-block prescription, in date order."""
    out = io.StringIO()
    out.write(f"# planner log: plan {fingerprint(plan)} for {plan.profile.name} starting "
              f"{plan.weeks[0].start_date.isoformat()}\n")
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(columns(plan))
    for week in plan.weeks:
        for s in week.sessions:
            for p in s.blocks[1].items:
                writer.writerow([s.date.isoformat(), s.title, p.exercise_id, describe(p), "", "", "", "", "", "", ""])
    return out.getvalue().encode("utf-8")


def read_log(path: Path, plan: Plan) -> list[LogEntry]:
    """Checked rows of a log CSV, or of a filled PDF handout (planner.io.log_pdf)."""
    path = Path(path)
    source = path.name or str(path)
    if path.suffix.lower() == ".pdf":
        from .log_pdf import read_filled_pdf  # the fillable handout's reader

        return check_rows(read_filled_pdf(path), plan, source, first_row=1)
    text = read_user_text(path, "log", max_bytes=MAX_LOG_BYTES)
    lines = text.splitlines()
    skipped = 0
    mark = None
    while skipped < len(lines) and (lines[skipped].startswith("#") or not lines[skipped].strip()):
        mark = mark or _HEADER.match(lines[skipped].strip())
        skipped += 1
    if mark is not None:
        _check_fingerprint(mark, plan, source)
    reader = csv.reader(lines[skipped:])
    header = next(reader, None)
    if header is None:
        raise InputFileError(f"{source}: the log is empty; it needs the columns {', '.join(REQUIRED_COLUMNS)}")
    names = [h.strip().lower() for h in header]
    missing = [c for c in REQUIRED_COLUMNS if c not in names]
    if missing:
        raise InputFileError(f"{source}: the first row must name the log columns; missing: {', '.join(missing)} "
                             f"(columns: {', '.join(columns(plan))})")
    unknown = [n for n in names if n and n not in LOG_COLUMNS and n != "load_lb"]
    if unknown:
        raise InputFileError(f"{source}: column {_cut(unknown[0])!r} is not a log column "
                             f"(allowed: {', '.join(columns(plan))})")
    rows = []
    for cells in reader:
        if not any(c.strip() for c in cells):
            rows.append(None)
            continue
        rows.append({n: (cells[i] if i < len(cells) else "") for i, n in enumerate(names) if n})
    return check_rows(rows, plan, source, first_row=skipped + 2)


def _check_fingerprint(mark: re.Match[str], plan: Plan, source: str) -> None:
    if mark["fp"] == fingerprint(plan):
        return
    if mark["name"] != plan.profile.name or mark["start"] != plan.weeks[0].start_date.isoformat():
        raise InputFileError(f"{source}: this is the log of another plan ({_cut(mark['name'])}, starting "
                             f"{mark['start']}); give the plan it was printed from")
    raise InputFileError(f"{source}: the plan was edited since this log was printed (fingerprint "
                         f"{mark['fp']}, now {fingerprint(plan)}); print a new log with 'planner log'")


def check_rows(rows: list[dict[str, str] | None], plan: Plan, source: str, *, first_row: int = 2) -> list[LogEntry]:
    """Every row checked; all bad rows reported at once, one line each, then one error."""
    sessions = {s.date: {p.exercise_id for p in s.blocks[1].items} | {p.exercise_id for b in s.blocks for p in b.items}
                for w in plan.weeks for s in w.sessions}
    known = {ex.id for ex in plan.exercises}
    first, last = plan.weeks[0].start_date, plan.end_date
    out: list[LogEntry] = []
    problems: list[str] = []
    for n, row in enumerate(rows, start=first_row):
        if row is None:
            continue
        try:
            out.append(_entry(row, sessions, known, first, last, plan.profile.units == "imperial"))
        except ValueError as exc:
            problems.append(f"{source}: row {n}: {exc}")
    if problems:
        raise InputFileError("\n".join(problems) if len(problems) == 1 else
                             "\n".join(problems) + f"\n{source}: {len(problems)} bad rows; nothing was written")
    return out


def _entry(row: dict[str, str], sessions: dict[dt.date, set[str]], known: set[str],
           first: dt.date, last: dt.date, imperial: bool) -> LogEntry:
    get = lambda key: (row.get(key) or "").strip()  # noqa: E731
    raw = get("date")
    try:
        date = dt.date.fromisoformat(raw)
    except ValueError:
        raise ValueError(f"date: {_cut(raw)!r} is not allowed (allowed: a date as YYYY-MM-DD)") from None
    if not first <= date <= last:
        raise ValueError(f"date: {raw} is not allowed (allowed: a day of the plan, {first} to {last})")
    ident = get("exercise_id")
    if ident not in known:
        raise ValueError(f"exercise_id: {_cut(ident)!r} is not allowed (allowed: an exercise of the plan)")
    if date not in sessions or ident not in sessions[date]:
        raise ValueError(f"exercise_id: {_cut(ident)!r} is not planned on {date} (allowed: an exercise of that day's session)")
    done = get("done").lower()
    if done not in _YES | _NO:
        raise ValueError(f"done: {_cut(get('done'))!r} is not allowed (allowed: yes/no, y/n, true/false, 1/0, x)")
    reps_raw = get("reps_done")
    try:
        reps = tuple(int(r) for r in re.split(r"[\s,;/]+", reps_raw) if r) if reps_raw else ()
    except ValueError:
        raise ValueError(f"reps_done: {_cut(reps_raw)!r} is not allowed (allowed: whole numbers, one a set, e.g. 10,10,8)") from None
    if any(r < 0 or r > 1000 for r in reps):
        raise ValueError(f"reps_done: {_cut(reps_raw)!r} is not allowed (allowed: numbers from 0 to 1000)")
    load_col = "load_lb" if imperial and "load_lb" in row else "load_kg"
    load = _number(row, load_col, 0.1, 1000)
    if load is not None and load_col == "load_lb":
        load = round(load / LB_PER_KG, 2)
    return LogEntry(
        date=date, exercise_id=ident, done=done in _YES, reps_done=reps, load_kg=load,
        minutes_done=_number(row, "minutes_done", 0, 24 * 60),
        effort_felt=_whole(row, "effort_felt", 1, 10), pain=_whole(row, "pain", 0, 10),
        notes=get("notes")[:500],
    )


def _number(row: dict[str, str], key: str, low: float, high: float) -> float | None:
    raw = (row.get(key) or "").strip()
    if not raw:
        return None
    try:
        value = float(raw.replace(",", "."))
    except ValueError:
        value = float("nan")
    if not low <= value <= high:
        raise ValueError(f"{key}: {_cut(raw)!r} is not allowed (allowed: a number from {low:g} to {high:g})")
    return value


def _whole(row: dict[str, str], key: str, low: int, high: int) -> int | None:
    raw = (row.get(key) or "").strip()
    if not raw:
        return None
    if not raw.isdigit() or not low <= int(raw) <= high:
        raise ValueError(f"{key}: {_cut(raw)!r} is not allowed (allowed: a whole number from {low} to {high})")
    return int(raw)
