"""The document step: what the handout says, checked without reportlab."""

from __future__ import annotations

import datetime as dt
import sys

import pytest

from planner.models import (
    Block,
    Exercise,
    Generator,
    GuidanceSection,
    Hydration,
    Plan,
    Prescription,
    Profile,
    Range,
    Session,
    Week,
)
from planner.render import document as d
from planner.render import formatting
from planner.render.theme import load_theme

START = dt.date(2026, 3, 2)  # a Monday


def _exercises() -> list[Exercise]:
    common = dict(levels=["beginner"], activities=["running"], equipment=["none"])
    return [
        Exercise(id="leg-swings", name="Leg swings", category="warmup", pattern="dynamic", primary_muscles=["hamstrings"],
                 instructions=["Hold a wall.", "Swing one leg forward and back."], cues=["Stay tall"], per_side=True, **common),
        Exercise(id="plie-squat", name="Plié squat", category="strength", pattern="squat", primary_muscles=["adductors"],
                 secondary_muscles=["glutes"], instructions=["Stand wide, toes out.", "Bend the knees over the toes."],
                 cues=["Knees track the toes"], regression="box-squat", progression="goblet-plie-squat",
                 video_url="https://example.org/plie", **common),
        Exercise(id="easy-run", name="Easy run", category="cardio", pattern="easy", primary_muscles=["quadriceps"],
                 instructions=["Run at a pace you could chat at."], **common),
        Exercise(id="butterfly-stretch", name="Butterfly stretch", category="stretch", pattern="cooldown",
                 primary_muscles=["adductors"], instructions=["Sit, soles together, let the knees drop."], **common),
    ]


def _session(day: dt.date, minutes: int = 40, rpe: int = 4) -> Session:
    return Session(
        date=day, title="Easy run and inner-thigh strength", kind="easy", minutes=minutes, rpe=rpe, load=minutes * rpe,
        blocks=[
            Block(kind="warmup", minutes=8, items=[Prescription(exercise_id="leg-swings", name="Leg swings", sets=1, reps=10, per_side=True)]),
            Block(kind="main", minutes=25, items=[
                Prescription(exercise_id="easy-run", name="Easy run", duration_s=1200, distance_m=3000, rpe=rpe),
                Prescription(exercise_id="plie-squat", name="Plié squat", sets=3, reps=12, rest_s=60, rpe=6, rir=2),
            ]),
            Block(kind="cooldown", minutes=7, items=[Prescription(exercise_id="butterfly-stretch", name="Butterfly stretch", sets=2, hold_s=30)]),
        ],
        hydration=Hydration(before_ml=Range(low=350, high=490), during_ml=Range(low=200, high=400), after_note="Drink to thirst."),
        tips=["Keep the run conversational."],
    )


def hand_plan(weeks: int = 3, days: int = 3, **profile: object) -> Plan:
    """A small plan built by hand, so render tests do not depend on the planner."""
    values = dict(name="Zoë Ødegård-Núñez", level="beginner", activity="running", weeks=weeks, days_per_week=days, start_date=START)
    values.update(profile)
    prof = Profile(**values)
    offsets = [0, 2, 4, 5, 6, 1, 3][:days]
    plan_weeks = []
    for n in range(weeks):
        start = START + dt.timedelta(weeks=n)
        sessions = [_session(start + dt.timedelta(days=o)) for o in sorted(offsets)]
        kind = "deload" if (n + 1) % 4 == 0 else "base"
        rest = [start + dt.timedelta(days=i) for i in range(7) if i not in offsets]
        plan_weeks.append(Week(number=n + 1, kind=kind, start_date=start, load=sum(s.load for s in sessions), sessions=sessions, rest_days=rest))
    return Plan(
        generator=Generator(version="0.1.0"), title=f"{weeks}-week running plan", profile=prof,
        end_date=START + dt.timedelta(weeks=weeks, days=-1), notes=["Built by hand for tests."],
        weeks=plan_weeks,
        guidance=[
            GuidanceSection(key="hydration", title="Drinking", points=["Before: 350–490 mL 2–4 h before."]),
            GuidanceSection(key="see-a-doctor", title="When to see a doctor", points=["Cramps with dark urine: urgent care."]),
        ],
        exercises=_exercises(),
    )


@pytest.fixture(scope="module")
def theme():
    return load_theme("handout")


@pytest.fixture(scope="module")
def plan():
    return hand_plan(5, 3)


