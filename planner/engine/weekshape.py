"""Whole-week shapes the progression needs beyond its build weeks: week 1 sized to a baseline,
taper weeks cut from the peak, and the helpers that shorten or drop sessions (issue 11).

Numbers only, like `progression`, which calls these; kept apart so each module has one job.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, replace

from . import rules as R
from ..models import Profile
from ..vocab import ENDURANCE_ACTIVITIES


@dataclass(frozen=True)
class SessionSpec:
    offset: int  # day within the week, 0-6
    kind: str  # easy, long, tempo, intervals, walk-run, circuit, recovery, or a strength split
    main: int  # main-block minutes
    rpe: int
    fixed: int  # warm-up + cool-down minutes (+ the week's accessory strength on the carrier)
    carrier: bool = False  # this session carries the week's accessory strength work

    @property
    def minutes(self) -> int:
        return self.fixed + self.main

    @property
    def load(self) -> int:
        return self.rpe * self.minutes

    @property
    def hard(self) -> bool:
        return self.rpe >= R.HARD_RPE


def race_offset(profile: Profile, number: int) -> int | None:
    """Day of the week (0-6) the race falls on, in the plan's last week; None before it."""
    if profile.event is None or number != profile.weeks:
        return None
    return (profile.event.date - profile.start_date).days - 7 * (number - 1)


def cap_longest(specs: list[SessionSpec], profile: Profile) -> list[SessionSpec]:
    """Week 1 with a baseline: no session over 110% of the longest of the last 30 days."""
    if profile.longest_recent_minutes is None or profile.activity not in ENDURANCE_ACTIVITIES:
        return specs
    limit = math.floor(R.SESSION_SPIKE_MAX * profile.longest_recent_minutes)
    # When warm-up and cool-down alone pass the limit, the main block stays within the spike
    # cap (the plan notes that the session is longer than the baseline).
    return [replace(s, main=max(R.MIN_MAIN_MINUTES, min(s.main, max(limit - s.fixed, min(R.DELOAD_MAIN_FLOOR, limit)))))
            for s in specs]


def baseline_week(
    profile: Profile, build: Callable[[float], list[SessionSpec]]
) -> tuple[float, list[SessionSpec]]:
    """Week 1 sized to today's training: the growth factor whose week is nearest 90% of the
    current weekly minutes (70-110% allowed; the plan notes it when days x minutes cannot)."""
    current = profile.current_weekly_minutes or 0
    reference = build(1.0)
    best: tuple[float, float, list[SessionSpec]] | None = None
    for step in range(R.BASELINE_FACTOR_STEPS[0], R.BASELINE_FACTOR_STEPS[1] + 1):
        f = step / 20
        specs = build(f)
        # Main blocks stay at 10 min or more (as a level's own week 1 would): shorter ones
        # leave a lighter week nothing to cut and a first quality session no room.
        if any(s.main < min(R.DELOAD_MAIN_FLOOR, r.main) for s, r in zip(specs, reference)):
            continue
        minutes = sum(s.minutes for s in specs)
        cost = abs(minutes / current - R.BASELINE_TARGET) if current else minutes
        if best is None or cost < best[0] - 1e-9:
            best = (cost, f, specs)
    assert best is not None
    return best[1], best[2]


def taper_week(peak: list[SessionSpec], share: float, race_offset: int | None) -> list[SessionSpec]:
    """A taper week: the peak week's sessions with shorter main blocks, efforts kept (the
    quality stays, the volume goes). The race week is cut as a whole week first, then stops
    before the race, so its sessions are shorter than the week before's, not longer."""
    target_minutes = share * sum(s.minutes for s in peak)
    target_load = share * sum(s.load for s in peak)
    week: list[SessionSpec] = []
    for drop in range(len(peak) + 1):
        kept = drop_easiest(peak, drop)
        trials = ([replace(s, main=lighter_main(s.main, step / 40, True)) for s in kept] for step in range(40, 7, -1))
        week = next((t for t in trials if sum(s.minutes for s in t) <= target_minutes
                     and sum(s.load for s in t) <= target_load), [])
        if week:
            break
    if race_offset is not None:
        # Nothing on or after race day, the day before it rests (the week keeps a full rest
        # day), no hard session in the two days before it, and no long session: the race is it.
        week = [s for s in week if s.offset < race_offset - 1 and s.kind != "long"
                and not (s.hard and s.offset >= race_offset - 2)]
    return week


