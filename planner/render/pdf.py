"""Lay a handout Document out as PDF with reportlab platypus.

This module and the helpers only it imports (``fonts``, ``grid``) are the only places that
import reportlab, so ``import planner`` and the theme checks stay cheap.

Every string arrives ready-made from ``document.py``; this module only decides where it goes,
so no word a reader sees is written here. Text is drawn as plain strings (never parsed as
Paragraph markup), so a name like "<b>Max & Co</b>" prints exactly as typed.
"""

from __future__ import annotations

import contextlib
import gc
import io
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, LETTER, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Flowable,
    Frame,
    KeepInFrame,
    PageBreak,
    PageTemplate,
    Spacer,
    Table,
    TableStyle,
)

from ..errors import ThemeError
from ..models import Coach, Plan
from . import document as d
from .branding import validate_coach
from .fonts import FontFamily, missing_characters, register_family
from .grid import Grid, GridStyle, Row, TextWriter, wrap_text
from .theme import Theme, load_theme, to_grey, with_paper

PAPER = {"a4": A4, "letter": LETTER}
_BUILD_LOCK = threading.Lock()
LOGO_MAX = (42 * mm, 22 * mm)


class _Styles:
    """Paragraph styles and colours derived from one theme (and the coach's accent)."""

    def __init__(self, theme: Theme, font: FontFamily, accent: str) -> None:
        c = theme.colours
        self.page_height = 0.0  # the frame's height, set once the page template is known
        self.theme = theme
        self.font = font
        self.accent = colors.HexColor(accent)
        self.text = colors.HexColor(c.text)
        self.muted = colors.HexColor(c.muted)
        self.rule = colors.HexColor(c.rule)
        self.header_bg = colors.HexColor(c.header_bg)
        self.shade = colors.HexColor(c.shade)
        self.light_week = colors.HexColor(c.light_week)
        if accent != c.accent and not theme.greyscale:  # a coach's accent: tints to match it
            white = colors.white
            self.header_bg = colors.linearlyInterpolatedColor(self.accent, white, 0, 1, 0.85)
            self.shade = colors.linearlyInterpolatedColor(self.accent, white, 0, 1, 0.94)
            self.light_week = colors.linearlyInterpolatedColor(self.accent, white, 0, 1, 0.55)
        self.chart_bg = colors.HexColor(c.chart_bg)
        self.edited = colors.HexColor(c.edited)
        f = theme.fonts
        size, tsize = f.size, f.table_size
        lead = 1.25 if theme.dense else 1.35

        def style(name: str, **kw: Any) -> ParagraphStyle:
            base = dict(fontName=font.regular, fontSize=size, leading=size * lead, textColor=self.text)
            base.update(kw)
            if "leading" not in kw:
                base["leading"] = base["fontSize"] * lead
            return ParagraphStyle(name, **base)

        gap = 0.6 if theme.dense else 1.0
        self.body = style("body", spaceAfter=3 * gap)
        self.small = style("small", fontSize=size - 1, textColor=self.muted)
        self.after_table = style("after_table", fontSize=size - 1, textColor=self.muted, spaceBefore=3)
        self.title = style("title", fontName=font.bold, fontSize=f.title_size, textColor=self.accent, spaceAfter=4)
        self.subtitle = style("subtitle", fontSize=f.heading_size * 0.9, spaceAfter=2)
        self.h1 = style("h1", fontName=font.bold, fontSize=f.heading_size, textColor=self.accent, spaceAfter=3 * gap, keepWithNext=1)
        self.h2 = style("h2", fontName=font.bold, fontSize=size + 2, textColor=self.accent, spaceBefore=7 * gap, spaceAfter=2 * gap, keepWithNext=1)
        self.h3 = style("h3", fontName=font.bold, fontSize=size + 0.5, spaceBefore=4 * gap, spaceAfter=1, keepWithNext=1)
        # week pages hold a CondPageBreak before each day instead: keepWithNext costs a frame copy
        self.day = style("day", fontName=font.bold, fontSize=size + 2, textColor=self.accent, spaceBefore=7 * gap, spaceAfter=1 * gap)
        self.rest_day = style("rest_day", fontName=font.bold, fontSize=size + 0.5, spaceBefore=4 * gap, spaceAfter=1)
        self.bullet = style("bullet", leftIndent=11, bulletIndent=2, spaceAfter=1.5 * gap)
        self.cell = style("cell", fontSize=tsize, leading=tsize * 1.2)
        self.cell_bold = style("cell_bold", fontName=font.bold, fontSize=tsize, leading=tsize * 1.2)
        self.cell_muted = style("cell_muted", fontSize=tsize - 0.5, leading=(tsize - 0.5) * 1.2, textColor=self.muted)

    def para(self, text: str, style: ParagraphStyle, bulletText: str | None = None) -> Flowable:
        return _Text(text, style, bulletText)

    def cell_text(self, text: str, width: float, style: ParagraphStyle | None = None) -> str:
        """Wrap to the column as a plain multi-line string: far cheaper than a Paragraph."""
        style = style or self.cell
        return wrap_text(text, style.fontName, style.fontSize, width - 6)


