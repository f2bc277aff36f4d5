"""Main lifts a coach would choose, and the load guidance on every loaded set.

Main lifts come from the coach's preference table (rules.MAIN_LIFT_PREFERENCE), never from the
order of ids, and stay the same for the whole plan so the load can climb on one lift. Loads
follow double progression: within a block of weeks the load stays and the reps climb towards
the top of the range (the reps in reserve shrink to the level's target); the next block adds
the level's rise and the reps start again at the bottom.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from . import rules as R
from .loads import double_progression_load, epley_e1rm, percent_1rm, working_load_kg
from ..library.catalog import ExerciseLibrary
from ..models import Block, Exercise, Prescription, Profile
from .select import Choice, level_ok, ruled_out_by
from .timing import prescription_seconds
from .words import say

if TYPE_CHECKING:
    from .progression import SessionSpec, WeekSpec

MAIN_PATTERNS = tuple(R.MAIN_LIFT_PREFERENCE)
# Load added per completed rep range (ACSM 2009: 2-10%).
LOAD_RISE = {"beginner": 0.05, "intermediate": 0.05, "advanced": 0.025}
MAX_RIR = 5
# Rest after heavy sets (6 reps or fewer): 2 minutes or more.
HEAVY_REST_S = 150


def main_indexes(patterns: tuple[str, ...], kind: str = "") -> set[int]:
    """The first squat, hinge, push and pull of a day are its main lifts (only the patterns
    rules.SPLIT_MAIN_PATTERNS names, for a split listed there)."""
    mains = R.SPLIT_MAIN_PATTERNS.get(kind, MAIN_PATTERNS)
    seen: set[str] = set()
    out: set[int] = set()
    for i, slot in enumerate(patterns):
        pattern = slot.partition(":")[0]
        if pattern in mains and pattern not in seen:
            seen.add(pattern)
            out.add(i)
    return out


def choose_main(
    library: ExerciseLibrary, profile: Profile, pattern: str, used: set[str], *, circuit: bool = False
) -> Choice | None:
    """The most preferred lift for the pattern the profile can do; when a limitation rules
    out the lift the person would otherwise get, the choice names it and why (the swap)."""
    def usable(ex: Exercise | None, limits: bool) -> bool:
        if ex is None or ex.id in used or ex.category != "strength" or not level_ok(ex, profile.level):
            return False
        if circuit and ex.needs & R.CIRCUIT_FORBIDDEN_EQUIPMENT:
            return False
        return not ruled_out_by(ex, profile) if limits else not set(ex.needs) - _owned(profile)

    chosen = next((ex for i in main_preference(profile, pattern) if usable(ex := library.get(i), True)), None)
    if chosen is None:
        return None
    usual = next((ex for i in R.MAIN_LIFT_PREFERENCE.get(pattern, ()) if usable(ex := library.get(i), False)), None)
    if usual is not None and usual.id != chosen.id and ruled_out_by(usual, profile):
        return Choice(chosen, usual, ruled_out_by(usual, profile))
    return Choice(chosen)


def main_preference(profile: Profile, pattern: str) -> tuple[str, ...]:
    """The coach's order for a pattern; a limitation with its own order (lower back: split
    squats, hip thrusts, chest-supported rows) puts those loaded lifts first."""
    first: list[str] = []
    for limitation in profile.limitations:
        first += R.LIMITATION_MAIN_PREFERENCE.get(limitation, {}).get(pattern, ())
    rest = R.MAIN_LIFT_PREFERENCE.get(pattern, ())
    return tuple(dict.fromkeys((*first, *rest)))


def _owned(profile: Profile) -> set[str]:
    from ..vocab import owned_equipment

    return set(owned_equipment(profile.equipment, profile.activity))


def is_loaded(ex: Exercise) -> bool:
    return bool(ex.needs & R.LOADED_EQUIPMENT)


def is_heavy_hinge(ex: Exercise) -> bool:
    """Conventional and trap-bar deadlifts: few reps, reps in reserve."""
    return ex.pattern == "hinge" and "deadlift" in ex.id and "romanian" not in ex.id and is_loaded(ex)


def plate_step(ex: Exercise, profile: Profile) -> float:
    if profile.plate_step_kg is not None:
        return profile.plate_step_kg
    for kit in ("barbell", "ez-bar", "dumbbells", "kettlebell", "machines", "cable"):
        if kit in ex.needs:
            return R.PLATE_STEP_KG[kit]
    return 2.5


def day_kind(profile: Profile, day: int, days: int, cycle: int = 0, cycles: int = 1) -> str | None:
    """Heavy, moderate or light for the `day`-th of `days` lifting days in a week (trained
    lifters only; beginners keep one range). In the low-rep phase (the last block of a long
    plan) moderate days turn heavy."""
    if profile.level not in R.DAY_DOSE or days < 1:
        return None
    wave = R.WEEK_WAVE[min(days, max(R.WEEK_WAVE))]
    kind = wave[day % len(wave)]
    if kind == "moderate" and cycles >= R.LOW_REP_PHASE_MIN_BLOCKS and cycle == cycles - 1:
        kind = "heavy"
    return kind


def rep_range(ex: Exercise, profile: Profile, main: bool, day: str | None = None) -> tuple[int, int, int]:
    """(bottom, top, reps in reserve at the top) for a lift: heavy hinges 4-6 with 2 or more
    in reserve; trained lifters by the day's kind (rules.DAY_DOSE); else the level's range."""
    rules = R.LEVEL_RULES[profile.level]
    if is_heavy_hinge(ex):
        low, high = R.HEAVY_HINGE_REP_RANGE
        base = R.DAY_DOSE[profile.level][day].main_rir if day else rules.rir
        return low, high, max(base, R.HEAVY_HINGE_MIN_RIR)
    if day is not None:
        dose = R.DAY_DOSE[profile.level][day]
        if main and is_loaded(ex):
            return dose.main[0], dose.main[1], dose.main_rir
        return dose.accessory[0], dose.accessory[1], dose.accessory_rir
    heavy = R.MAIN_REP_RANGE[profile.level]
    if main and heavy is not None and is_loaded(ex):
        return heavy[0], heavy[1], rules.rir + 1
    return rules.rep_low, rules.rep_high, rules.rir


def week_dose(low: int, high: int, rir: int, step: int, steps: int, deload: bool) -> tuple[int, int, int]:
    """(reps, reps in reserve, rep max of the load) for one week of a block. Double
    progression: the load is one the lifter could lift `high + rir` times all block; reps climb
    from `low` to `high`, so the reserve shrinks to `rir` in the block's last build week. A
    lighter week does the bottom of the range at the same load."""
    capacity = high + rir
    if deload:
        reps = low
    else:
        steps = max(1, steps)
        reps = low + round((high - low) * min(step, steps) / steps)
    return reps, min(MAX_RIR, capacity - reps), capacity


def strength_item(
    choice: Choice, profile: Profile, sets: int, reps: int, rir: int, rest_s: int, note: str = ""
) -> Prescription:
    ex = choice.exercise
    dose = ex.dose.get(profile.level) or next(iter(ex.dose.values()), None)
    notes = "; ".join(n for n in (choice.note, note) if n)
    # A set's effort follows from the reps left in reserve (RPE ~ 10 - RIR).
    rpe = max(1, 10 - rir) if ex.pattern != "balance" else 4
    if dose is not None and dose.reps is None and (dose.duration_s or dose.hold_s):
        seconds = dose.duration_s or dose.hold_s
        return Prescription(exercise_id=ex.id, name=ex.name, sets=sets, duration_s=seconds,
                            rest_s=rest_s, rpe=rpe, per_side=ex.per_side, notes=notes)
    return Prescription(exercise_id=ex.id, name=ex.name, sets=sets, reps=reps, rir=rir,
                        rest_s=rest_s, rpe=rpe, per_side=ex.per_side, notes=notes)


def strength_main(
    stations: tuple[Choice, ...], mains: frozenset[str], profile: Profile, minutes: int, *,
    week_in_cycle: int, cycle_length: int, deload: bool, cycle: int = 0, week_number: int = 0,
    day: str | None = None, test: bool = False,
) -> Block:
    """Sets x reps fitted to the minutes: every station at its least sets first, then sets
    added round by round while time allows. `day` is heavy, moderate or light (trained
    lifters); in a test week (`test`) each loaded main lift is one top set to a rep max."""
    rules = R.LEVEL_RULES[profile.level]
    budget = minutes * 60
    steps = max(1, cycle_length - 1)
    doses = []
    tested: set[int] = set()
    for i, choice in enumerate(stations):
        main = choice.exercise.id in mains
        if test and main and is_loaded(choice.exercise):
            reps, rir = R.TEST_REPS[profile.level], R.TEST_RIR[profile.level]
            doses.append((reps, rir, reps + rir))
            tested.add(i)
            continue
        low, high, rir = rep_range(choice.exercise, profile, main, day)
        doses.append(week_dose(low, high, rir, week_in_cycle, steps, deload))

    def items_of(chosen: list[tuple[int, int, int]]) -> list[Prescription]:
        out = []
        for i, sets, rest in chosen:
            reps, rir, capacity = doses[i]
            ex = stations[i].exercise
            note = say("items.rep_max_test", n=reps) if i in tested else ""
            item = strength_item(stations[i], profile, sets, reps, rir, rest, note)
            item = with_load(item, ex, profile, capacity=capacity, cycle=cycle)
            out.append(item)
        return out

    def seconds(chosen: list[tuple[int, int, int]]) -> int:
        return sum(prescription_seconds(p) for p in items_of(chosen))

    chosen: list[tuple[int, int, int]] = []  # station index, sets, rest
    # Balance work (older adults, a balance focus) is promised: it gets its room first.
    # Then the main lifts (the plan keeps them all block long), then the accessories.
    # Inner-thigh work is promised every week too (invariant 3): it keeps its place.
    order = sorted(range(len(stations)), key=lambda i: (stations[i].exercise.pattern != "balance",
                                                        "adductors" not in stations[i].exercise.primary_muscles,
                                                        stations[i].exercise.id not in mains))
    for i in order:
        choice = stations[i]
        main = choice.exercise.id in mains
        balance = choice.exercise.pattern == "balance"
        rest = rules.rest_compound_s if (main or i < 2) and not balance else rules.rest_accessory_s
        if main and is_loaded(choice.exercise) and doses[i][0] <= 6:
            rest = max(rest, HEAVY_REST_S)
        if i in tested:
            rest = max(rest, R.TEST_REST_S)
        least = 1 if deload or i in tested else rules.sets_min
        # A main lift that does not fit at the level's least sets comes in with fewer: the
        # plan keeps its main lifts every week, and an accessory never takes their place.
        for sets in range(least, 0 if main else least - 1, -1):
            trial = chosen + [(i, sets, rest)]
            if seconds(trial) <= budget or not chosen:
                chosen = trial
                break
    lifts = [i for i in order if stations[i].exercise.pattern != "balance"]
    if lifts and all(stations[i].exercise.pattern == "balance" for i, _, _ in chosen):
        # Too short for both: the lift comes first, balance only if it still fits.
        light = [(i, 1, 30) for i, _, _ in chosen][:1]  # balance at its least: one set, short rest
        for sets in range(rules.sets_min if not deload else 1, 0, -1):
            first = (lifts[0], sets, rules.rest_compound_s)
            if seconds([first, *light]) <= budget:
                break
        chosen = [first] + [c for c in light if seconds([first, c]) <= budget]
    if seconds(chosen) > budget:
        i, _, _ = chosen[0]
        chosen = [(i, 1, 30)]
    chosen.sort()  # back to the session's order
    # A lighter week keeps two sets where the level allows them: one set of each cannot fill
    # even a lighter week's main block.
    max_sets = rules.sets_max if not deload else max(2, rules.sets_max - 2)
    grew = True
    while grew:
        grew = False
        for k, (i, s, rest) in enumerate(chosen):
            if s >= max_sets or i in tested:  # a test is one top set
                continue
            trial = list(chosen)
            trial[k] = (i, s + 1, rest)
            if seconds(trial) <= budget:
                chosen = trial
                grew = True
    items = items_of(chosen)
    out = []
    # The warm-up's ramp sets lead into the first lift; the lift does not repeat them as a note.
    tested_ids = {stations[i].exercise.id for i in tested}
    for item in items:
        first = first_week_note(profile, week_number, item) if item.exercise_id not in tested_ids else ""
        notes = [item.notes, first]
        out.append(item.model_copy(update={"notes": "; ".join(n for n in notes if n)}))
    return Block(kind="main", minutes=minutes, items=out)


def with_load(item: Prescription, ex: Exercise, profile: Profile, *, capacity: int, cycle: int) -> Prescription:
    """Load guidance for a loaded set: kg from the profile's recent lift, else the rep max
    (a weight you could lift `capacity` times) and its share of 1RM."""
    if not item.reps or not is_loaded(ex):
        return item
    pct = percent_1rm(capacity, 0)
    update: dict = {"rep_max": capacity, "percent_1rm": pct}
    recent = profile.lifts.get(ex.id)
    if recent is not None:
        step = plate_step(ex, profile)
        base = working_load_kg(epley_e1rm(recent.weight_kg, recent.reps), capacity, 0, step)
        update["load_kg"] = double_progression_load(base, LOAD_RISE[profile.level], step, cycle)
    return item.model_copy(update=update)


def first_week_note(profile: Profile, week_number: int, item: Prescription) -> str:
    """Week 1 of a plan without recent lifts says how to find each weight."""
    if week_number != 1 or item.rep_max is None or item.load_kg is not None:
        return ""
    return say("items.find_load", n=item.rep_max)


def climb_bodyweight(library: ExerciseLibrary, profile: Profile, choice: Choice, cycle: int) -> Choice:
    """A bodyweight main lift gets harder by variation, not load: one step up its progression
    chain per block of weeks, never past what the level and the profile allow, never down."""
    if is_loaded(choice.exercise):
        return choice
    current = choice.exercise
    seen = {current.id}
    for _ in range(cycle):
        nxt = library.get(current.progression) if current.progression else None
        if (nxt is None or nxt.id in seen or nxt.category != "strength" or ruled_out_by(nxt, profile)
                or not level_ok(nxt, profile.level) or is_loaded(nxt)):
            break
        current = nxt
        seen.add(current.id)
    return choice if current.id == choice.exercise.id else Choice(current)


def is_test_week(profile: Profile, week_number: int) -> bool:
    """`test_weeks`: the first and the last week of a strength plan test the main lifts."""
    return profile.test_weeks and profile.activity == "strength" and week_number in (1, profile.weeks)


def lifting_day(profile: Profile, week: "WeekSpec", spec: "SessionSpec", cycles: int) -> str | None:
    """Heavy, moderate or light for this lifting session, by its place among the week's."""
    lifting = [s for s in week.sessions if s.kind in R.STRENGTH_SPLITS]
    index = next((i for i, s in enumerate(lifting) if s is spec), 0)
    return day_kind(profile, index, len(lifting), week.cycle, cycles)


