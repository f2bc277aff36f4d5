"""Zwift .zwo files: well-formed XML whose segments add up to the session."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

from conftest import device_plan
from planner.errors import ProfileError
from planner.export.steps import Repeat, Step, Target
from planner.export.zwo import session_to_zwo

SEGMENTS = {"Warmup", "SteadyState", "IntervalsT", "Cooldown", "FreeRide"}


def _plan(activity: str = "cycling", level: str = "intermediate"):
    return device_plan(activity, level)


def _seconds(workout: ET.Element) -> int:
    total = 0
    for seg in workout:
        assert seg.tag in SEGMENTS
        if seg.tag == "IntervalsT":
            total += int(seg.get("Repeat")) * (int(seg.get("OnDuration")) + int(seg.get("OffDuration")))
        else:
            total += int(seg.get("Duration"))
    return total


@pytest.mark.parametrize("level", ["beginner", "intermediate", "advanced"])
def test_every_cycling_session_parses_and_lasts_its_minutes(level):
    plan = _plan(level=level)
    for week in plan.weeks:
        for session in week.sessions:
            root = ET.fromstring(session_to_zwo(plan, session))
            assert root.tag == "workout_file"
            assert root.findtext("sportType") == "bike"
            assert root.findtext("name") == session.title
            assert _seconds(root.find("workout")) == session.minutes * 60
            # Without power targets every segment is free ride with the effort as text.
            assert {seg.tag for seg in root.find("workout")} == {"FreeRide"}
            messages = [t.get("message") for t in root.iter("textevent")]
            assert any("(RPE " in m for m in messages)


def test_names_with_markup_and_unicode_are_escaped():
    plan = _plan()
    session = plan.weeks[0].sessions[0].model_copy(update={"title": 'Zoë\'s <fast> & "hard" ride ø'})
    data = session_to_zwo(plan, session)
    assert b"<fast>" not in data and b"&lt;fast&gt; &amp;" in data
    root = ET.fromstring(data)
    assert root.findtext("name") == 'Zoë\'s <fast> & "hard" ride ø'
    assert b"Zo\xc3\xab &lt;&amp;&gt; \xc3\x98deg" in data  # the client name, escaped, in UTF-8
    assert "Zoë <&> Ødegård" in root.findtext("description")


def test_power_targets_become_steady_intervals_and_ramps(monkeypatch):
    plan = _plan()
    session = plan.weeks[0].sessions[0]
    fake = [
        Step("Warm-up", "warmup", 600, target=Target("power", 0.45, 0.7)),
        Repeat(5, (Step("On", "active", 180, rpe=8, target=Target("power", 1.0, 1.1)),
                   Step("Off", "rest", 120, target=Target("power", 0.5, 0.5)))),
        Step("Steady", "active", 300, target=Target("power", 0.7, 0.8)),
        Step("Cool-down", "cooldown", 300, target=Target("power", 0.4, 0.6)),
    ]
    monkeypatch.setattr("planner.export.zwo.session_steps", lambda p, s: fake)
    workout = ET.fromstring(session_to_zwo(plan, session)).find("workout")
    assert [seg.tag for seg in workout] == ["Warmup", "IntervalsT", "SteadyState", "Cooldown"]
    warm, intervals, steady, cool = workout
    assert (warm.get("PowerLow"), warm.get("PowerHigh")) == ("0.45", "0.7")
    assert (intervals.get("Repeat"), intervals.get("OnDuration"), intervals.get("OffDuration")) == ("5", "180", "120")
    assert (intervals.get("OnPower"), intervals.get("OffPower")) == ("1.05", "0.5")
    assert steady.get("Power") == "0.75"
    assert (cool.get("PowerLow"), cool.get("PowerHigh")) == ("0.6", "0.4")
    assert _seconds(workout) == 600 + 5 * 300 + 300 + 300


def test_same_plan_same_bytes():
    plan = _plan()
    session = plan.weeks[2].sessions[1]
    assert session_to_zwo(plan, session) == session_to_zwo(plan, session)


def test_zwo_is_for_cycling_only():
    plan = _plan("running")
    with pytest.raises(ProfileError, match="zwo.*cycling"):
        session_to_zwo(plan, plan.weeks[0].sessions[0])
