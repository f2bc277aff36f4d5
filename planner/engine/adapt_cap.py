"""What was done, and the weeks after it held to it: the 10% rule measured against the log.

A plan's own checks compare each week with the week the plan *prescribed* before it. After a
week done short that is not enough: a client who did half of week 5 must not be sent into a
week 6 that is 10% above the *planned* week 5. `done_load` reads the load a log says was done;
`cap_weeks` shortens the weeks ahead so the first is at most 1.1 x that, and each week after
rises at most 10% again (lighter weeks stay lighter), until the plan's own weeks fit under the
ramp. Shortening keeps the shape of every session (warm-up and cool-down whole, the same
exercises, fewer sets or shorter work), so each week is still one the checks accept. Pure.
"""

from __future__ import annotations

import datetime as dt
import math

from . import rules as R
from .checks import LIGHTER_KINDS, RACE_KIND
from .checks import _endurance_minutes as endurance_minutes  # the very measure the check uses
from .sessions import _mmss as mmss  # the planner's own way of writing a time in a note
from .timing import block_seconds, prescription_seconds
from ..models import Block, LogEntry, Plan, Prescription, Session, Week
from ..vocab import ENDURANCE_ACTIVITIES

# A session's main work is never shortened below this share (a 30-minute run to 7): a week
# that would need less is left at that and the change says so, rather than prescribe
# sessions that are all warm-up.
MIN_SHARE = 0.25
_STEPS = 30  # tries per week, each 2.5% of the main work shorter than the last
_PASSES = 6  # load and spike passes; each only shortens, so a few settle it


def session_done_load(s: Session, rows: list[LogEntry]) -> int:
    """Effort x minutes done of one session: warm-up and cool-down whole once anything was done,
    the main block by the share of its lines done. A line's logged minutes replace its planned
    time where given; a line logged as not done counts nothing; a line the log leaves out of a
    session that was done counts as planned (a hand-typed log names what it names). Nothing
    done is 0."""
    if not any(e.done for e in rows):
        return 0
    main = s.blocks[1]
    logged: dict[str, list[LogEntry]] = {}
    for e in rows:  # an exercise on two lines (run-walk repeats, then a walk to finish): in order
        logged.setdefault(e.exercise_id, []).append(e)
    planned = sum(prescription_seconds(p) for p in main.items) or 1
    got = 0.0
    for p in main.items:
        own = prescription_seconds(p)
        queue = logged.get(p.exercise_id)
        e = queue.pop(0) if queue else None
        if e is None:
            got += own
        elif e.done:
            got += own if e.minutes_done is None else min(own, e.minutes_done * 60)
    other = s.minutes - main.minutes
    return round(s.rpe * (other + main.minutes * min(1.0, got / planned)))


def done_load(week: Week, by_date: dict[dt.date, list[LogEntry]]) -> int:
    """Load actually done in a week: the sum of `session_done_load` over its sessions."""
    return sum(session_done_load(s, by_date.get(s.date, [])) for s in week.sessions)


def training_load(week: Week) -> int:
    """The week's load less the race (the load ceilings are for training)."""
    return sum(s.load for s in week.sessions if s.kind != RACE_KIND)


def _retime(p: Prescription, seconds: int) -> Prescription:
    """The line with its work time changed, and the note that quotes it ("run 20 min ...")."""
    update: dict[str, object] = {"duration_s": seconds}
    if p.distance_m is not None and p.duration_s:
        update["distance_m"] = max(25, round(p.distance_m * seconds / p.duration_s / 25) * 25)
    old, new = mmss(p.duration_s or 0), mmss(seconds)
    if p.notes and old in p.notes:
        update["notes"] = p.notes.replace(old, new)
    return p.model_copy(update=update)


