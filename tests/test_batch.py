"""The batch engine with a stand-in job (fast, no planner): names, report, re-runs, workers,
interruption and the combined PDF. tests/test_batch_real.py runs the real planner and renderer."""

from __future__ import annotations

import csv
import io
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pypdf import PdfReader, PdfWriter

from planner.batch.combined import COMBINED_MARK
from planner.batch.naming import FileNamer, client_stem
from planner.batch.tasks import RenderSettings
from planner.batch.runner import run_batch, sweep_temp_files
from planner.errors import LibraryError, OutputExistsError
from planner.models import Profile
from planner.batch.roster import open_roster

ZOE = "Zoë Ødegård-Núñez"


def fake_job(settings: RenderSettings, profile: Profile) -> bytes:
    """A one-page PDF titled with the client's name; notes steer failures."""
    if profile.notes == "boom":
        raise LibraryError("library: no exercise fits activity 'walking' with equipment 'none'")
    if profile.notes == "bug":
        raise RuntimeError("something broke")
    if profile.notes == "interrupt":
        os.kill(os.getppid() if os.getpid() != PARENT else os.getpid(), signal.SIGINT)
        time.sleep(0.2)
    writer = PdfWriter()
    writer.add_blank_page(200, 200)
    writer.add_metadata({"/Title": profile.name, "/Subject": f"{profile.level} {profile.activity} {settings.seed}"})
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


PARENT = os.getpid()


def roster_file(tmp_path: Path, rows: list[str], header: str = "name,level,activity,notes") -> Path:
    path = tmp_path / "roster.csv"
    path.write_text(header + "\n" + "\n".join(rows) + "\n", encoding="utf-8")
    return path


def report(out: Path) -> list[dict[str, str]]:
    with open(out / "report.csv", encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def run(path: Path, out: Path, **kwargs):
    return run_batch(open_roster(path), out, RenderSettings(), job=fake_job, **kwargs)


def files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.suffix == ".pdf"}


# --- names ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "name",
    [
        "../../etc/passwd",
        "..",
        ".hidden",
        "a/b\\c:d*e?f",
        "<b>Max & Co</b>",
        "Zoë\x00\x07\x1b[31mred",
        "CON",
        "x" * 500,
        "李" * 300,
        "😀" * 100,
        "   ",
        "",
    ],
)
def test_client_stems_are_safe_file_names(tmp_path: Path, name: str) -> None:
    stem = client_stem(name)
    assert stem and stem not in (".", "..") and not stem.startswith((".", "-"))
    assert "/" not in stem and "\\" not in stem and "\x00" not in stem
    assert all(ord(ch) >= 32 and ch != "\x7f" for ch in stem)
    assert len((stem + "-1000.pdf").encode("utf-8")) <= 255
    assert stem.lower() not in ("con", "prn", "aux", "nul")
    assert (tmp_path / f"{stem}.pdf").resolve().parent == tmp_path.resolve()


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=120))
def test_any_name_stays_inside_the_folder(name: str) -> None:
    stem = client_stem(name)
    folder = Path("/srv/out")
    target = folder / f"{stem}.pdf"
    assert target.parent == folder and os.path.normpath(target) == str(target)
    assert stem not in ("", ".", "..") and len(stem.encode("utf-8")) <= 200


def test_readable_names_for_ordinary_clients() -> None:
    assert client_stem(ZOE) == "zoë-ødegård-núñez"
    assert client_stem("Дмитрий Шостакович") == "дмитрий-шостакович"


def test_duplicate_names_get_numbered_files_in_row_order() -> None:
    namer = FileNamer()
    names = [namer.assign(n) for n in ["Ann", "ann", "Ann", "Ann 2", "Bo", "ANN"]]
    assert names == ["ann.pdf", "ann-2.pdf", "ann-3.pdf", "ann-2-2.pdf", "bo.pdf", "ann-4.pdf"]
    assert len(set(names)) == len(names)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(["Ann", "ann", "Ann 2", "ann-2", "Bo", "../x", "", "Ann-3"]), max_size=25))
