"""The adaptation rules as one table of data: id, trigger threshold, reason and source.

`engine/adapt.py` applies them; the reason texts live in words/en.toml (`adapt.why.<id>`),
and docs/evidence.md cites each source. Changing a threshold is a one-line edit here.
"""

from __future__ import annotations

from ..models import Frozen


class AdaptRule(Frozen):
    id: str
    threshold: float
    source: str


RULES: tuple[AdaptRule, ...] = (
    # share of a week's sessions missed at which its load is repeated
    AdaptRule(id="missed-half", threshold=0.5, source="Gabbett 2016 (BJSM): progress only on completed load"),
    # at most this many weeks back after whole weeks missed
    AdaptRule(id="missed-weeks", threshold=3, source="Mujika & Padilla 2000 (detraining); ACSM return-to-activity"),
    # effort felt this far above target, in 2+ sessions of a week, holds the load
    AdaptRule(id="effort-high", threshold=2, source="Foster 2001 session-RPE; Helms 2016 RPE-based autoregulation"),
    # pain at or above this (0-10) swaps the exercise for its regression
    AdaptRule(id="pain", threshold=4, source="Silbernagel 2007 pain-monitoring model (pain above 5/10 not acceptable)"),
    # every set at the top of the range at or under target effort adds a load step
    AdaptRule(id="reps-top", threshold=0, source="ACSM 2009 position stand: double progression, 2-10% load rise"),
    # reps short of the range this many times drops one step
    AdaptRule(id="reps-short", threshold=2, source="ACSM 2009 position stand; Helms 2016 autoregulation"),
    # next week's load at most this multiple of the load done
    AdaptRule(id="done-short", threshold=1.10, source="Gabbett 2016 (BJSM): weekly rise at most ~10%"),
)

RULE = {r.id: r for r in RULES}
