"""Personal zones (issue 11): the equations against published tables, zones ordered and apart,
targets on a plan exactly where the inputs give them, and the targets in every output."""

from __future__ import annotations

import datetime as dt
import io
import json
import re
from functools import lru_cache

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from planner import build_plan
from planner.cli import app as APP
from planner.engine import zones as Z
from planner.engine.checks import check_plan
from planner.engine.targets import MIN_HR_REP_S, NO_TARGET_PATTERNS
from planner.models import Plan, Profile

START = dt.date(2027, 1, 4)
runner = CliRunner(env={"COLUMNS": "110", "NO_COLOR": "1", "TERM": "dumb"})
TARGET_FIELDS = ("pace_s_per_km", "hr_bpm", "power_w", "pace_s_per_100m")


def _clock(text: str) -> int:
    parts = [int(p) for p in text.split(":")]
    return sum(p * 60 ** i for i, p in enumerate(reversed(parts)))


# --- the equations against published points ----------------------------------------------------

@pytest.mark.parametrize(("metres", "time", "expected"), [
    (10_000, "50:00", 40.0),  # the brief's check: a 50:00 10k is about VDOT 40
    (5_000, "25:00", 38.3),  # training guidelines: "a 5 km in 25:00 gives VDOT about 38"
    # Daniels' equivalent-performance table: VDOT 30, 50, 60
    (5_000, "30:40", 30.0), (10_000, "41:21", 50.0), (42_195, "3:10:49", 50.0), (5_000, "17:03", 60.0),
])
def test_vdot_matches_published_points(metres, time, expected) -> None:
    assert Z.vdot(metres, _clock(time)) == pytest.approx(expected, abs=0.3)


@pytest.mark.parametrize(("score", "metres", "time", "tolerance_s"), [
    (40, 5_000, "24:08", 10), (40, 42_195, "3:49:45", 60), (50, 10_000, "41:21", 10),
    (50, 21_097.5, "1:31:35", 30), (60, 10_000, "35:22", 10), (30, 21_097.5, "2:21:04", 60),
])
def test_race_equivalents_match_daniels_table(score, metres, time, tolerance_s) -> None:
    assert abs(Z.race_seconds(score, metres) - _clock(time)) <= tolerance_s


def _zone(zones, key):
    return next(z for z in zones if z.key == key)


def test_training_paces_match_the_guidelines_example_and_daniels_vdot_50() -> None:
    # 5 km in 25:00: easy about 6:20-7:00, threshold about 5:15, interval about 4:50 a km.
    paces = Z.running_paces(Z.vdot(5000, 1500))
    easy, tempo, interval = _zone(paces, "E"), _zone(paces, "T"), _zone(paces, "I")
    assert easy.low <= _clock("6:20") and easy.high >= _clock("7:00")
    assert abs(tempo.low - _clock("5:15")) <= 5
    assert interval.low <= _clock("4:50") <= interval.high
    # VDOT 50 (Daniels' table): M 4:31, T 4:15, I 3:55, R 88 s a 400 m (3:40 a km).
    paces = Z.running_paces(50)
    assert abs(_zone(paces, "M").low - _clock("4:31")) <= 3
    assert abs(_zone(paces, "T").low - _clock("4:15")) <= 3
    assert _zone(paces, "I").low <= _clock("3:55") <= _zone(paces, "I").high
    assert _zone(paces, "R").low <= 220 <= _zone(paces, "R").high


