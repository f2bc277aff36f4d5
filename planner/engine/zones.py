"""Personal intensity zones from the profile's race, heart rates, FTP or swim speed.

Pure arithmetic from published equations (sources in docs/evidence.md), no I/O:
- running paces: the Daniels-Gilbert equations give a VDOT from a recent race, and each
  training pace is the speed whose oxygen cost is a share of it (E 59-74%, M 75-82%,
  T 83-88%, I 95-100%, R 105-110%: Daniels' Running Formula);
- heart rate: Karvonen (resting + share x reserve) with a resting rate, else a share of the
  maximum; a maximum from the age alone is Tanaka's 208 - 0.7 x age, an estimate (+-10 bpm);
- cycling power: Coggan's zones as shares of FTP;
- swimming: seconds per 100 m around the critical swim speed (CSS).
Zones are ordered from easiest to hardest and never overlap; integer bounds are rounded
inwards so a boundary beat, watt or second belongs to one zone only.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from ..events import RACE_KM, clock_seconds, distance_km
from ..models import Profile

# (zone, share of VDOT at the slow end, at the fast end)
PACE_SHARES: tuple[tuple[str, float, float], ...] = (
    ("E", 0.59, 0.74), ("M", 0.75, 0.82), ("T", 0.83, 0.88), ("I", 0.95, 1.00), ("R", 1.05, 1.10),
)
# (zone, share of the heart-rate reserve from, to): Z2 is easy, Z4 threshold (training guidelines)
HRR_SHARES: tuple[tuple[str, float, float], ...] = (
    ("Z1", 0.50, 0.60), ("Z2", 0.60, 0.70), ("Z3", 0.70, 0.80), ("Z4", 0.80, 0.88), ("Z5", 0.88, 1.00),
)
# Without a resting rate: shares of the maximum that match the reserve zones for a resting rate
# of a third of the maximum (60 at 180): %max = 1/3 + 2/3 x %reserve.
HRMAX_SHARES: tuple[tuple[str, float, float], ...] = tuple(
    (zone, round(1 / 3 + 2 / 3 * low, 2), round(1 / 3 + 2 / 3 * high, 2)) for zone, low, high in HRR_SHARES
)
# Coggan's power zones, shares of FTP (Z1 "under 55%" starts at 40% for a printable range).
POWER_SHARES: tuple[tuple[str, float, float], ...] = (
    ("Z1", 0.40, 0.55), ("Z2", 0.56, 0.75), ("Z3", 0.76, 0.90), ("Z4", 0.91, 1.05),
    ("Z5", 1.06, 1.20), ("Z6", 1.21, 1.50),
)
# Swim zones: seconds per 100 m added to CSS, (zone, fast end, slow end).
SWIM_OFFSETS: tuple[tuple[str, int, int], ...] = (
    ("easy", 11, 20), ("endurance", 5, 10), ("threshold", -2, 2), ("fast", -5, -3),
)
TANAKA = (208.0, 0.7)
HR_ACTIVITIES = ("running", "cycling", "walking")  # optical and strap HR in water reads low


@dataclass(frozen=True)
class Zone:
    """One zone: its key, and its bounds in `unit` (low <= high; for paces low is the fast end)."""

    key: str
    low: int
    high: int
    unit: str  # "s_per_km", "bpm", "w", "s_per_100m"


@dataclass(frozen=True)
class Zones:
    """Everything the profile's inputs give; an empty tuple where an input is missing."""

    vdot: float | None = None
    paces: tuple[Zone, ...] = ()
    max_hr: int | None = None
    max_hr_estimated: bool = False
    resting_hr: int | None = None
    heart: tuple[Zone, ...] = ()
    ftp: int | None = None
    power: tuple[Zone, ...] = ()
    css_s: int | None = None
    swim: tuple[Zone, ...] = ()
    race_km: float | None = None
    race_pace: int | None = None  # predicted pace for the profile's event distance, s/km

    @property
    def any(self) -> bool:
        return bool(self.paces or self.heart or self.power or self.swim)

    def find(self, unit: str, key: str) -> Zone | None:
        for zone in (*self.paces, *self.heart, *self.power, *self.swim):
            if zone.unit == unit and zone.key == key:
                return zone
        return None


# --- running: Daniels-Gilbert -----------------------------------------------------------------

def oxygen_cost(v_m_per_min: float) -> float:
    """VO2 (ml/kg/min) of running at v metres a minute (Daniels & Gilbert 1979)."""
    return -4.60 + 0.182258 * v_m_per_min + 0.000104 * v_m_per_min ** 2


def sustainable_fraction(minutes: float) -> float:
    """The share of VO2max a race lasting `minutes` can hold (Daniels & Gilbert 1979)."""
    return 0.8 + 0.1894393 * math.exp(-0.012778 * minutes) + 0.2989558 * math.exp(-0.1932605 * minutes)


