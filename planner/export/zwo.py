"""A cycling session as a Zwift workout (.zwo): XML of warm-up, steady, interval and cool-down
segments. Zwift reads power as a fraction of the rider's FTP; a step without a power target
becomes a free-ride segment whose on-screen text carries the effort (RPE), so the rider is
never handed a number the plan did not prescribe.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

from ..errors import ProfileError
from ..models import Plan, Session
from .steps import Item, Repeat, Step, session_steps
from .words import w

__all__ = ["session_to_zwo"]

AUTHOR = "workout-planner"


def _power(step: Step) -> float | None:
    target = step.target
    if target is not None and target.kind == "power":
        return round((target.low + target.high) / 2, 3)
    return None


def _message(step: Step) -> str:
    text = step.name if step.rpe is None else w("rpe", text=step.name, rpe=step.rpe)
    return w("note", text=text, notes=step.notes) if step.notes else text


def _segment(parent: ET.Element, step: Step) -> None:
    power = _power(step)
    seconds = str(step.seconds)
    if power is None:
        element = ET.SubElement(parent, "FreeRide", Duration=seconds, FlatRoad="1")
    elif step.intensity == "warmup" and step.target is not None:
        element = ET.SubElement(
            parent, "Warmup", Duration=seconds, PowerLow=f"{step.target.low:g}", PowerHigh=f"{step.target.high:g}"
        )
    elif step.intensity == "cooldown" and step.target is not None:
        element = ET.SubElement(
            parent, "Cooldown", Duration=seconds, PowerLow=f"{step.target.high:g}", PowerHigh=f"{step.target.low:g}"
        )
    else:
        element = ET.SubElement(parent, "SteadyState", Duration=seconds, Power=f"{power:g}")
    ET.SubElement(element, "textevent", timeoffset="0", message=_message(step))


def _repeat(parent: ET.Element, group: Repeat) -> None:
    """On/off pairs with power targets become IntervalsT; anything else is written out."""
    if len(group.steps) == 2 and all(_power(s) is not None for s in group.steps):
        on, off = group.steps
        element = ET.SubElement(
            parent,
            "IntervalsT",
            Repeat=str(group.times),
            OnDuration=str(on.seconds),
            OffDuration=str(off.seconds),
            OnPower=f"{_power(on):g}",
            OffPower=f"{_power(off):g}",
        )
        ET.SubElement(element, "textevent", timeoffset="0", message=_message(on))
        return
    for _ in range(group.times):
        for step in group.steps:
            _segment(parent, step)


def session_to_zwo(plan: Plan, session: Session) -> bytes:
    """The session as .zwo bytes (UTF-8 XML, escaped by the XML writer, deterministic)."""
    if plan.profile.activity != "cycling":
        raise ProfileError(
            f"format: 'zwo' is for cycling plans, not {plan.profile.activity!r:.80} (allowed: fit for any activity)"
        )
    items: list[Item] = session_steps(plan, session)
    root = ET.Element("workout_file")
    ET.SubElement(root, "author").text = AUTHOR
    ET.SubElement(root, "name").text = session.title
    ET.SubElement(root, "description").text = f"{plan.title}, {plan.profile.name}, {session.date.isoformat()}"
    ET.SubElement(root, "sportType").text = "bike"
    ET.SubElement(root, "tags")
    workout = ET.SubElement(root, "workout")
    for item in items:
        if isinstance(item, Repeat):
            _repeat(workout, item)
        else:
            _segment(workout, item)
    ET.indent(root)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True) + b"\n"
