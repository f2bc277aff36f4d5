"""The coach's loop through `planner batch`: print -> log (CSV or filled PDF) -> `--logs DIR`
adapts each logged client from their previous plan and reprints them; the rest are kept.
Real planner and renderer, CLI exit codes, messages and report columns."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from conftest import fill_pdf_form  # pypdf's own form filling, as a PDF reader app does
from pypdf import PdfReader
from typer.testing import CliRunner

from planner.cli import app

runner = CliRunner()
ROSTER = (
    "name,level,activity,weeks,days_per_week,start_date\n"
    "Zoë Ødegård-Núñez,beginner,strength,6,3,2026-03-02\n"
    "Bo,beginner,walking,4,2,2026-03-02\n"
)
WEEK_2 = "2026-03-09"


def invoke(*args: str):
    return runner.invoke(app, [*args])


def report(out: Path) -> list[dict[str, str]]:
    with open(out / "report.csv", encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def printed(tmp_path: Path, *extra: str) -> tuple[Path, Path]:
    roster = tmp_path / "clients.csv"
    roster.write_text(ROSTER, encoding="utf-8")
    out = tmp_path / "out"
    result = invoke("batch", str(roster), "--out", str(out), "-j", "1", *extra)
    assert result.exit_code == 0, result.output
    return roster, out


def week_one_log(plan_json: Path, target: Path) -> None:
    """The worked example of issue 13: week 1 only; the first session done with pain 5 on the
    push-up, the two other sessions missed."""
    result = invoke("log", str(plan_json), "-o", str(target), "--force")
    assert result.exit_code == 0, result.output
    lines = target.read_text(encoding="utf-8").splitlines()
    rows = list(csv.reader(lines[1:]))
    header, body = rows[0], [r for r in rows[1:] if r[0] < WEEK_2]
    first = body[0][0]
    for r in body:
        r[header.index("done")] = "yes" if r[0] == first else "no"
        if r[0] == first and r[2] == "push-up":
            r[header.index("pain")] = "5"
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows([header, *body])
    target.write_text(lines[0] + "\n" + buffer.getvalue(), encoding="utf-8")


def test_batch_writes_each_clients_plan_json_beside_the_handout(tmp_path: Path) -> None:
    _, out = printed(tmp_path)
    assert sorted(p.name for p in out.iterdir()) == [
        "bo.json", "bo.pdf", "report.csv", "zoë-ødegård-núñez.json", "zoë-ødegård-núñez.pdf",
    ]  # fmt: skip
    plan = json.loads((out / "bo.json").read_text(encoding="utf-8"))
    assert plan["profile"]["name"] == "Bo" and len(plan["weeks"]) == 4
    assert [r["adapted"] for r in report(out)] == ["no", "no"]


def test_logs_adapt_the_logged_client_like_planner_adapt_and_keep_the_others(tmp_path: Path) -> None:
    roster, out = printed(tmp_path)
    logs = tmp_path / "logs"
    logs.mkdir()
    zoe = out / "zoë-ødegård-núñez.json"
    week_one_log(zoe, logs / "zoë-ødegård-núñez.csv")
    # What `planner adapt` makes of the same plan and log: the batch must make the same plan.
    single = tmp_path / "single.json"
    alone = invoke("adapt", str(zoe), str(logs / "zoë-ødegård-núñez.csv"), "-o", str(single))
    assert alone.exit_code == 0, alone.output
    bo_pdf = (out / "bo.pdf").read_bytes()

    result = invoke("batch", str(roster), "--out", str(out), "-j", "2", "--logs", str(logs))
    assert result.exit_code == 0, result.output
    assert "(1 adapted from logs, 1 kept)" in result.stdout
    rows = report(out)
    assert [(r["status"], r["adapted"], r["changes"]) for r in rows] == [("printed", "yes", "3"), ("exists", "no", "0")]
    assert zoe.read_bytes() == single.read_bytes()
    assert (out / "bo.pdf").read_bytes() == bo_pdf
    adapted = json.loads(zoe.read_text(encoding="utf-8"))
    # the repeat, the cap at 1.1 x what was done (issue 13), the pain swap
    assert [(c["week"], c["exercise_id"]) for c in adapted["changes"]] == [(2, None), (2, None), (2, "push-up")]
    week2 = {p["exercise_id"] for s in adapted["weeks"][1]["sessions"] for b in s["blocks"] for p in b["items"]}
    assert "incline-push-up" in week2 and "push-up" not in week2
    text = "\n".join(p.extract_text() for p in PdfReader(out / "zoë-ødegård-núñez.pdf").pages)
    assert "Incline push-up" in text

    again = invoke("batch", str(roster), "--out", str(out), "-j", "1", "--logs", str(logs))
    assert again.exit_code == 0, again.output  # the same log is not adapted twice
    assert [(r["status"], r["adapted"], r["changes"]) for r in report(out)] == [("exists", "yes", "3"), ("exists", "no", "0")]
    assert zoe.read_bytes() == single.read_bytes()


def test_a_bad_log_fails_its_client_in_one_line_and_the_others_go_on(tmp_path: Path) -> None:
    roster, out = printed(tmp_path)
    logs = tmp_path / "logs"
    logs.mkdir()
    (logs / "zoë-ødegård-núñez.csv").write_text(
        "date,exercise_id,done\n2026-03-02,no-such-move,yes\n2026-03-02,push-up,maybe\n", encoding="utf-8"
    )
    (logs / "bo.csv").write_text("date,exercise_id,done\n", encoding="utf-8")  # an empty log: nothing to change
    result = invoke("batch", str(roster), "--out", str(out), "-j", "1", "--logs", str(logs))
    assert result.exit_code == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith("Error:")]
    assert len(errors) == 1 and "Traceback" not in result.output
    assert errors[0].startswith("Error: clients.csv: row 2: zoë-ødegård-núñez.csv: row 2: ")
    assert "(and 1 more; run 'planner adapt' on this log to see them all)" in errors[0]
    rows = report(out)
    assert [r["status"] for r in rows] == ["failed", "printed"]
    assert rows[1]["adapted"] == "yes" and rows[1]["changes"] == "0"
    assert json.loads((out / "zoë-ødegård-núñez.json").read_text(encoding="utf-8"))["changes"] == []


def test_a_log_without_a_previous_plan_is_a_row_error(tmp_path: Path) -> None:
    roster = tmp_path / "clients.csv"
    roster.write_text(ROSTER, encoding="utf-8")
    logs = tmp_path / "logs"
    logs.mkdir()
    (logs / "bo.csv").write_text("date,exercise_id,done\n", encoding="utf-8")
    (logs / "nobody.csv").write_text("date,exercise_id,done\n", encoding="utf-8")
    out = tmp_path / "out"
    result = invoke("batch", str(roster), "--out", str(out), "-j", "1", "--logs", str(logs))
    assert result.exit_code == 1
    assert "no previous plan 'bo.json' to adapt; print the client once without --logs" in result.stderr
    assert "Warning: logs: no client of the roster has the file name of nobody.csv" in result.stderr
    assert [r["status"] for r in report(out)] == ["printed", "failed"]


def test_logs_folder_must_exist(tmp_path: Path) -> None:
    roster, out = printed(tmp_path)
    result = invoke("batch", str(roster), "--out", str(out), "--logs", str(tmp_path / "nope"))
    assert result.exit_code == 2
    assert result.stderr.strip() == f"Error: logs: '{tmp_path / 'nope'}' does not exist; give the folder holding the clients' filled logs"
    a_file = tmp_path / "log.csv"
    a_file.write_text("date,exercise_id,done\n", encoding="utf-8")
    result = invoke("batch", str(roster), "--out", str(out), "--logs", str(a_file))
    assert result.exit_code == 2
    assert result.stderr.strip() == f"Error: logs: '{a_file}' is not a folder; give the folder holding the clients' filled logs"


def test_fillable_handouts_filled_on_screen_come_back_through_logs(tmp_path: Path) -> None:
    roster, out = printed(tmp_path, "--fillable")
    pdf = out / "zoë-ødegård-núñez.pdf"
    fields = PdfReader(pdf).get_fields() or {}
    plan = json.loads((out / "zoë-ødegård-núñez.json").read_text(encoding="utf-8"))
    first = plan["weeks"][0]["sessions"][0]
    day = first["date"]
    assert f"{day}~0~{first['blocks'][1]['items'][0]['exercise_id']}~done" in fields
    values = {}
    for session in plan["weeks"][0]["sessions"]:
        for row, item in enumerate(session["blocks"][1]["items"]):
            values[f"{session['date']}~{row}~{item['exercise_id']}~done"] = "x" if session["date"] == day else "no"
    logs = tmp_path / "logs"
    logs.mkdir()
    (logs / pdf.name).write_bytes(fill_pdf_form(pdf.read_bytes(), values))
    result = invoke("batch", str(roster), "--out", str(out), "-j", "1", "--logs", str(logs), "--fillable")
    assert result.exit_code == 0, result.output
    rows = report(out)
    assert (rows[0]["status"], rows[0]["adapted"], rows[0]["changes"]) == ("printed", "yes", "2")
    changes = json.loads((out / "zoë-ødegård-núñez.json").read_text(encoding="utf-8"))["changes"]
    assert "this week repeats the load of week 1 instead of moving on" in [c["what"] for c in changes]
    assert any("done short" in c["why"] for c in changes)  # held to 1.1 x what was done (issue 13)
    assert PdfReader(pdf).get_fields()  # the reprint is a form again, for the next weeks


def test_fillable_refuses_the_log_theme_before_printing(tmp_path: Path) -> None:
    roster = tmp_path / "clients.csv"
    roster.write_text(ROSTER, encoding="utf-8")
    result = invoke("batch", str(roster), "--out", str(tmp_path / "out"), "--fillable", "--theme", "log")
    assert result.exit_code == 2 and result.stderr.startswith("Error: --fillable: theme 'log' prints the log layout")
    assert not (tmp_path / "out").exists()
