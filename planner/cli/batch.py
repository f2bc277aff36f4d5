"""`planner batch ROSTER`: one handout per client of a coach's roster, in parallel.

A thin shell over `planner.batch.runner`: read the options, check everything shared (theme, coach,
library, roster) before any work starts, then show progress and a one-line summary.
Exit codes: 0 every client printed (or kept), 1 some rows failed, 2 the roster or an option
cannot be used, 130 interrupted.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from . import _options as o
from ._common import fail, user_errors

if TYPE_CHECKING:
    from ..batch.tasks import BatchSummary, RowResult

PAPERS = ("a4", "letter")


def _cores() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def batch(
    roster: Annotated[
        Path | None,
        typer.Argument(
            metavar="ROSTER",
            help="Clients: a CSV with a header of profile fields, or a JSON/YAML list of profiles. "
            "With --template: the CSV file to write (default: print it).",
            dir_okay=False,
        ),
    ] = None,
    out: Annotated[
        Path, typer.Option("--out", "-o", help="Folder for the handouts and report.csv.")
    ] = Path("handouts"),
    combined: Annotated[
        Path | None,
        typer.Option("--combined", help="Also write one PDF of every client, a bookmark per client.", dir_okay=False),
    ] = None,
    force: Annotated[
        bool, typer.Option("--force", help="Reprint every client, and replace a report.csv that is not a batch report.")
    ] = False,
    resume: Annotated[
        bool,
        typer.Option(
            "--resume",
            help="Reprint only clients whose row or settings changed since the last run (by content, not file times); "
            "keep the rest.",
        ),
    ] = False,
    logs: Annotated[
        Path | None,
        typer.Option(
            "--logs",
            help="Folder of filled logs named like the handouts (ann.csv from 'planner log', or ann.pdf filled on "
            "screen): adapt those clients' plans from their log and reprint them.",
        ),
    ] = None,
    fillable: o.Fillable = False,
    workers: Annotated[
        int | None,
        typer.Option("--workers", "-j", min=1, help="Worker processes (default: the number of cores)."),
    ] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Print nothing but errors.")] = False,
    theme: o.Theme = None,
    paper: o.Paper = None,
    coach: o.CoachFile = None,
    coach_name: o.CoachName = None,
    coach_contact: o.CoachContact = None,
    logo: o.Logo = None,
    accent: o.Accent = None,
    start_date: Annotated[
        str | None,
        typer.Option(
            "--start-date", help="Start date (YYYY-MM-DD) for rows that leave start_date empty.", rich_help_panel=o.PROFILE
        ),
    ] = None,
    seed: o.Seed = 0,
    exercises: o.Exercises = None,
    exercises_only: o.ExercisesOnly = False,
    export: Annotated[
        str | None,
        typer.Option(
            "--export",
            help="Also write each client's workouts for devices: fit and/or zwo (comma-separated;"
            " zwo for cycling clients), in a folder named like the handout.",
            metavar="FORMATS",
        ),
    ] = None,
    template: Annotated[
        bool, typer.Option("--template", help="Write an example roster CSV with every column, to start from.")
    ] = False,
) -> None:
    """Print one handout per client of a roster (CSV, JSON or YAML), plus report.csv."""
    if template:
        _write_template(roster, force)
        return
    if roster is None:
        raise fail("give a roster file (CSV, JSON or YAML), or use --template to write an example roster")

    from ..batch.tasks import RenderSettings
    from ..batch.runner import run_batch
    from ..batch.roster import open_roster, parse_start_date

    with user_errors():
        if paper is not None and paper.lower() not in PAPERS:
            raise fail(f"paper: {paper!r} is not allowed (allowed: {', '.join(PAPERS)})")
        defaults: dict[str, Any] = {}
        if start_date is not None:
            defaults["start_date"] = parse_start_date(start_date)
        settings = RenderSettings(
            theme=_theme(theme),
            paper=paper.lower() if paper else None,
            coach=o.coach_from_options(coach, coach_name, coach_contact, logo, accent),
            seed=seed,
            library=_library(exercises, exercises_only),
            library_only=exercises_only,
            exports=_exports(export),
            fillable=fillable,
        )
        if fillable and getattr(settings.theme, "layout", None) == "log":
            raise fail(f"--fillable: theme {settings.theme.name[:80]!r} prints the log layout; "
                       "allowed: a theme with the week layout, such as the default 'handout'")
        opened = open_roster(roster)
        count = workers or _cores()
        count = max(1, min(count, opened.total))
        if not quiet and (message := opened.ignored_message()):
            typer.echo(f"Warning: {message}", err=True)
        with _Progress(opened.total, quiet) as progress:
            summary = run_batch(
                opened,
                out,
                settings,
                workers=count,
                force=force,
                resume=resume,
                logs=logs,
                combined=combined,
                defaults=defaults,
                on_result=progress.update,
            )
    for warning in summary.warnings:
        typer.echo(f"Warning: {warning}", err=True)
    if summary.interrupted:
        typer.echo(
            f"Interrupted after {summary.done} of {summary.total} clients; no half-written file was left. "
            f"Run the same command again to print the rest (report: {summary.report}).",
            err=True,
        )
        raise typer.Exit(summary.exit_code)
    if not quiet:
        typer.echo(_summary_line(summary, out))
    raise typer.Exit(summary.exit_code)


def _summary_line(summary: "BatchSummary", out: Path) -> str:
    parts = [f"Printed {summary.printed} of {summary.total} clients into {out}{os.sep}"]
    details = []
    if summary.adapted:
        details.append(f"{summary.adapted} adapted from logs")
    if summary.exists:
        details.append(f"{summary.exists} kept")
    if summary.stale:
        details.append(f"{summary.stale} kept but out of date: use --resume")
    if summary.failed:
        details.append(f"{summary.failed} failed")
    if details:
        parts.append(f"({', '.join(details)})")
    line = " ".join(parts) + f" in {summary.seconds:.1f} s; report: {summary.report}"
    if summary.combined is not None:
        line += f"; combined: {summary.combined} ({summary.combined_pages} pages)"
    return line


def _write_template(target: Path | None, force: bool) -> None:
    from ..batch.roster import template_csv
    from ..io.writers import write_atomic

    text = template_csv()
    if target is None:
        typer.echo(text, nl=False)
        return
    with user_errors():
        write_atomic(target, text.encode("utf-8"), force=force)
    typer.echo(f"Wrote {target}: fill one row per client, then run 'planner batch {target}'.", err=True)


def _theme(name: str | None) -> Any:
    """Load once in the parent: a bad theme is one error, not one per client."""
    from ..render.theme import load_theme

    return load_theme(name)


def _library(path: Path | None, only: bool) -> str | None:
    from ..io.libraries import planning_library

    planning_library(path, only=only)  # a bad library is one error up front
    return None if path is None else str(path.resolve())


def stderr_is_terminal() -> bool:
    return sys.stderr.isatty()


class _Progress:
    """A rich progress bar on a terminal, plain lines otherwise, only errors when quiet.

    rich is imported only here and only when stderr is a terminal.
    """

    def __init__(self, total: int, quiet: bool) -> None:
        self.total = total
        self.quiet = quiet
        self._bar: Any = None
        self._task: Any = None

    def __enter__(self) -> "_Progress":
        if not self.quiet and stderr_is_terminal():
            from rich.console import Console
            from rich.progress import (
                BarColumn,
                MofNCompleteColumn,
                Progress,
                ProgressColumn,
                TextColumn,
                TimeRemainingColumn,
            )
            from rich.text import Text

            class RateColumn(ProgressColumn):
                def render(self, task: Any) -> Text:
                    speed = task.finished_speed or task.speed
                    return Text(f"{speed:.1f} clients/s" if speed else "- clients/s")

            self._bar = Progress(
                TextColumn("Printing"),
                BarColumn(),
                MofNCompleteColumn(),
                RateColumn(),
                TextColumn("left:"),
                TimeRemainingColumn(),
                console=Console(stderr=True),
                transient=True,
            )
            self._bar.__enter__()
            self._task = self._bar.add_task("batch", total=self.total)
        return self

    def __exit__(self, *exc: object) -> None:
        if self._bar is not None:
            self._bar.__exit__(*exc)

    def update(self, result: "RowResult", done: int, total: int) -> None:
        if result.status == "failed":
            line = f"Error: {result.error}"
            if self._bar is not None:
                self._bar.console.print(line, markup=False, highlight=False)
            else:
                typer.echo(line, err=True)
        elif result.status == "stale" and not self.quiet:
            line = f"Warning: row {result.row} {result.name}: {result.error}"
            if self._bar is not None:
                self._bar.console.print(line, markup=False, highlight=False)
            else:
                typer.echo(line, err=True)
        elif self._bar is None and not self.quiet:
            if result.status == "printed" and result.adapted:
                what = f"adapted from its log ({result.changes} change{'s' if result.changes != 1 else ''}), printed {result.file}"
            else:
                what = f"printed {result.file}" if result.status == "printed" else f"kept {result.file} (exists)"
            typer.echo(f"[{done}/{total}] row {result.row} {result.name}: {what}", err=True)
        if self._bar is not None:
            self._bar.update(self._task, completed=done)


def _exports(raw: str | None) -> tuple[str, ...]:
    if raw is None:
        return ()
    from ..export.files import FORMATS

    formats = [f.strip().lower() for f in raw.replace(";", ",").split(",") if f.strip()]
    bad = [f for f in formats if f not in FORMATS]
    if not formats or bad:
        shown = bad[0] if bad else raw
        raise fail(f"--export: {shown[:40]!r} is not a device format; allowed: {', '.join(FORMATS)}")
    return tuple(dict.fromkeys(formats))
