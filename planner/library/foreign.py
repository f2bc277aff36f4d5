"""Read a free-exercise-db library (a JSON array) into our Exercise model.

That dataset lacks much of what our planner uses (patterns, limitations, doses, per-level
prescriptions). Each missing field gets an honest default, and everything that cannot be
mapped without guessing is reported in `warnings`, one line per thing, with index and id.
Image paths are never copied: their licence is not stated.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from typing import Any

from pydantic import ValidationError

from .catalog import (
    ExerciseLibrary,
    LibraryValidationError,
    describe_validation_error,
    entry_label,
    link_problems,
)
from ..models import Dose, Exercise
from ..vocab import LEVELS, MUSCLES

SOURCE_NAME = "free-exercise-db"

LEVEL_MAP = {"beginner": "beginner", "intermediate": "intermediate", "expert": "advanced"}
CATEGORY_MAP = {
    "strength": "strength",
    "stretching": "stretch",
    "plyometrics": "plyometric",
    "cardio": "cardio",
    "powerlifting": "strength",
    "olympic weightlifting": "strength",
    "strongman": "strength",
}
EQUIPMENT_MAP = {
    "body only": "none",
    "dumbbell": "dumbbells",
    "kettlebells": "kettlebell",
    "e-z curl bar": "ez-bar",
    "foam roll": "foam roller",
    "machine": "machines",
    "cable": "cable",
    "bands": "bands",
    "medicine ball": "medicine ball",
    "exercise ball": "exercise ball",
    "barbell": "barbell",
}
# Cardio entries name their activity; anything else is reported rather than guessed.
CARDIO_ACTIVITY_WORDS = (
    ("running", ("running", "jogging")),
    ("cycling", ("bicycling", "bicycle", "bike", "cycling")),
    ("walking", ("walking",)),
)
# Patterns only where the name or the muscles leave no doubt. Order matters: first match wins.
NAME_PATTERNS: tuple[tuple[str, str | None], ...] = (
    (r"\bshrugs?\b", None),  # a trap isolation move fills no slot
    (r"\badduct(ion|ions|or|ors)?\b", "adductor"),
    (r"\babduct(ion|ions|or|ors)?\b|\bmonster walk\b", "abductor"),
    (r"\bcalf raises?\b|\bcalf press\b", "calf"),
    (r"\bleg press\b|\bhack squats?\b", "squat"),
    (r"\bpallof\b|\bplanks?\b|\bcrunch(es)?\b|\bsit[- ]?ups?\b|\bdead bug\b|\bab roll", "core"),
    (r"\bdeadlifts?\b|\bgood ?mornings?\b|\bhip hinge\b|\bswings?\b|\bhyperextensions?\b", "hinge"),
    (r"\blunges?\b|\bsplit squats?\b|\bstep[- ]?ups?\b", "lunge"),
    (r"\bsquats?\b", "squat"),
    (r"\bhip thrusts?\b|\bglute bridges?\b|\bbutt lift\b", "glute"),
    (r"\bclean\b|\bsnatch\b|\bthrusters?\b|\bjerk\b|\bget[- ]?ups?\b", "full-body"),
    (r"\bpush[- ]?ups?\b|\bpress\b|\bdips?\b", "push"),
    (r"\bpull[- ]?ups?\b|\bchin[- ]?ups?\b|\bpulldowns?\b|\brows?\b", "pull"),
    (r"\bfarmer'?s? walk\b|\bcarry\b|\bsuitcase\b", "carry"),
)
PRIMARY_PATTERNS = {"adductors": "adductor", "abductors": "abductor", "calves": "calf"}
PER_SIDE_WORDS = re.compile(
    r"\b(one[- ]arm|one[- ]leg(ged)?|single[- ]arm|single[- ]leg|unilateral|alternating|alternate)\b",
    re.IGNORECASE,
)
MAX_STEP = 400
MAX_STEPS = 8

# Honest, conservative starting doses per category; the planner scales them to the session.
_STRENGTH = {
    "beginner": Dose(sets=2, reps=10, rest_s=90, rpe=6),
    "intermediate": Dose(sets=3, reps=10, rest_s=90, rpe=7),
    "advanced": Dose(sets=3, reps=8, rest_s=120, rpe=8),
}
_DOSES: dict[str, dict[str, Dose]] = {
    "strength": _STRENGTH,
    "stretch": {level: Dose(sets=2, hold_s=30) for level in LEVELS},
    "recovery": {level: Dose(sets=1, duration_s=60) for level in LEVELS},
    "plyometric": {
        "beginner": Dose(sets=2, reps=5, rest_s=90, rpe=6),
        "intermediate": Dose(sets=3, reps=6, rest_s=90, rpe=7),
        "advanced": Dose(sets=3, reps=8, rest_s=120, rpe=8),
    },
    "cardio": {
        "beginner": Dose(duration_s=10 * 60, rpe=4),
        "intermediate": Dose(duration_s=15 * 60, rpe=5),
        "advanced": Dose(duration_s=20 * 60, rpe=5),
    },
}


def looks_like_free_exercise_db(data: Sequence[Any]) -> bool:
    """Its entries carry camelCase `primaryMuscles`; ours never do."""
    return any(isinstance(entry, dict) and "primaryMuscles" in entry for entry in data)


def slugify(text: str) -> str:
    """free-exercise-db ids like `3_4_Sit-Up` become our kebab-case `3-4-sit-up`."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")[:80].rstrip("-")


