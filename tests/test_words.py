"""The planner's sentences live in planner/words/en.toml: every key the code asks for exists."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from planner.words import lookup, say

PACKAGE = Path(__file__).resolve().parents[1] / "planner"
KEYS = sorted({
    key
    for path in PACKAGE.rglob("*.py")
    for key in re.findall(r'(?:say|lookup)\(\s*"([a-z0-9_.\-]+)"', path.read_text(encoding="utf-8"))
})


def test_the_code_asks_for_words() -> None:
    assert len(KEYS) > 30


@pytest.mark.parametrize("key", KEYS)
def test_every_key_the_code_uses_exists(key: str) -> None:
    assert lookup(key) is not None


def test_placeholders_are_filled() -> None:
    assert say("notes.rest_day", asked=7, days=6) == (
        "You asked for 7 days a week; the plan keeps one full rest day, so it trains 6 days."
    )
    with pytest.raises(KeyError):
        say("notes.rest_day")