def test_heart_rate_power_and_swim_zones_follow_their_formulas() -> None:
    assert Z.tanaka_max(40) == 180 and Z.tanaka_max(70) == 159
    heart = Z.heart_zones(180, 60)  # Karvonen: 60 + share x 120
    assert (_zone(heart, "Z2").low, _zone(heart, "Z2").high) == (132, 143)  # 60-70% of the reserve
    assert _zone(heart, "Z4").low == 156 and heart[-1].high == 180
    power = Z.power_zones(250)  # Coggan: endurance 56-75%, threshold 91-105%
    assert (_zone(power, "Z2").low, _zone(power, "Z2").high) == (140, 187)
    assert (_zone(power, "Z4").low, _zone(power, "Z4").high) == (228, 262)
    swim = Z.swim_zones(115)  # CSS 1:55: endurance CSS + 5-10 s, threshold about CSS
    assert (_zone(swim, "endurance").low, _zone(swim, "endurance").high) == (120, 125)
    assert _zone(swim, "threshold").low <= 115 <= _zone(swim, "threshold").high


# --- zones are ordered and never overlap ---------------------------------------------------------

def _apart(zones, harder_is_lower: bool) -> None:
    for zone in zones:
        assert zone.low <= zone.high
    for easier, harder in zip(zones, zones[1:]):
        if harder_is_lower:  # paces: a harder zone is faster, fewer seconds
            assert harder.high < easier.low
        else:
            assert harder.low > easier.high


@settings(max_examples=200, deadline=None)
@given(score=st.floats(15, 90))
def test_paces_are_ordered_and_apart(score: float) -> None:
    _apart(Z.running_paces(score), harder_is_lower=True)


@settings(max_examples=200, deadline=None)
@given(top=st.integers(120, 230), data=st.data())
def test_heart_zones_are_ordered_apart_and_end_at_the_maximum(top: int, data: st.DataObject) -> None:
    resting = data.draw(st.none() | st.integers(30, min(100, top - 40)))
    zones = Z.heart_zones(top, resting)
    _apart(zones, harder_is_lower=False)
    assert zones[-1].high == top


@settings(max_examples=200, deadline=None)
@given(ftp=st.integers(50, 600), css=st.integers(55, 240))
def test_power_and_swim_zones_are_ordered_and_apart(ftp: int, css: int) -> None:
    _apart(Z.power_zones(ftp), harder_is_lower=False)
    _apart(Z.swim_zones(css), harder_is_lower=True)


# --- targets on plans: present exactly where the inputs give them ----------------------------------

@st.composite
def zone_profiles(draw: st.DrawFn) -> Profile:
    activity = draw(st.sampled_from(["running", "cycling", "swimming", "walking", "strength"]))
    top = draw(st.none() | st.integers(150, 210))
    data = {
        "level": draw(st.sampled_from(["beginner", "intermediate", "advanced"])),
        "activity": activity,
        "weeks": draw(st.integers(2, 10)),
        "days_per_week": draw(st.integers(2, 6)),
        "session_minutes": draw(st.sampled_from([20, 30, 45, 60, 90])),
        "start_date": START,
        "age": draw(st.none() | st.integers(14, 90)),
        "units": draw(st.sampled_from(["metric", "imperial"])),
        "max_hr": top,
        "resting_hr": draw(st.none() | st.integers(40, 60)),
        "recent_race": draw(st.none() | st.sampled_from(["5k 22:30", "10k 52:30", "half-marathon 1:45:00",
                                                          "marathon 3:59:59", "1500m 6:10"])),
        "ftp_watts": draw(st.none() | st.integers(80, 400)),
        "css_per_100m": draw(st.none() | st.sampled_from(["1:25", "1:55", "2:40"])),
    }
    return Profile.model_validate(data)


def _main_lines(plan: Plan):
    exercises = {e.id: e for e in plan.exercises}
    for week in plan.weeks:
        for session in week.sessions:
            for block in session.blocks:
                for item in block.items:
                    yield session, block, item, exercises.get(item.exercise_id)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(profile=zone_profiles())
