"""The one table of numbers that makes levels and activities differ.

A coach or a reviewer tunes the planner here, not inside functions. Each number traces back to
`training-guidelines.md` (ACSM 2009 for strength, Seiler 2010 for the easy/hard mix, NHS Couch to
5K for walk-run, ACSM 2007 for fluids, Foster 2001 for session-RPE).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, kw_only=True)
class LevelRules:
    """One level's numbers (a plain dataclass: it is constant data, never user input)."""

    # Fraction of the available main-block minutes used in week 1 (the rest is earned).
    start_fraction: float
    # Intended growth of main-block minutes per build week; the 10% load ceiling caps it anyway.
    ramp: float
    easy_rpe: int
    long_rpe: int
    tempo_rpe: int
    interval_rpe: int
    # Quality (hard) endurance sessions a week, and from which week (beginners start all-easy).
    quality_sessions: int
    quality_from_week: int
    # Long session length relative to an easy one (endurance).
    long_ratio: float
    # Strength: days a week of real lifting (ACSM: novices 2-3, intermediate 3-4, advanced 4-6).
    strength_days: int
    strength_rpe: int
    rir: int
    rep_low: int
    rep_high: int
    sets_min: int
    sets_max: int
    rest_compound_s: int
    rest_accessory_s: int
    circuit_work_s: int
    circuit_rest_s: int
    circuit_rpe: int
    interval_work_s: int
    swim_pace_s_per_100m: int


LEVEL_RULES: dict[str, LevelRules] = {
    "beginner": LevelRules(
        start_fraction=0.6, ramp=0.07, easy_rpe=3, long_rpe=4, tempo_rpe=6, interval_rpe=7,
        quality_sessions=0, quality_from_week=99, long_ratio=1.15,
        strength_days=3, strength_rpe=6, rir=3, rep_low=10, rep_high=15, sets_min=1, sets_max=3,
        rest_compound_s=90, rest_accessory_s=60, circuit_work_s=30, circuit_rest_s=30,
        circuit_rpe=6, interval_work_s=60, swim_pace_s_per_100m=180,
    ),
    "intermediate": LevelRules(
        start_fraction=0.75, ramp=0.07, easy_rpe=3, long_rpe=4, tempo_rpe=6, interval_rpe=7,
        quality_sessions=1, quality_from_week=2, long_ratio=1.3,
        strength_days=4, strength_rpe=7, rir=2, rep_low=8, rep_high=12, sets_min=2, sets_max=4,
        rest_compound_s=120, rest_accessory_s=75, circuit_work_s=40, circuit_rest_s=20,
        circuit_rpe=7, interval_work_s=180, swim_pace_s_per_100m=135,
    ),
    "advanced": LevelRules(
        start_fraction=0.85, ramp=0.08, easy_rpe=3, long_rpe=4, tempo_rpe=7, interval_rpe=8,
        quality_sessions=2, quality_from_week=1, long_ratio=1.5,
        strength_days=6, strength_rpe=8, rir=1, rep_low=6, rep_high=10, sets_min=3, sets_max=5,
        rest_compound_s=150, rest_accessory_s=90, circuit_work_s=45, circuit_rest_s=15,
        circuit_rpe=7, interval_work_s=240, swim_pace_s_per_100m=110,
    ),
}

