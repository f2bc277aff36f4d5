"""Worker processes of a batch: bounded in-flight work, results in row order, and workers that
never outlive the run.

Workers ignore SIGINT, SIGTERM and SIGHUP: the parent decides when to stop, so a handout being
written is finished (whole) or never started, never cut off. Because they ignore those signals,
each worker watches its parent and exits as soon as the parent is gone (killed with SIGKILL,
say): an orphaned worker would otherwise wait on its queue forever.
"""

from __future__ import annotations

import os
import signal
import threading
import time
from collections import deque
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any

from .tasks import BatchSummary, RenderSettings, RowResult, Task

WATCH_SECONDS = 0.5
STOP_SIGNALS = tuple(getattr(signal, name) for name in ("SIGINT", "SIGTERM", "SIGHUP") if hasattr(signal, name))

_WORKER: tuple[Any, RenderSettings, Callable[..., RowResult]] | None = None


def _watch_parent(parent: int) -> None:
    while True:
        time.sleep(WATCH_SECONDS)
        if os.getppid() != parent:
            os._exit(70)  # the batch is gone: nobody will read this worker's results


def init_worker(job: Any, settings: RenderSettings, run: Callable[..., RowResult], parent: int) -> None:
    global _WORKER
    for number in STOP_SIGNALS:
        signal.signal(number, signal.SIG_IGN)
    _WORKER = (job, settings, run)
    threading.Thread(target=_watch_parent, args=(parent,), name="watch-parent", daemon=True).start()


def _worker_task(task: Task) -> RowResult:
    assert _WORKER is not None, "worker used before init_worker"
    job, settings, run = _WORKER
    return run(job, settings, task)


_Pending = RowResult | tuple[Task, "Future[RowResult]"]


def run_in_pool(
    items: Iterator[Task | RowResult],
    job: Any,
    settings: RenderSettings,
    run: Callable[..., RowResult],
    emit: Callable[[RowResult], None],
    summary: BatchSummary,
    workers: int,
    on_stop: Callable[[], None],
) -> None:
    """The window (4 tasks a worker) is the only buffer. A worker that dies (a crash in native
    code, the OOM killer) breaks the pool: the rows it held fail with a "run again" message and
    a fresh pool takes the rows that follow. A stop (KeyboardInterrupt, which SIGTERM and SIGHUP
    become) cancels what has not started and reports the rows being written once they finish;
    a second stop kills the workers."""
    window = 4 * workers
    pending: deque[_Pending] = deque()
    pools: list[ProcessPoolExecutor] = []
    parent = os.getpid()

    def pool() -> ProcessPoolExecutor:
        if not pools or getattr(pools[-1], "_broken", False):
            pools.append(
                ProcessPoolExecutor(max_workers=workers, initializer=init_worker, initargs=(job, settings, run, parent))
            )
        return pools[-1]

    def drain_one() -> None:
        result = _outcome(pending[0])  # stays queued until its result is in hand: a stop may come now
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
            while pending:
                head = pending.popleft()
                if not (isinstance(head, tuple) and head[1].cancelled()):
                    emit(_outcome(head))
        except KeyboardInterrupt:  # a second stop: now
            for executor in pools:
                for process in list(getattr(executor, "_processes", {}).values()):
                    process.kill()  # workers ignore SIGTERM on purpose
    finally:
        for executor in pools:
            executor.shutdown(wait=True, cancel_futures=True)
        if summary.interrupted:
            on_stop()


def _submit(pool: ProcessPoolExecutor, task: Task) -> _Pending:
    try:
        return (task, pool.submit(_worker_task, task))
    except BrokenProcessPool:
        return lost(task)


def _outcome(entry: _Pending) -> RowResult:
    if isinstance(entry, RowResult):
        return entry
    task, future = entry
    try:
        return future.result()
    except BrokenProcessPool:
        return lost(task)


def lost(task: Task) -> RowResult:
    return RowResult(
        task.row, task.name, "failed", error=f"{task.where}: the worker process stopped unexpectedly; run again to retry"
    )


def _ready(entry: _Pending) -> bool:
    return isinstance(entry, RowResult) or entry[1].done()
