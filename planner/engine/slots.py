"""The slots sessions ask for, with the fallbacks that let a foreign library serve them.

Our library tags each exercise with a pattern; a library such as free-exercise-db has no such
tag, so each slot also names the plainer attribute (a primary muscle, a cardio entry for the
activity) that serves the same purpose.
"""

from __future__ import annotations

from ..library.catalog import ExerciseLibrary
from ..models import Profile
from .select import Choice, Slot, choose

PATTERN_MUSCLE: dict[str, str] = {
    "squat": "quadriceps",
    "lunge": "quadriceps",
    "hinge": "hamstrings",
    "push": "chest",
    "pull": "lats",
    "core": "abdominals",
    "calf": "calves",
    "adductor": "adductors",
    "abductor": "abductors",
    "glute": "glutes",
    "carry": "forearms",
    "full-body": "quadriceps",
}

STRENGTH = ("strength",)
CARDIO = ("cardio",)


# Patterns whose purpose is one muscle: a library's tag alone is not enough (free-exercise-db
# lists a cable hip adduction under the quadriceps).
PATTERN_NEEDS_MUSCLE = frozenset({"adductor", "abductor", "calf"})


def strength_slots(pattern: str) -> list[Slot]:
    muscle = PATTERN_MUSCLE.get(pattern)
    return [
        Slot(STRENGTH, pattern=pattern, muscle=muscle if pattern in PATTERN_NEEDS_MUSCLE else None),
        Slot(STRENGTH, muscle=muscle),
    ]


def cardio_slots(activity: str, pattern: str) -> list[Slot]:
    fallback = {"long": "easy", "walk-run": "easy", "tempo": "easy", "intervals": "tempo"}.get(pattern)
    slots = [Slot(CARDIO, pattern=pattern, activity=activity)]
    if fallback:
        slots.append(Slot(CARDIO, pattern=fallback, activity=activity))
    slots.append(Slot(CARDIO, activity=activity, not_patterns=("cooldown", "raise")))
    return slots


def raise_slots(activity: str) -> list[Slot]:
    return [
        Slot(("warmup",), pattern="raise", activity=activity),
        Slot(("warmup", "cardio"), pattern="raise"),
        Slot(CARDIO, pattern="easy", activity=activity),
        Slot(CARDIO, activity=activity),
        Slot(CARDIO),
    ]


def first_choice(
    library: ExerciseLibrary,
    profile: Profile,
    slots: list[Slot],
    *,
    rotation: int = 0,
    exclude: tuple[str, ...] | set[str] = (),
    required: bool = True,
) -> Choice | None:
    """The first slot in the list that the library can fill; the error names the first slot."""
    for slot in slots:
        found = choose(library, profile, slot, rotation=rotation, exclude=exclude, required=False)
        if found is not None:
            return found
    if exclude:
        # Few options (bodyweight only, many limitations): repeating an exercise beats failing.
        return first_choice(library, profile, slots, rotation=rotation, required=required)
    if required:
        # Raise the error for the slot the planner really wanted.
        choose(library, profile, slots[0], rotation=rotation, exclude=exclude, required=True)
    return None