# Every session's RPE at which it counts as hard (the spacing and recovery rules use it).
HARD_RPE = 7
# A lighter week every fourth week (3:1); every third (2:1) from this age on.
DELOAD_EVERY = 4
DELOAD_EVERY_OLDER = 3
OLDER_AGE = 50
# Lighter week: load cut by 20-40% of the week before; aim at 30%.
DELOAD_TARGET = 0.70
DELOAD_MIN, DELOAD_MAX = 0.60, 0.80
# Safety ceilings (architecture.md invariants 2 and 8).
WEEKLY_RISE_MAX = 1.10
ACWR_MAX = 1.30
SESSION_SPIKE_MAX = 1.10
SPIKE_WINDOW_DAYS = 30
# Never more training days than this: one full rest day a week, always.
MAX_TRAINING_DAYS = 6
MIN_MAIN_MINUTES = 5
# The plan contract (engine/contract.py): what every plan says, generated or edited by hand.
# Effort by level: a session's RPE, an item's RPE, and the fewest reps in reserve (a beginner
# never works to failure: ACSM 2009 novices at 60-70% 1RM). A race may be harder; never 10.
MAX_SESSION_RPE: dict[str, int] = {"beginner": 6, "intermediate": 7, "advanced": 8}
MAX_ITEM_RPE: dict[str, int] = {"beginner": 8, "intermediate": 9, "advanced": 9}
MAX_RACE_RPE = 9
# Fewest reps in reserve by level: never 0 (to failure); beginners keep 2.
MIN_RIR: dict[str, int] = {"beginner": 2, "intermediate": 1, "advanced": 1}
# A warm-up of at least this many minutes, its exercises filling at least this many seconds.
WARMUP_MIN_MINUTES = 3
WARMUP_MIN_WORK_S = 120
# The fastest pace a distance may ask for, in metres a minute of its block (elite swimmers
# hold ~100 m/min, runners ~350, riders ~700): a 1,000 km ride in an hour is a typo.
MAX_METRES_PER_MINUTE: dict[str, int] = {"swimming": 120, "running": 400, "cycling": 1000}
DEFAULT_METRES_PER_MINUTE = 400
# Fluids (ACSM 2007): 5-7 mL/kg before; 0.4-0.8 L an hour during sessions over an hour.
# The planner rounds to 10 mL, so bounds allow that much.
FLUID_BEFORE_ML_PER_KG = (5, 7)
FLUID_DURING_ML_PER_HOUR = (400, 800)
FLUID_ROUNDING_ML = 10

# Training days as offsets from the week's first day, by sessions per week: hard sessions
# can sit apart and the long session lands at the end of the week.
DAY_LAYOUT: dict[int, tuple[int, ...]] = {
    1: (2,),
    2: (1, 4),
    3: (0, 2, 4),
    4: (0, 1, 3, 5),
    5: (0, 1, 3, 4, 6),
    6: (0, 1, 2, 3, 4, 5),
}

# The beginner run-walk ladder (after NHS Couch to 5K): one rung per build week, every session
# of a week the same shape. (run seconds, walk seconds between runs, repeats); walk 0 = one
# continuous run. A lighter week repeats the rung before it with less volume.
RUN_WALK_RUNGS: tuple[tuple[int, int, int], ...] = (
    (60, 90, 8),
    (90, 120, 6),
    (180, 90, 4),
    (300, 150, 3),
    (600, 120, 2),
    (1200, 0, 1),
    (1500, 0, 1),
    (1680, 0, 1),
    (1800, 0, 1),
)
# C25K warms up with a 5-min brisk walk: beginner run-walk sessions keep the warm-up that short.
RUN_WALK_WARMUP_MIN = 5

# Strength splits by days a week of lifting: each day is a list of slot patterns in priority
# order (the planner drops from the end when time runs out); "push:chest" asks for a push
# whose primary muscles include the chest (so a dip for the triceps does not stand in).
STRENGTH_SPLITS: dict[str, tuple[str, ...]] = {
    "full-a": ("squat", "push", "hinge", "pull", "core", "calf"),
    "full-b": ("lunge", "push", "hinge", "pull", "glute", "core"),
    "upper": ("push", "pull", "push:chest", "pull:lats", "push:shoulders", "core"),
    "lower": ("squat", "hinge", "lunge", "hinge:hamstrings", "calf", "core"),
    "push": ("push", "push:shoulders", "push:chest", "push", "core"),
    "pull": ("pull", "pull:lats", "hinge:hamstrings", "pull", "carry"),
    "legs": ("squat", "hinge", "lunge", "hinge:hamstrings", "calf", "core"),
}
# Weekly hard sets per major muscle balanced (issue 12: 10-20 for trained lifters, none more
# than twice another's): hamstrings get a second hinge where quads get a squat and a lunge, and
# the pull day holds a hinge. A day's main lifts are its first slot of these patterns; a
# second hinge in a week's full-body or pull day is an accessory (a deadlift once a week per
# split kind is enough), so the split names which patterns are main there.
SPLIT_MAIN_PATTERNS: dict[str, tuple[str, ...]] = {
    "full-b": ("push", "pull"),
    "pull": ("pull",),
}
SPLIT_ROTATION: dict[int, tuple[str, ...]] = {
    1: ("full-a",),
    2: ("full-a", "full-b"),
    3: ("full-a", "full-b"),
    4: ("upper", "lower"),
    5: ("upper", "lower", "push", "pull", "legs"),
    6: ("push", "pull", "legs"),
}
CIRCUIT_SLOTS: tuple[str, ...] = ("squat", "push", "hinge", "pull", "core", "lunge")

