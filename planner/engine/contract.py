"""The plan contract: what every plan says, whether the planner wrote it or a coach edited it.

checks.py holds the invariants the planner is built around (progression, lighter weeks,
spacing). This module holds the rest of what a generated plan always satisfies and a hand edit
can break without touching those: efforts within the level, a real warm-up, drink targets
and distances a person can meet, the guidance pages, an unbroken calendar, and notes that
still match the profile. `check_plan` runs both on every plan, so `render`, `show`, `export`,
`log` and `adapt` hold an edited file to the same rules as a generated one.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable

from ..models import Exercise, Plan
from . import rules as R
from .select import level_ok
from .timing import block_seconds
from .violation import Violation
from .words import lookup

Find = Callable[[str], "Exercise | None"]
RACE_KIND = "race"
# Sections every plan's guidance carries: what to drink, and when to stop and see a doctor.
REQUIRED_GUIDANCE = ("hydration", "see-a-doctor")
REFERENCE_MASS_KG = 70


def check_contract(plan: Plan, find: Find) -> list[Violation]:
    out: list[Violation] = []
    out += _calendar(plan)
    out += _efforts(plan)
    out += _warmups(plan)
    out += _levels(plan, find)
    out += _distances(plan)
    out += _hydration(plan)
    out += _guidance(plan)
    out += _notes(plan)
    return out


def _calendar(plan: Plan) -> list[Violation]:
    """Weeks 1..N, seven days apart from the profile's start, N = the profile's weeks, one
    session a day, rest days the days without one: a deleted or moved week shows here."""
    out = []
    profile = plan.profile
    if len(plan.weeks) != profile.weeks:
        out.append(Violation(week=1, rule="calendar", message=f"the plan has {len(plan.weeks)} weeks but its "
                             f"profile asks for {profile.weeks}; allowed: one week per week of the profile"))
    for i, week in enumerate(plan.weeks):
        start = profile.start_date + dt.timedelta(days=7 * i)
        if week.number != i + 1 or week.start_date != start:
            out.append(Violation(week=week.number, rule="calendar",
                                 message=f"week {week.number} starting {week.start_date} is week {i + 1} of the plan;"
                                 f" allowed: week {i + 1} starting {start} (weeks follow each other from the start date)"))
            break  # one line says where the calendar breaks; the rest follows from it
        days = Counter(s.date for s in week.sessions)
        for day, count in sorted(days.items()):
            if count > 1:
                out.append(Violation(week=week.number, date=day, rule="calendar",
                                     message=f"{count} sessions on one date; allowed: one session a day"))
        week_days = {week.start_date + dt.timedelta(days=d) for d in range(7)}
        expected_rest = week_days - set(days)
        if set(week.rest_days) != expected_rest or len(week.rest_days) != len(expected_rest):
            out.append(Violation(week=week.number, rule="calendar",
                                 message="rest days are not the days of the week without a session"))
    end = profile.start_date + dt.timedelta(days=7 * profile.weeks - 1)
    if plan.end_date != end:
        out.append(Violation(week=len(plan.weeks), rule="calendar",
                             message=f"end date {plan.end_date} is not allowed (allowed: {end}, the last day of the last week)"))
    return out


def _efforts(plan: Plan) -> list[Violation]:
    """Effort within the level: a beginner week at RPE 9 or a lift at 0 in reserve is not a
    beginner plan. The race may be harder than training, never all-out."""
    out = []
    level = plan.profile.level
    rir_min = R.MIN_RIR[level]
    for week in plan.weeks:
        for s in week.sessions:
            race = s.kind == RACE_KIND
            cap = R.MAX_RACE_RPE if race else R.MAX_SESSION_RPE[level]
            if s.rpe > cap:
                what = "a race" if race else f"a {level} session"
                out.append(Violation(week=week.number, date=s.date, rule="effort",
                                     message=f"RPE {s.rpe} is not allowed (allowed: at most {cap} for {what})"))
            item_cap = R.MAX_RACE_RPE if race else R.MAX_ITEM_RPE[level]
            for block in s.blocks:
                for item in block.items:
                    if item.rpe is not None and item.rpe > item_cap:
                        out.append(Violation(week=week.number, date=s.date, rule="effort",
                                             message=f"{item.name[:80]} at RPE {item.rpe} is not allowed "
                                                     f"(allowed: at most {item_cap} for {level})"))
                    if item.rir is not None and item.rir < rir_min:
                        out.append(Violation(week=week.number, date=s.date, rule="effort",
                                             message=f"{item.name[:80]} at {item.rir} reps in reserve is not allowed "
                                                     f"(allowed: at least {rir_min} for {level})"))
    return out


def _warmups(plan: Plan) -> list[Violation]:
    out = []
    for week in plan.weeks:
        for s in week.sessions:
            warmup = s.blocks[0]
            if warmup.kind != "warmup":
                continue  # checks.py names a session without its warm-up first
            work = block_seconds(warmup)
            if warmup.minutes < R.WARMUP_MIN_MINUTES or work < R.WARMUP_MIN_WORK_S:
                out.append(Violation(week=week.number, date=s.date, rule="warm-up",
                                     message=f"{warmup.minutes} min with {work} s of exercises is not allowed "
                                             f"(allowed: at least {R.WARMUP_MIN_MINUTES} min and "
                                             f"{R.WARMUP_MIN_WORK_S} s of exercises)"))
    return out


def _levels(plan: Plan, find: Find) -> list[Violation]:
    """No exercise harder than the profile's level (an advanced lift pasted into a beginner
    plan); easier ones are fine, and cardio is graded by effort, not by the entry (select.py)."""
    out = []
    level = plan.profile.level
    for week in plan.weeks:
        for s in week.sessions:
            for block in s.blocks:
                for item in block.items:
                    ex = find(item.exercise_id)
                    if ex is not None and ex.category != "cardio" and not level_ok(ex, level):
                        out.append(Violation(week=week.number, date=s.date, rule="level",
                                             message=f"{ex.name[:80]} is for {', '.join(ex.levels)}, harder than {level}"))
    return out


def _distances(plan: Plan) -> list[Violation]:
    out = []
    speed = R.MAX_METRES_PER_MINUTE.get(plan.profile.activity, R.DEFAULT_METRES_PER_MINUTE)
    for week in plan.weeks:
        for s in week.sessions:
            for block in s.blocks:
                for item in block.items:
                    metres = (item.distance_m or 0) * (item.sets or 1)
                    if metres > speed * block.minutes:
                        out.append(Violation(week=week.number, date=s.date, rule="distance",
                                             message=f"{item.name[:80]}: {metres:,} m in a {block.minutes}-min {block.kind}"
                                                     f" is not allowed (allowed: at most {speed * block.minutes:,} m,"
                                                     f" {speed} m a minute)"))
    return out


def _hydration(plan: Plan) -> list[Violation]:
    """Drink targets within ACSM's ranges for this person and session length."""
    out = []
    mass = plan.profile.body_mass_kg or REFERENCE_MASS_KG
    slack = R.FLUID_ROUNDING_ML
    per_kg_low, per_kg_high = R.FLUID_BEFORE_ML_PER_KG
    before_bounds = (per_kg_low * mass - slack, per_kg_high * mass + slack)
    for week in plan.weeks:
        for s in week.sessions:
            hours = s.minutes / 60
            during_bounds = (R.FLUID_DURING_ML_PER_HOUR[0] * hours - slack, R.FLUID_DURING_ML_PER_HOUR[1] * hours + slack)
            h = s.hydration
            for label, amount, (low, high) in (("before", h.before_ml, before_bounds),
                                               ("during", h.during_ml, during_bounds)):
                if amount is None:
                    continue
                if amount.low > amount.high or amount.low < low or amount.high > high:
                    out.append(Violation(week=week.number, date=s.date, rule="hydration",
                                         message=f"{label} {amount.low}-{amount.high} mL is not allowed (allowed: "
                                                 f"{max(0, round(low))}-{round(high)} mL, low not above high)"))
            if h.during_ml is None and s.minutes > 60:
                out.append(Violation(week=week.number, date=s.date, rule="hydration",
                                     message=f"no drink target during a {s.minutes}-min session "
                                             f"(allowed: a during range for sessions over 60 min)"))
    return out


