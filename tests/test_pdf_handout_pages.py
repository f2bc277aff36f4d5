"""The handout as a reader leafs through it: the calendar and readiness pages after the
cover, one drink line a week, sessions kept with their tips, the sources of the guidance."""

from __future__ import annotations

import datetime as dt
import io
import re
from functools import lru_cache

import pypdf
import pytest

from planner import Profile, build_plan, render_pdf
from planner.render import document as d
from planner.render.theme import load_theme

WORDS = load_theme("handout")


@lru_cache(maxsize=None)
def _plan(activity: str, weeks: int, days: int):
    profile = Profile(name="Zoë Ødegård-Núñez", level="beginner", activity=activity, weeks=weeks,
                      days_per_week=days, start_date=dt.date(2026, 3, 2))
    return build_plan(profile, seed=0)


@lru_cache(maxsize=None)
def _pages(activity: str, weeks: int, days: int) -> tuple[bytes, list[str]]:
    data = render_pdf(_plan(activity, weeks, days))
    return data, [" ".join(p.extract_text().split()) for p in pypdf.PdfReader(io.BytesIO(data)).pages]


def flat(text: str) -> str:
    return " ".join(text.split())


CASES = [("running", 12, 4), ("strength", 8, 3)]


@pytest.mark.parametrize("case", CASES)
def test_the_drink_line_is_said_once_a_week(case):
    plan = _plan(*case)
    _, pages = _pages(*case)
    text = " ".join(pages)
    week_line = flat(WORDS.t("hydration_week_line", items="")).strip()
    assert text.count(week_line) == len(plan.weeks)
    # a session repeats it only where its own drink differs from the week's
    differing = sum(1 for w in plan.weeks for day in d.week_page(WORDS, plan, w).days if day.drink)
    session_line = flat(WORDS.t("hydration_session_line", items="")).strip()
    assert text.count(session_line) == differing
    assert differing < sum(len(w.sessions) for w in plan.weeks) / 2


@pytest.mark.parametrize("case", CASES)
def test_the_calendar_after_the_cover_lists_every_week_on_one_page(case):
    plan = _plan(*case)
    _, pages = _pages(*case)
    calendar = pages[1]
    assert calendar.startswith(WORDS.t("calendar_title"))
    for w in plan.weeks:
        assert re.search(rf"\b{WORDS.t('calendar_row', number=w.number)}\b", calendar)
    lighter = sum(w.kind == "deload" for w in plan.weeks)
    assert lighter and calendar.count(WORDS.t("week_kind_deload")) == lighter
    minutes = [f"{s.title} {s.minutes} min" for w in plan.weeks for s in w.sessions]
    assert all(m in calendar for m in minutes)
    assert pages[2].startswith(WORDS.t("readiness_title"))  # the calendar took one page


def test_a_year_of_training_still_fits_the_calendar_on_one_page():
    plan = build_plan(Profile(name="Max", level="advanced", activity="running", weeks=52, days_per_week=6,
                              start_date=dt.date(2026, 3, 2)))
    reader = pypdf.PdfReader(io.BytesIO(render_pdf(plan)))
    calendar = flat(reader.pages[1].extract_text())
    assert "Week 52" in calendar
    assert flat(reader.pages[2].extract_text()).startswith(WORDS.t("readiness_title"))


def test_before_you_start_asks_the_readiness_questions_and_says_what_a_yes_means():
    _, pages = _pages("running", 12, 4)
    page = pages[2]
    questions = WORDS.lines("readiness_questions")
    assert len(questions) >= 7
    for i, q in enumerate(questions, start=1):
        assert f"{i}. {flat(q)}" in page
    assert WORDS.t("readiness_yes_title") in page
    assert all(flat(p) in page for p in WORDS.lines("readiness_yes"))
    assert "doctor" in " ".join(WORDS.lines("readiness_yes"))


@pytest.mark.parametrize("case", CASES)
def test_a_session_stays_on_the_page_of_its_tips(case):
    plan = _plan(*case)
    _, pages = _pages(*case)
    checked = 0
    for w in plan.weeks:
        for day in d.week_page(WORDS, plan, w).days:
            if day.rest or not day.tips:
                continue
            where = [i for i, p in enumerate(pages) if flat(day.heading) in p]
            assert len(where) == 1, day.heading
            assert all(flat(t) in pages[where[0]] for t in day.tips), day.heading
            checked += 1
    assert checked
    # and where a long session's table runs on, its tips go with its last rows, under the
    # repeated table header: no page opens with a tip or a drink line cut off from its session
    head = f"{flat(plan.profile.name)} {flat(plan.title)} "
    week_pages = [p for p in pages[3:] if WORDS.t("col_log_amount") in p]
    assert len(week_pages) >= len(plan.weeks)
    for page in week_pages:
        body = page.removeprefix(head)
        assert not body.startswith(("•", WORDS.t("hydration_session_line", items="").strip())), body[:80]


def test_walk_breaks_say_walk_and_times_have_one_style():
    _, pages = _pages("running", 12, 4)
    weeks = " ".join(pages[3:])
    assert re.search(r"\bwalk 1 min( \d+ s)?\b", weeks)
    # "1 min 30 s", never also "90 s": no bare seconds of a minute or more
    assert not re.findall(r"(?<![\d.])(?:[6-9]\d|\d{3,}) s\b", weeks)


@pytest.mark.parametrize("case", CASES)
def test_the_guide_prints_no_placeholder_variants(case):
    _, pages = _pages(*case)
    text = " ".join(pages)
    assert "Easier: —" not in text and "Harder: —" not in text and "—    " not in text


def test_the_guidance_pages_name_their_sources():
    _, pages = _pages("running", 12, 4)
    tail = " ".join(pages[-3:])
    assert WORDS.t("guidance_sources_title") in tail
    sources = WORDS.lines("guidance_sources")
    assert len(sources) >= 4
    assert all(flat(s)[:60] in tail for s in sources)


def test_a_handout_renders_to_the_same_bytes_twice():
    plan = _plan("running", 12, 4)
    assert render_pdf(plan) == render_pdf(plan) == _pages("running", 12, 4)[0]
