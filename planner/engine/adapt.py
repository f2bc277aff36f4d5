"""Re-plan the weeks ahead from what a training log says was done. Pure: no I/O, no clock.

Whole-week rules (missed sessions, missed weeks, effort too high, a week done short) move the
weeks ahead back along the plan's own progression: week j takes the content of week j - offset,
re-dated. That keeps every week a shape the planner built and checked, so a repeated week is a
real week of the plan, not a scaled guess. Exercise rules (pain, double progression) then edit
single prescriptions. Every candidate is judged by engine/checks.py; a change that would break
an invariant is not made.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable

from .adapt_cap import cap_weeks, done_load
from .adapt_rules import RULE
from .checks import LIGHTER_KINDS, check_plan
from .strength import plate_step
from .words import say
from ..models import Block, Change, Exercise, LogEntry, Plan, Prescription, Session, Week

Find = Callable[[str], "Exercise | None"]


def _redate(week: Week, number: int, start: dt.date) -> Week:
    delta = start - week.start_date
    sessions = [_redate_session(s, delta) for s in week.sessions]
    return week.model_copy(update={
        "number": number, "start_date": start, "sessions": sessions,
        "rest_days": [d + delta for d in week.rest_days],
    })


def _redate_session(session: Session, delta: dt.timedelta) -> Session:
    return session.model_copy(update={"date": session.date + delta})


def _shifted(plan: Plan, first: int, offset: int) -> Plan:
    """Weeks from `first` on step `offset` back along the plan's progression; lighter weeks
    stay where the plan put them (the cadence is a safety rule), each taking the lighter week
    that followed its new week before, so it stays 60-80% of it."""
    old = plan.weeks
    steps = [i for i, w in enumerate(old) if w.kind != "deload"]
    weeks = list(old[:first])
    prev_src = first - 1
    for j in range(first, len(old)):
        if old[j].kind == "deload":
            src = next((i for i in range(prev_src + 1, len(old)) if old[i].kind == "deload"), j)
        else:
            place = steps.index(j)
            src = steps[max(0, place - offset)]
        weeks.append(_redate(old[src], j + 1, old[j].start_date))
        prev_src = src
    return plan.model_copy(update={"weeks": weeks})


def _session_done(entries: list[LogEntry]) -> bool:
    return any(e.done for e in entries)


def adapt_plan(plan: Plan, log: Iterable[LogEntry], *, start: dt.date | None = None,
               find: Find | None = None) -> Plan:
    """The plan with the weeks from `start` (default: the day after the last logged date)
    re-planned by the rules of adapt_rules.RULES, each change listed in `plan.changes`."""
    entries = sorted(log, key=lambda e: (e.date, e.exercise_id))
    if not entries and start is None:
        return plan
    anchor = start - dt.timedelta(days=1) if start is not None else entries[-1].date
    entries = [e for e in entries if e.date <= anchor]
    first = next((i for i, w in enumerate(plan.weeks) if w.start_date > anchor), len(plan.weeks))
    if first == 0 or first == len(plan.weeks):
        return plan
    by_date: dict[dt.date, list[LogEntry]] = {}
    for e in entries:
        by_date.setdefault(e.date, []).append(e)
    past = plan.weeks[:first]
    last = past[-1]
    changes: list[Change] = []
    where = {"week": first + 1, "date": plan.weeks[first].start_date}

    missed_weeks = 0
    for week in reversed(past):
        if week.sessions and not any(_session_done(by_date.get(s.date, [])) for s in week.sessions):
            missed_weeks += 1
        else:
            break
    missed = sum(1 for s in last.sessions if not _session_done(by_date.get(s.date, [])))
    high = sum(1 for s in last.sessions if any(
        e.effort_felt is not None and e.effort_felt >= s.rpe + RULE["effort-high"].threshold
        for e in by_date.get(s.date, [])))
    offset, why, what_key = 0, "", ""
    if missed_weeks:
        offset = min(missed_weeks, int(RULE["missed-weeks"].threshold), first)
        why = say("adapt.why.missed-weeks", n=missed_weeks)
        what_key = "back"
    elif last.sessions and missed / len(last.sessions) >= RULE["missed-half"].threshold:
        offset, why, what_key = 1, say("adapt.why.missed-half", week=last.number), "repeat"
    elif high >= 2:
        offset, why, what_key = 1, say("adapt.why.effort-high", n=high, week=last.number), "hold"

    baseline = len(check_plan(plan))
    # the 10% rule against what was done: the last regular week's done load, when it fell short
    ref = next((w for w in reversed(past) if w.kind not in LIGHTER_KINDS), None)
    done = done_load(ref, by_date) if ref is not None and not missed_weeks else 0
    if ref is None or done >= ref.load:
        done = 0

    def ok(candidate: Plan) -> bool:
        return len(check_plan(candidate)) <= baseline

    def fits_done(candidate: Plan) -> bool:
        return not done or not cap_weeks(candidate, first, done)[1]

    order = list(range(offset, first + 1)) + list(range(offset - 1, -1, -1))
    chosen = next((o for o in order if ok(_shifted(plan, first, o)) and fits_done(_shifted(plan, first, o))), None)
    shortened: list[int] = []
    if chosen is None:
        chosen = next(o for o in order if ok(_shifted(plan, first, o)))
        capped, shortened = cap_weeks(_shifted(plan, first, chosen), first, done)
        if not ok(capped):  # the whole steps of sets and times left no cut within every check
            shortened = []
            changes.append(Change(**where, what=say("adapt.what.shortened-none", week=first + 1),
                                  why=say("adapt.why.done-short", week=ref.number, done=done)))
    adapted = _shifted(plan, first, chosen) if chosen else plan
    if shortened:
        adapted = capped
    if chosen and why and chosen == offset:
        changes.append(Change(**where, what=say(f"adapt.what.{what_key}", n=chosen, source=first + 1 - chosen), why=why))
    elif chosen and done:
        changes.append(Change(**where, what=say("adapt.what.capped", source=first + 1 - chosen, done=done),
                              why=say("adapt.why.done-short", week=ref.number, done=done)))
    elif chosen:  # the rule's own step would break a check: the nearest one that keeps them
        changes.append(Change(**where, what=say(f"adapt.what.{what_key}", n=chosen, source=first + 1 - chosen), why=why))
    if shortened:
        span = say("adapt.what.weeks-one", week=shortened[0]) if len(shortened) == 1 else \
            say("adapt.what.weeks-many", first=shortened[0], last=shortened[-1])
        loads = ", ".join(str(adapted.weeks[n - 1].load) for n in shortened)
        cap = RULE["done-short"].threshold * done
        key = "shortened" if adapted.weeks[first].load <= cap else "shortened-floor"
        changes.append(Change(**where, what=say(f"adapt.what.{key}", weeks=span, loads=loads, cap=round(cap)),
                              why=say("adapt.why.done-short", week=ref.number, done=done)))

    adapted, more = _exercise_rules(adapted, plan, first, entries, find or plan.exercise, baseline)
    changes += more
    if not changes:
        return plan
    return adapted.model_copy(update={"changes": [*plan.changes, *changes]})


def _planned(plan: Plan, date: dt.date, exercise_id: str) -> Prescription | None:
    for week in plan.weeks:
        for s in week.sessions:
            if s.date == date:
                return next((p for p in s.blocks[1].items if p.exercise_id == exercise_id), None)
    return None


def _map_items(plan: Plan, first: int, fn: Callable[[Prescription], Prescription]) -> Plan:
    weeks = list(plan.weeks[:first])
    for week in plan.weeks[first:]:
        sessions = []
        for s in week.sessions:
            blocks = list(s.blocks)
            main = blocks[1]
            blocks[1] = Block(kind=main.kind, minutes=main.minutes, items=[fn(p) for p in main.items])
            sessions.append(s.model_copy(update={"blocks": blocks}))
        weeks.append(week.model_copy(update={"sessions": sessions}))
    return plan.model_copy(update={"weeks": weeks})


def _exercise_rules(adapted: Plan, original: Plan, first: int, entries: list[LogEntry], find: Find,
                    baseline: int) -> tuple[Plan, list[Change]]:
    changes: list[Change] = []
    where = {"week": first + 1, "date": adapted.weeks[first].start_date}
    ids = sorted({e.exercise_id for e in entries})
    for ident in ids:
        rows = [e for e in entries if e.exercise_id == ident and e.done]
        ex = original.exercise(ident)
        if ex is None:
            continue
        pains = [e for e in entries if e.exercise_id == ident and e.pain is not None
                 and e.pain >= RULE["pain"].threshold]
        if pains:
            hurt = pains[-1]
            why = say("adapt.why.pain", pain=hurt.pain, name=ex.name, date=hurt.date.isoformat())
            easier = find(ex.regression) if ex.regression else None
            candidate = None
            if easier is not None:
                def swap(p: Prescription, easier: Exercise = easier) -> Prescription:
                    return p.model_copy(update={"exercise_id": easier.id, "name": easier.name, "load_kg": None}) if p.exercise_id == ident else p
                candidate = _map_items(adapted, first, swap)
                if adapted.exercise(easier.id) is None:
                    candidate = candidate.model_copy(update={"exercises": [*candidate.exercises, easier]})
                if len(check_plan(candidate)) > baseline:
                    candidate = None
            if candidate is not None and easier is not None:
                adapted = candidate
                changes.append(Change(**where, exercise_id=ident, what=say("adapt.what.regress", old=ex.name, new=easier.name), why=why))
            else:
                changes.append(Change(**where, exercise_id=ident, what=say("adapt.what.regress-none", old=ex.name), why=why))
            continue
        loaded = [(e, p) for e in rows if (p := _planned(original, e.date, ident)) is not None and p.load_kg and p.reps]
        if not loaded:
            continue
        step = plate_step(ex, original.profile)
        short = [e for e, p in loaded if e.reps_done and min(e.reps_done) < p.reps]
        latest, plan_item = loaded[-1]
        top = (latest.reps_done and min(latest.reps_done) >= plan_item.reps
               and len(latest.reps_done) in (1, plan_item.sets or 1)
               and (latest.effort_felt is None or plan_item.rpe is None or latest.effort_felt <= plan_item.rpe))
        if len(short) >= RULE["reps-short"].threshold:
            delta, key, why = -step, "step-down", say("adapt.why.reps-short", name=ex.name)
        elif top:
            delta, key, why = step, "step-up", say("adapt.why.reps-top", name=ex.name)
        else:
            continue

        def shift(p: Prescription) -> Prescription:
            if p.exercise_id != ident or p.load_kg is None:
                return p
            return p.model_copy(update={"load_kg": round(max(step, p.load_kg + delta), 2)})
        adapted = _map_items(adapted, first, shift)
        new_load = next((p.load_kg for w in adapted.weeks[first:] for s in w.sessions
                         for p in s.blocks[1].items if p.exercise_id == ident and p.load_kg), None)
        if new_load is None:
            continue
        if delta < 0 and new_load >= plan_item.load_kg:
            key = "step-hold"
        changes.append(Change(**where, exercise_id=ident, what=say(f"adapt.what.{key}", name=ex.name, load=new_load), why=why))
    return adapted, changes
