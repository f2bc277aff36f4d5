"""The cover: title, facts, the weekly load chart and the coach's branding.
"""

from __future__ import annotations

import io
from typing import Any

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import (
    Flowable,
    Spacer,
    Table,
    TableStyle,
)

from ..models import Coach
from . import document as d
from .flowables import Outline, Stack, Styles, luminance, side_by_side, text_block

LOGO_MAX = (42 * mm, 22 * mm)


def _nice_step(raw: float) -> float:
    """1, 2, 2.5 or 5 times a power of ten: axis labels people can read at a glance."""
    import math

    if raw <= 0:
        return 1
    power = 10 ** math.floor(math.log10(raw))
    for m in (1, 2, 2.5, 5, 10):
        if raw <= m * power:
            return m * power
    return 10 * power


def _chart(s: Styles, chart: d.LoadChart, width: float) -> Flowable:
    from reportlab.graphics.shapes import Drawing, Line, Rect, String

    height = 120 if s.theme.dense else 150
    dr = Drawing(width, height, initialFontName=s.font.regular)
    if s.theme.chart_background:
        dr.add(Rect(0, 0, width, height, fillColor=s.chart_bg, strokeColor=None))
    pad_l, pad_b, pad_t = 30, 26, 14
    plot_w, plot_h = width - pad_l - 10, height - pad_b - pad_t
    step = _nice_step(max((b.value for b in chart.bars), default=1) / 4)
    top = step * 4
    while top < max((b.value for b in chart.bars), default=0):
        top += step
    ticks = round(top / step)
    n = len(chart.bars)
    slot = plot_w / max(n, 1)
    bar_w = slot * 0.72
    fs = s.theme.fonts.table_size - 0.5
    for i in range(ticks + 1):
        y = pad_b + plot_h * i / ticks
        dr.add(Line(pad_l, y, pad_l + plot_w, y, strokeColor=s.rule, strokeWidth=0.3))
        dr.add(String(pad_l - 3, y - 2.5, str(round(step * i)), fontName=s.font.regular, fontSize=fs - 1, fillColor=s.muted, textAnchor="end"))
    every = 1 if n <= 16 else (2 if n <= 30 else 4)
    for i, bar in enumerate(chart.bars):
        x = pad_l + i * slot + (slot - bar_w) / 2
        bh = plot_h * bar.value / top
        fill = s.light_week if bar.light else s.accent
        dr.add(Rect(x, pad_b, bar_w, bh, fillColor=fill, strokeColor=None))
        if i % every == 0 or i == n - 1:
            dr.add(String(x + bar_w / 2, pad_b - 9, bar.label, fontName=s.font.regular, fontSize=fs - 1, fillColor=s.muted, textAnchor="middle"))
    dr.add(String(pad_l + plot_w / 2, 3, chart.axis_label, fontName=s.font.regular, fontSize=fs - 1, fillColor=s.muted, textAnchor="middle"))
    lx = pad_l
    ly = height - 10
    for label, fill in ((chart.legend_normal, s.accent), (chart.legend_light, s.light_week)):
        dr.add(Rect(lx, ly, 8, 6, fillColor=fill, strokeColor=None))
        dr.add(String(lx + 11, ly, label, fontName=s.font.regular, fontSize=fs, fillColor=s.text))
        lx += 20 + stringWidth(label, s.font.regular, fs)
    return dr


def _logo(path: str, max_w: float, max_h: float, grey: bool) -> Flowable:
    """The coach's logo, scaled into its box; in grey for greyscale themes."""
    from PIL import Image as PILImage
    from reportlab.platypus import Image

    source: Any = path
    with PILImage.open(path) as img:
        iw, ih = img.size
        if grey:
            buf = io.BytesIO()
            img.convert("LA" if "A" in img.getbands() else "L").save(buf, "PNG")
            buf.seek(0)
            source = buf
    scale = min(max_w / iw, max_h / ih)
    return Image(source, width=iw * scale, height=ih * scale, hAlign="RIGHT")


