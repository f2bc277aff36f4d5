"""Hydration, electrolytes, cramps and when to see a doctor, computed for the person.

Numbers from ACSM's "Exercise and Fluid Replacement" (2007); cramp guidance from Schwellnus
(2009) and the Cochrane review on magnesium (2020): training-side prevention first, fluids and
electrolytes for long or hot sessions, food rather than pills.
"""

from __future__ import annotations

from ..models import GuidanceSection, Hydration, Profile, Range
from .words import lookup, say

REFERENCE_MASS_KG = 70
FL_OZ_ML = 29.5735
LB_PER_KG = 2.20462
DURING_FROM_MINUTES = 60
ELECTROLYTES_FROM_MINUTES = 75


def _round10(value: float) -> int:
    return int(round(value / 10.0) * 10)


def session_hydration(profile: Profile, minutes: int, endurance: bool) -> Hydration:
    """Before: 5-7 mL/kg 2-4 h ahead; during sessions over an hour: 0.4-0.8 L per hour."""
    mass = profile.body_mass_kg or REFERENCE_MASS_KG
    before = Range(low=_round10(5 * mass), high=_round10(7 * mass))
    during = None
    if minutes > DURING_FROM_MINUTES:
        hours = minutes / 60
        during = Range(low=_round10(400 * hours), high=_round10(800 * hours))
    electrolytes = minutes >= ELECTROLYTES_FROM_MINUTES and (endurance or minutes >= 90)
    return Hydration(before_ml=before, during_ml=during, after_note=say("hydration.after"), electrolytes=electrolytes)


def guidance_sections(profile: Profile, longest_minutes: int, adductor_care: bool) -> list[GuidanceSection]:
    """The handout's guidance pages: the words from the word file, the numbers for this person."""
    mass = profile.body_mass_kg
    imperial = profile.units == "imperial"
    if mass and imperial:
        before = say("guidance.hydration.before_mass_imperial", low=round(5 * mass / FL_OZ_ML),
                     high=round(7 * mass / FL_OZ_ML), mass=f"{mass * LB_PER_KG:.0f}")
    elif mass:
        before = say("guidance.hydration.before_mass", low=_round10(5 * mass), high=_round10(7 * mass), mass=f"{mass:g}")
    else:
        before = say("guidance.hydration.before_imperial" if imperial else "guidance.hydration.before")
    points = lookup("guidance.hydration.points_imperial" if imperial else "guidance.hydration.points")
    hydration = [before, *points]
    if longest_minutes >= ELECTROLYTES_FROM_MINUTES:
        hydration.append(say("guidance.hydration.long_sessions"))
    prevention = list(lookup("guidance.cramp-prevention.points"))
    if adductor_care:
        prevention.append(say("guidance.cramp-prevention.adductors"))
    points = {
        "hydration": hydration,
        "electrolytes": list(lookup("guidance.electrolytes.points")),
        "cramp-prevention": prevention,
        "cramp-first-aid": list(lookup("guidance.cramp-first-aid.points")),
        "see-a-doctor": list(lookup("guidance.see-a-doctor.points")),
    }
    return [
        GuidanceSection(key=key, title=say(f"guidance.{key}.title"), points=items)
        for key, items in points.items()
    ]
