"""The batch report (report.csv): one line per row, written as rows finish, safe to open in a spreadsheet."""

from __future__ import annotations

import csv
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

from .tasks import RowResult

REPORT_NAME = "report.csv"
REPORT_COLUMNS = ("row", "name", "status", "file", "error")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


# --- the report --------------------------------------------------------------------------------


def _cell(text: str) -> str:
    """Keep a spreadsheet from running a client's name as a formula."""
    return "'" + text if text.startswith(_FORMULA_START) else text


def uncell(text: str) -> str:
    return text[1:] if text.startswith("'") and text[1:].startswith(_FORMULA_START) else text


class ReportWriter:
    """Streams rows to a temp file beside report.csv and renames it at the end, so a reader
    never sees half a report and the parent holds no list of results."""

    def __init__(self, path: Path) -> None:
        self.path = path
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
        self._tmp = Path(tmp)
        self._handle = os.fdopen(fd, "w", encoding="utf-8", newline="")
        self._writer = csv.writer(self._handle, lineterminator="\n")
        self._writer.writerow(REPORT_COLUMNS)

    def add(self, result: RowResult) -> None:
        self._writer.writerow(
            [result.row, _cell(result.name), result.status, result.file, _cell(result.error)]
        )

    def commit(self) -> Path:
        self._handle.flush()
        os.fsync(self._handle.fileno())
        self._handle.close()
        os.chmod(self._tmp, 0o644)
        os.replace(self._tmp, self.path)
        return self.path

    def discard(self) -> None:
        if not self._handle.closed:
            self._handle.close()
        self._tmp.unlink(missing_ok=True)


def read_report(path: Path) -> Iterator[dict[str, str]]:
    with open(path, encoding="utf-8", newline="") as handle:
        yield from csv.DictReader(handle)


