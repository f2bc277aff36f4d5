"""select.py and slots.py on their own: what a slot may take for a profile. The contracts are
the safety ones (equipment owned, limitations spared, no harder-than-level work) and the error a
library that cannot serve gives; which exercise wins a tie is not asserted."""

from __future__ import annotations

import itertools

import pytest

from conftest import make_profile
from planner import load_library
from planner.engine.select import Slot, choose, cover_muscles, fits_slot, level_ok, ruled_out_by, usable_ranked
from planner.engine.slots import PATTERN_MUSCLE, PATTERN_NEEDS_MUSCLE, cardio_slots, first_choice, raise_slots, strength_slots
from planner.errors import LibraryError
from planner.library.catalog import ExerciseLibrary
from planner.models import Exercise
from planner.vocab import STRETCHED_MUSCLES, owned_equipment

LIBRARY = load_library()
LEVELS = ("beginner", "intermediate", "advanced")
KITS = (["none"], ["bands"], ["dumbbells", "bench"], ["barbell", "bench", "dumbbells", "pull-up bar", "machines", "cable"])
LIMITS = ([], ["knee"], ["lower-back", "shoulder"], ["knee", "hip", "ankle", "wrist", "lower-back", "shoulder"])
STRENGTH_PATTERNS = ("squat", "hinge", "push", "pull", "lunge", "core", "glute", "calf", "adductor", "carry")


def usable(ex: Exercise, profile) -> bool:
    owned = owned_equipment(profile.equipment, profile.activity)
    return ex.needs <= owned and not set(ex.avoid_with) & set(profile.limitations)


def exercise(**fields) -> Exercise:
    data = {"id": "x", "name": "X", "category": "strength", "primary_muscles": ["quadriceps"],
            "levels": ["beginner"], "activities": ["strength"],
            "instructions": ["Do it."]}
    data.update(fields)
    return Exercise.model_validate(data)


# --- ruled_out_by, fits_slot, level_ok ------------------------------------------------------


def test_ruled_out_by_names_the_missing_kit_and_the_clashing_limitation() -> None:
    squat = exercise(equipment=["barbell"], avoid_with=["knee"])
    assert ruled_out_by(squat, make_profile(activity="strength", equipment=["barbell"])) == ""
    missing = ruled_out_by(squat, make_profile(activity="strength", equipment=["dumbbells"]))
    assert "barbell" in missing
    clash = ruled_out_by(squat, make_profile(activity="strength", equipment=["barbell"], limitations=["knee"]))
    assert "knee" in clash
    assert ruled_out_by(exercise(equipment=["none"]), make_profile(equipment=["none"])) == ""


def test_a_bike_plan_owns_a_bike_and_a_pool_plan_a_pool() -> None:
    ride = exercise(category="cardio", equipment=["bike"], activities=["cycling"])
    assert ruled_out_by(ride, make_profile(activity="cycling", equipment=["none"])) == ""
    assert ruled_out_by(ride, make_profile(activity="running", equipment=["none"])) != ""


@pytest.mark.parametrize(
    ("field", "value", "slot", "fits"),
    [
        ("category", "stretch", Slot(("strength",)), False),
        ("category", "stretch", Slot(("strength", "stretch")), True),
        ("pattern", "squat", Slot(("strength",), pattern="squat"), True),
        ("pattern", "hinge", Slot(("strength",), pattern="squat"), False),
        ("pattern", "cooldown", Slot(("strength",), not_patterns=("cooldown",)), False),
        ("activities", ["running"], Slot(("strength",), activity="strength"), False),
        ("activities", ["running", "strength"], Slot(("strength",), activity="strength"), True),
        ("primary_muscles", ["glutes"], Slot(("strength",), muscle="quadriceps"), False),
        ("primary_muscles", ["glutes", "quadriceps"], Slot(("strength",), muscle="quadriceps"), True),
    ],
)
def test_fits_slot_checks_each_attribute(field: str, value, slot: Slot, fits: bool) -> None:
    assert fits_slot(exercise(**{field: value}), slot) is fits


@pytest.mark.parametrize(
    ("levels", "ok_for"),
    [(["beginner"], LEVELS), (["intermediate"], LEVELS[1:]), (["advanced"], LEVELS[2:]),
     (["intermediate", "advanced"], LEVELS[1:]), (["beginner", "advanced"], LEVELS)],
)
def test_level_ok_allows_easier_never_harder(levels: list[str], ok_for: tuple[str, ...]) -> None:
    ex = exercise(levels=levels)
    assert [lv for lv in LEVELS if level_ok(ex, lv)] == list(ok_for)


# --- choose, over levels x kit x limitations ---------------------------------------------------


