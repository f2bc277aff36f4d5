"""free-exercise-db import: what maps, the honest defaults, and every unmapped thing reported."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from planner.io.libraries import load_library
from planner.library.parse import parse_library
from planner.library.catalog import LibraryValidationError
from planner.library.foreign import parse_free_exercise_db, slugify

SHARED = Path(__file__).resolve().parents[2] / "shared"
SAMPLE = SHARED / "fixtures" / "free-exercise-db-sample.json"
FULL = SHARED / "fixtures" / "free-exercise-db.json"


def need(path: Path) -> Path:
    if not path.exists():
        pytest.skip(f"{path} is absent (the shared fixtures sit beside the repo, not in it)")
    return path


def fedb(**changes: Any) -> dict[str, Any]:
    base: dict[str, Any] = {
        "id": "Dumbbell_Lunges",
        "name": "Dumbbell Lunges",
        "force": "push",
        "level": "beginner",
        "mechanic": "compound",
        "equipment": "dumbbell",
        "primaryMuscles": ["quadriceps"],
        "secondaryMuscles": ["glutes", "hamstrings"],
        "instructions": ["Stand with dumbbells at your sides.", "Step forward and lower."],
        "category": "strength",
        "images": ["Dumbbell_Lunges/0.jpg"],
    }
    base.update(changes)
    return base


def one(entry: dict[str, Any]):
    return parse_free_exercise_db([entry], "test")


# ---------------------------------------------------------------- mapping


def test_a_plain_entry_maps_field_by_field() -> None:
    lib = one(fedb())
    (ex,) = lib.exercises
    assert ex.id == "dumbbell-lunges"
    assert lib.get("Dumbbell_Lunges") is ex, "the original id still finds it"
    assert lib.original_ids == {"dumbbell-lunges": "Dumbbell_Lunges"}
    assert ex.name == "Dumbbell Lunges"
    assert ex.category == "strength" and ex.pattern == "lunge"
    assert ex.equipment == ["dumbbells"]
    assert ex.primary_muscles == ["quadriceps"] and ex.secondary_muscles == ["glutes", "hamstrings"]
    assert ex.levels == ["beginner", "intermediate", "advanced"]
    assert ex.activities == ["general", "strength"]
    assert ex.source == "free-exercise-db"
    assert set(ex.dose) == set(ex.levels)
    assert ex.avoid_with == []
    assert lib.format == "free-exercise-db" and lib.left_out == 0


def test_images_are_never_copied() -> None:
    lib = one(fedb())
    dumped = lib.exercises[0].model_dump_json()
    assert "jpg" not in dumped and "images" not in dumped


@pytest.mark.parametrize("raw", ["3_4_Sit-Up", "Barbell_Bench_Press_-_Medium_Grip", "Zoë's Plié__Squat"])
def test_slugs(raw: str) -> None:
    slug = slugify(raw)
    assert slug and slug == slug.lower() and "--" not in slug and not slug.startswith("-")
    assert slugify("3_4_Sit-Up") == "3-4-sit-up"
    assert slugify("Zoë's Plié__Squat") == "zoe-s-plie-squat"


@settings(max_examples=60, deadline=None)
@given(st.text(min_size=1, max_size=100))
def test_slugify_always_gives_a_valid_slug_or_nothing(raw: str) -> None:
    import re

    slug = slugify(raw)
    assert slug == "" or re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", slug)
    assert len(slug) <= 80


@pytest.mark.parametrize(
    ("level", "levels"),
    [("beginner", ["beginner", "intermediate", "advanced"]),
     ("intermediate", ["intermediate", "advanced"]),
     ("expert", ["advanced"])],
)
def test_a_level_serves_that_level_and_above(level: str, levels: list[str]) -> None:
    assert one(fedb(level=level)).exercises[0].levels == levels


@pytest.mark.parametrize(
    ("raw", "ours"),
    [("body only", "none"), ("dumbbell", "dumbbells"), ("kettlebells", "kettlebell"),
     ("e-z curl bar", "ez-bar"), ("machine", "machines"), ("cable", "cable"), ("bands", "bands"),
     ("medicine ball", "medicine ball"), ("exercise ball", "exercise ball"), ("barbell", "barbell")],
)
def test_equipment_vocabulary(raw: str, ours: str) -> None:
    assert one(fedb(equipment=raw)).exercises[0].equipment == [ours]


@pytest.mark.parametrize(
    ("raw", "ours"),
    [("strength", "strength"), ("stretching", "stretch"), ("plyometrics", "plyometric"),
     ("powerlifting", "strength"), ("olympic weightlifting", "strength"), ("strongman", "strength")],
)
def test_category_vocabulary(raw: str, ours: str) -> None:
    assert one(fedb(category=raw)).exercises[0].category == ours


def test_stretches_serve_every_activity_with_a_hold() -> None:
    ex = one(fedb(category="stretching", name="Groiners", id="Groiners", equipment="body only")).exercises[0]
    assert ex.category == "stretch" and ex.pattern is None
    assert len(ex.activities) == 6
    assert all(d.hold_s == 30 for d in ex.dose.values())


def test_foam_roll_entries_become_recovery() -> None:
    ex = one(fedb(category="stretching", name="Calves-SMR", id="Calves-SMR", equipment="foam roll")).exercises[0]
    assert (ex.category, ex.pattern, ex.equipment) == ("recovery", "foam-roll", ["foam roller"])


def test_plyometrics_are_ruled_out_for_knee_and_ankle_and_the_library_says_so() -> None:
    lib = one(fedb(category="plyometrics", name="Lateral Bound", id="Lateral_Bound", equipment="body only"))
    assert lib.exercises[0].avoid_with == ["ankle", "knee"]
    assert any("no limitation data" in w for w in lib.warnings)


@pytest.mark.parametrize(
    ("name", "activities"),
    [("Jogging, Treadmill", ["running"]), ("Bicycling, Stationary", ["cycling"]),
     ("Walking, Treadmill", ["walking"]), ("Trail Running/Walking", ["running", "walking"]),
     ("Treadmill", ["running"])],
)
def test_cardio_activity_comes_from_the_name(name: str, activities: list[str]) -> None:
    lib = one(fedb(category="cardio", name=name, id=name.replace(" ", "_"), equipment="machine"))
    assert lib.exercises[0].activities == activities
    assert not any("activity not clear" in w for w in lib.warnings)


def test_cardio_without_a_clear_activity_is_reported() -> None:
    lib = one(fedb(category="cardio", name="Stairmaster", id="Stairmaster", equipment="machine"))
    assert lib.exercises[0].activities == ["general"]
    assert "entry 0 (id 'Stairmaster'): activity not clear from the name 'Stairmaster'; serves general only" in lib.warnings


@pytest.mark.parametrize(
    ("name", "primary", "pattern"),
    [("Thigh Adductor", ["adductors"], "adductor"), ("Cable Hip Adduction", ["quadriceps"], "adductor"),
     ("Barbell Squat", ["quadriceps"], "squat"), ("Romanian Deadlift", ["hamstrings"], "hinge"),
     ("Pushups", ["chest"], "push"), ("Seated Cable Rows", ["middle back"], "pull"),
     ("Standing Calf Raises", ["calves"], "calf"), ("Plank", ["abdominals"], "core"),
     ("Farmer's Walk", ["forearms"], "carry"), ("Leg Press", ["quadriceps"], "squat"),
     ("Barbell Shrug", ["traps"], None), ("Dumbbell Bicep Curl", ["biceps"], None)],
)
def test_pattern_only_where_clear(name: str, primary: list[str], pattern: str | None) -> None:
    lib = one(fedb(name=name, id=name.replace(" ", "_"), primaryMuscles=primary, secondaryMuscles=[]))
    assert lib.exercises[0].pattern == pattern
    assert any("movement pattern not clear" in w for w in lib.warnings) == (pattern is None)


def test_per_side_from_the_name() -> None:
    assert one(fedb(name="One-Arm Dumbbell Row", id="One-Arm_Dumbbell_Row")).exercises[0].per_side
    assert not one(fedb()).exercises[0].per_side


def test_side_leg_raise_labelled_inner_thigh_is_questioned_not_relabelled() -> None:
    lib = one(fedb(name="Side Leg Raises", id="Side_Leg_Raises", category="stretching",
                   equipment="body only", primaryMuscles=["adductors"]))
    assert lib.exercises[0].primary_muscles == ["adductors"]
    assert any("works the abductors (outer hip)" in w for w in lib.warnings)


# ---------------------------------------------------------------- what is left out, and said


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"equipment": None}, "left out: equipment not given (unknown, not assumed bodyweight)"),
        ({"equipment": "other"}, "left out: equipment 'other' cannot be mapped to a profile's equipment"),
        ({"category": "yoga"}, "left out: category 'yoga' is not known"),
        ({"instructions": []}, "left out: no instructions"),
        ({"primaryMuscles": ["thighs"]}, "left out: no known primary muscle"),
        ({"name": ""}, "left out: name is missing"),
    ],
)
def test_entries_that_cannot_stand_are_left_out_and_reported(changes: dict[str, Any], message: str) -> None:
    good = fedb(id="Good_One", name="Good One")
    bad = fedb(**changes)
    lib = parse_free_exercise_db([good, bad], "test")
    assert [e.id for e in lib] == ["good-one"]
    assert lib.left_out == 1
    assert any(w.startswith("entry 1 (id 'Dumbbell_Lunges'): " + message) for w in lib.warnings), lib.warnings


def test_unknown_level_and_muscle_are_reported() -> None:
    lib = one(fedb(level="wizard", secondaryMuscles=["glutes", "obliques"]))
    ex = lib.exercises[0]
    assert ex.levels == ["advanced"]
    assert ex.secondary_muscles == ["glutes"]
    assert "entry 0 (id 'Dumbbell_Lunges'): level 'wizard' is not known; treated as advanced" in lib.warnings
    assert "entry 0 (id 'Dumbbell_Lunges'): secondaryMuscles: 'obliques' is not a known muscle; left out" in lib.warnings


def test_a_very_long_name_is_cut_and_said() -> None:
    lib = one(fedb(name="Lunge " * 30))
    assert len(lib.exercises[0].name) <= 120
    assert "entry 0 (id 'Dumbbell_Lunges'): name cut to 120 characters" in lib.warnings


def test_long_instructions_are_re_split_without_losing_words() -> None:
    steps = [f"Step {i} " + "word " * 30 for i in range(12)]
    lib = one(fedb(instructions=steps))
    kept = lib.exercises[0].instructions
    assert len(kept) <= 8 and all(len(s) <= 400 for s in kept)
    assert " ".join(kept).split() == " ".join(steps).split()
    assert any("re-split" in w for w in lib.warnings)


def test_instructions_too_long_even_for_eight_steps_are_cut_and_said() -> None:
    steps = ["word " * 79 + "end." for _ in range(10)]
    lib = one(fedb(instructions=steps))
    assert len(lib.exercises[0].instructions) == 8
    assert any("instructions too long for print" in w for w in lib.warnings)


def test_two_ids_with_one_slug() -> None:
    lib = parse_free_exercise_db([fedb(id="Push_Up"), fedb(id="Push-Up")], "test")
    assert len(lib) == 1 and lib.left_out == 1
    assert any("its id slug 'push-up' is already used by 'Push_Up'" in w for w in lib.warnings)


def test_nothing_mappable_is_an_error() -> None:
    with pytest.raises(LibraryValidationError) as info:
        parse_library([fedb(equipment="other")], "x.json")
    assert "no entry could be mapped to an exercise" in info.value.problems
    with pytest.raises(LibraryValidationError):
        parse_library([fedb(), "not an object"], "x.json")


@settings(max_examples=40, deadline=None)
@given(
    st.lists(
        st.fixed_dictionaries({
            "level": st.sampled_from(["beginner", "intermediate", "expert", "wizard", None]),
            "equipment": st.sampled_from(["body only", "dumbbell", "other", None, "bands", "foam roll"]),
            "category": st.sampled_from(["strength", "stretching", "cardio", "plyometrics", "yoga"]),
            "primaryMuscles": st.lists(st.sampled_from(["adductors", "chest", "thighs", "calves"]), max_size=2),
        }),
        min_size=1, max_size=8,
    )
)
def test_every_entry_is_imported_or_reported(variants: list[dict[str, Any]]) -> None:
    """Whatever the input, each entry is either an exercise or has a 'left out' line."""
    entries = [fedb(id=f"Entry_{i}", name=f"Entry {i}", **v) for i, v in enumerate(variants)]
    try:
        lib = parse_free_exercise_db(entries, "prop")
    except LibraryValidationError as exc:
        assert exc.problems == ("no entry could be mapped to an exercise",)
        return
    left_out = {w.split(":")[0] for w in lib.warnings if ": left out:" in w}
    assert len(lib) + len(left_out) == len(entries) == len(lib) + lib.left_out


# ---------------------------------------------------------------- the real dataset


def test_the_sample_loads_through_load_library() -> None:
    lib = load_library(need(SAMPLE))
    raw = json.loads(SAMPLE.read_text(encoding="utf-8"))
    assert lib.format == "free-exercise-db"
    assert len(lib) + lib.left_out == len(raw) == 94
    assert any(e.pattern == "adductor" for e in lib)
    assert all(e.source == "free-exercise-db" for e in lib)


def test_the_whole_dataset() -> None:
    lib = load_library(need(FULL))
    assert len(lib) + lib.left_out == 873
    assert len(lib) > 600
    for w in lib.warnings[1:]:
        assert w.startswith("entry "), w
    # Every image path stays out of the library.
    assert not any("jpg" in e.model_dump_json() for e in lib)


def test_the_dataset_round_trips_into_our_format(tmp_path: Path) -> None:
    """An imported library saved in our format loads again unchanged (and without warnings)."""
    lib = load_library(need(SAMPLE))
    ours = {"schema_version": "1",
            "exercises": [json.loads(e.model_dump_json(exclude_none=True)) for e in lib]}
    path = tmp_path / "converted.json"
    path.write_text(json.dumps(ours), encoding="utf-8")
    again = load_library(path)
    assert again.exercises == lib.exercises and again.warnings == ()


def test_mutating_the_raw_data_after_import_changes_nothing() -> None:
    raw = [fedb()]
    lib = parse_free_exercise_db(raw, "x")
    before = lib.exercises[0].model_dump()
    copy.deepcopy(raw)[0]["name"] = "changed"
    raw[0]["instructions"].append("extra")
    assert lib.exercises[0].model_dump() == before