# Focus areas and the strength pattern that serves each one every week.
FOCUS_PATTERNS: dict[str, str] = {
    "inner-thigh": "adductor",
    "cramp-prevention": "adductor",
    "core": "core",
    "glutes": "glute",
    "posture": "pull",
    "upper-body": "push",
    "lower-body": "squat",
    "balance": "balance",
    "mobility": "mobility",
}

# Warm-up and cool-down length from the session length: RAMP warm-ups of 5-10+ minutes,
# cool-downs of 5-10 minutes (scaled down honestly for very short sessions).
def warmup_minutes(session_minutes: int) -> int:
    return max(4, min(15, round(session_minutes * 0.18)))


def cooldown_minutes(session_minutes: int) -> int:
    return max(3, min(12, round(session_minutes * 0.15)))


def endurance_cooldown_minutes(session_minutes: int) -> int:
    """A run, ride, swim or walk eases off in a few minutes (8%, 3-8 min), then one hold per
    stretch: warm-up + cool-down stay within a quarter of a 45+ min easy session (issue 11)."""
    return max(3, min(8, round(session_minutes * 0.08)))


def stretch_hold_s(age: int | None, level: str) -> int:
    """ACSM: 10-30 s holds, 30-60 s for older adults."""
    if age is not None and age >= 65:
        return 45
    return 20 if level == "beginner" else 30


# Strength: the main lift for each pattern as a coach would choose it, most preferred first
# (barbell, then dumbbells, kettlebell, machines/cable, bands, bodyweight). The planner takes
# the first one the profile's equipment, level and limitations allow and keeps it for the
# whole plan, so the load can climb on one lift; accessories rotate by block.
MAIN_LIFT_PREFERENCE: dict[str, tuple[str, ...]] = {
    "squat": ("barbell-back-squat", "goblet-squat", "kettlebell-goblet-squat", "leg-press", "band-squat",
              "bodyweight-squat", "box-squat", "wall-sit", "sit-to-stand"),
    "hinge": ("barbell-deadlift", "dumbbell-romanian-deadlift", "ez-bar-romanian-deadlift",
              "kettlebell-deadlift", "cable-pull-through", "band-pull-through", "single-leg-rdl",
              "hip-hinge-drill"),
    "push": ("barbell-bench-press", "dumbbell-bench-press", "barbell-overhead-press", "dumbbell-floor-press",
             "machine-chest-press", "kettlebell-press", "dumbbell-shoulder-press", "band-chest-press",
             "push-up", "incline-push-up", "wall-push-up"),
    "pull": ("barbell-bent-over-row", "pull-up", "dumbbell-row", "lat-pulldown", "seated-cable-row",
             "kettlebell-row", "band-row", "band-assisted-pull-up", "inverted-row", "doorway-row",
             "prone-y-raise"),
}
# Heavy hinges (deadlifts) stay at a few reps with reps in reserve: form breaks first there.
HEAVY_HINGE_MIN_RIR = 2
# Equipment that makes a set "loaded" (it gets load guidance) and what never goes in a circuit.
LOADED_EQUIPMENT = frozenset({"barbell", "dumbbells", "kettlebell", "machines", "cable", "ez-bar"})
CIRCUIT_FORBIDDEN_EQUIPMENT = frozenset({"barbell", "ez-bar", "machines", "cable"})
CIRCUIT_MIN_ROUNDS = 2
# Plate steps for rounding working loads (kg), by the equipment the lift uses.
PLATE_STEP_KG = {"barbell": 2.5, "ez-bar": 2.5, "dumbbells": 2.0, "kettlebell": 4.0, "machines": 2.5, "cable": 2.5}
# From this age, balance work in at least two sessions a week (ACSM older adults).
BALANCE_AGE = 65
# Main lifts of trained lifters work heavier than their accessories (heavy/moderate days in
# one session: 3-6 reps advanced, 5-8 intermediate); beginners use the level's range.
MAIN_REP_RANGE: dict[str, tuple[int, int] | None] = {
    "beginner": None, "intermediate": (5, 8), "advanced": (3, 6),
}
HEAVY_HINGE_REP_RANGE = (4, 6)
# endurance: long session, quality caps, lighter weeks (issue 11). By level, so the table
# stays the one place a coach tunes them.
# Long session length as a multiple of session_minutes when the profile gives none (the
# weekend slot; Higdon's intermediate half-marathon long runs are 50-100 min).
LONG_SESSION_FACTOR: dict[str, float] = {"beginner": 1.0, "intermediate": 1.5, "advanced": 1.5}
# Threshold (tempo) work per session as cruise intervals (Daniels: T-pace reps of 5-15 min with
# 1 min rest, about 10% of the week): rep length, rest, and the most tempo work per session.
CRUISE_REP_S: dict[str, int] = {"beginner": 5 * 60, "intermediate": 8 * 60, "advanced": 10 * 60}
CRUISE_REST_S = 60
MAX_TEMPO_WORK_S: dict[str, int] = {"beginner": 15 * 60, "intermediate": 24 * 60, "advanced": 32 * 60}
# A quality session's main block holds its hard work, the rests, and a short easy finish;
# it is not padded out to the session length with easy minutes.
QUALITY_MAIN_MAX: dict[str, int] = {"beginner": 25, "intermediate": 40, "advanced": 50}
# Cycling's sweet-spot blocks (2 x 10 to 3 x 20 min) need a longer main block.
CYCLING_QUALITY_MAIN_MAX: dict[str, int] = {"beginner": 30, "intermediate": 55, "advanced": 80}


