"""Issue 12, periodisation: heavy/moderate/light days, reps in reserve spread, weekly sets per
muscle balanced, rep-max test weeks, lifting warm-ups a third of the session, lift ids checked."""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from planner import build_plan
from planner.cli import app
from planner.engine import rules as R
from planner.engine.checks import check_plan
from planner.errors import ProfileError
from planner.models import Plan, Profile

START = dt.date(2027, 1, 4)
GYM = ["barbell", "dumbbells", "bench", "machines", "cable", "pull-up bar"]
LOADED_KITS = [GYM, ["dumbbells", "bench"], ["barbell", "dumbbells", "kettlebell", "bench"]]
SETTINGS = settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
GROUP = {"quadriceps": "quads", "hamstrings": "hams", "glutes": "glutes", "chest": "chest",
         "lats": "back", "middle back": "back"}

trained = st.builds(
    Profile, level=st.sampled_from(["intermediate", "advanced"]), activity=st.just("strength"),
    weeks=st.integers(6, 16), days_per_week=st.integers(2, 6), session_minutes=st.sampled_from([45, 60, 75]),
    equipment=st.sampled_from(LOADED_KITS), start_date=st.just(START),
)


def _main(session):
    return [i for b in session.blocks if b.kind == "main" for i in b.items]


def weekly_sets(plan: Plan, week) -> Counter:
    """Hard sets a week per major muscle group: 1 for an exercise's first primary muscle,
    0.5 for each other (a squat is a quad exercise that also works the glutes)."""
    ex = {e.id: e for e in plan.exercises}
    out: Counter = Counter()
    for s in week.sessions:
        for item in _main(s):
            e = ex.get(item.exercise_id)
            if e is None or e.category != "strength":
                continue
            groups = list(dict.fromkeys(GROUP[m] for m in e.primary_muscles if m in GROUP))
            for k, g in enumerate(groups):
                out[g] += (item.sets or 1) * (1 if k == 0 else 0.5)
    return out


@SETTINGS
@given(profile=trained)
def test_trained_weeks_have_heavy_and_light_days_and_a_spread_of_reserve(profile: Profile) -> None:
    plan = build_plan(profile)
    assert check_plan(plan) == []
    ex = {e.id: e for e in plan.exercises}
    sets = low_rir = heavy = 0
    for week in plan.weeks:
        if week.kind == "deload":
            continue
        for s in week.sessions:
            for item in _main(s):
                e = ex[item.exercise_id]
                if e.category == "strength" and item.reps and item.rir is not None:
                    sets += item.sets or 1
                    low_rir += (item.sets or 1) if item.rir <= 1 else 0
                    heavy += (item.sets or 1) if item.reps <= 6 else 0
    assert low_rir <= 0.5 * sets  # at most half of the sets at 1 in reserve or closer
    if profile.level == "advanced" and "barbell" in profile.equipment:
        assert heavy >= 0.15 * sets
    # A lifting week with two or more days holds a heavy day (main lifts <= 6 reps, >= 2 in
    # reserve at the top) and a lighter one (main lifts 10+ reps).
    lifting = [s for s in plan.weeks[1].sessions if s.kind in R.STRENGTH_SPLITS]
    if len(lifting) >= 2 and plan.weeks[1].kind != "deload":
        tops = [max((i.reps or 0) for i in _main(s) if i.rep_max) for s in lifting if any(i.rep_max for i in _main(s))]
        lows = [min((i.reps or 99) for i in _main(s) if i.rep_max) for s in lifting if any(i.rep_max for i in _main(s))]
        assert min(lows) <= 6 and max(tops) >= 10, (lows, tops)
        tips = " ".join(t for s in lifting for t in s.tips)
        assert "Heavy day" in tips and "Light day" in tips


def test_heavy_day_main_lifts_keep_two_or_more_in_reserve_and_the_last_block_goes_low_rep() -> None:
    profile = Profile(level="advanced", activity="strength", days_per_week=4, weeks=12, equipment=GYM,
                      start_date=START)
    plan = build_plan(profile)
    for week in plan.weeks:
        for s in week.sessions:
            if any("Heavy day" in t for t in s.tips):
                for item in _main(s):
                    if item.exercise_id in ("barbell-back-squat", "barbell-bench-press"):
                        assert item.reps <= 6 and item.rir >= 2
    last = plan.weeks[-2]  # a build week of the last block
    kinds = [t.split(":")[0] for s in last.sessions for t in s.tips if " day:" in t]
    assert "Moderate day" not in kinds and "Heavy day" in kinds  # the low-rep phase
    first = [t.split(":")[0] for s in plan.weeks[1].sessions for t in s.tips if " day:" in t]
    assert "Moderate day" in first


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(profile=trained.filter(lambda p: p.days_per_week >= 3))
def test_weekly_sets_per_major_muscle_are_balanced(profile: Profile) -> None:
    plan = build_plan(profile)
    for week in plan.weeks:
        if week.kind == "deload":
            continue
        counts = weekly_sets(plan, week)
        values = [counts[g] for g in ("quads", "hams", "glutes", "chest", "back")]
        # None over twice another's; 3-day full-body weeks of 45 min reach 2.2 in a block's
        # last weeks (the note says so), so they get 2.5.
        ratio = 2 if profile.days_per_week >= 4 else 2.5
        assert min(values) > 0 and max(values) <= ratio * min(values), (week.number, dict(counts))
        if profile.days_per_week >= 4 and profile.session_minutes >= 60 and week.number > 1:
            assert min(values) >= 10, (week.number, dict(counts))