def _all_strings(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if hasattr(value, "_fields"):  # "kind" tags sections; form field names are never printed
        hidden = ("kind", "fields", "notes_field")
        return [s for name in value._fields if name not in hidden for s in _all_strings(getattr(value, name))]
    if isinstance(value, (list, tuple)):
        return [s for v in value for s in _all_strings(v)]
    if isinstance(value, dict):
        return [s for v in value.values() for s in _all_strings(v)]
    return []


def test_sections_follow_the_theme_order(plan, theme):
    doc = d.build_document(plan, theme)
    assert [s.kind for s in doc.sections] == ["cover", "calendar", "readiness", "weeks", "guide", "guidance"]
    log = d.build_document(plan, load_theme("log"))
    assert [s.kind for s in log.sections] == ["cover", "calendar", "readiness", "weeks", "guidance"]


def test_cover_facts_dates_and_lighter_weeks(plan, theme):
    cov = d.cover(theme, plan, None)
    facts = {f.label: f.value for f in cov.facts}
    assert facts["Client"] == "Zoë Ødegård-Núñez"
    assert facts["Weeks"] == "5" and facts["Days a week"] == "3"
    assert facts["Starts"] == "2 Mar 2026" and facts["Ends"] == "5 Apr 2026"
    assert [b.light for b in cov.chart.bars] == [False, False, False, True, False]
    assert len(cov.effort_scale) == 10 and cov.effort_scale[9].value.startswith("Maximal")


def test_week_page_lists_every_day_with_rest_days(plan, theme):
    page = d.week_page(theme, plan, plan.weeks[0])
    assert page.heading == "Week 1: Mon 2 Mar – Sun 8 Mar"
    assert [day.rest for day in page.days] == [False, True, False, True, False, True, True]
    first = page.days[0]
    assert first.heading == "Mon 2 Mar · Easy run and inner-thigh strength"
    assert first.line == "40 min · target effort RPE 4 (easy, brisk)"
    assert [b.heading for b in first.blocks] == ["Warm-up · 8 min", "Main work · 25 min", "Cool-down · 7 min"]
    assert first.blocks[0].rows[0].dose == "1 × 10 reps each side"
    plie = first.blocks[1].rows[1]
    assert (plie.dose, plie.rest, plie.effort) == ("3 × 12 reps", "1 min", "RPE 6 · 2 in reserve")
    assert first.blocks[1].rows[0].dose == "20 min · 3 km"
    assert first.blocks[2].rows[0].dose == "2 × 30 s hold"
    assert first.hydration[0] == "350–490 mL 2–4 h before"
    # said once for the week; the session repeats it only where its own drink differs
    assert page.drink == (
        "Drink, for every session this week unless a session says otherwise: "
        "350–490 mL 2–4 h before · 200–400 mL during the session · After: Drink to thirst."
    )
    assert first.drink == ""


def test_body_mass_shows_on_the_cover_in_the_profile_units(theme):
    assert "Body mass" not in {f.label for f in d.cover(theme, hand_plan(1, 1), None).facts}
    facts = {f.label: f.value for f in d.cover(theme, hand_plan(1, 1, body_mass_kg=64.5, units="imperial"), None).facts}
    assert facts["Body mass"] == "142 lb"


def test_imperial_units_convert_fluids_and_distances(theme):
    plan = hand_plan(1, 2, units="imperial")
    day = d.week_page(theme, plan, plan.weeks[0]).days[0]
    assert day.hydration[0] == "12–17 fl oz 2–4 h before"
    assert day.blocks[1].rows[0].dose == "20 min · 1.9 mi"
    assert formatting.fmt_distance(theme, 400, "imperial") == "437 yd"
    assert formatting.fmt_distance(theme, 400, "metric") == "400 m"
    assert formatting.fmt_distance(theme, 5000, "metric") == "5 km"
    assert d.fmt_mass(theme, 70, "imperial") == "154 lb"


@pytest.mark.parametrize(
    ("seconds", "text"), [(30, "30 s"), (90, "1 min 30 s"), (45, "45 s"), (120, "2 min"), (2700, "45 min"), (5400, "1 h 30 min"), (7200, "2 h")]
)
def test_durations_read_naturally(theme, seconds, text):
    assert d.fmt_duration(theme, seconds) == text


def test_log_week_puts_exercises_down_and_sessions_across(plan):
    log_theme = load_theme("log")
    week = d.log_week(log_theme, plan, plan.weeks[0])
    assert len(week.columns) == 1 + 3
    assert week.columns[1].startswith("Mon 2 Mar\nEasy run")
    labels = [r.label for r in week.rows]
    assert labels == ["Warm-up", "Easy run", "Plié squat", "Cool-down", "Drink before", "Effort felt (1–10)", "Notes"]
    plie = week.rows[2]
    assert plie.cells == ["3 × 12 reps · RPE 6 · 2 in reserve"] * 3
    assert week.rows[-1].tall and week.rows[-1].cells == ["", "", ""]


def test_guide_lists_each_used_exercise_once_with_variants(plan, theme):
    g = d.guide(theme, plan)
    names = [e.name for e in g.entries]
    assert names == ["Leg swings", "Easy run", "Plié squat", "Butterfly stretch"]
    plie = g.entries[2]
    assert plie.variants == "Easier: Box squat    Harder: Goblet plie squat"
    assert plie.muscles == "Muscles: inner thigh (adductors), glutes"
    assert g.entries[0].variants == ""  # no easier or harder version: no line
    assert plie.video_url == "https://example.org/plie"
    assert g.entries[0].each_side and not g.entries[1].each_side


def test_guidance_keeps_planner_points_and_adds_theme_words(plan, theme):
    g = d.guidance(theme, plan)
    hydration = g.blocks[0]
    assert hydration.title == "Drinking"
    assert hydration.points == ["Before: 350–490 mL 2–4 h before."]
    assert hydration.intro == theme.guidance["hydration"].intro


def test_edited_plans_are_marked_and_clean_ones_are_not(plan, theme):
    assert d.build_document(plan, theme).running.edited == ""
    edited = d.build_document(plan.model_copy(update={"edited": True}), theme)
    assert edited.running.edited == theme.t("edited_mark")


def test_every_static_word_comes_from_the_theme(plan):
    """Override every text key with a marker: no English word of ours may survive."""
    from planner.render.theme import theme_from_data

    base = load_theme("handout")
    marked = {
        k: ([f"§{k}§{i}" for i, _ in enumerate(v)] if isinstance(v, list) else f"§{k}§" + "".join(
            f"{{{name}}}" for name in _placeholders(v)))
        for k, v in base.text.items()
    }
    for key in ("weekdays", "months"):
        marked[key] = [f"§{key}{i}" for i in range(len(base.text[key]))]
    th = theme_from_data({"name": "marked", "text": marked, "guidance": {}})
    doc = d.build_document(plan, th)
    user = {t for _, t in d.user_texts(plan, None, th) if t and "§" not in t}
    variants = {v for ex in plan.exercises for v in (ex.regression, ex.progression) if v}
    user |= {v.replace("-", " ").capitalize() for v in variants}  # variants the plan does not carry
    user |= {str(ex.video_url) for ex in plan.exercises if ex.video_url}
    leftovers = []
    for text in _all_strings(doc):
        for u in sorted(user, key=len, reverse=True):
            text = text.replace(u, "")
        leftovers += [w for w in text.split() if "§" not in w and any(c.isalpha() for c in w)]
    assert leftovers == []


def _placeholders(text: str) -> list[str]:
    import string

    return [name for _, name, _, _ in string.Formatter().parse(text) if name]


def test_user_texts_name_their_fields(plan, theme):
    fields = dict(d.user_texts(plan, None, theme))
    assert fields["name"] == "Zoë Ødegård-Núñez"
    assert "exercise 'plie-squat' name" in fields


def test_document_theme_and_branding_do_not_import_reportlab():
    import subprocess

    code = (
        "import sys, planner.render.document, planner.render.theme, planner.render.branding;"
        "print(sorted(m for m in sys.modules if m.startswith('reportlab')))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_a_language_table_sets_decimal_mark_and_dates():
    from planner.render.theme import theme_from_data

    th = theme_from_data({
        "name": "es-like",
        "text": {
            "decimal_mark": ",", "unit_km": "{n} km",
            "months": ["ene", "feb", "mar", "abr", "may", "jun", "jul", "ago", "sep", "oct", "nov", "dic"],
            "weekdays": ["lun", "mar", "mié", "jue", "vie", "sáb", "dom"],
            "date_short": "{weekday} {day} {month}",
        },
    })
    assert formatting.fmt_distance(th, 2500, "metric") == "2,5 km"
    assert d.fmt_date(th, START) == "lun 2 mar"
