"""The handout as a form: --fillable log cells, filled by pypdf (not our writer), read back."""

from __future__ import annotations

import datetime as dt
import io
from functools import cache
from pathlib import Path

import pytest
from conftest import fill_pdf_form
from pypdf import PdfReader

from planner import build_plan
from planner.cli import app
from planner.errors import InputFileError, ThemeError
from planner.io.log_fields import LOG_COLUMNS, parse_field_name
from planner.io.log_pdf import read_filled_pdf
from planner.models import Plan, Profile
from planner.render.pdf import render_pdf


@cache
def lifter() -> Plan:
    profile = Profile(
        name="Zoë Ødegård-Núñez", level="beginner", activity="strength", weeks=2, days_per_week=2,
        equipment=["dumbbells"], start_date=dt.date(2027, 1, 4),
    )
    return build_plan(profile, seed=0)


def main_lines(plan: Plan):
    for w in plan.weeks:
        for s in w.sessions:
            for b in s.blocks:
                if b.kind == "main":
                    yield from ((s, i, p) for i, p in enumerate(b.items))


def is_loaded(plan: Plan, p) -> bool:
    ex = plan.exercise(p.exercise_id)
    return p.load_kg is not None or p.rep_max is not None or (
        ex.category == "strength" and any(e != "none" for e in ex.equipment)
    )


def fields_of(pdf: bytes) -> dict:
    return PdfReader(io.BytesIO(pdf)).get_fields() or {}


def test_one_field_per_log_cell_named_by_the_contract() -> None:
    plan = lifter()
    names = set(fields_of(render_pdf(plan, "handout", fillable=True)))
    expected = set()
    for s, i, p in main_lines(plan):
        cols = ["done", "reps_done" if p.reps else "minutes_done", "effort_felt", "pain"]
        cols += ["load_kg"] if is_loaded(plan, p) else []
        expected |= {f"{s.date.isoformat()}~{i}~{p.exercise_id}~{c}" for c in cols}
        if i == 0:
            expected.add(f"{s.date.isoformat()}~0~{p.exercise_id}~notes")
    assert names == expected
    assert all(parse_field_name(n) is not None for n in names)
    assert any(n.endswith("~load_kg") for n in names)  # the plan has loaded lines


def test_fillable_is_deterministic_and_plain_has_no_form() -> None:
    plan = lifter()
    a = render_pdf(plan, "handout", fillable=True)
    assert a == render_pdf(plan, "handout", fillable=True)
    plain = render_pdf(plan, "handout")
    assert plain == render_pdf(plan, "handout", fillable=False)
    assert b"/AcroForm" not in plain and b"/AcroForm" in a
    assert fields_of(plain) == {}
    # the same pages: the form adds fields, not pages or words
    ra, rp = PdfReader(io.BytesIO(a)), PdfReader(io.BytesIO(plain))
    assert len(ra.pages) == len(rp.pages)
    assert [p.extract_text() for p in ra.pages] == [p.extract_text() for p in rp.pages]


def test_a_form_filled_by_pypdf_reads_back_as_log_rows(tmp_path: Path) -> None:
    plan = lifter()
    pdf = render_pdf(plan, "handout", fillable=True)
    (s0, _, first), (_, _, second) = list(main_lines(plan))[:2]
    day = s0.date.isoformat()
    loaded = next((s, i, p) for s, i, p in main_lines(plan) if is_loaded(plan, p))
    ls, li, lp = loaded
    values = {
        f"{day}~0~{first.exercise_id}~done": "x",
        f"{day}~0~{first.exercise_id}~effort_felt": "7",
        f"{day}~0~{first.exercise_id}~notes": "knee fine, Zoë",
        f"{day}~1~{second.exercise_id}~done": "no",
        f"{ls.date.isoformat()}~{li}~{lp.exercise_id}~load_kg": "12.5",
    }
    path = tmp_path / "filled.pdf"
    path.write_bytes(fill_pdf_form(pdf, values))
    rows = read_filled_pdf(path)
    assert all(list(r) == list(LOG_COLUMNS) for r in rows)
    by_key = {(r["date"], r["exercise_id"]): r for r in rows}
    r0 = by_key[(day, first.exercise_id)]
    assert (r0["done"], r0["effort_felt"], r0["notes"], r0["session"], r0["planned"]) == ("x", "7", "knee fine, Zoë", "", "")
    assert by_key[(day, second.exercise_id)]["done"] == "no"
    assert by_key[(ls.date.isoformat(), lp.exercise_id)]["load_kg"] == "12.5"
    # only lines with something written come back, in date and line order
    assert len(rows) == len({(d, e) for d, e in by_key}) <= 3
    assert [r["date"] for r in rows] == sorted(r["date"] for r in rows)


def test_an_unfilled_form_gives_no_rows(tmp_path: Path) -> None:
    path = tmp_path / "blank.pdf"
    path.write_bytes(render_pdf(lifter(), "handout", fillable=True))
    assert read_filled_pdf(path) == []


@pytest.mark.parametrize("content", [None, b"not a pdf at all", "plain"])
def test_a_pdf_without_our_fields_is_one_line_error(tmp_path: Path, content) -> None:
    path = tmp_path / "x.pdf"
    if content == "plain":
        path.write_bytes(render_pdf(lifter(), "handout"))
    elif content is not None:
        path.write_bytes(content)
    with pytest.raises(InputFileError) as err:
        read_filled_pdf(path if content is not None else tmp_path)
    message = str(err.value)
    assert "\n" not in message and message.startswith("log: ")
    if content == "plain":
        assert "--fillable" in message


def test_devices_are_refused() -> None:
    with pytest.raises(InputFileError, match="not a regular file"):
        read_filled_pdf(Path("/dev/zero"))


def test_log_layout_refuses_fillable_in_one_line() -> None:
    with pytest.raises(ThemeError, match="--fillable: theme 'log'"):
        render_pdf(lifter(), "log", fillable=True)


def test_load_cell_only_on_loaded_lines() -> None:
    """Bodyweight, cardio and stretch lines have no load field; loaded strength lines do."""
    plan = lifter()
    names = set(fields_of(render_pdf(plan, "handout", fillable=True)))
    for s, i, p in main_lines(plan):
        has = f"{s.date.isoformat()}~{i}~{p.exercise_id}~load_kg" in names
        assert has == is_loaded(plan, p), p.exercise_id


def test_cli_render_fillable(runner, tmp_path: Path) -> None:
    plan_file = tmp_path / "plan.json"
    plan_file.write_text(lifter().model_dump_json(indent=2), encoding="utf-8")
    out = tmp_path / "form.pdf"
    result = runner.invoke(app, ["render", str(plan_file), "--fillable", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert len(fields_of(out.read_bytes())) > 0
    bad = runner.invoke(app, ["render", str(plan_file), "--fillable", "--theme", "log", "-o", str(tmp_path / "l.pdf")])
    assert bad.exit_code == 2 and "--fillable" in bad.output and "Traceback" not in bad.output
    assert not (tmp_path / "l.pdf").exists()
