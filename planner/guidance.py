"""Hydration, electrolytes, cramps and when to see a doctor, computed for the person.

Numbers from ACSM's "Exercise and Fluid Replacement" (2007); cramp guidance from Schwellnus
(2009) and the Cochrane review on magnesium (2020): training-side prevention first, fluids and
electrolytes for long or hot sessions, food rather than pills.
"""

from __future__ import annotations

from .models import GuidanceSection, Hydration, Profile, Range

REFERENCE_MASS_KG = 70
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
    after = "drink to thirst over the next few hours; if you weigh yourself before and after, about 1.25-1.5 L per kg lost"
    return Hydration(before_ml=before, during_ml=during, after_note=after, electrolytes=electrolytes)


def guidance_sections(profile: Profile, longest_minutes: int, adductor_care: bool) -> list[GuidanceSection]:
    mass = profile.body_mass_kg
    if mass:
        before = f"2-4 hours before training: about {_round10(5 * mass)}-{_round10(7 * mass)} mL (5-7 mL per kg of your {mass:g} kg)."
    else:
        before = "2-4 hours before training: about 5-7 mL per kg of body mass (350-490 mL for 70 kg)."
    hydration = [
        before,
        "During sessions longer than about an hour: 0.4-0.8 L per hour, more in the heat; aim to lose less than 2% of body mass.",
        "After: drink to thirst; if you weighed yourself, about 1.25-1.5 L per kg lost. Do not overdrink: too much plain water can dilute blood sodium (hyponatraemia).",
        "Pale straw-coloured urine is a simple sign you are drinking enough.",
    ]
    if longest_minutes >= ELECTROLYTES_FROM_MINUTES:
        hydration.append("Your longer sessions: take a drink with sodium (a sports drink or salted snack), especially in the heat.")
    electrolytes = [
        "Potassium: bananas, potatoes, beans, leafy greens, yoghurt.",
        "Calcium: dairy, fortified plant milks, leafy greens.",
        "Magnesium: nuts, seeds, whole grains, legumes.",
        "Sodium: salted foods; sports drinks in long or hot sessions.",
        "Food first: magnesium pills are unlikely to prevent ordinary muscle cramps (Cochrane review, 2020).",
    ]
    prevention = [
        "Cramps during exercise come mostly from tired muscles working harder or longer than they are used to, not from dehydration alone.",
        "Warm up every time: easy movement, then dynamic moves. This plan's warm-ups do that for you.",
        "Build up gradually: this plan never raises the weekly load by more than 10% and puts a lighter week in every 3-4 weeks.",
        "Stretch after sessions for comfort and range of motion; strength work is what protects muscles.",
        "Pace long sessions evenly and drink and eat for long or hot ones.",
    ]
    if adductor_care:
        prevention.append(
            "Inner thigh (adductors): the plan includes inner-thigh strength every week (side-lying lifts, squeezes, "
            "Copenhagen planks, side lunges, plié squats) and an adductor stretch in the cool-downs."
        )
    first_aid = [
        "Stop and gently stretch the cramping muscle; hold until it lets go.",
        "Inner thigh: straighten the leg and ease it outward, or sit and ease into a gentle adductor stretch.",
        "Calf: pull the toes toward you with the knee straight.",
        "Massage the muscle, walk gently, and ease back in only if the pain has gone.",
    ]
    doctor = [
        "See a doctor if cramps are severe, frequent, last long, or come back despite these steps.",
        "See a doctor if cramps come with swelling, redness, weakness or numbness, happen at rest without a clear cause, or started with a new medication.",
        "Get urgent care for cramps with dark (cola-coloured) urine after hard exercise, or with dizziness, confusion or collapse.",
        "Stop and get help for chest pain, unusual breathlessness or fainting during exercise.",
    ]
    return [
        GuidanceSection(key="hydration", title="Hydration", points=hydration),
        GuidanceSection(key="electrolytes", title="Electrolyte-rich food", points=electrolytes),
        GuidanceSection(key="cramp-prevention", title="Preventing cramps", points=prevention),
        GuidanceSection(key="cramp-first-aid", title="Cramp first aid", points=first_aid),
        GuidanceSection(key="see-a-doctor", title="When to see a doctor", points=doctor),
    ]
