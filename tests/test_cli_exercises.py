"""`planner exercises list | show | check`, driven through typer's CliRunner."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from planner.cli.exercises import dose_line, exercises_app
from planner.io.libraries import load_library

SHARED = Path(__file__).resolve().parents[2] / "shared"
FULL_DB = SHARED / "fixtures" / "free-exercise-db.json"

app = typer.Typer()
app.add_typer(exercises_app, name="exercises")
runner = CliRunner()


def run(*args: str):
    return runner.invoke(app, ["exercises", *args])


def table_ids(output: str) -> list[str]:
    lines = output.strip().splitlines()
    assert lines[0].split()[:2] == ["ID", "NAME"]
    return [line.split()[0] for line in lines[1:-1]]


def write(tmp_path: Path, data: object, name: str = "lib.json") -> Path:
    path = tmp_path / name
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def test_no_arguments_shows_help() -> None:
    result = run()
    assert "list" in result.output and "show" in result.output and "check" in result.output


def test_every_command_has_help_text() -> None:
    for command in ("list", "show", "check"):
        result = run(command, "--help")
        assert result.exit_code == 0
        assert len(result.output.split()) > 10


# ---------------------------------------------------------------- list


def test_list_everything() -> None:
    result = run("list")
    assert result.exit_code == 0
    ids = table_ids(result.output)
    assert ids == sorted(ids) and len(ids) == len(load_library())
    assert result.output.strip().splitlines()[-1] == f"{len(ids)} exercises"


def test_list_by_category_and_muscle() -> None:
    result = run("list", "--category", "stretch", "--muscle", "adductors")
    assert result.exit_code == 0
    ids = table_ids(result.output)
    assert "butterfly-stretch" in ids and "seated-straddle-stretch" in ids
    lib = load_library()
    assert all(lib.get(i).category == "stretch" and "adductors" in lib.get(i).muscles for i in ids)  # type: ignore[union-attr]


def test_list_by_equipment_shows_what_the_kit_allows() -> None:
    ids = table_ids(run("list", "--equipment", "none", "--category", "strength").output)
    lib = load_library()
    assert ids and all(lib.get(i).needs == frozenset() for i in ids)  # type: ignore[union-attr]
    with_db = table_ids(run("list", "--equipment", "dumbbells,bench", "--category", "strength").output)
    assert set(ids) < set(with_db)
    assert "dumbbell-bench-press" in with_db and "barbell-bench-press" not in with_db
    repeated = table_ids(run("list", "--equipment", "dumbbells", "--equipment", "bench",
                             "--category", "strength").output)
    assert repeated == with_db


def test_list_by_level_activity_and_pattern() -> None:
    ids = table_ids(run("list", "--level", "beginner", "--pattern", "adductor", "--activity", "running").output)
    assert "pillow-squeeze" in ids and "copenhagen-plank-long-lever" not in ids


def test_list_with_no_match() -> None:
    result = run("list", "--category", "plyometric", "--muscle", "neck")
    assert result.exit_code == 0
    assert result.output.strip() == "No exercises match these filters."


@pytest.mark.parametrize(
    ("option", "value"),
    [("--category", "yoga"), ("--muscle", "thighs"), ("--equipment", "sofa"), ("--level", "expert"),
     ("--activity", "rowing"), ("--pattern", "wiggle")],
)
def test_list_refuses_unknown_filter_values(option: str, value: str) -> None:
    result = run("list", option, value)
    assert result.exit_code == 2
    assert result.stderr.startswith(f"Error: {option}: '{value}' is not allowed; allowed: ")
    assert "Traceback" not in result.output


def test_list_another_library(tmp_path: Path) -> None:
    entry = {
        "id": "plie-squat", "name": "Plié squat, Zoë's way", "category": "strength",
        "primary_muscles": ["adductors"], "levels": ["beginner"], "activities": ["general"],
        "instructions": ["Stand wide.", "Sit down between the heels."],
    }
    path = write(tmp_path, {"schema_version": "1", "exercises": [entry]})
    result = run("list", "--exercises", str(path))
    assert result.exit_code == 0
    assert "Plié squat, Zoë's way" in result.output
    assert result.output.strip().endswith("1 exercise")


def test_list_with_a_broken_library_is_one_line(tmp_path: Path) -> None:
    path = write(tmp_path, {"schema_version": "1", "exercises": [{"id": "x"}]})
    result = run("list", "--exercises", str(path))
    assert result.exit_code == 2
    assert len(result.stderr.strip().splitlines()) == 1
    assert result.stderr.startswith(f"Error: exercise library {path}: entry 0 (id 'x'):")


# ---------------------------------------------------------------- show


def test_show_everything_about_an_exercise() -> None:
    result = run("show", "copenhagen-plank-short-lever")
    assert result.exit_code == 0
    out = result.output
    assert out.startswith("Copenhagen plank, short lever (copenhagen-plank-short-lever)")
    for expected in (
        "Category:    strength, adductor",
        "Muscles:     adductors",
        "Equipment:   bodyweight",
        "Per side:    yes",
        "Not with:    shoulder limitation",
        "beginner: 2 x 10 s hold each side, rest 45 s, effort 6/10",
        "1. Lie on your side",
        "Easier:      Side-lying inner thigh lift (side-lying-inner-thigh-lift)",
        "Harder:      Copenhagen plank, long lever (copenhagen-plank-long-lever)",
    ):
        assert expected in out, expected


def test_show_unknown_id() -> None:
    result = run("show", "moonwalk")
    assert result.exit_code == 2
    assert result.stderr.strip() == "Error: exercise 'moonwalk' not found; try 'planner exercises list'"


def test_dose_lines_read_like_the_plan() -> None:
    lib = load_library()
    assert dose_line(lib.get("goblet-squat"), "intermediate") == "intermediate: 3 x 10, rest 90 s, effort 7/10"  # type: ignore[arg-type]
    assert dose_line(lib.get("butterfly-stretch"), "beginner") == "beginner: 2 x 30 s hold"  # type: ignore[arg-type]
    assert dose_line(lib.get("easy-run"), "advanced") == "advanced: 40 min, effort 3/10"  # type: ignore[arg-type]
    assert dose_line(lib.get("build-25s"), "advanced") == "advanced: 4 x 25 m, rest 30 s, effort 7/10"  # type: ignore[arg-type]


# ---------------------------------------------------------------- check


def test_check_our_library_passes_with_counts() -> None:
    builtin = Path(__file__).resolve().parents[1] / "exercises.json"
    result = run("check", str(builtin))
    assert result.exit_code == 0, result.output
    out = result.output
    lib = load_library()
    assert out.splitlines()[0] == f"{builtin}: valid workout-planner library, {len(lib)} exercises"
    assert "By category:" in out and "By activity:" in out and "By muscle" in out
    strength = sum(1 for e in lib if e.category == "strength")
    assert any(line.split() == ["strength", str(strength)] for line in out.splitlines())
    adductors_primary = sum(1 for e in lib if "adductors" in e.primary_muscles)
    line = next(l for l in out.splitlines() if l.strip().startswith("adductors "))
    assert line.split()[1] == str(adductors_primary)
    assert "Could not be mapped" not in out
    assert out.rstrip().endswith("all 18 activity and level pairs build")


def test_check_lists_every_problem_one_per_line(tmp_path: Path) -> None:
    good = {
        "id": "a-move", "name": "A", "category": "strength", "primary_muscles": ["glutes"],
        "levels": ["beginner"], "activities": ["general"], "instructions": ["One.", "Two."],
    }
    data = {"schema_version": "1", "exercises": [
        good,
        {**good, "primary_muscles": ["thighs"]},
        {**good, "id": "b-move", "equipment": ["sofa"], "progression": "ghost"},
        {**good, "id": "c-move", "progression": "d-move"},
        {**good, "id": "d-move", "progression": "c-move"},
    ]}
    result = run("check", str(write(tmp_path, data)))
    assert result.exit_code == 2
    lines = result.stderr.strip().splitlines()
    assert lines[0] == f"Error: {tmp_path / 'lib.json'}: 5 problems; nothing was loaded"
    body = [l.strip() for l in lines[1:]]
    assert body[0].startswith("entry 1 (id 'a-move'): primary_muscles[0]: 'thighs' is not allowed")
    assert body[1] == "entry 1 (id 'a-move'): id: 'a-move' is already used by entry 0; ids must be unique"
    assert body[2].startswith("entry 2 (id 'b-move'): equipment[0]: 'sofa' is not allowed")
    assert body[3] == "entry 2 (id 'b-move'): progression: 'ghost' is not an id in this library"
    assert body[4].startswith("entry 3 (id 'c-move'): progression: the chain loops (c-move -> d-move -> c-move)")
    assert len(body) == 5
    assert result.stdout == ""


def test_check_missing_file_and_bad_json(tmp_path: Path) -> None:
    result = run("check", str(tmp_path / "none.json"))
    assert result.exit_code == 2 and "does not exist" in result.stderr
    bad = tmp_path / "bad.json"
    bad.write_text("{", encoding="utf-8")
    result = run("check", str(bad))
    assert result.exit_code == 2 and "not valid JSON" in result.stderr
    assert "Traceback" not in result.output


def test_check_free_exercise_db_reports_what_it_cannot_map() -> None:
    if not FULL_DB.exists():
        pytest.skip(f"{FULL_DB} is absent (a clone of the project alone)")
    result = run("check", str(FULL_DB))
    assert result.exit_code == 0
    out = result.output
    first = out.splitlines()[0]
    assert first.startswith(f"{FULL_DB}: valid free-exercise-db library, ")
    lib = load_library(FULL_DB)
    assert f"{len(lib)} exercises ({lib.left_out} entries left out: see below)" in first
    assert len(lib) + lib.left_out == 873
    assert f"Could not be mapped ({len(lib.warnings)}):" in out
    assert "entry 12 (id 'Alternate_Leg_Diagonal_Bound'): left out: equipment not given" in out
    assert "Adductor_Groin" not in out  # a stretch without equipment is bodyweight
    assert "(id 'Ab_Roller'): left out: equipment 'other' cannot be mapped" in out
    # A valid file is not yet a usable one: the report says which plans it cannot build.
    probe = out[out.index("Plans (4 weeks"):]
    assert "of 18 build; these stop:" in probe
    assert "running, beginner: no usable exercise for " in probe
    # With a gym's equipment it serves every activity but swimming (it has no swimming at all).
    gym = out[out.index("Plans (4 weeks, with every piece of equipment):"):]
    assert "15 of 18 build; these stop:" in gym
    assert all("swimming" in line for line in gym.splitlines()[2:] if line.strip())
