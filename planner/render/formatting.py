"""Numbers, durations and dates in the reader's units and language, from the theme's words.

One place for every display format, so a page never mixes two styles of the same quantity.
"""

from __future__ import annotations

import datetime as dt

from ..models import Prescription
from .theme import Theme

ML_PER_FLOZ = 29.5735


M_PER_MILE = 1609.344


M_PER_YARD = 0.9144


LB_PER_KG = 2.20462


def _num(theme: Theme, value: float) -> str:
    """One decimal at most, with the language's decimal mark (1.9 in English, 1,9 in Spanish)."""
    if not value % 1:
        return str(int(value))
    return f"{value:.1f}".rstrip("0").rstrip(".").replace(".", theme.t("decimal_mark"))


def fmt_date(theme: Theme, day: dt.date, long: bool = False) -> str:
    weekday = theme.lines("weekdays")[day.weekday()]
    month = theme.lines("months")[day.month - 1]
    key = "date_long" if long else "date_short"
    return theme.t(key, weekday=weekday, day=day.day, month=month, year=day.year)


def fmt_duration(theme: Theme, seconds: int) -> str:
    """'45 s', '1 min 30 s', '20 min', '1 h 30 min': one style everywhere, never also '90 s'."""
    if seconds < 60:
        return theme.t("unit_s", n=seconds)
    if seconds < 600 and seconds % 60:
        return theme.t("unit_min_s", m=seconds // 60, s=seconds % 60)
    minutes = round(seconds / 60)
    if minutes < 90:
        return theme.t("unit_min", n=minutes)
    hours, rest = divmod(minutes, 60)
    return theme.t("unit_h_min", h=hours, m=rest) if rest else theme.t("unit_h", n=hours)


def fmt_minutes(theme: Theme, minutes: int) -> str:
    return fmt_duration(theme, minutes * 60)


def fmt_distance(theme: Theme, metres: int, units: str) -> str:
    if units == "imperial":
        if metres < 800:
            return theme.t("unit_yd", n=round(metres / M_PER_YARD))
        return theme.t("unit_mi", n=_num(theme, round(metres / M_PER_MILE, 1)))
    if metres < 1000:
        return theme.t("unit_m", n=metres)
    return theme.t("unit_km", n=_num(theme, round(metres / 1000, 1)))


def fmt_volume(theme: Theme, low_ml: int, high_ml: int, units: str) -> str:
    if units == "imperial":
        low, high = round(low_ml / ML_PER_FLOZ), round(high_ml / ML_PER_FLOZ)
        return theme.t("unit_floz", low=low, high=high)
    return theme.t("unit_ml", low=low_ml, high=high_ml)


def fmt_mass(theme: Theme, kg: float, units: str) -> str:
    if units == "imperial":
        return theme.t("unit_lb", n=round(kg * LB_PER_KG))
    return theme.t("unit_kg", n=_num(theme, round(kg, 1)))


def fmt_effort(theme: Theme, rpe: int | None, words: bool = False) -> str:
    if rpe is None:
        return ""
    if words:
        return theme.t("rpe_words", n=rpe, word=theme.lines("effort_word")[rpe - 1])
    return theme.t("rpe", n=rpe)


def _amount(theme: Theme, p: Prescription, units: str) -> str:
    parts = []
    if p.reps is not None:
        parts.append(theme.t("reps", n=p.reps))
    if p.duration_s is not None:
        parts.append(fmt_duration(theme, p.duration_s))
    if p.distance_m is not None:
        parts.append(fmt_distance(theme, p.distance_m, units))
    text = theme.t("range_sep").join(parts)
    if p.per_side and text:
        text = theme.t("per_side", amount=text)
    return text


def dose(theme: Theme, p: Prescription, units: str) -> str:
    """'3 × 12 reps', '2 × 30 s hold', '20 min · 3 km': how much, in one phrase."""
    amount = _amount(theme, p, units)
    if p.hold_s:
        hold = theme.t("hold", time=fmt_duration(theme, p.hold_s))
        amount = theme.t("range_sep").join(x for x in (amount, hold) if x)
    if p.sets and amount:
        amount = theme.t("sets_of", sets=p.sets, amount=amount)
    amount = amount or (theme.t("sets_only", sets=p.sets) if p.sets else "")
    # strength: lifts, loads
    if p.load_kg is not None:
        return theme.t("at_load", dose=amount, load=fmt_mass(theme, p.load_kg, units))
    if p.rep_max is not None:
        return theme.t("at_rep_max", dose=amount, n=p.rep_max, pct=p.percent_1rm or "")
    return amount



def fmt_clock(seconds: float) -> str:
    """A pace or a time as m:ss (h:mm:ss from an hour): 351 -> '5:51'."""
    total = round(seconds)
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


def fmt_pace(theme: Theme, fast_slow: tuple[int, int], units: str) -> str:
    """Seconds a km as m:ss a km, or a mile for imperial: '5:51–6:59 /km'."""
    scale, unit = (M_PER_MILE / 1000, "mi") if units == "imperial" else (1.0, "km")
    low, high = (fmt_clock(s * scale) for s in fast_slow)
    return theme.t("target_pace", low=low, high=high, unit=theme.t(f"pace_unit_{unit}"))


def fmt_swim_pace(theme: Theme, fast_slow: tuple[int, int], units: str) -> str:
    """Seconds per 100 m as m:ss, or per 100 yd for imperial (yard pools)."""
    scale = M_PER_YARD if units == "imperial" else 1.0
    low, high = (fmt_clock(s * scale) for s in fast_slow)
    return theme.t("target_pace", low=low, high=high, unit=theme.t(f"swim_unit_{units}"))


def fmt_target(theme: Theme, p: Prescription, units: str) -> str:
    """The personal targets of a line, in the reader's units: '5:51–6:59 /km · 133–145 bpm'."""
    parts = []
    if p.pace_s_per_km is not None:
        if p.zone == "race":
            scale, unit = (M_PER_MILE / 1000, "mi") if units == "imperial" else (1.0, "km")
            pace = fmt_clock(sum(p.pace_s_per_km) / 2 * scale)
            parts.append(theme.t("target_race", pace=pace, unit=theme.t(f"pace_unit_{unit}")))
        else:
            parts.append(fmt_pace(theme, p.pace_s_per_km, units))
    if p.pace_s_per_100m is not None:
        parts.append(fmt_swim_pace(theme, p.pace_s_per_100m, units))
    if p.power_w is not None:
        parts.append(theme.t("target_power", low=p.power_w[0], high=p.power_w[1]))
    if p.hr_bpm is not None:
        parts.append(theme.t("target_hr", low=p.hr_bpm[0], high=p.hr_bpm[1]))
    return theme.t("range_sep").join(parts)
