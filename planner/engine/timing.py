"""How long a prescription takes: the planner fits blocks with it and the checks verify with it."""

from __future__ import annotations

from ..models import Block, Prescription

SECONDS_PER_REP = 4
TRANSITION_S = 15


def prescription_seconds(item: Prescription) -> int:
    """Work plus rest between sets, counting both sides of one-sided moves."""
    sets = item.sets or 1
    sides = 2 if item.per_side else 1
    if item.duration_s is not None:
        work = item.duration_s
    elif item.hold_s is not None:
        work = item.hold_s
    elif item.reps is not None:
        work = item.reps * SECONDS_PER_REP
    else:
        work = 30
    rest = item.rest_s or 0
    return sets * work * sides + max(0, sets - 1) * rest + TRANSITION_S


def block_seconds(block: Block) -> int:
    return sum(prescription_seconds(item) for item in block.items)
