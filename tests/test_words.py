"""The planner's sentences live in planner/words/en.toml: every key the code asks for exists."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from planner.engine.words import lookup, say

PACKAGE = Path(__file__).resolve().parents[1] / "planner"
SECTIONS = "plan|titles|notes|tips|items|hydration|guidance"
# Keys passed straight to say()/lookup() and keys chosen through a dict first ("items.long").
KEYS = sorted({
    key
    for path in PACKAGE.rglob("*.py")
    for key in re.findall(rf'"((?:{SECTIONS})\.[a-z0-9_.\-]+)"', path.read_text(encoding="utf-8"))
    if not key.endswith((".json", ".pdf", ".toml", ".ics"))  # file names in help texts
})


def test_the_code_asks_for_words() -> None:
    assert len(KEYS) > 30
    assert {"items.long", "items.walk_run_continuous", "items.easy"} <= set(KEYS)


def test_every_session_title_and_activity_name_exists() -> None:
    from planner.engine import rules
    from planner.vocab import ACTIVITIES

    titles = lookup("titles")
    assert set(rules.STRENGTH_SPLITS) <= set(titles["split"])
    assert set(ACTIVITIES) <= set(lookup("plan.activity"))
    for activity in ("running", "cycling", "swimming", "walking"):
        assert {"easy", "long", "tempo", "intervals"} <= set(titles[activity])


@pytest.mark.parametrize("key", KEYS)
def test_every_key_the_code_uses_exists(key: str) -> None:
    assert lookup(key) is not None


def test_placeholders_are_filled() -> None:
    assert say("notes.rest_day", asked=7, days=6) == (
        "You asked for 7 days a week; the plan keeps one full rest day, so it trains 6 days."
    )
    with pytest.raises(KeyError):
        say("notes.rest_day")
