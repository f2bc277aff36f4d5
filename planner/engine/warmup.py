"""Warm-ups and cool-downs fitted to the session: RAMP before, easy movement and stretches after.

Raise (easy version of the activity), then dynamic moves for the muscles the session works
(dynamic, not long static holds: Behm 2016), then a potentiation drill for harder sessions.
The cool-down eases off, then holds static stretches for every major muscle the main block
worked (invariant 1), the inner thigh always included where the plan cares for it.
"""

from __future__ import annotations

import math
from collections.abc import Iterable

from . import rules as R
from ..library.catalog import ExerciseLibrary
from ..models import Block, Exercise, Prescription, Profile
from .select import Slot, choose, cover_muscles, usable_ranked
from .slots import first_choice, raise_slots
from .sessions import round_down
from .timing import block_seconds, prescription_seconds
from ..vocab import ENDURANCE_ACTIVITIES, STRETCHED_MUSCLES
from .words import say

DYNAMIC_REPS = 10
MAX_RAISE_S = 10 * 60


def _item(ex: Exercise, note: str = "", **dose: int | None) -> Prescription:
    return Prescription(
        exercise_id=ex.id,
        name=ex.name,
        per_side=ex.per_side,
        notes=note,
        **{k: v for k, v in dose.items() if v is not None},
    )


def build_warmup(
    library: ExerciseLibrary,
    profile: Profile,
    activity: str,
    worked: Iterable[str],
    minutes: int,
    *,
    hard: bool,
    rotation: int,
) -> Block:
    """Fill `minutes` with raise + dynamic (+ potentiate when the session is hard).

    An easy or long endurance session warms up in the activity itself (5-10 min easy, no drills:
    the drills and strides are for quality sessions). Dry-land moves come before the bike or the
    pool, never between lengths. From 65, balance moves join the warm-up (WHO 2020)."""
    worked_set = set(worked)
    total_s = minutes * 60
    raise_choice = _raise_choice(library, profile, activity, hard, rotation)
    assert raise_choice is not None
    balance = balance_items(library, profile, rotation, total_s - 120)
    balance_s = sum(prescription_seconds(i) for i in balance)
    if activity in ENDURANCE_ACTIVITIES and not hard:
        raise_s = max(60, round_down(total_s - balance_s - 15))
        first = _item(raise_choice.exercise, raise_choice.note or say("items.raise_easy"), duration_s=raise_s, rpe=3)
        # Balance on dry land: before the pool or the bike, after a walk or run.
        items = [*balance, first] if activity in DRY_LAND_FIRST else [first, *balance]
        return Block(kind="warmup", minutes=minutes, items=items)
    total_s -= balance_s
    # Dynamic moves: those that move the worked muscles first; a few of them.
    want = 2 if minutes < 6 else (3 if minutes < 10 else (4 if minutes < 13 else 6))
    picked = usable_ranked(
        library, profile, Slot(("warmup",), pattern="dynamic", activity=activity), worked_set
    )
    if len(picked) > want:
        shift = rotation % (len(picked) - want + 1)
        picked = picked[:want - 1] + picked[want - 1 + shift:want + shift]
    items: list[Prescription] = []
    dynamic_items = [_item(ex, reps=_reps(ex), sets=1) for ex in picked]
    potentiate: list[Prescription] = []
    if hard:
        # A sharpening drill for the muscles about to work (pogo hops before a push day help no one).
        drills = usable_ranked(
            library, profile, Slot(("warmup",), pattern="potentiate", activity=activity), worked_set
        )
        if drills:
            ex = drills[0]
            dose = ex.dose.get(profile.level)
            by_reps = bool(dose and dose.reps and not dose.duration_s)
            potentiate.append(_item(ex, sets=(dose.sets if dose and dose.sets else 4),
                                    duration_s=None if by_reps else (dose.duration_s if dose and dose.duration_s else 15),
                                    reps=dose.reps if by_reps and dose else None,
                                    rest_s=(dose.rest_s if dose and dose.rest_s is not None else 45)))
    rest_s = sum(prescription_seconds(i) for i in dynamic_items + potentiate)
    # Drop extras until the raise still gets its time: five minutes when the warm-up has ten
    # or more (RAMP starts with 5-10 minutes of easy movement), two in a short one.
    min_raise = 300 if minutes >= 10 else 120
    while len(dynamic_items) > 2 and total_s - rest_s < min_raise:
        rest_s -= prescription_seconds(dynamic_items.pop())
    while dynamic_items and total_s - rest_s < 120:
        dropped = dynamic_items.pop()
        rest_s -= prescription_seconds(dropped)
    if potentiate and total_s - rest_s < 120:
        rest_s -= prescription_seconds(potentiate.pop())
    # RAMP: 5-10 minutes of raising is plenty; a longer warm-up adds a second round of the
    # dynamic moves rather than a quarter of an hour of jumping jacks.
    if total_s - rest_s - 15 > MAX_RAISE_S and dynamic_items:
        dynamic_items = [p.model_copy(update={"sets": 2}) for p in dynamic_items]
        rest_s = sum(prescription_seconds(i) for i in dynamic_items + potentiate)
    raise_s = max(60, round_down(min(MAX_RAISE_S, total_s - rest_s - 15)))
    raise_item = _item(raise_choice.exercise, raise_choice.note or say("items.raise"), duration_s=raise_s, rpe=3)
    if activity in DRY_LAND_FIRST:
        # On land first, then into the pool or onto the bike: nothing dry between lengths.
        items.extend(dynamic_items)
        items.extend(balance)
        items.append(raise_item)
    else:
        items.append(raise_item)
        items.extend(dynamic_items)
        items.extend(balance)
    items.extend(potentiate)
    return Block(kind="warmup", minutes=minutes, items=items)


