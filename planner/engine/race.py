"""The event's own session and the notes an event or a baseline adds to a plan.

The race is the plan's last session, on the event date: its warm-up, the race itself as the
main block (at the level's expected pace) and a cool-down, with race-day guidance (warm-up,
pacing, fuel and drink by duration, the cramp plan). It is not training, so the load checks
leave it out (see `checks.training_sessions`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from . import phases
from . import rules as R
from .guidance import REFERENCE_MASS_KG
from ..models import Profile, Session, Week
from .progression import SessionSpec, WeekSpec
from .words import lookup, say

RACE_KIND = "race"


def race_rpe(minutes: int) -> int:
    """Race effort by duration: a 5k is raced near the top, a half or a marathon at a steady hard effort (RPE 7)."""
    return 9 if minutes <= 35 else 8 if minutes <= 75 else 7


def race_session(
    profile: Profile, week: WeekSpec, start: dt.date,
    build: Callable[[WeekSpec, SessionSpec, dt.date], Session], fixed: int,
) -> Session:
    """The race, built like an easy session of its length and then named and guided as a race."""
    assert profile.event is not None
    minutes = phases.race_minutes(profile)
    rpe = race_rpe(minutes)
    offset = (profile.event.date - start).days
    spec = SessionSpec(offset, "easy", minutes, rpe, fixed)
    session = build(week, spec, start)
    warm, main, cool = session.blocks
    distance = profile.event.distance
    first = main.items[0].model_copy(update={
        "rpe": rpe, "name": say("race.name", distance=distance), "notes": say("race.item", distance=distance)})
    main = main.model_copy(update={"items": [first, *main.items[1:]]})
    return session.model_copy(update={
        "kind": RACE_KIND,
        "title": say("race.title", distance=distance),
        "blocks": [warm, main, cool],
        "tips": race_tips(profile, minutes, rpe),
    })


def race_tips(profile: Profile, minutes: int, rpe: int) -> list[str]:
    mass = profile.body_mass_kg or REFERENCE_MASS_KG
    low, high = round(5 * mass / 10) * 10, round(7 * mass / 10) * 10
    tips = [say("race.warmup_short" if minutes <= 75 else "race.warmup_long"),
            say("race.pacing", rpe=rpe)]
    tips.append(say("race.fuel_short" if minutes <= 60 else "race.fuel_mid" if minutes <= 150 else "race.fuel_long"))
    tips.append(say("race.drink_short" if minutes <= 60 else "race.drink", low=low, high=high))
    tips += [say("race.cramp"), say("race.nothing_new")]
    return tips


def event_notes(profile: Profile, weeks: list[Week]) -> list[str]:
    """What the event plan is and, when time is short, what it could not reach."""
    if profile.event is None:
        return []
    names = lookup("notes.event.phase_names")
    runs: list[tuple[str, int, int]] = []
    for week in weeks:
        if week.phase is None:
            continue
        if runs and runs[-1][0] == week.phase:
            runs[-1] = (week.phase, runs[-1][1], week.number)
        else:
            runs.append((week.phase, week.number, week.number))
    parts = [say("notes.event.phase_one" if a == b else "notes.event.phase", name=names[p], first=a, last=b)
             for p, a, b in runs]
    taper = phases.taper_weeks(profile)
    notes = [say("notes.event.plan", distance=profile.event.distance, date=profile.event.date.isoformat(),
                 phases=say("notes.event.phases_sep").join(parts), taper=taper,
                 taper_weeks=say("notes.event.taper_one" if taper == 1 else "notes.event.taper_many"))]
    goal = phases.long_goal(profile)
    longs = [s.minutes for w in weeks for s in w.sessions if s.kind == "long"]
    if goal is not None and longs and max(longs) < goal[0]:
        notes.append(say("notes.event.long_short", peak=max(longs), low=goal[0], high=goal[1]))
    return notes


def baseline_notes(profile: Profile, weeks: list[Week]) -> list[str]:
    """A baseline outside the level's range, or a week 1 the days and minutes cannot size to it."""
    current = profile.current_weekly_minutes
    if current is None or profile.activity not in phases.RACE_KMH:
        return []
    notes = []
    low, high = R.BASELINE_RANGE[profile.level]
    if not low <= current <= high:
        notes.append(say("notes.event.baseline_range", current=current, low=low, high=high, level=profile.level))
    week1 = sum(s.minutes for s in weeks[0].sessions)
    if current and not R.BASELINE_LOW <= week1 / current <= R.BASELINE_HIGH:
        notes.append(say("notes.event.baseline_week", week=week1, share=round(100 * week1 / current), current=current))
    return notes