def parse_free_exercise_db(data: Sequence[Any], source: str = "<data>") -> ExerciseLibrary:
    """Map what maps, leave out what cannot stand as an exercise, and report both."""
    warnings: list[str] = [
        f"{SOURCE_NAME} has no limitation data: only plyometric entries are marked"
        " avoid_with knee and ankle (a precaution); check others before prescribing them"
        " to people with a limitation",
    ]
    exercises: list[tuple[int, Exercise]] = []
    original_ids: dict[str, str] = {}
    problems: list[str] = []
    for index, entry in enumerate(data):
        if not isinstance(entry, dict):
            problems.append(f"{entry_label(index, None)}: must be an object, got {type(entry).__name__}")
            continue
        mapped = _map_entry(index, entry, warnings)
        if mapped is None:
            continue
        try:
            exercise = Exercise.model_validate(mapped)
        except ValidationError as exc:
            label = entry_label(index, entry.get("id"))
            warnings.extend(
                f"{label}: left out: {line}" for line in describe_validation_error(exc)
            )
            continue
        if exercise.id in original_ids and original_ids[exercise.id] != entry.get("id"):
            warnings.append(
                f"{entry_label(index, entry.get('id'))}: left out: its id slug {exercise.id!r}"
                f" is already used by {original_ids[exercise.id]!r}"
            )
            continue
        original_ids[exercise.id] = str(entry.get("id"))
        exercises.append((index, exercise))

    problems.extend(line for _, line in link_problems(exercises))
    if not exercises:
        problems.append("no entry could be mapped to an exercise")
    if problems:
        raise LibraryValidationError(source, problems)
    aliases = {slug: orig for slug, orig in original_ids.items() if slug != orig}
    return ExerciseLibrary(
        tuple(ex for _, ex in exercises),
        source,
        tuple(warnings),
        format=SOURCE_NAME,
        left_out=len(data) - len(exercises),
        original_ids=aliases,
    )


