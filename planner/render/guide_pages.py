"""The exercise guide and the guidance pages (hydration, cramps, when to see a doctor).
"""

from __future__ import annotations

from reportlab.platypus import (
    Flowable,
    PageBreak,
    Table,
)

from . import document as d
from .flowables import Outline, Stack, Styles, bullets, side_by_side, text_block


def guide(s: Styles, g: d.Guide, width: float) -> list[Flowable]:
    out: list[Flowable] = [PageBreak(), Outline("guide", g.outline, 0), s.para(g.title, s.h1), s.para(g.intro, s.body)]
    qr_size = 62
    for e in g.entries:
        body: list[Flowable] = [s.para(e.name, s.h2), s.para(e.muscles, s.small)]
        body.append(s.para(g.labels["steps"], s.h3))
        body += bullets(s, e.steps, numbered=True)
        if e.each_side:
            body.append(s.para(e.each_side, s.small))
        if e.cues:
            body.append(s.para(g.labels["cues"], s.h3))
            body += bullets(s, e.cues)
        if e.variants:
            body.append(s.para(e.variants, s.small))
        if e.video_url:
            t = Table([[body, [_qr(e.video_url, qr_size, s.font.regular), s.para(g.labels["video"], s.cell_muted)]]], colWidths=[width - qr_size - 12, qr_size + 12])
            t.setStyle(side_by_side(s))
            out.append(t)
        else:
            out.append(Stack(body, s.page_height))
    return out


def _qr(url: str, size: float, font: str) -> Flowable:
    from reportlab.graphics.barcode.qr import QrCodeWidget
    from reportlab.graphics.shapes import Drawing

    w = QrCodeWidget(url)
    x0, y0, x1, y1 = w.getBounds()
    dr = Drawing(size, size, transform=[size / (x1 - x0), 0, 0, size / (y1 - y0), 0, 0], initialFontName=font)
    dr.add(w)
    return dr


def guidance(s: Styles, g: d.Guidance) -> list[Flowable]:
    out: list[Flowable] = [PageBreak(), Outline("guidance", g.outline, 0), s.para(g.title, s.h1), s.para(g.intro, s.body)]
    for i, block in enumerate(g.blocks):
        out.append(Outline(f"guidance-{i}", d.one_line(block.title), 1))
        out += text_block(s, block)
    if g.sources is not None:
        out.append(Outline("guidance-sources", d.one_line(g.sources.title), 1))
        out += text_block(s, g.sources)
    return out

