"""--exercises adds to the built-in library; --exercises-only replaces it; loading stays linear."""

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from planner.cli import app
from planner.io.libraries import load_library, planning_library
from planner.library.foreign import MAX_STEP, MAX_STEPS, _instructions

SHARED = Path(__file__).resolve().parents[2] / "shared" / "fixtures" / "free-exercise-db.json"
runner = CliRunner()


def _one_entry(tmp_path: Path, **changes) -> Path:
    ours = load_library().get("goblet-squat") or load_library().exercises[0]
    entry = ours.model_dump(mode="json", exclude_none=True) | {"alternatives": []} | changes
    entry.pop("regression", None)
    entry.pop("progression", None)
    path = tmp_path / "mine.json"
    path.write_text(json.dumps({"schema_version": "1", "exercises": [entry]}), encoding="utf-8")
    return path


def test_a_file_adds_to_the_builtin_library_and_replaces_same_ids(tmp_path):
    builtin = load_library()
    first = builtin.exercises[0]
    lib = planning_library(_one_entry(tmp_path, id=first.id, name="My own version"))
    assert len(lib.exercises) == len(builtin.exercises)
    assert lib.get(first.id).name == "My own version"
    added = planning_library(_one_entry(tmp_path, id="my-new-move"))
    assert len(added.exercises) == len(builtin.exercises) + 1


def test_only_uses_the_file_alone(tmp_path):
    lib = planning_library(_one_entry(tmp_path, id="my-new-move"), only=True)
    assert [ex.id for ex in lib.exercises] == ["my-new-move"]


def test_exercises_only_without_a_file_is_a_one_line_error(tmp_path):
    result = runner.invoke(app, ["generate", "--level", "beginner", "--activity", "running", "--exercises-only",
                                 "-o", str(tmp_path / "p.pdf")])
    assert result.exit_code == 2
    assert "--exercises-only: needs --exercises FILE" in result.output
    assert not (tmp_path / "p.pdf").exists()


def test_plan_names_an_extended_library(tmp_path):
    out = tmp_path / "p.json"
    lib = _one_entry(tmp_path, id="my-new-move")
    result = runner.invoke(app, ["generate", "--level", "beginner", "--activity", "walking", "--exercises", str(lib),
                                 "-f", "json", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert json.loads(out.read_text())["library"] == "built-in + mine.json"


def test_twenty_thousand_steps_pack_into_print_steps():
    warnings: list[str] = []
    steps = _instructions([f"Step {i} of a very long entry." for i in range(20_000)], "entry 0", warnings)
    assert len(steps) == MAX_STEPS
    assert all(len(s) <= MAX_STEP for s in steps)
    assert warnings and "left out" in warnings[0]


def test_few_long_steps_keep_every_word():
    warnings: list[str] = []
    text = ["Stand tall. " * 40, "Breathe out as you rise. " * 10]
    steps = _instructions(text, "entry 0", warnings)
    assert " ".join(steps).split() == " ".join(text).split()


@pytest.mark.skipif(not SHARED.exists(), reason="../shared/fixtures/free-exercise-db.json is absent (a clone of the project alone)")
def test_free_exercise_db_stretches_without_equipment_are_bodyweight():
    data = json.loads(SHARED.read_text(encoding="utf-8"))
    no_equipment = [e for e in data if e.get("equipment") is None]
    lib = load_library(SHARED)
    kept = [e for e in no_equipment if lib.get(e["id"]) is not None]
    assert all(lib.get(e["id"]).equipment == ["none"] for e in kept)
    assert len(kept) == 63  # 62 stretches and the running entry
    assert sum("left out: equipment not given" in w for w in lib.warnings) == len(no_equipment) - 63


@pytest.mark.skipif(not SHARED.exists(), reason="../shared/fixtures/free-exercise-db.json is absent (a clone of the project alone)")
def test_home_lifter_on_free_exercise_db_gets_a_plan(tmp_path):
    out = tmp_path / "p.json"
    result = runner.invoke(app, ["generate", "--level", "beginner", "--activity", "running", "--equipment", "dumbbells",
                                 "--equipment", "bands", "--exercises", str(SHARED), "-f", "json", "-o", str(out)])
    assert result.exit_code == 0, result.output
    plan = json.loads(out.read_text(encoding="utf-8"))
    assert plan["library"] == "built-in + free-exercise-db.json"
    used = plan["exercises"]
    assert all(set(ex["equipment"]) <= {"none", "dumbbells", "bands"} for ex in used), used
    # Both libraries serve: the file's entries are used, the built-in ones fill what it lacks.
    sources = {ex.get("source") for ex in used}
    assert "free-exercise-db" in sources and sources - {"free-exercise-db"}
    assert sum(len(w["sessions"]) for w in plan["weeks"]) == 8 * 3
