"""The frame around every page: running header and footer, page numbers, the EDITED mark.
"""

from __future__ import annotations

from typing import Any

from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from . import document as d
from .flowables import Styles


def canvas_class(running: d.Running, s: Styles, page_size: tuple[float, float], margins: Any) -> type:
    """A canvas that holds pages back until the end so it can print 'page X of Y'."""

    class HandoutCanvas(Canvas):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._pages: list[dict[str, Any]] = []
            self._outline_now: list[tuple[str, str, int]] = []
            self._fields_now: list[tuple[str, float, float, float, float, bool]] = []

        def defer_field(self, name: str, x: float, y: float, w: float, h: float, multiline: bool = False) -> None:
            """A form field over a write-in cell, added when its page is written (see save)."""
            self._fields_now.append((name, x, y, w, h, multiline))

        def defer_outline(self, key: str, title: str, level: int) -> None:
            self._outline_now.append((key, title, level))

        def showPage(self) -> None:  # noqa: N802 (reportlab's name)
            state = dict(self.__dict__)
            state["_outline_now"] = self._outline_now
            state["_fields_now"] = self._fields_now
            self._pages.append(state)
            self._outline_now = []
            self._fields_now = []
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            annotations = self._annotationCount  # links made during layout keep their names
            for number, state in enumerate(self._pages, start=1):
                self.__dict__.update(state)
                self._annotationCount = annotations
                for key, title, level in state["_outline_now"]:
                    self.bookmarkPage(key)
                    self.addOutlineEntry(title, key, level=level, closed=level > 0)
                _draw_frame(self, running, s, page_size, margins, number, total)
                _add_fields(self, s, state["_fields_now"])
                annotations = self._annotationCount
                Canvas.showPage(self)
            self.showOutline()  # open with the bookmarks panel: weeks are one click away
            Canvas.save(self)

    return HandoutCanvas


def _add_fields(c: Canvas, s: Styles, fields: list[tuple[str, float, float, float, float, bool]]) -> None:
    """AcroForm text fields over the page's log cells: borderless and transparent, so the page
    prints exactly as the plain handout; a viewer shows typed text in the table's size."""
    if not fields:
        return  # the form exists only when a field does: a plain handout stays byte-identical
    size = s.theme.fonts.table_size
    for name, x, y, w, h, multiline in fields:
        c.acroForm.textfield(
            name=name,
            x=x,
            y=y,
            width=w,
            height=h,
            borderWidth=0,
            borderColor=None,
            fillColor=None,
            textColor=s.text,
            fontName="Helvetica",  # AcroForm fields take one of the 14 standard fonts
            fontSize=size,
            fieldFlags="multiline" if multiline else "",
            maxlen=500 if multiline else 40,
        )


def _fit(text: str, font: str, size: float, width: float) -> str:
    if stringWidth(text, font, size) <= width:
        return text
    while text and stringWidth(text + "…", font, size) > width:
        text = text[:-1]
    return text.rstrip() + "…"


def _draw_frame(c: Canvas, r: d.Running, s: Styles, size: tuple[float, float], m: Any, page: int, pages: int) -> None:
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

