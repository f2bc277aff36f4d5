"""The safety invariants as one function that returns every violation.

The planner runs it on every plan before returning it, `planner render` runs it on hand-edited
plans, and the property tests run it on thousands of random profiles. It reads only the plan:
the plan carries the exercises it uses.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from . import rules as R
from ..models import Exercise, Plan, Profile, Session, Week
from .contract import check_contract
from .violation import Violation
from .progression import session_limit
from .timing import block_seconds, prescription_seconds
from ..vocab import owned_equipment, ADDUCTOR_FOCUS, ADDUCTOR_LOADING_ACTIVITIES, ENDURANCE_ACTIVITIES, STRETCHED_MUSCLES

BLOCK_TOLERANCE_S = 60
Find = Callable[[str], "Exercise | None"]
# A block's exercises fill at least this share of its minutes (circuit rests are not counted).
MIN_FILL = 0.4
# Weeks that count as lighter; the race session's kind; a taper week's most load (issue 11).
LIGHTER_KINDS = ("deload", "taper")
RACE_KIND = "race"
TAPER_MAX = 0.85


def adductor_care(profile: Profile) -> bool:
    """Inner-thigh work every week: asked for, or the sport leans on the adductors."""
    return bool(set(profile.focus) & ADDUCTOR_FOCUS) or profile.activity in ADDUCTOR_LOADING_ACTIVITIES


def check_plan(plan: Plan) -> list[Violation]:
    """Every violation, in rule order: the generator's invariants, then the contract that
    holds a hand-edited plan to what a generated one says (contract.py)."""
    find: Find = {ex.id: ex for ex in plan.exercises}.get
    out: list[Violation] = []
    out += _structure(plan, find)
    out += _loads(plan)
    out += _lighter_weeks(plan)
    out += _spacing(plan)
    out += _fit_and_allowed(plan, find)
    out += _adductors(plan, find)
    out += _spikes(plan, find)
    out += check_contract(plan, find)
    return out


def _structure(plan: Plan, find: Find) -> list[Violation]:
    out = []
    for week in plan.weeks:
        for s in week.sessions:
            kinds = [b.kind for b in s.blocks]
            if kinds[0] != "warmup" or kinds[-1] != "cooldown" or kinds.count("main") != 1:
                out.append(Violation(week=week.number, date=s.date, rule="warm-up and cool-down",
                                     message=f"blocks are {', '.join(kinds)}; expected warmup, main, cooldown"))
                continue
            worked: set[str] = set()
            for item in s.blocks[1].items:
                ex = find(item.exercise_id)
                if ex is not None:
                    worked |= set(ex.primary_muscles) & STRETCHED_MUSCLES
            covered: set[str] = set()
            for item in s.blocks[-1].items:
                ex = find(item.exercise_id)
                if ex is not None and ex.category == "stretch" and item.hold_s:
                    covered |= ex.muscles
            missing = worked - covered
            if missing:
                out.append(Violation(week=week.number, date=s.date, rule="cool-down stretches",
                                     message=f"no static stretch for {', '.join(sorted(missing))}"))
    return out


def _loads(plan: Plan) -> list[Violation]:
    out = []
    last_regular: int | None = None
    history: list[int] = []
    for week in plan.weeks:
        for s in week.sessions:
            minutes = sum(b.minutes for b in s.blocks)
            if s.minutes != minutes:
                out.append(Violation(week=week.number, date=s.date, rule="session minutes",
                                     message=f"minutes {s.minutes} but blocks add up to {minutes}"))
            if s.load != s.rpe * s.minutes:
                out.append(Violation(week=week.number, date=s.date, rule="session load",
                                     message=f"load {s.load} is not RPE {s.rpe} x {s.minutes} min"))
        total = sum(s.rpe * s.minutes for s in week.sessions)
        if week.load != total:
            out.append(Violation(week=week.number, rule="week load",
                                 message=f"load {week.load} is not the sum of its sessions ({total})"))
        total = sum(s.rpe * s.minutes for s in training_sessions(week))  # the race is the goal, not training
        if last_regular is not None and total > R.WEEKLY_RISE_MAX * last_regular:
            out.append(Violation(week=week.number, rule="weekly increase",
                                 message=f"load {total} is more than 10% above {last_regular}"))
        window = history[-3:] + [total]
        mean = sum(window) / len(window)
        if mean and total / mean > R.ACWR_MAX + 1e-9:
            out.append(Violation(week=week.number, rule="acute:chronic ratio",
                                 message=f"{total / mean:.2f} is above {R.ACWR_MAX}"))
        history.append(total)
        if week.kind not in LIGHTER_KINDS:
            last_regular = total
    return out


def _lighter_weeks(plan: Plan) -> list[Violation]:
    out = []
    weeks = plan.weeks
    if weeks and weeks[0].kind == "deload":
        out.append(Violation(week=1, rule="lighter week", message="the first week has nothing to be lighter than"))
    for i, week in enumerate(weeks):
        if week.kind == "deload" and i > 0:
            ratio = week.load / weeks[i - 1].load if weeks[i - 1].load else 0
            if not (R.DELOAD_MIN - 1e-9 <= ratio <= R.DELOAD_MAX + 1e-9):
                out.append(Violation(week=week.number, rule="lighter week",
                                     message=f"load is {ratio:.0%} of the week before; expected 60-80%"))
    out += _tapers(plan)
    # 3:1, or 2:1 from OLDER_AGE: at most DELOAD_EVERY - 1 regular weeks in a row.
    older = plan.profile.age is not None and plan.profile.age >= R.OLDER_AGE
    every = R.DELOAD_EVERY_OLDER if older else R.DELOAD_EVERY
    if len(weeks) >= every:
        since = 0
        for week in weeks:
            since = 0 if week.kind in LIGHTER_KINDS else since + 1
            if since >= every:
                why = f" (a lighter week every {every} weeks from age {R.OLDER_AGE})" if older else ""
                out.append(Violation(week=week.number, rule="lighter week",
                                     message=f"{every} weeks in a row without a lighter week{why}"))
                since = 0
    return out


def training_sessions(week: Week) -> list[Session]:
    """The week's sessions less the race: the load ceilings are for training."""
    return [s for s in week.sessions if s.kind != RACE_KIND]


