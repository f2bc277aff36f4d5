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
            GuidanceSection(key="doctor", title="When to see a doctor", points=["Cramps with dark urine: urgent care."]),
        ],
        exercises=_exercises(),
    )