def test_names_are_unique_and_deterministic(names: list[str]) -> None:
    one = FileNamer()
    two = FileNamer()
    a = [one.assign(n) for n in names]
    b = [two.assign(n) for n in names]
    assert a == b and len({x.casefold() for x in a}) == len(a)


# --- a run -------------------------------------------------------------------------------------

ROWS = [
    f"{ZOE},beginner,running,",
    "Bo,expert,walking,",
    "Cy,beginner,walking,boom",
    "Di,beginner,walking,bug",
    "../../escape,beginner,walking,",
    "Ann,beginner,walking,",
    "Ann,advanced,cycling,",
]


def test_bad_rows_are_reported_and_good_rows_still_print(tmp_path: Path) -> None:
    out = tmp_path / "out"
    summary = run(roster_file(tmp_path, ROWS), out)
    assert (summary.total, summary.printed, summary.failed, summary.exists) == (7, 4, 3, 0)
    assert summary.exit_code == 1
    assert set(files(out)) == {"zoë-ødegård-núñez.pdf", "escape.pdf", "ann.pdf", "ann-2.pdf"}
    assert list(tmp_path.glob("*.pdf")) == [] and not (tmp_path / "escape.pdf").exists()
    rows = report(out)
    assert list(rows[0]) == ["row", "name", "status", "file", "adapted", "changes", "error", "inputs", "log"]
    assert [r["row"] for r in rows] == ["2", "3", "4", "5", "6", "7", "8"]
    assert [r["status"] for r in rows] == ["printed", "failed", "failed", "failed", "printed", "printed", "printed"]
    assert rows[1]["error"].startswith("roster.csv: row 3: level: 'expert' is not allowed (allowed: one of beginner")
    assert rows[2]["error"] == "roster.csv: row 4: library: no exercise fits activity 'walking' with equipment 'none'"
    assert rows[3]["error"].startswith("roster.csv: row 5: unexpected error (RuntimeError: something broke)")
    assert rows[0]["file"] == "zoë-ødegård-núñez.pdf" and rows[0]["error"] == ""
    assert rows[6]["file"] == "ann-2.pdf" and rows[1]["file"] == ""
    assert PdfReader(out / "ann-2.pdf").metadata["/Subject"] == "advanced cycling 0"


def test_all_good_rows_exit_zero_and_results_arrive_in_order(tmp_path: Path) -> None:
    seen: list[tuple[int, int, int]] = []
    summary = run(
        roster_file(tmp_path, [f"C{i},beginner,walking," for i in range(9)]),
        tmp_path / "out",
        workers=2,
        on_result=lambda result, done, total: seen.append((result.row, done, total)),
    )
    assert summary.exit_code == 0 and summary.printed == 9
    assert seen == [(i + 2, i + 1, 9) for i in range(9)]


def test_workers_one_and_two_write_identical_files_and_reports(tmp_path: Path) -> None:
    path = roster_file(tmp_path, ROWS * 3)
    run(path, tmp_path / "one", workers=1)
    run(path, tmp_path / "two", workers=2)
    assert files(tmp_path / "one") == files(tmp_path / "two")
    assert len(files(tmp_path / "one")) == 12
    assert (tmp_path / "one" / "report.csv").read_bytes() == (tmp_path / "two" / "report.csv").read_bytes()


def test_existing_files_are_kept_unless_force(tmp_path: Path) -> None:
    path = roster_file(tmp_path, ["Ann,beginner,walking,", "Bo,beginner,walking,"])
    out = tmp_path / "out"
    run(path, out)
    (out / "ann.pdf").write_bytes(b"%PDF-1.4 coach's edited copy")
    again = run(path, out)
    assert (again.printed, again.exists, again.exit_code) == (0, 2, 0)
    assert [r["status"] for r in report(out)] == ["exists", "exists"]
    assert [r["file"] for r in report(out)] == ["ann.pdf", "bo.pdf"]
    assert (out / "ann.pdf").read_bytes() == b"%PDF-1.4 coach's edited copy"
    forced = run(path, out, force=True)
    assert forced.printed == 2 and (out / "ann.pdf").read_bytes().startswith(b"%PDF-1.")
    assert b"edited copy" not in (out / "ann.pdf").read_bytes()