def test_targets_are_present_iff_the_input_is_known(profile: Profile) -> None:
    plan = build_plan(profile)
    assert check_plan(plan) == []
    zones = Z.profile_zones(profile)
    for session, block, item, ex in _main_lines(plan):
        eligible = (block.kind == "main" and item.rpe is not None and ex is not None and ex.category == "cardio"
                    and ex.pattern not in NO_TARGET_PATTERNS and profile.activity in ex.activities)
        if not eligible:
            assert all(getattr(item, f) is None for f in TARGET_FIELDS) and item.zone is None
            continue
        running_pace = profile.activity == "running" and profile.recent_race is not None
        wants_pace = running_pace and "hill" not in item.exercise_id and (
            session.kind != "race" or zones.race_pace is not None)
        assert (item.pace_s_per_km is not None) == wants_pace, item
        long_enough = (item.duration_s or 0) * (2 if item.per_side else 1) >= MIN_HR_REP_S or (
            item.duration_s is None and item.distance_m is not None)
        has_max = profile.max_hr is not None or profile.age is not None
        wants_hr = profile.activity in Z.HR_ACTIVITIES and has_max and long_enough and session.kind != "race"
        assert (item.hr_bpm is not None) == wants_hr, item
        assert (item.power_w is not None) == (profile.activity == "cycling" and profile.ftp_watts is not None)
        assert (item.pace_s_per_100m is not None) == (
            profile.activity == "swimming" and profile.css_per_100m is not None)
        for field in TARGET_FIELDS:
            pair = getattr(item, field)
            assert pair is None or pair[0] <= pair[1]
        if item.hr_bpm is not None:
            assert item.hr_bpm[1] <= zones.max_hr
        if item.pace_s_per_km is not None and session.kind != "race":
            allowed = [(z.low, z.high) for z in zones.paces]
            assert tuple(item.pace_s_per_km) in allowed
            # easier work is never given a faster pace than harder work
            easy = Z.running_paces(zones.vdot)[0]
            if ex.pattern == "tempo":  # a tempo run is run at T pace whatever its RPE
                assert item.zone == "T"
            elif ex.pattern == "intervals":
                assert item.zone in ("T", "I")
            elif item.rpe <= 5:
                assert tuple(item.pace_s_per_km) == (easy.low, easy.high)


def test_a_plan_without_inputs_has_no_targets_and_is_unchanged() -> None:
    plain = Profile(level="intermediate", activity="running", weeks=4, start_date=START)
    plan = build_plan(plain)
    assert all(getattr(item, f) is None for _, _, item, _ in _main_lines(plan) for f in TARGET_FIELDS)
    text = plan.model_dump_json()
    assert not any(f'"{key}"' in text for key in ("zone", *TARGET_FIELDS))  # the plan JSON is as before
    zoned_text = build_plan(plain.model_copy(update={"max_hr": 180})).model_dump_json()
    assert '"hr_bpm":[' in zoned_text and '"pace_s_per_km"' not in zoned_text
    assert Plan.model_validate_json(zoned_text).model_dump_json() == zoned_text
    zoned = build_plan(plain.model_copy(update={"ftp_watts": 250}))  # FTP means nothing to a runner
    assert zoned.weeks == plan.weeks


def test_plans_with_zones_are_deterministic() -> None:
    profile = Profile(level="advanced", activity="running", weeks=6, days_per_week=5, start_date=START,
                      recent_race="10k 45:00", max_hr=190, resting_hr=50)
    assert build_plan(profile).model_dump_json() == build_plan(profile).model_dump_json()


# --- inputs: text forms and one-line errors ------------------------------------------------------

def test_text_forms_are_read_and_written_back() -> None:
    p = Profile(level="beginner", activity="running", recent_race=" Half-Marathon 1:45:00 ", css_per_100m="01:55")
    assert (p.recent_race.distance, p.recent_race.time, p.recent_race.seconds) == ("half-marathon", "1:45:00", 6300)
    assert p.css_per_100m == "1:55"
    again = Profile.model_validate_json(p.model_dump_json())
    assert again == p