def _tapers(plan: Plan) -> list[Violation]:
    """Taper weeks are lighter weeks: at most 85% of the last regular week's training load."""
    out = []
    last_regular: int | None = None
    for week in plan.weeks:
        load = sum(s.load for s in training_sessions(week))
        if week.kind == "taper" and last_regular and load > TAPER_MAX * last_regular + 1e-9:
            out.append(Violation(week=week.number, rule="taper",
                                 message=f"load is {load / last_regular:.0%} of the last regular week; expected at most 85%"))
        if week.kind not in LIGHTER_KINDS:
            last_regular = load
    return out


def _spacing(plan: Plan) -> list[Violation]:
    out = []
    sessions: list[tuple[int, Session]] = [(w.number, s) for w in plan.weeks for s in w.sessions]
    for n, s in sessions:
        if s.hard != (s.rpe >= R.HARD_RPE):
            out.append(Violation(week=n, date=s.date, rule="hard days",
                                 message=f"marked {'hard' if s.hard else 'not hard'} at RPE {s.rpe}"))
    if plan.profile.level == "beginner":
        hard = [(n, s) for n, s in sessions if s.hard or s.rpe >= R.HARD_RPE]
        for (n1, a), (n2, b) in zip(hard, hard[1:]):
            if (b.date - a.date).days <= 1:
                out.append(Violation(week=n2, date=b.date, rule="hard days",
                                     message=f"hard sessions on consecutive days ({a.date} and {b.date})"))
    for week in plan.weeks:
        days = {s.date for s in week.sessions}
        if len(days) >= 7:
            out.append(Violation(week=week.number, rule="rest day", message="no full rest day this week"))
        end = week.start_date + dt.timedelta(days=6)
        for s in week.sessions:
            if not week.start_date <= s.date <= end:
                out.append(Violation(week=week.number, date=s.date, rule="dates",
                                     message="session date is outside its week"))
    return out


