"""Batch printing: one handout per roster row, in worker processes, never losing work to a bad row.

The parent reads the roster as a stream, validates each row, names its file and hands small
tasks to workers; workers build, render and write their own PDF (temp file + rename) and send
back only a status line. Names are fixed in the parent, in row order, before any work is
dispatched, so the files are the same whatever the number of workers. Nothing is held per
client in the parent: its memory stays flat as rosters grow. No printing and no exits here:
the CLI reports progress through the `on_result` callback.
"""


from __future__ import annotations

import signal
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from functools import lru_cache
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from ..errors import OutputExistsError, PlannerError
from ..io.profiles import describe_validation_error
from ..io.writers import check_target, write_atomic
from ..models import Profile
from .combined import check_combined_target, write_combined
from .naming import FileNamer
from .report import REPORT_NAME, ReportWriter, read_report, uncell
from .roster import Roster, row_profile
from .tasks import BatchSummary, Job, OnResult, RenderSettings, RowResult, Task

# --- the work one client needs -----------------------------------------------------------------


@lru_cache(maxsize=4)
def _library(path: str | None, only: bool) -> Any:
    from ..io.libraries import planning_library

    return planning_library(path, only=only)


def render_client(settings: RenderSettings, profile: Profile) -> bytes:
    """The real job: build the plan and render the handout (the same as `planner generate`)."""
    from .. import build_plan, render_pdf

    plan = build_plan(profile, _library(settings.library, settings.library_only), seed=settings.seed)
    return render_pdf(plan, settings.theme, paper=settings.paper, coach=settings.coach)


def device_files(settings: RenderSettings, task: Task) -> list[tuple[Path, bytes]]:
    """The client's workouts for watches and trainers, in `<handout stem>/` beside the PDF.

    Zwift files are for cycling clients only, so a mixed roster can ask for `fit,zwo`. Every
    target is checked before the handout is written: a row gets all its files or none.
    """
    if not settings.exports:
        return []
    from .. import build_plan
    from ..export.files import plan_exports

    plan = build_plan(task.profile, _library(settings.library, settings.library_only), seed=settings.seed)
    folder = task.path.with_suffix("")
    formats = [f for f in settings.exports if f != "zwo" or plan.profile.activity == "cycling"]
    files = [(folder / name, data) for fmt in formats for name, data in plan_exports(plan, fmt)]
    if folder.exists():  # a new folder holds nothing to overwrite
        for path, _ in files:
            check_target(path, force=task.force)
    return files


def run_task(job: Job, settings: RenderSettings, task: Task) -> RowResult:
    """Print one client; every failure becomes a report line, never an exception."""
    try:
        data = job(settings, task.profile)
        check_target(task.path, force=task.force)
        devices = device_files(settings, task)
        write_atomic(task.path, data, force=task.force)
        for path, payload in devices:
            path.parent.mkdir(exist_ok=True)
            write_atomic(path, payload, force=task.force)
    except OutputExistsError:
        return RowResult(task.row, task.name, "exists", task.path.name)
    except PlannerError as exc:
        return RowResult(task.row, task.name, "failed", error=f"{task.where}: {exc}")
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
    return RowResult(task.row, task.name, "printed", task.path.name)


_WORKER: tuple[Job, RenderSettings] | None = None


def _init_worker(job: Job, settings: RenderSettings) -> None:
    """Workers ignore Ctrl-C: the parent decides, so a PDF is never cut off mid-write."""
    global _WORKER
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _WORKER = (job, settings)


def _worker_task(task: Task) -> RowResult:
    assert _WORKER is not None, "worker used before _init_worker"
    job, settings = _WORKER
    return run_task(job, settings, task)


# --- the run -------------------------------------------------------------------------------------


def sweep_temp_files(folder: Path, *, reports: bool = True) -> int:
    """Remove the temp files a killed run left behind (write_atomic and the report name them
    `.NAME.XXXX.tmp`); a finished file is never touched."""
    removed = 0
    patterns = [".*.pdf.*.tmp"] + ([f".{REPORT_NAME}.*.tmp"] if reports else [])
    for pattern in patterns:
        for path in folder.glob(pattern):
            path.unlink(missing_ok=True)
            removed += 1
    return removed


def plan_rows(
    roster: Roster,
    out_dir: Path,
    *,
    force: bool = False,
    defaults: dict[str, Any] | None = None,
    reserved: Iterable[str] = (),
) -> Iterator[Task | RowResult]:
    """Rows in order, each either a Task to print or an already-known result (a bad row, or a
    file that exists). Streams: nothing is kept per row but its file name."""
    namer = FileNamer(reserved)
    for row in roster.rows():
        file_name = namer.assign(row.name)
        where = f"{roster.source}: row {row.number}"
        try:
            profile = row_profile(row, roster.source, defaults)
        except PlannerError as exc:
            yield RowResult(row.number, row.name, "failed", error=str(exc))
            continue
        target = out_dir / file_name
        if target.exists() and not force:
            yield RowResult(row.number, profile.name, "exists", file_name)
            continue
        yield Task(row.number, profile.name, where, profile, target, force)


