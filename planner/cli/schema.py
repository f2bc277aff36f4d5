"""`planner schema`: the JSON Schemas other tools and editors can validate against."""

from __future__ import annotations

import json
from enum import Enum
from typing import Annotated

import typer


class Which(str, Enum):
    profile = "profile"
    plan = "plan"


def schema(which: Annotated[Which, typer.Argument(help="profile or plan.")]) -> None:
    """Print the JSON Schema of a profile file or of the plan JSON."""
    from ..models import Plan, Profile

    model = Profile if which is Which.profile else Plan
    typer.echo(json.dumps(model.model_json_schema(), indent=2, ensure_ascii=False))
