"""The closed vocabularies shared by profiles, exercise libraries and plans.

They live in one module so that a profile, an exercise entry and a CLI option can never
disagree on what "dumbbells" or "lower-back" is spelt like.
"""

from __future__ import annotations

from typing import Literal, get_args

Level = Literal["beginner", "intermediate", "advanced"]
Activity = Literal["running", "cycling", "swimming", "walking", "strength", "general"]
Units = Literal["metric", "imperial"]

Equipment = Literal[
    "none",
    "dumbbells",
    "kettlebell",
    "barbell",
    "bands",
    "bench",
    "pull-up bar",
    "machines",
    "cable",
    "bike",
    "pool",
    "foam roller",
    "medicine ball",
    "exercise ball",
    "ez-bar",
    "mat",
    "box",
    "jump rope",
    "treadmill",
    "rower",
]

Focus = Literal[
    "inner-thigh",
    "cramp-prevention",
    "core",
    "posture",
    "mobility",
    "glutes",
    "balance",
    "upper-body",
    "lower-body",
]

Limitation = Literal["knee", "lower-back", "shoulder", "hip", "ankle", "wrist", "neck", "elbow"]

# free-exercise-db's muscle vocabulary, so that foreign libraries map without guessing.
Muscle = Literal[
    "abdominals",
    "abductors",
    "adductors",
    "biceps",
    "calves",
    "chest",
    "forearms",
    "glutes",
    "hamstrings",
    "lats",
    "lower back",
    "middle back",
    "neck",
    "quadriceps",
    "shoulders",
    "traps",
    "triceps",
]

Category = Literal[
    "warmup", "mobility", "balance", "strength", "cardio", "plyometric", "stretch", "recovery"
]

# What slot an exercise can fill. Strength patterns let the planner balance a session;
# endurance patterns name the kind of session; warm-up patterns follow RAMP
# (raise, activate/mobilise = dynamic, potentiate).
Pattern = Literal[
    # strength
    "squat",
    "hinge",
    "lunge",
    "push",
    "pull",
    "core",
    "carry",
    "calf",
    "adductor",
    "abductor",
    "glute",
    "full-body",
    "balance",
    # endurance main work
    "easy",
    "long",
    "tempo",
    "intervals",
    "walk-run",
    "technique",
    # warm-up and cool-down
    "raise",
    "dynamic",
    "potentiate",
    "cooldown",
    "foam-roll",
]

BlockKind = Literal["warmup", "main", "cooldown"]
WeekKind = Literal["base", "build", "deload", "taper"]
# Where a week sits in an event plan, counted back from the event date.
Phase = Literal["base", "build", "peak", "taper"]

LEVELS: tuple[str, ...] = get_args(Level)
ACTIVITIES: tuple[str, ...] = get_args(Activity)
EQUIPMENT: tuple[str, ...] = get_args(Equipment)
FOCUS: tuple[str, ...] = get_args(Focus)
LIMITATIONS: tuple[str, ...] = get_args(Limitation)
MUSCLES: tuple[str, ...] = get_args(Muscle)
CATEGORIES: tuple[str, ...] = get_args(Category)
PATTERNS: tuple[str, ...] = get_args(Pattern)
UNITS: tuple[str, ...] = get_args(Units)

ENDURANCE_ACTIVITIES: frozenset[str] = frozenset({"running", "cycling", "swimming", "walking"})
# Activities whose main movement loads the inner thigh: they get adductor work every week.
ADDUCTOR_LOADING_ACTIVITIES: frozenset[str] = frozenset({"running", "cycling", "swimming"})
ADDUCTOR_FOCUS: frozenset[str] = frozenset({"inner-thigh", "cramp-prevention"})
# The muscle groups a cool-down must stretch when a session worked them.
STRETCHED_MUSCLES: frozenset[str] = frozenset(
    {
        "quadriceps",
        "hamstrings",
        "glutes",
        "calves",
        "adductors",
        "chest",
        "lats",
        "shoulders",
        "lower back",
    }
)

# Equipment an activity cannot be done without: choosing swimming means having a pool.
IMPLIED_EQUIPMENT: dict[str, frozenset[str]] = {
    "swimming": frozenset({"pool"}),
    "cycling": frozenset({"bike"}),
}


def owned_equipment(equipment: list[str] | tuple[str, ...], activity: str) -> frozenset[str]:
    return frozenset(equipment) | IMPLIED_EQUIPMENT.get(activity, frozenset())