def run_batch(
    roster: Roster,
    out_dir: Path,
    settings: RenderSettings | None = None,
    *,
    workers: int = 1,
    force: bool = False,
    combined: Path | None = None,
    defaults: dict[str, Any] | None = None,
    on_result: OnResult | None = None,
    job: Job = render_client,
) -> BatchSummary:
    """Print every row of the roster into out_dir and write report.csv (and the combined PDF).

    `workers=1` runs in this process; more uses a process pool with at most a few tasks in
    flight per worker. Results are reported (and written to the report) in row order.
    A Ctrl-C stops dispatching, lets the PDFs being written finish, writes the report of the
    rows done and returns with `interrupted` set (the CLI exits 130).
    """
    settings = settings or RenderSettings()
    out_dir = Path(out_dir)
    if combined is not None:
        check_combined_target(combined, force, out_dir)
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise PlannerError(f"out: cannot create the folder '{out_dir}': {exc.strerror or exc}") from None
    sweep_temp_files(out_dir)
    reserved: list[str] = []
    if combined is not None and combined.resolve().parent == out_dir.resolve():
        reserved.append(combined.stem)
    summary = BatchSummary(total=roster.total)
    report = ReportWriter(out_dir / REPORT_NAME)
    started = time.perf_counter()

    def emit(result: RowResult) -> None:
        report.add(result)
        if result.status == "printed":
            summary.printed += 1
        elif result.status == "exists":
            summary.exists += 1
        else:
            summary.failed += 1
        if on_result is not None:
            on_result(result, summary.done, summary.total)

    items = plan_rows(roster, out_dir, force=force, defaults=defaults, reserved=reserved)
    try:
        if workers <= 1:
            _run_in_process(items, job, settings, emit, summary)
        else:
            _run_in_pool(items, job, settings, emit, summary, workers, out_dir)
        summary.seconds = time.perf_counter() - started
        summary.report = report.commit()
    except BaseException:
        report.discard()
        raise
    if combined is not None and not summary.interrupted:
        entries = (
            (uncell(row["name"]), out_dir / row["file"])
            for row in read_report(summary.report)
            if row["status"] in ("printed", "exists")
        )
        pages, warnings = write_combined(entries, combined, roster.source)
        summary.warnings.extend(warnings)
        if pages:
            summary.combined, summary.combined_pages = combined, pages
    return summary


def _run_in_process(
    items: Iterator[Task | RowResult],
    job: Job,
    settings: RenderSettings,
    emit: Callable[[RowResult], None],
    summary: BatchSummary,
) -> None:
    try:
        for item in items:
            emit(item if isinstance(item, RowResult) else run_task(job, settings, item))
    except KeyboardInterrupt:
        summary.interrupted = True  # write_atomic already removed the half-written temp file


def _run_in_pool(
    items: Iterator[Task | RowResult],
    job: Job,
    settings: RenderSettings,
    emit: Callable[[RowResult], None],
    summary: BatchSummary,
    workers: int,
    out_dir: Path,
) -> None:
    """Bounded in-flight work, results taken in row order: the window is the only buffer.

    A worker that dies (a crash in native code, the OOM killer) breaks the pool: the rows it
    held fail with a "run again" message and a fresh pool takes the rows that follow.
    """
    window = 4 * workers
    pending: deque[_Pending] = deque()
    pools: list[ProcessPoolExecutor] = []

    def pool() -> ProcessPoolExecutor:
        if not pools or getattr(pools[-1], "_broken", False):
            pools.append(ProcessPoolExecutor(max_workers=workers, initializer=_init_worker, initargs=(job, settings)))
        return pools[-1]

    def drain_one() -> None:
        result = _outcome(pending[0])  # stays queued until its result is in hand: Ctrl-C may come now
        pending.popleft()
        emit(result)

    try:
        for item in items:
            pending.append(item if isinstance(item, RowResult) else _submit(pool(), item))
            while len(pending) > window or (pending and _ready(pending[0])):
                drain_one()
        while pending:
            drain_one()
    except KeyboardInterrupt:
        summary.interrupted = True
        for entry in pending:
            if isinstance(entry, tuple):
                entry[1].cancel()
        try:
            # Workers ignore Ctrl-C and finish the PDFs they are writing; report those too.
            while pending:
                head = pending.popleft()
                if not (isinstance(head, tuple) and head[1].cancelled()):
                    emit(_outcome(head))
        except KeyboardInterrupt:  # a second Ctrl-C: stop now
            for executor in pools:
                for process in list(getattr(executor, "_processes", {}).values()):
                    process.terminate()
    finally:
        for executor in pools:
            executor.shutdown(wait=True, cancel_futures=True)
        if summary.interrupted:
            sweep_temp_files(out_dir, reports=False)  # this run's report is still being written


_Pending = RowResult | tuple[Task, Future[RowResult]]


def _submit(pool: ProcessPoolExecutor, task: Task) -> _Pending:
    try:
        return (task, pool.submit(_worker_task, task))
    except BrokenProcessPool:
        return _lost(task)


def _outcome(entry: _Pending) -> RowResult:
    if isinstance(entry, RowResult):
        return entry
    task, future = entry
    try:
        return future.result()
    except BrokenProcessPool:
        return _lost(task)


def _lost(task: Task) -> RowResult:
    return RowResult(
        task.row, task.name, "failed", error=f"{task.where}: the worker process stopped unexpectedly; run again to retry"
    )


def _ready(entry: _Pending) -> bool:
    return isinstance(entry, RowResult) or entry[1].done()
