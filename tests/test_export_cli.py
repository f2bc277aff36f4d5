"""`planner export`: one file per session, atomic, no overwrite without --force, one-line errors."""

from __future__ import annotations

import datetime as dt
import io
import json

import fitdecode
import pytest
from typer.testing import CliRunner

from conftest import assert_one_line_error
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
    result = runner.invoke(APP, ["export", str(path), "-o", str(out)])
    assert_one_line_error(result, names[-1], "already exists; use --force")
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


GEN = ["generate", "--level", "beginner", "--activity", "cycling", "--weeks", "2", "--name", "Zoë",
       "--start-date", "2027-01-04"]


def test_generate_also_writes_device_files_that_match_a_later_export(tmp_path):
    watch, later = tmp_path / "watch", tmp_path / "later"
    watch.mkdir(), later.mkdir()
    result = runner.invoke(APP, [*GEN, "-o", str(tmp_path / "z.json"), "-f", "json", "--export", "fit,zwo", str(watch)])
    assert result.exit_code == 0, result.output
    files = sorted(p.name for p in watch.iterdir())
    sessions = sum(len(w["sessions"]) for w in json.loads((tmp_path / "z.json").read_text())["weeks"])
    assert len([f for f in files if f.endswith(".fit")]) == len([f for f in files if f.endswith(".zwo")]) == sessions
    assert f"Wrote {len(files)} device files (fit, zwo)" in result.output
    assert runner.invoke(APP, ["export", str(tmp_path / "z.json"), "-f", "fit", "-o", str(later)]).exit_code == 0
    for path in later.iterdir():
        assert path.read_bytes() == (watch / path.name).read_bytes()


@pytest.mark.parametrize(
    "export,message",
    [(["gpx", "FOLDER"], "'gpx' is not a device format; allowed: fit, zwo"),
     (["fit", "missing"], "does not exist; give an existing folder")],
)
def test_generate_refuses_a_bad_export_request_before_writing_anything(tmp_path, export, message):
    (tmp_path / "FOLDER").mkdir()
    args = [a if a != "FOLDER" and a != "missing" else str(tmp_path / a) for a in export]
    result = runner.invoke(APP, [*GEN, "-o", str(tmp_path / "z.pdf"), "--export", *args])
    assert result.exit_code == 2
    assert message in result.stderr and "Traceback" not in result.stderr
    assert not (tmp_path / "z.pdf").exists()


def test_generate_writes_nothing_when_one_device_file_exists(tmp_path):
    watch = tmp_path / "watch"
    watch.mkdir()
    (watch / "2027-01-04-easy-ride.fit").write_bytes(b"mine")
    result = runner.invoke(APP, [*GEN, "-o", str(tmp_path / "z.pdf"), "--export", "fit", str(watch)])
    assert result.exit_code == 2 and "exists" in result.stderr
    assert not (tmp_path / "z.pdf").exists()
    assert [p.name for p in watch.iterdir()] == ["2027-01-04-easy-ride.fit"]
    assert (watch / "2027-01-04-easy-ride.fit").read_bytes() == b"mine"
