"""Batch printing: one handout per roster row, in worker processes, never losing work to a bad row.

The parent reads the roster as a stream, validates each row, names its file and hands small
tasks to workers; workers build, render and write their own PDF (temp file + rename) and send
back only a status line. Names are fixed in the parent, in row order, before any work is
dispatched, so the files are the same whatever the number of workers. Nothing is held per
client in the parent: its memory stays flat as rosters grow. No printing and no exits here:
the CLI reports progress through the `on_result` callback.
"""

from __future__ import annotations

import csv
import logging
import os
import signal
import tempfile
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal

from pydantic import ValidationError

from ..errors import OutputExistsError, PlannerError
from ..models import Coach, Profile
from ..io.profiles import describe_validation_error
from .roster import Roster, row_profile
from ..io.writers import safe_stem, write_atomic

Status = Literal["printed", "exists", "failed"]

REPORT_NAME = "report.csv"
REPORT_COLUMNS = ("row", "name", "status", "file", "error")
COMBINED_MARK = "/WorkoutPlannerRoster"
# A file name is at most 255 bytes on common file systems; leave room for "-1234.pdf".
_MAX_STEM_BYTES = 200
# Cells a spreadsheet would run as a formula when the coach opens report.csv.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


@dataclass(frozen=True)
class RenderSettings:
    """What every client of a batch shares; sent to each worker once, not with every row."""

    theme: Any = None
    paper: str | None = None
    coach: Coach | None = None
    seed: int = 0
    library: str | None = None


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


# --- the work one client needs -----------------------------------------------------------------


@lru_cache(maxsize=4)
def _library(path: str | None) -> Any:
    if path is None:
        return None
    from .. import load_library

    return load_library(path)


def render_client(settings: RenderSettings, profile: Profile) -> bytes:
    """The real job: build the plan and render the handout (the same as `planner generate`)."""
    from .. import build_plan, render_pdf

    plan = build_plan(profile, _library(settings.library), seed=settings.seed)
    return render_pdf(plan, settings.theme, paper=settings.paper, coach=settings.coach)


def run_task(job: Job, settings: RenderSettings, task: Task) -> RowResult:
    """Print one client; every failure becomes a report line, never an exception."""
    try:
        data = job(settings, task.profile)
        write_atomic(task.path, data, force=task.force)
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


# --- the report --------------------------------------------------------------------------------


def _cell(text: str) -> str:
    """Keep a spreadsheet from running a client's name as a formula."""
    return "'" + text if text.startswith(_FORMULA_START) else text


def _uncell(text: str) -> str:
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


# --- the combined PDF ----------------------------------------------------------------------------


def is_combined_handout(path: Path) -> bool:
    """True for a combined PDF this tool wrote: a re-run may refresh it without --force.
    Its metadata is the first object in the file, so the check reads 2 KB, not the PDF."""
    try:
        with open(path, "rb") as handle:
            head = handle.read(2048)
    except OSError:
        return False
    return head.startswith(b"%PDF-") and COMBINED_MARK.encode() in head


def check_combined_target(path: Path, force: bool, out_dir: Path | None = None) -> None:
    """Refuse before any work starts, not after an hour of printing."""
    path = Path(path)
    target = path.resolve()
    if path.is_dir() or (out_dir is not None and target in (Path(out_dir).resolve(), *Path(out_dir).resolve().parents)):
        raise PlannerError(f"combined: '{path}' is a folder; give a file name such as '{path}.pdf'")
    inside_out = out_dir is not None and target.parent == Path(out_dir).resolve()
    if not target.parent.is_dir() and not inside_out:
        raise PlannerError(f"combined: cannot write '{path}': '{path.parent}' is not a folder")
    if path.exists() and not force and not is_combined_handout(path):
        raise OutputExistsError(
            f"combined: '{path}' already exists and is not a combined roster handout; "
            "use --force to overwrite it"
        )