def test_fixing_a_bad_row_does_not_shift_other_clients_files(tmp_path: Path) -> None:
    out = tmp_path / "out"
    run(roster_file(tmp_path, ["Ann,expert,walking,", "Ann,beginner,walking,"]), out)
    assert set(files(out)) == {"ann-2.pdf"}
    summary = run(roster_file(tmp_path, ["Ann,beginner,walking,", "Ann,beginner,walking,"]), out)
    assert [r["status"] for r in report(out)] == ["printed", "exists"]
    assert summary.exit_code == 0 and set(files(out)) == {"ann.pdf", "ann-2.pdf"}


def test_report_cells_never_run_as_formulas(tmp_path: Path) -> None:
    out = tmp_path / "out"
    run(roster_file(tmp_path, ["=HYPERLINK(\"http://x\"),beginner,walking,", "+1,expert,walking,"]), out)
    rows = report(out)
    assert rows[0]["name"] == "'=HYPERLINK(\"http://x\")"
    assert rows[1]["name"] == "'+1"


# --- interruption and re-run -------------------------------------------------------------------


def test_interrupted_run_in_process_leaves_no_temp_files_and_rerun_finishes(tmp_path: Path) -> None:
    path = roster_file(tmp_path, [f"C{i},beginner,walking," for i in range(6)])
    out = tmp_path / "out"

    def stop_after_two(result, done, total):
        if done == 2:
            raise KeyboardInterrupt

    summary = run(path, out, on_result=stop_after_two)
    assert summary.interrupted and summary.exit_code == 130
    assert [r["status"] for r in report(out)] == ["printed", "printed"]
    assert [p.name for p in out.iterdir() if p.name.startswith(".")] == []
    rerun = run(path, out)
    assert (rerun.exists, rerun.printed, rerun.exit_code) == (2, 4, 0)
    assert len(files(out)) == 6


def test_ctrl_c_with_workers_stops_them_and_keeps_finished_files_whole(tmp_path: Path) -> None:
    rows = [f"C{i},beginner,walking," for i in range(3)] + ["Stop,beginner,walking,interrupt"]
    rows += [f"D{i},beginner,walking," for i in range(40)]
    path = roster_file(tmp_path, rows)
    out = tmp_path / "out"
    summary = run(path, out, workers=2)
    assert summary.interrupted and summary.done < 44
    assert [p.name for p in out.iterdir() if p.name.startswith(".")] == []
    on_disk = list(out.glob("*.pdf"))
    for pdf in on_disk:
        assert len(PdfReader(pdf).pages) == 1
    first = report(out)
    # Rows already with a worker finish (their PDFs are whole); the rest were never started.
    assert [r["status"] for r in first[:4]] == ["printed"] * 4
    assert len(first) <= len(on_disk) < 44
    rerun = run(path, out, workers=2)
    assert rerun.exit_code == 0 and (rerun.exists, rerun.printed) == (len(on_disk), 44 - len(on_disk))


def test_leftover_temp_files_of_a_killed_run_are_swept(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / ".ann.pdf.x1y2.tmp").write_bytes(b"%PDF-half")
    (out / ".report.csv.abc.tmp").write_text("row,")
    (out / "keep.txt").write_text("mine")
    run(roster_file(tmp_path, ["Ann,beginner,walking,"]), out)
    assert sorted(p.name for p in out.iterdir()) == ["ann.pdf", "keep.txt", "report.csv"]
    assert sweep_temp_files(out) == 0


