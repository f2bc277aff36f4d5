"""Shared fixtures: the CLI runner and the location of ../shared (absent in a lone clone)."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

SHARED = Path(__file__).resolve().parents[2] / "shared"


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def shared() -> Path:
    if not SHARED.is_dir():
        pytest.skip("../shared is absent (a clone of the project alone)")
    return SHARED
