"""Where the shipped data files live, in a wheel or in a source checkout."""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def data_path(name: str) -> Path:
    """Wheels carry data under planner/_data; an editable checkout keeps it at the repo root."""
    packaged = _PACKAGE / "_data" / name
    if packaged.exists():
        return packaged
    return _PACKAGE.parent / name
