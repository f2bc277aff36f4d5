"""progression.py on its own: the numeric skeleton (weeks, days, minutes, efforts) before any
exercise is chosen. Contracts and ceilings only, never today's exact minutes, so a change of
session content or periodisation elsewhere does not break these tests."""

from __future__ import annotations

import math

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import make_profile
from planner.engine import rules as R
from planner.engine.progression import (
    _clamp,
    _History,
    _limit,
    _spike_cap,
    deload_interval,
    plan_weeks,
    quality_days,
    session_limit,
    spread,
    week_kinds,
    week_template,
)
from planner.engine.weekshape import SessionSpec
from planner.vocab import ENDURANCE_ACTIVITIES

LEVELS = ("beginner", "intermediate", "advanced")
ACTIVITIES = ("running", "cycling", "swimming", "walking", "strength", "general")


def fixed_minutes(profile):
    """Warm-up plus cool-down as the rules size them (the builder adds stretches on top)."""
    fixed = R.warmup_minutes(profile.session_minutes) + R.cooldown_minutes(profile.session_minutes)
    return lambda kind, carrier: min(fixed, profile.session_minutes - R.MIN_MAIN_MINUTES)


def skeleton(profile):
    return plan_weeks(profile, fixed_minutes(profile))


profiles = st.builds(
    lambda level, activity, weeks, days, minutes, age: make_profile(
        level=level, activity=activity, weeks=weeks, days_per_week=days, session_minutes=minutes, age=age),
    st.sampled_from(LEVELS),
    st.sampled_from(ACTIVITIES),
    st.sampled_from((1, 2, 3, 4, 5, 8, 13, 52)) | st.integers(1, 52),
    st.integers(1, 7),
    st.sampled_from((15, 16, 45, 179, 180)) | st.integers(15, 180),
    st.none() | st.sampled_from((14, 49, 50, 64, 65, 100)),
)


# --- week kinds: where the lighter weeks fall -------------------------------------------------


@pytest.mark.parametrize("weeks", [1, 2, 3, 4, 5, 12, 52])
@pytest.mark.parametrize(("age", "every"), [(None, 4), (14, 4), (49, 4), (50, 3), (100, 3)])
def test_lighter_weeks_close_each_block_and_never_open_the_plan(weeks: int, age: int | None, every: int) -> None:
    profile = make_profile(weeks=weeks, age=age)
    kinds = week_kinds(profile)
    assert len(kinds) == weeks
    assert kinds[0] == "base"
    assert deload_interval(profile) == every
    assert [i + 1 for i, k in enumerate(kinds) if k == "deload"] == list(range(every, weeks + 1, every))
    assert set(kinds) <= {"base", "build", "deload"}


def test_the_age_boundary_of_the_two_to_one_rhythm() -> None:
    """49 is 3:1 (lighter week 4), 50 is 2:1 (lighter week 3): the limit is `age >= 50`."""
    assert week_kinds(make_profile(weeks=6, age=49)) == ["base", "build", "build", "deload", "build", "build"]
    assert week_kinds(make_profile(weeks=6, age=50)) == ["base", "build", "deload", "build", "build", "deload"]


def test_an_event_plan_ends_in_taper_weeks_after_a_regular_peak() -> None:
    profile = make_profile(level="intermediate", event="2027-04-25 half-marathon")
    kinds = week_kinds(profile)
    tapers = [i for i, k in enumerate(kinds) if k == "taper"]
    assert tapers and tapers == list(range(len(kinds) - len(tapers), len(kinds)))
    assert kinds[tapers[0] - 1] == "build"  # the week before the taper is the peak, not a lighter week
    assert kinds[0] == "base"


# --- spread: days apart ---------------------------------------------------------------------


