"""The checker catches each broken rule on its own (so a clean check means something).

Each test takes a real plan, breaks exactly one invariant by hand, and expects exactly that
rule to be reported.
"""

from __future__ import annotations

import datetime as dt

import pytest

from planner import build_plan
from planner.engine.checks import check_plan
from planner.models import Exercise, Plan, Profile

START = dt.date(2027, 3, 1)


@pytest.fixture(scope="module")
def plan() -> Plan:
    return build_plan(Profile(level="intermediate", activity="running", weeks=8, days_per_week=4, start_date=START))


def rules(plan: Plan) -> set[str]:
    return {v.rule for v in check_plan(plan)}


def with_session(plan: Plan, week: int, index: int, *, keep_load: bool = False, **changes) -> Plan:
    """Replace fields of one session; loads follow (unless keep_load) so only the target rule breaks."""
    weeks = list(plan.weeks)
    w = weeks[week]
    sessions = list(w.sessions)
    s = sessions[index].model_copy(update=changes)
    if not keep_load:
        s = s.model_copy(update={"load": s.rpe * s.minutes})
    sessions[index] = s
    weeks[week] = w.model_copy(update={"sessions": sessions, "load": sum(x.load for x in sessions)})
    return plan.model_copy(update={"weeks": weeks})


def with_main_minutes(plan: Plan, week: int, index: int, minutes: int) -> Plan:
    s = plan.weeks[week].sessions[index]
    main = s.blocks[1].model_copy(update={"minutes": minutes})
    total = s.minutes - s.blocks[1].minutes + minutes
    return with_session(plan, week, index, blocks=[s.blocks[0], main, s.blocks[2]], minutes=total)


def with_exercise(plan: Plan, exercise_id: str, **changes) -> Plan:
    exercises = [e.model_copy(update=changes) if e.id == exercise_id else e for e in plan.exercises]
    return plan.model_copy(update={"exercises": exercises})


def test_a_generated_plan_is_clean(plan: Plan) -> None:
    assert check_plan(plan) == []


def test_each_violation_names_week_and_session(plan: Plan) -> None:
    s = plan.weeks[1].sessions[0]
    assert s.rpe < 10
    broken = check_plan(with_session(plan, 1, 0, rpe=10))
    assert broken and str(broken[0]).startswith("week 2")


def test_weekly_increase(plan: Plan) -> None:
    assert "weekly increase" in rules(with_session(plan, 1, 0, rpe=10))


def test_acute_chronic_ratio() -> None:
    # A week-2 jump the 10% rule also sees; the ratio rule must see it on its own too.
    p = build_plan(Profile(level="advanced", activity="cycling", weeks=3, days_per_week=6, start_date=START))
    edited = p
    for i in range(len(p.weeks[1].sessions)):
        edited = with_session(edited, 1, i, rpe=10)
    assert {"weekly increase", "acute:chronic ratio"} <= rules(edited)


def test_session_and_week_loads_must_add_up(plan: Plan) -> None:
    s = plan.weeks[0].sessions[0]
    assert "session load" in rules(with_session(plan, 0, 0, keep_load=True, load=s.load + 5))
    week = plan.weeks[0].model_copy(update={"load": plan.weeks[0].load + 5})
    assert rules(plan.model_copy(update={"weeks": [week, *plan.weeks[1:]]})) == {"week load"}


def test_session_minutes_must_match_blocks(plan: Plan) -> None:
    s = plan.weeks[0].sessions[0]
    assert "session minutes" in rules(with_session(plan, 0, 0, minutes=s.minutes - 1))


def test_missing_warmup(plan: Plan) -> None:
    s = plan.weeks[2].sessions[1]
    assert "warm-up and cool-down" in rules(with_session(plan, 2, 1, blocks=[s.blocks[1], s.blocks[1], s.blocks[2]]))


def test_missing_stretch_for_a_worked_muscle(plan: Plan) -> None:
    s = plan.weeks[2].sessions[1]
    easy_only = [i for i in s.blocks[2].items if not i.hold_s]
    assert easy_only, "the cool-down starts with easy movement"
    cool = s.blocks[2].model_copy(update={"items": easy_only})
    assert "cool-down stretches" in rules(with_session(plan, 2, 1, blocks=[s.blocks[0], s.blocks[1], cool]))


def test_no_lighter_week(plan: Plan) -> None:
    weeks = [w.model_copy(update={"kind": "build"}) if w.kind == "deload" else w for w in plan.weeks]
    assert "lighter week" in rules(plan.model_copy(update={"weeks": weeks}))


def test_lighter_week_that_is_not_lighter(plan: Plan) -> None:
    # Week 4 labelled lighter but as heavy as week 3.
    weeks = list(plan.weeks)
    weeks[3] = weeks[2].model_copy(update={"number": 4, "kind": "deload", "start_date": weeks[3].start_date})
    found = {v.rule: v.message for v in check_plan(plan.model_copy(update={"weeks": weeks}))}
    assert "of the week before; expected 60-80%" in found["lighter week"]


