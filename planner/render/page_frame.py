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

