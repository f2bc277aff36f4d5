"""The main block of each kind of session, fitted to the minutes the progression allows.

Endurance: one continuous effort, tempo blocks, intervals or walk-run stages.
Strength: sets x reps with a reps-in-reserve target and double progression (reps climb through
the block of weeks; at the top of the range the load goes up and reps start again).
General: circuits of strength stations and cardio bursts, or easy cardio.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from . import rules as R
from ..library.catalog import ExerciseLibrary
from ..models import Block, Exercise, Prescription, Profile
from .select import Choice, Slot, level_ok, ruled_out_by
from .slots import CARDIO, cardio_slots, first_choice, raise_slots, strength_slots
from .strength import choose_main, climb_bodyweight, main_indexes, strength_item
from .strength import strength_main as _strength_main
from . import runwalk
from .swim import SwimKit, swim_main
from .timing import prescription_seconds
from .words import say

ACCESSORY_REST_S = 45
# Hard interval work per session at most (about 20% of a polarised week sits in few sessions).
MAX_INTERVAL_WORK_S = {"beginner": 10 * 60, "intermediate": 16 * 60, "advanced": 24 * 60}
# Slots a session can do without when a library (bodyweight only, a foreign one) has nothing.
OPTIONAL_PATTERNS = frozenset({"calf", "carry", "glute", "abductor", "core", "balance", "mobility"})


def needs_balance(profile: Profile) -> bool:
    """ACSM older adults: balance work at least twice a week from 65; or asked for."""
    return (profile.age is not None and profile.age >= R.BALANCE_AGE) or "balance" in profile.focus


def accessory_slots(pattern: str) -> list[Slot]:
    """Balance and mobility work are what they are; no other exercise stands in for them."""
    if pattern == "balance":
        return [Slot(("balance", "strength"), pattern="balance")]
    if pattern == "mobility":
        return [Slot(("mobility",))]
    return strength_slots(pattern)


@dataclass(frozen=True)
class Menu:
    """The exercises a kind of session uses during one block of weeks."""

    cardio: Choice | None
    stations: tuple[Choice, ...]
    accessories: tuple[Choice, ...]
    easy: Choice | None = None  # the easy version of the activity, to finish an interval block
    mains: frozenset[str] = frozenset()  # the main lifts' ids (kept all plan, loads climb on them)

    @property
    def required(self) -> set[str]:
        """Accessories the plan promises every week (inner-thigh strength)."""
        return {c.exercise.id for c in self.accessories if "adductors" in c.exercise.primary_muscles}

    @property
    def muscles(self) -> set[str]:
        chosen = [c for c in (self.cardio, *self.stations, *self.accessories) if c is not None]
        return {m for c in chosen for m in c.exercise.primary_muscles}


def build_menu(
    library: ExerciseLibrary,
    profile: Profile,
    kind: str,
    cycle: int,
    accessory_patterns: tuple[str, ...],
) -> Menu:
    activity = profile.activity
    used: set[str] = set()
    accessories = []
    for pattern in accessory_patterns:
        found = first_choice(library, profile, accessory_slots(pattern), rotation=0, exclude=used,
                             required=pattern not in ("balance", "mobility"))
        if found is None:
            continue
        found = progress_along_chain(library, profile, found, cycle)
        used.add(found.exercise.id)
        accessories.append(found)
    if kind in R.STRENGTH_SPLITS or kind == "circuit":
        patterns = R.STRENGTH_SPLITS.get(kind, R.CIRCUIT_SLOTS)
        if needs_balance(profile) and "balance" not in accessory_patterns:
            # Older adults (and a balance focus): balance work in every lifting session.
            patterns = (patterns[0], "balance", *patterns[1:])
        circuit = kind == "circuit"
        # Circuits never take barbell or machine stations: impossible to set up at speed.
        banned = {ex.id for ex in library.in_categories(("strength",))
                  if circuit and ex.needs & R.CIRCUIT_FORBIDDEN_EQUIPMENT}
        stations = []
        mains: set[str] = set()
        main_at = main_indexes(patterns, kind)
        for i, slot in enumerate(patterns):
            # "push:chest": a push whose primary muscles hold the chest (balances the week).
            pattern, _, muscle = slot.partition(":")
            found = None
            if i in main_at:
                found = choose_main(library, profile, pattern, used, circuit=circuit)
                if found is not None:
                    found = climb_bodyweight(library, profile, found, cycle)
                    mains.add(found.exercise.id)
            if found is None:
                slots = accessory_slots(pattern)
                if muscle:
                    slots = [Slot(("strength",), pattern=pattern, muscle=muscle), *slots]
                found = first_choice(library, profile, slots, rotation=cycle,
                                     exclude=used | banned, required=pattern not in OPTIONAL_PATTERNS)
            if found is None:
                continue
            used.add(found.exercise.id)
            stations.append(found)
        cardio = None
        if kind == "circuit":
            cardio = first_choice(
                library, profile,
                [Slot(CARDIO, pattern="intervals", activity="general"), Slot(("cardio", "plyometric"))],
                rotation=cycle,
            )
        # Accessories lead so the time limit never trims what the profile asked for.
        return Menu(cardio, tuple(accessories) + tuple(stations), (), mains=frozenset(mains))
    if kind == "recovery":
        cardio = first_choice(library, profile, raise_slots("strength"), rotation=cycle)
        mobility = first_choice(library, profile, [Slot(("mobility",)), Slot(("stretch",))], rotation=cycle)
        stations = (mobility,) if mobility is not None else ()
        return Menu(cardio, stations, tuple(accessories))
    pattern = {"walk-run": "walk-run"}.get(kind, kind)
    cardio_activity = "general" if activity == "general" else activity
    cardio = first_choice(library, profile, cardio_slots(cardio_activity, pattern), rotation=cycle)
    easy = None
    if kind in ("intervals", "tempo") or activity == "swimming":
        easy = first_choice(library, profile, cardio_slots(cardio_activity, "easy"), required=False)
    stations: tuple[Choice, ...] = ()
    if activity == "swimming":
        # Drills and kick in the water: stroke-work technique, then a legs-only set.
        drill = first_choice(library, profile, [Slot(CARDIO, pattern="technique", activity=activity,
                                                     muscle="lats")], required=False)
        kick = first_choice(library, profile, [Slot(CARDIO, pattern="technique", activity=activity,
                                                    muscle="quadriceps")], required=False)
        if drill is not None and kick is not None:
            stations = (drill, kick)
    return Menu(cardio, stations, tuple(accessories), easy)


# Steps up from the easiest variant where each level starts a chain.
CHAIN_START = {"beginner": 0, "intermediate": 2, "advanced": 2}


def progress_along_chain(library: ExerciseLibrary, profile: Profile, choice: Choice, cycle: int) -> Choice:
    """Accessory work climbs its chain block by block: from the easiest usable regression
    (a few steps up for trained people), one progression step per block of weeks, never past
    what the level or the profile allows (pillow squeeze -> side-lying lift -> Copenhagen
    short lever -> long lever)."""
    def usable(ident: str | None) -> Exercise | None:
        ex = library.get(ident) if ident else None
        if ex is None or ruled_out_by(ex, profile) or ex.category != choice.exercise.category:
            return None
        if profile.level != "advanced" and not level_ok(ex, profile.level):
            return None
        return ex

    current = choice.exercise
    seen = {current.id}
    while (easier := usable(current.regression)) is not None and easier.id not in seen:
        current = easier
        seen.add(current.id)
    seen = {current.id}
    for _ in range(CHAIN_START[profile.level] + cycle):
        harder = usable(current.progression)
        if harder is None or harder.id in seen:
            break
        current = harder
        seen.add(current.id)
    if current.id == choice.exercise.id:
        return choice
    return Choice(current)


def _dose(ex: Exercise, level: str):
    return ex.dose.get(level) or next(iter(ex.dose.values()), None)


def _strength_item(
    choice: Choice, profile: Profile, sets: int, reps: int, rir: int, rpe: int, rest_s: int, note: str = ""
) -> Prescription:
    return strength_item(choice, profile, sets, reps, rir, rest_s, note)


def strength_main(
    menu: Menu, profile: Profile, minutes: int, rpe: int, *, week_in_cycle: int, cycle_length: int,
    deload: bool, cycle: int = 0, week_number: int = 0, day: str | None = None, test: bool = False,
) -> Block:
    """Lifting sessions: see strength.strength_main (main lifts, double progression, loads)."""
    return _strength_main(menu.stations, menu.mains, profile, minutes, week_in_cycle=week_in_cycle,
                          cycle_length=cycle_length, deload=deload, cycle=cycle, week_number=week_number,
                          day=day, test=test)


CIRCUIT_MAX_ROUNDS = {"beginner": 3, "intermediate": 4, "advanced": 5}


def main_capacity_s(menu: Menu, profile: Profile, kind: str) -> int | None:
    """The most main work a lifting or circuit session can hold at the top of its sets or
    rounds; None where the work stretches to any length (a run, a ride)."""
    rules = R.LEVEL_RULES[profile.level]
    if kind in R.STRENGTH_SPLITS:
        chosen = [
            (c, rules.sets_max, rules.rest_compound_s if i < 2 else rules.rest_accessory_s)
            for i, c in enumerate(menu.stations)
        ]
        return _strength_seconds(chosen, profile, rules.rep_low, rules.rir, 0)
    if kind == "circuit":
        stations = len(menu.stations) + (1 if menu.cardio is not None else 0)
        rounds = CIRCUIT_MAX_ROUNDS[profile.level]
        work = rules.circuit_work_s + rules.circuit_rest_s
        return rounds * stations * work + (rounds - 1) * 60 + stations * 15
    return None


def _needs_of(menu: Menu, exercise_id: str) -> frozenset[str]:
    for c in menu.stations:
        if c.exercise.id == exercise_id:
            return c.exercise.needs
    return frozenset()


def _strength_items(chosen, profile, reps, rir, rpe) -> list[Prescription]:
    return [_strength_item(c, profile, s, reps, rir, rpe, rest) for c, s, rest in chosen]


def _strength_seconds(chosen, profile, reps, rir, rpe) -> int:
    return sum(prescription_seconds(p) for p in _strength_items(chosen, profile, reps, rir, rpe))


def accessory_items(menu: Menu, profile: Profile) -> list[Prescription]:
    rules = R.LEVEL_RULES[profile.level]
    items = []
    for choice in menu.accessories:
        item = _strength_item(choice, profile, 2, rules.rep_low, rules.rir + 1, min(6, rules.strength_rpe),
                              ACCESSORY_REST_S, say("items.accessory"))
        if choice.exercise.category == "mobility" or choice.exercise.pattern == "balance":
            # Mobility and balance work are not sets to failure: no reps in reserve, easy effort.
            dose = _dose(choice.exercise, profile.level)
            item = item.model_copy(update={"rir": None, "rpe": 3, "reps": dose.reps if dose and dose.reps
                                           else item.reps})
        items.append(item)
    return items


def fit_accessories(
    items: list[Prescription], budget_s: int, required: set[str], keep_s: int = 180
) -> list[Prescription]:
    """Leave at least `keep_s` of the main work: drop optional accessories first, then go down
    to one set; inner-thigh work stays (the plan promises it every week)."""
    def used(xs: list[Prescription]) -> int:
        return sum(prescription_seconds(p) for p in xs)

    out = list(items)
    while used(out) > budget_s - keep_s:
        optional = [i for i, p in enumerate(out) if p.exercise_id not in required]
        if optional:
            out.pop(optional[-1])
            continue
        if any((p.sets or 1) > 1 for p in out):
            out = [p.model_copy(update={"sets": 1}) for p in out]
            continue
        break
    return out


def extra_minutes(extra: list[Prescription]) -> int:
    return math.ceil(sum(prescription_seconds(p) for p in extra) / 60)


def endurance_main(
    menu: Menu, profile: Profile, kind: str, minutes: int, rpe: int, *, stage_index: int,
    extra: list[Prescription] = (),  # type: ignore[assignment]
    shape_minutes: int | None = None,
) -> Block:
    """`minutes` of one kind of endurance work, then the week's accessory strength (`extra`,
    timed on top, so the endurance part is exactly what the progression planned)."""
    rules = R.LEVEL_RULES[profile.level]
    assert menu.cardio is not None
    ex = menu.cardio.exercise
    extra = list(extra)
    cardio_s = round_down(minutes * 60 - 15)
    note = menu.cardio.note
    swim = profile.activity == "swimming"

    def distance(seconds: int) -> int | None:
        if not swim:
            return None
        return max(25, round(seconds / rules.swim_pace_s_per_100m * 100 / 25) * 25)

    items: list[Prescription]
    if kind == "walk-run":
        # One shape for the whole week (fitted to its shortest run-walk block); spare time walks.
        shape = runwalk.fit(stage_index, round_down((shape_minutes or minutes) * 60 - 15),
                            knee="knee" in profile.limitations)
        runs = Prescription(
            exercise_id=ex.id, name=ex.name, sets=shape.repeats, duration_s=shape.run_s,
            rest_s=shape.walk_s or None, rpe=rpe + 1,
            notes=_join(note, say("items.walk_run", run=_mmss(shape.run_s), walk=_mmss(shape.walk_s))
                        if shape.walk_s else say("items.walk_run_nonstop", run=_mmss(shape.run_s))),
        )
        items = [runs]
        spare = round_down(cardio_s - prescription_seconds(runs))
        if spare >= 60:
            items.append(Prescription(
                exercise_id=ex.id, name=ex.name, duration_s=spare, rpe=rules.easy_rpe,
                notes=say("items.walk_run_finish"),
            ))
    elif swim and menu.cardio is not None:
        kit = SwimKit(swim=ex, easy=(menu.easy or menu.cardio).exercise,
                      drill=menu.stations[0].exercise if menu.stations else None,
                      kick=menu.stations[1].exercise if len(menu.stations) > 1 else None)
        items = swim_main(kit, profile, kind, cardio_s, rpe, stage_index, rules.easy_rpe)
    elif kind in ("tempo", "intervals"):
        reps, work, rest = quality_reps(profile, kind, cardio_s, stage_index)
        words = "items.intervals" if kind == "intervals" else (
            "items.sweet_spot" if profile.activity == "cycling" else "items.tempo")
        items = [Prescription(
            exercise_id=ex.id, name=ex.name, sets=reps, duration_s=work, rest_s=rest if reps > 1 else None,
            rpe=rpe, notes=_join(note, say(words), say("items.tempo_between") if reps > 1 and kind == "tempo" else "",
                                 say("items.knee_no_hills") if "knee" in profile.limitations
                                 and profile.activity in ("running", "walking") else ""),
        )]
        spare = round_down(cardio_s - reps * work - (reps - 1) * rest - 15)
        if spare >= 180:
            # Hard work has a ceiling per session; what is left of the block is easy.
            finish = menu.easy.exercise if menu.easy is not None else ex
            items.append(Prescription(
                exercise_id=finish.id, name=finish.name, duration_s=spare, rpe=rules.easy_rpe,
                notes=say("items.easy_finish"),
            ))
    else:
        words = say({"long": "items.long", "walk-run": "items.walk_run_continuous"}.get(kind, "items.easy"))
        if profile.activity == "walking":
            words = say("items.walk_long" if kind == "long" else "items.walk_brisk")
        items = [Prescription(
            exercise_id=ex.id, name=ex.name, duration_s=cardio_s, rpe=rpe, distance_m=distance(cardio_s),
            notes=_join(note, words),
        )]
    return Block(kind="main", minutes=minutes + extra_minutes(extra), items=items + extra)


def quality_reps(profile: Profile, kind: str, block_s: int, stage: int) -> tuple[int, int, int]:
    """(reps, work s, rest s) of a tempo or interval session: the step of its ladder for this
    build week (reps first, then length), stepped down until it fits the block, within the
    level's cap on hard work."""
    level = profile.level
    if kind == "tempo" and profile.activity != "cycling":
        # Cruise intervals (Daniels): T-pace reps with a minute's rest, one more every 2 weeks.
        work, rest = R.CRUISE_REP_S[level], R.CRUISE_REST_S
        most = R.MAX_TEMPO_WORK_S[level] // work
        reps = min(most, R.TEMPO_START_REPS + stage // 2)
        ladder = [(r, work) for r in range(reps, 0, -1)] + [(1, w) for w in range(work - 60, 59, -60)]
    else:
        steps = (R.SWEET_SPOT_LADDER if kind == "tempo" else R.INTERVAL_LADDER)[level]
        ladder = list(steps[:min(stage // 2, len(steps) - 1) + 1])[::-1]
        small = ladder[-1]
        ladder += [(r, small[1]) for r in range(small[0] - 1, 0, -1)]
    cap = R.MAX_TEMPO_WORK_S[level] if kind == "tempo" and profile.activity != "cycling" else (
        MAX_INTERVAL_WORK_S[level] if kind == "intervals" else 10**6)
    for reps, work in ladder:
        rest = _rest_for(kind, profile.activity, work)
        if reps * work <= cap and reps * work + (reps - 1) * rest + 15 <= block_s:
            return reps, work, rest
    work = max(30, min(block_s - 15, ladder[-1][1]) // 30 * 30)
    return 1, work, _rest_for(kind, profile.activity, work)


def _rest_for(kind: str, activity: str, work: int) -> int:
    if kind == "tempo":
        return work // 5 if activity == "cycling" else R.CRUISE_REST_S  # sweet spot: 2-4 min easy
    return max(60, work // 2)


def circuit_main(menu: Menu, profile: Profile, minutes: int, rpe: int, *, deload: bool) -> Block:
    rules = R.LEVEL_RULES[profile.level]
    work, rest = rules.circuit_work_s, rules.circuit_rest_s
    stations: list[Choice] = list(menu.stations)
    if menu.cardio is not None:
        stations.insert(len(stations) // 2, menu.cardio)
    budget = minutes * 60

    def seconds(n_stations: int, rounds: int, work_s: int) -> int:
        return rounds * n_stations * (work_s + rest) + (rounds - 1) * 60 + n_stations * 15

    shortest, longest = 20, work + 15
    # Everyone does at least two rounds (one pass of seven stations is no circuit); a lighter
    # week lightens every station (shorter work, fewer rounds), not just the session.
    least = R.CIRCUIT_MIN_ROUNDS
    most_rounds = CIRCUIT_MAX_ROUNDS[profile.level]
    if deload:
        longest = max(shortest, work - 10)
        most_rounds = max(least, most_rounds - 1)
    while len(stations) > 2 and seconds(len(stations), least, shortest) > budget:
        stations.pop()
    if seconds(len(stations), least, shortest) > budget:
        least = 1
    # The number of rounds and the work per station that fill the block best: whole rounds
    # alone leave up to half a block idle.
    n = len(stations)
    options = [(seconds(n, least, shortest), least, shortest)]
    for rounds in range(least, most_rounds + 1):
        room = budget - (rounds - 1) * 60 - n * 15
        fit = min(longest, (room // (rounds * n) - rest) // 5 * 5)
        if fit >= shortest:
            options.append((seconds(n, rounds, fit), rounds, fit))
    # Among the options that fill the block nearly as well as the best, the one whose work
    # per station is closest to the level's usual.
    most = max(o[0] for o in options)
    _, rounds, work = min(
        (o for o in options if o[0] >= 0.9 * most), key=lambda o: (abs(o[2] - work), -o[1])
    )
    items = []
    for i, choice in enumerate(stations):
        ex = choice.exercise
        note = choice.note
        if i == 0:
            note = _join(note, say("items.circuit", rest=rest))
        items.append(Prescription(exercise_id=ex.id, name=ex.name, sets=rounds, duration_s=work,
                                  rest_s=rest, rpe=rpe, per_side=False, notes=note))
    return Block(kind="main", minutes=minutes, items=items)


def recovery_main(
    menu: Menu, profile: Profile, minutes: int, rpe: int, extra: list[Prescription] = ()  # type: ignore[assignment]
) -> Block:
    assert menu.cardio is not None
    extra = list(extra)
    mobility = []
    for choice in menu.stations:
        ex = choice.exercise
        dose = _dose(ex, profile.level)
        mobility.append(Prescription(
            exercise_id=ex.id, name=ex.name, sets=2, reps=(dose.reps if dose and dose.reps else 8)
            if not (dose and (dose.hold_s or dose.duration_s)) else None,
            hold_s=(dose.hold_s if dose and dose.hold_s else None),
            duration_s=(dose.duration_s if dose and dose.duration_s and not dose.hold_s else None),
            per_side=ex.per_side, notes=choice.note,
        ))
    while mobility and sum(prescription_seconds(p) for p in mobility) > minutes * 60 - 240:
        mobility.pop()
    cardio_s = round_down(minutes * 60 - sum(prescription_seconds(p) for p in mobility) - 15)
    ex = menu.cardio.exercise
    first = Prescription(exercise_id=ex.id, name=ex.name, duration_s=cardio_s, rpe=rpe,
                         notes=_join(menu.cardio.note, say("items.recovery")))
    return Block(kind="main", minutes=minutes + extra_minutes(extra), items=[first, *mobility, *extra])


def round_down(seconds: int) -> int:
    """Whole minutes read better on paper than 13 min 37 s (half minutes when short)."""
    step = 60 if seconds >= 300 else 30
    return max(step, seconds - seconds % step) if seconds >= step else max(1, seconds)


def _join(*parts: str) -> str:
    return "; ".join(p for p in parts if p)


def _mmss(seconds: int) -> str:
    minutes, secs = divmod(seconds, 60)
    if secs == 0:
        return say("items.minutes", m=minutes)
    if minutes == 0:
        return say("items.seconds", s=secs)
    return say("items.minutes_seconds", m=minutes, s=secs)
