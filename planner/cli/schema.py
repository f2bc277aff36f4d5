"""`planner schema`: the JSON Schemas other tools and editors can validate against."""

from __future__ import annotations

import json
from enum import Enum
from typing import Annotated

import typer


class Which(str, Enum):
    profile = "profile"
    plan = "plan"
    theme = "theme"


def schema(which: Annotated[Which, typer.Argument(help="profile, plan or theme.")]) -> None:
    """Print the JSON Schema of a profile file, the plan JSON or a theme file."""
    from ..models import Plan, Profile
    from ..render.theme import Theme

    model = {Which.profile: Profile, Which.plan: Plan, Which.theme: Theme}[which]
    typer.echo(json.dumps(model.model_json_schema(), indent=2, ensure_ascii=False))
