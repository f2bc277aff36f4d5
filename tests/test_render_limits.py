"""Themes at the edge of what they allow still print; past it they are refused in one line."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import pypdf
import pytest

from planner import build_plan, render_pdf
from planner.errors import ThemeError
from planner.models import Profile
from planner.render.grid import wrap_text
from planner.render.theme import load_theme


def test_wrapping_into_a_column_narrower_than_a_letter_ends() -> None:
    lines = [line for line in wrap_text("Copenhagen", "Helvetica", 9, 1).split("\n") if line]
    assert lines == list("Copenhagen")


def test_widest_allowed_margins_still_render(tmp_path: Path) -> None:
    theme = tmp_path / "wide.toml"
    theme.write_text('name = "wide"\n[page]\nmargins_mm = {top = 16, bottom = 16, left = 30, right = 30}\n')
    plan = build_plan(Profile(name="Ana", level="beginner", activity="running", weeks=1, start_date=dt.date(2027, 1, 4)))
    names = {item.name for s in plan.weeks[0].sessions for b in s.blocks for item in b.items}
    for paper in ("a4", "letter"):
        pdf = render_pdf(plan, theme, paper=paper)
        text = " ".join(" ".join(p.extract_text().split()) for p in pypdf.PdfReader(io.BytesIO(pdf)).pages)
        # Every line of every session still prints in the narrow text column.
        assert [n for n in sorted(names) if n not in text] == []


def test_margins_that_leave_no_room_are_refused(tmp_path: Path) -> None:
    theme = tmp_path / "narrow.toml"
    theme.write_text('name = "narrow"\n[page]\nmargins_mm = {top = 16, bottom = 16, left = 60, right = 60}\n')
    with pytest.raises(ThemeError, match=r"page.margins_mm: left \+ right is 120 mm; at most 60 mm"):
        load_theme(theme)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ('week_heading = "Week {numbr}"', "text key 'week_heading': {numbr} is not a placeholder here; allowed: {first}, {last}, {number}"),
        ('week_heading = "Week {number} {"', "text key 'week_heading': Single '{' encountered"),
        ('footer_page = "{page}/{pages} {x}"', "text key 'footer_page': {x} is not a placeholder here"),
        ('weekdays = ["Mo", "Tu"]', "text key 'weekdays': has 2 entries; it needs 7"),
        ("months = []", "text key 'months': has 0 entries; it needs 12"),
        ('week_heading = "Week {number.real.__class__}"', "is not a placeholder here"),
    ],
)
def test_text_overrides_that_would_break_a_handout_are_refused(tmp_path: Path, line: str, expected: str) -> None:
    theme = tmp_path / "words.toml"
    theme.write_text(f'name = "words"\n[text]\n{line}\n', encoding="utf-8")
    with pytest.raises(ThemeError, match=None) as info:
        load_theme(theme)
    assert expected in str(info.value)


def test_a_coach_may_reword_freely(tmp_path: Path) -> None:
    theme = tmp_path / "de.toml"
    theme.write_text('name = "de"\n[text]\nweek_heading = "Woche {number}"\nhow_to_read = ["Lies von oben nach unten."]\n',
                     encoding="utf-8")
    assert load_theme(theme).t("week_heading", number=3, first="", last="") == "Woche 3"


@pytest.mark.parametrize(("accent", "ok"), [("#ffffff", False), ("yellow", False), ("orange", False),
                                             ("teal", True), ("navy", True), ("#0a7d5a", True)])
def test_accents_too_light_to_read_on_paper_are_refused(accent: str, ok: bool) -> None:
    from planner.models import Coach
    from planner.render.branding import validate_coach

    if ok:
        assert validate_coach(Coach(accent=accent)).accent.startswith("#")
    else:
        with pytest.raises(ThemeError, match=rf"accent '{accent}' is too light for headings on white paper"):
            validate_coach(Coach(accent=accent))