@pytest.mark.parametrize("level", LEVELS)
@pytest.mark.parametrize("kit", KITS, ids=lambda k: "+".join(k))
@pytest.mark.parametrize("limits", LIMITS, ids=lambda l: "+".join(l) or "no-limits")
def test_every_choice_is_usable_fits_its_slot_and_suits_the_level(level, kit, limits) -> None:
    profile = make_profile(level=level, activity="strength", equipment=kit, limitations=limits)
    chosen = 0
    for pattern in STRENGTH_PATTERNS:
        for slot in strength_slots(pattern):
            for rotation in range(3):
                found = choose(LIBRARY, profile, slot, rotation=rotation, required=False)
                if found is None:
                    continue
                chosen += 1
                ex = found.exercise
                assert fits_slot(ex, slot)
                assert usable(ex, profile), (ex.id, ex.needs, ex.avoid_with)
                if level != "advanced":
                    assert level_ok(ex, level), (ex.id, ex.levels)
                if found.replaced is not None:
                    # The note names what it replaces and why: a limitation, never missing kit.
                    assert found.replaced.name in found.note and found.reason in found.note
                    assert set(found.replaced.avoid_with) & set(limits)
    assert chosen >= len(STRENGTH_PATTERNS)  # even bodyweight with every limitation gets work


def test_a_limitation_that_rules_out_the_best_exercise_says_so() -> None:
    free = make_profile(level="intermediate", activity="strength", equipment=KITS[3])
    sore = free.model_copy(update={"limitations": ["knee"]})
    best = choose(LIBRARY, free, Slot(("strength",), pattern="squat")).exercise
    assert "knee" in best.avoid_with  # the premise: the best squat loads the knee
    other = choose(LIBRARY, sore, Slot(("strength",), pattern="squat"))
    assert other.exercise.id != best.id and "knee" not in other.exercise.avoid_with
    assert other.replaced is not None and other.replaced.id == best.id and "knee" in other.note


def test_rotation_walks_the_equally_good_options_and_exclude_is_honoured() -> None:
    profile = make_profile(level="beginner", activity="strength", equipment=["none"])
    slot = Slot(("strength",), pattern="core")
    picks = [choose(LIBRARY, profile, slot, rotation=r).exercise.id for r in range(6)]
    assert len(set(picks)) >= 2
    assert picks[0] not in {choose(LIBRARY, profile, slot, exclude=[picks[0]], rotation=r).exercise.id for r in range(6)}


def test_a_slot_nothing_can_fill_is_none_or_a_one_line_error() -> None:
    profile = make_profile(level="beginner", activity="strength", equipment=["none"])
    slot = Slot(("strength",), pattern="squat", muscle="neck")
    assert choose(LIBRARY, profile, slot, required=False) is None
    with pytest.raises(LibraryError) as caught:
        choose(LIBRARY, profile, slot)
    message = str(caught.value)
    assert "\n" not in message
    for part in ("exercises.json", "pattern 'squat'", "muscle 'neck'", "level beginner", "equipment none",
                 "limitations none"):
        assert part in message, (part, message)


def test_only_advanced_plans_may_take_advanced_only_exercises() -> None:
    hard_only = exercise(id="hard-squat", name="Hard squat", pattern="squat", levels=["advanced"])
    easy = exercise(id="easy-squat", name="Easy squat", pattern="squat", levels=["beginner"])
    library = ExerciseLibrary((hard_only, easy), "two.json")
    slot = Slot(("strength",), pattern="squat")
    for level in LEVELS:
        profile = make_profile(level=level, activity="strength")
        ids = {choose(library, profile, slot, rotation=r).exercise.id for r in range(4)}
        # Advanced lifters get the work made for their level; nobody else ever sees it.
        assert ids == ({"hard-squat"} if level == "advanced" else {"easy-squat"})
    alone = ExerciseLibrary((hard_only,), "one.json")
    for level in ("beginner", "intermediate"):
        assert choose(alone, make_profile(level=level, activity="strength"), slot, required=False) is None


def test_usable_ranked_puts_the_worked_muscles_first() -> None:
    profile = make_profile(level="intermediate", activity="running")
    slot = Slot(("warmup",), pattern="dynamic", activity="running")
    worked = {"hamstrings", "glutes"}
    ranked = usable_ranked(LIBRARY, profile, slot, worked)
    assert ranked and all(fits_slot(ex, slot) and usable(ex, profile) for ex in ranked)
    overlaps = [len(worked & ex.muscles) for ex in ranked]
    assert overlaps == sorted(overlaps, reverse=True)


# --- cover_muscles: the cool-down's stretches ---------------------------------------------------


