"""Shared fixtures: the CLI runner and the location of ../shared (absent in a lone clone)."""

from __future__ import annotations

import datetime as dt
from functools import lru_cache
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


@lru_cache(maxsize=None)
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
