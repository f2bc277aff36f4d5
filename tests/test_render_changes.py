"""An adapted plan's handout: the "What changed" box after the cover, a marker on the week a
change starts, words from the theme, the change texts printed exactly as written."""

from __future__ import annotations

import datetime as dt
import io
from functools import lru_cache

from pypdf import PdfReader

from planner import build_plan
from planner.models import Change, Plan, Profile
from planner.render import document as d
from planner.render.changes import changes, week_marker
from planner.render.model import Changes
from planner.render.pdf import render_pdf
from planner.render.theme import load_theme

START = dt.date(2026, 3, 2)
ODD = "<b>Max & Co</b> {week} ünïcødé"


@lru_cache(maxsize=None)
def adapted() -> Plan:
    plan = build_plan(Profile(name="Zoë Ødegård-Núñez", level="beginner", activity="strength", weeks=6, start_date=START))
    week3 = plan.weeks[2].start_date
    return plan.model_copy(update={"changes": [
        Change(week=3, date=week3, what="this week holds the load of week 2", why="Effort felt was high."),
        Change(week=3, date=week3, exercise_id="push-up", what=ODD, why="Pain of 5/10 & more"),
    ]})


def pages(pdf: bytes) -> list[str]:
    return [p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages]


def test_box_rows_come_from_the_changes_with_the_theme_words():
    theme = load_theme("handout")
    box = changes(theme, adapted())
    assert box.title == theme.t("changes_title")
    assert box.headers == [theme.t(f"changes_col_{k}") for k in ("week", "date", "exercise", "what", "why")]
    assert [(r.week, r.exercise) for r in box.rows] == [("Week 3", theme.t("changes_whole_week")), ("Week 3", "Push-up")]
    assert box.rows[0].what == "This week holds the load of week 2"  # a sentence in its cell
    assert box.rows[1].what == ODD  # as written; the PDF draws it as plain text


def test_box_comes_after_the_cover_and_only_for_an_adapted_plan():
    theme = load_theme("handout")
    sections = d.build_document(adapted(), theme).sections
    assert [type(x).__name__ for x in sections[:3]] == ["Cover", "Changes", "Calendar"]
    plain = adapted().model_copy(update={"changes": []})
    assert not any(isinstance(x, Changes) for x in d.build_document(plain, theme).sections)
    assert all(not w.changed for w in d.weeks(theme, plain).weeks)


def test_marker_only_on_the_week_a_change_starts():
    theme = load_theme("handout")
    plan = adapted()
    marks = [week_marker(theme, plan, w) for w in plan.weeks]
    assert [bool(m) for m in marks] == [False, False, True, False, False, False]
    assert "the week's load" in marks[2] and "Push-up" in marks[2] and theme.t("changes_title") in marks[2]


def test_pdf_prints_the_box_near_the_front_and_the_marker_on_week_3():
    text = pages(render_pdf(adapted(), "handout"))
    box = next(i for i, t in enumerate(text) if t.startswith("What changed") or "\nWhat changed\n" in t)
    assert box == 1  # straight after the cover, before the calendar
    assert "Your plan at a glance" in text[2]
    assert ODD in text[box].replace("\n", " ") or all(part in text[box] for part in ("<b>Max", "Co</b>", "{week}", "ünïcødé"))
    assert "Pain of 5/10 & more" in text[box]
    week3 = next(t for t in text if "Week 3:" in t)
    assert "Changed from this week" in week3
    assert not any("Changed from this week" in t for t in text if "Week 2:" in t or "Week 4:" in t)


def test_log_theme_marks_the_week_too_and_renders_deterministically():
    a = render_pdf(adapted(), "log")
    assert a == render_pdf(adapted(), "log")
    text = pages(a)
    assert any("What changed" in t for t in text[1:3])
    assert any("Changed from this week" in t for t in text if "Week 3:" in t)
