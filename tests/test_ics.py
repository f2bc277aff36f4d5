"""The calendar export, read back with icalendar as a calendar app would read it."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from icalendar import Calendar

from planner import Profile, build_plan
from planner.errors import ProfileError
from planner.export.ics import event_uid, parse_start_time, plan_to_ics
from planner.render.preview import load_words

WORDS = load_words()

START = dt.date(2026, 3, 2)


def _plan(name: str = "Zoë Ødegård-Núñez", **fields):
    profile = Profile(
        name=name,
        level=fields.pop("level", "beginner"),
        activity=fields.pop("activity", "running"),
        weeks=fields.pop("weeks", 5),
        days_per_week=fields.pop("days_per_week", 3),
        start_date=START,
        **fields,
    )
    return build_plan(profile, seed=0)


@pytest.fixture(scope="module")
def plan():
    return _plan()


def _events(data: bytes):
    return Calendar.from_ical(data).walk("VEVENT")


def _sessions(plan):
    return [s for w in plan.weeks for s in w.sessions]


def test_one_all_day_event_per_session_on_its_date(plan):
    events = _events(plan_to_ics(plan))
    sessions = _sessions(plan)
    assert len(events) == len(sessions) > 0
    for event, session in zip(events, sessions):
        start, end = event["DTSTART"].dt, event["DTEND"].dt
        assert type(start) is dt.date and start == session.date
        assert end == session.date + dt.timedelta(days=1)
        assert str(event["SUMMARY"]) == session.title
    assert b"DTSTART;VALUE=DATE:" in plan_to_ics(plan)


def test_timed_events_are_floating_local_time_lasting_the_session(plan):
    data = plan_to_ics(plan, "07:30")
    assert b"TZID" not in data and b"VTIMEZONE" not in data
    for event, session in zip(_events(data), _sessions(plan)):
        start, end = event["DTSTART"].dt, event["DTEND"].dt
        assert start == dt.datetime.combine(session.date, dt.time(7, 30))
        assert start.tzinfo is None
        assert end - start == dt.timedelta(minutes=session.minutes)


def _index(lines: list[str], prefix: str) -> int:
    return next(i for i, line in enumerate(lines) if line.startswith(prefix))


def test_description_lists_blocks_warmup_first_then_drink_targets(plan):
    session = _sessions(plan)[0]
    lines = str(_events(plan_to_ics(plan))[0]["DESCRIPTION"]).split("\n")
    warm, main, cool = (_index(lines, WORDS.t(f"block_{kind}")) for kind in ("warmup", "main", "cooldown"))
    drink = _index(lines, WORDS.t("hydration_label") + ":")
    assert warm < main < cool < drink
    for block in session.blocks:
        for item in block.items:
            assert any(line.startswith(f"- {item.name}") for line in lines), item.name
    assert "mL" in lines[drink]
    assert lines[0].startswith(WORDS.t("week_title", number=1))


def test_description_words_doses_exactly_as_the_printed_handout(plan):
    from planner.render.document import week_page

    page = week_page(WORDS, plan, plan.weeks[0])
    day = next(d for d in page.days if not d.rest)
    description = str(_events(plan_to_ics(plan))[0]["DESCRIPTION"])
    assert day.line in description
    for block in day.blocks:
        assert block.heading in description
        for row in block.rows:
            assert f"- {row.exercise}: {row.dose}" in description
    for line in day.hydration:
        assert line in description


def test_same_plan_gives_same_bytes_and_uids_are_stable_across_runs():
    first, second = plan_to_ics(_plan()), plan_to_ics(_plan())
    assert first == second
    uids = [str(e["UID"]) for e in _events(first)]
    assert len(set(uids)) == len(uids)
    assert all(uid.endswith("@workout-planner") for uid in uids)


def test_an_edited_plan_keeps_its_uids_so_reimport_replaces_events(plan):
    week = plan.weeks[0]
    edited_session = week.sessions[0].model_copy(update={"title": "Renamed by the coach", "minutes": 20})
    edited = plan.model_copy(
        update={"weeks": [week.model_copy(update={"sessions": [edited_session, *week.sessions[1:]]}), *plan.weeks[1:]]}
    )
    before = [str(e["UID"]) for e in _events(plan_to_ics(plan))]
    after_events = _events(plan_to_ics(edited))
    assert [str(e["UID"]) for e in after_events] == before
    assert str(after_events[0]["SUMMARY"]) == "Renamed by the coach"


def test_uids_differ_between_clients_and_start_dates(plan):
    other = _plan(name="Ana")
    session = _sessions(plan)[0]
    assert event_uid(plan, session, 0) != event_uid(other, _sessions(other)[0], 0)
    moved = plan.model_copy(update={"profile": plan.profile.model_copy(update={"start_date": START + dt.timedelta(days=7)})})
    assert event_uid(plan, session, 0) != event_uid(moved, session, 0)


def test_two_sessions_on_one_day_get_distinct_uids(plan):
    week = plan.weeks[0]
    twice = plan.model_copy(
        update={"weeks": [week.model_copy(update={"sessions": [week.sessions[0], *week.sessions]}), *plan.weeks[1:]]}
    )
    uids = [str(e["UID"]) for e in _events(plan_to_ics(twice))]
    assert len(uids) == len(_sessions(plan)) + 1
    assert len(set(uids)) == len(uids)


def test_rfc5545_framing_crlf_folded_lines_and_unicode_name(plan):
    data = plan_to_ics(plan)
    assert data.startswith(b"BEGIN:VCALENDAR\r\n") and data.endswith(b"END:VCALENDAR\r\n")
    lines = data.split(b"\r\n")
    assert all(len(line) <= 75 for line in lines)
    calendar = Calendar.from_ical(data)
    assert str(calendar["VERSION"]) == "2.0" and str(calendar["PRODID"])
    assert "Zoë Ødegård-Núñez" in str(calendar["X-WR-CALNAME"])
    for event in _events(data):
        assert event["DTSTAMP"].dt == dt.datetime(2026, 3, 2, tzinfo=dt.timezone.utc)


def test_imperial_profile_gets_fluid_ounces():
    for event in _events(plan_to_ics(_plan(units="imperial", weeks=1))):
        text = str(event["DESCRIPTION"])
        assert re.search(r"^\w+: \d+(–\d+)? fl oz", text, re.MULTILINE), text
        assert " mL " not in text


def test_edited_plan_says_so_in_each_event(plan):
    events = _events(plan_to_ics(plan.model_copy(update={"edited": True})))
    assert all(str(e["DESCRIPTION"]).startswith(WORDS.t("edited_mark")) for e in events)


@settings(max_examples=40)
@given(st.integers(0, 23), st.integers(0, 59))
def test_any_clock_time_parses(hour, minute):
    assert parse_start_time(f"{hour:02d}:{minute:02d}") == dt.time(hour, minute)
    assert parse_start_time(f"{hour}:{minute:02d}") == dt.time(hour, minute)


@pytest.mark.parametrize("bad", ["24:00", "7", "07:60", "7am", "", "07:00:00", "-1:00"])
def test_bad_times_are_one_line_errors_naming_the_value(bad):
    with pytest.raises(ProfileError) as info:
        parse_start_time(bad)
    message = str(info.value)
    assert "\n" not in message and message.startswith("time:") and repr(bad) in message
    assert "HH:MM" in message


def test_every_event_carries_the_properties_rfc5545_requires(plan):
    for event in _events(plan_to_ics(plan, "18:15")):
        for prop in ("UID", "DTSTAMP", "DTSTART", "DTEND", "SUMMARY", "DESCRIPTION"):
            assert prop in event, prop
        assert "DURATION" not in event  # DTEND and DURATION must not both appear


@settings(max_examples=12, deadline=None)
@given(
    activity=st.sampled_from(["running", "cycling", "swimming", "walking", "strength", "general"]),
    level=st.sampled_from(["beginner", "intermediate", "advanced"]),
    days=st.integers(1, 6),
    weeks=st.integers(1, 6),
    time=st.one_of(st.none(), st.times().map(lambda t: t.strftime("%H:%M"))),
)
def test_any_plan_gives_one_event_per_session_with_unique_uids(activity, level, days, weeks, time):
    plan = _plan(activity=activity, level=level, days_per_week=days, weeks=weeks)
    events = _events(plan_to_ics(plan, time))
    sessions = _sessions(plan)
    assert len(events) == len(sessions)
    assert len({str(e["UID"]) for e in events}) == len(events)
    assert sorted(e["DTSTART"].dt if time is None else e["DTSTART"].dt.date() for e in events) == sorted(
        s.date for s in sessions
    )