def test_first_week_cannot_be_a_lighter_week(plan: Plan) -> None:
    weeks = [plan.weeks[0].model_copy(update={"kind": "deload"}), *plan.weeks[1:]]
    assert "lighter week" in rules(plan.model_copy(update={"weeks": weeks}))


def test_no_rest_day() -> None:
    p = build_plan(Profile(level="advanced", activity="cycling", weeks=1, days_per_week=7, start_date=START))
    w = p.weeks[0]
    rest = w.rest_days[0]
    extra = w.sessions[0].model_copy(update={"date": rest})
    week = w.model_copy(update={"sessions": [*w.sessions, extra], "load": w.load + extra.load})
    assert "rest day" in rules(p.model_copy(update={"weeks": [week]}))


def test_session_outside_its_week(plan: Plan) -> None:
    assert "dates" in rules(with_session(plan, 0, 0, date=START + dt.timedelta(days=9)))


def test_beginner_hard_days_in_a_row() -> None:
    p = build_plan(Profile(level="beginner", activity="cycling", weeks=2, days_per_week=4, start_date=START))
    w = p.weeks[0]
    i = next(i for i in range(len(w.sessions) - 1) if (w.sessions[i + 1].date - w.sessions[i].date).days == 1)
    edited = with_session(with_session(p, 0, i, rpe=8, hard=True), 0, i + 1, rpe=8, hard=True)
    assert "hard days" in rules(edited)
    assert "hard days" in rules(with_session(p, 0, i, hard=True)), "the hard flag must agree with the RPE"


def test_too_long_session(plan: Plan) -> None:
    assert "session length" in rules(with_main_minutes(plan, 0, 0, plan.profile.session_minutes))


def test_block_content_must_fit_and_fill_its_minutes(plan: Plan) -> None:
    s = plan.weeks[0].sessions[0]
    assert "block length" in rules(with_main_minutes(plan, 0, 0, 2))
    assert "block length" in rules(with_main_minutes(plan, 0, 0, s.blocks[1].minutes * 4))


def test_long_run_spike(plan: Plan) -> None:
    w = plan.weeks[5]
    idx = max(range(len(w.sessions)), key=lambda i: w.sessions[i].blocks[1].minutes)
    edited = with_main_minutes(plan, 5, idx, round(w.sessions[idx].blocks[1].minutes * 1.5))
    assert "session spike" in rules(edited)


def test_equipment_the_person_does_not_have(plan: Plan) -> None:
    ex_id = plan.weeks[0].sessions[0].blocks[-1].items[1].exercise_id
    assert rules(with_exercise(plan, ex_id, equipment=["barbell"])) == {"equipment"}


def test_exercise_ruled_out_by_a_limitation(plan: Plan) -> None:
    ex_id = plan.weeks[0].sessions[0].blocks[-1].items[1].exercise_id
    assert rules(with_exercise(plan, ex_id, avoid_with=["knee"])) == set()
    limited = plan.model_copy(update={"profile": plan.profile.model_copy(update={"limitations": ["knee"]})})
    assert rules(with_exercise(limited, ex_id, avoid_with=["knee"])) == {"limitations"}


def test_unknown_exercise(plan: Plan) -> None:
    s = plan.weeks[0].sessions[0]
    first = s.blocks[0].items[0].model_copy(update={"exercise_id": "no-such"})
    warm = s.blocks[0].model_copy(update={"items": [first, *s.blocks[0].items[1:]]})
    assert "exercise" in rules(with_session(plan, 0, 0, blocks=[warm, *s.blocks[1:]]))


def _without_muscle(plan: Plan, category: str) -> Plan:
    """Relabel every adductor exercise of `category` as working the calves instead."""
    exercises: list[Exercise] = []
    for e in plan.exercises:
        if e.category == category and "adductors" in e.primary_muscles:
            e = e.model_copy(update={"primary_muscles": ["calves"], "secondary_muscles": []})
        exercises.append(e)
    return plan.model_copy(update={"exercises": exercises})


def test_inner_thigh_strength_every_week(plan: Plan) -> None:
    assert "inner thigh" in rules(_without_muscle(plan, "strength"))


def test_inner_thigh_stretch_every_week(plan: Plan) -> None:
    assert "inner thigh" in rules(_without_muscle(plan, "stretch"))


def test_inner_thigh_rule_only_where_it_applies() -> None:
    p = build_plan(Profile(level="beginner", activity="walking", weeks=2, start_date=START))
    assert rules(_without_muscle(_without_muscle(p, "strength"), "stretch")) <= {"cool-down stretches"}
