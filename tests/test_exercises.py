"""Loading a library: each class of bad entry gets its own clear line, all reported at once."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import planner
from planner.errors import InputFileError, LibraryError
from planner.io.libraries import load_library
from planner.library.parse import parse_library
from planner.library.catalog import ExerciseLibrary, LibraryValidationError
from planner.models import Exercise


def entry(id: str, **changes: Any) -> dict[str, Any]:
    base: dict[str, Any] = {
        "id": id,
        "name": id.replace("-", " ").capitalize(),
        "category": "strength",
        "pattern": "squat",
        "primary_muscles": ["quadriceps"],
        "equipment": ["none"],
        "levels": ["beginner"],
        "activities": ["strength"],
        "dose": {"beginner": {"sets": 2, "reps": 10}},
        "instructions": ["Stand tall.", "Sit down and stand up."],
    }
    base.update(changes)
    return {k: v for k, v in base.items() if v is not None}


def library(*entries: dict[str, Any], **top: Any) -> dict[str, Any]:
    return {"schema_version": "1", "exercises": list(entries), **top}


def problems_of(data: Any) -> tuple[str, ...]:
    with pytest.raises(LibraryValidationError) as info:
        parse_library(data, "lib.json")
    assert isinstance(info.value, LibraryError)
    return info.value.problems


# ---------------------------------------------------------------- the built-in library


def test_builtin_library_loads_and_is_cached() -> None:
    lib = load_library()
    assert isinstance(lib, ExerciseLibrary)
    assert lib.source == "exercises.json"
    assert lib.warnings == ()
    assert load_library() is lib, "every plan reuses the one parsed library"
    assert planner.load_library() is lib


def test_library_api() -> None:
    lib = load_library()
    ex = lib.get("plie-squat")
    assert ex is not None and ex.name == "Plié squat"
    assert lib.get("no-such-thing") is None
    assert "plie-squat" in lib and ex in lib and "nope" not in lib and 3 not in lib
    assert len(lib) == len(list(lib)) == len(lib.exercises)
    assert hash(lib) == hash(load_library()), "hashable, so a caller can cache per library"
    with pytest.raises(AttributeError):
        lib.source = "other"  # type: ignore[misc]


def test_exercises_are_sorted_by_id_whatever_the_file_order() -> None:
    lib = parse_library(library(entry("b-move"), entry("a-move"), entry("c-move")))
    assert [e.id for e in lib] == ["a-move", "b-move", "c-move"]


def test_filter_by_kit_treats_bodyweight_as_always_available() -> None:
    lib = parse_library(library(
        entry("a-bodyweight"),
        entry("b-dumbbell", equipment=["dumbbells"]),
        entry("c-bench-press", equipment=["dumbbells", "bench"]),
    ))
    assert [e.id for e in lib.filter(equipment=["dumbbells"])] == ["a-bodyweight", "b-dumbbell"]
    assert [e.id for e in lib.filter(equipment=["none"])] == ["a-bodyweight"]
    assert len(lib.filter(equipment=["dumbbells", "bench"])) == 3
    assert lib.filter(muscle="chest") == ()


# ---------------------------------------------------------------- one class of problem each


def test_unknown_muscle_names_the_value_and_the_vocabulary() -> None:
    (line,) = problems_of(library(entry("squat", primary_muscles=["thighs"])))
    assert line.startswith("entry 0 (id 'squat'): primary_muscles[0]: 'thighs' is not allowed")
    assert "'adductors'" in line and "'quadriceps'" in line


def test_unknown_equipment() -> None:
    (line,) = problems_of(library(entry("ok-one"), entry("squat", equipment=["sofa"])))
    assert line.startswith("entry 1 (id 'squat'): equipment[0]: 'sofa' is not allowed")
    assert "'dumbbells'" in line


def test_duplicate_ids_name_both_entries() -> None:
    (line,) = problems_of(library(entry("squat"), entry("lunge"), entry("squat")))
    assert line == "entry 2 (id 'squat'): id: 'squat' is already used by entry 0; ids must be unique"


@pytest.mark.parametrize("field", ["regression", "progression"])
def test_link_to_a_missing_id(field: str) -> None:
    (line,) = problems_of(library(entry("squat", **{field: "ghost"})))
    assert line == f"entry 0 (id 'squat'): {field}: 'ghost' is not an id in this library"


def test_alternative_to_a_missing_id_and_to_itself() -> None:
    problems = problems_of(library(entry("squat", alternatives=["ghost", "squat"])))
    assert problems == (
        "entry 0 (id 'squat'): alternatives[0]: 'ghost' is not an id in this library",
        "entry 0 (id 'squat'): alternatives[1]: links to itself",
    )


def test_a_link_to_an_invalid_entry_is_not_reported_twice() -> None:
    problems = problems_of(library(entry("a-move", progression="b-move"), entry("b-move", levels=[])))
    assert len(problems) == 1 and problems[0].startswith("entry 1 (id 'b-move'): levels")


def test_progression_cycle() -> None:
    (line,) = problems_of(library(
        entry("a-move", progression="b-move"),
        entry("b-move", progression="c-move"),
        entry("c-move", progression="a-move"),
    ))
    assert line.startswith("entry 0 (id 'a-move'): progression: the chain loops")
    assert "(a-move -> b-move -> c-move -> a-move)" in line


def test_cycle_through_regression_links() -> None:
    """b is harder than a (a's progression) and easier than a (a's regression is... b)."""
    (line,) = problems_of(library(
        entry("a-move", progression="b-move"),
        entry("b-move", progression="a-move"),
    ))
    assert "(a-move -> b-move -> a-move)" in line
    (line,) = problems_of(library(
        entry("a-move", progression="b-move", regression="b-move"),
        entry("b-move"),
    ))
    assert "loops" in line


def test_consistent_two_way_links_are_fine() -> None:
    lib = parse_library(library(
        entry("a-move", progression="b-move"),
        entry("b-move", regression="a-move", progression="c-move"),
        entry("c-move", regression="b-move", alternatives=["a-move"]),
    ))
    assert len(lib) == 3


def test_bad_slug_and_bad_values() -> None:
    problems = problems_of(library(entry("Bad_Id", levels=["expert"], dose={"beginner": {"sets": 0}})))
    assert any("id: 'Bad_Id' is not a slug" in p for p in problems)
    assert any("levels[0]: 'expert' is not allowed" in p for p in problems)
    assert any(p.startswith("entry 0 (id 'Bad_Id'): dose.beginner.sets:") for p in problems)


def test_missing_and_unknown_fields() -> None:
    bad = entry("squat")
    del bad["instructions"]
    bad["colour"] = "red"
    problems = problems_of(library(bad))
    assert "entry 0 (id 'squat'): instructions: required field is missing" in problems
    assert "entry 0 (id 'squat'): colour: unknown field" in problems


def test_entry_that_is_not_an_object_and_entry_without_id() -> None:
    no_id = entry("x")
    del no_id["id"]
    problems = problems_of(library("squat", no_id))
    assert problems[0] == "entry 0 (no id): must be an object, got str"
    assert problems[1] == "entry 1 (no id): id: required field is missing"


def test_every_problem_is_reported_at_once() -> None:
    problems = problems_of(library(
        entry("a-move", primary_muscles=["thighs"]),
        entry("b-move", equipment=["sofa"]),
        entry("b-move"),
        entry("c-move", progression="ghost"),
    ))
    assert [p.split(":")[0] for p in problems] == [
        "entry 0 (id 'a-move')", "entry 1 (id 'b-move')", "entry 2 (id 'b-move')", "entry 3 (id 'c-move')",
    ]


def test_the_error_message_is_one_line_and_points_at_check() -> None:
    with pytest.raises(LibraryValidationError) as info:
        parse_library(library(entry("a", primary_muscles=["x"]), entry("a")), "my.json")
    message = str(info.value)
    assert "\n" not in message
    assert message.startswith("exercise library my.json: entry 0 (id 'a'): primary_muscles[0]")
    assert "(and 1 more problem; run 'planner exercises check my.json' to see them all)" in message


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        ({"exercises": [entry("a")]}, "schema_version: missing; allowed: '1'"),
        (library(entry("a"), schema_version="2"), "schema_version: '2' is not supported; allowed: '1'"),
        (library(entry("a"), extra=1), "extra: unknown top-level key; allowed: description, exercises, schema_version"),
        (library(), "exercises: the library holds no exercises"),
        ({"schema_version": "1", "exercises": {}}, "exercises: must be a list of exercise objects"),
        ([], "the library holds no exercises"),
    ],
)
def test_file_level_problems(data: Any, expected: str) -> None:
    assert expected in problems_of(data)


@pytest.mark.parametrize("data", [{"foo": 1}, [{"name": "x"}], "text", 3])
def test_unrecognised_format(data: Any) -> None:
    (line,) = problems_of(data)
    assert line.startswith("not a recognised library format")


# ---------------------------------------------------------------- files


def test_load_from_file_round_trips_unicode(tmp_path: Path) -> None:
    path = tmp_path / "bibliothèque.json"
    data = library(entry("plie-squat", name="Plié squat for Zoë Ødegård-Núñez"))
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    lib = load_library(path)
    assert lib.source == str(path)
    assert lib.get("plie-squat").name == "Plié squat for Zoë Ødegård-Núñez"  # type: ignore[union-attr]
    assert load_library(str(path)) == lib


def test_missing_file_and_directory(tmp_path: Path) -> None:
    with pytest.raises(InputFileError, match="does not exist"):
        load_library(tmp_path / "nope.json")
    with pytest.raises(InputFileError, match="is a folder, not a file"):
        load_library(tmp_path)


def test_invalid_json_says_where(tmp_path: Path) -> None:
    path = tmp_path / "broken.json"
    path.write_text('{"schema_version": "1",\n "exercises": [,]}', encoding="utf-8")
    with pytest.raises(LibraryError, match=r"not valid JSON \(line 2, column 16"):
        load_library(path)


def test_builtin_file_round_trips_through_the_model() -> None:
    """Dumping the loaded entries and loading them again gives the same library."""
    lib = load_library()
    dumped = [json.loads(e.model_dump_json(exclude_none=True)) for e in lib]
    again = parse_library(library(*dumped), "copy")
    assert again.exercises == lib.exercises


# ---------------------------------------------------------------- properties


_BUILTIN = [json.loads(e.model_dump_json(exclude_none=True)) for e in load_library()]


@settings(max_examples=40, deadline=None)
@given(st.permutations(range(len(_BUILTIN))).map(lambda p: p[:20]))
def test_any_order_of_any_subset_without_links_loads_sorted(order: list[int]) -> None:
    picked = []
    for i in order:
        e = copy.deepcopy(_BUILTIN[i])
        for key in ("regression", "progression", "alternatives"):
            e.pop(key, None)
        picked.append(e)
    lib = parse_library(library(*picked))
    assert [e.id for e in lib] == sorted(e["id"] for e in picked)
    assert all(isinstance(e, Exercise) for e in lib)


@settings(max_examples=30, deadline=None)
@given(st.integers(min_value=0, max_value=len(_BUILTIN) - 1), st.sampled_from(["regression", "progression"]))
def test_any_dangling_link_is_caught(index: int, field: str) -> None:
    broken = copy.deepcopy(_BUILTIN)
    broken[index][field] = "not-in-the-library"
    problems = problems_of(library(*broken))
    assert f"entry {index} (id '{broken[index]['id']}'): {field}: 'not-in-the-library' is not an id in this library" in problems
