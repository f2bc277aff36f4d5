"""FIT workout files, decoded by an independent decoder (fitdecode) with CRCs checked."""

from __future__ import annotations

import io

import fitdecode
import pytest

from conftest import device_plan
from planner.export.fit import fit_crc, session_to_fit
from planner.export.steps import Repeat, Step, Target, flat_seconds, session_steps

ACTIVITIES = {
    "running": ("running", "generic"),
    "cycling": ("cycling", "generic"),
    "swimming": ("swimming", "lap_swimming"),
    "walking": ("walking", "generic"),
    "strength": ("training", "strength_training"),
    "general": ("training", "cardio_training"),
}


_plan = device_plan


def _decode(data: bytes) -> list[tuple[str, dict]]:
    with fitdecode.FitReader(io.BytesIO(data), check_crc=fitdecode.CrcCheck.RAISE) as reader:
        return [
            (frame.name, {f.name: f.value for f in frame.fields})
            for frame in reader
            if isinstance(frame, fitdecode.FitDataMessage)
        ]


def _expected_messages(items) -> int:
    return sum(len(i.steps) + 1 if isinstance(i, Repeat) else 1 for i in items)


def _decoded_seconds(steps: list[dict], items) -> int:
    """Time of the decoded steps with repeats counted out (a repeat step names the index of
    its group's first step); a distance step counts the time the plan gives it."""
    flat = []
    for item in items:
        flat.extend([*item.steps, None] if isinstance(item, Repeat) else [item])
    total, per_index = 0, []
    for step, planned in zip(steps, flat, strict=True):
        if step["duration_type"] == "repeat_until_steps_cmplt":
            group = per_index[step["duration_step"]:]
            total += sum(group) * (step["repeat_steps"] - 1)
            per_index.append(0)
            continue
        value = step["duration_time"] if step["duration_type"] == "time" else planned.seconds
        total += value
        per_index.append(value)
    return round(total)


@pytest.mark.parametrize("activity", sorted(ACTIVITIES))
def test_every_session_decodes_with_its_sport_steps_and_minutes(activity):
    plan = _plan(activity)
    sport, sub_sport = ACTIVITIES[activity]
    for week in plan.weeks:
        for session in week.sessions:
            items = session_steps(plan, session)
            assert flat_seconds(items) == session.minutes * 60
            messages = _decode(session_to_fit(plan, session))
            names = [m for m, _ in messages]
            assert names[0] == "file_id" and names[1] == "workout"
            assert set(names[2:]) == {"workout_step"}
            file_id, workout = messages[0][1], messages[1][1]
            assert file_id["type"] == "workout"
            assert file_id["time_created"].date() == session.date
            assert (workout["sport"], workout["sub_sport"]) == (sport, sub_sport)
            assert workout["wkt_name"] == session.title
            steps = [fields for _, fields in messages[2:]]
            assert workout["num_valid_steps"] == len(steps) == _expected_messages(items)
            assert [s["message_index"] for s in steps] == list(range(len(steps)))
            assert _decoded_seconds(steps, items) == session.minutes * 60


def test_repeats_point_back_at_their_group_and_count_the_sets():
    plan = _plan("running")
    session = next(s for w in plan.weeks for s in w.sessions if s.kind == "tempo")
    items = session_steps(plan, session)
    group = next(i for i in items if isinstance(i, Repeat))
    steps = [f for _, f in _decode(session_to_fit(plan, session))[2:]]
    repeat = next(s for s in steps if s["duration_type"] == "repeat_until_steps_cmplt")
    first = steps[repeat["duration_step"]]
    assert repeat["repeat_steps"] == group.times
    assert first["wkt_step_name"] == group.steps[0].name
    assert first["duration_time"] == group.steps[0].seconds
    assert _decoded_seconds(steps, items) == session.minutes * 60


def test_swims_use_distance_and_the_pool_length():
    plan = _plan("swimming")
    session = plan.weeks[0].sessions[0]
    messages = _decode(session_to_fit(plan, session))
    assert messages[1][1]["pool_length"] == 25.0
    distances = [f for _, f in messages[2:] if f["duration_type"] == "distance"]
    flat = [x for s in session_steps(plan, session) for x in (s.steps if isinstance(s, Repeat) else (s,))]
    planned = [s for s in flat if isinstance(s, Step) and s.distance_m]  # swim sets are repeat groups
    assert distances and [d["duration_distance"] for d in distances] == [p.distance_m for p in planned]
    assert all(d["duration_distance"] % 25 == 0 for d in distances)  # whole pool lengths


def test_rpe_is_in_the_step_name_when_there_is_no_target():
    plan = _plan("running")
    session = plan.weeks[0].sessions[0]
    steps = [f for _, f in _decode(session_to_fit(plan, session))[2:]]
    rated = [s for s in steps if s["wkt_step_name"] and "(RPE " in s["wkt_step_name"]]
    assert rated and all(s["target_type"] == "open" for s in steps if s["duration_type"] != "repeat_until_steps_cmplt")


def test_targets_are_encoded_in_fit_units(monkeypatch):
    plan = _plan("cycling")
    session = plan.weeks[0].sessions[0]
    fake = [
        Step("Z2", "active", 600, target=Target("heart_rate", 130, 145)),
        Step("Tempo", "active", 300, target=Target("power_w", 200, 220)),
        Step("Pace", "active", 300, target=Target("speed", 3.2, 3.5)),
    ]
    monkeypatch.setattr("planner.export.fit.session_steps", lambda p, s: fake)
    steps = [f for _, f in _decode(session_to_fit(plan, session))[2:]]
    assert [s["target_type"] for s in steps] == ["heart_rate", "power", "speed"]
    # fitdecode reports custom values raw-ish per its profile; check them through their offsets.
    hr, power, speed = steps
    assert (hr["custom_target_heart_rate_low"], hr["custom_target_heart_rate_high"]) == (230, 245)
    assert (power["custom_target_power_low"], power["custom_target_power_high"]) == (1200, 1220)
    assert (speed["custom_target_speed_low"], speed["custom_target_speed_high"]) == (3.2, 3.5)


def test_bytes_are_identical_run_after_run_and_crc_is_valid():
    plan = _plan("strength")
    session = plan.weeks[1].sessions[1]
    first, second = session_to_fit(plan, session), session_to_fit(plan, session)
    assert first == second
    assert fit_crc(first[:12]) == int.from_bytes(first[12:14], "little")
    assert fit_crc(first[:-2]) == int.from_bytes(first[-2:], "little")
    assert fit_crc(first) == 0  # a whole FIT file checks to zero
    corrupt = bytearray(first)
    corrupt[40] ^= 0xFF
    with pytest.raises(fitdecode.FitCRCError):
        _decode(bytes(corrupt))


def test_unicode_names_survive_and_long_ones_are_cut_at_a_character():
    plan = _plan("running")
    session = plan.weeks[0].sessions[0].model_copy(update={"title": "Zoë's ø run " + "é" * 60})
    workout = _decode(session_to_fit(plan, session))[1][1]
    assert workout["wkt_name"].startswith("Zoë's ø run é")
    assert len(workout["wkt_name"].encode("utf-8")) <= 47
