"""Batch printing: one handout per roster row, in worker processes, never losing work to a bad row.

The parent reads the roster as a stream, validates each row, names its file and decides what
the row needs (print, keep, resume, adapt from a log); workers build, render and write their
own files (temp file + rename) and send back only a status line. Names are fixed in the parent,
in row order, before any work is dispatched, so the files are the same whatever the number of
workers. The parent holds one small record per file of the previous report (for --resume) and
nothing per row of this run. No printing and no exits here: the CLI reports progress through
the `on_result` callback.
"""

from __future__ import annotations

import signal
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from ..errors import OutputError, OutputExistsError, PlannerError
from ..io.files import check_user_file
from ..io.profiles import describe_validation_error
from .clients import Printout, is_our_plan, print_client, refuse_link, render_client, write_printout
from .combined import check_combined_target, write_combined
from .inputs import input_hash, log_hash, settings_key
from .lock import FolderLock
from .naming import FileNamer
from .report import REPORT_NAME, Previous, ReportWriter, check_report_target, previous_rows, read_report, uncell
from .roster import Roster, row_profile
from .tasks import BatchSummary, Job, OnResult, RenderSettings, RowResult, Task
from .workers import STOP_SIGNALS, run_in_pool

__all__ = ["plan_rows", "render_client", "run_batch", "run_task", "sweep_temp_files"]

LOG_SUFFIXES = (".csv", ".pdf")

# --- one row -------------------------------------------------------------------------------------


def run_task(job: Job | None, settings: RenderSettings, task: Task) -> RowResult:
    """Print one client; every failure becomes a report line, never an exception."""
    done = {"inputs": task.inputs, "log": task.log_hash}
    try:
        printout = print_client(settings, task) if job is None else Printout(job(settings, task.profile))
        write_printout(settings, task, printout)
    except OutputExistsError:
        return RowResult(task.row, task.name, "exists", task.path.name)
    except PlannerError as exc:
        return RowResult(task.row, task.name, "failed", error=f"{task.where}: {_one_line(str(exc))}")
    except ValidationError as exc:
        return RowResult(task.row, task.name, "failed", error=describe_validation_error(exc, task.where))
    except OSError as exc:  # disk full, permissions: say which file, not a traceback
        reason = exc.strerror or str(exc)
        return RowResult(task.row, task.name, "failed", error=f"{task.where}: cannot write '{task.path.name}': {reason}")
    except Exception as exc:  # a bug must cost one row, not the batch
        return RowResult(
            task.row,
            task.name,
            "failed",
            error=f"{task.where}: unexpected error ({type(exc).__name__}: {exc}); please report it",
        )
    return RowResult(
        task.row, task.name, "printed", task.path.name, adapted=printout.adapted, changes=printout.changes, **done
    )


def _one_line(message: str) -> str:
    """A log with several bad rows says them all on its own lines (planner adapt); a report
    row keeps the first and says how to see the rest."""
    lines = message.splitlines()
    if len(lines) <= 1:
        return message
    return f"{lines[0]} (and {len(lines) - 2 if lines[-1].endswith('nothing was written') else len(lines) - 1} more; " \
        "run 'planner adapt' on this log to see them all)"


# --- deciding what each row needs ----------------------------------------------------------------


def find_log(logs: Path, stem: str, where: str) -> Path | None:
    """The client's filled log in the logs folder: `<file name>.csv` (the log sheet) or `.pdf`
    (a handout filled on screen), a regular file of sane size; both at once is ambiguous."""
    found = [logs / f"{stem}{suffix}" for suffix in LOG_SUFFIXES if (logs / f"{stem}{suffix}").exists()]
    if not found:
        return None
    if len(found) > 1:
        raise PlannerError(f"{where}: logs: both '{found[0].name}' and '{found[1].name}' exist; keep one")
    check_user_file(found[0], f"{where}: log")
    return found[0]