def cover(s: Styles, cov: d.Cover, width: float, coach: Coach | None) -> list[Flowable]:
    out: list[Flowable] = [Outline("cover", cov.outline, 0)]
    heading: list[Flowable] = [s.para(cov.title, s.title), s.para(cov.subtitle, s.subtitle)]
    if cov.coach_line:
        heading.append(s.para(cov.coach_line, s.small))
    if coach and coach.logo:
        t = Table([[heading, _logo(coach.logo, *LOGO_MAX, grey=s.theme.greyscale)]], colWidths=[width - LOGO_MAX[0] - 6, LOGO_MAX[0] + 6])
        t.setStyle(side_by_side(s))
        out.append(t)
    else:
        out += heading
    out.append(Spacer(1, 6))
    half = len(cov.facts) - len(cov.facts) // 2
    lw = width * 0.16
    vw = width / 2 - lw
    rows = []
    for i in range(half):
        row: list[Any] = []
        for f in (cov.facts[i], cov.facts[i + half] if i + half < len(cov.facts) else None):
            row += [s.para(f.label, s.cell_muted), s.para(f.value, s.cell_bold)] if f else ["", ""]
        rows.append(row)
    facts = Table(rows, colWidths=[lw, vw, lw, vw])
    facts.setStyle(TableStyle([
        ("FONTNAME", (0, 0), (-1, -1), s.font.regular),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LINEBELOW", (0, 0), (-1, -1), 0.3, s.rule),
        ("TOPPADDING", (0, 0), (-1, -1), 2.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
    ]))
    out += [facts, Spacer(1, 8)]
    out += [s.para(cov.chart.title, s.h2), _chart(s, cov.chart, width), s.para(cov.chart.caption, s.small)]
    for block in cov.notes:
        out += text_block(s, block)
    out += text_block(s, cov.how_to_read)
    effort: list[Flowable] = [s.para(cov.effort_title, s.h2), s.para(cov.effort_intro, s.body)]
    # a landscape page is wide and short: the scale goes in two columns, so it fits on the cover
    cols = 2 if s.theme.page.orientation == "landscape" else 1
    per = -(-len(cov.effort_scale) // cols)
    text_w = width / cols - 20
    cells = [[s.cell_text(f.label, 20, s.cell_bold), s.cell_text(f.value, text_w)] for f in cov.effort_scale]
    cells += [["", ""]] * (per * cols - len(cells))
    scale = Table(
        [sum((cells[r + c * per] for c in range(cols)), []) for r in range(per)],
        colWidths=[20, text_w] * cols,
    )
    style = [
        ("FONTNAME", (0, 0), (-1, -1), s.font.regular),
        ("FONTNAME", (0, 0), (0, -1), s.font.bold),
        ("FONTSIZE", (0, 0), (-1, -1), s.theme.fonts.table_size),
        ("TEXTCOLOR", (0, 0), (-1, -1), s.text),
        *(("ALIGN", (2 * c, 0), (2 * c, -1), "CENTER") for c in range(cols)),
        *(("FONTNAME", (2 * c, 0), (2 * c, -1), s.font.bold) for c in range(1, cols)),
        ("LINEBELOW", (0, 0), (-1, -1), 0.3, s.rule),
        ("TOPPADDING", (0, 0), (-1, -1), 1.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
    ]
    if not s.theme.greyscale:
        for i in range(len(cov.effort_scale)):
            bg = colors.linearlyInterpolatedColor(s.shade, s.accent, 0, len(cov.effort_scale) - 1, i)
            at = (2 * (i // per), i % per)
            style.append(("BACKGROUND", at, at, bg))
            if luminance(bg) < 0.5:
                style.append(("TEXTCOLOR", at, at, colors.white))
    scale.setStyle(TableStyle(style))
    out.append(Stack([*effort, scale], s.page_height))
    return out

