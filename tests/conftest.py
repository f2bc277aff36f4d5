"""Shared fixtures: the CLI runner and the location of ../shared (absent in a lone clone)."""

from __future__ import annotations

import datetime as dt
import io
from functools import cache
from pathlib import Path

import pytest
from typer.testing import CliRunner

from planner import build_plan
from planner.models import Plan, Profile

SHARED = Path(__file__).resolve().parents[2] / "shared"


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def shared() -> Path:
    if not SHARED.is_dir():
        pytest.skip("../shared is absent (a clone of the project alone)")
    return SHARED


@cache
def zoe_plan(weeks: int) -> Plan:
    """The plan several test files share: a beginner runner with a name that needs Unicode."""
    profile = Profile(
        name="Zoë Ødegård-Núñez", level="beginner", activity="running", weeks=weeks,
        start_date=dt.date(2026, 3, 2),
    )
    return build_plan(profile, seed=0)


@pytest.fixture()
def plan_file(plan: Plan, tmp_path: Path) -> Path:
    """The module's `plan` saved as plan JSON, as `planner generate --format json` writes it."""
    path = tmp_path / "plan.json"
    path.write_text(plan.model_dump_json(indent=2), encoding="utf-8")
    return path


# --- helpers several test files share (import them: `from conftest import ...`) -------------

START = dt.date(2027, 1, 4)  # a Monday: plans built in tests never depend on today's date


def make_profile(**fields: object) -> Profile:
    """A valid profile with a fixed start date; `fields` override the beginner-runner defaults."""
    data: dict[str, object] = {"level": "beginner", "activity": "running", "start_date": START}
    data.update(fields)
    return Profile.model_validate(data)


def assert_one_line_error(result: object, *fragments: str, code: int = 2) -> str:
    """A refused command: exit `code`, one `Error: ` line holding every fragment, no traceback.
    `exit_code != 0` alone would also pass a crash (exit 1 with a traceback)."""
    stderr = getattr(result, "stderr", None) or ""
    output = getattr(result, "output", None)
    if output is None:  # a subprocess.CompletedProcess
        output = (result.stdout or "") + stderr  # type: ignore[attr-defined]
    code_seen = getattr(result, "exit_code", getattr(result, "returncode", None))
    assert code_seen == code, output
    assert "Traceback" not in output + stderr, output + stderr
    # stderr alone where it is kept apart (a prompt on stdout may share the error's line).
    errors = [line for line in (stderr or output).splitlines() if line.startswith("Error: ")]
    assert len(errors) == 1, output
    for fragment in fragments:
        assert fragment in errors[0], (fragment, errors[0])
    return errors[0]


def read_report(folder: Path) -> list[dict[str, str]]:
    """The rows of a batch run's report.csv."""
    import csv

    with open(folder / "report.csv", encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


@cache
def device_plan(activity: str, level: str = "intermediate") -> Plan:
    """The 4-week, 4-day plan the device-export tests (FIT, Zwift) read, built once per process."""
    profile = Profile(
        name="Zoë <&> Ødegård", level=level, activity=activity, weeks=4, days_per_week=4,
        start_date=dt.date(2027, 1, 4),
    )
    return build_plan(profile, seed=0)


def pdf_text(pdf: bytes | Path) -> str:
    """The text of every page of a PDF (bytes or a file), pages joined by newlines."""
    import io

    from pypdf import PdfReader

    source = io.BytesIO(pdf) if isinstance(pdf, bytes) else pdf
    return "\n".join(page.extract_text() or "" for page in PdfReader(source).pages)


def fill_pdf_form(pdf: bytes, values: dict[str, str]) -> bytes:
    """Fill a handout's form with pypdf's own form filling, as a PDF reader app would (never
    with our writer, so a test cannot agree with itself)."""
    from pypdf import PdfWriter

    writer = PdfWriter(clone_from=io.BytesIO(pdf))
    writer.set_need_appearances_writer(True)
    for page in writer.pages:
        writer.update_page_form_field_values(page, values, auto_regenerate=False)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()
