"""`planner show`: from a plan file or a profile, overview or one week, clean errors."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from conftest import zoe_plan
from planner.cli import app as APP
from planner.render.preview import load_words

WORDS = load_words()

runner = CliRunner(env={"COLUMNS": "100", "NO_COLOR": "1", "TERM": "dumb"})


START = "2026-03-02"


@pytest.fixture(scope="module")
def plan():
    return zoe_plan(8)



def _week_rows(text: str) -> list[str]:
    return [line for line in text.splitlines() if line.strip()[:1].isdigit() and "Mon " in line]


def test_show_a_saved_plan_prints_every_week_and_marks_lighter_ones(plan, plan_file):
    result = runner.invoke(APP, ["show", str(plan_file)])
    assert result.exit_code == 0, result.output
    rows = _week_rows(result.stdout)
    assert len(rows) == len(plan.weeks)
    for row, week in zip(rows, plan.weeks):
        assert str(week.load) in row
        assert (WORDS.t("week_kind_deload") in row) == (week.kind == "deload")
    assert "\x1b[" not in result.stdout
    assert max(len(line) for line in result.stdout.splitlines()) <= 100


def test_show_from_profile_flags_equals_show_of_the_saved_plan(plan, plan_file):
    from_file = runner.invoke(APP, ["show", str(plan_file)])
    from_flags = runner.invoke(
        APP,
        ["show", "--level", "beginner", "--activity", "running", "--weeks", "8",
         "--start-date", START, "--name", "Zoë Ødegård-Núñez"],
    )
    assert from_flags.exit_code == 0, from_flags.output
    assert from_flags.stdout == from_file.stdout


def test_show_from_a_profile_file_with_a_flag_override(tmp_path):
    profile = tmp_path / "me.json"
    profile.write_text(json.dumps({"level": "beginner", "activity": "cycling", "weeks": 6, "start_date": START}))
    result = runner.invoke(APP, ["show", "--profile", str(profile), "--weeks", "4"])
    assert result.exit_code == 0, result.output
    assert len(_week_rows(result.stdout)) == 4
    assert "cycling" in result.stdout


def test_week_detail_shows_sessions_blocks_and_rest_days(plan, plan_file):
    week = plan.weeks[2]
    result = runner.invoke(APP, ["show", str(plan_file), "--week", "3"])
    assert result.exit_code == 0, result.output
    assert f"(3/{len(plan.weeks)})" in result.stdout
    for session in week.sessions:
        assert session.title in result.stdout
    assert result.stdout.count(WORDS.t("block_warmup") + " · ") == len(week.sessions)
    assert result.stdout.count(WORDS.t("rest_day", date="").strip(" ·")) == len(week.rest_days)


@pytest.mark.parametrize("week", ["9", "99"])
def test_week_out_of_range_is_one_line_exit_2(plan_file, week):
    result = runner.invoke(APP, ["show", str(plan_file), "--week", week])
    assert result.exit_code == 2
    assert result.stderr.strip() == f"Error: week: {week} is not allowed (this plan has weeks 1 to 8)"


def test_week_zero_is_refused_by_the_option(plan_file):
    result = runner.invoke(APP, ["show", str(plan_file), "--week", "0"])
    assert result.exit_code == 2


def test_plan_file_and_profile_flags_together_are_refused(plan_file):
    result = runner.invoke(APP, ["show", str(plan_file), "--level", "beginner"])
    assert result.exit_code == 2
    assert "not both" in result.stderr and "--level" in result.stderr


def test_nothing_to_show_explains_both_ways():
    result = runner.invoke(APP, ["show"])
    assert result.exit_code == 2
    assert "planner show plan.json" in result.stderr and "--profile" in result.stderr


def test_bad_profile_value_is_the_usual_one_line_error():
    result = runner.invoke(APP, ["show", "--level", "expert", "--activity", "running"])
    assert result.exit_code == 2
    line = result.stderr.strip()
    assert line.startswith("Error: level: 'expert' is not allowed") and "\n" not in line


def test_broken_plan_file_names_the_json_path(plan_file):
    data = json.loads(plan_file.read_text(encoding="utf-8"))
    data["weeks"][0]["kind"] = "rest"
    plan_file.write_text(json.dumps(data), encoding="utf-8")
    result = runner.invoke(APP, ["show", str(plan_file)])
    assert result.exit_code == 2
    assert result.stderr.startswith("Error: plan.json: weeks.0.kind: 'rest' is not allowed")
    assert "base, build, deload" in result.stderr


def test_width_option_fixes_the_layout(plan_file):
    result = runner.invoke(APP, ["show", str(plan_file), "--width", "72"])
    assert result.exit_code == 0
    assert max(len(line) for line in result.stdout.splitlines()) <= 72


def test_a_hand_edit_that_breaks_a_rule_is_refused_or_shown_as_stored_and_marked(plan, plan_file):
    data = json.loads(plan_file.read_text(encoding="utf-8"))
    session = data["weeks"][0]["sessions"][0]
    session["blocks"] = [session["blocks"][1], session["blocks"][0], *session["blocks"][2:]]
    plan_file.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    refused = runner.invoke(APP, ["show", str(plan_file), "--week", "1"])
    assert refused.exit_code == 2 and refused.stdout == ""
    assert refused.stderr.splitlines()[-1].startswith("Error: plan.json has ")
    result = runner.invoke(APP, ["show", str(plan_file), "--week", "1", "--allow-unsafe"])
    assert result.exit_code == 0, result.output
    assert f"plan.json: week 1, session {session['date']}: warm-up and cool-down:" in result.stderr
    assert WORDS.t("edited_mark") in result.stdout
    first = result.stdout.index(plan.weeks[0].sessions[0].title)
    warm, main = WORDS.t("block_warmup") + " · ", WORDS.t("block_main") + " · "
    assert result.stdout.index(main, first) < result.stdout.index(warm, first)


def test_theme_words_apply_and_an_unknown_theme_is_one_line(plan_file):
    assert runner.invoke(APP, ["show", str(plan_file), "--theme", "print-saver"]).exit_code == 0
    result = runner.invoke(APP, ["show", str(plan_file), "--theme", "nope"])
    assert result.exit_code == 2
    assert result.stderr.startswith("Error: theme 'nope' not found") and result.stderr.count("\n") == 1
