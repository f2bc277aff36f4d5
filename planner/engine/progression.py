"""Week-by-week session lengths and efforts, with the safety ceilings built in.

Works on numbers only (minutes, RPE, load) before any exercise is chosen, so the invariants in
`checks.py` hold by construction: every week is clamped to at most +10% load over the last
regular week, an acute:chronic ratio of at most 1.3, and (endurance) no session's main block
more than 10% past the longest of the 30 days before it.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from itertools import combinations

from . import rules as R
from . import phases, runwalk
from .weekshape import SessionSpec, baseline_week, cap_longest, deload as _deload, honest_kinds, race_offset, taper_week
from ..models import Profile
from ..vocab import ENDURANCE_ACTIVITIES


@dataclass(frozen=True)
class WeekSpec:
    number: int
    kind: str  # base, build, deload
    sessions: tuple[SessionSpec, ...]
    cycle: int  # which block of weeks between lighter weeks (drives exercise variety)
    build_index: int  # how many build weeks came before (drives walk-run stages, reps)
    notes: tuple[str, ...] = field(default=())

    @property
    def load(self) -> int:
        return sum(s.load for s in self.sessions)


def deload_interval(profile: Profile) -> int:
    if profile.age is not None and profile.age >= R.OLDER_AGE:
        return R.DELOAD_EVERY_OLDER
    return R.DELOAD_EVERY


def week_kinds(profile: Profile) -> list[str]:
    """base, build..., with a lighter week closing each block (never on 1-3 week plans' first)."""
    every = deload_interval(profile)
    taper = phases.taper_weeks(profile)
    training = profile.weeks - taper
    kinds = []
    for number in range(1, profile.weeks + 1):
        if number == 1:
            kinds.append("base")
        elif number > training:
            kinds.append("taper")  # an event plan's last weeks (they count as lighter weeks)
        elif number % every == 0:
            kinds.append("deload")
        else:
            kinds.append("build")
    if taper and training >= 3 and kinds[training - 1] == "deload" and kinds[training - 2] == "build":
        # The week before the taper is the peak, not a lighter week: the lighter week comes earlier.
        kinds[training - 1], kinds[training - 2] = "build", "deload"
    return kinds


def spread(offsets: Sequence[int], count: int, fixed: Sequence[int] = ()) -> tuple[int, ...]:
    """Pick `count` days from `offsets` as far apart as possible from each other and from
    `fixed` days, counting the gap across the weekend into next week."""
    if count <= 0:
        return ()
    free = [o for o in offsets if o not in fixed]
    count = min(count, len(free))
    best: tuple[int, ...] = tuple(free[:count])
    best_score = (-1, -1)
    for combo in combinations(free, count):
        days = sorted(set(combo) | set(fixed))
        gaps = [b - a for a, b in zip(days, days[1:])]
        gaps.append(days[0] + 7 - days[-1])
        score = (min(gaps) if gaps else 7, -sum(1 for g in gaps if g == 1))
        if score > best_score:
            best, best_score = combo, score
    return tuple(sorted(best))


def week_template(profile: Profile) -> list[tuple[int, str]]:
    """Which day holds which kind of session (quality sessions added later when allowed)."""
    rules = R.LEVEL_RULES[profile.level]
    n = min(profile.days_per_week, R.MAX_TRAINING_DAYS)
    offsets = R.DAY_LAYOUT[n]
    if profile.activity == "strength":
        lifting = min(n, rules.strength_days)
        # Beginners need 48 h between whole-body sessions (ACSM): spread them out.
        lift_days = spread(offsets, lifting)
        rotation = R.SPLIT_ROTATION[lifting]
        plan = []
        i = 0
        for o in offsets:
            if o in lift_days:
                plan.append((o, rotation[i % len(rotation)]))
                i += 1
            else:
                plan.append((o, "recovery"))
        return plan
    if profile.activity == "general":
        circuits = spread(offsets, max(1, math.ceil(n / 2)) if n > 1 else 1)
        return [(o, "circuit" if o in circuits else "easy") for o in offsets]
    # Endurance: a long session at the end of the week, the rest easy for now.
    if profile.activity == "running" and profile.level == "beginner":
        return [(o, "walk-run") for o in offsets]
    if n == 1:
        return [(offsets[0], "easy")]
    return [(o, "long" if o == offsets[-1] else "easy") for o in offsets]


def quality_days(profile: Profile, template: list[tuple[int, str]], week: int) -> dict[int, str]:
    """Days whose easy session becomes tempo or intervals this week (about 80/20 easy/hard)."""
    rules = R.LEVEL_RULES[profile.level]
    if profile.activity not in ENDURANCE_ACTIVITIES:
        return {}
    if week < rules.quality_from_week:
        return {}
    easy = [o for o, kind in template if kind == "easy"]
    n = len(template)
    # Two days a week stay easy: one hard day of two is half the week hard, not 80/20.
    count = 0 if n <= 2 else min(rules.quality_sessions, len(easy), 1 if n <= 4 else 2)
    if count == 0:
        return {}
    long_days = [o for o, kind in template if kind == "long"]
    days = spread(easy, count, fixed=long_days)
    kinds = ["intervals", "tempo"] if week % 2 else ["tempo", "intervals"]
    return {d: kinds[i % 2] for i, d in enumerate(days)}


def knee_care(profile: Profile) -> bool:
    """A knee limitation changes an endurance plan itself: a slower ramp (and, in sessions, no
    hill repeats and a slower run-walk ladder)."""
    return "knee" in profile.limitations and profile.activity in ENDURANCE_ACTIVITIES


def session_rpe(profile: Profile, kind: str) -> int:
    rules = R.LEVEL_RULES[profile.level]
    return {
        "easy": R.WALKING_EASY_RPE if profile.activity == "walking" else rules.easy_rpe,  # brisk
        "walk-run": rules.easy_rpe + 1,
        "long": rules.long_rpe,
        "tempo": rules.tempo_rpe,
        "intervals": rules.interval_rpe,
        "circuit": rules.circuit_rpe,
        "recovery": 2,
    }.get(kind, rules.strength_rpe)


def long_session_limit(profile: Profile) -> int:
    """Minutes the weekend long session may take: the profile's own slot, else a level's
    multiple of the session minutes (a long run longer than the weekday runs is the point)."""
    plain = _plain_long_limit(profile)
    goal = phases.long_goal(profile)
    # An event lets the long session grow to its goal, week by week under the 10% caps.
    return max(plain, goal[1]) if goal is not None else plain


def _plain_long_limit(profile: Profile) -> int:
    if profile.long_session_minutes is not None:
        return max(profile.session_minutes, profile.long_session_minutes)
    return round(profile.session_minutes * R.LONG_SESSION_FACTOR[profile.level])


def session_limit(profile: Profile, kind: str) -> int:
    """The longest a session of this kind may be (the planner fills to it, the checks hold it)."""
    if kind == "long" and profile.activity in ENDURANCE_ACTIVITIES:
        return long_session_limit(profile)
    return profile.session_minutes


def easy_warmup_minutes(profile: Profile, kind: str, default: int) -> int:
    """Easy and long endurance sessions warm up in the activity itself (5-10 min of easy
    running, riding, swimming); the full warm-up with drills is for quality sessions."""
    if kind == "walk-run":
        # Couch to 5K: a 5-min brisk walk, so the run-walk block has room to grow.
        return min(default, R.RUN_WALK_WARMUP_MIN)
    if profile.activity in ENDURANCE_ACTIVITIES and kind in ("tempo", "intervals"):
        return min(default, R.QUALITY_WARMUP_MAX)  # RAMP: about 10 min with drills and strides
    if profile.activity not in ENDURANCE_ACTIVITIES or kind not in ("easy", "long"):
        return default
    older = profile.age is not None and profile.age >= R.BALANCE_AGE
    easy = max(R.EASY_WARMUP_MIN, min(R.EASY_WARMUP_MAX, round(profile.session_minutes * R.EASY_WARMUP_SHARE)))
    # From 65 the easy start also holds two balance moves (WHO 2020).
    return min(default, easy + (R.BALANCE_WARMUP_MIN if older else 0))


def desired_main(profile: Profile, kind: str, factor: float, fixed: int, cap: int | None = None) -> int:
    """Main-block minutes the progression asks for before the safety clamp."""
    rules = R.LEVEL_RULES[profile.level]
    endurance = profile.activity in ENDURANCE_ACTIVITIES
    room = max(R.MIN_MAIN_MINUTES, session_limit(profile, kind) - fixed)
    if cap is not None and kind != "long":
        room = max(R.MIN_MAIN_MINUTES, min(room, cap))
    if endurance and kind in ("tempo", "intervals"):
        room = max(R.MIN_MAIN_MINUTES, min(room, R.quality_main_max(profile.activity, profile.level, kind)))
    if kind == "recovery":
        return max(R.MIN_MAIN_MINUTES, min(room, round(room * 0.5)))
    start = max(rules.start_fraction, R.LIFTING_START_FRACTION) if R.is_lifting(kind) else rules.start_fraction
    if profile.activity == "walking":
        start = max(start, R.WALKING_START_FRACTION)  # toward WHO's 150 min from week 1
    elif endurance:
        start = max(start, R.ENDURANCE_START_FRACTION)  # beginners use 65%+ of the time asked
    base = start * room * factor
    if kind == "walk-run":
        # The ladder, not the block, is the progression: start with the first rung in full.
        base = max(base, runwalk.first_rung_minutes())
    own_long_slot = long_session_limit(profile) > profile.session_minutes
    if kind not in ("long", "walk-run") and endurance and not own_long_slot:
        # Without a longer weekend slot the long session is made long by shortening the others
        # (run-walk weeks have no long session, so nothing is shortened).
        base /= rules.long_ratio if profile.days_per_week > 1 else 1.0
    if endurance and profile.current_weekly_minutes is None:
        # The session is mostly its work (a baseline sizes week 1 from today's training instead): warm-up + cool-down within their share (issue 11).
        base = max(base, overhead_floor(profile, kind, fixed))
    return max(R.MIN_MAIN_MINUTES, min(room, math.floor(base)))


def overhead_floor(profile: Profile, kind: str, fixed: int) -> int:
    """The shortest main block that keeps warm-up + cool-down within their share of the
    session: a quarter of a 45+ min easy or long one, a third of any 45+ min one, 45% of a
    shorter one (rules.OVERHEAD_SHARE)."""
    share = R.overhead_share(kind, session_limit(profile, kind))
    return math.ceil(fixed * (1 - share) / share)


@dataclass
class _History:
    loads: list[int] = field(default_factory=list)
    last_regular: int | None = None
    mains: list[tuple[int, int]] = field(default_factory=list)  # (absolute day, main minutes)


def plan_weeks(
    profile: Profile,
    fixed_minutes: Callable[[str, bool], int],
    main_cap: Callable[[str], int] | None = None,
) -> list[WeekSpec]:
    """The numeric skeleton of the plan, week by week. `fixed_minutes(kind, carrier)` is what a
    session spends outside its main work; `main_cap(kind)` the most main work its exercises
    can honestly fill (a beginner's whole-body session holds no more than its sets)."""
    rules = R.LEVEL_RULES[profile.level]
    endurance = profile.activity in ENDURANCE_ACTIVITIES
    template = week_template(profile)
    kinds = week_kinds(profile)
    history = _History()
    if profile.longest_recent_minutes is not None and endurance:
        # The baseline is the 30 days before the plan: its longest session seeds the spike cap.
        history.mains.append((-1, profile.longest_recent_minutes))
    fixed_cache: dict[tuple[str, bool], int] = {}
    cap_cache: dict[str, int] = {}

    def fixed_of(kind: str, carrier: bool) -> int:
        if (kind, carrier) not in fixed_cache:
            fixed_cache[kind, carrier] = fixed_minutes(kind, carrier)
        return fixed_cache[kind, carrier]

    def cap_of(kind: str) -> int:
        if kind not in cap_cache:
            cap_cache[kind] = main_cap(kind) if main_cap is not None else profile.session_minutes
        return cap_cache[kind]

    goal = phases.long_goal(profile) if endurance else None

    def long_base(fixed: int) -> float:
        """Week-1 long block without an event's goal: the growth factor scales from here."""
        return rules.start_fraction * max(R.MIN_MAIN_MINUTES, _plain_long_limit(profile) - fixed)

    def build(number: int, factor: float, long_factor: float, quality_weeks: int) -> list[SessionSpec]:
        quality = quality_days(profile, template, number)
        kinds_today = [quality.get(offset, base_kind) for offset, base_kind in template]
        carrier = next((i for i, k in enumerate(kinds_today) if k not in ("tempo", "intervals", "long")), 0)
        specs = []
        for i, (offset, base_kind) in enumerate(template):
            k = kinds_today[i]
            fixed = fixed_of(k, i == carrier)
            cap = cap_of(k)
            rpe = session_rpe(profile, k)
            if k in ("tempo", "intervals"):
                # Intensity arrives in steps too: two RPE below the target at first, one more
                # each week that had quality work, so one new hard session is not a load spike.
                # Never below the kind's floor: a "tempo" at RPE 4 would contradict its words.
                rpe = min(rpe, max(R.QUALITY_RPE_FLOOR[k], rpe - 2) + quality_weeks)
            main = desired_main(profile, k, factor, fixed, cap)
            if k == "long" and goal is not None:
                # Toward the event's long session: its own growth, capped by its goal.
                room = max(R.MIN_MAIN_MINUTES, session_limit(profile, k) - fixed)
                main = max(R.MIN_MAIN_MINUTES, min(room, math.floor(long_base(fixed) * long_factor)))
            if k == "walk-run":
                # One run-walk shape a week: the day carrying accessory work gets the same block.
                main = min(desired_main(profile, k, factor, fixed_of(k, False), cap),
                           max(main, session_limit(profile, k) - fixed))
            specs.append(SessionSpec(offset, k, main, rpe, fixed, i == carrier))
        return specs

    weeks: list[WeekSpec] = []
    factor = 1.0
    long_factor = 1.0
    cycle = 0
    builds = 0
    quality_weeks = 0
    peak: list[SessionSpec] = []
    tapers = phases.taper_weeks(profile)
    for number, kind in enumerate(kinds, start=1):
        if kind == "build":
            slower = R.KNEE_RAMP_SHARE if knee_care(profile) else 1.0  # a knee builds more slowly
            factor *= 1 + rules.ramp * slower
            long_factor *= 1 + (R.WEEKLY_RISE_MAX - 1) * slower
        if number == 1 and profile.current_weekly_minutes is not None:
            factor, specs = baseline_week(profile, lambda f: cap_longest(build(1, f, f, 0), profile))
            long_factor = factor
        else:
            specs = build(number, factor, long_factor, quality_weeks)
            if number == 1:
                specs = cap_longest(specs, profile)
        if kind == "taper" and peak:
            index = tapers - (profile.weeks - number) - 1
            specs = taper_week(peak, phases.TAPER_SHARES[tapers][index], race_offset(profile, number))
        elif kind == "deload" and weeks:
            # The lighter week is last week made lighter: same days, same kinds of session.
            specs = _lighter_runwalk(list(weeks[-1].sessions), weeks[-1].load) or _deload(
                list(weeks[-1].sessions), weeks[-1].load, keep_work=endurance)
        else:
            wanted_long = next((s.main for s in specs if s.kind == "long"), None)
            specs, applied = _clamp(specs, number, history, endurance, rules.easy_rpe)
            factor *= applied
            got_long = next((s.main for s in specs if s.kind == "long"), None)
            if wanted_long and got_long is not None:
                long_factor *= got_long / wanted_long
        week = WeekSpec(number, kind, tuple(specs), cycle, builds)
        weeks.append(week)
        history.loads.append(week.load)
        if kind not in ("deload", "taper"):
            history.last_regular = week.load
            peak = specs
            builds += 1
            if any(sp.kind in ("tempo", "intervals") for sp in specs):
                quality_weeks += 1
        elif kind == "deload":
            cycle += 1
        for s in specs:
            history.mains.append(((number - 1) * 7 + s.offset, s.main))
    return weeks


def _limit(history: _History) -> float:
    """The highest load this week may have: +10% over the last regular week, ACWR <= 1.3."""
    if history.last_regular is None:
        return math.inf
    limit = R.WEEKLY_RISE_MAX * history.last_regular
    recent = history.loads[-3:]
    k = len(recent) + 1
    if k >= 2:
        # load / ((sum(recent) + load) / k) <= ACWR_MAX  <=>  load <= ACWR_MAX*sum/(k-ACWR_MAX)
        limit = min(limit, R.ACWR_MAX * sum(recent) / (k - R.ACWR_MAX))
    return limit


def _spike_cap(history: _History, day: int) -> float:
    window = [m for d, m in history.mains if day - R.SPIKE_WINDOW_DAYS <= d < day]
    return math.floor(R.SESSION_SPIKE_MAX * max(window)) if window else math.inf


def _clamp(
    specs: list[SessionSpec], number: int, history: _History, endurance: bool, easy_rpe: int
) -> tuple[list[SessionSpec], float]:
    """Shrink main blocks (then soften hard sessions) until every ceiling holds."""
    wanted = sum(s.main for s in specs)
    spikes = endurance and (number > 1 or bool(history.mains))
    out = _cap_spikes(list(specs), number, history) if spikes else list(specs)
    limit = _limit(history)
    # A new or harder quality session is paid for by its own length first: the easy volume
    # the person has built stays, the hard part starts short (down to 40% of its length).
    excess = sum(s.load for s in out) - limit
    for i, s in enumerate(out):
        if excess <= 0:
            break
        if s.kind in ("tempo", "intervals"):
            # Never so short that the full warm-up and cool-down outweigh the work.
            floor = max(R.MIN_MAIN_MINUTES, math.ceil(s.main * 0.4), _quality_floor(s))
            cut = min(s.main - floor, math.ceil(excess / s.rpe))
            if cut > 0:
                out[i] = replace(s, main=s.main - cut)
                excess -= cut * s.rpe
    for _ in range(1 + 9 * len(out)):  # enough to soften every session from RPE 10 to 2
        load = sum(s.load for s in out)
        if load <= limit:
            break
        fixed_load = sum(s.rpe * s.fixed for s in out)
        main_load = sum(s.rpe * s.main for s in out)
        # Never above 1: a softened week is not a reason to lengthen blocks past their caps.
        scale = min(1.0, (limit - fixed_load) / main_load) if main_load else 0
        shrunk = []
        # The quality session's floor holds: the easy sessions shrink a little more instead.
        for floors in ((True, False) if endurance else (False,)):
            for step in range(0, 30):
                trial = [replace(s, main=max(R.MIN_MAIN_MINUTES, _quality_floor(s) if floors else 0,
                                             math.floor(s.main * scale * (1 - step / 40)))) for s in out]
                if sum(s.load for s in trial) <= limit:
                    shrunk = trial
                    break
            if shrunk:
                break  # without the floors only when they alone would force a softer session
        if shrunk and sum(s.main for s in shrunk) >= 0.6 * sum(s.main for s in out):
            out = shrunk
            break
        # Even the shortest sessions are too much: soften the hardest session by one RPE.
        hardest = max(range(len(out)), key=lambda i: (out[i].rpe, -i))
        if out[hardest].rpe <= 2:
            # Nothing left to soften: the safety ceiling beats the quality session's floor. The
            # proportional shrink rounds short blocks up to the floor and can end over the limit,
            # so trim the longest blocks a minute at a time until the ceiling holds.
            out = [replace(s, main=max(R.MIN_MAIN_MINUTES, math.floor(s.main * scale))) for s in out]
            while sum(s.load for s in out) > limit:
                longest = max(range(len(out)), key=lambda i: (out[i].main, -i))
                if out[longest].main <= R.MIN_MAIN_MINUTES:
                    break
                out[longest] = replace(out[longest], main=out[longest].main - 1)
            break
        softer = replace(out[hardest], rpe=out[hardest].rpe - 1)
        # A quality session softened below its kind's effort is an easy session at once (its
        # block as planned), not a shrunken "tempo" at RPE 4.
        out[hardest] = honest_kinds([softer], easy_rpe)[0]
    # A quality session softened to an easy effort is an easy session: call it that.
    out = honest_kinds(out, easy_rpe)
    if spikes:
        # Shrinking an early session lowers the allowance of the later ones: cap them again.
        out = _cap_spikes(out, number, history)
    if endurance:
        out = [_out_of_band(s) for s in out]
    applied = sum(s.main for s in out) / wanted if wanted else 1.0
    return out, min(1.0, applied)


def _cap_spikes(specs: list[SessionSpec], number: int, history: _History) -> list[SessionSpec]:
    """No main block more than 10% past the longest of the 30 days before it; sessions earlier
    in this week count toward the window of later ones."""
    capped = []
    running = _History(mains=list(history.mains))
    for s in specs:
        day = (number - 1) * 7 + s.offset
        main = int(min(s.main, _spike_cap(running, day)))
        capped.append(replace(s, main=max(R.MIN_MAIN_MINUTES, main)))
        running.mains.append((day, capped[-1].main))
    return capped


ENDURANCE_KINDS = ("easy", "long", "tempo", "intervals")


def _quality_floor(s: SessionSpec) -> int:
    """An endurance session's main block never so short that warm-up and cool-down pass 45%
    of the session (0 for other sessions and for run-walk, whose block is the ladder's)."""
    if s.kind not in ENDURANCE_KINDS:
        return 0
    return min(s.main, math.ceil(s.fixed * (1 - R.OVERHEAD_SHARE_SHORT) / R.OVERHEAD_SHARE_SHORT))


def _out_of_band(s: SessionSpec) -> SessionSpec:
    """A session of 45+ min spends at most its share outside the work (a quarter easy, a third
    quality); one cut between that and 45 min becomes a shorter session (at most 45% outside)."""
    if s.kind not in ENDURANCE_KINDS or s.minutes < R.OVERHEAD_LONG_FROM:
        return s
    if s.fixed <= R.overhead_share(s.kind, s.minutes) * s.minutes:
        return s
    return replace(s, main=max(_quality_floor(s), R.MIN_MAIN_MINUTES, R.OVERHEAD_LONG_FROM - 1 - s.fixed))


def _lighter_runwalk(specs: list[SessionSpec], previous_load: int) -> list[SessionSpec] | None:
    """A run-walk lighter week repeats last week's rung and block at one RPE easier, so the
    beginner keeps the runs they have earned; None when that is not 20-40% lighter."""
    if not specs or any(s.kind != "walk-run" for s in specs):
        return None
    softer = [replace(s, rpe=max(2, s.rpe - 1)) for s in specs]
    ratio = sum(s.load for s in softer) / previous_load if previous_load else R.DELOAD_TARGET
    return softer if R.DELOAD_MIN <= ratio <= R.DELOAD_MAX else None
