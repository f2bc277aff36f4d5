"""Swim sessions as a coach writes them: drills, a main set by distance with rests, kick and
pull sets; a novice swims lengths with rests, never one continuous 200 m (issue 11).

Pure: the numbers live in rules (SWIM_*); this module turns a block's seconds into sets. A
shoulder limitation changes the water work itself: shorter reps, more kick, no pull buoy, and
hard efforts (RPE 8+) done as kick rather than stroke.
"""

from __future__ import annotations

from dataclasses import dataclass

from . import rules as R
from ..models import Exercise, Prescription, Profile
from .timing import prescription_seconds
from .words import say


@dataclass(frozen=True)
class SwimKit:
    """The exercises a swim session draws on (any of drill/kick may be missing in a library)."""

    swim: Exercise  # the session's stroke work (easy, long, tempo or interval swim)
    easy: Exercise  # easy swimming, for the pull set and an easy finish
    drill: Exercise | None = None
    kick: Exercise | None = None


def shoulder(profile: Profile) -> bool:
    return "shoulder" in profile.limitations


def rep_seconds(profile: Profile, metres: int, factor: float) -> int:
    """Time a rep takes at the level's easy pace scaled by `factor` (5-s steps)."""
    pace = R.LEVEL_RULES[profile.level].swim_pace_s_per_100m
    return max(10, round(metres / 100 * pace * factor / 5) * 5)


def _set(ex: Exercise, profile: Profile, reps: int, metres: int, factor: float, rest: int, rpe: int,
         note: str) -> Prescription:
    return Prescription(exercise_id=ex.id, name=ex.name, sets=reps, distance_m=metres,
                        duration_s=rep_seconds(profile, metres, factor), rest_s=rest if reps > 1 else None,
                        rpe=rpe, notes=note)


def _fill(ex: Exercise, profile: Profile, room_s: int, metres: int, factor: float, rest: int, rpe: int,
          note: str, most: int | None = None) -> Prescription | None:
    """As many reps of `metres` as `room_s` holds (down to 25 m reps when even one does not)."""
    while True:
        each = rep_seconds(profile, metres, factor)
        reps = (room_s - 15 + rest) // (each + rest)
        if most is not None:
            reps = min(reps, most)
        if reps >= 1 or metres <= 25:
            break
        metres = max(25, metres // 2 // 25 * 25)
    if reps < 1:
        return None
    return _set(ex, profile, int(reps), metres, factor, rest, rpe, note)


def _technique(kit: SwimKit, profile: Profile, block_s: int, kind: str) -> list[Prescription]:
    """Drills (and kick for easy and long swims) in the water, at most a third of the block."""
    rules = R.SWIM_TECHNIQUE[profile.level]
    reps, metres = rules
    kick_reps = reps * (2 if shoulder(profile) else 1)
    out = []
    if kit.drill is not None:
        out.append(_set(kit.drill, profile, reps, metres, R.SWIM_DRILL_FACTOR, R.SWIM_SHORT_REST_S, 3,
                        say("items.swim_drills")))
    if kit.kick is not None and (kind in ("easy", "long") or shoulder(profile)):
        out.append(_set(kit.kick, profile, kick_reps, metres, R.SWIM_KICK_FACTOR, R.SWIM_SHORT_REST_S, 4,
                        say("items.swim_kick")))
    budget = block_s * R.SWIM_TECHNIQUE_SHARE
    while out and sum(prescription_seconds(p) for p in out) > budget:
        longest = max(range(len(out)), key=lambda i: (out[i].sets or 1))
        item = out[longest]
        if (item.sets or 1) > 2:
            out[longest] = item.model_copy(update={"sets": (item.sets or 1) - 1})
        elif (item.distance_m or 25) > 25:
            factor = (item.duration_s or 0) / max(1, rep_seconds(profile, item.distance_m or 25, 1.0))
            out[longest] = item.model_copy(update={"distance_m": 25, "duration_s": rep_seconds(profile, 25, factor)})
        elif len(out) > 1 or block_s < R.SWIM_TECHNIQUE_MIN_BLOCK_S:
            # A shoulder keeps its kick; everyone else keeps the drills.
            out.pop(0 if shoulder(profile) else -1)
        else:
            break  # one short set of drills or kick stays in every swim
    return out


def swim_main(kit: SwimKit, profile: Profile, kind: str, block_s: int, rpe: int, stage: int,
              easy_rpe: int) -> list[Prescription]:
    """The main block of a swim session of `block_s` seconds."""
    level = profile.level
    hurt = shoulder(profile)
    items = _technique(kit, profile, block_s, kind)
    used = sum(prescription_seconds(p) for p in items)
    if kind in ("tempo", "intervals"):
        hard = kind == "intervals"
        metres, start, cap_s = (R.SWIM_INTERVAL if hard else R.SWIM_TEMPO)[level]
        if hurt:
            metres = min(metres, R.SWIM_SHOULDER_MAX_REP_M)
        rest = R.SWIM_INTERVAL_REST_S if hard else R.SWIM_TEMPO_REST_S
        factor = R.SWIM_INTERVAL_FACTOR if hard else R.SWIM_TEMPO_FACTOR
        ex, note = kit.swim, say("items.swim_intervals" if hard else "items.swim_tempo")
        if hurt and rpe >= R.SWIM_SHOULDER_STROKE_RPE_MAX + 1 and kit.kick is not None:
            # Hard efforts as kick: the legs work at RPE 8, the shoulder does not.
            ex, factor, note = kit.kick, R.SWIM_KICK_FACTOR * 0.85, say("items.swim_kick_hard")
        each = rep_seconds(profile, metres, factor)
        most = max(1, min(start + stage // 2, cap_s // each))
        main = _fill(ex, profile, block_s - used, metres, factor, rest, rpe, note, most=most)
    else:
        metres = R.SWIM_EASY_REP_M[level][kind == "long"]
        if level == "beginner":
            ladder = R.SWIM_NOVICE_REP_M
            metres = ladder[min(stage, len(ladder) - 1)]
        if hurt:
            metres = min(metres, R.SWIM_SHOULDER_MAX_REP_M)
        rest = R.SWIM_NOVICE_REST_S if level == "beginner" else R.SWIM_EASY_REST_S
        pull = []
        if level != "beginner" and not hurt and kind == "easy":
            pull = [_set(kit.easy, profile, 4, 100, 1.0, R.SWIM_SHORT_REST_S, easy_rpe, say("items.swim_pull"))]
            if sum(prescription_seconds(p) for p in pull) > (block_s - used) * 0.3:
                pull = []
        used += sum(prescription_seconds(p) for p in pull)
        words = say("items.swim_long" if kind == "long" else "items.swim_easy")
        if hurt:
            words = f"{words}; {say('items.swim_shoulder')}"
        main = _fill(kit.swim, profile, block_s - used, metres, 1.0, rest, rpe, words)
        items = items[:1] + ([main] if main else []) + items[1:] + pull
        return items
    out = items + ([main] if main else [])
    spare = block_s - sum(prescription_seconds(p) for p in out) - 15
    if spare >= 120:
        finish = _fill(kit.easy, profile, spare, 100, 1.0, R.SWIM_SHORT_REST_S, easy_rpe, say("items.easy_finish"))
        if finish is not None:
            out.append(finish)
    return out
