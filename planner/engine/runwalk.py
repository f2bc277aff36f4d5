"""The beginner run-walk ladder (Couch to 5K): which rung a week is on and how it fits a block.

Pure: the rung table lives in rules.RUN_WALK_RUNGS; this module only reads it. Every session of a
week gets the same shape (fitted to the week's shortest run-walk block) so a beginner repeats one
prescription three times, as C25K does; a longer session walks the spare minutes rather than
running more than the rung asks.
"""
from __future__ import annotations

from dataclasses import dataclass

from planner.engine import rules as R


@dataclass(frozen=True)
class RunWalk:
    """One week's run-walk prescription: `repeats` runs of `run_s`, walking `walk_s` between."""

    run_s: int
    walk_s: int
    repeats: int

    @property
    def seconds(self) -> int:
        return self.repeats * self.run_s + (self.repeats - 1) * self.walk_s

    @property
    def continuous_s(self) -> int:
        """The longest run without a walk break."""
        return self.run_s


def rung(stage_index: int, knee: bool = False) -> tuple[int, int, int]:
    """The rung for a week `stage_index` build weeks into the plan (the top rung holds). A knee
    climbs more slowly (each rung about 1.5 weeks) with longer walk breaks."""
    if knee:
        stage_index = int(stage_index * R.KNEE_RUNG_PACE)
    run_s, walk_s, repeats = R.RUN_WALK_RUNGS[max(0, min(stage_index, len(R.RUN_WALK_RUNGS) - 1))]
    if knee and walk_s:
        walk_s += R.KNEE_EXTRA_WALK_S
    return run_s, walk_s, repeats


def fit(stage_index: int, block_s: int, knee: bool = False) -> RunWalk:
    """The rung fitted into `block_s` seconds: fewer repeats (never longer runs or shorter walks)
    when the block is short; a continuous run no longer than the block."""
    run_s, walk_s, repeats = rung(stage_index, knee)
    if walk_s == 0 or repeats == 1:
        return RunWalk(run_s=max(30, min(run_s, block_s // 30 * 30)), walk_s=0, repeats=1)
    reps = max(1, min(repeats, (block_s + walk_s) // (run_s + walk_s)))
    run = run_s if reps > 1 or run_s <= block_s else max(30, block_s // 30 * 30)
    return RunWalk(run_s=run, walk_s=walk_s if reps > 1 else 0, repeats=reps)


def first_rung_minutes() -> int:
    """Minutes the first rung takes in full: C25K's week 1 already fills a 20-min block."""
    run_s, walk_s, repeats = R.RUN_WALK_RUNGS[0]
    return -(-(repeats * run_s + (repeats - 1) * walk_s + 15) // 60)