@given(
    offsets=st.lists(st.integers(0, 6), min_size=1, max_size=7, unique=True).map(sorted),
    count=st.integers(-1, 8),
    fixed=st.lists(st.integers(0, 6), max_size=3, unique=True),
)
def test_spread_picks_distinct_free_days_as_far_apart_as_possible(offsets, count, fixed) -> None:
    days = spread(offsets, count, fixed)
    free = [o for o in offsets if o not in fixed]
    assert list(days) == sorted(set(days))
    assert set(days) <= set(free)
    assert len(days) == max(0, min(count, len(free)))
    if len(days) >= 2 and not fixed:
        def min_gap(chosen):
            chosen = sorted(chosen)
            gaps = [b - a for a, b in zip(chosen, chosen[1:])] + [chosen[0] + 7 - chosen[-1]]
            return min(gaps)
        # No other choice of as many days keeps them further apart.
        from itertools import combinations

        assert min_gap(days) == max(min_gap(c) for c in combinations(free, len(days)))


def test_three_lifting_days_of_six_are_never_back_to_back() -> None:
    days = spread(R.DAY_LAYOUT[6], 3)
    assert all(b - a >= 2 for a, b in zip(days, days[1:]))


# --- the week's template ----------------------------------------------------------------------


@pytest.mark.parametrize("level", LEVELS)
@pytest.mark.parametrize("activity", ACTIVITIES)
@pytest.mark.parametrize("days", [1, 2, 6, 7])
def test_the_template_fits_the_days_and_keeps_a_rest_day(level: str, activity: str, days: int) -> None:
    profile = make_profile(level=level, activity=activity, days_per_week=days)
    template = week_template(profile)
    offsets = [o for o, _ in template]
    n = min(days, R.MAX_TRAINING_DAYS)
    assert offsets == sorted(set(offsets)) and len(offsets) == n
    assert all(0 <= o <= 6 for o in offsets)
    kinds = [k for _, k in template]
    if activity == "strength":
        lifting = [k for k in kinds if k in R.STRENGTH_SPLITS]
        assert len(lifting) == min(n, R.LEVEL_RULES[level].strength_days)
        assert set(kinds) - set(R.STRENGTH_SPLITS) <= {"recovery"}
    elif activity == "general":
        assert 1 <= kinds.count("circuit") <= max(1, math.ceil(n / 2))
        assert set(kinds) <= {"circuit", "easy"}
    elif activity == "running" and level == "beginner":
        assert set(kinds) == {"walk-run"}
    else:
        assert kinds.count("long") == (1 if n > 1 else 0)
        assert n == 1 or kinds[-1] == "long"  # the long session ends the week


@pytest.mark.parametrize("activity", sorted(ENDURANCE_ACTIVITIES))
@pytest.mark.parametrize("days", [1, 3, 4, 5, 6])
@pytest.mark.parametrize("week", [1, 2, 3, 52])
def test_quality_days_follow_the_level_and_avoid_the_long_day(activity: str, days: int, week: int) -> None:
    for level in LEVELS:
        profile = make_profile(level=level, activity=activity, days_per_week=days)
        template = week_template(profile)
        quality = quality_days(profile, template, week)
        rules = R.LEVEL_RULES[level]
        easy_days = {o for o, k in template if k == "easy"}
        assert set(quality) <= easy_days
        assert set(quality.values()) <= {"tempo", "intervals"}
        assert len(quality) <= min(rules.quality_sessions, 1 if days <= 4 else 2)
        if week < rules.quality_from_week:
            assert quality == {}
    assert quality_days(make_profile(activity="strength", level="advanced"), [(0, "easy")], 5) == {}


# --- the load ceilings --------------------------------------------------------------------------


@given(
    recent=st.lists(st.integers(0, 5000), min_size=0, max_size=3),
    last_regular=st.integers(1, 5000),
)
def test_the_weekly_limit_is_the_tighter_of_ten_percent_and_acwr(recent: list[int], last_regular: int) -> None:
    """Just inside the limit both ceilings hold; 1% past it at least one breaks."""
    history = _History(loads=list(recent), last_regular=last_regular)
    limit = _limit(history)
    assert limit <= R.WEEKLY_RISE_MAX * last_regular + 1e-9

    def holds(load: float) -> bool:
        window = recent[-3:] + [load]
        mean = sum(window) / len(window)
        return load <= R.WEEKLY_RISE_MAX * last_regular + 1e-9 and (mean == 0 or load / mean <= R.ACWR_MAX + 1e-9)

    assert holds(limit)
    assert not holds(limit * 1.01 + 1)


