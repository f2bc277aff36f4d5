"""The terminal preview: fixed-width text, lighter weeks in words, one week in detail."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import zoe_plan
from planner.models import Prescription
from planner.render.preview import (
    format_distance,
    format_duration,
    item_line,
    load_words,
    plan_overview,
    render_text,
    week_detail,
)

WORDS = load_words()
LIGHTER = WORDS.t("week_kind_deload")

ANSI = re.compile(r"\x1b\[")


@pytest.fixture(scope="module")
def plan():
    return zoe_plan(8)


def _row(text: str, number: int) -> str:
    return next(line for line in text.splitlines() if re.match(rf"^\W*{number}\s{{2,}}\w{{3}} \d", line))


def test_overview_has_a_row_per_week_with_its_load_and_lighter_weeks_in_words(plan):
    text = render_text(plan_overview(plan, 100), width=100)
    assert not ANSI.search(text)
    assert plan.title in text and "Zoë Ødegård-Núñez" in text
    for week in plan.weeks:
        row = _row(text, week.number)
        assert f" {week.load} " in row
        assert (LIGHTER in row) == (week.kind == "deload")
    assert any(w.kind == "deload" for w in plan.weeks), "an 8-week plan has a lighter week"
    assert all(len(line) <= 100 for line in text.splitlines())


@pytest.mark.parametrize("width", [60, 80, 120])
def test_overview_rows_never_wrap_at_common_widths(plan, width):
    text = render_text(plan_overview(plan, width), width=width)
    assert all(len(line) <= width for line in text.splitlines())
    if width >= 80:
        for week in plan.weeks:
            assert _row(text, week.number)


def test_overview_is_deterministic(plan):
    assert render_text(plan_overview(plan, 90), 90) == render_text(plan_overview(plan, 90), 90)


def test_week_detail_lists_each_session_warmup_first_and_rest_days(plan):
    from planner.render.formatting import fmt_date

    week = plan.weeks[1]
    text = render_text(week_detail(plan, week.number), width=120)
    assert f"({week.number}/{len(plan.weeks)})" in text
    for session in week.sessions:
        assert WORDS.t("session_heading", date=fmt_date(WORDS, session.date), title=session.title) in text
        assert f"load {session.load}" in text
    start = text.index(week.sessions[0].title)
    warm, main, cool = (text.index(WORDS.t(f"block_{k}"), start) for k in ("warmup", "main", "cooldown"))
    assert start < warm < main < cool
    for day in week.rest_days:
        assert WORDS.t("rest_day", date=fmt_date(WORDS, day)) in text
    assert text.count(WORDS.t("hydration_label") + ":") == len(week.sessions)


def test_two_sessions_on_one_date_are_both_shown(plan):
    week = plan.weeks[0]
    extra = week.sessions[0].model_copy(update={"title": "Second session today", "load": 1})
    doubled = week.model_copy(update={"sessions": [week.sessions[0], extra, *week.sessions[1:]]})
    edited = plan.model_copy(update={"weeks": [doubled, *plan.weeks[1:]]})
    text = render_text(week_detail(edited, 1), width=120)
    assert week.sessions[0].title in text and "Second session today" in text
    assert text.count(WORDS.t("hydration_label") + ":") == len(week.sessions) + 1


def test_edited_plan_is_flagged_in_the_overview(plan):
    edited = plan.model_copy(update={"edited": True})
    assert WORDS.t("edited_mark") in render_text(plan_overview(edited), 100)
    assert WORDS.t("edited_mark") in render_text(week_detail(edited, 1), 100)
    assert WORDS.t("edited_mark") not in render_text(plan_overview(plan), 100)


def _item(**fields):
    return Prescription(exercise_id="x", name="Plié squat", **fields)


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        ({"sets": 3, "reps": 10, "rest_s": 60, "rpe": 6}, "Plié squat: 3 x 10, rest 1 min, effort 6/10"),
        ({"sets": 2, "hold_s": 30, "per_side": True}, "Plié squat: 2 x 30 s hold each side"),
        ({"duration_s": 1500, "rpe": 4}, "Plié squat: 25 min, effort 4/10"),
        ({"sets": 6, "duration_s": 90, "rest_s": 90}, "Plié squat: 6 x 90 s, rest 90 s"),
        ({"sets": 3, "reps": 8, "rir": 2}, "Plié squat: 3 x 8, 2 reps in reserve"),
        ({"reps": 10, "notes": "slow"}, "Plié squat: 10 (slow)"),
        ({}, "Plié squat"),
    ],
)
def test_item_line_reads_like_a_coach_writes_it(fields, expected):
    assert item_line(_item(**fields)) == expected


def test_distances_follow_the_units():
    assert format_distance(400) == "400 m"
    assert format_distance(5000) == "5 km"
    assert format_distance(5000, "imperial") == "3.1 mi"
    assert format_distance(200, "imperial") == "219 yd"
    assert item_line(_item(distance_m=1609), "imperial") == "Plié squat: 1 mi"


@settings(max_examples=60)
@given(st.integers(1, 6 * 3600))
def test_durations_are_exact_in_words(seconds):
    text = format_duration(seconds)
    total = 0
    for amount, unit in re.findall(r"(\d+) (h|min|s)\b", text):
        total += int(amount) * {"h": 3600, "min": 60, "s": 1}[unit]
    assert total == seconds, text


def test_change_is_measured_as_the_safety_rule_reads_it(plan):
    text = render_text(plan_overview(plan, 100), width=100)
    last_regular = previous = None
    for week in plan.weeks:
        base = previous if week.kind == "deload" else last_regular
        if base:
            assert f" {(week.load - base) / base:+.0%} " in _row(text, week.number) + " "
        previous = week.load
        if week.kind != "deload":
            last_regular = week.load
    assert any(w.kind == "deload" and w.number < len(plan.weeks) for w in plan.weeks)