def plan_rows(
    roster: Roster,
    out_dir: Path,
    *,
    force: bool = False,
    resume: bool = False,
    defaults: dict[str, Any] | None = None,
    reserved: Iterable[str] = (),
    previous: dict[str, Previous] | None = None,
    settings: RenderSettings | None = None,
    logs: Path | None = None,
    used: set[str] | None = None,
) -> Iterator[Task | RowResult]:
    """Rows in order, each either a Task to print or an already-known result (a bad row, a file
    that is kept). Streams: nothing is kept per row but its file name."""
    namer = FileNamer(reserved)
    previous = previous or {}
    shared = settings_key(settings or RenderSettings())
    for row in roster.rows():
        file_name = namer.assign(row.name)
        stem = Path(file_name).stem
        if used is not None:
            used.add(stem.casefold())
        where = f"{roster.source}: row {row.number}"
        target = out_dir / file_name
        try:
            profile = row_profile(row, roster.source, defaults)
            refuse_link(target)
            refuse_link(target.with_suffix(".json"))
            log = find_log(logs, stem, where) if logs is not None else None
        except PlannerError as exc:
            message = str(exc) if str(exc).startswith(where) else f"{where}: {exc}"
            yield RowResult(row.number, row.name, "failed", error=message)
            continue
        inputs = input_hash(shared, profile)
        log_key = log_hash(log) if log is not None else ""
        task = Task(row.number, profile.name, where, profile, target, force, inputs, log, log_key)
        if not target.exists():
            yield task
            continue
        before = previous.get(file_name)
        same = before is not None and before.inputs == inputs and (log is None or before.log == log_key)
        if force:
            yield task
        elif same:
            assert before is not None
            yield RowResult(
                row.number, profile.name, "exists", file_name, adapted=before.adapted == "yes",
                changes=int(before.changes or 0) if before.changes.isdigit() else 0, inputs=inputs, log=before.log,
            )  # fmt: skip
        elif log is not None and (before is not None or is_our_plan(task.plan_path)):
            yield _replace(task)  # a new log: adapt and reprint this client's own files
        elif resume and before is not None:
            yield _replace(task)  # the row (or the settings) changed since it was printed
        elif before is not None:
            yield RowResult(
                row.number, profile.name, "stale", file_name, inputs=before.inputs, log=before.log,
                error=f"kept '{file_name}', printed from other inputs for this row (the row, the settings or the "
                "planner changed since); use --resume to reprint changed clients",
            )  # fmt: skip
        else:
            yield RowResult(row.number, profile.name, "exists", file_name)


def _replace(task: Task) -> Task:
    return Task(task.row, task.name, task.where, task.profile, task.path, True, task.inputs, task.log, task.log_hash)


# --- the run -------------------------------------------------------------------------------------


def sweep_temp_files(folder: Path, *, reports: bool = True) -> int:
    """Remove the temp files a killed run left behind (write_atomic and the report name them
    `.NAME.XXXX.tmp`); a finished file is never touched. Only under the folder's lock: another
    run's temp files are never this run's to sweep."""
    removed = 0
    patterns = [".*.pdf.*.tmp", ".*.json.*.tmp", "*/.*.fit.*.tmp", "*/.*.zwo.*.tmp"]
    patterns += [f".{REPORT_NAME}.*.tmp"] if reports else []
    for pattern in patterns:
        for path in folder.glob(pattern):
            path.unlink(missing_ok=True)
            removed += 1
    return removed


def check_targets(roster: Roster, out_dir: Path, combined: Path | None, force: bool) -> None:
    """Outputs that would destroy an input, or a file that is not ours, are refused before any work."""
    report = out_dir / REPORT_NAME
    inputs = {roster.path.resolve(): "the roster"}
    if report.resolve() in inputs:
        raise OutputError(f"out: the report '{report}' would replace the roster itself; print into another --out folder")
    check_report_target(report, force)
    if combined is not None:
        resolved = Path(combined).resolve()
        if resolved in inputs or resolved == report.resolve():
            what = inputs.get(resolved, "the report of this run")
            raise OutputError(f"combined: '{combined}' is {what}; give another file name such as 'all.pdf'")
        refuse_link(Path(combined), "combined")
        check_combined_target(combined, force, out_dir)