def quality_main_max(activity: str, level: str, kind: str = "tempo") -> int:
    """Intervals keep the short block everywhere: the reps, their rests and a short easy finish."""
    sweet_spot = activity == "cycling" and kind == "tempo"
    return (CYCLING_QUALITY_MAIN_MAX if sweet_spot else QUALITY_MAIN_MAX)[level]


# Quality work progresses by reps, then length (Daniels): a step every second build week.
# Tempo: cruise reps start at this count; intervals (reps, work s); cycling sweet spot
# (Coggan 88-94% FTP) as (reps, block s) with a quarter of the block easy between.
TEMPO_START_REPS = 2
INTERVAL_LADDER: dict[str, tuple[tuple[int, int], ...]] = {
    "beginner": ((4, 60), (5, 60), (6, 60)),
    "intermediate": ((4, 120), (5, 120), (6, 120), (4, 180), (5, 180)),
    "advanced": ((5, 180), (6, 180), (7, 180), (5, 240), (6, 240)),
}
SWEET_SPOT_LADDER: dict[str, tuple[tuple[int, int], ...]] = {
    "beginner": ((2, 600),),
    "intermediate": ((2, 600), (3, 600), (2, 900), (3, 900), (2, 1200)),
    "advanced": ((2, 900), (3, 900), (2, 1200), (3, 1200)),
}
# Quality sessions are never easier than these (one effort scale: tempo RPE 6-7 "comfortably
# hard", intervals RPE 7+); softened below them, a session is called easy.
QUALITY_RPE_FLOOR: dict[str, int] = {"tempo": 6, "intervals": 7}
# Lighter weeks keep the work: each main block keeps 55-85% of last week's, never under 10 min.
DELOAD_MAIN_MIN, DELOAD_MAIN_MAX = 0.55, 0.85
DELOAD_MAIN_FLOOR = 10
# ... and the long session keeps at least 60% of its main block (issue 11).
DELOAD_LONG_MIN = 0.60
# Easy and long sessions: warm-up 10% of the session, at least 5 min, never more than the full one.
EASY_WARMUP_MIN = 5
EASY_WARMUP_SHARE = 0.10
EASY_WARMUP_MAX = 8  # 5-8 min easy in the activity: the first minutes of the session are the rest of it
# Warm-up + cool-down at most this share of a session (issue 11): a quarter of an easy or
# long session of 45+ min, a third of any other of 45+ min, 45% of a shorter one.
OVERHEAD_SHARE_EASY, OVERHEAD_SHARE, OVERHEAD_SHARE_SHORT = 0.25, 0.33, 0.45
OVERHEAD_LONG_FROM = 45


def overhead_share(kind: str, session_minutes: int) -> float:
    if session_minutes < OVERHEAD_LONG_FROM:
        return OVERHEAD_SHARE_SHORT
    return OVERHEAD_SHARE_EASY if kind in ("easy", "long") else OVERHEAD_SHARE