def _item(p: Prescription, f: float) -> Prescription:
    """About `f` of a line: fewer sets first (timed repeats with a break between, a run-walk or
    intervals, keep two: their note says "repeat"), then shorter work; a line without sets or a
    time (a stretch hold) is left whole."""
    sets = p.sets or 1
    if sets > 1:
        kept = max(2 if p.rest_s and p.duration_s else 1, math.floor(sets * f + 0.5))
        f = sets * f / kept
        p = p.model_copy(update={"sets": kept})
    if p.duration_s is not None and p.duration_s > 60 and f < 1:
        seconds = max(60, int(p.duration_s * f) // 30 * 30)
        if seconds < p.duration_s:
            p = _retime(p, seconds)
    return p


def _fewer_sets(items: list[Prescription], f: float) -> list[Prescription]:
    """About `f` of the sets of the lines counted in reps or holds, one set at a time from the
    last line back (the accessories lose theirs before the main lifts), each keeping one."""
    sets = [p.sets or 1 for p in items]
    drop = min(round(sum(sets) * (1 - f)), sum(n - 1 for n in sets))
    i = len(items) - 1
    while drop > 0:
        if sets[i] > 1:
            sets[i] -= 1
            drop -= 1
        i = i - 1 if i > 0 else len(items) - 1
    return [p if n == (p.sets or 1) else p.model_copy(update={"sets": n}) for p, n in zip(items, sets)]


def _session(s: Session, f: float) -> Session:
    """The session with its main work cut to about `f` of itself; the block's minutes follow its
    exercises, so the share they fill (the checks' block-length rule) stays as it was."""
    if s.kind == RACE_KIND or f >= 1:
        return s
    main = s.blocks[1]
    timed = [p.duration_s is not None for p in main.items]
    counted = iter(_fewer_sets([p for p, t in zip(main.items, timed) if not t], f))
    items = [_item(p, f) if t else next(counted) for p, t in zip(main.items, timed)]
    before = block_seconds(main) or 1
    minutes = max(1, math.ceil(main.minutes * block_seconds(main.model_copy(update={"items": items})) / before))
    if minutes >= main.minutes:
        return s
    blocks = [s.blocks[0], Block(kind="main", minutes=minutes, items=items), *s.blocks[2:]]
    total = sum(b.minutes for b in blocks)
    return s.model_copy(update={"blocks": blocks, "minutes": total, "load": s.rpe * total})


def _shares() -> list[float]:
    return [1 - (1 - MIN_SHARE) * k / _STEPS for k in range(1, _STEPS + 1)]


def _with(week: Week, sessions: list[Session]) -> Week:
    return week.model_copy(update={"sessions": sessions, "load": sum(s.load for s in sessions)})


def shorten(week: Week, limit: float, low: float = 0) -> Week:
    """The week with its sessions' main work cut evenly, as little as will bring its training
    load to at most `limit` (and not under `low`, a lighter week's floor, which wins when the
    whole steps of sets and times jump past both); or as short as MIN_SHARE allows (the caller
    sees which from the load). The steps are whole, so the cut is searched, not computed."""
    if training_load(week) <= limit:
        return week
    tried: list[Week] = []
    for f in _shares():
        cut = _with(week, [_session(s, f) for s in week.sessions])
        load = training_load(cut)
        if low <= load <= limit:
            return cut
        if load < low:
            # past the floor: the shortest cut still above it, else the one just under
            above = [w for w in tried if training_load(w) >= low]
            return min(above, key=training_load) if above else week
        tried.append(cut)
    return min(tried, key=training_load) if tried else week


def _lowest(plan: Plan, first: int) -> list[float]:
    """For each week from `first`, the least load it may be cut to and still leave the weeks
    after it room within the plan's rules (a regular week at most 10% above the regular week
    before it, a lighter week at most 80% of the week before): each week's own shortest cut,
    raised where a later week's shortest could not follow it. Worked back from the end."""
    n = len(plan.weeks)
    floor = [0.0] * n
    for j in range(first, n):
        week = plan.weeks[j]
        floor[j] = float(training_load(_with(week, [_session(s, MIN_SHARE) for s in week.sessions])))
    need_regular = 0.0  # what the next regular week's floor asks of the regular week before it
    for j in range(n - 1, first - 1, -1):
        week = plan.weeks[j]
        if week.kind in LIGHTER_KINDS:
            continue
        floor[j] = max(floor[j], need_regular / R.WEEKLY_RISE_MAX)
        if j + 1 < n and plan.weeks[j + 1].kind in LIGHTER_KINDS:
            floor[j] = max(floor[j], floor[j + 1] / R.DELOAD_MAX)
        need_regular = floor[j]
    return floor


def _load_pass(weeks: list[Week], plan: Plan, first: int, done: int, lowest: list[float]) -> None:
    """Each week cut from the plan's own (never a cut of a cut), or kept as the spike pass
    left it where that is shorter and still within the rules."""
    regular = float(done)  # the reference the next regular week may rise 10% above
    for j in range(first, len(weeks)):
        week, low = plan.weeks[j], 0.0
        if week.kind in LIGHTER_KINDS:
            # 60-80% of the week before (the plan's rule), and no jump over what was done
            before = weeks[j - 1].load
            low = max(lowest[j], R.DELOAD_MIN * before + 0.5)
            limit = max(low, min(R.DELOAD_MAX * before, R.WEEKLY_RISE_MAX * regular))
        else:  # the most under the ramp, and never so little that the weeks after cannot follow
            low = lowest[j]
            limit = max(low, R.WEEKLY_RISE_MAX * regular)
        cut = shorten(week, limit, low)
        if not low <= training_load(weeks[j]) <= training_load(cut):
            weeks[j] = cut
        if week.kind not in LIGHTER_KINDS:
            regular = training_load(weeks[j])


def _spike_pass(plan: Plan, weeks: list[Week], first: int) -> None:
    """No session's endurance work more than 10% above the longest of the 30 days before it,
    as checks.py measures it: shortened weeks lower that longest for the weeks after them."""
    if plan.profile.activity not in ENDURANCE_ACTIVITIES:
        return
    find = {ex.id: ex for ex in plan.exercises}.get
    seen: list[tuple[dt.date, int]] = []
    if plan.profile.longest_recent_minutes is not None:
        seen.append((weeks[0].start_date - dt.timedelta(days=1), plan.profile.longest_recent_minutes))
    for j, week in enumerate(weeks):
        sessions = list(week.sessions)
        for i, s in enumerate(sessions):
            if s.kind == RACE_KIND:
                continue
            window = [m for d, m in seen if (s.date - d).days <= R.SPIKE_WINDOW_DAYS]
            if j >= first and window:
                limit = R.SESSION_SPIKE_MAX * max(window) + 1
                for f in [1.0, *_shares()]:
                    if endurance_minutes(find, sessions[i]) <= limit:
                        break
                    sessions[i] = _session(s, f)
            seen.append((s.date, endurance_minutes(find, sessions[i])))
        if sessions != list(week.sessions):
            weeks[j] = _with(week, sessions)


def cap_weeks(plan: Plan, first: int, done: int) -> tuple[Plan, list[int]]:
    """Weeks from `first` on held under a ramp that starts at R.WEEKLY_RISE_MAX x `done` (the
    load done in the last regular week) and rises by the same factor a regular week; a lighter
    week is held to the lighter-week ceiling of the week before it, and no session spikes over
    the sessions before it. Shortening only lowers loads, so the passes settle. Returns the
    plan and the numbers of the weeks shortened."""
    weeks = list(plan.weeks)
    lowest = _lowest(plan, first)
    for _ in range(_PASSES):
        before = list(weeks)
        _load_pass(weeks, plan, first, done, lowest)
        _spike_pass(plan, weeks, first)
        if weeks == before:
            break
    shortened = [w.number for w, old in zip(weeks, plan.weeks) if w is not old and w != old]
    return plan.model_copy(update={"weeks": weeks}), shortened