def _map_entry(index: int, entry: dict[str, Any], warnings: list[str]) -> dict[str, Any] | None:
    raw_id = entry.get("id")
    label = entry_label(index, raw_id)
    name = entry.get("name")
    if not isinstance(raw_id, str) or not slugify(raw_id):
        warnings.append(f"{label}: left out: id is missing or has no letters or digits")
        return None
    if not isinstance(name, str) or not name.strip():
        warnings.append(f"{label}: left out: name is missing")
        return None
    name = " ".join(name.split())
    if len(name) > 120:
        warnings.append(f"{label}: name cut to 120 characters")
        name = name[:120].rstrip()

    raw_category = entry.get("category")
    category = CATEGORY_MAP.get(raw_category) if isinstance(raw_category, str) else None
    if category is None:
        warnings.append(
            f"{label}: left out: category {raw_category!r} is not known;"
            f" known: {', '.join(sorted(CATEGORY_MAP))}"
        )
        return None

    raw_equipment = entry.get("equipment")
    equipment = EQUIPMENT_MAP.get(raw_equipment) if isinstance(raw_equipment, str) else None
    if raw_equipment is None and _bodyweight_by_nature(category, name):
        # free-exercise-db leaves equipment empty on 62 stretches and its running entry.
        equipment = "none"
    if equipment is None:
        what = "not given (unknown, not assumed bodyweight)" if raw_equipment is None else (
            f"{raw_equipment!r} cannot be mapped to a profile's equipment"
        )
        warnings.append(f"{label}: left out: equipment {what}")
        return None

    raw_level = entry.get("level")
    level = LEVEL_MAP.get(raw_level) if isinstance(raw_level, str) else None
    if level is None:
        # The careful reading of an unknown level: never hand it to a beginner.
        warnings.append(f"{label}: level {raw_level!r} is not known; treated as advanced")
        level = "advanced"
    levels = list(LEVELS[LEVELS.index(level):])

    primary = _muscles(entry.get("primaryMuscles"), "primaryMuscles", label, warnings)
    secondary = [m for m in _muscles(entry.get("secondaryMuscles"), "secondaryMuscles", label, warnings) if m not in primary]
    if not primary:
        warnings.append(f"{label}: left out: no known primary muscle")
        return None
    if "adductors" in primary and re.search(r"\bside leg raises?\b", name.lower()):
        # The upper leg lifts: that is the outer hip. Reported, not silently relabelled.
        warnings.append(
            f"{label}: listed as adductors (inner thigh), but a side leg raise works the"
            " abductors (outer hip); kept as listed: check it before use"
        )

    instructions = _instructions(entry.get("instructions"), label, warnings)
    if not instructions:
        warnings.append(f"{label}: left out: no instructions")
        return None

    pattern: str | None = None
    activities: list[str]
    if category == "stretch" and equipment == "foam roller":
        category, pattern = "recovery", "foam-roll"
    if category == "stretch":
        activities = ["cycling", "general", "running", "strength", "swimming", "walking"]
    elif category == "recovery":
        activities = ["cycling", "general", "running", "strength", "swimming", "walking"]
    elif category == "cardio":
        activities = _cardio_activities(name)
        if not activities:
            warnings.append(f"{label}: activity not clear from the name {name!r}; serves general only")
            activities = ["general"]
    else:
        activities = ["general", "strength"]
        pattern = _pattern(name, primary) if category == "strength" else None
        if pattern is None and category == "strength":
            warnings.append(f"{label}: movement pattern not clear; the planner will not pick it for a slot")

    dose = {lvl: d.model_dump(exclude_none=True) for lvl, d in _DOSES[category].items() if lvl in levels}
    return {
        "id": slugify(raw_id),
        "name": name,
        "category": category,
        "pattern": pattern,
        "primary_muscles": primary,
        "secondary_muscles": secondary,
        "equipment": [equipment],
        "levels": levels,
        "activities": activities,
        "dose": dose,
        "per_side": bool(PER_SIDE_WORDS.search(name)),
        "instructions": instructions,
        "avoid_with": ["ankle", "knee"] if category == "plyometric" else [],
        "source": SOURCE_NAME,
    }