def test_the_first_week_has_no_ceiling_and_the_acwr_binds_after_a_light_month() -> None:
    assert _limit(_History()) == math.inf
    # Two weeks of 100, then a 300: 10% says 330, but the acute:chronic ratio allows
    # L <= 1.3 x (100+100+300+L)/4, i.e. L <= 650/2.7 = 240.7.
    history = _History(loads=[100, 100, 300], last_regular=300)
    assert _limit(history) == pytest.approx(1.3 * 500 / 2.7)


def test_the_spike_cap_is_ten_percent_over_the_longest_of_thirty_days() -> None:
    history = _History(mains=[(0, 40), (10, 60), (20, 50)])
    assert _spike_cap(history, 25) == math.floor(1.10 * 60)
    assert _spike_cap(history, 40) == math.floor(1.10 * 60)  # day 10 is 30 days before day 40
    assert _spike_cap(history, 41) == math.floor(1.10 * 50)  # ... and out of the window a day later
    assert _spike_cap(_History(), 3) == math.inf


specs_of_a_week = st.lists(
    st.builds(
        SessionSpec,
        offset=st.integers(0, 6),
        kind=st.sampled_from(("easy", "long", "tempo", "intervals", "walk-run")),
        main=st.integers(R.MIN_MAIN_MINUTES, 240),
        rpe=st.integers(3, 9),  # endurance sessions: easy (3) and up
        fixed=st.integers(3, 30),
    ),
    min_size=1, max_size=6, unique_by=lambda s: s.offset,
).map(lambda specs: sorted(specs, key=lambda s: s.offset))


@settings(max_examples=300, deadline=None)
@given(
    specs=specs_of_a_week,
    number=st.integers(2, 12),
    last_week=st.lists(st.tuples(st.integers(0, 6), st.integers(R.MIN_MAIN_MINUTES, 200)), min_size=1, max_size=6),
    loads=st.lists(st.integers(100, 4000), min_size=1, max_size=3),
)
def test_the_clamp_leaves_every_ceiling_holding_from_week_two(specs, number, last_week, loads) -> None:
    """Whatever the week asked for, what the clamp returns is within the 10%, ACWR and spike caps
    (the caps are the guarantee; that growth is gentle anyway is no reason to drop them)."""
    mains = [((number - 2) * 7 + day, main) for day, main in last_week]
    history = _History(loads=list(loads), last_regular=loads[-1], mains=list(mains))
    limit = _limit(history)
    out, applied = _clamp(list(specs), number, history, True, 3)
    assert [s.offset for s in out] == [s.offset for s in specs]
    assert 0 < applied <= 1.0
    seen = list(mains)
    for before, after in zip(specs, out):
        assert R.MIN_MAIN_MINUTES <= after.main <= before.main
        assert after.rpe <= before.rpe and after.fixed == before.fixed
        assert after.kind == before.kind or (before.kind in ("tempo", "intervals") and after.kind == "easy")
        day = (number - 1) * 7 + after.offset
        window = [m for d, m in seen if day - R.SPIKE_WINDOW_DAYS <= d < day]
        assert after.main <= max(R.MIN_MAIN_MINUTES, math.floor(R.SESSION_SPIKE_MAX * max(window))), (after, window)
        seen.append((day, after.main))
    if sum(2 * (s.fixed + R.MIN_MAIN_MINUTES) for s in specs) <= limit:
        assert sum(s.load for s in out) <= limit + 1e-9


# --- the whole skeleton, over many profiles ---------------------------------------------------