def write_combined(entries: Iterable[tuple[str, Path]], target: Path, source: str) -> tuple[int, list[str]]:
    """One PDF of every client, one bookmark per client (their own bookmarks beneath, closed),
    copied object by object from the files on disk straight into a temp file: memory holds one
    client's PDF at a time, not the whole group. Returns the page count and warnings for files
    that could not be read (they are left out)."""
    folder = target.parent if str(target.parent) else Path(".")
    folder.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(dir=folder, prefix=f".{target.name}.", suffix=".tmp")
    tmp = Path(tmp_name)
    warnings: list[str] = []
    pypdf_log = logging.getLogger("pypdf")
    level = pypdf_log.level
    pypdf_log.setLevel(logging.ERROR)  # our one-line warning says it; pypdf's would add noise
    try:
        with os.fdopen(fd, "wb") as handle:
            pdf = _StreamedPdf(
                handle, {"/Title": f"Training plans: {source}", "/Creator": "workout-planner", COMBINED_MARK: source}
            )
            for title, path in entries:
                try:
                    pdf.add_document(title, path)
                except Exception:  # a damaged or foreign file costs its place only
                    warnings.append(f"combined: left out '{path.name}': not a readable PDF")
            if pdf.pages:
                pdf.finish()
                handle.flush()
                os.fsync(handle.fileno())
        if pdf.pages:
            os.chmod(tmp, 0o644)
            os.replace(tmp, target)
        return pdf.pages, warnings
    finally:
        pypdf_log.setLevel(level)
        tmp.unlink(missing_ok=True)


