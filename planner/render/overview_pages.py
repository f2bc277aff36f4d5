"""The pages between the cover and the first week: the plan at a glance, then the
readiness questions. Both are one page each, whatever the plan's length.
"""

from __future__ import annotations

from reportlab.platypus import Flowable, KeepInFrame, PageBreak, Spacer

from .model import Calendar, Readiness
from .flowables import Outline, Styles, bullets, text_block
from .grid import Grid, Row
from .week_pages import grid_style


def calendar(s: Styles, cal: Calendar, width: float, height: float) -> list[Flowable]:
    """Every week a row, every weekday a column; lighter weeks shaded and named."""
    size = s.theme.fonts.table_size
    label_w = 62.0
    day_w = (width - label_w) / 7
    rows = [Row(cells=list(cal.headers), kind="head")]
    for r in cal.rows:
        label = f"{r.label}\n{r.kind}" if r.kind else r.label
        rows.append(Row(cells=[label, *r.cells], shade=[r.light] * 8, bold_first=True))
    table = Grid([label_w] + [day_w] * 7, rows, grid_style(s, size, tick=False), repeat_head=False)
    content = [s.para(cal.title, s.h1), s.para(cal.intro, s.small), Spacer(1, 4), table, s.para(cal.legend, s.after_table)]
    # a long plan shrinks to stay on its one page rather than spill onto a second
    return [PageBreak(), Outline("calendar", cal.outline, 0), KeepInFrame(width, height - 4, content, mode="shrink")]


def readiness(s: Styles, r: Readiness) -> list[Flowable]:
    out: list[Flowable] = [PageBreak(), Outline("readiness", r.outline, 0), s.para(r.title, s.h1), s.para(r.intro, s.body)]
    out += bullets(s, r.questions, numbered=True)
    out += text_block(s, r.if_yes)
    out += text_block(s, r.if_no)
    return out
