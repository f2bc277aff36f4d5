"""An event to train for: its date and distance, parsed strictly, and the plan length it sets.

It sits beside `models` (which uses it) so that a profile file, a flag, a roster cell and an
`init` answer all read "2027-05-02 half-marathon" the same way, with one-line errors.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, field_validator

# Named distances (running) in km; any activity may give a number with a unit instead.
NAMED_KM: dict[str, float] = {"5k": 5.0, "10k": 10.0, "half-marathon": 21.0975, "marathon": 42.195}
UNIT_KM: dict[str, float] = {"km": 1.0, "m": 0.001, "mi": 1.609344}
_NUMBER = re.compile(r"^(\d{1,4}(?:\.\d{1,3})?)(km|mi|m)$")
MIN_WEEKS, MAX_WEEKS = 3, 30
ENDURANCE = ("running", "cycling", "swimming", "walking")
ALLOWED = "5k, 10k, half-marathon, marathon (running) or a number with km, m or mi, e.g. 160km, 1500m, 26.2mi"


def next_monday(today: dt.date | None = None) -> dt.date:
    """Plans start on a Monday by default so weeks read Monday to Sunday on paper."""
    today = today or dt.date.today()
    return today + dt.timedelta(days=(7 - today.weekday()) % 7 or 7)


def distance_km(distance: str) -> float:
    """Kilometres of a distance already checked by `Event` (named or number + unit)."""
    if distance in NAMED_KM:
        return NAMED_KM[distance]
    match = _NUMBER.match(distance)
    assert match is not None, distance
    return float(match.group(1)) * UNIT_KM[match.group(2)]


class Event(BaseModel):
    """The race the plan builds to: its last session, on its date."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    date: dt.date = Field(description="the day of the event (YYYY-MM-DD); the plan's last week holds it")
    distance: str = Field(description=f"the event's distance: {ALLOWED}")

    @field_validator("distance", mode="before")
    @classmethod
    def _distance(cls, value: Any) -> Any:
        """Strict: a known name or digits plus a unit, nothing else (no '10 km', no 'half')."""
        if not isinstance(value, str):
            return value
        text = value.strip().lower()
        if text in NAMED_KM:
            return text
        match = _NUMBER.match(text)
        if match is None:
            raise ValueError(f"allowed: {ALLOWED}")
        km = float(match.group(1)) * UNIT_KM[match.group(2)]
        if not 0.1 <= km <= 1000:
            raise ValueError("allowed: a distance from 100 m to 1000 km")
        return text

    @property
    def km(self) -> float:
        return distance_km(self.distance)


def parse_event(value: Any) -> Any:
    """'2027-05-02 half-marathon' (a roster cell, an init answer) becomes {date, distance}."""
    if isinstance(value, str):
        text = value.strip()
        if not text:
            return None
        day, _, distance = text.partition(" ")
        if not distance.strip():
            raise ValueError("write it as 'YYYY-MM-DD distance', e.g. '2027-05-02 half-marathon'")
        return {"date": day, "distance": distance.strip()}
    return value


def _as_date(value: Any) -> dt.date | None:
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            return None
    return None


def weeks_to(start: dt.date, day: dt.date) -> int:
    """How many plan weeks from `start` make the week that holds `day` the last one."""
    return (day - start).days // 7 + 1


def event_weeks(data: Any) -> Any:
    """Fill `weeks` from the event date when it was left out (the event decides the length)."""
    if not isinstance(data, dict) or data.get("weeks") is not None:
        return data
    event = data.get("event")
    try:
        event = parse_event(event)
    except ValueError:
        return data
    if not isinstance(event, dict):
        return data
    day = _as_date(event.get("date"))
    if day is None:
        return data
    start = _as_date(data.get("start_date"))
    if start is None:
        if data.get("start_date") is not None:
            return data
        start = next_monday()
    weeks = weeks_to(start, day)
    if MIN_WEEKS <= weeks <= MAX_WEEKS and day >= start:
        return {**data, "weeks": weeks}
    return data


def check_event(event: Event | None, data: dict[str, Any]) -> Event | None:
    """An event fits the activity, is 3-30 weeks away and agrees with `weeks` if both are given."""
    if event is None:
        return None
    activity = data.get("activity")
    if activity is not None and activity not in ENDURANCE:
        raise ValueError(f"an event is for {', '.join(ENDURANCE)} plans, not {activity}")
    if event.distance in NAMED_KM and activity not in (None, "running"):
        raise ValueError(f"'{event.distance}' is a running distance; for {activity} give a number "
                         "with km, m or mi, e.g. 160km, 1500m")
    start = data.get("start_date")
    if not isinstance(start, dt.date):
        return event
    weeks = weeks_to(start, event.date)
    if event.date < start or weeks < MIN_WEEKS:
        raise ValueError(f"the event is too close: the plan needs {MIN_WEEKS} to {MAX_WEEKS} weeks "
                         f"from the start ({start.isoformat()})")
    if weeks > MAX_WEEKS:
        raise ValueError(f"the event is {weeks} weeks after the start ({start.isoformat()}); allowed: "
                         f"{MIN_WEEKS} to {MAX_WEEKS} weeks (start later with start_date)")
    given = data.get("weeks")
    if given is not None and given != weeks:
        raise ValueError(f"the event is in week {weeks} from the start ({start.isoformat()}) but weeks "
                         f"is {given}; leave weeks out: the event date sets the plan's length")
    return event