def lighter_main(main: int, scale: float, keep_work: bool) -> int:
    """A lighter week's main block: scaled; with `keep_work`, rounded up and never under 10
    minutes unless it was shorter (lifting sessions shrink by whole sets instead)."""
    if not keep_work:
        return max(R.MIN_MAIN_MINUTES, math.floor(main * scale))
    return max(min(main, R.DELOAD_MAIN_FLOOR), R.MIN_MAIN_MINUTES, math.ceil(main * scale))


def drop_easiest(specs: list[SessionSpec], count: int) -> list[SessionSpec]:
    if count <= 0:
        return list(specs)
    # The session carrying the week's accessory strength (inner thigh) always stays.
    order = sorted(
        (i for i in range(len(specs)) if not specs[i].carrier),
        key=lambda i: (specs[i].load, -specs[i].offset),
    )
    dropped = set(order[:count])
    return [s for i, s in enumerate(specs) if i not in dropped]


def honest_kinds(specs: list[SessionSpec], easy_rpe: int) -> list[SessionSpec]:
    """A quality session softened below its kind's effort (tempo 6, intervals 7) is an easy
    session: call it that, at an easy effort, so words and numbers agree."""
    return [replace(s, kind="easy", rpe=min(s.rpe, easy_rpe))
            if s.kind in R.QUALITY_RPE_FLOOR and s.rpe < R.QUALITY_RPE_FLOOR[s.kind] else s
            for s in specs]


def deload(specs: list[SessionSpec], previous_load: int, keep_work: bool = False) -> list[SessionSpec]:
    """A lighter week: about 30% less load (20-40% allowed), intensity kept where possible.
    `keep_work` (endurance): each main block keeps 55-85% and at least 10 minutes (the long
    session 60%), so the lighter week still holds a real long run rather than 5-minute stubs.
    A quality session keeps its kind's effort (tempo 6, intervals 7): shorter, not vaguer; only
    when nothing else makes the week light enough does it soften, and then it is called easy."""
    for keep_quality in (True, False):
        found = _lighter_week(specs, previous_load, keep_work, keep_quality)
        if found is not None:
            return found
    # Cannot happen with MIN_MAIN_MINUTES and session floors as set; keep the week light anyway.
    return drop_easiest(specs, max(1, len(specs) // 2))


def _lighter_week(specs: list[SessionSpec], previous_load: int, keep_work: bool,
                  keep_quality: bool) -> list[SessionSpec] | None:
    best: tuple[float, list[SessionSpec]] | None = None
    previous_main = sum(s.main for s in specs)
    scales = [step / 40 for step in range(4, 38)] if keep_work else [step / 20 for step in range(2, 19)]
    easy_rpe = min((s.rpe for s in specs), default=2)
    for drop in range(0, len(specs)):
        kept = drop_easiest(specs, drop)
        # Hard sessions soften first; easy ones only when the week cannot get lighter otherwise.
        for soften, hard_only in ((0, True), (1, True), (1, False), (2, False)):
            floor = R.QUALITY_RPE_FLOOR if keep_quality else {}
            base = [
                replace(s, rpe=max(2, floor.get(s.kind, 2), s.rpe - soften))
                if (s.hard or not hard_only) else s
                for s in kept
            ]
            base = honest_kinds(base, easy_rpe)
            for scale in scales:
                trial = [replace(s, main=lighter_main(s.main, scale, keep_work)) for s in base]
                ratio = sum(s.load for s in trial) / previous_load if previous_load else R.DELOAD_TARGET
                if R.DELOAD_MIN <= ratio <= R.DELOAD_MAX:
                    # Keeping the work (55-85% of each main block) matters more than hitting 70%.
                    kept_share = sum(s.main for s in trial) / previous_main if previous_main else 0.7
                    kept_each = scale >= R.DELOAD_MAIN_MIN and all(
                        t.main >= R.DELOAD_LONG_MIN * s.main for t, s in zip(trial, base) if s.kind == "long")
                    gutted = 0 if not keep_work or (
                        kept_each and R.DELOAD_MAIN_MIN <= kept_share <= R.DELOAD_MAIN_MAX) else 1
                    cost = abs(ratio - R.DELOAD_TARGET) + drop * 0.5 + soften * 0.05 + gutted
                    if best is None or cost < best[0]:
                        best = (cost, trial)
        if best is not None:
            break
    return best[1] if best is not None else None