def _generate(tmp_path, *args: str):
    out = tmp_path / "p.json"
    result = runner.invoke(APP, ["generate", "--level", "intermediate", "--start-date", START.isoformat(),
                                 "-f", "json", "-o", str(out), *args])
    return result, out


@pytest.mark.parametrize(("args", "needle"), [
    (["--activity", "running", "--recent-race", "10k"], "recent_race: '10k' is not allowed (write it as"),
    (["--activity", "running", "--recent-race", "10k 5:30"], "recent_race.time: '5:30' is not allowed (allowed for 10k: 25:00 to 2:30:00"),
    (["--activity", "running", "--recent-race", "800m 2:10"], "recent_race.distance: '800m' is not allowed (allowed: a race from 1500 m"),
    (["--activity", "running", "--recent-race", "10k 52:75"], "recent_race.time: '52:75' is not allowed (write a time as mm:ss"),
    (["--activity", "running", "--max-hr", "250"], "max_hr: 250 is not allowed (allowed: a number from 120 to 230)"),
    (["--activity", "running", "--max-hr", "150", "--resting-hr", "120"], "resting_hr: 120 is not allowed"),
    (["--activity", "running", "--max-hr", "130", "--resting-hr", "95"], "resting_hr: 95 is not allowed (allowed: at least 40 beats under max_hr (130), so at most 90)"),
    (["--activity", "cycling", "--ftp", "20"], "ftp_watts: 20 is not allowed (allowed: a number from 50 to 600)"),
    (["--activity", "swimming", "--css", "0:30"], "css_per_100m: '0:30' is not allowed (allowed: 0:55 to 4:00 per 100 m)"),
    (["--activity", "swimming", "--css", "fast"], "css_per_100m: 'fast' is not allowed"),
    (["--activity", "running", "--recent-race", "10k " + "9" * 200], "recent_race.time"),
])
def test_bad_zone_inputs_are_one_line_errors(tmp_path, args, needle) -> None:
    result, out = _generate(tmp_path, *args)
    assert result.exit_code == 2, result.output
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert len(lines) == 1 and needle in lines[0], result.output
    assert len(lines[0]) < 260 and "Traceback" not in result.output
    assert not out.exists()


def test_a_roster_row_and_a_profile_file_take_the_zone_fields(tmp_path) -> None:
    from planner.batch.roster import open_roster, row_profile

    roster = tmp_path / "r.csv"
    roster.write_text("name,level,activity,recent_race,max_hr,resting_hr,ftp_watts,css_per_100m\n"
                      "Zoë,intermediate,running,10k 52:30,185,55,,\n", encoding="utf-8")
    opened = open_roster(roster)
    profile = row_profile(next(opened.rows()), opened.source)
    assert profile.recent_race is not None and profile.recent_race.seconds == 3150
    assert (profile.max_hr, profile.resting_hr, profile.ftp_watts) == (185, 55, None)
    file = tmp_path / "me.toml"
    file.write_text('level = "advanced"\nactivity = "swimming"\ncss_per_100m = "1:40"\n'
                    'recent_race = {distance = "5k", time = "20:00"}\n', encoding="utf-8")
    result, out = _generate(tmp_path, "--profile", str(file))
    assert result.exit_code == 0, result.output
    plan = Plan.model_validate_json(out.read_text(encoding="utf-8"))
    assert any(item.pace_s_per_100m for _, _, item, _ in _main_lines(plan))


def test_init_asks_the_zone_questions_for_the_activity(tmp_path) -> None:
    out = tmp_path / "me.toml"
    answers = ["Zoë", "intermediate", "running", "8", "4", "50", "none", "", "", "2027-01-04", "metric", "", "",
               "", "", "", "", "10k 52:30", "186", "52"]
    result = runner.invoke(APP, ["init", "-o", str(out)], input="\n".join(answers) + "\n")
    assert result.exit_code == 0, result.output
    assert "Functional threshold power" not in result.output  # FTP is asked of riders only
    text = out.read_text(encoding="utf-8")
    assert 'recent_race = {"distance" = "10k", "time" = "52:30"}' in text
    assert "max_hr = 186" in text and "resting_hr = 52" in text