@pytest.mark.parametrize("limits", LIMITS, ids=lambda l: "+".join(l) or "no-limits")
@pytest.mark.parametrize("level", LEVELS)
def test_stretches_cover_every_stretched_muscle_asked_for(limits, level) -> None:
    profile = make_profile(level=level, limitations=limits)
    for size in (1, 2, len(STRETCHED_MUSCLES)):
        for muscles in itertools.islice(itertools.combinations(sorted(STRETCHED_MUSCLES), size), 12):
            chosen = cover_muscles(LIBRARY, profile, muscles)
            covered = set().union(*(ex.muscles for ex in chosen)) if chosen else set()
            assert set(muscles) <= covered
            assert all(ex.category == "stretch" and usable(ex, profile) and level_ok(ex, level) for ex in chosen)
            assert len({ex.id for ex in chosen}) == len(chosen) <= len(muscles)


def test_a_muscle_no_stretch_covers_is_an_error_unless_not_strict() -> None:
    profile = make_profile()
    only = ExerciseLibrary((exercise(id="quad-stretch", name="Quad stretch", category="stretch"),), "tiny.json")
    assert [ex.id for ex in cover_muscles(only, profile, ["quadriceps"])] == ["quad-stretch"]
    with pytest.raises(LibraryError, match="tiny.json.*no usable stretch for hamstrings"):
        cover_muscles(only, profile, ["quadriceps", "hamstrings"])
    assert [ex.id for ex in cover_muscles(only, profile, ["quadriceps", "hamstrings"], strict=False)] == ["quad-stretch"]


# --- slots.py -----------------------------------------------------------------------------------


@pytest.mark.parametrize("pattern", sorted(PATTERN_MUSCLE))
def test_strength_slots_ask_for_the_pattern_then_its_muscle(pattern: str) -> None:
    first, fallback = strength_slots(pattern)
    assert first.pattern == pattern and first.category == fallback.category == ("strength",)
    assert fallback.pattern is None and fallback.muscle == PATTERN_MUSCLE[pattern]
    assert (first.muscle is not None) is (pattern in PATTERN_NEEDS_MUSCLE)


@pytest.mark.parametrize("kind", ["easy", "long", "walk-run", "tempo", "intervals"])
def test_cardio_slots_end_in_a_main_session_of_the_activity(kind: str) -> None:
    slots = cardio_slots("running", kind)
    assert slots[0].pattern == kind and all(s.category == ("cardio",) for s in slots)
    assert all(s.activity == "running" for s in slots)
    assert slots[-1].pattern is None and {"cooldown", "raise"} <= set(slots[-1].not_patterns)


@pytest.mark.parametrize("activity", ["running", "cycling", "swimming", "walking", "strength", "general"])
@pytest.mark.parametrize("level", LEVELS)
def test_every_activity_gets_a_raise_and_a_main_cardio_from_the_built_in_library(activity: str, level: str) -> None:
    profile = make_profile(level=level, activity=activity)
    warm = first_choice(LIBRARY, profile, raise_slots(activity))
    assert warm is not None and warm.exercise.category in ("warmup", "cardio") and usable(warm.exercise, profile)
    if activity not in ("strength",):
        main = first_choice(LIBRARY, profile, cardio_slots("general" if activity == "general" else activity, "easy"))
        assert main is not None and main.exercise.category == "cardio"
        assert main.exercise.pattern not in ("cooldown", "raise")


def test_first_choice_takes_the_first_slot_that_fills_and_repeats_rather_than_fails() -> None:
    profile = make_profile(level="beginner", activity="strength")
    squat = exercise(id="squat", name="Squat", pattern="squat")
    library = ExerciseLibrary((squat,), "one.json")
    slots = [Slot(("strength",), pattern="hinge"), Slot(("strength",), pattern="squat")]
    assert first_choice(library, profile, slots).exercise.id == "squat"
    # Excluding the only option: repeating it beats failing.
    assert first_choice(library, profile, slots, exclude={"squat"}).exercise.id == "squat"
    assert first_choice(library, profile, [Slot(("stretch",))], required=False) is None
    with pytest.raises(LibraryError, match="no usable exercise for strength, pattern 'hinge'"):
        first_choice(library, profile, [Slot(("strength",), pattern="hinge"), Slot(("stretch",))])


def test_stretches_never_go_past_the_level_even_when_they_cover_more() -> None:
    wide = exercise(id="wide-stretch", name="Wide stretch", category="stretch", levels=["advanced"],
                    primary_muscles=["hamstrings", "glutes", "adductors"])
    plain = [exercise(id=f"{m}-stretch", name=f"{m} stretch", category="stretch", primary_muscles=[m])
             for m in ("hamstrings", "glutes", "adductors")]
    library = ExerciseLibrary((wide, *plain), "mixed.json")
    muscles = ["hamstrings", "glutes", "adductors"]
    for level in LEVELS:
        ids = {ex.id for ex in cover_muscles(library, make_profile(level=level), muscles)}
        assert ids == ({"wide-stretch"} if level == "advanced" else {f"{m}-stretch" for m in muscles})
