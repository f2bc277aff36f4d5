"""The log theme's pages: the effort scale shares the cover, the warm-up row lists its moves."""

from __future__ import annotations

import io

from pypdf import PdfReader

from planner.render import document as d
from planner.render.pdf import render_pdf
from planner.render.theme import load_theme

from conftest import zoe_plan


def test_effort_scale_fits_on_the_log_cover() -> None:
    theme = load_theme("log")
    reader = PdfReader(io.BytesIO(render_pdf(zoe_plan(2), theme)))
    cover = reader.pages[0].extract_text()
    scale = theme.lines("effort_scale")
    assert scale[0].split(":")[0] in cover and scale[-1].split(":")[0] in cover
    assert theme.t("effort_title") in cover


def test_warmup_cell_lists_the_moves() -> None:
    theme, plan = load_theme("log"), zoe_plan(2)
    week = d.log_week(theme, plan, plan.weeks[0])
    warmup = week.rows[0]
    sessions = sorted(plan.weeks[0].sessions, key=lambda s: s.date)
    for cell, s in zip(warmup.cells, sessions):
        block = next(b for b in s.blocks if b.kind == "warmup")
        assert all(p.name in cell for p in block.items), cell
