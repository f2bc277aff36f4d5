"""The "Your zones" section: the person's paces, heart rates, power and swim speeds as tables.

Display values only (the numbers come from `engine.zones`, the words from the theme), shared
by the PDF page and `planner show`, so paper and terminal print the same zones.
"""

from __future__ import annotations

from ..engine.zones import Zone, Zones, profile_zones
from ..events import clock_text
from ..models import Plan
from .formatting import fmt_clock, fmt_pace, fmt_swim_pace
from .model import ZoneTable, ZonesPage
from .theme import Theme

__all__ = ["zones_page", "zone_lines"]


def _pace_table(theme: Theme, z: Zones, plan: Plan) -> ZoneTable:
    race = plan.profile.recent_race
    assert race is not None and z.vdot is not None
    units = plan.profile.units
    rows = [[theme.t(f"zone_{p.key}"), theme.t(f"zone_use_{p.key}"), fmt_pace(theme, (p.low, p.high), units)]
            for p in z.paces]
    notes = [theme.t("zones_pace_note", distance=race.distance, time=race.time, vdot=f"{z.vdot:.1f}")]
    event = plan.profile.event
    if z.race_pace is not None and z.race_km is not None and event is not None:
        imperial = units == "imperial"
        pace = z.race_pace * (1.609344 if imperial else 1.0)
        notes.append(theme.t("zones_race_note", time=clock_text(round(z.race_pace * z.race_km)),
                             distance=event.distance, pace=fmt_clock(pace),
                             unit=theme.t("pace_unit_mi" if imperial else "pace_unit_km")))
    headers = [theme.t("zones_col_zone"), theme.t("zones_col_use"), theme.t("zones_col_pace")]
    return ZoneTable(title=theme.t("zones_pace_title"), headers=headers, rows=rows, notes=notes)


def _range(theme: Theme, zone: Zone, key: str) -> str:
    return theme.t(key, low=zone.low, high=zone.high)


def _heart_table(theme: Theme, z: Zones) -> ZoneTable:
    rows = [[theme.t(f"zone_{h.key}"), theme.t(f"zone_use_hr_{h.key}"), _range(theme, h, "target_hr")] for h in z.heart]
    if z.max_hr_estimated:
        note = theme.t("zones_hr_note_estimate", max=z.max_hr)
    elif z.resting_hr is not None:
        note = theme.t("zones_hr_note_karvonen", max=z.max_hr, rest=z.resting_hr)
    else:
        note = theme.t("zones_hr_note_max", max=z.max_hr)
    headers = [theme.t("zones_col_zone"), theme.t("zones_col_use"), theme.t("zones_col_hr")]
    return ZoneTable(title=theme.t("zones_hr_title"), headers=headers, rows=rows, notes=[note])


def _power_table(theme: Theme, z: Zones) -> ZoneTable:
    assert z.ftp is not None
    rows = [[theme.t(f"zone_power_{p.key}"), theme.t(f"zone_use_power_{p.key}"), _range(theme, p, "target_power"),
             theme.t("zones_share", low=round(100 * p.low / z.ftp), high=round(100 * p.high / z.ftp))]
            for p in z.power]
    headers = [theme.t("zones_col_zone"), theme.t("zones_col_use"), theme.t("zones_col_power"),
               theme.t("zones_col_share")]
    return ZoneTable(title=theme.t("zones_power_title"), headers=headers, rows=rows,
                     notes=[theme.t("zones_power_note", ftp=z.ftp)])


def _swim_table(theme: Theme, z: Zones, units: str) -> ZoneTable:
    assert z.css_s is not None
    rows = [[theme.t(f"zone_{w.key}"), theme.t(f"zone_use_swim_{w.key}"), fmt_swim_pace(theme, (w.low, w.high), units)]
            for w in z.swim]
    headers = [theme.t("zones_col_zone"), theme.t("zones_col_use"), theme.t("zones_col_pace")]
    return ZoneTable(title=theme.t("zones_swim_title"), headers=headers, rows=rows,
                     notes=[theme.t("zones_swim_note", css=fmt_clock(z.css_s))])


def zones_page(theme: Theme, plan: Plan) -> ZonesPage | None:
    """The zones the plan's profile gives, or None (no page) when it gives none."""
    z = profile_zones(plan.profile)
    if not z.any:
        return None
    tables = []
    if z.paces:
        tables.append(_pace_table(theme, z, plan))
    if z.power:
        tables.append(_power_table(theme, z))
    if z.swim:
        tables.append(_swim_table(theme, z, plan.profile.units))
    if z.heart:
        tables.append(_heart_table(theme, z))
    return ZonesPage(outline=theme.t("outline_zones"), title=theme.t("zones_title"),
                     intro=theme.t("zones_intro"), tables=tables)


def with_zones(sections: list, theme: Theme, plan: Plan) -> list:
    """The document's sections with the zones page after the cover (first if there is none)."""
    page = zones_page(theme, plan)
    if page is None:
        return sections
    at = next((i + 1 for i, s in enumerate(sections) if getattr(s, "kind", "") == "cover"), 0)
    return [*sections[:at], page, *sections[at:]]


def zone_lines(theme: Theme, plan: Plan) -> list[str]:
    """The zones as plain lines, for the terminal."""
    page = zones_page(theme, plan)
    if page is None:
        return []
    lines = [page.title]
    for table in page.tables:
        lines.append(f"  {table.title}")
        lines += ["    " + theme.t("zones_show_row", zone=row[0], rest=theme.t("range_sep").join(row[1:]))
                  for row in table.rows]
        lines += [f"    {note}" for note in table.notes]
    return lines
