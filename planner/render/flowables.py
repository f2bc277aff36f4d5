"""The building blocks every PDF page uses: styles from the theme and plain-text flowables.

Text is drawn as plain strings, never parsed as Paragraph markup, so user text prints as typed.
"""

from __future__ import annotations

from typing import Any

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import (
    Flowable,
    TableStyle,
)

from . import document as d
from .fonts import FontFamily
from .grid import TextWriter, wrap_text
from .theme import Theme


class Styles:
    """Paragraph styles and colours derived from one theme (and the coach's accent)."""

    def __init__(self, theme: Theme, font: FontFamily, accent: str) -> None:
        c = theme.colours
        self.page_height = 0.0  # the frame's height, set once the page template is known
        self.fillable = False  # log cells become form fields (set by render_pdf)
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


class Stack(Flowable):
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


class Outline(Flowable):
    """Zero-size marker: records a bookmark for the page it lands on."""

    def __init__(self, key: str, title: str, level: int) -> None:
        super().__init__()
        self.key, self.title, self.level = key, title, level
        self.width = self.height = 0

    def wrap(self, aw: float, ah: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        self.canv.defer_outline(self.key, self.title, self.level)  # type: ignore[attr-defined]


def bullets(s: Styles, points: list[str], numbered: bool = False) -> list[Flowable]:
    return [
        s.para(p, s.bullet, bulletText=f"{i}." if numbered else "•") for i, p in enumerate(points, start=1)
    ]


def text_block(s: Styles, block: d.TextBlock) -> list[Flowable]:
    """A heading never ends a page: it is stacked with what follows it."""
    head: list[Flowable] = [s.para(block.title, s.h2)]
    if block.intro:
        head.append(s.para(block.intro, s.body))
    points = bullets(s, block.points, block.numbered)
    return [Stack(head + points[:1], s.page_height), *points[1:]]


def side_by_side(s: Styles) -> TableStyle:
    """A borderless two-column layout table (the font is set so no Helvetica creeps in)."""
    return TableStyle([
        ("FONTNAME", (0, 0), (-1, -1), s.font.regular),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 0),
    ])


def luminance(c: Any) -> float:
    return 0.299 * c.red + 0.587 * c.green + 0.114 * c.blue