def _fit_and_allowed(plan: Plan, find: Find) -> list[Violation]:
    out = []
    profile = plan.profile
    owned = owned_equipment(profile.equipment, profile.activity)
    limits = set(profile.limitations)
    for week in plan.weeks:
        for s in week.sessions:
            allowed = session_limit(profile, s.kind)
            if s.minutes > allowed and s.kind != RACE_KIND:
                out.append(Violation(week=week.number, date=s.date, rule="session length",
                                     message=f"{s.minutes} min is longer than {allowed} min"))
            for block in s.blocks:
                needed = block_seconds(block)
                if needed > block.minutes * 60 + BLOCK_TOLERANCE_S:
                    out.append(Violation(week=week.number, date=s.date, rule="block length",
                                         message=f"{block.kind} needs {needed // 60} min but has {block.minutes}"))
                elif needed < MIN_FILL * block.minutes * 60 - BLOCK_TOLERANCE_S:
                    # Minutes the exercises do not fill would make the load figures fiction.
                    out.append(Violation(week=week.number, date=s.date, rule="block length",
                                         message=f"{block.kind} has {block.minutes} min but its exercises "
                                                 f"fill only {needed // 60}"))
                for item in block.items:
                    ex = find(item.exercise_id)
                    if ex is None:
                        out.append(Violation(week=week.number, date=s.date, rule="exercise",
                                             message=f"'{item.exercise_id}' is not in the plan's exercises"))
                        continue
                    missing = ex.needs - owned
                    if missing:
                        out.append(Violation(week=week.number, date=s.date, rule="equipment",
                                             message=f"{ex.name} needs {', '.join(sorted(missing))}"))
                    clash = set(ex.avoid_with) & limits
                    if clash:
                        out.append(Violation(week=week.number, date=s.date, rule="limitations",
                                             message=f"{ex.name} is not for a {', '.join(sorted(clash))} limitation"))
    return out


def _adductors(plan: Plan, find: Find) -> list[Violation]:
    if not adductor_care(plan.profile):
        return []
    out = []
    for week in plan.weeks:
        strength = stretch = False
        for s in week.sessions:
            for block in s.blocks:
                for item in block.items:
                    ex = find(item.exercise_id)
                    if ex is None or "adductors" not in ex.primary_muscles:
                        continue
                    strength |= ex.category == "strength"
                    stretch |= ex.category == "stretch"
        # Race week: no strength work before the race (the race's cool-down still stretches).
        race_week = any(s.kind == RACE_KIND for s in week.sessions)
        if week.sessions and not strength and not race_week:
            out.append(Violation(week=week.number, rule="inner thigh", message="no adductor strength exercise this week"))
        if week.sessions and not stretch:
            out.append(Violation(week=week.number, rule="inner thigh", message="no adductor stretch this week"))
    return out


def _endurance_minutes(find: Find, session: Session) -> int:
    """The main block's endurance work: its minutes less the strength work that rides along
    (inner-thigh and focus exercises), so a changed accessory cannot hide a longer run."""
    main = session.blocks[1] if len(session.blocks) >= 3 else None
    if main is None:
        return session.minutes
    riders = 0
    for item in main.items:
        ex = find(item.exercise_id)
        if ex is not None and ex.category != "cardio":
            riders += prescription_seconds(item)
    return (main.minutes * 60 - riders) // 60


def _spikes(plan: Plan, find: Find) -> list[Violation]:
    if plan.profile.activity not in ENDURANCE_ACTIVITIES:
        return []
    out = []
    seen: list[tuple[dt.date, int]] = []
    first_week_end = plan.weeks[0].start_date + dt.timedelta(days=6)
    if plan.profile.longest_recent_minutes is not None:
        # A baseline is the 30 days before the plan: week 1 is held to it too.
        first_week_end = plan.weeks[0].start_date - dt.timedelta(days=1)
        seen.append((first_week_end, plan.profile.longest_recent_minutes))
    for week in plan.weeks:
        for s in training_sessions(week):
            main = _endurance_minutes(find, s)
            if s.date > first_week_end:
                window = [m for d, m in seen if (s.date - d).days <= R.SPIKE_WINDOW_DAYS]
                if window and main > R.SESSION_SPIKE_MAX * max(window) + 1:
                    out.append(Violation(week=week.number, date=s.date, rule="session spike",
                                         message=f"endurance work of {main} min is more than 10% above the longest "
                                                 f"of the last 30 days ({max(window)} min)"))
            seen.append((s.date, main))
    return out
