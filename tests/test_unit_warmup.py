"""warmup.py on its own: warm-ups and cool-downs fill the minutes they are given with moves the
person may do, and the cool-down stretches what the session worked. Which moves are picked is
content (it changes with the library and the coaching words); these tests hold the contract."""

from __future__ import annotations

import pytest

from conftest import make_profile
from planner import load_library
from planner.engine import rules as R
from planner.engine.checks import BLOCK_TOLERANCE_S, MIN_FILL
from planner.engine.select import level_ok
from planner.engine.timing import block_seconds, prescription_seconds
from planner.engine.warmup import (
    DRY_LAND_FIRST,
    MAX_RAISE_S,
    build_cooldown,
    build_warmup,
    cooldown_minutes_needed,
    stretch_prescriptions,
    stretches_for,
)
from planner.vocab import ENDURANCE_ACTIVITIES, STRETCHED_MUSCLES, owned_equipment

LIBRARY = load_library()
LEVELS = ("beginner", "intermediate", "advanced")
ACTIVITIES = ("running", "cycling", "swimming", "walking", "strength", "general")
WORKED = {
    "running": {"quadriceps", "hamstrings", "calves", "glutes"},
    "cycling": {"quadriceps", "glutes"},
    "swimming": {"lats", "shoulders"},
    "walking": {"calves", "quadriceps"},
    "strength": {"chest", "quadriceps", "hamstrings", "lats"},
    "general": {"quadriceps", "chest", "abdominals"},
}


def fits(block, minutes: int) -> None:
    """The checker's rule for a block: no more than its minutes (+1 min), at least 40% filled."""
    needed = block_seconds(block)
    assert needed <= minutes * 60 + BLOCK_TOLERANCE_S, (block.kind, minutes, needed)
    assert needed >= MIN_FILL * minutes * 60 - BLOCK_TOLERANCE_S, (block.kind, minutes, needed)


def allowed(item, profile) -> None:
    ex = LIBRARY.get(item.exercise_id)
    assert ex is not None, item.exercise_id
    assert ex.needs <= owned_equipment(profile.equipment, profile.activity), (ex.id, ex.needs)
    assert not set(ex.avoid_with) & set(profile.limitations), (ex.id, ex.avoid_with)
    assert level_ok(ex, profile.level), (ex.id, ex.levels)
    return ex


@pytest.mark.parametrize("activity", ACTIVITIES)
@pytest.mark.parametrize("level", LEVELS)
@pytest.mark.parametrize("hard", [False, True])
def test_a_warm_up_fills_its_minutes_raise_first_with_allowed_moves(activity: str, level: str, hard: bool) -> None:
    profile = make_profile(level=level, activity=activity, limitations=["knee"])
    for minutes in (3, 4, 5, 6, 9, 10, 12, 13, 15, 20):
        block = build_warmup(LIBRARY, profile, activity, WORKED[activity], minutes, hard=hard, rotation=minutes)
        assert block.kind == "warmup" and block.minutes == minutes
        fits(block, minutes)
        exercises = [allowed(item, profile) for item in block.items]
        # RAMP: one easy raise, gentle. It opens the warm-up, except before the pool or the bike,
        # where the moves on land come first. An easy run, ride, swim or walk warms up in the
        # activity itself for the whole block; otherwise the raise stops at ten minutes.
        raises = [i for i, ex in enumerate(exercises) if ex.pattern == "raise"]
        assert len(raises) == 1, [ex.id for ex in exercises]
        first = block.items[raises[0]]
        assert exercises[raises[0]].category in ("warmup", "cardio")
        if activity not in DRY_LAND_FIRST:
            assert raises == [0]
        else:
            assert all(ex.pattern != "potentiate" for ex in exercises[:raises[0]])
        longest = minutes * 60 if (activity in ENDURANCE_ACTIVITIES and not hard) else MAX_RAISE_S
        assert first.duration_s is not None and 60 <= first.duration_s <= longest
        assert first.rpe is not None and first.rpe <= 4
        later = [ex.pattern for ex in exercises]
        if not hard:
            assert "potentiate" not in later  # sharpening drills only before hard work


def test_a_hard_session_with_time_for_it_gets_a_potentiation_drill() -> None:
    profile = make_profile(level="advanced", activity="running")
    block = build_warmup(LIBRARY, profile, "running", WORKED["running"], 15, hard=True, rotation=0)
    patterns = [LIBRARY.get(i.exercise_id).pattern for i in block.items]
    assert "potentiate" in patterns and patterns.index("potentiate") > 0


@pytest.mark.parametrize("rotation", range(4))
def test_dynamic_moves_favour_the_muscles_the_session_works(rotation: int) -> None:
    profile = make_profile(level="intermediate", activity="strength")
    block = build_warmup(LIBRARY, profile, "strength", {"hamstrings", "glutes"}, 10, hard=False, rotation=rotation)
    dynamic = [LIBRARY.get(i.exercise_id) for i in block.items[1:]]
    assert dynamic and any({"hamstrings", "glutes"} & ex.muscles for ex in dynamic)