# A quality session's full warm-up (easy, drills, strides) takes at most this many minutes (RAMP).
QUALITY_WARMUP_MAX = 10
# From 65, two balance moves join every endurance warm-up (about 2 minutes by a rail).
BALANCE_WARMUP_MIN = 2
# Baseline (issue 11): week 1 aims at 90% of the current weekly minutes (70-110% allowed),
# searching growth factors 0.2-3.0 in steps of 0.05 with main blocks of 10+ min; outside a
# level's usual weekly minutes the plan says so.
BASELINE_TARGET = 0.90
BASELINE_LOW, BASELINE_HIGH = 0.70, 1.10
BASELINE_FACTOR_STEPS = (4, 60)
BASELINE_RANGE: dict[str, tuple[int, int]] = {
    "beginner": (0, 180), "intermediate": (90, 420), "advanced": (180, 900)
}

# Swimming (issue 11; novices swim lengths with rests, others reps by distance on a send-off).
# Drill/kick reps x metres by level, at most this share of the block; pace factors on the easy
# pace (drills and kick are slower, threshold and interval reps faster).
SWIM_TECHNIQUE: dict[str, tuple[int, int]] = {"beginner": (2, 25), "intermediate": (4, 50), "advanced": (6, 50)}
SWIM_TECHNIQUE_SHARE = 0.34
SWIM_TECHNIQUE_MIN_BLOCK_S = 6 * 60  # blocks shorter than this are all swimming
SWIM_DRILL_FACTOR, SWIM_KICK_FACTOR = 1.3, 1.7
SWIM_TEMPO_FACTOR, SWIM_INTERVAL_FACTOR = 0.92, 0.85
SWIM_SHORT_REST_S = 20
# A novice's main set: rep length by build week (8 x 25 m with 20 s rest, up to 200 m reps).
SWIM_NOVICE_REP_M: tuple[int, ...] = (25, 25, 50, 50, 75, 100, 100, 150, 200)
SWIM_NOVICE_REST_S = 20
# Others' easy and long main sets: (easy rep, long rep) in metres, 15-30 s rest.
SWIM_EASY_REP_M: dict[str, tuple[int, int]] = {"beginner": (50, 100), "intermediate": (200, 300), "advanced": (300, 400)}
SWIM_EASY_REST_S = 20
# Threshold (CSS-like) and interval sets: (rep metres, starting reps, most work seconds).
SWIM_TEMPO: dict[str, tuple[int, int, int]] = {
    "beginner": (50, 4, 15 * 60), "intermediate": (100, 5, 24 * 60), "advanced": (200, 4, 32 * 60)}
SWIM_INTERVAL: dict[str, tuple[int, int, int]] = {
    "beginner": (25, 6, 8 * 60), "intermediate": (50, 8, 16 * 60), "advanced": (100, 8, 24 * 60)}
SWIM_TEMPO_REST_S, SWIM_INTERVAL_REST_S = 15, 30
# Shoulder limitation: reps of at most 100 m, and no stroke work above this RPE (kick instead).
SWIM_SHOULDER_MAX_REP_M = 100
SWIM_SHOULDER_STROKE_RPE_MAX = 7

# Walking's everyday session is brisk (RPE 4, WHO moderate activity), not a stroll.
WALKING_EASY_RPE = 4
# WHO 2020: 150 min a week of moderate activity; brisk walking by the last build week at least
# this many minutes where days x minutes allow 150.
WHO_WEEKLY_MINUTES = 150
WHO_BRISK_MIN = 90
# Brisk walking is low-risk: week 1 uses at least this share of the main-block room.
WALKING_START_FRACTION = 0.8
# Other endurance activities: week 1 uses at least this share of the room (issue 11: a
# beginner's build weeks fill 65%+ of the session minutes asked).
ENDURANCE_START_FRACTION = 0.68
# A knee limitation: half the weekly rise; run-walk holds each rung 1.5 weeks with 30 s more walking.
KNEE_RAMP_SHARE = 0.5
KNEE_RUNG_PACE = 2 / 3
KNEE_EXTRA_WALK_S = 30

