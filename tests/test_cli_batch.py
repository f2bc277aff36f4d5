"""`planner batch` through typer's CliRunner: exit codes, messages, progress, files (real renderer)."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader
from typer.testing import CliRunner

from conftest import pdf_text as text, read_report as report
from planner.cli import app
from planner.batch.roster import template_csv

ZOE = "Zoë Ødegård-Núñez"

runner = CliRunner()


def invoke(*args: str):
    return runner.invoke(app, ["batch", *args])


def roster(tmp_path: Path, *rows: str, header: str = "name,level,activity,weeks,days_per_week,notes") -> Path:
    path = tmp_path / "roster.csv"
    path.write_text(header + "\n" + "\n".join(rows) + "\n", encoding="utf-8")
    return path


GOOD = (f"{ZOE},beginner,walking,2,2,Hydrate before every walk", "Бо Лин,beginner,walking,2,2,")


def test_template_prints_or_writes_an_example_roster(tmp_path: Path) -> None:
    result = invoke("--template")
    assert result.exit_code == 0 and result.stdout == template_csv()
    target = tmp_path / "clients.csv"
    result = invoke("--template", str(target))
    assert result.exit_code == 0 and target.read_text(encoding="utf-8") == template_csv()
    assert "planner batch" in result.stderr
    again = invoke("--template", str(target))
    assert again.exit_code == 2 and "already exists; use --force" in again.stderr


def test_the_template_roster_prints_every_client(tmp_path: Path) -> None:
    path = tmp_path / "roster.csv"
    invoke("--template", str(path))
    out = tmp_path / "out"
    result = invoke(str(path), "--out", str(out), "--workers", "1")
    assert result.exit_code == 0, result.output
    assert [r["status"] for r in report(out)] == ["printed"] * 3
    assert "First 10 km in spring" in text(out / "zoë-ødegård-núñez.pdf")


def test_good_roster_prints_every_client_and_summarises(tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = invoke(str(roster(tmp_path, *GOOD)), "--out", str(out), "--workers", "1")
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith(f"Printed 2 of 2 clients into {out}")
    assert result.stdout.count("\n") == 1 and f"report: {out / 'report.csv'}" in result.stdout
    lines = result.stderr.splitlines()
    assert lines == [
        f"[1/2] row 2 {ZOE}: printed zoë-ødegård-núñez.pdf",
        "[2/2] row 3 Бо Лин: printed бо-лин.pdf",
    ]
    zoe = text(out / "zoë-ødegård-núñez.pdf")
    assert ZOE in zoe and "Hydrate before every walk" in zoe
    assert "Бо Лин" in text(out / "бо-лин.pdf")


def test_bad_rows_fail_alone_with_exit_1(tmp_path: Path) -> None:
    path = roster(tmp_path, GOOD[0], "Bo,expert,walking,2,2,", "Cy,beginner,walking,99,2,", GOOD[1])
    out = tmp_path / "out"
    result = invoke(str(path), "--out", str(out), "--workers", "2")
    assert result.exit_code == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith("Error: ")]
    assert errors[0].startswith("Error: roster.csv: row 3: level: 'expert' is not allowed (allowed: one of beginner")
    assert errors[1] == "Error: roster.csv: row 4: weeks: '99' is not allowed (allowed: a number from 1 to 52)"
    assert len(errors) == 2
    assert "(2 failed)" in result.stdout
    assert [r["status"] for r in report(out)] == ["printed", "failed", "failed", "printed"]
    assert sorted(p.name for p in out.glob("*.pdf")) == ["zoë-ødegård-núñez.pdf", "бо-лин.pdf"]


def test_quiet_prints_only_errors(tmp_path: Path) -> None:
    path = roster(tmp_path, GOOD[0], "Bo,expert,walking,2,2,", header="name,level,activity,weeks,days_per_week,email")
    result = invoke(str(path), "--out", str(tmp_path / "out"), "--quiet", "--workers", "1")
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr.splitlines() == [
        "Error: roster.csv: row 3: level: 'expert' is not allowed (allowed: one of beginner, intermediate, advanced)"
    ]


def test_extra_columns_warned_once(tmp_path: Path) -> None:
    path = roster(tmp_path, GOOD[0], GOOD[1], header="name,level,activity,weeks,days_per_week,email")
    result = invoke(str(path), "--out", str(tmp_path / "out"), "--workers", "1")
    assert result.exit_code == 0
    assert "Warning: roster.csv: ignoring a column that is not a profile field: email\n" in result.stderr
    assert result.stderr.count("email") == 1


def test_rerun_keeps_existing_handouts(tmp_path: Path) -> None:
    path, out = roster(tmp_path, *GOOD), tmp_path / "out"
    invoke(str(path), "--out", str(out), "--workers", "1")
    before = (out / "бо-лин.pdf").stat().st_mtime_ns
    result = invoke(str(path), "--out", str(out), "--workers", "1")
    assert result.exit_code == 0
    assert "Printed 0 of 2 clients" in result.stdout and "2 kept" in result.stdout
    assert "kept бо-лин.pdf (exists)" in result.stderr
    assert (out / "бо-лин.pdf").stat().st_mtime_ns == before


def test_combined_pdf_and_coach_branding(tmp_path: Path) -> None:
    out, combined = tmp_path / "out", tmp_path / "all.pdf"
    result = invoke(
        str(roster(tmp_path, *GOOD)),
        "--out", str(out), "--combined", str(combined), "--workers", "1",
        "--coach-name", "Coach Kári", "--accent", "teal", "--paper", "Letter",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    reader = PdfReader(combined)
    titles = [item.title for item in reader.outline if not isinstance(item, list)]
    assert titles == [ZOE, "Бо Лин"]
    assert len(reader.pages) == sum(len(PdfReader(p).pages) for p in out.glob("*.pdf"))
    assert f"combined: {combined} ({len(reader.pages)} pages)" in result.stdout
    assert "Coach Kári" in text(out / "бо-лин.pdf")
    width, height = reader.pages[0].mediabox.width, reader.pages[0].mediabox.height
    assert (round(float(width)), round(float(height))) == (612, 792)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        ((), "Error: give a roster file (CSV, JSON or YAML), or use --template"),
        (("missing.csv",), "Error: roster: 'missing.csv' does not exist"),
        (("{roster}", "--paper", "a3"), "Error: paper: 'a3' is not allowed (allowed: a4, letter)"),
        (("{roster}", "--theme", "nope"), "Error: theme 'nope' not found"),
        (("{roster}", "--accent", "not-a-colour"), "Error: coach accent 'not-a-colour' is not a colour"),
        (("{roster}", "--logo", "{roster}"), "Error: coach logo"),
        (("{roster}", "--start-date", "soon"), "Error: start_date: 'soon' is not allowed"),
        (("{bad}",), "Error: bad.csv: the header has no 'activity' column"),
        (("{roster}", "--exercises", "nope.json"), "Error: *'nope.json' does not exist"),
    ],
)
def test_unusable_input_exits_2_with_one_line(tmp_path: Path, args: tuple[str, ...], message: str) -> None:
    path = roster(tmp_path, *GOOD)
    bad = tmp_path / "bad.csv"
    bad.write_text("name,level\nAnn,beginner\n", encoding="utf-8")
    out = tmp_path / "out"
    args = tuple(a.format(roster=path, bad=bad) for a in args)
    result = invoke(*args, "--out", str(out))
    assert result.exit_code == 2, result.output
    assert re.match(re.escape(message).replace(r"\ \*", ".*"), result.stderr), result.stderr
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.output
    assert not list(out.glob("*.pdf")) if out.exists() else True


def test_start_date_fills_empty_rows(tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = invoke(str(roster(tmp_path, GOOD[0])), "--out", str(out), "--start-date", "2026-03-02", "-j", "1")
    assert result.exit_code == 0
    assert "2026" in text(out / "zoë-ødegård-núñez.pdf") and "Mar" in text(out / "zoë-ødegård-núñez.pdf")


def test_progress_bar_on_a_terminal(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    module = sys.modules["planner.cli.batch"]

    monkeypatch.setattr(module, "stderr_is_terminal", lambda: True)
    path = roster(tmp_path, GOOD[0], "Bo,expert,walking,2,2,")
    result = invoke(str(path), "--out", str(tmp_path / "out"), "-j", "1")
    assert result.exit_code == 1
    assert "Error: roster.csv: row 3: level: 'expert'" in result.stderr
    assert "[1/2]" not in result.stderr  # the bar replaces the plain lines
    assert result.stdout.startswith("Printed 1 of 2 clients")


def test_rich_stays_out_of_plain_runs(tmp_path: Path) -> None:
    import subprocess

    code = (
        "import sys; from planner.cli import app\n"
        "try:\n    app(sys.argv[1:])\nexcept SystemExit:\n    pass\n"
        "print('rich.progress' in sys.modules)"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, "batch", str(roster(tmp_path, GOOD[1])), "--out", str(tmp_path / "out"), "-j", "1"],
        capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert done.stdout.strip().splitlines()[-1] == "False", done.stderr


def test_ctrl_c_exits_130_and_the_same_command_finishes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import planner.batch.runner as engine

    real_run = engine.run_batch

    def interrupted_run(*args, on_result, **kwargs):
        def press_ctrl_c(result, done, total):
            on_result(result, done, total)
            raise KeyboardInterrupt

        return real_run(*args, on_result=press_ctrl_c, **kwargs)

    path, out = roster(tmp_path, *GOOD), tmp_path / "out"
    monkeypatch.setattr(engine, "run_batch", interrupted_run)
    result = invoke(str(path), "--out", str(out), "-j", "1")
    assert result.exit_code == 130
    assert "Interrupted after 1 of 2 clients; no half-written file was left." in result.stderr
    assert result.stdout == ""
    assert [r["status"] for r in report(out)] == ["printed"]
    monkeypatch.setattr(engine, "run_batch", real_run)
    again = invoke(str(path), "--out", str(out), "-j", "1")
    assert again.exit_code == 0 and "Printed 1 of 2 clients" in again.stdout and "(1 kept)" in again.stdout


def test_coach_file_and_theme_apply_to_every_client(tmp_path: Path) -> None:
    coach = tmp_path / "coach.json"
    coach.write_text('{"name": "Coach Ægir", "contact": "aegir@example.org", "accent": "#336699"}', encoding="utf-8")
    out = tmp_path / "out"
    result = invoke(
        str(roster(tmp_path, *GOOD)), "--out", str(out), "-j", "2",
        "--coach", str(coach), "--coach-contact", "+354 555 0100", "--theme", "print-saver",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    for pdf in out.glob("*.pdf"):
        cover = PdfReader(pdf).pages[0].extract_text()
        assert "Coach Ægir" in cover and "+354 555 0100" in cover  # the flag overrides the file
        assert "aegir@example.org" not in cover


def test_combined_pointing_at_a_folder_is_refused_before_printing(tmp_path) -> None:
    from typer.testing import CliRunner

    from planner.cli import app

    roster = tmp_path / "r.csv"
    roster.write_text("name,level,activity\nAnn,beginner,walking\n", encoding="utf-8")
    out = tmp_path / "out"
    result = CliRunner().invoke(app, ["batch", str(roster), "--out", str(out), "--combined", str(out), "-q"])
    assert result.exit_code == 2
    assert "combined: " in result.output and "is a folder" in result.output
    assert not out.exists()
    result = CliRunner().invoke(app, ["batch", str(roster), "--out", str(out), "--combined", str(out / "all.pdf"), "-q"])
    assert result.exit_code == 0, result.output
    assert (out / "all.pdf").exists() and (out / "ann.pdf").exists()
