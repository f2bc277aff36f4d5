"""What a batch passes around: settings shared by every row, one task per client, one result per row."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from ..models import Coach, Profile

# "stale": a handout exists from an earlier run with other inputs for this row; it was kept
# (no flag), and the report says so instead of counting it as the client's handout.
Status = Literal["printed", "exists", "stale", "failed"]


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
    # Log cells as PDF form fields (AcroForm), so clients can fill the handout on screen.
    fillable: bool = False


@dataclass(frozen=True)
class Task:
    """One client to print: small enough to send to a worker cheaply."""

    row: int
    name: str
    where: str
    profile: Profile
    path: Path
    force: bool = False
    # What the handout is printed from (a short content hash), recorded in the report.
    inputs: str = ""
    # The client's filled log (CSV or PDF) and its hash: adapt the previous plan, then reprint.
    log: Path | None = None
    log_hash: str = ""

    @property
    def plan_path(self) -> Path:
        """The plan JSON beside the handout: what `planner log` and the next `--logs` run read."""
        return self.path.with_suffix(".json")


@dataclass(frozen=True)
class RowResult:
    """One line of the report."""

    row: int
    name: str
    status: Status
    file: str = ""
    error: str = ""
    adapted: bool = False
    changes: int = 0
    inputs: str = ""
    log: str = ""


@dataclass
class BatchSummary:
    total: int
    printed: int = 0
    exists: int = 0
    stale: int = 0
    adapted: int = 0
    failed: int = 0
    seconds: float = 0.0
    report: Path | None = None
    combined: Path | None = None
    combined_pages: int = 0
    interrupted: bool = False
    # The signal that stopped the run (SIGINT for Ctrl-C, SIGTERM, SIGHUP): exit 128 + it.
    signal: int = 2
    warnings: list[str] = field(default_factory=list)

    @property
    def done(self) -> int:
        return self.printed + self.exists + self.stale + self.failed

    @property
    def exit_code(self) -> int:
        """0 when every client has a handout, 1 when some rows failed, 128 + the signal when
        interrupted (130 for Ctrl-C, 143 for SIGTERM, 129 for SIGHUP), as shells report it."""
        if self.interrupted:
            return 128 + self.signal
        return 1 if self.failed else 0


# A stand-in for the planner and renderer (tests, benchmarks): the handout's bytes from a
# profile. The real work (plan JSON and handout, or an adapted plan) is `clients.print_client`.
Job = Callable[[RenderSettings, Profile], bytes]
OnResult = Callable[[RowResult, int, int], None]

