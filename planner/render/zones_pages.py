"""The "Your zones" page of the handout: one table a kind of zone, notes under each."""

from __future__ import annotations

from reportlab.platypus import Flowable, PageBreak

from .flowables import Outline, Stack, Styles
from .grid import Grid, Row
from .model import ZonesPage
from .week_pages import grid_style

# Column shares of the page width: zone, what it is for, the numbers (and % FTP for power).
_WIDTHS = {3: (0.24, 0.46, 0.30), 4: (0.2, 0.4, 0.22, 0.18)}


def zones(s: Styles, page: ZonesPage, width: float) -> list[Flowable]:
    out: list[Flowable] = [PageBreak(), Outline("zones", page.outline, 0), s.para(page.title, s.h1),
                           s.para(page.intro, s.body)]
    style = grid_style(s, s.theme.fonts.table_size, tick=False)
    for table in page.tables:
        shares = _WIDTHS[len(table.headers)]
        widths = [width * share for share in shares]
        rows = [Row(cells=list(table.headers), kind="head")]
        rows += [Row(cells=list(r), bold_first=True, shade=[i % 2 == 1] * len(r)) for i, r in enumerate(table.rows)]
        grid = Grid(widths, rows, style, repeat_head=False)
        notes = [s.para(note, s.after_table) for note in table.notes]
        out.append(Stack([s.para(table.title, s.h2), grid, *notes], s.page_height))
    return out
