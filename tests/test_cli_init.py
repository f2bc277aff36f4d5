"""`planner init`: the questions, driven with input, and the profile file they produce."""

from __future__ import annotations

import datetime as dt
import json
import tomllib

import pytest
import yaml
from typer.testing import CliRunner

from conftest import assert_one_line_error
from planner import Profile, build_plan
from planner.cli import app as APP
from planner.cli.init_cmd import profile_text
from planner.models import next_monday
from planner.io.profiles import build_profile, read_profile_file

runner = CliRunner()

# One answer per question, in order: name, level, activity, weeks, days, minutes, equipment,
# focus, limitations, start date, units, body mass, age, notes, then (endurance) current weekly
# minutes, longest recent session, event, and (zones) recent race, max and resting heart rate,
# left blank.
ANSWERS = [
    "Zoë Ødegård-Núñez", "intermediate", "running", "10", "4", "50",
    "dumbbells; bench", "inner-thigh, core", "knee", "2026-03-02", "metric", "62.5", "41",
    "Plié squat: knees over toes", "", "", "", "", "", "",
]


def _run(tmp_path, answers, *args):
    return runner.invoke(APP, ["init", *args], input="\n".join(answers) + "\n")


def _expected() -> Profile:
    return Profile(
        name="Zoë Ødegård-Núñez", level="intermediate", activity="running", weeks=10,
        days_per_week=4, session_minutes=50, equipment=["bench", "dumbbells"],
        focus=["core", "inner-thigh"], limitations=["knee"], start_date=dt.date(2026, 3, 2),
        body_mass_kg=62.5, age=41, notes="Plié squat: knees over toes",
    )


@pytest.mark.parametrize("name", ["profile.toml", "profile.json", "profile.yaml"])
def test_answers_become_a_profile_file_that_generate_reads(tmp_path, name):
    out = tmp_path / name
    result = _run(tmp_path, ANSWERS, "-o", str(out))
    assert result.exit_code == 0, result.output
    assert f"Wrote {out}" in result.stdout and "generate --profile" in result.stdout
    profile = build_profile(read_profile_file(out), {}, source=str(out))
    assert profile == _expected()


def test_default_output_is_profile_toml_with_every_default_taken(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    answers = ["", "", "walking"] + [""] * 16
    result = _run(tmp_path, answers)
    assert result.exit_code == 0, result.output
    data = tomllib.loads((tmp_path / "profile.toml").read_text(encoding="utf-8"))
    profile = Profile.model_validate(data)
    assert profile == Profile(level="beginner", activity="walking", start_date=next_monday())
    assert "body_mass_kg" not in data and "age" not in data
    assert build_plan(profile).weeks


def test_prompts_show_defaults_and_allowed_values(tmp_path):
    result = _run(tmp_path, ANSWERS, "-o", str(tmp_path / "p.toml"))
    assert "Level (beginner, intermediate, advanced) [beginner]:" in result.stdout
    assert "Activity (running, cycling, swimming, walking, strength, general):" in result.stdout
    assert "How many weeks (1-52) [8]:" in result.stdout
    assert "pull-up bar" in result.stdout


def test_a_bad_answer_is_explained_and_asked_again(tmp_path):
    # name, then a bad level and a good one, activity, then a bad number of weeks and a good one
    answers = ["Zoë Ødegård-Núñez", "expert", "intermediate", "running", "60", "10", *ANSWERS[4:]]
    out = tmp_path / "p.toml"
    result = _run(tmp_path, answers, "-o", str(out))
    assert result.exit_code == 0, result.output
    assert "level: 'expert' is not allowed (allowed: one of beginner, intermediate, advanced)" in result.stderr
    assert "weeks: '60' is not allowed (allowed: a number from 1 to 52)" in result.stderr
    assert result.stdout.count("How many weeks") == 2
    assert build_profile(read_profile_file(out), {}) == _expected()


def test_bad_equipment_word_is_asked_again(tmp_path):
    answers = [*ANSWERS[:6], "dumbbells; trampoline", *ANSWERS[6:]]
    result = _run(tmp_path, answers, "-o", str(tmp_path / "p.json"))
    assert result.exit_code == 0, result.output
    assert "equipment" in result.stderr and "trampoline" in result.stderr


def test_existing_file_is_refused_before_any_question(tmp_path):
    out = tmp_path / "profile.toml"
    out.write_text("keep = true\n", encoding="utf-8")
    result = _run(tmp_path, ANSWERS, "-o", str(out))
    assert result.exit_code == 2
    assert "already exists; use --force" in result.stderr
    assert "Name" not in result.stdout
    assert out.read_text(encoding="utf-8") == "keep = true\n"
    forced = _run(tmp_path, ANSWERS, "-o", str(out), "--force")
    assert forced.exit_code == 0, forced.output
    assert build_profile(read_profile_file(out), {}) == _expected()


def test_unknown_extension_is_refused(tmp_path):
    result = _run(tmp_path, ANSWERS, "-o", str(tmp_path / "profile.txt"))
    assert result.exit_code == 2
    assert "'.txt'" in result.stderr and ".toml" in result.stderr


def test_running_out_of_input_aborts_without_a_file(tmp_path):
    out = tmp_path / "p.toml"
    result = _run(tmp_path, ANSWERS[:3], "-o", str(out))
    assert_one_line_error(result, "input ended before every question was answered; nothing was written")
    assert not out.exists() and list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("suffix", [".toml", ".json", ".yaml"])
def test_hostile_text_survives_every_format(suffix):
    notes = 'Quote " backslash \\ tab\t and "[section]" = 1\nnew line'
    profile = Profile(name='Max "The" \\ Co', level="beginner", activity="running", notes=notes)
    data = profile.model_dump(mode="python", exclude_none=True)
    text = profile_text(data, suffix, "x" + suffix)
    loaded = {".toml": tomllib.loads, ".json": json.loads, ".yaml": yaml.safe_load}[suffix](text)
    assert Profile.model_validate(loaded) == profile


def test_input_that_ends_early_is_an_error_and_writes_nothing(tmp_path) -> None:
    from typer.testing import CliRunner

    from planner.cli import app

    out = tmp_path / "p.toml"
    result = CliRunner().invoke(app, ["init", "-o", str(out)], input="Zoë\n")
    assert result.exit_code == 2
    assert "Error: input ended before every question was answered" in result.output
    assert not out.exists()
