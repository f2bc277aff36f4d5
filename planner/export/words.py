"""The export's words, read once from words.toml beside this module."""

from __future__ import annotations

import tomllib
from functools import lru_cache
from pathlib import Path
from typing import Any


@lru_cache(maxsize=1)
def words() -> dict[str, Any]:
    """The table (packaged with the module, so an installed planner finds it)."""
    return tomllib.loads((Path(__file__).with_name("words.toml")).read_text(encoding="utf-8"))


def w(key: str, **values: object) -> str:
    """One phrase, filled in: w("rpe", text="Tempo run", rpe=4) -> "Tempo run (RPE 4)"."""
    return str(words()[key]).format(**values)
