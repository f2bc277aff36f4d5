"""Every field of the emitted JSON Schemas carries a description (editors show it while you type)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest

from planner.cli import app


def _properties(node: Any, where: str) -> Iterator[tuple[str, dict[str, Any]]]:
    """Every property of every object in the schema, nested definitions included."""
    if isinstance(node, dict):
        for key, value in node.get("properties", {}).items():
            yield f"{where}.{key}", value
        for key, value in node.items():
            yield from _properties(value, f"{where}.{key}")
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from _properties(value, f"{where}[{i}]")


@pytest.mark.parametrize("which", ["profile", "plan"])
def test_every_property_has_a_description(runner, which: str) -> None:
    result = runner.invoke(app, ["schema", which])
    assert result.exit_code == 0, result.output
    schema = json.loads(result.stdout)
    found = list(_properties(schema, which))
    assert len(found) > (10 if which == "profile" else 60)  # the walk reaches the nested models
    missing = [where for where, prop in found if not str(prop.get("description", "")).strip()]
    assert missing == []
