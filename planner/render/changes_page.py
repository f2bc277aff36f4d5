"""The "What changed" box of an adapted plan: a page after the cover, one table row a change.

The words and the rows arrive ready-made from `changes.py`; this module only places them. The
table is the same lean Grid the week pages use, so the change texts are drawn as plain strings
exactly as `adapt` wrote them, never parsed as markup.
"""

from __future__ import annotations

from reportlab.platypus import Flowable, PageBreak, Spacer

from .flowables import Outline, Styles
from .grid import Grid, Row
from .model import Changes
from .week_pages import grid_style


def _columns(width: float) -> list[float]:
    fixed = [44.0, 58.0, 86.0, 0.0, 0.0]
    rest = width - sum(fixed)
    fixed[3], fixed[4] = rest * 0.45, rest * 0.55
    return fixed


def changes_page(s: Styles, box: Changes, width: float) -> list[Flowable]:
    """The box on a page of its own, so the reprint's first turn of the page shows it."""
    size = s.theme.fonts.table_size
    rows = [Row(cells=list(box.headers), kind="head")]
    for r in box.rows:
        rows.append(Row(cells=[r.week, r.date, r.exercise, r.what, r.why], bold_first=True))
    table = Grid(_columns(width), rows, grid_style(s, size, tick=False))
    return [PageBreak(), Outline("changes", box.outline, 0), s.para(box.title, s.h1), s.para(box.intro, s.body),
            Spacer(1, 4), table]
