"""File names for a roster: one per client, fixed in row order, never colliding (case included)."""

from __future__ import annotations

from collections.abc import Iterable

from ..io.writers import safe_stem

_MAX_STEM_BYTES = 200
# Cells a spreadsheet would run as a formula when the coach opens report.csv.

# --- naming ----------------------------------------------------------------------------------


def client_stem(name: str) -> str:
    """A file-name stem from a client's name: no separators, no '..', no control characters,
    letters of any script kept, short enough for any file system (in bytes, not characters)."""
    stem = safe_stem(name, max_length=60, fallback="client")
    while len(stem.encode("utf-8")) > _MAX_STEM_BYTES:
        stem = stem[:-1].rstrip("-")
    return stem or "client"


class FileNamer:
    """Deterministic file names in row order; the same name twice gets `-2`, `-3`, ...

    Every row takes its name, even a row that fails validation, so fixing one row and running
    again never shifts another client onto a different file.
    """

    def __init__(self, reserved: Iterable[str] = ()) -> None:
        self._used: set[str] = {r.casefold() for r in reserved}
        self._next: dict[str, int] = {}

    def assign(self, name: str, suffix: str = ".pdf") -> str:
        stem = client_stem(name)
        candidate = stem
        while candidate.casefold() in self._used:
            number = self._next.get(stem, 2)
            self._next[stem] = number + 1
            candidate = f"{stem}-{number}"
        self._used.add(candidate.casefold())
        return candidate + suffix


