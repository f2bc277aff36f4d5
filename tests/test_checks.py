"""The checker finds each kind of broken plan (so a passing check means something)."""

from __future__ import annotations

import datetime as dt

import pytest

from planner import build_plan
from planner.checks import check_plan
from planner.models import Plan, Profile


@pytest.fixture(scope="module")
def plan() -> Plan:
    return build_plan(Profile(level="intermediate", activity="running", weeks=8, days_per_week=4,
                              start_date=dt.date(2027, 3, 1)))


def _edit_session(plan: Plan, week: int, index: int, **changes) -> Plan:
    weeks = list(plan.weeks)
    w = weeks[week]
    sessions = list(w.sessions)
    sessions[index] = sessions[index].model_copy(update=changes)
    s = sessions[index]
    sessions[index] = s.model_copy(update={"load": s.rpe * s.minutes})
    weeks[week] = w.model_copy(update={"sessions": sessions, "load": sum(x.load for x in sessions)})
    return plan.model_copy(update={"weeks": weeks})


def rules(plan: Plan) -> set[str]:
    return {v.rule for v in check_plan(plan)}


def test_a_generated_plan_is_clean(plan: Plan) -> None:
    assert check_plan(plan) == []


def test_jump_in_load_is_caught(plan: Plan) -> None:
    s = plan.weeks[1].sessions[0]
    edited = _edit_session(plan, 1, 0, rpe=10)
    found = rules(edited)
    assert "weekly increase" in found
    assert s.rpe != 10


def test_missing_warmup_is_caught(plan: Plan) -> None:
    s = plan.weeks[2].sessions[1]
    edited = _edit_session(plan, 2, 1, blocks=s.blocks[1:] + [s.blocks[-1]])
    assert "warm-up and cool-down" in rules(edited)


def test_missing_stretch_is_caught(plan: Plan) -> None:
    s = plan.weeks[2].sessions[1]
    cool = s.blocks[-1].model_copy(update={"items": [i for i in s.blocks[-1].items if not i.hold_s][:1] or s.blocks[-1].items[:1]})
    edited = _edit_session(plan, 2, 1, blocks=[s.blocks[0], s.blocks[1], cool])
    assert "cool-down stretches" in rules(edited) or "inner thigh" in rules(edited)


def test_no_lighter_week_is_caught(plan: Plan) -> None:
    weeks = [w.model_copy(update={"kind": "build"}) if w.kind == "deload" else w for w in plan.weeks]
    assert "lighter week" in rules(plan.model_copy(update={"weeks": weeks}))


def test_too_long_session_is_caught(plan: Plan) -> None:
    s = plan.weeks[0].sessions[0]
    main = s.blocks[1].model_copy(update={"minutes": s.blocks[1].minutes + 200})
    edited = _edit_session(plan, 0, 0, blocks=[s.blocks[0], main, s.blocks[2]], minutes=s.minutes + 200)
    assert "session length" in rules(edited)


def test_long_run_spike_is_caught(plan: Plan) -> None:
    w = plan.weeks[5]
    idx = max(range(len(w.sessions)), key=lambda i: w.sessions[i].blocks[1].minutes)
    s = w.sessions[idx]
    main = s.blocks[1].model_copy(update={"minutes": s.blocks[1].minutes * 2})
    edited = _edit_session(plan, 5, idx, blocks=[s.blocks[0], main, s.blocks[2]],
                           minutes=s.minutes + s.blocks[1].minutes)
    assert "session spike" in rules(edited)


def test_forbidden_equipment_and_limitations_are_caught(plan: Plan) -> None:
    profile = plan.profile.model_copy(update={"limitations": ["knee", "ankle", "hip"], "equipment": ["none"]})
    edited = plan.model_copy(update={"profile": profile})
    ex_ids = {i.exercise_id for w in plan.weeks for s in w.sessions for b in s.blocks for i in b.items}
    if any(set(plan.exercise(i).avoid_with) & {"knee", "ankle", "hip"} for i in ex_ids):
        assert "limitations" in rules(edited)
    unknown = _edit_session(plan, 0, 0, blocks=[
        plan.weeks[0].sessions[0].blocks[0].model_copy(update={"items": [
            plan.weeks[0].sessions[0].blocks[0].items[0].model_copy(update={"exercise_id": "no-such"})]}),
        *plan.weeks[0].sessions[0].blocks[1:]])
    assert "exercise" in rules(unknown)


def test_beginner_hard_days_in_a_row_are_caught() -> None:
    plan = build_plan(Profile(level="beginner", activity="cycling", weeks=2, days_per_week=4))
    w = plan.weeks[0]
    consecutive = [i for i in range(len(w.sessions) - 1) if (w.sessions[i + 1].date - w.sessions[i].date).days == 1]
    assert consecutive
    i = consecutive[0]
    edited = _edit_session(plan, 0, i, rpe=8)
    edited = _edit_session(edited, 0, i + 1, rpe=8)
    assert "hard days" in rules(edited)
