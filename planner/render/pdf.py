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

from reportlab.lib.pagesizes import A4, LETTER, landscape
from reportlab.lib.units import mm
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Flowable,
    Frame,
    PageBreak,
    PageTemplate,
)

from ..errors import OutputError, ThemeError
from ..models import Coach, Plan
from . import document as d
from .branding import validate_coach
from .cover_page import cover
from .flowables import Outline, Styles
from .fonts import FontFamily, missing_characters, register_family
from .changes_page import changes_page
from .guide_pages import guidance, guide
from .model import Calendar, Changes, Readiness, ZonesPage
from .overview_pages import calendar, readiness
from .page_frame import canvas_class
from .theme import Theme, load_theme, to_grey, with_paper
from .week_pages import log_week, week_page
from .zones_pages import zones

PAPER = {"a4": A4, "letter": LETTER}


_BUILD_LOCK = threading.Lock()


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
    fillable: bool = False,
) -> bytes:
    """Render a plan as a themed PDF handout; the same inputs give the same bytes.

    With `fillable`, the log cells of the week pages are also form fields (named by
    `planner.io.log_fields.field_name`), so the handout can be filled in on a tablet and read
    back by `planner adapt`; without it the bytes are those of the plain handout.
    """
    from reportlab.platypus.doctemplate import LayoutError

    with _gc_paused():
        try:
            return _render(plan, theme, paper, coach, fillable)
        except LayoutError:
            # A hand-edited text within the plan's caps can still be one the page cannot hold
            # (a cell of one unbreakable word): one line for the person, never a traceback.
            raise OutputError(
                "layout: a title, tip or note of this plan does not fit on a page; "
                "allowed: shorter texts, or words with spaces between them"
            ) from None


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


def _render(plan: Plan, theme: "str | Path | Theme | None", paper: str | None, coach: Coach | None, fillable: bool) -> bytes:
    th = with_paper(load_theme(theme), paper)
    if fillable and th.layout == "log":
        raise ThemeError(
            f"--fillable: theme {th.name[:80]!r} prints the log layout, one cell per exercise and session, "
            "not one per log column; allowed: a theme with the handout layout (handout, print-saver)"
        )
    if coach is not None:
        coach = validate_coach(coach)
    font = register_family(th.fonts.family)
    _check_font(plan, coach, th, font)
    accent = coach.accent if coach and coach.accent else th.colours.accent
    if th.greyscale:
        grey = to_grey(accent)  # too light a grey would not read as a heading on paper
        accent = grey if int(grey[1:3], 16) <= 0x66 else th.colours.accent
    s = Styles(th, font, accent)
    s.fillable = fillable
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
            story += cover(s, section, width, coach)
        elif isinstance(section, d.Weeks):
            pages = [week_page(s, section, wk, f"week-{i}", width) for i, wk in enumerate(section.weeks)]
            pages += [log_week(s, lw, f"week-{i}", width, height) for i, lw in enumerate(section.logs)]
            for i, page in enumerate(pages):
                # the log always gives a week its page; a dense handout lets weeks run on
                new_page = i == 0 or th.week_starts_page or th.layout == "log"
                story += [PageBreak() if new_page else CondPageBreak(height / 3)]
                story += [*([Outline("weeks", section.outline, 0)] if i == 0 else []), *page]
        elif isinstance(section, Changes):
            story += changes_page(s, section, width)
        elif isinstance(section, Calendar):
            story += calendar(s, section, width, height)
        elif isinstance(section, Readiness):
            story += readiness(s, section)
        elif isinstance(section, d.Guide):
            story += guide(s, section, width)
        elif isinstance(section, d.Guidance):
            story += guidance(s, section)
        elif isinstance(section, ZonesPage):
            story += zones(s, section, width)
    if story and isinstance(story[0], PageBreak):
        story.pop(0)
    from reportlab import rl_config

    # binary streams: smaller files and no slow pure-Python base-85 pass. The switch is
    # process-wide, so renders in threads take turns and the bytes never depend on timing.
    with _BUILD_LOCK:
        a85 = rl_config.useA85
        rl_config.useA85 = 0
        try:
            template.build(story, canvasmaker=canvas_class(doc.running, s, page_size, m))
        finally:
            rl_config.useA85 = a85
    return buf.getvalue()

