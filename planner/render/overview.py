"""The pages before the first week: the plan at a glance and the readiness questions.

Display values only (no layout), like ``document``; every word comes from the theme's text.
"""

from __future__ import annotations

from ..models import Plan
from .formatting import fmt_minutes
from .model import Calendar, CalendarRow, Readiness, TextBlock
from .theme import Theme


def calendar(theme: Theme, plan: Plan) -> Calendar:
    """Every week by weekday (Monday first), each training day as its title and minutes."""
    rows = []
    for week in plan.weeks:
        cells = [""] * 7
        for session in sorted(week.sessions, key=lambda s: s.date):
            cell = theme.t("calendar_cell", title=session.title, minutes=fmt_minutes(theme, session.minutes))
            i = session.date.weekday()
            cells[i] = f"{cells[i]}\n{cell}" if cells[i] else cell
        light = week.kind in ("deload", "taper")
        rows.append(
            CalendarRow(
                label=theme.t("calendar_row", number=week.number),
                kind=theme.t(f"week_kind_{week.kind}") if light else "",
                cells=cells,
                light=light,
            )
        )
    return Calendar(
        outline=theme.t("outline_calendar"),
        title=theme.t("calendar_title"),
        intro=theme.t("calendar_intro"),
        headers=[theme.t("calendar_week"), *theme.lines("weekdays")],
        rows=rows,
        legend=theme.t("calendar_legend"),
    )


def readiness(theme: Theme) -> Readiness:
    return Readiness(
        outline=theme.t("outline_readiness"),
        title=theme.t("readiness_title"),
        intro=theme.t("readiness_intro"),
        questions=theme.lines("readiness_questions"),
        if_yes=TextBlock(title=theme.t("readiness_yes_title"), points=theme.lines("readiness_yes")),
        if_no=TextBlock(title=theme.t("readiness_no_title"), points=theme.lines("readiness_no")),
    )