# --- the targets in every output ----------------------------------------------------------------

@lru_cache(maxsize=None)
def _saved(tmp: str, *args: str) -> Plan:
    result, out = _generate(__import__("pathlib").Path(tmp), *args)
    assert result.exit_code == 0, result.output
    return Plan.model_validate_json(out.read_text(encoding="utf-8"))


def test_show_prints_the_zones_and_the_targets_in_the_units(tmp_path) -> None:
    args = ["--activity", "running", "--recent-race", "10k 50:00", "--max-hr", "185", "--resting-hr", "55",
            "--weeks", "6", "--days-per-week", "4"]
    metric, _ = _generate(tmp_path, *args)
    assert metric.exit_code == 0
    plan_file = tmp_path / "p.json"
    overview = runner.invoke(APP, ["show", str(plan_file)]).stdout
    assert "Your zones" in overview and "VDOT 40.0" in overview
    assert "E · easy: easy and long runs, RPE 3–5 · 5:51–6:59/km" in overview
    assert "Z2 · easy: easy and long sessions, RPE 3–5 · 133–145 bpm" in overview
    week = runner.invoke(APP, ["show", str(plan_file), "--week", "1"]).stdout
    assert "RPE 3 · 5:51–6:59/km · 133–145 bpm" in week
    imperial = runner.invoke(APP, ["show", "--level", "intermediate", "--start-date", START.isoformat(), *args,
                                   "--units", "imperial", "--week", "1"]).stdout
    # 351-419 s a km is 9:25-11:14 a mile
    assert "9:25–11:14/mi" in imperial and "/km" not in imperial
    plain = runner.invoke(APP, ["show", "--level", "intermediate", "--activity", "running"]).stdout
    assert "Your zones" not in plain


def test_handout_has_a_zones_page_and_targets_beside_the_effort(tmp_path) -> None:
    pypdf = pytest.importorskip("pypdf")
    common = ["generate", "--level", "intermediate", "--activity", "cycling", "--weeks", "4",
              "--start-date", START.isoformat()]
    with_zones, plain = tmp_path / "z.pdf", tmp_path / "p.pdf"
    assert runner.invoke(APP, [*common, "--ftp", "250", "--max-hr", "180", "-o", str(with_zones)]).exit_code == 0
    assert runner.invoke(APP, [*common, "-o", str(plain)]).exit_code == 0
    zoned = pypdf.PdfReader(str(with_zones))
    pages = [page.extract_text() for page in zoned.pages]
    assert len(pages) == len(pypdf.PdfReader(str(plain)).pages) + 1
    at = next(i for i, page in enumerate(pages) if "Your zones" in page)
    assert at <= 2 and "Cycling power" in pages[at] and "Heart rate" in pages[at]
    assert "140–187 W" in pages[at] and "56–75%" in pages[at]
    assert "Maximum 180 bpm: shares of the maximum" in pages[at]
    weeks = "".join(pages[at + 1:])
    assert "RPE 3 · 140–187 W" in weeks
    plain_text = "".join(p.extract_text() for p in pypdf.PdfReader(str(plain)).pages)
    assert "Your zones" not in plain_text and " W ·" not in plain_text
    again = tmp_path / "z2.pdf"
    runner.invoke(APP, [*common, "--ftp", "250", "--max-hr", "180", "-o", str(again)])
    assert again.read_bytes() == with_zones.read_bytes()


