"""An adapted plan's changes as display strings: the "What changed" box and the week markers.

`planner adapt` lists every change it makes in `Plan.changes` (week, date, exercise, what,
why). A client handed the reprint must see at once what is different and why, so the box comes
near the front and each week where a change starts says so. Words come from the theme's text
table; the change texts are plain strings drawn as typed (never markup). No layout here.
"""

from __future__ import annotations

from ..models import Change, Plan, Week
from .formatting import fmt_date
from .model import ChangeRow, Changes
from .theme import Theme


def _exercise(theme: Theme, plan: Plan, change: Change) -> str:
    if change.exercise_id is None:
        return theme.t("changes_whole_week")
    ex = plan.exercise(change.exercise_id)
    return ex.name if ex is not None else change.exercise_id


def changes(theme: Theme, plan: Plan) -> Changes:
    """The box: one row a change, in week order (the order `adapt` made them within a week)."""
    ordered = sorted(plan.changes, key=lambda c: (c.week, c.date))
    rows = [
        ChangeRow(
            week=theme.t("changes_week_cell", week=c.week),
            date=fmt_date(theme, c.date),
            exercise=_exercise(theme, plan, c),
            what=c.what[:1].upper() + c.what[1:],  # a sentence in a cell of its own
            why=c.why,
        )
        for c in ordered
    ]
    headers = [theme.t(f"changes_col_{k}") for k in ("week", "date", "exercise", "what", "why")]
    return Changes(outline=theme.t("outline_changes"), title=theme.t("changes_title"),
                   intro=theme.t("changes_intro"), headers=headers, rows=rows)


def week_marker(theme: Theme, plan: Plan, week: Week) -> str:
    """The short line on a week page where changes start: what they touch, and where to read
    them; "" for a week where none starts (and for every week of a plan never adapted)."""
    here = [c for c in plan.changes if c.week == week.number]
    if not here:
        return ""
    items = dict.fromkeys(theme.t("week_changed_load") if c.exercise_id is None else _exercise(theme, plan, c)
                          for c in here)
    return theme.t("week_changed", items=theme.t("list_sep").join(items), title=theme.t("changes_title"))
