"""A plan as an iCalendar file (RFC 5545): one event per session, for any calendar app.

Two properties matter to the person importing it. UIDs are stable (derived from who, what and
when, never random), so importing an updated plan replaces its events instead of doubling
them. And the bytes are deterministic (DTSTAMP comes from the plan, not the clock), so the same
plan always gives the same file. The format itself is left to the ``icalendar`` library.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from typing import Any

from ..errors import ProfileError
from ..models import Plan, Session
from ..render.preview import day_lines, load_words, session_day
from .steps import SPORTS, session_steps, step_lines

__all__ = ["event_uid", "ics_text", "parse_start_time", "plan_to_ics"]

PRODID = "-//workout-planner//workout-planner//EN"
UID_DOMAIN = "workout-planner"
_TIME = re.compile(r"^\s*(\d{1,2}):(\d{2})\s*$")
# Controls but newline, and the bidi controls: a calendar app shows them raw or reorders text.
_UNSAFE = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def ics_text(value: str, *, one_line: bool = False) -> str:
    """Text for an iCalendar value: controls and bidi overrides dropped; a one-line property
    (calendar name, summary) gets its line breaks as spaces, since an X- property is written
    unescaped by the library and a raw newline would end the content line (RFC 5545 3.1)."""
    value = _UNSAFE.sub("", value.replace("\r\n", "\n").replace("\r", "\n").replace("\t", " "))
    return " ".join(value.split()) if one_line else value


def parse_start_time(value: str | dt.time | None) -> dt.time | None:
    """``--time 07:00`` -> 07:00; None means all-day events. One-line error otherwise."""
    if value is None or isinstance(value, dt.time):
        return value
    match = _TIME.match(value)
    if match:
        hour, minute = int(match.group(1)), int(match.group(2))
        if hour < 24 and minute < 60:
            return dt.time(hour, minute)
    raise ProfileError(f"time: {value!r} is not allowed (allowed: a time as HH:MM, 00:00 to 23:59)")


def event_uid(plan: Plan, session: Session, index_in_day: int) -> str:
    """Same client, activity, plan start, date and slot in the day -> same UID, run after run:
    an edited or regenerated plan updates the events it had rather than adding new ones."""
    profile = plan.profile
    key = "\x1f".join(
        [
            profile.name.casefold(),
            profile.activity,
            profile.start_date.isoformat(),
            session.date.isoformat(),
            str(index_in_day),
        ]
    )
    digest = hashlib.sha256(key.encode("utf-8")).hexdigest()[:32]
    return f"{digest}@{UID_DOMAIN}"


def _dtstamp(plan: Plan) -> dt.datetime:
    """RFC 5545 wants a UTC stamp; midnight UTC of the plan's first day keeps output stable."""
    start = plan.profile.start_date
    return dt.datetime(start.year, start.month, start.day, tzinfo=dt.timezone.utc)


def plan_to_ics(plan: Plan, start_time: str | dt.time | None = None, theme: Any = None) -> bytes:
    """The plan as iCalendar bytes. With a start time events are timed in floating local time
    (they stay at 07:00 wherever the person travels) and last the session's minutes; without
    one they are all-day events. Descriptions use the theme's words (default: the handout's)."""
    from icalendar import Calendar, Event

    start = parse_start_time(start_time)
    words = load_words(theme)
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    name = plan.profile.name
    calendar.add("x-wr-calname", ics_text(plan.title if name in plan.title else f"{plan.title}: {name}", one_line=True))
    stamp = _dtstamp(plan)
    seen: dict[dt.date, int] = {}
    for week in plan.weeks:
        for session in sorted(week.sessions, key=lambda s: s.date):
            index = seen.get(session.date, 0)
            seen[session.date] = index + 1
            event = Event()
            event.add("uid", event_uid(plan, session, index))
            event.add("dtstamp", stamp)
            if start is None:
                event.add("dtstart", session.date)
                event.add("dtend", session.date + dt.timedelta(days=1))
                event.add("transp", "TRANSPARENT")
            else:
                begin = dt.datetime.combine(session.date, start)
                event.add("dtstart", begin)
                event.add("dtend", begin + dt.timedelta(minutes=session.minutes))
            event.add("summary", ics_text(session.title, one_line=True))
            week_line = (
                f"{words.t('week_title', number=week.number)} ({week.number}/{len(plan.weeks)})"
                f"{words.t('range_sep')}{words.t(f'week_kind_{week.kind}')}"
            )
            description = [week_line, *day_lines(words, session_day(words, plan, week, session))]
            if plan.profile.activity in SPORTS:
                # The same steps a watch gets from the FIT export, so calendar and device agree.
                swim = plan.profile.activity == "swimming"
                description += ["", *step_lines(session_steps(plan, session), swim, plan.profile.units)]
            if plan.edited:
                description.insert(0, words.t("edited_mark"))
            event.add("description", ics_text("\n".join(description)))
            event.add("categories", [plan.profile.activity])
            calendar.add_component(event)
    return calendar.to_ical()
