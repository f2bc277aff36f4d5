"""Week pages and log pages: a table per day, with cells to fill in by pen.
"""

from __future__ import annotations

from reportlab.platypus import (
    Flowable,
    KeepInFrame,
    Spacer,
)

from . import document as d
from .flowables import Outline, Stack, Styles
from .grid import Grid, GridStyle, Row


# the table column each log field sits in (see _week_columns and Weeks.headers)
_COLUMN = {"done": 0, "load_kg": 5, "reps_done": 6, "minutes_done": 6, "effort_felt": 7, "pain": 8}


def _week_columns(width: float) -> list[float]:
    fixed = [26, 0, 84, 44, 78, 40, 46, 36, 30]
    fixed[1] = width - sum(fixed)
    return fixed


def grid_style(s: Styles, size: float, tick: bool) -> GridStyle:
    grey = s.theme.greyscale
    return GridStyle(
        regular=s.font.regular,
        bold=s.font.bold,
        size=size,
        text=s.text.rgb(),  # plain triples: cheaper to set than Color objects
        muted=s.muted.rgb(),
        rule=s.rule.rgb(),
        accent=s.accent.rgb(),
        header_bg=None if grey else s.header_bg.rgb(),
        shade=None if grey else s.shade.rgb(),
        tick=size if tick else 0.0,
    )


class _Session(Stack):
    """A session's heading, table, drink line and tips on one page when they fit there.

    When they do not but the page still has room for a good part of the table, the table
    splits (its header repeated, never a stub of a row or two), so pages fill up; the drink
    line and tips are the table's last rows, so they never part from it.
    """

    def split(self, aw: float, ah: float) -> list[Flowable]:
        if ah < self.page_height * 0.35:
            return super().split(aw, ah)
        *head, table = self.items
        room = ah - sum(self._sizes[:-1]) - sum(f.getSpaceBefore() + f.getSpaceAfter() for f in head)
        parts = table.split(aw, room) if room > 0 else []
        if not parts:
            return super().split(aw, ah)
        return [Stack([*head, parts[0]], self.page_height), *parts[1:]]


def _day_table(s: Styles, weeks: d.Weeks, day: d.Day, width: float) -> Grid:
    """Warm-up, main work and cool-down as one table with the log columns to fill in."""
    size = s.theme.fonts.table_size
    rows = [Row(cells=list(weeks.headers), kind="head")]
    loaded = [False] * 5 + [True] * 4
    unloaded = [False] * 6 + [True] * 3  # no "load used" to write on bodyweight, cardio or stretch lines
    for block in day.blocks:
        rows.append(Row(cells=[block.heading], kind="band"))
        for r in block.rows:
            fields = [(_COLUMN[k], name) for k, name in r.fields.items()] if s.fillable else None
            shade = loaded if r.loaded else unloaded
            rows.append(Row(cells=["", r.exercise, r.dose, r.rest, r.effort, "", "", "", ""], shade=shade, tick=True, note=r.note, fields=fields))
    notes = [(0, day.notes_field)] if s.fillable and day.notes_field else None
    rows.append(Row(cells=[weeks.notes_label], kind="band", muted=True, min_height=size * (2.6 if s.theme.dense else 3.2), fields=notes))
    if day.drink:
        rows.append(Row(cells=[day.drink], kind="band", muted=True))
    rows += [Row(cells=[f"• {tip}"], kind="band", muted=True) for tip in day.tips]
    return Grid(_week_columns(width), rows, grid_style(s, size, tick=True))


def week_page(s: Styles, weeks: d.Weeks, wk: d.WeekPage, key: str, width: float) -> list[Flowable]:
    out: list[Flowable] = [Outline(key, wk.outline, 1), s.para(wk.heading, s.h1), s.para(wk.summary, s.small)]
    if wk.changed:  # an adapted plan: the changes that start this week, in a word
        out.append(s.para(wk.changed, s.h3))
    if wk.drink:  # said once for the week; a session repeats it only where its own differs
        out.append(s.para(wk.drink, s.small))
    for day in wk.days:
        if day.rest:
            out.append(Stack([s.para(day.heading, s.rest_day), s.para(day.line, s.small)], s.page_height))
            continue
        # a session stays with its table, drink line and tips; only one taller than a page splits
        parts = [s.para(day.heading, s.day), s.para(day.line, s.small), Spacer(1, 2), _day_table(s, weeks, day, width)]
        out.append(_Session(parts, s.page_height))
    return out


def log_week(s: Styles, lw: d.LogWeek, key: str, width: float, height: float) -> list[Flowable]:
    """One landscape page per week: exercises down, sessions across, room to write."""
    n = len(lw.columns) - 1
    label_w = min(max(width * 0.2, 110), 170)
    day_w = (width - label_w) / max(n, 1)
    size = s.theme.fonts.table_size
    rows = [Row(cells=list(lw.columns), kind="head")]
    # spread the rows over the page: more room to write, up to twice the minimum
    base = size * 3.3
    fill = (height - 80) / (len(lw.rows) + 0.6 * sum(r.tall for r in lw.rows) + 1)
    base = min(max(base, fill), base * 2)
    for row in lw.rows:
        rows.append(
            Row(
                cells=[row.label, *(c or "" for c in row.cells)],
                shade=[False, *(c is None for c in row.cells)],
                bold_first=True,
                muted=True,
                min_height=base * (1.6 if row.tall else 1),
            )
        )
    table = Grid([label_w] + [day_w] * n, rows, grid_style(s, size, tick=False))
    marker = [s.para(lw.changed, s.h3)] if lw.changed else []
    content = [s.para(lw.heading, s.h1), s.para(lw.subtitle, s.small), *marker, Spacer(1, 4), table]
    return [Outline(key, lw.outline, 1), KeepInFrame(width, height - 4, content, mode="shrink")]