class _Text(Flowable):
    """Plain text wrapped by width: all our text is plain, and a Paragraph's markup parser
    costs ten times more. Being plain, user text can never be read as markup."""

    def __init__(self, text: str, style: ParagraphStyle, bullet: str | None = None) -> None:
        super().__init__()
        self.text, self.style, self.bullet = text, style, bullet
        self.keepWithNext = getattr(style, "keepWithNext", 0)
        self._lines: list[str] = []

    def _indent(self) -> float:
        return self.style.leftIndent

    def wrap(self, aw: float, ah: float) -> tuple[float, float]:
        st = self.style
        self._lines = wrap_text(self.text, st.fontName, st.fontSize, aw - self._indent() - st.rightIndent).split("\n")
        self.width = aw
        self.height = len(self._lines) * st.leading
        return aw, self.height

    def split(self, aw: float, ah: float) -> list[Flowable]:
        self.wrap(aw, ah)
        fit = int(ah // self.style.leading)
        if fit >= len(self._lines):
            return []
        # No orphan or widow: at least two lines stay together on each side of a page break.
        fit = min(fit, len(self._lines) - 2)
        if fit < 2:
            return []
        head = _Text("\n".join(self._lines[:fit]), self.style, self.bullet)
        tail_style = ParagraphStyle("cont", parent=self.style, spaceBefore=0)
        return [head, _Text("\n".join(self._lines[fit:]), tail_style)]

    def getSpaceBefore(self) -> float:
        return self.style.spaceBefore

    def getSpaceAfter(self) -> float:
        return self.style.spaceAfter

    def draw(self) -> None:
        st = self.style
        t = TextWriter(self.canv)
        t.set_fill(st.textColor.rgb())
        y = self.height - st.fontSize
        if self.bullet:
            t.set_font(st.fontName, st.fontSize)
            t.line(st.bulletIndent, y, self.bullet)
        t.set_font(st.fontName, st.fontSize)
        x = self._indent()
        for k, line in enumerate(self._lines):
            t.line(x, y - k * st.leading, line)
        t.finish()


class _Stack(Flowable):
    """Flowables kept on one page, like KeepTogether but without its per-wrap frame copy
    (which costs more than laying out the text itself). Taller than a page, it lets go."""

    def __init__(self, items: list[Flowable], page_height: float) -> None:
        super().__init__()
        self.items, self.page_height = items, page_height
        self._sizes: list[float] = []

    def wrap(self, aw: float, ah: float) -> tuple[float, float]:
        self._sizes = [f.wrapOn(self.canv, aw, 0x7FFFFFFF)[1] for f in self.items]
        gaps = sum(f.getSpaceBefore() for f in self.items[1:]) + sum(f.getSpaceAfter() for f in self.items[:-1])
        self.width, self.height = aw, sum(self._sizes) + gaps
        return self.width, self.height

    def split(self, aw: float, ah: float) -> list[Flowable]:
        return list(self.items) if self.height > self.page_height else []

    def getSpaceBefore(self) -> float:
        return self.items[0].getSpaceBefore() if self.items else 0

    def getSpaceAfter(self) -> float:
        return self.items[-1].getSpaceAfter() if self.items else 0

    def draw(self) -> None:
        y = self.height
        for i, (f, h) in enumerate(zip(self.items, self._sizes)):
            if i:
                y -= f.getSpaceBefore()
            y -= h
            f.drawOn(self.canv, 0, y)
            y -= f.getSpaceAfter()


class _Outline(Flowable):
    """Zero-size marker: records a bookmark for the page it lands on."""

    def __init__(self, key: str, title: str, level: int) -> None:
        super().__init__()
        self.key, self.title, self.level = key, title, level
        self.width = self.height = 0

    def wrap(self, aw: float, ah: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        self.canv.defer_outline(self.key, self.title, self.level)  # type: ignore[attr-defined]


def _canvas_class(running: d.Running, s: _Styles, page_size: tuple[float, float], margins: Any) -> type:
    """A canvas that holds pages back until the end so it can print 'page X of Y'."""

    class HandoutCanvas(Canvas):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._pages: list[dict[str, Any]] = []
            self._outline_now: list[tuple[str, str, int]] = []

        def defer_outline(self, key: str, title: str, level: int) -> None:
            self._outline_now.append((key, title, level))

        def showPage(self) -> None:  # noqa: N802 (reportlab's name)
            state = dict(self.__dict__)
            state["_outline_now"] = self._outline_now
            self._pages.append(state)
            self._outline_now = []
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            for number, state in enumerate(self._pages, start=1):
                self.__dict__.update(state)
                for key, title, level in state["_outline_now"]:
                    self.bookmarkPage(key)
                    self.addOutlineEntry(title, key, level=level, closed=level > 0)
                _draw_frame(self, running, s, page_size, margins, number, total)
                Canvas.showPage(self)
            self.showOutline()  # open with the bookmarks panel: weeks are one click away
            Canvas.save(self)

    return HandoutCanvas


def _fit(text: str, font: str, size: float, width: float) -> str:
    if stringWidth(text, font, size) <= width:
        return text
    while text and stringWidth(text + "…", font, size) > width:
        text = text[:-1]
    return text.rstrip() + "…"


def _draw_frame(c: Canvas, r: d.Running, s: _Styles, size: tuple[float, float], m: Any, page: int, pages: int) -> None:
    w, h = size
    left, right = m.left * mm, w - m.right * mm
    top = h - m.top * mm + 5 * mm
    bottom = m.bottom * mm - 6 * mm
    half = (right - left) / 2 - 6
    fs = s.theme.fonts.size - 0.5
    c.saveState()
    c.setFillColor(s.text)
    c.setFont(s.font.bold, fs)
    c.drawString(left, top, _fit(r.left, s.font.bold, fs, half))
    c.setFont(s.font.regular, fs)
    c.setFillColor(s.muted)
    c.drawRightString(right, top, _fit(r.right, s.font.regular, fs, half))
    c.setStrokeColor(s.accent)
    c.setLineWidth(0.8)
    c.line(left, top - 3, right, top - 3)
    small = max(fs - 2, 5.5)
    c.setFont(s.font.regular, small)
    c.drawString(left, bottom, _fit(r.generator, s.font.regular, small, (right - left) * 0.3))
    if r.coach:
        c.drawCentredString((left + right) / 2, bottom, _fit(r.coach, s.font.regular, small, (right - left) * 0.38))
    c.setFont(s.font.regular, fs - 0.5)
    c.setFillColor(s.text)
    c.drawRightString(right, bottom, r.page_label.format(page=page, pages=pages))
    if r.edited:
        c.setFillColor(s.edited)
        c.setFont(s.font.bold, fs)
        c.drawCentredString(w / 2, h - m.top * mm / 2 + 2 * mm, _fit(r.edited, s.font.bold, fs, right - left))
        c.setStrokeColor(s.edited)
        c.setLineWidth(1.5)
        c.rect(3 * mm, 3 * mm, w - 6 * mm, h - 6 * mm)
    c.restoreState()


# --- sections -------------------------------------------------------------------------------


def _bullets(s: _Styles, points: list[str], numbered: bool = False) -> list[Flowable]:
    return [
        s.para(p, s.bullet, bulletText=f"{i}." if numbered else "•") for i, p in enumerate(points, start=1)
    ]


def _text_block(s: _Styles, block: d.TextBlock) -> list[Flowable]:
    """A heading never ends a page: it is stacked with what follows it."""
    head: list[Flowable] = [s.para(block.title, s.h2)]
    if block.intro:
        head.append(s.para(block.intro, s.body))
    points = _bullets(s, block.points, block.numbered)
    return [_Stack(head + points[:1], s.page_height), *points[1:]]


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


def _chart(s: _Styles, chart: d.LoadChart, width: float) -> Flowable:
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


def _side_by_side(s: _Styles) -> TableStyle:
    """A borderless two-column layout table (the font is set so no Helvetica creeps in)."""
    return TableStyle([
        ("FONTNAME", (0, 0), (-1, -1), s.font.regular),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 0),
    ])


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


def _cover(s: _Styles, cov: d.Cover, width: float, coach: Coach | None) -> list[Flowable]:
    out: list[Flowable] = [_Outline("cover", cov.outline, 0)]
    heading: list[Flowable] = [s.para(cov.title, s.title), s.para(cov.subtitle, s.subtitle)]
    if cov.coach_line:
        heading.append(s.para(cov.coach_line, s.small))
    if coach and coach.logo:
        t = Table([[heading, _logo(coach.logo, *LOGO_MAX, grey=s.theme.greyscale)]], colWidths=[width - LOGO_MAX[0] - 6, LOGO_MAX[0] + 6])
        t.setStyle(_side_by_side(s))
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
        out += _text_block(s, block)
    out += _text_block(s, cov.how_to_read)
    effort: list[Flowable] = [s.para(cov.effort_title, s.h2), s.para(cov.effort_intro, s.body)]
    scale = Table(
        [[s.cell_text(f.label, 20, s.cell_bold), s.cell_text(f.value, width - 20)] for f in cov.effort_scale],
        colWidths=[20, width - 20],
    )
    style = [
        ("FONTNAME", (0, 0), (-1, -1), s.font.regular),
        ("FONTNAME", (0, 0), (0, -1), s.font.bold),
        ("FONTSIZE", (0, 0), (-1, -1), s.theme.fonts.table_size),
        ("TEXTCOLOR", (0, 0), (-1, -1), s.text),
        ("ALIGN", (0, 0), (0, -1), "CENTER"),
        ("LINEBELOW", (0, 0), (-1, -1), 0.3, s.rule),
        ("TOPPADDING", (0, 0), (-1, -1), 1.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
    ]
    if not s.theme.greyscale:
        for i in range(len(cov.effort_scale)):
            bg = colors.linearlyInterpolatedColor(s.shade, s.accent, 0, len(cov.effort_scale) - 1, i)
            style.append(("BACKGROUND", (0, i), (0, i), bg))
            if _luminance(bg) < 0.5:
                style.append(("TEXTCOLOR", (0, i), (0, i), colors.white))
    scale.setStyle(TableStyle(style))
    out.append(_Stack([*effort, scale], s.page_height))
    return out


def _luminance(c: Any) -> float:
    return 0.299 * c.red + 0.587 * c.green + 0.114 * c.blue


def _week_columns(width: float) -> list[float]:
    fixed = [26, 0, 100, 32, 58, 44, 52, 40]
    fixed[1] = width - sum(fixed)
    return fixed


def _grid_style(s: _Styles, size: float, tick: bool) -> GridStyle:
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


def _day_table(s: _Styles, weeks: d.Weeks, day: d.Day, width: float) -> Grid:
    """Warm-up, main work and cool-down as one table with the log columns to fill in."""
    size = s.theme.fonts.table_size
    rows = [Row(cells=list(weeks.headers), kind="head")]
    log = [False] * 5 + [True] * 3
    for block in day.blocks:
        rows.append(Row(cells=[block.heading], kind="band"))
        for r in block.rows:
            rows.append(Row(cells=["", r.exercise, r.dose, r.rest, r.effort, "", "", ""], shade=log, tick=True, note=r.note))
    rows.append(Row(cells=[weeks.notes_label], kind="band", muted=True, min_height=size * (2.6 if s.theme.dense else 3.2)))
    return Grid(_week_columns(width), rows, _grid_style(s, size, tick=True))


def _week_page(s: _Styles, weeks: d.Weeks, wk: d.WeekPage, key: str, width: float) -> list[Flowable]:
    out: list[Flowable] = [_Outline(key, wk.outline, 1), s.para(wk.heading, s.h1), s.para(wk.summary, s.small)]
    for day in wk.days:
        if day.rest:
            out += [CondPageBreak(30), s.para(day.heading, s.rest_day), s.para(day.line, s.small)]
            continue
        out += [CondPageBreak(130), s.para(day.heading, s.day), s.para(day.line, s.small), Spacer(1, 2), _day_table(s, weeks, day, width)]
        if day.drink:
            out.append(s.para(day.drink, s.after_table))
        if day.tips:
            out += _bullets(s, day.tips)
    return out


def _log_week(s: _Styles, lw: d.LogWeek, key: str, width: float, height: float) -> list[Flowable]:
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
    table = Grid([label_w] + [day_w] * n, rows, _grid_style(s, size, tick=False))
    content = [s.para(lw.heading, s.h1), s.para(lw.subtitle, s.small), Spacer(1, 4), table]
    return [_Outline(key, lw.outline, 1), KeepInFrame(width, height - 4, content, mode="shrink")]


def _guide(s: _Styles, g: d.Guide, width: float) -> list[Flowable]:
    out: list[Flowable] = [PageBreak(), _Outline("guide", g.outline, 0), s.para(g.title, s.h1), s.para(g.intro, s.body)]
    qr_size = 62
    for e in g.entries:
        body: list[Flowable] = [s.para(e.name, s.h2), s.para(e.muscles, s.small)]
        body.append(s.para(g.labels["steps"], s.h3))
        body += _bullets(s, e.steps, numbered=True)
        if e.each_side:
            body.append(s.para(e.each_side, s.small))
        if e.cues:
            body.append(s.para(g.labels["cues"], s.h3))
            body += _bullets(s, e.cues)
        if e.variants:
            body.append(s.para(e.variants, s.small))
        if e.video_url:
            t = Table([[body, [_qr(e.video_url, qr_size, s.font.regular), s.para(g.labels["video"], s.cell_muted)]]], colWidths=[width - qr_size - 12, qr_size + 12])
            t.setStyle(_side_by_side(s))
            out.append(t)
        else:
            out.append(_Stack(body, s.page_height))
    return out


def _qr(url: str, size: float, font: str) -> Flowable:
    from reportlab.graphics.barcode.qr import QrCodeWidget
    from reportlab.graphics.shapes import Drawing

    w = QrCodeWidget(url)
    x0, y0, x1, y1 = w.getBounds()
    dr = Drawing(size, size, transform=[size / (x1 - x0), 0, 0, size / (y1 - y0), 0, 0], initialFontName=font)
    dr.add(w)
    return dr


def _guidance(s: _Styles, g: d.Guidance) -> list[Flowable]:
    out: list[Flowable] = [PageBreak(), _Outline("guidance", g.outline, 0), s.para(g.title, s.h1), s.para(g.intro, s.body)]
    for i, block in enumerate(g.blocks):
        out.append(_Outline(f"guidance-{i}", d.one_line(block.title), 1))
        out += _text_block(s, block)
    return out


# --- entry point ------------------------------------------------------------------------------


def _check_font(plan: Plan, coach: Coach | None, theme: Theme, font: FontFamily) -> None:
    """Refuse text the font cannot draw, naming the field, rather than print empty boxes."""
    texts = list(d.user_texts(plan, coach, theme))
    used = set().union(*(t for _, t in texts))
    if all(ord(ch) in font.codepoints or ch in "\n\t\r" for ch in used):
        return
    problems = []
    for field, text in texts:
        missing = missing_characters(text, font.codepoints)
        if missing:
            codes = " ".join(f"U+{ord(ch):04X}" for ch in missing)
            problems.append(f"{field}: {text[:40]!r} contains characters the font cannot print: {codes}")
    problems = list(dict.fromkeys(problems))  # an exercise name repeats in every session
    more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
    raise ThemeError(problems[0] + more)


def render_pdf(
    plan: Plan,
    theme: "str | Path | Theme | None" = None,
    *,
    paper: str | None = None,
    coach: Coach | None = None,
) -> bytes:
    """Render a plan as a themed PDF handout; the same inputs give the same bytes."""
    with _gc_paused():
        return _render(plan, theme, paper, coach)


@contextlib.contextmanager
def _gc_paused() -> Iterator[None]:
    """A render allocates tens of thousands of short-lived objects, almost none in cycles;
    a full collection over the heap of a freshly started CLI in the middle costs 20-50 ms.
    The collector runs again, as before, once the bytes are out."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _render(plan: Plan, theme: "str | Path | Theme | None", paper: str | None, coach: Coach | None) -> bytes:
    th = with_paper(load_theme(theme), paper)
    if coach is not None:
        coach = validate_coach(coach)
    font = register_family(th.fonts.family)
    _check_font(plan, coach, th, font)
    accent = coach.accent if coach and coach.accent else th.colours.accent
    if th.greyscale:
        grey = to_grey(accent)  # too light a grey would not read as a heading on paper
        accent = grey if int(grey[1:3], 16) <= 0x66 else th.colours.accent
    s = _Styles(th, font, accent)
    doc = d.build_document(plan, th, coach)

    page_size = PAPER[th.page.size]
    if th.page.orientation == "landscape":
        page_size = landscape(page_size)
    m = th.page.margins_mm
    buf = io.BytesIO()
    template = BaseDocTemplate(
        buf,
        pagesize=page_size,
        leftMargin=m.left * mm,
        rightMargin=m.right * mm,
        topMargin=m.top * mm,
        bottomMargin=m.bottom * mm,
        title=doc.meta.title,
        author=doc.meta.author,
        subject=doc.meta.subject,
        creator=doc.meta.creator,
        producer=doc.meta.creator,
        keywords=doc.meta.keywords,
        invariant=1,
        pageCompression=1,
        initialFontName=font.regular,  # no stray reference to a non-embedded Helvetica
        lang=th.language,  # screen readers pick the right voice
    )
    frame = Frame(template.leftMargin, template.bottomMargin, template.width, template.height, id="body", leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
    template.addPageTemplates([PageTemplate(id="page", frames=[frame])])
    width, height = template.width, template.height
    s.page_height = height

    story: list[Flowable] = []
    for section in doc.sections:
        if isinstance(section, d.Cover):
            story += _cover(s, section, width, coach)
        elif isinstance(section, d.Weeks):
            pages = [_week_page(s, section, wk, f"week-{i}", width) for i, wk in enumerate(section.weeks)]
            pages += [_log_week(s, lw, f"week-{i}", width, height) for i, lw in enumerate(section.logs)]
            for i, page in enumerate(pages):
                # the log always gives a week its page; a dense handout lets weeks run on
                new_page = i == 0 or th.week_starts_page or th.layout == "log"
                story += [PageBreak() if new_page else CondPageBreak(height / 3)]
                story += [*([_Outline("weeks", section.outline, 0)] if i == 0 else []), *page]
        elif isinstance(section, d.Guide):
            story += _guide(s, section, width)
        elif isinstance(section, d.Guidance):
            story += _guidance(s, section)
    if story and isinstance(story[0], PageBreak):
        story.pop(0)
    from reportlab import rl_config

    # binary streams: smaller files and no slow pure-Python base-85 pass. The switch is
    # process-wide, so renders in threads take turns and the bytes never depend on timing.
    with _BUILD_LOCK:
        a85 = rl_config.useA85
        rl_config.useA85 = 0
        try:
            template.build(story, canvasmaker=_canvas_class(doc.running, s, page_size, m))
        finally:
            rl_config.useA85 = a85
    return buf.getvalue()
