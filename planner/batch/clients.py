"""The work one client's row needs, done in a worker: a fresh plan (plan JSON + handout), or the
client's previous plan adapted from their filled log and reprinted (`planner batch --logs`).

Adapting uses the same library path as `planner adapt` (io.adapt_log), so a batch and a single
client adapt alike. Every target is checked before anything is written: a row gets all its
files or none, and no file is ever written through a symbolic link.
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import InputFileError, OutputError
from ..io.writers import check_target, write_atomic
from .tasks import RenderSettings, Task

if TYPE_CHECKING:
    from ..models import Plan


@dataclass(frozen=True)
class Printout:
    """What a row writes: the handout, its plan JSON (absent for stand-in jobs) and, when the
    plan was adapted from a log, how many changes the adaptation made."""

    pdf: bytes
    plan: "Plan | None" = None
    adapted: bool = False
    changes: int = 0


@lru_cache(maxsize=4)
def _library(path: str | None, only: bool) -> Any:
    from ..io.libraries import planning_library

    return planning_library(path, only=only)


def render_client(settings: RenderSettings, profile: Any) -> bytes:
    """A fresh handout from a profile (the same as `planner generate`); kept for callers that
    want the PDF alone."""
    return print_client(settings, Task(0, profile.name, "", profile, Path("client.pdf"))).pdf


def print_client(settings: RenderSettings, task: Task) -> Printout:
    """Plan (or adapt) and render one client."""
    from .. import build_plan, render_pdf

    if task.log is not None:
        plan, changes = _adapted(task)
    else:
        plan = build_plan(task.profile, _library(settings.library, settings.library_only), seed=settings.seed)
        changes = 0
    pdf = render_pdf(plan, settings.theme, paper=settings.paper, coach=settings.coach, fillable=settings.fillable)
    return Printout(pdf, plan, adapted=task.log is not None, changes=changes)


def _adapted(task: Task) -> "tuple[Plan, int]":
    from ..io.adapt_log import adapt_from_log
    from ..io.plans import load_plan

    assert task.log is not None
    previous = task.plan_path
    if not previous.is_file():
        raise InputFileError(
            f"log: '{task.log.name}' is there but no previous plan '{previous.name}' to adapt; print the client "
            "once without --logs (each handout gets its plan JSON beside it), then fill the log of that plan"
        )
    plan = load_plan(previous)
    new = adapt_from_log(plan, task.log, source=previous.name)
    return new, len(new.changes) - len(plan.changes)


def is_our_plan(path: Path) -> bool:
    """A plan JSON written by this tool (its first lines name the generator)."""
    try:
        with open(path, "rb") as handle:
            head = handle.read(512)
    except OSError:
        return False
    return head.lstrip().startswith(b"{") and b'"schema_version"' in head and b'"workout-planner"' in head


def refuse_link(path: Path, what: str = "output") -> None:
    """A handout, plan or folder that is a symbolic link (to /etc/passwd, to another client's
    file) is never written through, read as a handout, or counted as one."""
    try:
        info = os.lstat(path)
    except (FileNotFoundError, NotADirectoryError):
        return
    if stat.S_ISLNK(info.st_mode):
        raise OutputError(f"{what}: '{path.name}' is a symbolic link; the batch never writes through one: remove it")
    if not (stat.S_ISREG(info.st_mode) or stat.S_ISDIR(info.st_mode)):
        raise OutputError(f"{what}: '{path.name}' is not a regular file (a device, pipe or socket): remove it")


def device_files(settings: RenderSettings, task: Task, plan: "Plan | None") -> list[tuple[Path, bytes]]:
    """The client's workouts for watches and trainers, in `<handout stem>/` beside the PDF.

    Zwift files are for cycling clients only, so a mixed roster can ask for `fit,zwo`.
    """
    if not settings.exports or plan is None:
        return []
    from ..export.files import plan_exports

    folder = task.path.with_suffix("")
    refuse_link(folder)
    formats = [f for f in settings.exports if f != "zwo" or plan.profile.activity == "cycling"]
    files = [(folder / name, data) for fmt in formats for name, data in plan_exports(plan, fmt)]
    if folder.exists():  # a new folder holds nothing to overwrite
        for path, _ in files:
            refuse_link(path)
            check_target(path, force=task.force)
    return files


def write_printout(settings: RenderSettings, task: Task, printout: Printout) -> None:
    """Check every target, then write: the plan JSON first, the handout last (a handout on disk
    always has its plan beside it)."""
    refuse_link(task.path)
    check_target(task.path, force=task.force)
    plan_json = None
    if printout.plan is not None:
        refuse_link(task.plan_path)
        plan_json = (printout.plan.model_dump_json(indent=2) + "\n").encode("utf-8")
        # A plan JSON this tool wrote goes with its handout and is replaced with it; any other
        # file of that name is kept unless --force.
        check_target(task.plan_path, force=task.force or is_our_plan(task.plan_path))
    devices = device_files(settings, task, printout.plan)
    if plan_json is not None:
        write_atomic(task.plan_path, plan_json, force=task.force or is_our_plan(task.plan_path))
    for path, payload in devices:
        path.parent.mkdir(exist_ok=True)
        refuse_link(path.parent)
        write_atomic(path, payload, force=task.force)
    write_atomic(task.path, printout.pdf, force=task.force)


__all__ = ["Printout", "device_files", "print_client", "is_our_plan", "refuse_link", "render_client", "write_printout"]
