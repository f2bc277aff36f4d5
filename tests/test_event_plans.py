"""Event and baseline plans (issue 11): counted back from the event, tapered, ending in the race,
week 1 sized to today's training; every rule is computed from the plan JSON."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from planner import build_plan
from planner.cli import app as APP
from planner.engine import phases
from planner.engine.checks import check_plan
from planner.models import Plan, Profile

START = dt.date(2027, 1, 4)  # a Monday
DISTANCES = {
    "running": ["5k", "10k", "half-marathon", "marathon", "15km"],
    "cycling": ["40km", "100km", "160km", "100mi"],
    "swimming": ["400m", "1500m", "3800m"],
    "walking": ["10km", "20km", "26.2mi"],
}
runner = CliRunner(env={"COLUMNS": "110", "NO_COLOR": "1", "TERM": "dumb"})


@st.composite
def event_profiles(draw: st.DrawFn) -> Profile:
    activity = draw(st.sampled_from(sorted(DISTANCES)))
    weeks = draw(st.integers(3, 30))
    data = {
        "level": draw(st.sampled_from(["beginner", "intermediate", "advanced"])),
        "activity": activity,
        "days_per_week": draw(st.integers(1, 7)),
        "session_minutes": draw(st.integers(15, 180)),
        "start_date": START,
        "age": draw(st.none() | st.integers(14, 100)),
        "limitations": draw(st.lists(st.sampled_from(["knee", "shoulder", "hip"]), max_size=1)),
        "long_session_minutes": draw(st.none() | st.integers(15, 300)),
        "current_weekly_minutes": draw(st.none() | st.integers(0, 2000)),
        "longest_recent_minutes": draw(st.none() | st.integers(20, 600)),
    }
    if draw(st.booleans()):
        day = START + dt.timedelta(days=7 * (weeks - 1) + draw(st.integers(0, 6)))
        data["event"] = {"date": day, "distance": draw(st.sampled_from(DISTANCES[activity]))}
    else:
        data["weeks"] = weeks
    return Profile.model_validate(data)


def _plan(data: dict) -> Plan:
    return Plan.model_validate_json(build_plan(Profile.model_validate({"start_date": START, **data})).model_dump_json())


def _training_minutes(week) -> int:
    return sum(s.minutes for s in week.sessions if s.kind != "race")


def _peak(plan: Plan):
    return [w for w in plan.weeks if w.kind not in ("deload", "taper")][-1]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(profile=event_profiles())
def test_event_and_baseline_plans_keep_every_invariant(profile: Profile) -> None:
    plan = build_plan(profile)
    assert check_plan(plan) == []
    for week in plan.weeks:
        assert week.rest_days
    if profile.longest_recent_minutes is not None:
        # Invariant 8 counts the baseline as the 30 days before the plan: week 1 is held to it.
        for s in plan.weeks[0].sessions:
            main = s.blocks[1].minutes
            assert main <= 1.1 * profile.longest_recent_minutes + 1 + 10  # riders (accessories) excluded
    if profile.event is None:
        assert all(w.phase is None for w in plan.weeks)
        assert not any(s.kind == "race" for w in plan.weeks for s in w.sessions)
        return
    assert [w.phase for w in plan.weeks] == phases.phases(profile)
    races = [s for w in plan.weeks for s in w.sessions if s.kind == "race"]
    assert len(races) == 1 and races[0] is plan.weeks[-1].sessions[-1]
    assert races[0].date == profile.event.date
    assert [w.kind for w in plan.weeks].count("taper") == phases.taper_weeks(profile)


@pytest.mark.parametrize(("distance", "weeks", "taper"), [
    ("5k", 8, 1), ("10k", 10, 1), ("half-marathon", 14, 2), ("marathon", 20, 3),
])
def test_taper_length_cut_and_race_day(distance: str, weeks: int, taper: int) -> None:
    day = START + dt.timedelta(days=7 * (weeks - 1) + 6)
    plan = _plan({"level": "intermediate", "activity": "running", "days_per_week": 5, "session_minutes": 60,
                  "event": {"date": day.isoformat(), "distance": distance}})
    assert len(plan.weeks) == weeks
    kinds = [w.kind for w in plan.weeks]
    assert kinds[-taper:] == ["taper"] * taper and "taper" not in kinds[:-taper]
    assert [w.phase for w in plan.weeks][-taper:] == ["taper"] * taper
    assert "peak" in [w.phase for w in plan.weeks] and plan.weeks[0].phase == "base"
    peak = _peak(plan)
    shares = [_training_minutes(w) / _training_minutes(peak) for w in plan.weeks[-taper:]]
    assert all(0.4 <= s <= 0.8 for s in shares[:-1]), shares  # a 20-60% cut
    assert shares[-1] <= 0.6, shares  # the race week
    if taper >= 2:
        assert shares[-2] <= 0.85
    # Intensity kept: a taper week before the race week still holds the peak week's hardest effort.
    if taper >= 2:
        first = plan.weeks[-taper]
        assert max(s.rpe for s in first.sessions) == max(s.rpe for s in peak.sessions)
    race = plan.weeks[-1].sessions[-1]
    assert race.kind == "race" and race.date == day and race.hard
    assert (day - dt.timedelta(days=1)) in plan.weeks[-1].rest_days
    assert not any(s.kind == "long" for s in plan.weeks[-1].sessions)  # the race is the long one
    tips = " ".join(race.tips)
    for word in ("Warm-up", "Pacing", "Fuel", "Drink", "Cramp plan"):
        assert word in tips


@pytest.mark.parametrize(("activity", "distance", "weeks", "low", "high"), [
    ("running", "10k", 12, 60, 90),
    ("running", "half-marathon", 16, 90, 120),
    ("running", "marathon", 22, 150, 180),
    ("cycling", "160km", 30, 240, 300),
])
def test_long_session_peaks_at_the_distance_when_time_allows(activity, distance, weeks, low, high) -> None:
    day = START + dt.timedelta(days=7 * (weeks - 1) + 6)
    plan = _plan({"level": "intermediate", "activity": activity, "days_per_week": 5, "session_minutes": 60,
                  "event": {"date": day.isoformat(), "distance": distance}})
    longest = max(s.minutes for w in plan.weeks for s in w.sessions if s.kind == "long")
    assert low <= longest <= min(high, 210 if activity == "running" else 300)


def test_too_little_time_peaks_lower_and_says_so() -> None:
    day = START + dt.timedelta(days=7 * 7 + 6)
    plan = _plan({"level": "intermediate", "activity": "running", "days_per_week": 4, "session_minutes": 45,
                  "event": {"date": day.isoformat(), "distance": "marathon"}})
    longest = max(s.minutes for w in plan.weeks for s in w.sessions if s.kind == "long")
    assert longest < 150
    assert any(f"peaks at {longest} min" in note for note in plan.notes)
    assert check_plan(plan) == []


@pytest.mark.parametrize(("current", "longest"), [(200, 70), (300, 90), (150, 60), (240, 45)])
def test_week_one_follows_the_baseline(current: int, longest: int) -> None:
    plan = _plan({"level": "intermediate", "activity": "running", "weeks": 12, "days_per_week": 5,
                  "session_minutes": 60, "current_weekly_minutes": current, "longest_recent_minutes": longest})
    week1 = plan.weeks[0]
    assert 0.7 * current <= _training_minutes(week1) <= 1.1 * current
    assert max(s.minutes for s in week1.sessions) <= 1.1 * longest
    assert not any("do not allow 70-110%" in n for n in plan.notes)


def test_baseline_out_of_range_is_noted() -> None:
    plan = _plan({"level": "beginner", "activity": "running", "weeks": 8, "days_per_week": 3,
                  "session_minutes": 30, "current_weekly_minutes": 600})
    assert any("outside the usual" in n for n in plan.notes)
    assert any("do not allow 70-110%" in n for n in plan.notes)  # 3 x 30 min cannot reach 420


def test_old_plans_without_phases_still_load() -> None:
    plan = _plan({"level": "intermediate", "activity": "running", "weeks": 4})
    data = json.loads(plan.model_dump_json())
    for week in data["weeks"]:
        week.pop("phase")
    assert all(w.phase is None for w in Plan.model_validate(data).weeks)


def test_event_text_form_and_weeks_from_the_date() -> None:
    profile = Profile.model_validate({"level": "advanced", "activity": "cycling", "start_date": START,
                                      "event": "2027-04-25 160km"})
    assert profile.event is not None and profile.event.distance == "160km"
    assert profile.weeks == 16


def _generate(tmp_path, *args: str):
    out = tmp_path / "p.json"
    return runner.invoke(APP, ["generate", "--level", "intermediate", "--start-date", START.isoformat(),
                               "-f", "json", "-o", str(out), *args]), out


@pytest.mark.parametrize(("args", "needle"), [
    (["--activity", "running", "--event-date", "2027-01-15", "--event-distance", "10k"], "too close"),
    (["--activity", "running", "--event-date", "2028-01-15", "--event-distance", "10k"], "allowed: 3 to 30 weeks"),
    (["--activity", "running", "--event-date", "2027-04-25", "--event-distance", "10k", "--weeks", "12"],
     "leave weeks out"),
    (["--activity", "running", "--event-date", "2027-04-25", "--event-distance", "10 km"], "allowed: 5k, 10k"),
    (["--activity", "cycling", "--event-date", "2027-04-25", "--event-distance", "marathon"], "running distance"),
    (["--activity", "strength", "--event-date", "2027-04-25", "--event-distance", "10km"], "not strength"),
    (["--activity", "running", "--event-date", "2027-04-25"], "event.distance"),
    (["--activity", "running", "--event-date", "25/04/2027", "--event-distance", "10k"], "event.date"),
    (["--activity", "running", "--current-weekly-minutes", "-5"], "current_weekly_minutes"),
    (["--activity", "running", "--longest-recent-minutes", "5"], "longest_recent_minutes"),
])
def test_bad_event_and_baseline_flags_are_one_line_errors(tmp_path, args, needle) -> None:
    result, out = _generate(tmp_path, *args)
    assert result.exit_code == 2, result.output
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert len(lines) == 1 and needle in lines[0], result.output
    assert "Traceback" not in result.output
    assert not out.exists()


def test_show_prints_phases_and_the_taper(tmp_path) -> None:
    result, out = _generate(tmp_path, "--activity", "running", "--days-per-week", "5", "--session-minutes", "60",
                            "--event-date", "2027-04-25", "--event-distance", "half-marathon",
                            "--current-weekly-minutes", "200", "--longest-recent-minutes", "70")
    assert result.exit_code == 0, result.output
    plan = Plan.model_validate_json(out.read_text(encoding="utf-8"))
    shown = runner.invoke(APP, ["show", str(out)])
    assert shown.exit_code == 0, shown.output
    text = shown.stdout
    assert "Taper week · taper" in text and "Build week · peak" in text
    assert "Event: half-marathon on 2027-04-25" in text
    tapers = [w for w in plan.weeks if w.kind == "taper"]
    assert f"Taper: weeks {tapers[0].number}-{tapers[-1].number}" in text
    week = runner.invoke(APP, ["show", str(out), "--week", str(len(plan.weeks))])
    assert "Race day: half-marathon" in week.stdout


def test_handout_calendar_marks_taper_weeks_and_the_race(tmp_path) -> None:
    pypdf = pytest.importorskip("pypdf")
    out = tmp_path / "p.pdf"
    result = runner.invoke(APP, ["generate", "--level", "intermediate", "--activity", "running",
                                 "--start-date", START.isoformat(), "--event-date", "2027-03-28",
                                 "--event-distance", "10k", "-o", str(out)])
    assert result.exit_code == 0, result.output
    text = "".join(page.extract_text() for page in pypdf.PdfReader(str(out)).pages)
    assert "Taper week" in text and "Race day: 10k" in text
