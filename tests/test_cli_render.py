"""`planner render`: plan JSON -> PDF, validation first, and the unsafe-edit path."""

from __future__ import annotations

import json

import pytest
from pypdf import PdfReader
from typer.testing import CliRunner

from conftest import pdf_text as _text, zoe_plan
from planner.cli import app as APP

runner = CliRunner()


@pytest.fixture(scope="module")
def plan():
    return zoe_plan(4)



def _unsafe(plan_file):
    """A hand edit that breaks invariant 1: the main block moved before the warm-up."""
    data = json.loads(plan_file.read_text(encoding="utf-8"))
    session = data["weeks"][1]["sessions"][0]
    session["blocks"] = [session["blocks"][1], session["blocks"][0], *session["blocks"][2:]]
    plan_file.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return session["date"]


def test_round_trip_plan_json_to_pdf(plan, plan_file, tmp_path):
    out = tmp_path / "out.pdf"
    result = runner.invoke(APP, ["render", str(plan_file), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert f"Wrote {out}" in result.stdout
    text = _text(out.read_bytes())
    assert "Zoë Ødegård-Núñez" in text
    assert plan.weeks[0].sessions[0].title in text
    assert "EDITED BY HAND" not in text.upper()


def test_output_is_not_overwritten_without_force(plan_file, tmp_path):
    out = tmp_path / "out.pdf"
    out.write_bytes(b"keep me")
    result = runner.invoke(APP, ["render", str(plan_file), "-o", str(out)])
    assert result.exit_code == 2
    assert "already exists; use --force" in result.stderr
    assert out.read_bytes() == b"keep me"
    assert runner.invoke(APP, ["render", str(plan_file), "-o", str(out), "--force"]).exit_code == 0
    assert out.read_bytes().startswith(b"%PDF")


def test_invalid_plan_names_the_json_path_and_writes_nothing(plan_file, tmp_path):
    data = json.loads(plan_file.read_text(encoding="utf-8"))
    data["weeks"][0]["sessions"][1]["rpe"] = 14
    plan_file.write_text(json.dumps(data), encoding="utf-8")
    out = tmp_path / "out.pdf"
    result = runner.invoke(APP, ["render", str(plan_file), "-o", str(out)])
    assert result.exit_code == 2
    assert result.stderr.strip() == (
        "Error: plan.json: weeks.0.sessions.1.rpe: 14 is not allowed (allowed: a number from 1 to 10)"
    )
    assert not out.exists()


def test_unsafe_edit_is_reported_with_week_and_session_and_nothing_is_written(plan_file, tmp_path):
    day = _unsafe(plan_file)
    out = tmp_path / "out.pdf"
    result = runner.invoke(APP, ["render", str(plan_file), "-o", str(out)])
    assert result.exit_code == 2
    assert f"plan.json: week 2, session {day}: warm-up and cool-down:" in result.stderr
    assert "--allow-unsafe" in result.stderr
    assert "Traceback" not in result.output
    assert not out.exists() and list(tmp_path.iterdir()) == [plan_file]


def test_allow_unsafe_prints_a_pdf_marked_as_edited_and_warns(plan_file, tmp_path):
    _unsafe(plan_file)
    out = tmp_path / "out.pdf"
    result = runner.invoke(APP, ["render", str(plan_file), "-o", str(out), "--allow-unsafe"])
    assert result.exit_code == 0, result.output
    assert "Warning: printing a plan with 1 safety problem;" in result.stderr
    text = _text(out.read_bytes())
    assert "EDITED BY HAND" in text.upper()


def test_stale_load_in_the_file_is_recomputed_with_a_note(plan_file, tmp_path):
    data = json.loads(plan_file.read_text(encoding="utf-8"))
    session = data["weeks"][0]["sessions"][0]
    session["load"] = 999
    plan_file.write_text(json.dumps(data), encoding="utf-8")
    result = runner.invoke(APP, ["render", str(plan_file), "-o", str(tmp_path / "out.pdf")])
    assert result.exit_code == 0, result.output
    expected = session["rpe"] * session["minutes"]
    assert f"week 1, {session['date']}: load 999 recomputed as {expected}" in result.stderr


def test_lowering_an_effort_is_judged_on_recomputed_loads(plan_file, tmp_path):
    """Week 1 made lighter by hand makes week 2 a jump of more than 10%: the checks see it
    because loads are recomputed, not read from the file."""
    data = json.loads(plan_file.read_text(encoding="utf-8"))
    for session in data["weeks"][0]["sessions"]:
        session["rpe"] = 1
    plan_file.write_text(json.dumps(data), encoding="utf-8")
    result = runner.invoke(APP, ["render", str(plan_file), "-o", str(tmp_path / "out.pdf")])
    assert result.exit_code == 2
    assert "plan.json: week 2: weekly increase:" in result.stderr


def test_default_output_name_comes_from_the_client(plan_file, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(APP, ["render", str(plan_file)])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "zoë-ødegård-núñez-running-plan.pdf").exists()


def test_missing_plan_file_is_one_line(tmp_path):
    result = runner.invoke(APP, ["render", str(tmp_path / "nope.json")])
    assert result.exit_code == 2
    assert result.stderr.strip().count("\n") == 0 and "does not exist" in result.stderr


def test_bad_paper_is_a_clear_error(plan_file, tmp_path):
    result = runner.invoke(APP, ["render", str(plan_file), "-o", str(tmp_path / "o.pdf"), "--paper", "a5"])
    assert result.exit_code == 2
    assert "a5" in result.stderr and "Traceback" not in result.output


def test_theme_and_coach_branding_apply_and_bad_branding_is_refused(plan_file, tmp_path):
    out = tmp_path / "out.pdf"
    args = ["render", str(plan_file), "-o", str(out), "--theme", "print-saver", "--paper", "letter"]
    result = runner.invoke(APP, [*args, "--coach-name", "Coach Ánh"])
    assert result.exit_code == 0, result.output
    reader = PdfReader(out)
    assert round(float(reader.pages[0].mediabox.width)) == 612
    assert "Coach Ánh" in _text(out.read_bytes())
    bad = runner.invoke(APP, [*args, "--force", "--accent", "not-a-colour"])
    assert bad.exit_code == 2 and "not-a-colour" in bad.stderr and "Traceback" not in bad.output
    unknown = runner.invoke(APP, ["render", str(plan_file), "-o", str(tmp_path / "x.pdf"), "--theme", "nope"])
    assert unknown.exit_code == 2 and "nope" in unknown.stderr
    assert not (tmp_path / "x.pdf").exists()
