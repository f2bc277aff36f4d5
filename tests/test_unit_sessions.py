"""sessions.py on its own: each kind of main block fills the minutes the progression gives it,
never more, with work the person may do and hard work capped by level. Exact reps, rungs and
minutes are content and may change; the ceilings and the fit are the contract."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import make_profile
from planner import load_library
from planner.engine import rules as R
from planner.engine.checks import BLOCK_TOLERANCE_S, MIN_FILL
from planner.engine.select import level_ok
from planner.engine.sessions import (
    CIRCUIT_MAX_ROUNDS,
    MAX_INTERVAL_WORK_S,
    accessory_items,
    build_menu,
    circuit_main,
    endurance_main,
    fit_accessories,
    main_capacity_s,
    recovery_main,
    round_down,
)
from planner.engine.timing import block_seconds, prescription_seconds
from planner.vocab import ENDURANCE_ACTIVITIES, owned_equipment

LIBRARY = load_library()
LEVELS = ("beginner", "intermediate", "advanced")
ENDURANCE = sorted(ENDURANCE_ACTIVITIES)
FULL_KIT = ["barbell", "bench", "dumbbells", "pull-up bar", "machines", "cable", "bands", "kettlebell"]


def allowed(item, profile):
    ex = LIBRARY.get(item.exercise_id)
    assert ex is not None, item.exercise_id
    assert ex.needs <= owned_equipment(profile.equipment, profile.activity), (ex.id, ex.needs)
    assert not set(ex.avoid_with) & set(profile.limitations), (ex.id, ex.avoid_with)
    if ex.category != "cardio" and profile.level != "advanced":
        assert level_ok(ex, profile.level), (ex.id, ex.levels)
    return ex


def fills(block, minutes: int) -> None:
    needed = block_seconds(block)
    assert needed <= minutes * 60 + BLOCK_TOLERANCE_S, (minutes, needed)
    assert needed >= MIN_FILL * minutes * 60 - BLOCK_TOLERANCE_S, (minutes, needed)


# --- round_down ----------------------------------------------------------------------------------


@given(st.integers(1, 6 * 3600))
def test_round_down_never_rounds_up_and_keeps_whole_or_half_minutes(seconds: int) -> None:
    out = round_down(seconds)
    assert 0 < out <= seconds
    step = 60 if seconds >= 300 else 30
    if seconds >= step:
        assert out % step == 0 and seconds - out < step


@pytest.mark.parametrize(("seconds", "expected"), [(1, 1), (29, 29), (30, 30), (59, 30), (299, 270), (300, 300), (359, 300)])
def test_round_down_at_its_step_boundaries(seconds: int, expected: int) -> None:
    assert round_down(seconds) == expected


# --- endurance main blocks --------------------------------------------------------------------


def endurance(activity: str, level: str, kind: str, minutes: int, stage: int = 0):
    profile = make_profile(level=level, activity=activity)
    menu = build_menu(LIBRARY, profile, kind, 0, ())
    return profile, endurance_main(menu, profile, kind, minutes, 5, stage_index=stage)


@settings(max_examples=120, deadline=None)
@given(
    activity=st.sampled_from(ENDURANCE),
    level=st.sampled_from(LEVELS),
    kind=st.sampled_from(("easy", "long", "tempo", "intervals")),
    minutes=st.sampled_from((5, 6, 10, 300)) | st.integers(5, 300),
)
def test_an_endurance_block_fills_its_minutes_and_never_more(activity, level, kind, minutes) -> None:
    profile, block = endurance(activity, level, kind, minutes)
    assert block.kind == "main" and block.minutes == minutes
    fills(block, minutes)
    for item in block.items:
        ex = allowed(item, profile)
        assert ex.category == "cardio" and profile.activity in ex.activities
        assert (item.distance_m is not None) is (activity == "swimming")


@pytest.mark.parametrize("level", LEVELS)
@pytest.mark.parametrize("minutes", [10, 40, 90, 180, 300])
def test_hard_work_has_a_ceiling_per_session_whatever_the_minutes(level: str, minutes: int) -> None:
    """The rest of a long quality block is easy: interval and tempo work stop at the level's cap."""
    for kind, cap in (("intervals", MAX_INTERVAL_WORK_S[level]), ("tempo", R.MAX_TEMPO_WORK_S[level])):
        _, block = endurance("running", level, kind, minutes)
        hard, *rest = block.items
        assert (hard.sets or 1) * hard.duration_s <= cap, (kind, hard)
        assert hard.rpe == 5
        for item in rest:  # an easy finish, never more hard work
            assert item.rpe == R.LEVEL_RULES[level].easy_rpe