# --- stretches and the cool-down -------------------------------------------------------------


@pytest.mark.parametrize("activity", ACTIVITIES)
@pytest.mark.parametrize("adductors", [False, True])
@pytest.mark.parametrize("limits", [[], ["knee", "hip", "lower-back"]])
def test_the_cool_down_stretches_every_worked_muscle(activity: str, adductors: bool, limits: list[str]) -> None:
    profile = make_profile(level="beginner", activity=activity, limitations=limits)
    worked = WORKED[activity] | {"forearms"}  # forearms are not a stretched muscle: not asked for
    chosen = stretches_for(LIBRARY, profile, worked, adductors=adductors, rotation=1)
    covered = set().union(*(ex.muscles for ex in chosen))
    assert (worked & STRETCHED_MUSCLES) <= covered
    if adductors:
        assert any("adductors" in ex.primary_muscles for ex in chosen)
    items = stretch_prescriptions(profile, chosen)
    for minutes in (cooldown_minutes_needed(profile, items), 12, 20):
        block = build_cooldown(LIBRARY, profile, activity, items, minutes, rotation=0)
        assert block.kind == "cooldown" and block.minutes == minutes
        fits(block, minutes)
        ids = [i.exercise_id for i in block.items]
        assert [i.exercise_id for i in items] == [x for x in ids if x in {i.exercise_id for i in items}]
        for item in block.items:
            ex = allowed(item, profile)
            if ex.category == "stretch":
                assert item.hold_s is not None  # static holds, never reps
            else:
                assert item.rpe is not None and item.rpe <= 3  # the easy part eases off


@pytest.mark.parametrize(
    ("age", "level", "hold"),
    [(None, "beginner", 20), (64, "intermediate", 30), (65, "beginner", 45), (100, "advanced", 45), (14, "advanced", 30)],
)
def test_stretch_holds_follow_acsm_by_age(age: int | None, level: str, hold: int) -> None:
    """ACSM: 10-30 s holds; 30-60 s for older adults (from 65: 64 is just under, 65 just over)."""
    profile = make_profile(level=level, age=age)
    assert R.stretch_hold_s(age, level) == hold
    chosen = stretches_for(LIBRARY, profile, {"hamstrings", "quadriceps"}, adductors=False, rotation=0)
    items = stretch_prescriptions(profile, chosen)
    assert items and {i.hold_s for i in items} == {hold}
    assert all((i.sets or 1) >= 1 for i in items)


@pytest.mark.parametrize("session_minutes", [15, 29, 30, 180])
def test_the_cool_down_is_at_least_its_default_and_long_enough_for_its_stretches(session_minutes: int) -> None:
    profile = make_profile(session_minutes=session_minutes)
    chosen = stretches_for(LIBRARY, profile, STRETCHED_MUSCLES, adductors=True, rotation=0)
    items = stretch_prescriptions(profile, chosen)
    needed = cooldown_minutes_needed(profile, items)
    # A run eases off in a few minutes (the endurance default); lifting and circuits take longer.
    default = (R.endurance_cooldown_minutes if profile.activity in ENDURANCE_ACTIVITIES else R.cooldown_minutes)
    assert needed >= default(session_minutes)
    assert needed * 60 >= sum(prescription_seconds(p) for p in items) + 60
    fits(build_cooldown(LIBRARY, profile, "running", items, needed, rotation=0), needed)


def test_the_warm_up_and_cool_down_sizes_stay_in_their_ranges_and_grow_with_the_session() -> None:
    """RAMP warm-ups of 4-15 min and cool-downs of 3-12 min, never shorter for a longer session."""
    warm = [R.warmup_minutes(m) for m in range(15, 181)]
    cool = [R.cooldown_minutes(m) for m in range(15, 181)]
    assert min(warm) == 4 and max(warm) == 15 and warm == sorted(warm)
    assert min(cool) == 3 and max(cool) == 12 and cool == sorted(cool)


def test_the_raise_stops_at_ten_minutes_however_long_the_warm_up() -> None:
    """RAMP: 5-10 minutes of raising is plenty, even when the library has nothing else to add."""
    from planner.library.catalog import ExerciseLibrary
    from planner.models import Exercise

    jog = Exercise.model_validate({
        "id": "easy-jog", "name": "Easy jog", "category": "warmup", "pattern": "raise",
        "primary_muscles": ["quadriceps"], "levels": ["beginner"], "activities": ["running"],
        "instructions": ["Jog easily."]})
    library = ExerciseLibrary((jog,), "one.json")
    profile = make_profile()
    for minutes in (10, 15, 30):
        # Before a hard session (an easy one warms up in the run itself, for its whole block).
        block = build_warmup(library, profile, "running", {"quadriceps"}, minutes, hard=True, rotation=0)
        assert block.items[0].exercise_id == "easy-jog" and block.items[0].duration_s <= MAX_RAISE_S
