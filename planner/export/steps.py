"""A plan session as a neutral list of workout steps, the one thing FIT, ZWO and ICS share.

Devices want a sequence of timed (or, for swims, measured) steps, each with an intensity
and a target; the plan speaks in blocks of prescriptions. This module is the only place that
reads the plan's session shape for export, so a change to the plan model is met here once.

The device total equals the session's minutes: within each block, untimed items (reps, holds)
share the block's time left after the timed ones, any time still over becomes an easy step,
and a block whose timed items overrun it has its longest continuous step shortened (by the
other blocks' steps when the block holds only repeats, whose work is the point).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..errors import ProfileError
from ..models import Block, Plan, Prescription, Session
from .words import w, words

__all__ = ["Step", "Repeat", "Target", "SPORTS", "session_steps", "flat_seconds", "check_exportable", "step_lines"]

# FIT sport / sub-sport per activity (FIT profile: sport 1 running, 2 cycling, 5 swimming,
# 10 training, 11 walking; sub-sport 17 lap swimming, 20 strength training, 26 cardio training).
SPORTS: dict[str, tuple[int, int]] = {
    "running": (1, 0),
    "cycling": (2, 0),
    "swimming": (5, 17),
    "walking": (11, 0),
    "strength": (10, 20),
    "general": (10, 26),
}
POOL_LENGTH_M = 25
_MIN_UNTIMED_S = 30
_SECONDS_PER_REP = 4


@dataclass(frozen=True)
class Target:
    """An intensity range: kind is "power" (fraction of FTP), "heart_rate" (bpm) or "speed" (m/s)."""

    kind: str
    low: float
    high: float


@dataclass(frozen=True)
class Step:
    """One step: intensity is warmup, active, rest, recovery or cooldown."""

    name: str
    intensity: str
    seconds: int
    distance_m: int | None = None
    rpe: int | None = None
    notes: str = ""
    target: Target | None = None


@dataclass(frozen=True)
class Repeat:
    """A repeat group: the steps done `times` times in a row."""

    times: int
    steps: tuple[Step, ...] = field(default_factory=tuple)

    @property
    def seconds(self) -> int:
        return self.times * sum(s.seconds for s in self.steps)


Item = Step | Repeat


def check_exportable(plan: Plan) -> None:
    """One-line error for a plan no device format can carry (an activity without a sport)."""
    activity = plan.profile.activity
    if activity not in SPORTS:
        allowed = ", ".join(SPORTS)
        raise ProfileError(f"activity: {activity!r:.80} cannot be exported (allowed: {allowed})")


def _intensity(block: Block) -> str:
    return {"warmup": "warmup", "cooldown": "cooldown"}.get(block.kind, "active")


def _label(item: Prescription) -> str:
    """The step's name: what to do and how much of it when the device cannot count it."""
    if item.reps:
        amount = str(item.reps)
    elif item.hold_s:
        amount = w("hold", seconds=item.hold_s)
    else:
        return item.name
    if item.sets and item.sets > 1:
        amount = w("sets", sets=item.sets, amount=amount)
    sides = w("each_side_label") if item.per_side else ""
    return w("label", amount=amount, sides=sides, name=item.name)


def _natural_seconds(item: Prescription) -> int:
    """How long an untimed item takes when nothing else limits it."""
    sides = 2 if item.per_side else 1
    sets = item.sets or 1
    each = (item.reps or 0) * _SECONDS_PER_REP + (item.hold_s or 0)
    return max(_MIN_UNTIMED_S, sets * each * sides + (sets - 1) * (item.rest_s or 0))


def _timed(item: Prescription) -> bool:
    return item.duration_s is not None


def item_target(item: Prescription, ftp: int | None) -> Target | None:
    """The one device target of a line: pace (as speed) or power first, heart rate otherwise.
    Pace ranges are [fast, slow] seconds, so the slow end gives the low speed."""
    if item.pace_s_per_km is not None:
        return Target("speed", round(1000 / item.pace_s_per_km[1], 3), round(1000 / item.pace_s_per_km[0], 3))
    if item.pace_s_per_100m is not None:
        return Target("speed", round(100 / item.pace_s_per_100m[1], 3), round(100 / item.pace_s_per_100m[0], 3))
    if item.power_w is not None and ftp:
        return Target("power", round(item.power_w[0] / ftp, 3), round(item.power_w[1] / ftp, 3))
    if item.power_w is not None:
        return Target("power_w", item.power_w[0], item.power_w[1])
    if item.hr_bpm is not None:
        return Target("heart_rate", item.hr_bpm[0], item.hr_bpm[1])
    return None


def _timed_items(item: Prescription, intensity: str, swim: bool, ftp: int | None = None) -> Item:
    sides = 2 if item.per_side else 1
    work = item.duration_s * sides
    distance = item.distance_m if swim and item.distance_m else None
    name = f"{item.name}{w('each_side_suffix') if sides == 2 else ''}"
    step = Step(name, intensity, work, distance, item.rpe, item.notes, item_target(item, ftp))
    sets = item.sets or 1
    if sets > 1:
        rest = Step(item.name, "rest", item.rest_s or 0, None, None, "") if item.rest_s else None
        return Repeat(sets, (step, rest) if rest else (step,))
    return step


