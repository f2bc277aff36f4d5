"""`planner export`: one file per session, atomic, no overwrite without --force, one-line errors."""

from __future__ import annotations

import datetime as dt
import io
import json

import fitdecode
import pytest
from typer.testing import CliRunner

from planner import build_plan
from planner.cli import app as APP
from planner.export.ics import plan_to_ics
from planner.export.steps import session_steps, step_lines
from planner.models import Profile

runner = CliRunner()


def _save(tmp_path, activity, name="Zoë Ødegård-Núñez"):
    plan = build_plan(
        Profile(name=name, level="beginner", activity=activity, weeks=2, start_date=dt.date(2027, 1, 4)), seed=0
    )
    path = tmp_path / f"{activity}.json"
    path.write_text(plan.model_dump_json(indent=2), encoding="utf-8")
    return plan, path


@pytest.mark.parametrize("fmt,activity", [("fit", "running"), ("fit", "swimming"), ("zwo", "cycling")])
def test_one_file_per_session_named_by_date_and_title(tmp_path, fmt, activity):
    plan, path = _save(tmp_path, activity)
    out = tmp_path / "out"
    out.mkdir()
    result = runner.invoke(APP, ["export", str(path), "--format", fmt, "-o", str(out)])
    assert result.exit_code == 0, result.output
    sessions = [s for w in plan.weeks for s in w.sessions]
    files = sorted(p.name for p in out.iterdir())
    assert len(files) == len(sessions)
    assert all(f.endswith(f".{fmt}") for f in files)
    assert files[0].startswith(sessions[0].date.isoformat())
    assert not [p for p in out.iterdir() if p.name.startswith(".")]  # no temp files left
    if fmt == "fit":
        with fitdecode.FitReader(io.BytesIO((out / files[0]).read_bytes()), check_crc=fitdecode.CrcCheck.RAISE) as r:
            assert any(isinstance(f, fitdecode.FitDataMessage) and f.name == "workout" for f in r)


def test_rerun_is_byte_identical_and_refuses_to_overwrite_without_force(tmp_path):
    _, path = _save(tmp_path, "running")
    out = tmp_path / "out"
    out.mkdir()
    assert runner.invoke(APP, ["export", str(path), "-o", str(out)]).exit_code == 0
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    result = runner.invoke(APP, ["export", str(path), "-o", str(out)])
    assert result.exit_code == 2
    assert "already exists; use --force" in result.output
    assert len(result.output.strip().splitlines()) == 1 and "Traceback" not in result.output
    assert runner.invoke(APP, ["export", str(path), "-o", str(out), "--force"]).exit_code == 0
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before


def test_one_existing_file_stops_the_run_before_anything_is_written(tmp_path):
    plan, path = _save(tmp_path, "running")
    out = tmp_path / "out"
    out.mkdir()
    assert runner.invoke(APP, ["export", str(path), "-o", str(out)]).exit_code == 0
    names = sorted(p.name for p in out.iterdir())
    for name in names[:-1]:
        (out / name).unlink()
    assert runner.invoke(APP, ["export", str(path), "-o", str(out)]).exit_code == 2
    assert sorted(p.name for p in out.iterdir()) == names[-1:]


@pytest.mark.parametrize(
    "args,message",
    [
        (["--format", "gpx"], "format: 'gpx' is not allowed (allowed: fit, zwo)"),
        (["--format", "zwo"], "'zwo' is for cycling plans"),
        (["-o", "missing-folder"], "'missing-folder' does not exist"),
    ],
)
def test_bad_options_are_one_line_errors(tmp_path, monkeypatch, args, message):
    _, path = _save(tmp_path, "running")
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(APP, ["export", str(path), *args])
    assert result.exit_code == 2
    assert message in result.output
    assert len(result.output.strip().splitlines()) == 1
    assert not list(tmp_path.glob("*.fit")) and not list(tmp_path.glob("*.zwo"))


def test_hand_edited_plan_that_fails_the_checks_is_refused(tmp_path):
    _, path = _save(tmp_path, "running")
    data = json.loads(path.read_text(encoding="utf-8"))
    data["profile"]["activity"] = "rowing"
    path.write_text(json.dumps(data), encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    result = runner.invoke(APP, ["export", str(path), "-o", str(out)])
    assert result.exit_code == 2
    assert "rowing" in result.output and "Traceback" not in result.output
    assert not list(out.iterdir())


def test_file_names_from_hostile_titles_stay_in_the_folder(tmp_path):
    plan, _ = _save(tmp_path, "running")
    week = plan.weeks[0]
    hostile = week.sessions[0].model_copy(update={"title": "../../etc/passwd <&> Zoë"})
    plan = plan.model_copy(update={"weeks": [week.model_copy(update={"sessions": [hostile]})]})
    from planner.export.files import export_files

    out = tmp_path / "out"
    out.mkdir()
    (written,) = export_files(plan, "fit", out)
    assert written.parent == out and "/" not in written.name and ".." not in written.name
    assert "zoë" in written.name


def test_calendar_events_carry_the_steps(tmp_path):
    plan, _ = _save(tmp_path, "running")
    from icalendar import Calendar

    events = [c for c in Calendar.from_ical(plan_to_ics(plan)).walk("VEVENT")]
    sessions = [s for w in plan.weeks for s in sorted(w.sessions, key=lambda s: s.date)]
    for event, session in zip(events, sessions, strict=True):
        description = str(event.get("description"))
        for line in step_lines(session_steps(plan, session)):
            assert line in description


def test_plan_breaking_a_safety_rule_is_not_exported(tmp_path):
    _, path = _save(tmp_path, "running")
    data = json.loads(path.read_text(encoding="utf-8"))
    session = data["weeks"][1]["sessions"][0]
    session["blocks"] = [session["blocks"][1], session["blocks"][0], *session["blocks"][2:]]
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    result = runner.invoke(APP, ["export", str(path), "-o", str(out)])
    assert result.exit_code == 2
    assert "safety problem" in result.output.splitlines()[-1]
    assert session["date"] in result.output
    assert not list(out.iterdir())