@pytest.mark.parametrize("level", LEVELS)
def test_interval_rest_is_at_least_a_minute_and_half_the_work(level: str) -> None:
    for minutes in (8, 15, 30, 60):
        _, block = endurance("cycling", level, "intervals", minutes)
        work = block.items[0]
        assert work.rest_s >= max(60, work.duration_s // 2)
        assert work.duration_s >= 30


@pytest.mark.parametrize("stage", [0, 1, 4, 5, 8, 20])
@pytest.mark.parametrize("minutes", [5, 10, 20, 30, 60])
def test_walk_run_keeps_the_rung_and_walks_the_spare_minutes(stage: int, minutes: int) -> None:
    profile = make_profile(level="beginner", activity="running")
    menu = build_menu(LIBRARY, profile, "walk-run", 0, ())
    block = endurance_main(menu, profile, "walk-run", minutes, 4, stage_index=stage)
    fills(block, minutes)
    run, *finish = block.items
    rung_run, rung_walk, rung_reps = R.RUN_WALK_RUNGS[min(stage, len(R.RUN_WALK_RUNGS) - 1)]
    assert run.duration_s <= rung_run and (run.sets or 1) <= rung_reps  # never more running than the rung
    if (run.sets or 1) > 1:
        assert run.rest_s == rung_walk  # walk breaks are never cut
    assert all(item.rpe < run.rpe for item in finish)


# --- circuits, recovery -------------------------------------------------------------------------


@pytest.mark.parametrize("level", LEVELS)
@pytest.mark.parametrize("deload", [False, True])
def test_a_circuit_fills_its_minutes_in_whole_rounds_without_barbells(level: str, deload: bool) -> None:
    profile = make_profile(level=level, activity="general", equipment=["barbell", "dumbbells", "machines", "cable", "bench"])
    menu = build_menu(LIBRARY, profile, "circuit", 0, ())
    rules = R.LEVEL_RULES[level]
    for minutes in (5, 8, 15, 30, 60, 120):
        block = circuit_main(menu, profile, minutes, rules.circuit_rpe, deload=deload)
        assert block.kind == "main" and block.minutes == minutes
        assert block_seconds(block) <= minutes * 60 + BLOCK_TOLERANCE_S
        rounds = {item.sets for item in block.items}
        assert len(rounds) == 1  # every station the same number of rounds
        most = CIRCUIT_MAX_ROUNDS[level] - (1 if deload else 0)
        assert 1 <= rounds.pop() <= max(R.CIRCUIT_MIN_ROUNDS, most)
        for item in block.items:
            ex = allowed(item, profile)
            assert not ex.needs & R.CIRCUIT_FORBIDDEN_EQUIPMENT, ex.id
            assert item.duration_s <= rules.circuit_work_s + 15
            if deload:
                assert item.duration_s <= max(20, rules.circuit_work_s - 10)


def test_a_lighter_week_circuit_is_lighter_than_the_regular_one() -> None:
    profile = make_profile(level="intermediate", activity="general")
    menu = build_menu(LIBRARY, profile, "circuit", 0, ())
    regular = circuit_main(menu, profile, 30, 7, deload=False)
    lighter = circuit_main(menu, profile, 30, 7, deload=True)
    work = lambda b: sum((i.sets or 1) * i.duration_s for i in b.items)  # noqa: E731
    assert work(lighter) < work(regular)


@pytest.mark.parametrize("minutes", [5, 10, 20, 45])
def test_a_recovery_day_is_easy_and_fits(minutes: int) -> None:
    profile = make_profile(level="beginner", activity="strength")
    menu = build_menu(LIBRARY, profile, "recovery", 0, ())
    block = recovery_main(menu, profile, minutes, 2)
    fills(block, minutes)
    assert block.items[0].rpe == 2
    for item in block.items:
        allowed(item, profile)


# --- menus, capacity, accessories ----------------------------------------------------------


@pytest.mark.parametrize("level", LEVELS)
@pytest.mark.parametrize("kind", sorted(R.STRENGTH_SPLITS))
@pytest.mark.parametrize("kit", [["none"], ["dumbbells", "bench"], ["barbell", "bench", "pull-up bar"], FULL_KIT],
                         ids=lambda k: "+".join(k))
def test_a_lifting_menu_is_usable_and_its_main_lifts_are_stations(level: str, kind: str, kit: list[str]) -> None:
    limits = [] if kit == FULL_KIT else ["shoulder"]
    profile = make_profile(level=level, activity="strength", equipment=kit, limitations=limits)
    for cycle in range(3):
        menu = build_menu(LIBRARY, profile, kind, cycle, ())
        ids = [c.exercise.id for c in menu.stations]
        assert ids
        if kit == FULL_KIT:
            assert len(ids) == len(set(ids))  # with options, no exercise twice in a session
        assert menu.mains <= set(ids)
        for choice in menu.stations:
            ex = choice.exercise
            assert ex.needs <= owned_equipment(profile.equipment, profile.activity)
            assert not set(limits) & set(ex.avoid_with)
            assert level != "beginner" or level_ok(ex, level)
        capacity = main_capacity_s(menu, profile, kind)
        assert capacity is not None and capacity > 0


def test_endurance_sessions_have_no_capacity_limit_and_carry_inner_thigh_work() -> None:
    profile = make_profile(level="intermediate", activity="running", focus=["inner-thigh"])
    menu = build_menu(LIBRARY, profile, "easy", 0, ("adductor",))
    assert main_capacity_s(menu, profile, "easy") is None
    assert menu.required and all("adductors" in LIBRARY.get(i).primary_muscles for i in menu.required)
    items = accessory_items(menu, profile)
    assert {i.exercise_id for i in items} >= menu.required


@given(budget=st.integers(0, 3600), keep=st.sampled_from((0, 180)))
def test_fit_accessories_drops_optional_work_first_and_keeps_the_promised(budget: int, keep: int) -> None:
    profile = make_profile(level="intermediate", activity="running", focus=["inner-thigh", "core", "glutes"])
    menu = build_menu(LIBRARY, profile, "easy", 0, ("adductor", "core", "glute"))
    items = accessory_items(menu, profile)
    fitted = fit_accessories(items, budget, menu.required, keep_s=keep)
    ids = [i.exercise_id for i in fitted]
    assert set(ids) >= menu.required  # inner-thigh work stays, even over budget
    assert ids == [i.exercise_id for i in items if i.exercise_id in set(ids)]  # order kept
    used = sum(prescription_seconds(p) for p in fitted)
    if used > budget - keep:
        # Over budget only when nothing optional is left and every set is down to one.
        assert set(ids) == menu.required and all((p.sets or 1) == 1 for p in fitted)