def test_full_gym_advanced_week_is_balanced_where_it_was_not() -> None:
    """Before issue 12: glutes 18 vs chest 8 on a 6-day advanced week."""
    plan = build_plan(Profile(level="advanced", activity="strength", days_per_week=6, weeks=8,
                              equipment=GYM + ["kettlebell"], start_date=START))
    counts = weekly_sets(plan, plan.weeks[1])
    assert counts["glutes"] <= 2 * counts["chest"] and counts["chest"] >= 10


@SETTINGS
@given(profile=st.builds(
    Profile, level=st.sampled_from(["beginner", "intermediate", "advanced"]),
    activity=st.sampled_from(["strength", "general"]), weeks=st.integers(4, 12),
    days_per_week=st.integers(2, 6), session_minutes=st.sampled_from([30, 45, 60, 75]),
    equipment=st.sampled_from([["none"], *LOADED_KITS, ["kettlebell"]]),
    age=st.none() | st.integers(18, 85), start_date=st.just(START),
))
def test_lifting_warm_up_and_cool_down_are_at_most_a_third(profile: Profile) -> None:
    plan = build_plan(profile)
    for week in plan.weeks:
        if week.kind == "deload":
            continue  # lighter weeks shorten the main work, not the warm-up (see the note)
        for s in week.sessions:
            if not R.is_lifting(s.kind):
                continue
            fixed = sum(b.minutes for b in s.blocks if b.kind != "main")
            limit = R.LIFTING_FIXED_SHARE_MAX if s.minutes >= R.LIFTING_SHORT_SESSION_MIN else R.LIFTING_FIXED_SHARE_MAX_SHORT
            assert fixed <= limit * s.minutes, (week.number, s.kind, s.minutes, fixed)
            warm = next(b for b in s.blocks if b.kind == "warmup")
            assert warm.minutes >= 3
            notes = " ".join(i.notes for i in _main(s)).lower()
            assert "ramp" not in notes  # the ramp sets are the warm-up's item, said once


def test_test_weeks_test_each_loaded_main_lift_first_and_last() -> None:
    profile = Profile(level="intermediate", activity="strength", days_per_week=4, weeks=8, equipment=GYM,
                      start_date=START, test_weeks=True)
    plan = build_plan(profile)
    assert check_plan(plan) == []
    for week in plan.weeks:
        tested = [i for s in week.sessions for i in _main(s) if "test:" in i.notes]
        if week.number in (1, profile.weeks):
            ids = {i.exercise_id for i in tested}
            assert {"barbell-back-squat", "barbell-bench-press", "barbell-deadlift"} <= ids
            for item in tested:
                assert item.sets == 1 and item.reps == R.TEST_REPS["intermediate"]
                assert item.rir == R.TEST_RIR["intermediate"] and item.rest_s >= R.TEST_REST_S
            assert any("Test week" in t for s in week.sessions for t in s.tips)
        else:
            assert not tested
    plain = build_plan(profile.model_copy(update={"test_weeks": False}))
    assert not any("test:" in i.notes for w in plain.weeks for s in w.sessions for i in _main(s))


def test_lower_back_gets_split_squats_hip_thrusts_and_chest_supported_rows_with_a_note() -> None:
    plan = build_plan(Profile(level="advanced", activity="strength", days_per_week=4, weeks=8, equipment=GYM,
                              limitations=["lower-back"], start_date=START))
    items = {i.exercise_id: i for s in plan.weeks[1].sessions for i in _main(s)}
    for ident, replaced in (("dumbbell-split-squat", "Barbell back squat"), ("barbell-hip-thrust", "Barbell deadlift"),
                            ("chest-supported-dumbbell-row", "Barbell bent-over row")):
        assert ident in items, sorted(items)
        assert f"instead of {replaced} (not with your lower-back)" in items[ident].notes
        assert items[ident].rep_max is not None  # loaded, with load guidance
    assert "hip-hinge-drill" not in items and "bodyweight-good-morning" not in items


def test_unknown_lift_id_stops_the_plan_with_close_ids(tmp_path) -> None:
    with pytest.raises(ProfileError, match="lifts: 'barbel-back-squat'.*'barbell-back-squat'"):
        build_plan(Profile(level="intermediate", activity="strength", start_date=START, equipment=GYM,
                           lifts={"barbel-back-squat": {"weight_kg": 100, "reps": 5}}))
    out = tmp_path / "plan.json"
    result = CliRunner().invoke(app, ["generate", "--level", "intermediate", "--activity", "strength",
                                      "--equipment", "barbell", "--lift", "barbel-back-squat 100x5",
                                      "-f", "json", "-o", str(out)])
    assert result.exit_code == 2
    message = result.output.strip()
    assert len(message.splitlines()) == 1 and "barbel-back-squat" in message and "barbell-back-squat" in message
    assert "Traceback" not in message and not out.exists()


def test_test_weeks_flag_reaches_the_plan(tmp_path) -> None:
    out = tmp_path / "plan.json"
    result = CliRunner().invoke(app, ["generate", "--level", "advanced", "--activity", "strength",
                                      "--equipment", "barbell,bench", "--test-weeks", "--start-date", "2027-01-04",
                                      "-f", "json", "-o", str(out)])
    assert result.exit_code == 0, result.output
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["profile"]["test_weeks"] is True
    week1 = [i for s in data["weeks"][0]["sessions"] for b in s["blocks"] for i in b["items"]]
    assert any(i["notes"].startswith("test:") and i["reps"] == 3 for i in week1)


def test_test_weeks_has_a_schema_description() -> None:
    assert "rep max" in (Profile.model_fields["test_weeks"].description or "")
