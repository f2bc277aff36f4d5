"""The batch report (report.csv): one line per row, written as rows finish, safe to open in a spreadsheet.

The report is streamed: each finished row is one complete line, written in a single call and
flushed, so a run that is killed (even with SIGKILL) leaves a valid report of the rows it
finished, and a re-run can resume from it. It also records what each handout was printed from
(`inputs`, `log`: short content hashes), which is what `--resume` compares.
"""

from __future__ import annotations

import csv
import io
import os
import stat
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from ..errors import OutputError, OutputExistsError
from .tasks import RowResult

REPORT_NAME = "report.csv"
REPORT_COLUMNS = ("row", "name", "status", "file", "adapted", "changes", "error", "inputs", "log")
# Reports of earlier versions started like this: a re-run may replace them without --force.
_OUR_HEADER_START = "row,name,status,file,"
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_NAME_CUT = 120
_ERROR_CUT = 400

# --- the report --------------------------------------------------------------------------------


def _cell(text: str, limit: int | None = None) -> str:
    """Keep a spreadsheet from running a cell as a formula (`=`, `+`, `-`, `@`), and keep
    each cell to one short line: a report is read by people, not a dump of the input."""
    if limit is not None:
        text = " ".join(text.split())
        if len(text) > limit:
            text = text[: limit - 1] + "…"
    return "'" + text if text.startswith(_FORMULA_START) else text


def uncell(text: str) -> str:
    return text[1:] if text.startswith("'") and text[1:].startswith(_FORMULA_START) else text


def is_our_report(path: Path) -> bool:
    """True for a report this tool wrote (its header), so a re-run may replace it; a roster or
    any other file that happens to be called report.csv is not."""
    try:
        with open(path, "rb") as handle:
            head = handle.read(len(_OUR_HEADER_START))
    except OSError:
        return False
    return head.decode("utf-8", "replace") == _OUR_HEADER_START


def check_report_target(path: Path, force: bool) -> None:
    """Before any work: never write through a symbolic link, never replace a file that is not
    one of our reports without --force (a roster kept as report.csv would be destroyed)."""
    try:
        info = os.lstat(path)
    except (FileNotFoundError, NotADirectoryError):  # no report yet (or no folder: said later)
        return
    if stat.S_ISLNK(info.st_mode) or not stat.S_ISREG(info.st_mode):
        what = "a symbolic link" if stat.S_ISLNK(info.st_mode) else "not a regular file"
        raise OutputError(f"report: '{path}' is {what}; the batch writes only regular files: remove it")
    if not force and not is_our_report(path):
        raise OutputExistsError(
            f"report: '{path}' already exists and is not a batch report; move it away or use --force to replace it"
        )


@dataclass(frozen=True)
class Previous:
    """What an earlier run recorded for one file: the status and what it was printed from."""

    status: str
    inputs: str
    log: str
    adapted: str
    changes: str


def previous_rows(path: Path) -> dict[str, Previous]:
    """The last report's record of each file it printed or kept (read before the new report
    replaces it); an unreadable or foreign report is no record at all."""
    if not is_our_report(path):
        return {}
    found: dict[str, Previous] = {}
    try:
        for row in read_report(path):
            file = uncell(row.get("file") or "")
            if file and row.get("status") in ("printed", "exists", "stale") and row.get("inputs"):
                found[file] = Previous(
                    row["status"], row["inputs"], row.get("log") or "", row.get("adapted") or "no", row.get("changes") or "0"
                )
    except (OSError, csv.Error, UnicodeDecodeError):
        return {}
    return found


class ReportWriter:
    """Streams rows into report.csv as they finish: the header goes to a temp file that then
    replaces the old report (rename: never through a link), and every row is appended in one
    write and flushed. A reader, or a killed run, always finds whole lines."""

    def __init__(self, path: Path) -> None:
        self.path = path
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
        try:
            os.write(fd, self._line(REPORT_COLUMNS))
            os.chmod(tmp, 0o644)
            os.replace(tmp, path)
        except BaseException:
            os.close(fd)
            Path(tmp).unlink(missing_ok=True)
            raise
        self._fd: int | None = fd

    @staticmethod
    def _line(cells: tuple[object, ...] | list[object]) -> bytes:
        buffer = io.StringIO()
        csv.writer(buffer, lineterminator="\n").writerow(cells)
        return buffer.getvalue().encode("utf-8")

    def add(self, result: RowResult) -> None:
        assert self._fd is not None, "report already closed"
        line = self._line(
            [
                result.row,
                _cell(result.name, _NAME_CUT),
                result.status,
                _cell(result.file),
                "yes" if result.adapted else "no",
                result.changes,
                _cell(result.error, _ERROR_CUT),
                result.inputs,
                result.log,
            ]
        )
        os.write(self._fd, line)  # one call per line: a signal never lands inside a row

    def commit(self) -> Path:
        if self._fd is not None:
            os.fsync(self._fd)
            os.close(self._fd)
            self._fd = None
        return self.path

    discard = commit  # an interrupted or failed run keeps the rows it finished


def read_report(path: Path) -> Iterator[dict[str, str]]:
    with open(path, encoding="utf-8", newline="") as handle:
        yield from csv.DictReader(handle)
