"""Plans built from the whole free-exercise-db dataset, for every activity it can serve."""

from __future__ import annotations

import io
from pathlib import Path

import pypdf
import pytest

from planner import build_plan, load_library, render_pdf
from planner.engine.checks import check_plan
from planner.errors import LibraryError
from planner.models import Profile

GYM = ["barbell", "bench", "dumbbells", "machines", "cable", "kettlebell", "bands", "foam roller",
       "exercise ball", "medicine ball", "pull-up bar", "ez-bar"]


@pytest.fixture(scope="module")
def foreign(request):
    path = Path(__file__).resolve().parents[2] / "shared" / "fixtures" / "free-exercise-db.json"
    if not path.exists():
        pytest.skip("../shared/fixtures/free-exercise-db.json is absent (a clone of the project alone)")
    return load_library(path)


@pytest.mark.parametrize("activity", ["strength", "general", "running", "cycling", "walking"])
@pytest.mark.parametrize("level", ["beginner", "advanced"])
def test_the_whole_dataset_serves_a_gym_member(foreign, activity: str, level: str) -> None:
    plan = build_plan(Profile(level=level, activity=activity, equipment=GYM, weeks=6, days_per_week=4), foreign)
    assert check_plan(plan) == []
    assert all(ex.id in {e.id for e in foreign} for ex in plan.exercises)


def test_a_foreign_plan_prints_end_to_end(foreign) -> None:
    plan = build_plan(Profile(level="intermediate", activity="strength", equipment=GYM, weeks=4), foreign)
    pdf = render_pdf(plan)
    text = "".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(pdf)).pages)
    assert plan.exercises[0].name.split()[0] in text


def test_what_the_dataset_cannot_serve_is_a_clear_error(foreign) -> None:
    # Its only cardio entries are machines; it has nothing for swimming at all.
    with pytest.raises(LibraryError, match="no usable exercise for cardio, pattern 'easy', activity 'swimming'"):
        build_plan(Profile(level="beginner", activity="swimming", equipment=GYM), foreign)
    with pytest.raises(LibraryError, match=r"^exercises: the library '.*free-exercise-db.json' has no usable "):
        build_plan(Profile(level="beginner", activity="running", equipment=["none"]), foreign)