@contextmanager
def _stops_as_interrupt(summary: BatchSummary) -> Iterator[None]:
    """SIGTERM and SIGHUP (a closed terminal, a service manager) stop the run as Ctrl-C does:
    the handouts being written finish, the report keeps every finished row, exit 128 + signal."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def stop(number: int, frame: Any) -> None:
        summary.signal = number
        raise KeyboardInterrupt

    saved = {}
    for number in STOP_SIGNALS:
        if number != signal.SIGINT:
            saved[number] = signal.signal(number, stop)
    try:
        yield
    finally:
        for number, handler in saved.items():
            signal.signal(number, handler)


def run_batch(
    roster: Roster,
    out_dir: Path,
    settings: RenderSettings | None = None,
    *,
    workers: int = 1,
    force: bool = False,
    resume: bool = False,
    logs: Path | None = None,
    combined: Path | None = None,
    defaults: dict[str, Any] | None = None,
    on_result: OnResult | None = None,
    job: Job | None = None,
) -> BatchSummary:
    """Print every row of the roster into out_dir, streaming report.csv (and the combined PDF).

    `job` replaces the planner and renderer (tests); None is the real work. `workers=1` runs in
    this process; more uses a process pool. Results are reported in row order. A stop (Ctrl-C,
    SIGTERM, SIGHUP) lets the handouts being written finish and returns with `interrupted` set.
    """
    settings = settings or RenderSettings()
    out_dir = Path(out_dir)
    if logs is not None and not Path(logs).is_dir():
        what = "is not a folder" if Path(logs).exists() else "does not exist"
        raise PlannerError(f"logs: '{logs}' {what}; give the folder holding the clients' filled logs")
    if out_dir.exists() and not out_dir.is_dir():
        raise PlannerError(f"out: '{out_dir}' is a file, not a folder; give a folder for the handouts")
    check_targets(roster, out_dir, combined, force)
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise PlannerError(f"out: cannot create the folder '{out_dir}': {exc.strerror or exc}") from None
    summary = BatchSummary(total=roster.total)
    with FolderLock(out_dir), _stops_as_interrupt(summary):
        _run_locked(roster, out_dir, settings, summary, workers, force, resume, logs, combined, defaults, on_result, job)
    return summary


def _run_locked(
    roster: Roster,
    out_dir: Path,
    settings: RenderSettings,
    summary: BatchSummary,
    workers: int,
    force: bool,
    resume: bool,
    logs: Path | None,
    combined: Path | None,
    defaults: dict[str, Any] | None,
    on_result: OnResult | None,
    job: Job | None,
) -> None:
    check_targets(roster, out_dir, combined, force)  # again, now that no other run can change the folder
    sweep_temp_files(out_dir)
    reserved: list[str] = []
    if combined is not None and Path(combined).resolve().parent == out_dir.resolve():
        reserved.append(Path(combined).stem)
    previous = previous_rows(out_dir / REPORT_NAME)  # read before the new report replaces it
    report = ReportWriter(out_dir / REPORT_NAME)
    started = time.perf_counter()
    counts = {"printed": "printed", "exists": "exists", "stale": "stale", "failed": "failed"}

    def emit(result: RowResult) -> None:
        report.add(result)
        setattr(summary, counts[result.status], getattr(summary, counts[result.status]) + 1)
        summary.adapted += result.status == "printed" and result.adapted
        if on_result is not None:
            on_result(result, summary.done, summary.total)

    used: set[str] = set()
    items = plan_rows(
        roster, out_dir, force=force, resume=resume, defaults=defaults, reserved=reserved,
        previous=previous, settings=settings, logs=logs, used=used,
    )  # fmt: skip
    try:
        if workers <= 1:
            _run_in_process(items, job, settings, emit, summary)
        else:
            run_in_pool(items, job, settings, run_task, emit, summary, workers, lambda: sweep_temp_files(out_dir, reports=False))
        summary.seconds = time.perf_counter() - started
    finally:
        summary.report = report.commit()  # every finished row is in it, whatever stopped the run
    if logs is not None and not summary.interrupted:
        summary.warnings.extend(_unused_logs(Path(logs), used))
    if combined is not None and not summary.interrupted:
        entries = (
            (uncell(row["name"]), out_dir / uncell(row["file"]))
            for row in read_report(summary.report)
            if row["status"] in ("printed", "exists") and not (out_dir / uncell(row["file"])).is_symlink()
        )
        pages, warnings = write_combined(entries, combined, roster.source)
        summary.warnings.extend(warnings)
        if pages:
            summary.combined, summary.combined_pages = combined, pages


def _unused_logs(logs: Path, used: set[str]) -> list[str]:
    """A log whose name matches no client is likely a renamed client or a typo: say so."""
    names = sorted(p.name for p in logs.iterdir() if p.suffix.lower() in LOG_SUFFIXES and p.stem.casefold() not in used)
    if not names:
        return []
    shown = ", ".join(names[:5]) + (f" and {len(names) - 5} more" if len(names) > 5 else "")
    return [f"logs: no client of the roster has the file name of {shown}; logs are named like the handout (ann.pdf -> ann.csv)"]


def _run_in_process(
    items: Iterator[Task | RowResult],
    job: Job | None,
    settings: RenderSettings,
    emit: Callable[[RowResult], None],
    summary: BatchSummary,
) -> None:
    try:
        for item in items:
            emit(item if isinstance(item, RowResult) else run_task(job, settings, item))
    except KeyboardInterrupt:
        summary.interrupted = True  # write_atomic already removed the half-written temp file