# Periodisation (issue 12): trained lifters' lifting days within a week are heavy, moderate or
# light, by the day's place among the week's lifting days (each split kind gets a heavy day
# and a different one: upper heavy + light, lower heavy + moderate, ...). Beginners keep one
# range all week (ACSM 2009: novices 8-12 reps, trained lifters 1-12 periodised).
WEEK_WAVE: dict[int, tuple[str, ...]] = {
    1: ("moderate",),
    2: ("heavy", "light"),
    3: ("heavy", "moderate", "light"),
    4: ("heavy", "heavy", "light", "moderate"),
    5: ("heavy", "heavy", "light", "light", "moderate"),
    6: ("heavy", "heavy", "heavy", "light", "light", "moderate"),
}


@dataclass(frozen=True, kw_only=True)
class DayDose:
    """One kind of lifting day: the main lifts' rep range and reps in reserve at the top of the
    range, then the accessories'. The reserve is the smallest of the block (its last build
    week); earlier weeks keep more in the tank (double progression)."""

    main: tuple[int, int]
    main_rir: int
    accessory: tuple[int, int]
    accessory_rir: int


DAY_DOSE: dict[str, dict[str, DayDose]] = {
    "intermediate": {
        "heavy": DayDose(main=(4, 6), main_rir=3, accessory=(6, 10), accessory_rir=2),
        "moderate": DayDose(main=(6, 10), main_rir=2, accessory=(8, 12), accessory_rir=2),
        "light": DayDose(main=(10, 15), main_rir=2, accessory=(10, 15), accessory_rir=1),
    },
    "advanced": {
        "heavy": DayDose(main=(3, 6), main_rir=2, accessory=(6, 10), accessory_rir=2),
        "moderate": DayDose(main=(6, 10), main_rir=2, accessory=(8, 12), accessory_rir=1),
        "light": DayDose(main=(10, 15), main_rir=1, accessory=(10, 15), accessory_rir=1),
    },
}
# The low-rep phase: in the last block of a plan with this many blocks or more, trained
# lifters' moderate days become heavy ones (block periodisation: volume first, then intensity).
LOW_REP_PHASE_MIN_BLOCKS = 3
# Optional rep-max test weeks (`test_weeks`): the first and the last week test each loaded main
# lift with one top set of this many reps after ramp sets, with this many reps in reserve (a
# test to the last clean rep, never to failure); the result sets the loads.
TEST_REPS: dict[str, int] = {"beginner": 10, "intermediate": 5, "advanced": 3}
TEST_RIR: dict[str, int] = {"beginner": 2, "intermediate": 1, "advanced": 1}
TEST_REST_S = 180
# Limitations change the coach's order of main lifts: with a sore lower back, loaded lifts
# that spare the spine (split squats, hip thrusts, chest-supported rows) come first; without
# the kit for them the usual order applies (bodyweight squats are no load on the back).
LIMITATION_MAIN_PREFERENCE: dict[str, dict[str, tuple[str, ...]]] = {
    "lower-back": {
        "squat": ("dumbbell-split-squat", "goblet-squat", "kettlebell-goblet-squat", "leg-press"),
        "hinge": ("barbell-hip-thrust", "dumbbell-hip-thrust", "cable-pull-through"),
        "pull": ("chest-supported-dumbbell-row", "seated-cable-row", "lat-pulldown"),
    },
}
# Lifting and circuit sessions (issue 12): warm-up + cool-down at most 33% of a session of 45+
# minutes, 45% of a shorter one. The warm-up is a short raise, dynamic moves and the ramp sets
# (the first lift's lighter sets); the cool-down one static hold per worked muscle (30 s at
# most: ACSM's 30-60 s for older adults is met by the hold plus the lifting itself).
LIFTING_WARMUP_SHARE = 0.15
LIFTING_COOLDOWN_SHARE = 0.08
LIFTING_STRETCH_SETS = 1
LIFTING_STRETCH_HOLD_MAX_S = 30
LIFTING_START_FRACTION = 0.85
LIFTING_FIXED_SHARE_MAX = 0.33
LIFTING_FIXED_SHARE_MAX_SHORT = 0.45
LIFTING_SHORT_SESSION_MIN = 45


def is_lifting(kind: str) -> bool:
    """Lifting days and circuits: their warm-up and cool-down are sized by the rules above."""
    return kind in STRENGTH_SPLITS or kind == "circuit"


def lifting_warmup_minutes(session_minutes: int) -> int:
    return max(4, min(10, round(session_minutes * LIFTING_WARMUP_SHARE)))


def lifting_cooldown_minutes(session_minutes: int) -> int:
    return max(3, min(8, round(session_minutes * LIFTING_COOLDOWN_SHARE)))