def regular_weeks_hold_the_ceilings(weeks) -> None:
    last_regular = None
    loads: list[int] = []
    for week in weeks:
        if last_regular is not None and week.kind not in ("deload", "taper"):
            assert week.load <= R.WEEKLY_RISE_MAX * last_regular + 1e-9, (week.number, week.load, last_regular)
        window = loads[-3:] + [week.load]
        mean = sum(window) / len(window)
        assert not mean or week.load / mean <= R.ACWR_MAX + 1e-9, (week.number, window)
        loads.append(week.load)
        if week.kind not in ("deload", "taper"):
            last_regular = week.load


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(profile=profiles)
def test_every_skeleton_keeps_the_ceilings_and_fits_the_profile(profile) -> None:
    weeks = skeleton(profile)
    assert [w.number for w in weeks] == list(range(1, profile.weeks + 1))
    assert [w.kind for w in weeks] == week_kinds(profile)
    n = min(profile.days_per_week, R.MAX_TRAINING_DAYS)
    regular_weeks_hold_the_ceilings(weeks)
    for week in weeks:
        offsets = [s.offset for s in week.sessions]
        assert offsets == sorted(set(offsets)) and all(0 <= o <= 6 for o in offsets)
        assert 1 <= len(week.sessions) <= n
        for s in week.sessions:
            assert s.main >= R.MIN_MAIN_MINUTES
            assert s.minutes <= session_limit(profile, s.kind), (week.number, s)
            assert 1 <= s.rpe <= 10
            assert s.hard == (s.rpe >= R.HARD_RPE)
        if week.kind == "deload":
            before = weeks[week.number - 2]
            assert R.DELOAD_MIN - 1e-9 <= week.load / before.load <= R.DELOAD_MAX + 1e-9
            assert {s.kind for s in week.sessions} <= {s.kind for s in before.sessions}
    if profile.level == "beginner":
        hard_days = sorted((w.number - 1) * 7 + s.offset for w in weeks for s in w.sessions if s.hard)
        assert all(b - a > 1 for a, b in zip(hard_days, hard_days[1:]))


@settings(max_examples=60, deadline=None)
@given(profile=profiles.filter(lambda p: p.activity in ENDURANCE_ACTIVITIES))
def test_no_endurance_session_spikes_past_the_longest_of_the_last_thirty_days(profile) -> None:
    seen: list[tuple[int, int]] = []
    for week in skeleton(profile):
        for s in week.sessions:
            day = (week.number - 1) * 7 + s.offset
            window = [m for d, m in seen if day - R.SPIKE_WINDOW_DAYS <= d < day]
            if week.number > 1 and window:
                assert s.main <= max(R.MIN_MAIN_MINUTES, math.floor(R.SESSION_SPIKE_MAX * max(window))), (
                    week.number, s, max(window))
            seen.append((day, s.main))


@pytest.mark.parametrize("level", LEVELS)
def test_week_two_is_held_to_week_one_by_the_spike_cap(level: str) -> None:
    """Week 1 is where the plan starts; from week 2 every long session is within 10% of it."""
    profile = make_profile(level=level, activity="cycling", days_per_week=4, session_minutes=60,
                           long_session_minutes=300)
    weeks = skeleton(profile)
    long1 = max(s.main for s in weeks[0].sessions)
    long2 = max(s.main for s in weeks[1].sessions)
    assert long2 <= math.floor(R.SESSION_SPIKE_MAX * long1)


def test_a_baseline_seeds_the_spike_cap_in_week_one() -> None:
    profile = make_profile(level="advanced", activity="running", days_per_week=4, session_minutes=90,
                           long_session_minutes=240, longest_recent_minutes=40)
    first = skeleton(profile)[0]
    assert max(s.main for s in first.sessions) <= math.floor(R.SESSION_SPIKE_MAX * 40)


@pytest.mark.parametrize(("weeks", "days", "minutes"), [(1, 1, 15), (1, 7, 180), (52, 1, 15), (52, 7, 180)])
@pytest.mark.parametrize("level", LEVELS)
def test_the_corners_of_the_profile_build_a_skeleton(weeks: int, days: int, minutes: int, level: str) -> None:
    for activity in ACTIVITIES:
        profile = make_profile(level=level, activity=activity, weeks=weeks, days_per_week=days,
                               session_minutes=minutes)
        built = skeleton(profile)
        assert len(built) == weeks
        regular_weeks_hold_the_ceilings(built)
        longest = max(s.minutes for w in built for s in w.sessions)
        assert longest <= max(session_limit(profile, k) for k in ("easy", "long"))