class _StreamedPdf:
    """A PDF written as it is built: each client's objects are renumbered and written out, and
    only their offsets (8 bytes an object) and one small record per client stay in memory."""

    def __init__(self, handle: Any, info: dict[str, str]) -> None:
        from array import array

        from pypdf.generic import DictionaryObject, NameObject, TextStringObject

        self._out = handle
        self._offsets = array("q")
        self._clients: list[tuple[int, str, int, int, tuple[int, int, int] | None]] = []
        self.pages = 0
        handle.write(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
        self._info = self._reserve()
        self._put(self._info, DictionaryObject({NameObject(k): TextStringObject(v) for k, v in info.items()}))
        self._root_pages = self._reserve()
        self._outlines = self._reserve()

    def _reserve(self) -> int:
        self._offsets.append(-1)
        return len(self._offsets)

    def _put(self, number: int, obj: Any) -> None:
        self._offsets[number - 1] = self._out.tell()
        self._out.write(b"%d 0 obj\n" % number)
        obj.write_to_stream(self._out)
        self._out.write(b"\nendobj\n")

    def add_document(self, title: str, path: Path) -> None:
        from pypdf import PdfReader
        from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject, NameObject, NumberObject

        reader = PdfReader(path)
        sources = list(reader.pages)  # parse before writing anything: a bad file writes nothing
        outline = _outline_nodes(reader, reader.outline)
        if not sources:
            return
        mapping: dict[int, int] = {}
        queue: list[Any] = []
        page_ids = {page.indirect_reference.idnum for page in sources}
        node = self._reserve()

        def ref(indirect: Any) -> Any:
            if indirect.idnum not in mapping:
                mapping[indirect.idnum] = self._reserve()
                queue.append(indirect)
            return IndirectObject(mapping[indirect.idnum], 0, None)

        kids = ArrayObject(ref(page.indirect_reference) for page in sources)
        while queue:
            indirect = queue.pop()
            obj = indirect.get_object()
            if indirect.idnum in page_ids:
                obj = {k: v for k, v in obj.items() if k != "/Parent"}
                copied = _renumber(obj, ref)
                copied[NameObject("/Parent")] = IndirectObject(node, 0, None)
            else:
                copied = _renumber(obj, ref)
            self._put(mapping[indirect.idnum], copied)
        self._put(
            node,
            DictionaryObject(
                {
                    NameObject("/Type"): NameObject("/Pages"),
                    NameObject("/Parent"): IndirectObject(self._root_pages, 0, None),
                    NameObject("/Kids"): kids,
                    NameObject("/Count"): NumberObject(len(kids)),
                }
            ),
        )
        page_numbers = [k.idnum for k in kids]
        item = self._reserve()
        children = self._write_outline(outline, item, page_numbers) if outline else None
        self._clients.append((item, title, page_numbers[0], node, children))
        self.pages += len(kids)

    def _write_outline(
        self, nodes: list[tuple[str, int, list[Any]]], parent: int, pages: list[int]
    ) -> tuple[int, int, int]:
        """Write sibling outline items (closed), returning (first, last, count)."""
        numbers = [self._reserve() for _ in nodes]
        for index, (title, page, children) in enumerate(nodes):
            extra: dict[str, Any] = {}
            if children:
                first, last, count = self._write_outline(children, numbers[index], pages)
                extra = {"/First": first, "/Last": last, "/Count": -count}
            self._put(
                numbers[index],
                _outline_item(
                    title,
                    pages[min(max(page, 0), len(pages) - 1)],
                    parent,
                    numbers[index - 1] if index else None,
                    numbers[index + 1] if index + 1 < len(numbers) else None,
                    extra,
                ),
            )
        return numbers[0], numbers[-1], len(numbers)

    def finish(self) -> None:
        from pypdf.generic import (
            ArrayObject,
            DictionaryObject,
            IndirectObject,
            NameObject,
            NullObject,
            NumberObject,
        )

        def ref(number: int) -> Any:
            return IndirectObject(number, 0, None)

        clients = self._clients
        for index, (item, title, page, _node, children) in enumerate(clients):
            extra: dict[str, Any] = {}
            if children:
                extra = {"/First": children[0], "/Last": children[1], "/Count": -children[2]}
            self._put(
                item,
                _outline_item(
                    title,
                    page,
                    self._outlines,
                    clients[index - 1][0] if index else None,
                    clients[index + 1][0] if index + 1 < len(clients) else None,
                    extra,
                ),
            )
        outlines = DictionaryObject({NameObject("/Type"): NameObject("/Outlines")})
        if clients:
            outlines[NameObject("/First")] = ref(clients[0][0])
            outlines[NameObject("/Last")] = ref(clients[-1][0])
            outlines[NameObject("/Count")] = NumberObject(len(clients))
        self._put(self._outlines, outlines)
        self._put(
            self._root_pages,
            DictionaryObject(
                {
                    NameObject("/Type"): NameObject("/Pages"),
                    NameObject("/Kids"): ArrayObject(ref(c[3]) for c in clients),
                    NameObject("/Count"): NumberObject(self.pages),
                }
            ),
        )
        catalog = self._reserve()
        self._put(
            catalog,
            DictionaryObject(
                {
                    NameObject("/Type"): NameObject("/Catalog"),
                    NameObject("/Pages"): ref(self._root_pages),
                    NameObject("/Outlines"): ref(self._outlines),
                    NameObject("/PageMode"): NameObject("/UseOutlines"),
                }
            ),
        )
        for number, offset in enumerate(self._offsets, start=1):
            if offset < 0:  # reserved by a client that failed half-way: a harmless null
                self._put(number, NullObject())
        start = self._out.tell()
        size = len(self._offsets) + 1
        self._out.write(b"xref\n0 %d\n0000000000 65535 f \n" % size)
        self._out.write(b"".join(b"%010d 00000 n \n" % offset for offset in self._offsets))
        trailer = DictionaryObject(
            {
                NameObject("/Size"): NumberObject(size),
                NameObject("/Root"): ref(catalog),
                NameObject("/Info"): ref(self._info),
            }
        )
        self._out.write(b"trailer\n")
        trailer.write_to_stream(self._out)
        self._out.write(b"\nstartxref\n%d\n%%%%EOF\n" % start)


def _renumber(obj: Any, ref: Callable[[Any], Any]) -> Any:
    """A copy of obj whose references point at the new object numbers (streams keep their
    encoded bytes as they are: nothing is decoded or recompressed)."""
    from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject, StreamObject

    if isinstance(obj, IndirectObject):
        return ref(obj)
    if isinstance(obj, StreamObject):
        stream = type(obj)()
        stream.update({k: _renumber(v, ref) for k, v in obj.items()})
        stream._data = obj._data
        return stream
    if isinstance(obj, dict):
        return DictionaryObject({k: _renumber(v, ref) for k, v in obj.items()})
    if isinstance(obj, list):
        return ArrayObject(_renumber(v, ref) for v in obj)
    return obj


def _outline_nodes(reader: Any, items: list[Any]) -> list[tuple[str, int, list[Any]]]:
    """pypdf's nested outline list -> (title, page index, children)."""
    nodes: list[tuple[str, int, list[Any]]] = []
    for item in items:
        if isinstance(item, list):
            if nodes:
                nodes[-1][2].extend(_outline_nodes(reader, item))
            continue
        page = reader.get_destination_page_number(item)
        nodes.append((str(item.title), page if page is not None else 0, []))
    return nodes


def _outline_item(
    title: str, page: int, parent: int, prev: int | None, nxt: int | None, extra: dict[str, Any]
) -> Any:
    from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject, NameObject, NumberObject, TextStringObject

    item = DictionaryObject(
        {
            NameObject("/Title"): TextStringObject(title),
            NameObject("/Parent"): IndirectObject(parent, 0, None),
            NameObject("/Dest"): ArrayObject([IndirectObject(page, 0, None), NameObject("/Fit")]),
        }
    )
    links = {"/Prev": prev, "/Next": nxt, "/First": extra.get("/First"), "/Last": extra.get("/Last")}
    for key, number in links.items():
        if number is not None:
            item[NameObject(key)] = IndirectObject(number, 0, None)
    if "/Count" in extra:
        item[NameObject("/Count")] = NumberObject(extra["/Count"])
    return item


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
            (_uncell(row["name"]), out_dir / row["file"])
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