def _block_items(block: Block, swim: bool, ftp: int | None = None) -> list[Item]:
    intensity = _intensity(block)
    budget = block.minutes * 60
    timed = [_timed_items(i, intensity, swim, ftp) for i in block.items if _timed(i)]
    untimed = [i for i in block.items if not _timed(i)]
    left = budget - sum(t.seconds for t in timed)
    shares: list[int] = []
    if untimed:
        naturals = [_natural_seconds(i) for i in untimed]
        total = sum(naturals)
        share_budget = max(left, len(untimed) * _MIN_UNTIMED_S)
        shares = [max(_MIN_UNTIMED_S, share_budget * n // total) for n in naturals]
        shares[-1] += share_budget - sum(shares)
        if shares[-1] < _MIN_UNTIMED_S:
            shares[-1] = _MIN_UNTIMED_S
    items: list[Item] = []
    timed_iter = iter(timed)
    share_iter = iter(shares)
    for prescription in block.items:
        if _timed(prescription):
            items.append(next(timed_iter))
        else:
            items.append(
                Step(_label(prescription), intensity, next(share_iter), None, prescription.rpe, prescription.notes)
            )
    return _fit_budget(items, budget, intensity)


def _fit_budget(items: list[Item], budget: int, intensity: str) -> list[Item]:
    """Make the block last exactly its minutes: fill with an easy step, or trim the longest
    continuous step (never a repeat, whose work is the point)."""
    used = sum(i.seconds for i in items)
    if used < budget:
        filler = "recovery" if intensity == "active" else intensity
        return [*items, Step(w("filler"), filler, budget - used, None, None, "")]
    return _trim(items, used - budget)


def _trim(items: list[Item], over: int) -> list[Item]:
    """Take `over` seconds off the longest single steps, none below the minimum."""
    items = list(items)
    while over > 0:
        singles = [k for k, i in enumerate(items) if isinstance(i, Step) and i.seconds > _MIN_UNTIMED_S]
        if not singles:
            break
        k = max(singles, key=lambda j: items[j].seconds)
        step = items[k]
        assert isinstance(step, Step)
        cut = min(over, step.seconds - _MIN_UNTIMED_S)
        distance = step.distance_m
        if distance:
            # Whole lengths of the pool: a watch counts lengths, not metres.
            lengths = round(distance * (step.seconds - cut) / step.seconds / POOL_LENGTH_M)
            distance = max(1, lengths) * POOL_LENGTH_M
        items[k] = Step(step.name, step.intensity, step.seconds - cut, distance, step.rpe, step.notes, step.target)
        over -= cut
    return items


def session_steps(plan: Plan, session: Session) -> list[Item]:
    """The session's steps in order: warm-up, work (with repeat groups), cool-down."""
    check_exportable(plan)
    swim = plan.profile.activity == "swimming"
    items: list[Item] = []
    for block in session.blocks:
        items.extend(_block_items(block, swim, plan.profile.ftp_watts))
    # A block of repeats alone can overrun its minutes; the other blocks give the time back.
    return _trim(items, flat_seconds(items) - session.minutes * 60)


def flat_seconds(items: list[Item]) -> int:
    """The whole workout's time, repeats counted out."""
    return sum(i.seconds for i in items)


def _clock(seconds: int) -> str:
    minutes, secs = divmod(seconds, 60)
    return f"{minutes}:{secs:02d}"


# Speed targets read as paces: (metres a pace is per, its unit word) by (swim, units).
_PACE_PER = {(False, "metric"): (1000, "pace_km"), (False, "imperial"): (1609.344, "pace_mi"),
             (True, "metric"): (100, "pace_100m"), (True, "imperial"): (91.44, "pace_100yd")}


def _step_text(step: Step, swim: bool = False, units: str = "metric") -> str:
    amount = w("distance", metres=step.distance_m) if step.distance_m else _clock(step.seconds)
    effort = w("effort_rpe", rpe=step.rpe) if step.rpe is not None else ""
    if step.target is not None and step.target.kind == "speed":
        metres, unit = _PACE_PER[(swim, units)]
        slow, fast = (_clock(round(metres / v)) for v in (step.target.low, step.target.high))
        effort += w("effort_pace", low=fast, high=slow, unit=w(unit))
    elif step.target is not None:
        target = step.target
        scale = 100 if target.kind == "power" else 1
        effort += w(
            "effort_target", kind=words()["target"][target.kind], low=f"{round(target.low * scale, 1):g}",
            high=f"{round(target.high * scale, 1):g}",
        )
    intensity = words()["intensity"][step.intensity]
    return w("step_line", amount=amount, name=step.name, intensity=intensity, effort=effort)


def step_lines(items: list[Item], swim: bool = False, units: str = "metric") -> list[str]:
    """The steps as plain lines for a calendar description (the same steps the watch gets)."""
    lines = []
    for item in items:
        if isinstance(item, Repeat):
            inner = "; ".join(_step_text(s, swim, units) for s in item.steps)
            lines.append(w("repeat", times=item.times, steps=inner))
        else:
            lines.append(_step_text(item, swim, units))
    return lines
