"""Working loads from a lift the user did recently: pure arithmetic, no I/O.

A recent set (100 kg x 5) gives an estimated one-rep max by Epley (1RM = w x (1 + reps/30)); a
working set of `reps` with `rir` in reserve is a set the lifter could do `reps + rir` times, so
its load is the e1RM divided by the same formula at reps + rir. Rounded down to the plate step
so the prescription is never heavier than the estimate.
"""

from __future__ import annotations

import math


def epley_e1rm(weight_kg: float, reps: int) -> float:
    """Estimated one-rep max; a single is its own max."""
    if reps <= 1:
        return weight_kg
    return weight_kg * (1 + reps / 30)


def percent_1rm(reps: int, rir: int) -> int:
    """Percent of 1RM for a set of `reps` with `rir` left (the inverse of Epley, whole %)."""
    capacity = reps + rir
    if capacity <= 1:
        return 100
    return math.floor(100 / (1 + capacity / 30))


def working_load_kg(e1rm_kg: float, reps: int, rir: int, step_kg: float) -> float:
    """The heaviest plate-step load at or below the estimate for reps + rir."""
    exact = e1rm_kg * percent_1rm(reps, rir) / 100
    steps = math.floor(exact / step_kg + 1e-9)
    return round(max(step_kg, steps * step_kg), 2)


def double_progression_load(base_kg: float, rise: float, step_kg: float, cycles: int) -> float:
    """The load after `cycles` completed rep ranges: each adds `rise` (ACSM 2-10%), at least
    one plate step, so the load climbs and never jumps by more than the rise or one step."""
    load = base_kg
    for _ in range(cycles):
        load = load + max(step_kg, math.floor(load * rise / step_kg) * step_kg)
    return round(load, 2)
