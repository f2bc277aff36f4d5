"""An event plan counted back from the race: phases, taper, the long session's goal, race length.

Pure numbers from the profile, so `progression` (which builds the weeks) and the rule tests
read the same taper and the same targets. Coaching sources: Mujika & Padilla 2003 (taper:
volume cut 40-60% with intensity kept, 1-3 weeks by event length); Higdon and Daniels for the
long-run peaks (10k 60-90 min, half 90-120, marathon 150-180, never above 210).
"""

from __future__ import annotations

import math

from ..events import distance_km
from ..models import Profile

# Event pace by activity and level (km/h), only to size the race session and its taper.
RACE_KMH: dict[str, dict[str, float]] = {
    "running": {"beginner": 8.0, "intermediate": 10.0, "advanced": 12.0},
    "cycling": {"beginner": 20.0, "intermediate": 25.0, "advanced": 30.0},
    "swimming": {"beginner": 2.0, "intermediate": 2.7, "advanced": 3.3},
    "walking": {"beginner": 4.8, "intermediate": 5.5, "advanced": 6.2},
}
# Taper weeks by the race's expected duration (minutes): <= 75 (5k, 10k) 1, <= 150 (half) 2, else 3.
TAPER_BY_MINUTES: tuple[tuple[int, int], ...] = ((75, 1), (150, 2))
TAPER_LONG = 3
# Training minutes of each taper week as a share of the peak week's, the race week last
# (the race itself is not counted: it is the goal, not training).
TAPER_SHARES: dict[int, tuple[float, ...]] = {1: (0.55,), 2: (0.75, 0.55), 3: (0.80, 0.70, 0.50)}
# The long session's goal by race duration (minutes): (race up to, low, high).
LONG_GOALS_RUN: tuple[tuple[int, int, int], ...] = ((35, 45, 60), (75, 60, 90), (150, 90, 120), (10_000, 150, 180))
LONG_RUN_MAX = 210
# Other activities: the long session reaches 62-85% of the event's duration, at most 5 h.
LONG_SHARE_OTHER = (0.625, 0.85)
LONG_OTHER_MAX = 300
PEAK_WEEKS = 2


def race_minutes(profile: Profile) -> int:
    """Expected minutes of the event at the level's pace (a guide for the session and fuel)."""
    assert profile.event is not None
    kmh = RACE_KMH[profile.activity][profile.level]
    return max(10, round(distance_km(profile.event.distance) / kmh * 60))


def taper_weeks(profile: Profile) -> int:
    if profile.event is None:
        return 0
    minutes = race_minutes(profile)
    weeks = next((w for limit, w in TAPER_BY_MINUTES if minutes <= limit), TAPER_LONG)
    # A short plan keeps at least two training weeks before its taper.
    return min(weeks, max(1, profile.weeks - 2))


def long_goal(profile: Profile) -> tuple[int, int] | None:
    """(low, high) minutes the long session should peak at for the event; None without one."""
    if profile.event is None:
        return None
    minutes = race_minutes(profile)
    if profile.activity == "running":
        for limit, low, high in LONG_GOALS_RUN:
            if minutes <= limit:
                return low, min(high, LONG_RUN_MAX)
    low_share, high_share = LONG_SHARE_OTHER
    high = min(LONG_OTHER_MAX, max(30, round(minutes * high_share)))
    return min(high, max(30, round(minutes * low_share))), high


def phases(profile: Profile) -> list[str] | None:
    """base -> build -> peak -> taper, one a week; None without an event."""
    if profile.event is None:
        return None
    weeks = profile.weeks
    taper = taper_weeks(profile)
    training = weeks - taper
    peak = min(PEAK_WEEKS, max(0, training - 2))
    base = max(1, math.floor((training - peak) * 0.25))
    build = training - peak - base
    return ["base"] * base + ["build"] * build + ["peak"] * peak + ["taper"] * taper
