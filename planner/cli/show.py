"""`planner show`: a plan in the terminal, from a saved plan JSON or from a profile."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer

from ._common import fail, user_errors

_PROFILE = "Profile (instead of a plan file)"


def show(
    plan_file: Annotated[
        Path | None,
        typer.Argument(
            metavar="[PLAN.json]",
            help="A saved plan (planner generate --format json). Leave out to build one from a profile.",
            dir_okay=False,
        ),
    ] = None,
    week: Annotated[
        int | None, typer.Option("--week", "-w", help="Show this week day by day.", min=1)
    ] = None,
    profile_file: Annotated[
        Path | None,
        typer.Option("--profile", help="Profile file (JSON, YAML or TOML).", rich_help_panel=_PROFILE),
    ] = None,
    name: Annotated[str | None, typer.Option(help="Client's name.", rich_help_panel=_PROFILE)] = None,
    level: Annotated[
        str | None, typer.Option(help="beginner, intermediate or advanced.", rich_help_panel=_PROFILE)
    ] = None,
    activity: Annotated[
        str | None,
        typer.Option(
            help="running, cycling, swimming, walking, strength or general.", rich_help_panel=_PROFILE
        ),
    ] = None,
    weeks: Annotated[int | None, typer.Option(help="Plan length, 1-52.", rich_help_panel=_PROFILE)] = None,
    days_per_week: Annotated[
        int | None, typer.Option(help="Training days a week, 1-7.", rich_help_panel=_PROFILE)
    ] = None,
    session_minutes: Annotated[
        int | None, typer.Option(help="Minutes a session, 15-180.", rich_help_panel=_PROFILE)
    ] = None,
    equipment: Annotated[
        str | None, typer.Option(help="Equipment, separated by ';' or ','.", rich_help_panel=_PROFILE)
    ] = None,
    focus: Annotated[
        str | None, typer.Option(help="Focus areas, separated by ';' or ','.", rich_help_panel=_PROFILE)
    ] = None,
    limitations: Annotated[
        str | None, typer.Option(help="Limitations, separated by ';' or ','.", rich_help_panel=_PROFILE)
    ] = None,
    start_date: Annotated[
        str | None, typer.Option(help="First day (YYYY-MM-DD); default next Monday.", rich_help_panel=_PROFILE)
    ] = None,
    body_mass_kg: Annotated[
        float | None, typer.Option(help="Body mass in kg (scales hydration).", rich_help_panel=_PROFILE)
    ] = None,
    age: Annotated[int | None, typer.Option(help="Age in years.", rich_help_panel=_PROFILE)] = None,
    units: Annotated[str | None, typer.Option(help="metric or imperial.", rich_help_panel=_PROFILE)] = None,
    seed: Annotated[int, typer.Option(help="Seed for exercise choice.", rich_help_panel=_PROFILE)] = 0,
    exercises: Annotated[
        Path | None,
        typer.Option("--exercises", help="Another exercise library file.", rich_help_panel=_PROFILE),
    ] = None,
    width: Annotated[
        int | None, typer.Option(help="Text width (default: the terminal's).", min=40, max=400)
    ] = None,
) -> None:
    """Print a plan in the terminal: a week-by-week table with load and lighter weeks marked,
    or one week in detail with --week N."""
    from rich.console import Console

    from ..preview import plan_overview, week_detail

    overrides: dict[str, Any] = {
        "name": name,
        "level": level,
        "activity": activity,
        "weeks": weeks,
        "days_per_week": days_per_week,
        "session_minutes": session_minutes,
        "equipment": equipment,
        "focus": focus,
        "limitations": limitations,
        "start_date": start_date,
        "body_mass_kg": body_mass_kg,
        "age": age,
        "units": units,
    }
    given = sorted(k for k, v in overrides.items() if v is not None)
    with user_errors():
        if plan_file is not None:
            if given or profile_file is not None or exercises is not None:
                flags = ", ".join(f"--{k.replace('_', '-')}" for k in given) or (
                    "--profile" if profile_file is not None else "--exercises"
                )
                raise fail(f"give a plan file or profile options, not both (got {plan_file} and {flags})")
            from ..plan_io import load_plan, safety_problems

            plan = load_plan(plan_file)
            problems = safety_problems(plan, plan_file.name)
            for line in problems:
                typer.echo(f"Warning: {line}", err=True)
        else:
            plan = _plan_from_profile(profile_file, overrides, seed, exercises)
        if week is not None and week > len(plan.weeks):
            raise fail(
                f"week: {week} is not allowed (this plan has weeks 1 to {len(plan.weeks)})"
            )
    console = Console(width=width, highlight=False, emoji=False)
    renderables = week_detail(plan, week) if week is not None else plan_overview(plan, console.width)
    for renderable in renderables:
        console.print(renderable)


def _plan_from_profile(
    profile_file: Path | None, overrides: dict[str, Any], seed: int, exercises: Path | None
) -> Any:
    from .. import build_plan, load_library
    from ..profile_io import build_profile, read_profile_file

    if profile_file is None and (overrides.get("level") is None or overrides.get("activity") is None):
        raise fail(
            "show needs a plan file (planner show plan.json) or a profile "
            "(--profile FILE, or at least --level and --activity)"
        )
    file_data = read_profile_file(profile_file) if profile_file is not None else None
    profile = build_profile(file_data, overrides, source=str(profile_file) if profile_file else None)
    library = load_library(exercises) if exercises is not None else None
    return build_plan(profile, library, seed=seed)