# Activities whose warm-up moves on land come before the activity starts.
DRY_LAND_FIRST = frozenset({"swimming", "cycling"})
BALANCE_MOVES = 2


def _raise_choice(library: ExerciseLibrary, profile: Profile, activity: str, hard: bool, rotation: int):
    """The easy start: the activity itself; a beginner runner's run-walk starts with a brisk
    walk, as Couch to 5K does."""
    if activity == "running" and profile.level == "beginner" and not hard:
        walk = first_choice(library, profile, [Slot(("warmup",), pattern="raise", activity="walking")],
                            rotation=0, required=False)
        if walk is not None and activity in walk.exercise.activities:
            return walk
    return first_choice(library, profile, raise_slots(activity), rotation=rotation)


def needs_balance_warmup(profile: Profile) -> bool:
    """From 65, every session of a walking, general or other endurance plan holds balance work
    (WHO 2020: balance on 3+ days a week to prevent falls); lifting days hold it as a station."""
    return profile.age is not None and profile.age >= R.BALANCE_AGE and profile.activity != "strength"


def balance_items(library: ExerciseLibrary, profile: Profile, rotation: int, room_s: int) -> list[Prescription]:
    """Two balance moves by a counter or rail, within `room_s` of the warm-up."""
    if not needs_balance_warmup(profile) or room_s <= 0:
        return []
    picked = usable_ranked(library, profile, Slot(("balance",), pattern="balance"), set())
    if not picked:
        return []
    start = rotation % len(picked)
    out: list[Prescription] = []
    for ex in (picked[start:] + picked[:start])[:BALANCE_MOVES]:
        dose = ex.dose.get(profile.level) or next(iter(ex.dose.values()), None)
        item = _item(ex, say("items.balance"), sets=1,
                     reps=dose.reps if dose and dose.reps else None,
                     hold_s=dose.hold_s if dose and dose.hold_s else None,
                     duration_s=dose.duration_s if dose and dose.duration_s and not dose.hold_s else None)
        if item.reps is None and item.hold_s is None and item.duration_s is None:
            item = item.model_copy(update={"hold_s": 20})
        if sum(prescription_seconds(i) for i in out) + prescription_seconds(item) > room_s:
            break
        out.append(item)
    return out


def _reps(ex: Exercise) -> int:
    return DYNAMIC_REPS


