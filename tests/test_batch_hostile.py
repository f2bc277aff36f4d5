"""Issue 15's batch class: a batch never destroys a file that is not its own, never writes (or
reads a handout) through a symbolic link, never shares a folder with another run, stops
cleanly on SIGTERM/SIGHUP/Ctrl-C (no half-written file, no orphaned worker, a valid partial
report), resumes by content, and reads hostile rosters in one line. CLI exit codes and messages;
signals with a real child process."""

from __future__ import annotations

import csv
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from pypdf import PdfReader
from typer.testing import CliRunner

import planner.batch.roster as roster_module
from planner.batch.lock import FolderLock
from planner.cli import app

runner = CliRunner()
HEADER = "name,level,activity,weeks,days_per_week,start_date"


def batch(*args: str):
    return runner.invoke(app, ["batch", *args])


def roster(tmp_path: Path, *rows: str, name: str = "clients.csv", header: str = HEADER) -> Path:
    path = tmp_path / name
    path.write_text(header + "\n" + "\n".join(rows) + "\n", encoding="utf-8")
    return path


def row(name: str, weeks: int = 2, activity: str = "walking") -> str:
    return f"{name},beginner,{activity},{weeks},2,2026-03-02"


def report(out: Path) -> list[dict[str, str]]:
    with open(out / "report.csv", encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def one_error(result) -> str:
    """Exit 2, exactly one `Error:` line, no traceback: the line."""
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("Error: ") and len(lines[0]) <= 400, lines
    return lines[0]


def temp_files(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.rglob(".*") if p.name.endswith(".tmp"))


# --- files that are not ours --------------------------------------------------------------------


def test_an_unrelated_report_csv_is_kept_without_force(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "report.csv").write_text("quarter,revenue\nQ1,100\n", encoding="utf-8")
    path = roster(tmp_path, row("Ann"))
    line = one_error(batch(str(path), "--out", str(out)))
    assert "report: '" in line and "already exists and is not a batch report" in line and "--force" in line
    assert (out / "report.csv").read_text(encoding="utf-8") == "quarter,revenue\nQ1,100\n"
    assert sorted(p.name for p in out.iterdir()) == ["report.csv"]  # refused before any work
    forced = batch(str(path), "--out", str(out), "--force")
    assert forced.exit_code == 0 and report(out)[0]["name"] == "Ann"


def test_a_roster_kept_as_the_report_is_never_destroyed_even_with_force(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    path = roster(out, row("Ann"), name="report.csv")
    before = path.read_bytes()
    for extra in ((), ("--force",)):
        line = one_error(batch(str(path), "--out", str(out), *extra))
        assert "would replace the roster itself" in line
    assert path.read_bytes() == before


@pytest.mark.parametrize("target", ["report", "roster"])
def test_combined_never_replaces_the_report_or_the_roster(tmp_path: Path, target: str) -> None:
    out = tmp_path / "out"
    path = roster(tmp_path, row("Ann"))
    before = path.read_bytes()
    combined = out / "report.csv" if target == "report" else path
    line = one_error(batch(str(path), "--out", str(out), "--combined", str(combined), "--force"))
    assert line.startswith(f"Error: combined: '{combined}' is the ")
    assert path.read_bytes() == before and not (out / "ann.pdf").exists()


def test_our_own_report_is_replaced_by_a_rerun(tmp_path: Path) -> None:
    path, out = roster(tmp_path, row("Ann")), tmp_path / "out"
    assert batch(str(path), "--out", str(out)).exit_code == 0
    again = batch(str(path), "--out", str(out))
    assert again.exit_code == 0 and [r["status"] for r in report(out)] == ["exists"]


# --- symbolic links -------------------------------------------------------------------------------


def test_a_handout_that_is_a_symlink_is_refused_and_never_written_through(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("root:x:0:0\n", encoding="utf-8")
    path, out = roster(tmp_path, row("Ann"), row("Bob")), tmp_path / "out"
    out.mkdir()
    (out / "bob.pdf").symlink_to(secret)
    for extra in ((), ("--force",), ("--resume",)):
        result = batch(str(path), "--out", str(out), "--combined", str(tmp_path / "all.pdf"), "--force", *extra)
        assert result.exit_code == 1, result.output
        assert "Error: clients.csv: row 3: output: 'bob.pdf' is a symbolic link; the batch never writes through one" in result.stderr
        rows = report(out)
        assert [(r["status"], r["file"]) for r in rows] == [(rows[0]["status"], "ann.pdf"), ("failed", "")]
        assert secret.read_text(encoding="utf-8") == "root:x:0:0\n" and (out / "bob.pdf").is_symlink()
        outline = PdfReader(tmp_path / "all.pdf").outline
        assert [item.title for item in outline if not isinstance(item, list)] == ["Ann"]  # not counted


def test_a_plan_json_symlink_and_a_report_symlink_are_refused(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("keep", encoding="utf-8")
    path, out = roster(tmp_path, row("Ann")), tmp_path / "out"
    out.mkdir()
    (out / "ann.json").symlink_to(secret)
    result = batch(str(path), "--out", str(out), "--force")
    assert result.exit_code == 1 and "output: 'ann.json' is a symbolic link" in result.stderr
    (out / "ann.json").unlink()
    (out / "report.csv").unlink()
    (out / "report.csv").symlink_to(secret)
    line = one_error(batch(str(path), "--out", str(out), "--force"))
    assert "report: '" in line and "is a symbolic link" in line
    assert secret.read_text(encoding="utf-8") == "keep"


# --- one run per folder ---------------------------------------------------------------------------


def test_a_second_batch_into_the_same_folder_is_refused_and_touches_nothing(tmp_path: Path) -> None:
    path, out = roster(tmp_path, row("Ann")), tmp_path / "out"
    out.mkdir()
    (out / ".ann.pdf.abc123.tmp").write_bytes(b"%PDF- another run is writing this")
    with FolderLock(out):  # another run holds the folder
        line = one_error(batch(str(path), "--out", str(out)))
    assert line == f"Error: out: '{out}' is in use by another 'planner batch' run; wait for it to finish, or print into another folder with --out"
    assert sorted(p.name for p in out.iterdir()) == [".ann.pdf.abc123.tmp"]  # its temp file survives
    assert batch(str(path), "--out", str(out)).exit_code == 0  # the lock ends with its holder
    assert temp_files(out) == []


def test_the_lock_is_dropped_when_its_holder_is_killed(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    holder = subprocess.Popen(
        [sys.executable, "-c", "import sys,time; from planner.batch.lock import FolderLock; "
         "FolderLock(sys.argv[1]).acquire(); print('held', flush=True); time.sleep(600)", str(out)],
        stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
    path = roster(tmp_path, row("Ann"))
    assert "is in use by another" in one_error(batch(str(path), "--out", str(out)))
    holder.kill()
    holder.wait()
    assert batch(str(path), "--out", str(out)).exit_code == 0


# --- signals: a real child process ----------------------------------------------------------------


def _children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid:
                found.append(int(entry.name))
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"  # a zombie has exited; only its exit status is left to collect


def _wait_until(predicate, seconds: float = 60.0) -> bool:
    """A liveness bound, not a timing assertion: generous, for a loaded machine."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.05)
    return predicate()


def _start(tmp_path: Path, clients: int = 40) -> tuple[subprocess.Popen[str], Path, list[str]]:
    path = roster(tmp_path, *(row(f"Client {i:02d}", weeks=8) for i in range(clients)))
    out = tmp_path / "out"
    cmd = [sys.executable, "-m", "planner", "batch", str(path), "--out", str(out), "-j", "2", "-q"]
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    assert _wait_until(lambda: len(list(out.glob("*.pdf"))) >= 2 or proc.poll() is not None)
    return proc, out, cmd


needs_proc = pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs /proc to see worker processes")


@needs_proc
@pytest.mark.parametrize(("number", "code"), [(signal.SIGTERM, 143), (signal.SIGHUP, 129), (signal.SIGINT, 130)])
def test_a_stop_signal_finishes_whole_files_writes_the_report_and_leaves_no_worker(
    tmp_path: Path, number: int, code: int
) -> None:
    proc, out, cmd = _start(tmp_path)
    assert proc.poll() is None, "the batch ended before it could be stopped"
    workers = _children(proc.pid)
    assert workers, "no worker processes"
    os.kill(proc.pid, number)  # the parent only, as `kill PID` or a service manager does
    _, stderr = proc.communicate(timeout=120)
    assert proc.returncode == code, stderr
    assert "Interrupted after" in stderr and "no half-written file was left" in stderr and "Traceback" not in stderr
    rows = report(out)
    assert 1 <= len(rows) < 40 and {r["status"] for r in rows} == {"printed"}
    for r in rows:
        assert len(PdfReader(out / r["file"]).pages) >= 1  # whole
    assert temp_files(out) == []
    assert _wait_until(lambda: not any(_alive(pid) for pid in workers))
    rerun = subprocess.run(cmd, capture_output=True, text=True, timeout=300)
    assert rerun.returncode == 0, rerun.stderr
    assert len(report(out)) == 40 and sum(r["status"] == "exists" for r in report(out)) == len(rows)


@needs_proc
def test_killing_only_the_parent_leaves_a_valid_partial_report_and_no_orphaned_worker(tmp_path: Path) -> None:
    proc, out, cmd = _start(tmp_path)
    assert proc.poll() is None
    workers = _children(proc.pid)
    assert workers
    os.kill(proc.pid, signal.SIGKILL)
    proc.communicate(timeout=60)
    assert _wait_until(lambda: not any(_alive(pid) for pid in workers))  # they noticed the parent is gone
    rows = report(out)  # streamed: every finished row is a whole line
    assert all(len(r) == 9 and None not in r.values() and r["status"] == "printed" for r in rows)
    for r in rows:
        assert len(PdfReader(out / r["file"]).pages) >= 1
    rerun = subprocess.run(cmd, capture_output=True, text=True, timeout=300)
    assert rerun.returncode == 0, rerun.stderr
    assert len(report(out)) == 40 and temp_files(out) == []


# --- resume by content ----------------------------------------------------------------------------


def test_resume_reprints_only_rows_whose_content_changed(tmp_path: Path) -> None:
    out = tmp_path / "out"
    path = roster(tmp_path, row("Ann"), row("Bo"), row("Cy"))
    assert batch(str(path), "--out", str(out), "-j", "1").exit_code == 0
    first = {p.name: p.read_bytes() for p in out.glob("*.pdf")}
    hashes = [r["inputs"] for r in report(out)]
    assert len(set(hashes)) == 3 and all(len(h) == 16 for h in hashes)
    # Saved again unchanged but for spacing and a new file time: nothing to reprint.
    path.write_text(HEADER.replace(",", " , ") + "\n" + "\n".join([row("Ann"), row(" Bo "), row("Cy")]) + "\n", encoding="utf-8")
    os.utime(path, (time.time() + 3600, time.time() + 3600))
    for pdf in out.glob("*.pdf"):
        os.utime(pdf, (0, 0))  # an old mtime means nothing either
    same = batch(str(path), "--out", str(out), "-j", "1", "--resume")
    assert same.exit_code == 0 and [r["status"] for r in report(out)] == ["exists"] * 3
    # Bo's row changes: only Bo is reprinted.
    roster(tmp_path, row("Ann"), row("Bo", weeks=3), row("Cy"))
    plain = batch(str(path), "--out", str(out), "-j", "1")  # without --resume: kept, but said to be out of date
    assert plain.exit_code == 0 and "1 kept but out of date: use --resume" in plain.stdout
    assert "Warning: row 3 Bo: kept 'bo.pdf', printed from other inputs for this row" in plain.stderr
    assert [r["status"] for r in report(out)] == ["exists", "stale", "exists"]
    resumed = batch(str(path), "--out", str(out), "-j", "1", "--resume")
    assert resumed.exit_code == 0
    assert [r["status"] for r in report(out)] == ["exists", "printed", "exists"]
    now = {p.name: p.read_bytes() for p in out.glob("*.pdf")}
    assert now["ann.pdf"] == first["ann.pdf"] and now["cy.pdf"] == first["cy.pdf"] and now["bo.pdf"] != first["bo.pdf"]
    assert len(PdfReader(out / "bo.pdf").pages) > 0


def test_swapped_same_name_rows_are_reprinted_not_mapped_to_each_others_handout(tmp_path: Path) -> None:
    out = tmp_path / "out"
    path = roster(tmp_path, row("Ann", activity="walking"), row("Ann", activity="running"))
    assert batch(str(path), "--out", str(out), "-j", "1").exit_code == 0
    walking, running = (out / "ann.pdf").read_bytes(), (out / "ann-2.pdf").read_bytes()
    roster(tmp_path, row("Ann", activity="running"), row("Ann", activity="walking"))
    result = batch(str(path), "--out", str(out), "-j", "1", "--resume")
    assert result.exit_code == 0 and [r["status"] for r in report(out)] == ["printed", "printed"]
    assert (out / "ann.pdf").read_bytes() == running and (out / "ann-2.pdf").read_bytes() == walking


def test_resume_keeps_a_file_the_report_does_not_know(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "ann.pdf").write_bytes(b"%PDF-1.4 the coach's own copy")
    result = batch(str(roster(tmp_path, row("Ann"))), "--out", str(out), "--resume")
    assert result.exit_code == 0 and [r["status"] for r in report(out)] == ["exists"]
    assert (out / "ann.pdf").read_bytes() == b"%PDF-1.4 the coach's own copy"


# --- hostile rosters ------------------------------------------------------------------------------


def test_an_unterminated_quote_is_one_line_naming_the_line(tmp_path: Path) -> None:
    path = tmp_path / "clients.csv"
    path.write_text(HEADER + "\n" + row("Ann") + '\n"Bo,beginner,walking,2,2,2026-03-02\n' + row("Cy") + "\n", encoding="utf-8")
    line = one_error(batch(str(path), "--out", str(tmp_path / "out")))
    assert line == (
        'Error: clients.csv: line 3: a quote (") opens a cell that is never closed, so every line after it '
        "would be read as that one cell; close the quote, or remove it"
    )
    assert not (tmp_path / "out").exists()


def test_a_quote_closed_lines_later_fails_that_row_and_names_its_lines(tmp_path: Path) -> None:
    path = tmp_path / "clients.csv"
    path.write_text(HEADER + '\n"Bo,beginner,walking,2,2,2026-03-02\nCy",beginner,walking,2,2,2026-03-02\n' + row("Di") + "\n", encoding="utf-8")
    result = batch(str(path), "--out", str(tmp_path / "out"), "-j", "1")
    assert result.exit_code == 1
    assert "Error: clients.csv: row 2: name: the cell runs from line 2 to line 3" in result.stderr
    assert [r["status"] for r in report(tmp_path / "out")] == ["failed", "printed"]
    assert "\n" not in report(tmp_path / "out")[0]["name"]  # one line per cell in the report


@pytest.mark.parametrize("name", ["=HYPERLINK(\"http://x\";\"y\")", "+SUM(1)", "-2+3", "@SUM(A1)"])
def test_formula_names_are_neutralised_in_every_report_cell(tmp_path: Path, name: str) -> None:
    out = tmp_path / "out"
    path = tmp_path / "clients.csv"
    with open(path, "w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows([HEADER.split(","), [name, "beginner", "walking", "2", "2", "2026-03-02"]])
    assert batch(str(path), "--out", str(out), "-j", "1").exit_code == 0
    cells = report(out)[0]
    for column in ("name", "file", "error", "adapted", "changes", "inputs", "log"):
        assert not cells[column].startswith(("=", "+", "-", "@")), (column, cells[column])
    assert cells["name"] == "'" + name
    on_disk = [p.name for p in out.glob("*.pdf")]
    assert len(on_disk) == 1 and cells["file"] in (on_disk[0], "'" + on_disk[0])


def test_names_that_differ_only_in_case_or_form_get_distinct_files(tmp_path: Path) -> None:
    names = ["Ann", "ann", "ANN", "Straße", "STRASSE", "Zoë", "Zoe\u0308"]  # the last is Zoë decomposed (NFD)
    out = tmp_path / "out"
    assert batch(str(roster(tmp_path, *(row(n) for n in names))), "--out", str(out), "-j", "1").exit_code == 0
    files = [r["file"] for r in report(out)]
    assert files == ["ann.pdf", "ann-2.pdf", "ann-3.pdf", "straße.pdf", "strasse-2.pdf", "zoë.pdf", "zoë-2.pdf"]
    assert len({f.casefold() for f in files}) == len(files)  # distinct on macOS and Windows too
    assert len(list(out.glob("*.pdf"))) == len(names)


@pytest.mark.parametrize("fmt", ["csv", "json"])
def test_the_roster_size_cap_just_inside_and_just_outside(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fmt: str) -> None:
    monkeypatch.setattr(roster_module, "MAX_ROSTER_ROWS", 3)
    for count, ok in ((3, True), (4, False)):
        names = [f"C{i}" for i in range(count)]
        if fmt == "csv":
            path = roster(tmp_path, *(row(n) for n in names))
        else:
            path = tmp_path / "clients.json"
            path.write_text("[" + ",".join(f'{{"name": "{n}", "level": "beginner", "activity": "walking", "weeks": 2}}' for n in names) + "]", encoding="utf-8")
        out = tmp_path / f"out-{fmt}-{count}"
        result = batch(str(path), "--out", str(out), "-j", "1", "-q")
        if ok:
            assert result.exit_code == 0, result.output
        else:
            line = one_error(result)
            assert "allowed: at most 3 in one batch (split the roster into several files)" in line
            assert not out.exists()


def test_the_real_cap_is_ten_thousand_clients() -> None:
    assert roster_module.MAX_ROSTER_ROWS == 10_000 and roster_module.MAX_ROSTER_BYTES == 10 * 1024 * 1024


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("bomb.yaml", "- name: &a [x, x]\n  level: [*a, *a]\n", "bomb.yaml: is not valid YAML: line 2: aliases"),
        ("cycle.yaml", "- level: &x [*x]\n", "cycle.yaml: is not valid YAML: line 1: aliases"),
        ("dupe.json", '[{"name": "A", "name": "B", "level": "beginner", "activity": "walking"}]', "dupe.json: is not valid JSON: "),
        ("deep.json", "[" * 200 + "]" * 200, "deep.json: is not valid JSON: nested more than 64 levels deep"),
    ],
)
def test_hostile_list_rosters_are_one_line(tmp_path: Path, name: str, content: str, expected: str) -> None:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    line = one_error(batch(str(path), "--out", str(tmp_path / "out")))
    assert line.startswith("Error: " + expected), line
    assert not (tmp_path / "out").exists()


def test_a_roster_over_the_size_cap_or_not_a_regular_file_is_refused(tmp_path: Path) -> None:
    big = tmp_path / "big.csv"
    with open(big, "wb") as handle:
        handle.write((HEADER + "\n").encode())
        handle.truncate(11 * 1024 * 1024)  # sparse: costs no disk
    line = one_error(batch(str(big), "--out", str(tmp_path / "out")))
    assert "allowed: at most 10,485,760 bytes" in line
    fifo = tmp_path / "fifo.csv"
    os.mkfifo(fifo)
    assert "is not a file" in one_error(batch(str(fifo), "--out", str(tmp_path / "out")))


def test_a_huge_name_costs_one_short_report_cell(tmp_path: Path) -> None:
    out = tmp_path / "out"
    path = roster(tmp_path, row("x" * 20_000), row("Ann"))
    result = batch(str(path), "--out", str(out), "-j", "1")
    assert result.exit_code == 1
    cells = report(out)[0]
    assert cells["status"] == "failed" and len(cells["name"]) <= 120 and len(cells["error"]) <= 400
    assert (out / "report.csv").stat().st_size < 2_000


def test_an_out_path_that_is_a_file_is_one_line(tmp_path: Path) -> None:
    blocker = tmp_path / "handouts"
    blocker.write_text("not a folder", encoding="utf-8")
    line = one_error(batch(str(roster(tmp_path, row("Ann"))), "--out", str(blocker)))
    assert line == f"Error: out: '{blocker}' is a file, not a folder; give a folder for the handouts"
    assert blocker.read_text(encoding="utf-8") == "not a folder"
