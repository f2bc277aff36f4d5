"""The loop through the handout as a form: print with --fillable, fill it in with pypdf's own
form filling (as a tablet's PDF reader would), adapt from the filled PDF, reprint."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import fill_pdf_form
from pypdf import PdfReader

from planner.cli import app


def _plan(runner, tmp_path: Path) -> tuple[Path, dict]:
    path = tmp_path / "plan.json"
    result = runner.invoke(app, ["generate", "--level", "beginner", "--activity", "strength", "--weeks", "6",
                                 "--start-date", "2026-03-02", "--name", "Zoë Ødegård-Núñez",
                                 "--format", "json", "-o", str(path)])
    assert result.exit_code == 0, result.output
    return path, json.loads(path.read_text(encoding="utf-8"))


def test_pain_written_in_the_filled_form_swaps_the_exercise(runner, tmp_path: Path) -> None:
    plan_file, plan = _plan(runner, tmp_path)
    pdf = tmp_path / "plan.pdf"
    assert runner.invoke(app, ["render", str(plan_file), "--fillable", "-o", str(pdf)]).exit_code == 0
    fields = PdfReader(pdf).get_fields() or {}
    pain_fields = [n for n in fields if n.endswith("~pain")]
    assert pain_fields  # one pain cell per main line
    week1 = plan["weeks"][0]["sessions"]
    values = {}
    for s in week1:  # every main line of week 1 ticked, the push-up with pain 6
        for i, p in enumerate(s["blocks"][1]["items"]):
            values[f"{s['date']}~{i}~{p['exercise_id']}~done"] = "x"
            if p["exercise_id"] == "push-up":
                values[f"{s['date']}~{i}~{p['exercise_id']}~pain"] = "6"
    assert any(k.endswith("push-up~pain") for k in values)
    assert set(values) <= set(fields)
    filled = tmp_path / "filled.pdf"
    filled.write_bytes(fill_pdf_form(pdf.read_bytes(), values))

    new_file = tmp_path / "plan-2.json"
    result = runner.invoke(app, ["adapt", str(plan_file), str(filled), "-o", str(new_file)])
    assert result.exit_code == 0, result.output
    assert "Pain of 6/10 on Push-up" in result.output and "physiotherapist" in result.output
    new = json.loads(new_file.read_text(encoding="utf-8"))
    later = {p["exercise_id"] for w in new["weeks"][1:] for s in w["sessions"] for p in s["blocks"][1]["items"]}
    assert "push-up" not in later and "incline-push-up" in later

    # and the reprint says what changed, in the box near the front and on the week it starts
    reprint = tmp_path / "plan-2.pdf"
    assert runner.invoke(app, ["render", str(new_file), "-o", str(reprint)]).exit_code == 0
    pages = [p.extract_text() for p in PdfReader(reprint).pages]
    box = next(i for i, t in enumerate(pages) if "What changed" in t and "Incline push-up" in t)
    first_week = next(i for i, t in enumerate(pages) if "Week 1:" in t)
    assert box < first_week
    week2 = next(t for t in pages if "Week 2:" in t)
    assert "Changed from this week" in week2


def test_a_pain_cell_out_of_range_is_one_line_error(runner, tmp_path: Path) -> None:
    plan_file, plan = _plan(runner, tmp_path)
    pdf = tmp_path / "plan.pdf"
    assert runner.invoke(app, ["render", str(plan_file), "--fillable", "-o", str(pdf)]).exit_code == 0
    s = plan["weeks"][0]["sessions"][0]
    ident = s["blocks"][1]["items"][0]["exercise_id"]
    filled = tmp_path / "filled.pdf"
    filled.write_bytes(fill_pdf_form(pdf.read_bytes(), {f"{s['date']}~0~{ident}~done": "x", f"{s['date']}~0~{ident}~pain": "11"}))
    out = tmp_path / "new.json"
    result = runner.invoke(app, ["adapt", str(plan_file), str(filled), "-o", str(out)])
    assert result.exit_code == 2
    assert "pain: '11' is not allowed" in result.output and "0 to 10" in result.output
    assert "Traceback" not in result.output and not out.exists()


def test_readme_example_log_adapts_the_readme_plan(runner, tmp_path: Path) -> None:
    """The README's walk-through with the log shipped in examples/: the numbers it shows."""
    repo = Path(__file__).resolve().parents[1]
    plan = tmp_path / "plan.json"
    assert runner.invoke(app, ["generate", "--level", "beginner", "--activity", "running", "--weeks", "8",
                               "--start-date", "2026-03-02", "--name", "Zoë Ødegård-Núñez", "--format", "json",
                               "-o", str(plan)]).exit_code == 0
    new = tmp_path / "plan-2.json"
    result = runner.invoke(app, ["adapt", str(plan), str(repo / "examples" / "log-weeks-1-2.csv"), "-o", str(new)])
    assert result.exit_code == 0, result.output
    assert "Week 2 was done short" in result.output and "Pain of 5/10" in result.output
    old, adapted = (json.loads(p.read_text(encoding="utf-8")) for p in (plan, new))
    assert adapted["weeks"][:2] == old["weeks"][:2]
    assert adapted["weeks"][2]["load"] < old["weeks"][2]["load"]
    assert len(adapted["changes"]) == 3
