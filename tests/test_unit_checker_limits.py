"""The checker alone, on a hand-edited plan: each of two load rules just inside and just past its
limit (the planner is not involved, so a checker that drifts is caught even when the planner
still keeps the rule)."""

from __future__ import annotations

import math

import pytest

from conftest import make_profile
from planner import build_plan
from planner.engine import rules as R
from planner.engine.checks import check_plan

PLAN = build_plan(make_profile(level="intermediate", activity="cycling", weeks=8, days_per_week=3))


def rules_broken(plan, rule: str) -> list[str]:
    return [str(v) for v in check_plan(plan) if v.rule == rule]


def with_week_total(plan, number: int, total_wanted: int):
    """Week `number` with its first session's minutes set so that rpe x minutes sums as close
    to `total_wanted` as whole minutes allow, without going over."""
    week = plan.weeks[number - 1]
    first, *rest = week.sessions
    others = sum(s.rpe * s.minutes for s in rest)
    minutes = (total_wanted - others) // first.rpe
    sessions = [first.model_copy(update={"minutes": minutes}), *rest]
    weeks = list(plan.weeks)
    weeks[number - 1] = week.model_copy(update={"sessions": sessions})
    return plan.model_copy(update={"weeks": weeks}), others + first.rpe * minutes, first.rpe


def test_a_week_ten_percent_up_passes_and_one_step_more_is_refused() -> None:
    base, build = PLAN.weeks[0], PLAN.weeks[1]
    assert base.kind == "base" and build.kind == "build"
    last = sum(s.rpe * s.minutes for s in base.sessions)
    inside, total, step = with_week_total(PLAN, 2, math.floor(R.WEEKLY_RISE_MAX * last))
    assert total <= R.WEEKLY_RISE_MAX * last < total + step
    assert rules_broken(inside, "weekly increase") == []
    outside, total_out, _ = with_week_total(PLAN, 2, total + step)
    assert total_out > R.WEEKLY_RISE_MAX * last
    assert len(rules_broken(outside, "weekly increase")) == 1
    assert "week 2" in rules_broken(outside, "weekly increase")[0]


@pytest.mark.parametrize(("edge", "ok"), [("low", True), ("high", True), ("below", False), ("above", False), ("0.95", False)])
def test_a_lighter_week_is_twenty_to_forty_percent_lighter(edge: str, ok: bool) -> None:
    number = next(w.number for w in PLAN.weeks if w.kind == "deload")
    before = PLAN.weeks[number - 2].load
    load = {"low": math.ceil(R.DELOAD_MIN * before), "high": math.floor(R.DELOAD_MAX * before),
            "below": math.ceil(R.DELOAD_MIN * before) - 1, "above": math.floor(R.DELOAD_MAX * before) + 1,
            "0.95": round(0.95 * before)}[edge]
    weeks = list(PLAN.weeks)
    weeks[number - 1] = weeks[number - 1].model_copy(update={"load": load})
    broken = rules_broken(PLAN.model_copy(update={"weeks": weeks}), "lighter week")
    assert (broken == []) is ok, broken
