"""Every session of a plan as device files in one folder: names, bytes, nothing half-done."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from pathlib import Path

from ..errors import OutputError
from ..io.writers import check_target, safe_stem, write_atomic
from ..models import Plan, Session
from .steps import check_exportable

__all__ = ["FORMATS", "export_files", "plan_exports"]

FORMATS = ("fit", "zwo")


def _sessions(plan: Plan) -> Iterator[tuple[Session, int]]:
    seen: dict[dt.date, int] = {}
    for week in plan.weeks:
        for session in sorted(week.sessions, key=lambda s: s.date):
            index = seen.get(session.date, 0)
            seen[session.date] = index + 1
            yield session, index


def plan_exports(plan: Plan, fmt: str) -> list[tuple[str, bytes]]:
    """(file name, bytes) per session: `2027-01-04-tempo-run.fit`, a second session that day
    gets `-2`. Names come from the batch sanitiser, so no title can leave the folder."""
    if fmt not in FORMATS:
        raise OutputError(f"format: {fmt!r:.80} is not allowed (allowed: {', '.join(FORMATS)})")
    check_exportable(plan)
    if fmt == "fit":
        from .fit import session_to_fit as encode
    else:
        from .zwo import session_to_zwo

        def encode(p: Plan, s: Session, index: int) -> bytes:
            return session_to_zwo(p, s)

    out = []
    for session, index in _sessions(plan):
        stem = f"{session.date.isoformat()}-{safe_stem(session.title, fallback='session')}"
        name = f"{stem}{f'-{index + 1}' if index else ''}.{fmt}"
        out.append((name, encode(plan, session, index)))
    return out


def export_files(
    plan: Plan, fmt: str, folder: Path, *, force: bool = False, inputs: Sequence[Path | None] = ()
) -> list[Path]:
    """Encode everything first, check every target, then write each file atomically: a
    refused overwrite, an input in the way or a bad plan leaves the folder as it was."""
    folder = Path(folder)
    if not folder.is_dir():
        what = "is not a folder" if folder.exists() else "does not exist"
        raise OutputError(f"output: '{folder}' {what}; give an existing folder")
    files = plan_exports(plan, fmt)
    for name, _ in files:
        check_target(folder / name, force=force, inputs=inputs, suffix=f".{fmt}")
    return [write_atomic(folder / name, data, force=force, inputs=inputs, suffix=f".{fmt}") for name, data in files]