def strength_tips(profile: Profile, day: str | None, test: bool) -> list[str]:
    """The double-progression tip in the day's numbers, the day's kind, and the test."""
    rules = R.LEVEL_RULES[profile.level]
    low, high, rir = rules.rep_low, rules.rep_high, rules.rir
    tips = []
    if day is not None:
        dose = R.DAY_DOSE[profile.level][day]
        (low, high), rir = dose.accessory, dose.accessory_rir
        tips.append(say(f"tips.day_{day}", low=dose.main[0], high=dose.main[1], rir=dose.main_rir))
    words = say("tips.reps_one") if rir == 1 else say("tips.reps_many", n=rir)
    tips.append(say("tips.strength", rir=words, high=high, low=low))
    if test:
        tips.append(say("tips.test_week", n=R.TEST_REPS[profile.level]))
    return tips


def check_lifts(profile: Profile, library: ExerciseLibrary) -> None:
    """Recent lifts name exercises of the library: an unknown id (a typo) would silently give
    no loads, so it stops the plan with the closest ids the person may have meant."""
    import difflib

    from ..errors import ProfileError

    known = sorted(ex.id for ex in library.in_categories(("strength",)) if is_loaded(ex))
    for ident in profile.lifts:
        if ident in known:
            continue
        close = difflib.get_close_matches(ident, known, n=3, cutoff=0.6)
        hint = f"did you mean {', '.join(repr(c) for c in close)}?" if close else \
            "see 'planner exercises list --category strength'"
        raise ProfileError(f"lifts: '{ident[:80]}' is not a loaded strength exercise id; {hint}")