def stretches_for(
    library: ExerciseLibrary, profile: Profile, worked: Iterable[str], *, adductors: bool, rotation: int
) -> list[Exercise]:
    """The stretches a cool-down needs: every major worked muscle, inner thigh when asked."""
    needed = [m for m in sorted(set(worked)) if m in STRETCHED_MUSCLES]
    if adductors and "adductors" not in needed:
        needed.insert(0, "adductors")
    chosen = cover_muscles(library, profile, needed, rotation=rotation)
    if adductors and not any("adductors" in ex.primary_muscles for ex in chosen):
        found = choose(library, profile, Slot(("stretch",), muscle="adductors"), rotation=rotation, required=False)
        if found is not None:
            chosen.insert(0, found.exercise)
    return chosen


def stretch_prescriptions(profile: Profile, stretches: list[Exercise], *, lifting: bool = False) -> list[Prescription]:
    """Holds by age and level; one hold per stretch after a run, ride, swim or walk (the
    cool-down is a few minutes, not a quarter of the session); after lifting one shorter hold
    per stretch (rules.LIFTING_*)."""
    hold = R.stretch_hold_s(profile.age, profile.level)
    sets = 1 if profile.session_minutes < 30 or profile.activity in ENDURANCE_ACTIVITIES else 2
    if lifting:
        hold, sets = min(hold, R.LIFTING_STRETCH_HOLD_MAX_S), R.LIFTING_STRETCH_SETS
    out = []
    for ex in stretches:
        dose = ex.dose.get(profile.level)
        n = sets if not (dose and dose.sets) else min(sets, dose.sets) if sets == 1 else max(sets, 2)
        out.append(_item(ex, sets=n, hold_s=hold))
    return out


def cooldown_minutes_needed(
    profile: Profile, stretches: list[Prescription], *, lifting: bool = False, minutes: int | None = None
) -> int:
    """At least the default cool-down (for a session of `minutes`, default the profile's);
    longer when the stretches need it (+1 minute easy)."""
    stretch_s = sum(prescription_seconds(p) for p in stretches)
    length = minutes or profile.session_minutes
    if lifting:
        least = R.lifting_cooldown_minutes(length)
    elif profile.activity in ENDURANCE_ACTIVITIES:
        least = R.endurance_cooldown_minutes(length)
    else:
        least = R.cooldown_minutes(length)
    return max(least, math.ceil((stretch_s + 60) / 60))


def build_cooldown(
    library: ExerciseLibrary,
    profile: Profile,
    activity: str,
    stretches: list[Prescription],
    minutes: int,
    *,
    rotation: int,
) -> Block:
    stretch_s = sum(prescription_seconds(p) for p in stretches)
    easy_s = minutes * 60 - stretch_s - 15
    items: list[Prescription] = []
    easy = first_choice(
        library,
        profile,
        [Slot(("cardio", "recovery", "warmup"), pattern="cooldown", activity=activity),
         Slot(("cardio", "recovery", "warmup"), pattern="cooldown")],
        rotation=rotation,
        required=False,
    )
    if easy is None:
        # A library without cool-down entries (free-exercise-db): ease off in the activity itself.
        easy = first_choice(library, profile, raise_slots(activity), rotation=rotation, required=False)
    extra: list[Prescription] = []
    if easy_s > 300:
        # Time to spare: stretch the other big muscle groups too rather than walk for ages.
        covered = {m for p in stretches if (ex := library.get(p.exercise_id)) for m in ex.muscles}
        hold = stretches[0].hold_s if stretches else R.stretch_hold_s(profile.age, profile.level)
        sets = stretches[0].sets if stretches else 1
        others = [m for m in sorted(STRETCHED_MUSCLES) if m not in covered]
        for ex in cover_muscles(library, profile, others, rotation=rotation, strict=False):
            item = _item(ex, sets=sets, hold_s=hold)
            if easy_s - prescription_seconds(item) < 180:
                break
            extra.append(item)
            easy_s -= prescription_seconds(item)
    if easy is not None and easy_s >= 45:
        items.append(_item(easy.exercise, say("items.cooldown"), duration_s=round_down(easy_s), rpe=2))
    items.extend(stretches)
    items.extend(extra)
    block = Block(kind="cooldown", minutes=minutes, items=items)
    assert block_seconds(block) <= minutes * 60 + 60, "cool-down overflows its minutes"
    return block