KILL_SCRIPT = textwrap.dedent(
    """
    import io, sys, time
    from pathlib import Path
    from pypdf import PdfWriter
    from planner.batch.tasks import RenderSettings
    from planner.batch.runner import run_batch
    from planner.batch.roster import open_roster

    def slow_job(settings, profile):
        # Rows from C5 on wait to be killed (when asked): exactly five whole PDFs, however slow
        # or fast the machine is.
        if sys.argv[4] == "stall" and int(profile.name[1:]) >= 5:
            time.sleep(3600)
        writer = PdfWriter()
        for _ in range(50):
            writer.add_blank_page(200, 200)
        buffer = io.BytesIO()
        writer.write(buffer)
        return buffer.getvalue()

    run_batch(open_roster(sys.argv[1]), Path(sys.argv[2]), RenderSettings(), workers=int(sys.argv[3]), job=slow_job)
    """
)


@pytest.mark.parametrize("workers", [1, 2])
def test_a_killed_run_leaves_only_whole_pdfs_and_the_same_command_finishes(tmp_path: Path, workers: int) -> None:
    path = roster_file(tmp_path, [f"C{i},beginner,walking," for i in range(60)])
    out = tmp_path / "out"
    script = tmp_path / "kill_me.py"
    script.write_text(KILL_SCRIPT)
    cmd = [sys.executable, str(script), str(path), str(out), str(workers)]
    proc = subprocess.Popen([*cmd, "stall"], start_new_session=True)
    deadline = time.monotonic() + 300  # only a bound on a hung test, not a timing assumption
    while time.monotonic() < deadline and len(list(out.glob("*.pdf"))) < 5 and proc.poll() is None:
        time.sleep(0.05)
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    written = list(out.glob("*.pdf"))
    assert sorted(p.name for p in written) == [f"c{i}.pdf" for i in range(5)]
    for pdf in written:
        assert len(PdfReader(pdf).pages) == 50  # whole, never half-written
    partial = report(out)  # streamed: whole rows only, each naming a whole PDF
    assert all(len(r) == 9 and None not in r.values() for r in partial)
    assert {r["file"] for r in partial} <= {p.name for p in written}
    subprocess.run([*cmd, "go"], check=True, timeout=300)
    rows = report(out)
    assert len(rows) == 60 and {r["status"] for r in rows} == {"printed", "exists"}
    assert sum(r["status"] == "exists" for r in rows) == len(written)
    assert sorted(p.name for p in out.iterdir() if p.name.startswith(".")) == []


# --- the combined PDF ------------------------------------------------------------------------


def outline_titles(path: Path) -> list[str]:
    return [item.title for item in PdfReader(path).outline if not isinstance(item, list)]


def test_combined_pdf_has_every_printed_client_with_a_bookmark(tmp_path: Path) -> None:
    out = tmp_path / "out"
    combined = tmp_path / "all.pdf"
    summary = run(roster_file(tmp_path, ROWS), out, combined=combined)
    assert summary.combined == combined and summary.combined_pages == 4
    assert outline_titles(combined) == [ZOE, "../../escape", "Ann", "Ann"]
    assert PdfReader(combined).metadata[COMBINED_MARK] == "roster.csv"


def test_combined_is_refreshed_on_rerun_but_a_foreign_file_is_never_replaced(tmp_path: Path) -> None:
    out = tmp_path / "out"
    combined = tmp_path / "all.pdf"
    run(roster_file(tmp_path, ["Ann,expert,walking,", "Bo,beginner,walking,"]), out, combined=combined)
    assert outline_titles(combined) == ["Bo"]
    run(roster_file(tmp_path, ["Ann,beginner,walking,", "Bo,beginner,walking,"]), out, combined=combined)
    assert outline_titles(combined) == ["Ann", "Bo"]

    foreign = tmp_path / "contract.pdf"
    foreign.write_bytes(b"%PDF-1.4 not ours")
    fresh = tmp_path / "fresh"
    with pytest.raises(OutputExistsError, match=r"combined: '.*contract.pdf' already exists"):
        run(roster_file(tmp_path, ["Cy,beginner,walking,"]), fresh, combined=foreign)
    assert foreign.read_bytes() == b"%PDF-1.4 not ours"
    assert not (fresh / "cy.pdf").exists()  # refused before any work
    run(roster_file(tmp_path, ["Cy,beginner,walking,"]), fresh, combined=foreign, force=True)
    assert outline_titles(foreign) == ["Cy"]


