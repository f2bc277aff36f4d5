"""What a batch passes around: settings shared by every row, one task per client, one result per row."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from ..models import Coach, Profile

Status = Literal["printed", "exists", "failed"]


@dataclass(frozen=True)
class RenderSettings:
    """What every client of a batch shares; sent to each worker once, not with every row."""

    theme: Any = None
    paper: str | None = None
    coach: Coach | None = None
    seed: int = 0
    library: str | None = None
    # The library file alone (--exercises-only), not added to the built-in exercises.
    library_only: bool = False
    # Device formats (fit, zwo) written per client into a folder named like the handout.
    exports: tuple[str, ...] = ()


@dataclass(frozen=True)
class Task:
    """One client to print: small enough to send to a worker cheaply."""

    row: int
    name: str
    where: str
    profile: Profile
    path: Path
    force: bool = False


@dataclass(frozen=True)
class RowResult:
    """One line of the report."""

    row: int
    name: str
    status: Status
    file: str = ""
    error: str = ""


@dataclass
class BatchSummary:
    total: int
    printed: int = 0
    exists: int = 0
    failed: int = 0
    seconds: float = 0.0
    report: Path | None = None
    combined: Path | None = None
    combined_pages: int = 0
    interrupted: bool = False
    warnings: list[str] = field(default_factory=list)

    @property
    def done(self) -> int:
        return self.printed + self.exists + self.failed

    @property
    def exit_code(self) -> int:
        """0 when every client has a handout, 1 when some rows failed, 130 when interrupted."""
        if self.interrupted:
            return 130
        return 1 if self.failed else 0


Job = Callable[[RenderSettings, Profile], bytes]
OnResult = Callable[[RowResult, int, int], None]