def _muscles(value: Any, field_name: str, label: str, warnings: list[str]) -> list[str]:
    if value is None:
        return []
    if not isinstance(value, list):
        warnings.append(f"{label}: {field_name} is not a list; ignored")
        return []
    out: list[str] = []
    for muscle in value:
        if muscle in MUSCLES:
            if muscle not in out:
                out.append(muscle)
        else:
            warnings.append(f"{label}: {field_name}: {muscle!r} is not a known muscle; left out")
    return out


def _instructions(value: Any, label: str, warnings: list[str]) -> list[str]:
    """Keep every word; re-split only where steps are too long or too many for print."""
    if not isinstance(value, list):
        return []
    steps = [" ".join(s.split()) for s in value if isinstance(s, str) and s.strip()]
    if len(steps) <= MAX_STEPS and all(len(s) <= MAX_STEP for s in steps):
        return steps
    packed = [chunk for step in steps for chunk in _split_step(step)]
    if len(packed) > MAX_STEPS:
        packed = _pack(packed)
    if len(packed) > MAX_STEPS:
        dropped = sum(len(s) for s in packed[MAX_STEPS:])
        warnings.append(f"{label}: instructions too long for print: the last {dropped} characters left out")
        return packed[:MAX_STEPS]
    warnings.append(f"{label}: instructions re-split into {len(packed)} steps (text kept)")
    return packed


def _pack(chunks: list[str]) -> list[str]:
    """Join neighbouring chunks into as few printed steps as fit, in one pass.

    One pass keeps loading linear in the text: a foreign entry with 20,000 steps once took 50 s
    when the shortest pair was searched for and merged one pair at a time.
    """
    packed: list[str] = []
    for chunk in chunks:
        if packed and len(packed[-1]) + 1 + len(chunk) <= MAX_STEP:
            packed[-1] = f"{packed[-1]} {chunk}"
        else:
            packed.append(chunk)
    return packed


def _bodyweight_by_nature(category: str, name: str) -> bool:
    """An entry without equipment is bodyweight only where its kind says so: a stretch, or a run
    or walk. Anything else (a push-up variant, a partner drill) stays reported, not guessed."""
    if category == "stretch":
        return True
    activities = set(_cardio_activities(name))
    on_foot = bool(activities) and activities <= {"running", "walking"}
    return category == "cardio" and on_foot and "treadmill" not in name.lower()


def _split_step(step: str) -> list[str]:
    """A step over MAX_STEP characters splits at sentence ends, or at a word as a last resort."""
    chunks: list[str] = []
    for sentence in re.split(r"(?<=[.!?])\s+", step):
        while len(sentence) > MAX_STEP:
            cut = sentence.rfind(" ", 0, MAX_STEP)
            cut = cut if cut > 0 else MAX_STEP
            chunks.append(sentence[:cut])
            sentence = sentence[cut:].strip()
        if chunks and len(chunks[-1]) + 1 + len(sentence) <= MAX_STEP:
            chunks[-1] = f"{chunks[-1]} {sentence}"
        elif sentence:
            chunks.append(sentence)
    return chunks


def _cardio_activities(name: str) -> list[str]:
    """A treadmill means running unless the name says walking ("Walking, Treadmill")."""
    lowered = name.lower()
    found = sorted(
        activity
        for activity, words in CARDIO_ACTIVITY_WORDS
        if any(re.search(rf"\b{word}\b", lowered) for word in words)
    )
    if not found and re.search(r"\btreadmill\b", lowered):
        found = ["running"]
    return found


def _pattern(name: str, primary: list[str]) -> str | None:
    lowered = name.lower()
    for regex, pattern in NAME_PATTERNS:
        if re.search(regex, lowered):
            return pattern
    for muscle in primary:
        if muscle in PRIMARY_PATTERNS and len(primary) == 1:
            return PRIMARY_PATTERNS[muscle]
    if primary == ["abdominals"]:
        return "core"
    return None