def test_a_combined_file_inside_the_folder_never_collides_with_a_client(tmp_path: Path) -> None:
    out = tmp_path / "out"
    run(roster_file(tmp_path, ["All,beginner,walking,"]), out, combined=out / "all.pdf")
    assert [r["file"] for r in report(out)] == ["all-2.pdf"]
    assert outline_titles(out / "all.pdf") == ["All"]


def test_no_combined_when_nothing_printed(tmp_path: Path) -> None:
    summary = run(roster_file(tmp_path, ["Ann,expert,walking,"]), tmp_path / "out", combined=tmp_path / "all.pdf")
    assert summary.combined is None and not (tmp_path / "all.pdf").exists()


def test_an_unwritable_file_fails_its_row_only(tmp_path: Path) -> None:
    from planner.batch.tasks import Task
    from planner.batch.runner import run_task

    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    profile = Profile(name="Ann", level="beginner", activity="walking")
    task = Task(2, "Ann", "roster.csv: row 2", profile, blocker / "ann.pdf")
    result = run_task(fake_job, RenderSettings(), task)
    assert result.status == "failed"
    assert result.error.startswith("roster.csv: row 2: output: cannot write '")
    assert result.error.endswith("not-a-folder' is not a folder")


def test_an_out_folder_that_cannot_exist_is_one_error(tmp_path: Path) -> None:
    from planner.errors import PlannerError

    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(PlannerError, match=r"^out: cannot create the folder '.*file/out': "):
        run(roster_file(tmp_path, ["Ann,beginner,walking,"]), blocker / "out")


def test_combined_leaves_out_a_damaged_handout_and_stays_a_valid_pdf(tmp_path: Path) -> None:
    out, combined = tmp_path / "out", tmp_path / "all.pdf"
    path = roster_file(tmp_path, ["Ann,beginner,walking,", "Bo,beginner,walking,", "Cy,beginner,walking,"])
    run(path, out)
    (out / "bo.pdf").write_bytes(b"not a pdf at all")
    summary = run(path, out, combined=combined)
    assert summary.exists == 3 and summary.combined_pages == 2
    assert summary.warnings == ["combined: left out 'bo.pdf': not a readable PDF"]
    reader = PdfReader(combined, strict=True)
    assert [item.title for item in reader.outline] == ["Ann", "Cy"]
    assert [reader.get_destination_page_number(item) for item in reader.outline] == [0, 1]
    assert [page.mediabox.width for page in reader.pages] == [200, 200]
    assert not list(tmp_path.glob(".all.pdf.*.tmp"))


def crashing_job(settings: RenderSettings, profile: Profile) -> bytes:
    """Like a segfault in native code: the worker process vanishes without a word."""
    if profile.notes == "crash" and os.getpid() != PARENT:
        os._exit(1)
    return fake_job(settings, profile)


def test_a_worker_that_dies_fails_its_rows_and_a_fresh_pool_prints_the_rest(tmp_path: Path) -> None:
    rows = ["Crash,beginner,walking,crash"] + [f"C{i},beginner,walking," for i in range(30)]
    path, out = roster_file(tmp_path, rows), tmp_path / "out"
    summary = run_batch(open_roster(path), out, RenderSettings(), workers=2, job=crashing_job)
    lines = report(out)
    assert lines[0]["status"] == "failed"
    assert lines[0]["error"] == "roster.csv: row 2: the worker process stopped unexpectedly; run again to retry"
    assert summary.exit_code == 1 and summary.failed < 10  # only rows in flight with it are lost
    assert [r["status"] for r in lines[-15:]] == ["printed"] * 15
    rerun = run(path, out, workers=2)  # the stand-in job no longer crashes: the rest print
    # A row in flight when the pool broke may have finished its (atomic, complete) PDF after
    # all: the re-run keeps that file instead of printing it again.
    assert rerun.exit_code == 0 and rerun.failed == 0
    assert 1 <= rerun.printed <= summary.failed
    assert rerun.printed + rerun.exists == len(rows)
    assert all(r["status"] in ("printed", "exists") for r in report(out))
