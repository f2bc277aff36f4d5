"""Step extraction as properties over generated plans: every session's steps last its minutes."""

from __future__ import annotations

import datetime as dt

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planner import build_plan
from planner.export.steps import Repeat, Step, flat_seconds, session_steps
from planner.models import Profile
from planner.vocab import ACTIVITIES, LEVELS


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    activity=st.sampled_from(ACTIVITIES),
    level=st.sampled_from(LEVELS),
    days=st.integers(1, 6),
    minutes=st.integers(15, 180),
    weeks=st.integers(1, 6),
)
def test_steps_last_the_session_and_keep_block_order(activity, level, days, minutes, weeks):
    plan = build_plan(
        Profile(level=level, activity=activity, weeks=weeks, days_per_week=days, session_minutes=minutes,
                start_date=dt.date(2027, 1, 4)),
        seed=0,
    )
    order = {"warmup": 0, "active": 1, "rest": 1, "recovery": 1, "cooldown": 2}
    for week in plan.weeks:
        for session in week.sessions:
            items = session_steps(plan, session)
            assert flat_seconds(items) == session.minutes * 60
            steps = [s for i in items for s in (i.steps if isinstance(i, Repeat) else (i,))]
            assert all(isinstance(s, Step) and s.seconds >= 1 for s in steps)
            assert all(i.times >= 2 for i in items if isinstance(i, Repeat))
            phases = [order[s.intensity] for s in steps]
            assert phases == sorted(phases)
            assert steps[0].intensity == "warmup" and steps[-1].intensity == "cooldown"
            if activity != "swimming":
                assert all(s.distance_m is None for s in steps)
