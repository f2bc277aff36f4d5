"""Every numeric profile field at its limits: the value on the limit builds a plan, the value
just past it is a one-line error naming the field, the value and what is allowed (exit 2, no
traceback, no file). The limits are read from the model, so a changed limit moves the test."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import assert_one_line_error
from planner.cli import app
from planner.models import LiftSet, Profile

ENDURANCE = {"level": "intermediate", "activity": "running", "days_per_week": 3}
STRENGTH = {"level": "intermediate", "activity": "strength", "equipment": ["barbell", "bench"]}


def bounds(model, name: str) -> tuple[float | None, float | None, bool]:
    """(low, high, low_is_strict) of a field, from its pydantic metadata."""
    low = high = None
    strict = False
    for meta in model.model_fields[name].metadata:
        if getattr(meta, "ge", None) is not None:
            low = meta.ge
        if getattr(meta, "gt", None) is not None:
            low, strict = meta.gt, True
        if getattr(meta, "le", None) is not None:
            high = meta.le
    return low, high, strict


# field -> (profile around it, step just past a limit, how the value sits in the profile)
FIELDS = {
    "weeks": (ENDURANCE, 1, None),
    "days_per_week": (ENDURANCE, 1, None),
    "session_minutes": (ENDURANCE, 1, None),
    "age": (ENDURANCE, 1, None),
    "body_mass_kg": (ENDURANCE, 0.5, None),
    "long_session_minutes": (ENDURANCE, 1, None),
    "current_weekly_minutes": (ENDURANCE, 1, None),
    "longest_recent_minutes": (ENDURANCE, 1, None),
    "plate_step_kg": (STRENGTH, 0.5, None),
    "weight_kg": (STRENGTH, 0.5, "lifts"),
    "reps": (STRENGTH, 1, "lifts"),
}


def profile_data(field: str, value: float) -> dict:
    base, _, nest = FIELDS[field]
    data = {"name": "Zoë Ødegård-Núñez", "start_date": "2027-01-04", "weeks": 4, **base}
    if nest == "lifts":
        lift = {"weight_kg": 60, "reps": 5, field: value}
        data["lifts"] = {"barbell-back-squat": lift}
    else:
        data[field] = value
    return data


def cases():
    for field, (_, step, nest) in FIELDS.items():
        model = LiftSet if nest else Profile
        low, high, strict = bounds(model, field)
        assert high is not None and low is not None, field
        inside_low = low + step if strict else low
        for value, ok in ((inside_low, True), (low - step if not strict else low, False),
                          (high, True), (high + step, False)):
            yield pytest.param(field, value, ok, id=f"{field}={value}")


def run(runner, tmp_path: Path, field: str, value: float):
    profile = tmp_path / "p.json"
    profile.write_text(json.dumps(profile_data(field, value), ensure_ascii=False), encoding="utf-8")
    out = tmp_path / "plan.json"
    return runner.invoke(app, ["generate", "--profile", str(profile), "-f", "json", "-o", str(out)]), out


@pytest.mark.parametrize(("field", "value", "ok"), list(cases()))
def test_each_numeric_field_on_its_limit_and_just_past_it(runner, tmp_path: Path, field: str, value: float, ok: bool) -> None:
    result, out = run(runner, tmp_path, field, value)
    if ok:
        assert result.exit_code == 0, result.output
        plan = json.loads(out.read_text(encoding="utf-8"))
        profile = plan["profile"]
        got = profile["lifts"]["barbell-back-squat"][field] if FIELDS[field][2] else profile[field]
        assert got == value
        if field == "weeks":
            assert len(plan["weeks"]) == value
        return
    model = LiftSet if FIELDS[field][2] else Profile
    low, high, strict = bounds(model, field)
    shown = f"{value:g}" if isinstance(value, float) else str(value)
    where = f"lifts.barbell-back-squat.{field}" if FIELDS[field][2] else field
    line = assert_one_line_error(result, f"{where}: {shown} is not allowed (allowed: ")
    # What is allowed, in the same words for every field: both limits named.
    assert f"{high:g}" in line and f"{low:g}" in line, line
    assert not out.exists()


@pytest.mark.parametrize(
    ("flag", "value", "field"),
    [("--weeks", "0", "weeks"), ("--weeks", "53", "weeks"), ("--days-per-week", "0", "days_per_week"),
     ("--days-per-week", "8", "days_per_week"), ("--session-minutes", "14", "session_minutes"),
     ("--session-minutes", "181", "session_minutes"), ("--age", "13", "age"), ("--age", "101", "age")],
)
def test_flags_outside_the_limits_give_the_same_one_line_error(runner, tmp_path: Path, flag: str, value: str, field: str) -> None:
    out = tmp_path / "plan.json"
    result = runner.invoke(app, ["generate", "--level", "beginner", "--activity", "running", "--start-date",
                                 "2027-01-04", flag, value, "-f", "json", "-o", str(out)])
    assert_one_line_error(result, f"{field}: {value} is not allowed (allowed: a number from ")
    assert not out.exists()


@pytest.mark.parametrize(
    ("event", "ok"),
    [("2027-01-18 10k", True),  # week 3: the nearest an event may be
     ("2027-01-17 10k", False),  # the Sunday of week 2
     ("2027-08-01 marathon", True),  # the Sunday of week 30
     ("2027-08-02 marathon", False),  # week 31
     ("2027-03-07 100m", True), ("2027-03-07 99m", False),
     ("2027-03-07 1000km", True), ("2027-03-07 1001km", False)],
)
def test_event_dates_and_distances_on_and_past_their_limits(runner, tmp_path: Path, event: str, ok: bool) -> None:
    out = tmp_path / "plan.json"
    activity = "cycling" if event.endswith("km") else "running"
    day, distance = event.split()
    result = runner.invoke(app, ["generate", "--level", "intermediate", "--activity", activity, "--start-date",
                                 "2027-01-04", "--event-date", day, "--event-distance", distance,
                                 "-f", "json", "-o", str(out)])
    if ok:
        assert result.exit_code == 0, result.output
        plan = json.loads(out.read_text(encoding="utf-8"))
        assert plan["weeks"][-1]["sessions"][-1]["kind"] == "race"
        assert plan["weeks"][-1]["sessions"][-1]["date"] == event.split()[0]
    else:
        assert_one_line_error(result, "event")
        assert not out.exists()