def vdot(metres: float, seconds: float) -> float:
    """The VDOT a race of `metres` in `seconds` shows: 10 km in 50:00 -> about 40."""
    minutes = seconds / 60
    return oxygen_cost(metres / minutes) / sustainable_fraction(minutes)


def speed_at(vo2: float) -> float:
    """Metres a minute whose oxygen cost is `vo2`: the positive root of the cost equation."""
    a, b, c = 0.000104, 0.182258, -4.60 - vo2
    return (-b + math.sqrt(b * b - 4 * a * c)) / (2 * a)


def pace_at(score: float, share: float) -> float:
    """Seconds a km at `share` of the VDOT."""
    return 60_000 / speed_at(score * share)


def race_seconds(score: float, metres: float) -> float:
    """The time a runner of this VDOT runs `metres` in (the equivalent-performance table):
    bisection, since time appears on both sides of the equations."""
    low, high = 60.0, 60.0 * 60 * 12
    for _ in range(60):
        mid = (low + high) / 2
        if vdot(metres, mid) > score:
            low = mid  # too fast for this VDOT: the race takes longer
        else:
            high = mid
    return (low + high) / 2


def running_paces(score: float) -> tuple[Zone, ...]:
    """E, M, T, I, R as [fast, slow] whole seconds a km, slow zones first."""
    zones = []
    for key, slow, fast in PACE_SHARES:
        zones.append(Zone(key, math.ceil(pace_at(score, fast)), math.floor(pace_at(score, slow)), "s_per_km"))
    return tuple(zones)


# --- heart rate, power, swimming ----------------------------------------------------------------

def tanaka_max(age: int) -> int:
    """208 - 0.7 x age (Tanaka et al. 2001): a population estimate, +-10 beats for one person."""
    return round(TANAKA[0] - TANAKA[1] * age)


def _share_zones(shares: tuple[tuple[str, float, float], ...], base: float, span: float, unit: str) -> tuple[Zone, ...]:
    """Integer zones from shares: each low rounds up, each high down, then any boundary the
    two zones still share goes to the harder one, so the zones never overlap."""
    zones: list[Zone] = []
    for key, low, high in shares:
        lo, hi = math.ceil(base + low * span - 1e-9), math.floor(base + high * span + 1e-9)
        if zones and lo <= zones[-1].high:
            zones[-1] = Zone(zones[-1].key, zones[-1].low, lo - 1, unit)
        zones.append(Zone(key, lo, max(lo, hi), unit))
    return tuple(zones)


def heart_zones(max_hr: int, resting_hr: int | None) -> tuple[Zone, ...]:
    if resting_hr is not None:
        return _share_zones(HRR_SHARES, resting_hr, max_hr - resting_hr, "bpm")
    return _share_zones(HRMAX_SHARES, 0, max_hr, "bpm")


def power_zones(ftp: int) -> tuple[Zone, ...]:
    return _share_zones(POWER_SHARES, 0, ftp, "w")


def swim_zones(css_s: int) -> tuple[Zone, ...]:
    return tuple(Zone(key, css_s + fast, css_s + slow, "s_per_100m") for key, fast, slow in SWIM_OFFSETS)


def profile_zones(profile: Profile) -> Zones:
    """The zones the profile's inputs give for its activity (nothing without inputs)."""
    activity = profile.activity
    values: dict[str, object] = {}
    race = profile.recent_race
    if race is not None and activity == "running":
        score = vdot(race.km * 1000, race.seconds)
        values.update(vdot=round(score, 1), paces=running_paces(score))
        event = profile.event
        if event is not None and RACE_KM[0] <= event.km <= RACE_KM[1]:
            values.update(race_km=event.km, race_pace=round(race_seconds(score, event.km * 1000) / event.km))
    top, estimated = profile.max_hr, False
    if top is None and profile.age is not None:
        top, estimated = tanaka_max(profile.age), True
    if top is not None and activity in HR_ACTIVITIES:
        resting = profile.resting_hr if profile.resting_hr is not None and profile.resting_hr < top - 40 else None
        values.update(max_hr=top, max_hr_estimated=estimated, resting_hr=resting, heart=heart_zones(top, resting))
    if profile.ftp_watts is not None and activity == "cycling":
        values.update(ftp=profile.ftp_watts, power=power_zones(profile.ftp_watts))
    if profile.css_per_100m is not None and activity == "swimming":
        css = clock_seconds(profile.css_per_100m)
        values.update(css_s=css, swim=swim_zones(css))
    return Zones(**values)  # type: ignore[arg-type]


__all__ = [
    "Zone", "Zones", "profile_zones", "vdot", "race_seconds", "running_paces", "pace_at", "tanaka_max",
    "heart_zones", "power_zones", "swim_zones", "distance_km",
]
