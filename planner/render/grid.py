"""A lean table flowable for the week pages and the training log (imported only by pdf.py).

platypus ``Table`` is general: per-cell style resolution, a text object per string, a stroke
per grid segment. A handout holds hundreds of small tables of one shape, so this flowable
draws each table as one text object and two paths, splits between rows with the header
repeated, and keeps a block heading with the row under it. It makes rendering about twice as
fast, which is what keeps a whole plan near the cost of bare platypus.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any, Literal, NamedTuple

from reportlab.pdfbase.pdfmetrics import getFont, stringWidth
from reportlab.platypus import Flowable

PAD_X = 3.0
PAD_Y = 2.2
MAX_LINES = 24  # a cell longer than this (a hand-edited essay) is cut, so a row fits a page


def _clip(lines: list[str]) -> list[str]:
    if len(lines) <= MAX_LINES:
        return lines
    return [*lines[: MAX_LINES - 1], lines[MAX_LINES - 1] + " …"]


def num(v: float) -> str:
    """A PDF number with two decimals at most (reportlab's fp_str is slow in pure Python)."""
    text = f"{v:.2f}".rstrip("0").rstrip(".")
    return "0" if text in ("", "-0") else text


class TextWriter:
    """Writes text operators straight into the canvas' content stream.

    A handout draws thousands of short strings; reportlab's text object costs a measured
    width, a colour object and several number formats per string. This writes what
    ``PDFTextObject.textLine`` writes for a TrueType font, with the font's own subsetting and
    the canvas' own escaping, in a fraction of the time.
    """

    def __init__(self, canv: Any) -> None:
        self.canv, self.doc = canv, canv._doc
        self.code: list[str] = ["BT"]
        self.font: Any = None
        self.size = 0.0
        self.subset: tuple[str, int] | None = None
        self.escape = canv._escape

    def set_font(self, name: str, size: float) -> None:
        if self.font is None or self.font.fontName != name or self.size != size:
            self.font, self.size, self.subset = getFont(name), size, None

    def set_fill(self, rgb: tuple[float, float, float]) -> None:
        self.code.append(f"{num(rgb[0])} {num(rgb[1])} {num(rgb[2])} rg")

    def line(self, x: float, y: float, text: str) -> None:
        code, font = self.code, self.font
        code.append(f"1 0 0 1 {num(x)} {num(y)} Tm")
        for subset, chunk in font.splitString(text, self.doc):
            key = (font.fontName, subset)
            if key != self.subset:
                code.append(f"{font.getSubsetInternalName(subset, self.doc)} {num(self.size)} Tf")
                self.subset = key
            code.append(f"({self.escape(chunk)}) Tj")

    def finish(self) -> None:
        self.code.append("ET")
        self.canv._code.append(" ".join(self.code))


@lru_cache(maxsize=8192)
def wrap_text(text: str, font: str, size: float, width: float) -> str:
    """Greedy word wrap by measured width; a word longer than the line is cut where it must."""
    if not text:
        return ""
    if "\n" not in text and stringWidth(text, font, size) <= width:
        return text
    lines: list[str] = []
    space = stringWidth(" ", font, size)
    for para in text.split("\n"):
        line, line_w = "", 0.0
        for word in para.split():
            ww = stringWidth(word, font, size)
            if ww > width:  # a word longer than the line: cut it where it must
                if line:
                    lines.append(line)
                while stringWidth(word, font, size) > width:
                    cut = len(word) - 1
                    while cut > 1 and stringWidth(word[:cut], font, size) > width:
                        cut -= 1
                    cut = max(1, cut)  # a column narrower than one letter still moves on
                    lines.append(word[:cut])
                    word = word[cut:]
                line, line_w = word, stringWidth(word, font, size)
            elif line and line_w + space + ww > width:
                lines.append(line)
                line, line_w = word, ww
            elif line:
                line, line_w = f"{line} {word}", line_w + space + ww
            else:
                line, line_w = word, ww
        lines.append(line)
    return "\n".join(lines)


class GridStyle(NamedTuple):
    regular: str
    bold: str
    size: float
    text: Any
    muted: Any
    rule: Any
    accent: Any
    header_bg: Any | None
    shade: Any | None
    tick: float = 0.0  # size of the tick box in column 0 of ticked rows; 0: none

    @property
    def leading(self) -> float:
        return self.size * 1.2


class Row:
    """One table row; a "band" spans all columns (a block heading or a notes line).

    ``note`` is a muted second part of cell 1 (an exercise's note under its name); ``lines``
    and ``height`` are filled in when a Grid measures the row.
    """

    __slots__ = ("cells", "kind", "shade", "tick", "min_height", "bold_first", "muted", "note", "fields", "height", "lines")

    def __init__(
        self,
        cells: list[str],
        kind: Literal["head", "band", "body"] = "body",
        shade: list[bool] | None = None,
        tick: bool = False,
        min_height: float = 0.0,
        bold_first: bool = False,
        muted: bool = False,
        note: str = "",
        fields: list[tuple[int, str]] | None = None,
    ) -> None:
        self.cells, self.kind, self.shade, self.tick = cells, kind, shade or [], tick
        self.min_height, self.bold_first, self.muted, self.note = min_height, bold_first, muted, note
        self.fields = fields or []  # (column, form field name); a band's field spans the row
        self.height = 0.0
        self.lines: list[list[str]] = []


class Grid(Flowable):
    def __init__(self, widths: list[float], rows: list[Row], style: GridStyle, repeat_head: bool = True) -> None:
        super().__init__()
        self.widths, self.rows, self.st = widths, rows, style
        self.repeat_head = repeat_head and bool(rows) and rows[0].kind == "head"
        self.width = sum(widths)
        for row in rows:
            if not row.lines:
                self._measure(row)
        self.height = sum(r.height for r in rows)

    def _measure(self, row: Row) -> None:
        st = self.st
        if row.kind == "band":
            font = st.regular if row.muted else st.bold
            row.lines = [_clip(wrap_text(row.cells[0], font, st.size, self.width - 2 * PAD_X).split("\n"))]
        else:
            row.lines = []
            for i, (text, w) in enumerate(zip(row.cells, self.widths)):
                bold = row.kind == "head" or (i == 0 and row.bold_first)
                font = st.bold if bold else st.regular
                row.lines.append(_clip(wrap_text(text, font, st.size, w - 2 * PAD_X).split("\n")) if text else [])
            if row.note:
                note = wrap_text(row.note, st.regular, st.size, self.widths[1] - 2 * PAD_X).split("\n")
                row.lines.append(_clip(note)[: max(1, MAX_LINES - len(row.lines[1]))])
        n = max((len(c) for c in row.lines), default=0)
        if row.note:
            n = max(n, len(row.lines[1]) + len(row.lines[-1]))
        row.height = max(n * st.leading + 2 * PAD_Y, row.min_height, st.tick + 2 * PAD_Y if row.tick else 0)

    def wrap(self, aw: float, ah: float) -> tuple[float, float]:
        return self.width, self.height

    def split(self, aw: float, ah: float) -> list[Flowable]:
        head = [self.rows[0]] if self.repeat_head else []
        used = sum(r.height for r in head)
        start = len(head)
        cut = start
        for i in range(start, len(self.rows)):
            if used + self.rows[i].height > ah:
                break
            used += self.rows[i].height
            cut = i + 1
        while cut > start and self.rows[cut - 1].kind == "band" and cut < len(self.rows):
            cut -= 1  # a block heading stays with the row under it
        if cut < len(self.rows) and all(r.kind == "band" for r in self.rows[cut:]):
            # closing lines (notes, tips) never go over alone: two exercise rows go with them
            body = [i for i in range(start, cut) if self.rows[i].kind == "body"]
            cut = body[-2] if len(body) >= 2 else start
            while cut > start and self.rows[cut - 1].kind == "band":
                cut -= 1
        if cut - start < 3 or cut >= len(self.rows):
            return []  # no stub of a row or two at the foot of a page
        first = Grid(self.widths, self.rows[:cut], self.st, self.repeat_head)
        rest = Grid(self.widths, head + self.rows[cut:], self.st, self.repeat_head)
        return [first, rest]

    def _cells(self, row: Row, top: float, bottom: float, x_edges: list[float]):
        """(x, baseline of the first line, lines, font, colour) for each non-empty cell."""
        st = self.st
        lead = st.leading
        if row.kind == "band":
            font = st.regular if row.muted else st.bold
            yield 0.0, top - PAD_Y - st.size, row.lines[0], font, st.muted if row.muted else st.text
            return
        cells = row.lines[:-1] if row.note else row.lines
        if row.note:  # name and note are centred together as one block
            name, note = row.lines[1], row.lines[-1]
            n = len(name) + len(note)
            base = bottom + (top - bottom + n * lead) / 2 - st.size
            yield x_edges[1], base, name, st.regular, st.text
            yield x_edges[1], base - len(name) * lead, note, st.regular, st.muted
            cells = [c if i != 1 else [] for i, c in enumerate(cells)]
        for i, lines in enumerate(cells):
            if not lines:
                continue
            bold = row.kind == "head" or (i == 0 and row.bold_first)
            colour = st.muted if row.muted and not bold else st.text
            if row.kind == "head":  # headers sit on the rule below them
                base = bottom + PAD_Y + (len(lines) - 1) * lead + st.size * 0.25
            elif row.muted:  # log cells: the target at the top, room to write below
                base = top - PAD_Y - st.size
            else:
                base = bottom + (top - bottom + len(lines) * lead) / 2 - st.size
            yield x_edges[i], base, lines, st.bold if bold else st.regular, colour

    def _text(self, c: Any, rows: list[tuple[Row, float, float]], x_edges: list[float]) -> None:
        st = self.st
        t = TextWriter(c)
        colour_now = None
        for row, top, bottom in rows:
            for x, base, lines, font, colour in self._cells(row, top, bottom, x_edges):
                t.set_font(font, st.size)
                if colour != colour_now:
                    t.set_fill(colour)
                    colour_now = colour
                for k, line in enumerate(lines):
                    t.line(x + PAD_X, base - k * st.leading, line)
        t.finish()

    def _head_form(self, c: Any, row: Row, x_edges: list[float]) -> str:
        """The header row is the same on every table of a kind: draw it once as a PDF form."""
        forms = c.__dict__.setdefault("_grid_head_forms", {})
        key = (tuple(row.cells), tuple(self.widths), self.st)
        name = forms.get(key)
        if name is None:
            name = forms[key] = f"GridHead{len(forms)}"
            c.beginForm(name, 0, 0, x_edges[-1], row.height)
            if self.st.header_bg is not None:
                c.setFillColor(self.st.header_bg)
                c.rect(0, 0, x_edges[-1], row.height, stroke=0, fill=1)
            self._text(c, [(row, row.height, 0.0)], x_edges)
            c.endForm()
        return name

    def draw(self) -> None:
        st, c = self.st, self.canv
        x_edges = [0.0]
        for w in self.widths:
            x_edges.append(x_edges[-1] + w)
        total_w = x_edges[-1]
        placed: list[tuple[Row, float, float]] = []
        y = self.height
        for row in self.rows:
            placed.append((row, y, y - row.height))
            y -= row.height
        # shaded write-in cells
        if st.shade is not None:
            c.setFillColor(st.shade)
            for row, top, bottom in placed:
                if row.kind != "body":
                    continue
                start = None
                for i, shaded in enumerate([*row.shade, False]):
                    if shaded and start is None:
                        start = i
                    elif not shaded and start is not None:
                        c.rect(x_edges[start], bottom, x_edges[i] - x_edges[start], top - bottom, stroke=0, fill=1)
                        start = None
        # header row: a form drawn once per document
        text_rows = placed
        if placed and placed[0][0].kind == "head":
            head, top, bottom = placed[0]
            name = self._head_form(c, head, x_edges)
            c.saveState()
            c.translate(0, bottom)
            c.doForm(name)
            c.restoreState()
            text_rows = placed[1:]
        # rules: horizontal at every row edge, vertical in runs between spanning bands
        rules = c.beginPath()
        accents = c.beginPath()
        rules.moveTo(0, self.height)
        rules.lineTo(total_w, self.height)
        run_top = None
        runs: list[tuple[float, float]] = []
        for row, top, bottom in placed:
            path = accents if row.kind == "head" else rules
            path.moveTo(0, bottom)
            path.lineTo(total_w, bottom)
            if row.kind == "band":
                if not row.muted:
                    accents.moveTo(0, top)
                    accents.lineTo(total_w, top)
                if run_top is not None:
                    runs.append((run_top, top))
                    run_top = None
            elif run_top is None:
                run_top = top
        if run_top is not None:
            runs.append((run_top, 0.0))
        for x in x_edges[1:-1]:
            for top, bottom in runs:
                rules.moveTo(x, top)
                rules.lineTo(x, bottom)
        for x in (0.0, total_w):
            rules.moveTo(x, self.height)
            rules.lineTo(x, 0)
        c.setLineWidth(0.3)
        c.setStrokeColor(st.rule)
        c.drawPath(rules, stroke=1, fill=0)
        c.setLineWidth(0.8)
        c.setStrokeColor(st.accent)
        c.drawPath(accents, stroke=1, fill=0)
        if st.tick:
            boxes = c.beginPath()
            for row, top, bottom in placed:
                if row.tick:
                    boxes.rect((x_edges[1] - st.tick) / 2, bottom + (top - bottom - st.tick) / 2, st.tick, st.tick)
            c.setLineWidth(0.7)
            c.setStrokeColor(st.text)
            c.drawPath(boxes, stroke=1, fill=0)
        self._text(c, text_rows, x_edges)
        self._form_fields(c, placed, x_edges)

    def _form_fields(self, c: Any, placed: list[tuple[Row, float, float]], x_edges: list[float]) -> None:
        """Hand each write-in cell's place on the page to the canvas, which makes it a form field.

        The canvas adds the fields when it writes the page (it holds pages back to number
        them), so the field points at the right page; corners go through the current
        transformation, so a table shrunk to fit a frame gets fields of its drawn size.
        """
        for row, top, bottom in placed:
            for col, name in row.fields:
                x0, x1 = (0.0, x_edges[-1]) if row.kind == "band" else (x_edges[col], x_edges[col + 1])
                ax0, ay0 = c.absolutePosition(x0, bottom)
                ax1, ay1 = c.absolutePosition(x1, top)
                c.defer_field(name, ax0, ay0, ax1 - ax0, ay1 - ay0, multiline=row.kind == "band")