def test_an_age_alone_gives_heart_rates_labelled_as_an_estimate(tmp_path) -> None:
    pypdf = pytest.importorskip("pypdf")
    out = tmp_path / "w.pdf"
    result = runner.invoke(APP, ["generate", "--level", "beginner", "--activity", "walking", "--age", "70",
                                 "--weeks", "3", "--start-date", START.isoformat(), "-o", str(out)])
    assert result.exit_code == 0, result.output
    text = "".join(page.extract_text() for page in pypdf.PdfReader(str(out)).pages)
    assert "Maximum 159 bpm is an estimate from your age" in text


def _fit_steps(data: bytes) -> list[dict]:
    import fitdecode

    with fitdecode.FitReader(io.BytesIO(data), check_crc=fitdecode.CrcCheck.RAISE) as reader:
        return [{f.name: f.value for f in frame.fields} for frame in reader
                if isinstance(frame, fitdecode.FitDataMessage) and frame.name == "workout_step"]


def test_fit_files_carry_pace_power_and_heart_rate_targets() -> None:
    from planner.export.fit import session_to_fit

    run = build_plan(Profile(level="intermediate", activity="running", weeks=3, start_date=START,
                             recent_race="10k 50:00", max_hr=185))
    session = run.weeks[0].sessions[0]
    item = next(i for b in session.blocks if b.kind == "main" for i in b.items if i.pace_s_per_km)
    step = next(s for s in _fit_steps(session_to_fit(run, session)) if s["target_type"] == "speed")
    fast, slow = item.pace_s_per_km
    assert step["custom_target_speed_low"] == pytest.approx(1000 / slow, abs=0.002)
    assert step["custom_target_speed_high"] == pytest.approx(1000 / fast, abs=0.002)

    ride = build_plan(Profile(level="intermediate", activity="cycling", weeks=3, start_date=START, ftp_watts=250))
    session = ride.weeks[0].sessions[0]
    item = next(i for b in session.blocks if b.kind == "main" for i in b.items if i.power_w)
    step = next(s for s in _fit_steps(session_to_fit(ride, session)) if s["target_type"] == "power")
    assert (step["custom_target_power_low"], step["custom_target_power_high"]) == (
        item.power_w[0] + 1000, item.power_w[1] + 1000)

    walk = build_plan(Profile(level="beginner", activity="walking", weeks=3, start_date=START, max_hr=170,
                              resting_hr=60))
    session = walk.weeks[0].sessions[0]
    item = next(i for b in session.blocks if b.kind == "main" for i in b.items if i.hr_bpm)
    step = next(s for s in _fit_steps(session_to_fit(walk, session)) if s["target_type"] == "heart_rate")
    assert (step["custom_target_heart_rate_low"], step["custom_target_heart_rate_high"]) == (
        item.hr_bpm[0] + 100, item.hr_bpm[1] + 100)


def test_zwo_uses_ftp_fractions_only_when_ftp_is_given() -> None:
    from planner.export.zwo import session_to_zwo

    profile = Profile(level="intermediate", activity="cycling", weeks=3, start_date=START)
    for ftp in (None, 250):
        plan = build_plan(profile.model_copy(update={"ftp_watts": ftp}))
        xml = session_to_zwo(plan, plan.weeks[0].sessions[0]).decode("utf-8")
        powers = [float(p) for p in re.findall(r'Power="([0-9.]+)"', xml)]
        if ftp is None:
            assert powers == []
        else:
            assert powers and all(0.56 <= p <= 0.75 for p in powers)  # an easy ride: endurance zone


def test_calendar_events_print_the_targets(tmp_path) -> None:
    out = tmp_path / "c.ics"
    result = runner.invoke(APP, ["generate", "--level", "intermediate", "--activity", "swimming", "--weeks", "3",
                                 "--css", "1:55", "--start-date", START.isoformat(), "-f", "ics", "-o", str(out)])
    assert result.exit_code == 0, result.output
    text = out.read_text(encoding="utf-8").replace("\r\n ", "")
    assert "/100m" in text
    assert re.search(r"\d:\d\d-\d:\d\d /100 m", text)  # the device step line, as a pace
