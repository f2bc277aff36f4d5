"""Real plans from the planner, rendered: what a coach actually hands out."""

from __future__ import annotations

import datetime as dt
import io
import os
import subprocess
import sys

import pypdf
import pytest

from planner import Profile, build_plan, render_pdf
from planner.render.document import used_exercises

START = dt.date(2026, 3, 2)


@pytest.fixture(scope="module")
def plan():
    return build_plan(Profile(name="Zoë Ødegård-Núñez", level="intermediate", activity="running", weeks=12,
                              days_per_week=4, start_date=START, body_mass_kg=64))


@pytest.fixture(scope="module")
def pdf(plan):
    data = render_pdf(plan)
    reader = pypdf.PdfReader(io.BytesIO(data))
    return data, reader, [" ".join(p.extract_text().split()) for p in reader.pages]


def test_each_week_starts_a_page_and_every_session_is_printed(plan, pdf):
    _, _, pages = pdf
    for week in plan.weeks:
        starts = [i for i, text in enumerate(pages) if f"Week {week.number}: " in text]
        assert len(starts) == 1, week.number
        assert pages[starts[0]].startswith(f"Week {week.number}: ")  # at the top of its page
    text = " ".join(pages)
    for week in plan.weeks:
        for session in week.sessions:
            assert session.title in text


def test_guide_has_every_used_exercise_exactly_once(plan, pdf):
    _, _, pages = pdf
    start = next(i for i, t in enumerate(pages) if t.startswith("Exercise guide"))
    end = next(i for i, t in enumerate(pages) if t.startswith("Staying well"))
    guide = " ".join(pages[start:end])
    used = used_exercises(plan)
    assert len(used) >= 8
    for ex in used:
        assert f"{ex.name} Muscles:" in guide, ex.name


def test_guidance_sections_are_printed_and_bookmarked(plan, pdf):
    _, reader, pages = pdf
    text = " ".join(pages)
    titles = [g.title for g in plan.guidance]
    assert len(titles) >= 5
    outline = [item.title for item in reader.outline[-1]]
    assert outline == [*titles, "Where this advice comes from"]  # the sources close the section
    for section in plan.guidance:
        assert section.title in text
        for point in section.points:
            assert " ".join(point.split()) in text


def test_hydration_is_personal_and_converted_for_imperial_profiles(plan):
    imperial = build_plan(plan.profile.model_copy(update={"units": "imperial"}))
    text = " ".join(" ".join(p.extract_text().split()) for p in pypdf.PdfReader(io.BytesIO(render_pdf(imperial))).pages[3:5])
    before = imperial.weeks[0].sessions[0].hydration.before_ml
    assert f"{round(before.low / 29.5735)}–{round(before.high / 29.5735)} fl oz 2–4 h before" in text
    assert " mL " not in text


def test_output_does_not_depend_on_the_process():
    """Same inputs, fresh interpreters with different hash seeds: the same bytes."""
    code = (
        "import datetime as dt, hashlib, sys\n"
        "from planner import Profile, build_plan, render_pdf\n"
        "p = build_plan(Profile(name='Zoë', level='beginner', activity='walking', weeks=3, start_date=dt.date(2026, 3, 2)))\n"
        "sys.stdout.write(hashlib.sha256(render_pdf(p, 'log') + render_pdf(p)).hexdigest())\n"
    )
    digests = {
        subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                       env={**os.environ, "PYTHONHASHSEED": seed}).stdout
        for seed in ("1", "2")
    }
    assert len(digests) == 1


def test_a_year_of_daily_training_renders_to_the_last_week():
    plan = build_plan(Profile(name="Maximiliane-Josephine Wolkenstein-Trostburg", level="advanced",
                              activity="running", weeks=52, days_per_week=7, start_date=START))
    reader = pypdf.PdfReader(io.BytesIO(render_pdf(plan)))
    n = len(reader.pages)
    assert n > 52 * 2
    tail = [" ".join(p.extract_text().split()) for p in reader.pages[-30:]]
    assert any("Week 52: " in t for t in tail)
    assert f"Page {n} of {n}" in tail[-1]
    assert [item.title for item in next(o for o in reader.outline if isinstance(o, list))][-1].startswith("Week 52")
