"""Personal targets on a built plan: a pass over the main blocks, after every session is made.

A pass of its own (rather than inside the session builders) so the session content and the
zones stay independent: whatever a builder writes, a main-block endurance line whose effort
maps to a zone gets that zone's numbers beside its RPE. The RPE stays the prescription;
the numbers translate it for this person. Without the inputs nothing changes.

Which lines: main-block lines of an exercise in the `cardio` category that trains the plan's
activity, other than technique drills and cool-downs, with an RPE. Pace targets leave out
hill work (pace on a hill says nothing) and heart-rate targets leave out reps under 3 minutes
(the heart lags behind short efforts; their pace or power carries them). The race itself
gets the pace the recent race predicts for the event distance, and no heart-rate target.
"""

from __future__ import annotations

from ..library.catalog import ExerciseLibrary
from ..models import Block, Prescription, Profile, Session, Week
from .race import RACE_KIND
from .zones import Zone, Zones, profile_zones

# RPE (1-10) -> zone key, one table per kind of target: the plan's one effort scale
# (easy and long at most 5, tempo/threshold 6-7, intervals 7+).
PACE_BY_RPE = ("E", "E", "E", "E", "E", "T", "T", "I", "R", "R")
HR_BY_RPE = ("Z1", "Z1", "Z2", "Z2", "Z2", "Z4", "Z4", "Z5", "Z5", "Z5")
POWER_BY_RPE = ("Z1", "Z1", "Z2", "Z2", "Z2", "Z3", "Z4", "Z5", "Z6", "Z6")
SWIM_BY_RPE = ("easy", "easy", "easy", "endurance", "endurance", "threshold", "threshold", "fast", "fast", "fast")
NO_TARGET_PATTERNS = ("technique", "cooldown")
RUN_FLOOR_RPE = {"tempo": 6, "intervals": 7}  # running only: the lowest RPE these runs map from
MIN_HR_REP_S = 180
RACE_PACE_SPREAD_S = 3  # the race pace as a band of +-3 s a km


def _target_line(library: ExerciseLibrary, profile: Profile, item: Prescription) -> bool:
    ex = library.get(item.exercise_id)
    return (item.rpe is not None and ex is not None and ex.category == "cardio"
            and ex.pattern not in NO_TARGET_PATTERNS and profile.activity in ex.activities)


def _pair(zone: Zone | None) -> tuple[int, int] | None:
    return (zone.low, zone.high) if zone is not None else None


def item_targets(zones: Zones, item: Prescription, kind: str, pattern: str | None = None) -> dict[str, object]:
    """The target fields of one line (empty when no zone applies); `kind` is the session's,
    `pattern` the exercise's. A tempo or interval run is run at T or I pace whatever RPE it
    carries (Daniels names these runs by their pace), so its numbers never read as easy."""
    rpe = item.rpe or 1
    if pattern in RUN_FLOOR_RPE:
        rpe = max(rpe, RUN_FLOOR_RPE[pattern])
    values: dict[str, object] = {}
    if kind == RACE_KIND:
        if zones.race_pace is not None:
            pace = zones.race_pace
            values.update(zone="race", pace_s_per_km=(pace - RACE_PACE_SPREAD_S, pace + RACE_PACE_SPREAD_S))
        return values
    key = PACE_BY_RPE[rpe - 1]
    if kind == "intervals" and key == "T" and rpe >= 7:
        key = "I"  # RPE 7 reps are interval work, RPE 7 continuous running is threshold
    pace = zones.find("s_per_km", key) if "hill" not in item.exercise_id else None
    if pace is not None:
        values.update(zone=key, pace_s_per_km=_pair(pace))
    rep = (item.duration_s or 0) * (2 if item.per_side else 1)
    if rep >= MIN_HR_REP_S or (item.duration_s is None and item.distance_m is not None):
        heart = zones.find("bpm", "Z5" if key in ("I", "R") else HR_BY_RPE[rpe - 1])
        if heart is not None:
            values.update(hr_bpm=_pair(heart))
            values.setdefault("zone", heart.key)
    power = zones.find("w", POWER_BY_RPE[rpe - 1])
    if power is not None:
        values.update(zone=power.key, power_w=_pair(power))
    swim = zones.find("s_per_100m", SWIM_BY_RPE[rpe - 1])
    if swim is not None:
        values.update(zone=swim.key, pace_s_per_100m=_pair(swim))
    return values


def _block(library: ExerciseLibrary, profile: Profile, zones: Zones, block: Block, kind: str) -> Block:
    if block.kind != "main":
        return block
    items = []
    for item in block.items:
        ex = library.get(item.exercise_id)
        pattern = ex.pattern if ex is not None and profile.activity == "running" else None
        values = item_targets(zones, item, kind, pattern) if _target_line(library, profile, item) else {}
        items.append(item.model_copy(update=values) if values else item)
    return block.model_copy(update={"items": items})


def _session(library: ExerciseLibrary, profile: Profile, zones: Zones, session: Session) -> Session:
    blocks = [_block(library, profile, zones, b, session.kind) for b in session.blocks]
    return session.model_copy(update={"blocks": blocks})


def add_targets(weeks: list[Week], profile: Profile, library: ExerciseLibrary) -> list[Week]:
    """The weeks with personal targets on their main endurance lines; the same weeks (the
    same objects) when the profile gives no zone inputs, so plans without them are unchanged."""
    zones = profile_zones(profile)
    if not zones.any:
        return weeks
    return [w.model_copy(update={"sessions": [_session(library, profile, zones, s) for s in w.sessions]})
            for w in weeks]