def _guidance(plan: Plan) -> list[Violation]:
    """The advice pages exist and say something: a heading with no points is worse than none."""
    out = []
    keys = [g.key for g in plan.guidance]
    for key in REQUIRED_GUIDANCE:
        if key not in keys:
            out.append(Violation(week=1, rule="guidance", message=f"the '{key}' section is missing"))
    for section in plan.guidance:
        if not section.title.strip() or not [p for p in section.points if p.strip()]:
            out.append(Violation(week=1, rule="guidance",
                                 message=f"the '{section.key[:40]}' section has no {'title' if not section.title.strip() else 'points'}"))
    return out


def _notes(plan: Plan) -> list[Violation]:
    """The cover says which limitations the exercises were chosen for; emptying the profile's
    limitations while the note (and the swaps it names) remain would skip the avoid check."""
    template = str(lookup("notes.limitations"))
    head, _, tail = template.partition("{limitations}")
    listed = set(plan.profile.limitations)
    out = []
    for note in plan.notes:
        if head and note.startswith(head) and note.endswith(tail):
            named = {p.strip() for p in note[len(head): len(note) - len(tail)].split(",") if p.strip()}
            if named != listed:
                shown = ", ".join(sorted(listed)) or "none"
                out.append(Violation(week=1, rule="limitations",
                                     message=f"the notes name {', '.join(sorted(named))[:80]} but profile.limitations is "
                                             f"{shown}; allowed: the same limitations in both"))
    return out
