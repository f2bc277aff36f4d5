"""Reading saved plans back: round trip, one-line errors with the JSON path, stale loads."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import zoe_plan
from planner import build_plan
from planner.errors import InputFileError
from planner.io.plans import load_plan, parse_plan, recompute_loads, stale_loads


@pytest.fixture(scope="module")
def plan():
    return zoe_plan(4)


@pytest.fixture()
def data(plan):
    return json.loads(plan.model_dump_json())


def _error(text: str, source: str = "plan.json") -> str:
    with pytest.raises(InputFileError) as info:
        parse_plan(text, source)
    message = str(info.value)
    assert "\n" not in message
    return message


def test_round_trip_through_a_file_gives_the_same_plan(plan, tmp_path):
    path = tmp_path / "plan.json"
    path.write_text(plan.model_dump_json(indent=2), encoding="utf-8")
    assert load_plan(path) == plan


def test_a_utf8_bom_from_a_windows_editor_is_accepted(plan, tmp_path):
    path = tmp_path / "plan.json"
    path.write_bytes(b"\xef\xbb\xbf" + plan.model_dump_json().encode("utf-8"))
    assert load_plan(path) == plan


def test_out_of_range_value_names_json_path_value_and_what_is_allowed(data):
    data["weeks"][0]["sessions"][1]["rpe"] = 14
    assert _error(json.dumps(data)) == (
        "plan.json: weeks.0.sessions.1.rpe: 14 is not allowed (allowed: a number from 1 to 10)"
    )


def test_bad_vocabulary_word_lists_the_allowed_words(data):
    data["profile"]["level"] = "expert"
    message = _error(json.dumps(data), "mine.json")
    assert message.startswith("mine.json: profile.level: 'expert' is not allowed")
    assert "beginner, intermediate, advanced" in message


def test_unknown_key_is_named_with_the_known_ones(data):
    data["weeks"][1]["sessions"][0]["colour"] = "red"
    message = _error(json.dumps(data))
    assert message.startswith("plan.json: weeks.1.sessions.0.colour: unknown field; known fields are date, title")


def test_missing_key_and_several_problems_are_counted(data):
    del data["weeks"][0]["sessions"][0]["blocks"]
    data["weeks"][0]["sessions"][0]["rpe"] = 0
    message = _error(json.dumps(data))
    assert "weeks.0.sessions.0" in message and "(+1 more problem)" in message


def test_invalid_json_gives_line_and_column():
    message = _error('{"title": "x",\n  "weeks": [}')
    assert message.startswith("plan.json: not valid JSON:") and "line 2" in message


@pytest.mark.parametrize("text", ["[]", '"plan"', "3", "null"])
def test_a_plan_must_be_a_json_object(text):
    assert "holds a JSON object" in _error(text)


def test_newer_schema_major_version_is_refused(data):
    data["schema_version"] = "2.0"
    assert "schema_version: '2.0' is not allowed" in _error(json.dumps(data))


def test_missing_file_and_folder_are_one_line_errors(tmp_path):
    with pytest.raises(InputFileError, match="does not exist"):
        load_plan(tmp_path / "nope.json")
    with pytest.raises(InputFileError, match="is a folder"):
        load_plan(tmp_path)


def test_stale_loads_are_reported_and_recomputed(data):
    session = data["weeks"][0]["sessions"][0]
    session["rpe"], session["minutes"] = 7, 40
    stale = parse_plan(json.dumps(data), recompute=False)
    notes = stale_loads(stale)
    assert any("recomputed as 280" in n and "week 1" in n for n in notes)
    fixed = parse_plan(json.dumps(data))
    assert fixed.weeks[0].sessions[0].load == 280
    assert fixed.weeks[0].load == sum(s.rpe * s.minutes for s in fixed.weeks[0].sessions)
    assert stale_loads(fixed) == []


def test_recompute_leaves_a_consistent_plan_untouched(plan):
    assert stale_loads(plan) == []
    assert recompute_loads(plan) is plan


@settings(max_examples=25, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.tuples(st.integers(1, 10), st.integers(1, 180), st.integers(0, 5000)), min_size=1, max_size=6))
def test_loads_always_match_effort_times_minutes_after_loading(plan, edits):
    data = json.loads(plan.model_dump_json())
    sessions = [s for w in data["weeks"] for s in w["sessions"]]
    for (rpe, minutes, load), session in zip(edits, sessions):
        session.update(rpe=rpe, minutes=minutes, load=load)
    loaded = parse_plan(json.dumps(data))
    for week in loaded.weeks:
        assert all(s.load == s.rpe * s.minutes for s in week.sessions)
        assert week.load == sum(s.load for s in week.sessions)


def test_errors_inside_the_carried_exercises_name_the_path_through_the_dose_mapping(data):
    entry = next(e for e in data["exercises"] if e.get("dose"))
    index = data["exercises"].index(entry)
    level = next(iter(entry["dose"]))
    entry["dose"][level]["rpe"] = 11
    message = _error(json.dumps(data))
    assert message == (
        f"plan.json: exercises.{index}.dose.{level}.rpe: 11 is not allowed (allowed: a number from 1 to 10)"
    )


def test_an_exercise_edited_inside_the_file_is_judged_by_the_library() -> None:

    from planner.models import Profile
    from planner.io.plans import safety_problems

    plan = build_plan(Profile(level="beginner", activity="general", limitations=["knee"], weeks=2,
                              start_date=dt.date(2027, 1, 4)))
    assert plan.library == "built-in"
    assert safety_problems(plan, "plan.json") == []
    # Hand edit: swap a knee-friendly exercise for one the library rules out, and delete
    # that exercise's knee warning from the copy inside the file.
    from planner import load_library

    risky = next(e for e in load_library() if "knee" in e.avoid_with and e.category == "strength")
    s = plan.weeks[0].sessions[0]
    item = s.blocks[1].items[0].model_copy(update={"exercise_id": risky.id, "name": risky.name})
    main = s.blocks[1].model_copy(update={"items": [item, *s.blocks[1].items[1:]]})
    session = s.model_copy(update={"blocks": [s.blocks[0], main, s.blocks[2]]})
    week = plan.weeks[0].model_copy(update={"sessions": [session, *plan.weeks[0].sessions[1:]]})
    hidden = risky.model_copy(update={"avoid_with": []})
    edited = plan.model_copy(update={"weeks": [week, *plan.weeks[1:]], "exercises": [*plan.exercises, hidden]})
    problems = safety_problems(edited, "plan.json")
    assert any("limitations" in p and risky.name in p for p in problems)
