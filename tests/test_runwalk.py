"""The beginner run-walk ladder (issue 11): one shape a week, climbing like Couch to 5K.

Measured from the built plan: every run-walk session of a week has the same run/walk shape,
the longest continuous run never falls from one regular week to the next, a lighter week
repeats the rung before it, walk breaks say they are walking, and a 9-week 3 x 45 plan ends
with 25+ minutes of continuous running.
"""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planner import build_plan
from planner.engine import rules as R
from planner.engine import runwalk
from planner.engine.checks import check_plan
from planner.models import Plan, Profile

START = dt.date(2027, 1, 4)


def plan_for(weeks: int, days: int, minutes: int, **extra) -> Plan:
    return build_plan(Profile(level="beginner", activity="running", weeks=weeks, days_per_week=days,
                              session_minutes=minutes, start_date=START, **extra))


def runs(session):
    """The run-walk item of a session (the first main item)."""
    return next(b.items for b in session.blocks if b.kind == "main")[0]


def shape(session) -> tuple:
    item = runs(session)
    return (item.sets, item.duration_s, item.rest_s)


def continuous_min(week) -> float:
    return min(runs(s).duration_s for s in week.sessions) / 60


grid = st.tuples(st.integers(6, 16), st.integers(2, 5), st.integers(25, 60))
many = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@many
@given(case=grid)
def test_one_shape_a_week_and_the_checker_agrees(case) -> None:
    plan = plan_for(*case)
    assert check_plan(plan) == []
    for week in plan.weeks:
        assert {s.kind for s in week.sessions} == {"walk-run"}
        assert len({shape(s) for s in week.sessions}) == 1, (week.number, [shape(s) for s in week.sessions])


@many
@given(case=grid)
def test_continuous_running_never_falls_between_regular_weeks(case) -> None:
    plan = plan_for(*case)
    regular = [w for w in plan.weeks if w.kind != "deload"]
    minutes = [continuous_min(w) for w in regular]
    assert minutes == sorted(minutes), minutes


@many
@given(case=grid)
def test_lighter_week_repeats_the_rung_before_it(case) -> None:
    plan = plan_for(*case)
    for before, week in zip(plan.weeks, plan.weeks[1:]):
        if week.kind == "deload":
            assert shape(week.sessions[0]) == shape(before.sessions[0])
            assert 0.6 <= week.load / before.load <= 0.8


@many
@given(case=grid)
def test_walk_breaks_are_labelled_walking(case) -> None:
    plan = plan_for(*case)
    for week in plan.weeks:
        for s in week.sessions:
            main = next(b.items for b in s.blocks if b.kind == "main")
            item = main[0]
            if item.rest_s:
                assert "walk" in item.notes.lower()
            for finish in main[1:]:
                if finish.exercise_id == item.exercise_id:
                    assert finish.notes.lower().startswith("walking")
                    assert (finish.rpe or 0) <= R.LEVEL_RULES["beginner"].easy_rpe


@pytest.mark.parametrize(("weeks", "least"), [(9, 25), (12, 28)])
def test_three_by_45_reaches_continuous_running(weeks: int, least: int) -> None:
    plan = plan_for(weeks, 3, 45)
    last_regular = [w for w in plan.weeks if w.kind != "deload"][-1]
    assert continuous_min(last_regular) >= least
    assert continuous_min(plan.weeks[0]) == R.RUN_WALK_RUNGS[0][0] / 60
    # C25K's 5-minute brisk-walk warm-up leaves the block room to grow.
    assert all(s.blocks[0].minutes <= 7 for w in plan.weeks for s in w.sessions)


@given(stage=st.integers(0, 20), block_s=st.integers(60, 60 * 60))
def test_fit_never_outgrows_the_rung_or_the_block(stage: int, block_s: int) -> None:
    run_s, walk_s, repeats = runwalk.rung(stage)
    got = runwalk.fit(stage, block_s)
    assert got.run_s <= run_s
    assert got.repeats <= repeats
    assert got.walk_s in (0, walk_s)  # walks are never shortened
    assert got.seconds <= max(block_s, 30)


def test_ladder_climbs() -> None:
    lengths = [run for run, _, _ in R.RUN_WALK_RUNGS]
    assert lengths == sorted(lengths) and lengths[-1] >= 25 * 60
