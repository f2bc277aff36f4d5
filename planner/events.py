"""An event to train for: its date and distance, parsed strictly, and the plan length it sets.

It sits beside `models` (which uses it) so that a profile file, a flag, a roster cell and an
`init` answer all read "2027-05-02 half-marathon" the same way, with one-line errors.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationInfo, field_validator

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
        return check_distance(value)

    @property
    def km(self) -> float:
        return distance_km(self.distance)


def check_distance(value: Any) -> Any:
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


# --- personal intensity inputs: a recent race and a critical swim speed --------------------
# The race sets running paces (Daniels-Gilbert); only distances the equations were fitted on.
RACE_KM = (1.5, 42.195)
# Average pace a race time may give, in seconds per km: faster than any world record is a typo.
RACE_PACE_S = (150, 900)
CSS_S = (55, 240)  # critical swim speed per 100 m: 0:55 (elite) to 4:00
_CLOCK = re.compile(r"^(?:(\d{1,2}):)?(\d{1,3}):(\d{2})$")


def clock_seconds(text: str) -> int:
    """'52:30' -> 3150, '1:32:00' -> 5520; ValueError names the forms allowed."""
    match = _CLOCK.match(text.strip())
    if match is None or int(match.group(3)) > 59 or (match.group(1) and int(match.group(2)) > 59):
        raise ValueError("write a time as mm:ss or h:mm:ss, e.g. 52:30 or 1:32:00")
    hours, minutes, seconds = (int(g) if g else 0 for g in match.groups())
    return hours * 3600 + minutes * 60 + seconds


def clock_text(seconds: int) -> str:
    """3150 -> '52:30', 5520 -> '1:32:00': how a race time is written back."""
    hours, rest = divmod(int(seconds), 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


class RecentRace(BaseModel):
    """A race run lately, all out: it gives the runner's VDOT and so their training paces."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    distance: str = Field(description="the race's distance: 5k, 10k, half-marathon, marathon or a number "
                                      "with km, m or mi, from 1500 m to the marathon")
    time: str = Field(description="the finishing time, mm:ss or h:mm:ss (52:30, 1:32:00)")

    @field_validator("distance", mode="before")
    @classmethod
    def _distance(cls, value: Any) -> Any:
        text = check_distance(value)  # the same strict forms an event takes
        if isinstance(text, str) and not RACE_KM[0] <= distance_km(text) <= RACE_KM[1]:
            raise ValueError("allowed: a race from 1500 m to the marathon (42.2 km)")
        return text

    @field_validator("time", mode="before")
    @classmethod
    def _time(cls, value: Any, info: ValidationInfo) -> Any:
        """A time the distance allows: an average of 2:30 to 15:00 a km (faster is a typo)."""
        if not isinstance(value, str):
            return value
        seconds = clock_seconds(value)
        distance = info.data.get("distance")
        if distance is not None:
            km = distance_km(distance)
            if not RACE_PACE_S[0] <= seconds / km <= RACE_PACE_S[1]:
                fast, slow = (clock_text(round(p * km)) for p in RACE_PACE_S)
                raise ValueError(f"allowed for {distance}: {fast} to {slow} (2:30 to 15:00 a km)")
        return clock_text(seconds)

    @property
    def km(self) -> float:
        return distance_km(self.distance)

    @property
    def seconds(self) -> int:
        return clock_seconds(self.time)


def parse_recent_race(value: Any) -> Any:
    """'10k 52:30' (a flag, a roster cell, an init answer) becomes {distance, time}."""
    if isinstance(value, str):
        text = value.strip()
        if not text:
            return None
        distance, _, time = text.rpartition(" ")
        if not distance.strip():
            raise ValueError("write it as 'distance time', e.g. '10k 52:30' or 'half-marathon 1:45:00'")
        return {"distance": distance.strip(), "time": time}
    return value


def check_css(value: Any) -> Any:
    """'1:55' per 100 m, kept as written back ('1:55'); bounds in the one-line error."""
    if value is None or not isinstance(value, str):
        return value
    if not value.strip():
        return None
    seconds = clock_seconds(value)
    if not CSS_S[0] <= seconds <= CSS_S[1]:
        raise ValueError(f"allowed: {clock_text(CSS_S[0])} to {clock_text(CSS_S[1])} per 100 m")
    return clock_text(seconds)


def ordered_range(pair: tuple[int, int]) -> tuple[int, int]:
    """A target range reads low to high (fast to slow for paces): a hand edit may not flip it."""
    if pair[0] > pair[1]:
        raise ValueError(f"[{pair[0]}, {pair[1]}] runs backwards; write the lower number first")
    return pair
