"""`planner show`: a plan in the terminal, from a saved plan JSON or from a profile."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer

from . import _options as o
from ._common import fail, user_errors
from ._plans import judged
from ._terminal import safe_model


def show(
    plan_file: Annotated[
        Path | None,
        typer.Argument(
            metavar="PLAN.json",
            help="A saved plan (planner generate --format json). Leave out to build one from a profile.",
        ),
    ] = None,
    week: Annotated[
        int | None, typer.Option("--week", "-w", help="Show this week day by day.", min=1)
    ] = None,
    profile_file: o.ProfileFile = None,
    name: o.Name = None,
    level: o.Level = None,
    activity: o.Activity = None,
    weeks: o.Weeks = None,
    days_per_week: o.DaysPerWeek = None,
    session_minutes: o.SessionMinutes = None,
    equipment: o.Equipment = None,
    focus: o.Focus = None,
    limitations: o.Limitations = None,
    start_date: o.StartDate = None,
    body_mass_kg: o.BodyMass = None,
    age: o.Age = None,
    units: o.Units = None,
    long_session_minutes: o.LongSessionMinutes = None,
    current_weekly_minutes: o.CurrentWeeklyMinutes = None,
    longest_recent_minutes: o.LongestRecentMinutes = None,
    event_date: o.EventDate = None,
    event_distance: o.EventDistance = None,
    recent_race: o.RecentRace = None,
    max_hr: o.MaxHr = None,
    resting_hr: o.RestingHr = None,
    ftp_watts: o.Ftp = None,
    css_per_100m: o.Css = None,
    seed: o.Seed = 0,
    exercises: o.Exercises = None,
    exercises_only: o.ExercisesOnly = False,
    theme: o.Theme = None,
    width: Annotated[
        int | None, typer.Option(help="Text width (default: the terminal's).", min=40, max=400)
    ] = None,
    allow_unsafe: Annotated[
        bool,
        typer.Option("--allow-unsafe", help="Show a plan file that breaks a safety rule; it is then marked as edited."),
    ] = False,
) -> None:
    """Print a plan in the terminal: weekly load with lighter weeks marked, or one week (--week N).

    Example: planner show plan.json --week 3
    """
    values = dict(locals())
    from rich.console import Console

    from ..render.preview import plan_overview, week_detail

    given = sorted(k for k in (*o.PROFILE_FIELDS, *o.EVENT_FLAGS) if values.get(k) is not None)
    if seed != 0:
        given.append("seed")
    with user_errors():
        if plan_file is not None:
            if given or profile_file is not None or exercises is not None:
                flags = ", ".join(f"--{k.replace('_', '-')}" for k in given) or (
                    "--profile" if profile_file is not None else "--exercises"
                )
                raise fail(f"give a plan file or profile options, not both (got {plan_file} and {flags})")
            from ..io.plans import load_plan

            plan = judged(load_plan(plan_file), plan_file.name, allow_unsafe=allow_unsafe,
                          marked="the view", doing="showing")
        else:
            plan = _plan_from_profile(profile_file, values, seed, exercises, exercises_only)
        if week is not None and week > len(plan.weeks):
            raise fail(
                f"week: {week} is not allowed (this plan has weeks 1 to {len(plan.weeks)})"
            )
        # Plan and library text reach the terminal as text: no control characters, no markup
        # (a title "[link=...]" would otherwise become a hyperlink escape sequence).
        plan = safe_model(plan)
        console = Console(width=width, highlight=False, emoji=False, markup=False)
        if week is not None:
            renderables = week_detail(plan, week, theme)
        else:
            renderables = plan_overview(plan, console.width, theme)
    for renderable in renderables:
        console.print(renderable)
    if plan.changes and week is None:
        from ..engine.words import say

        console.print(say("adapt.heading"), style="bold")
        for c in plan.changes:
            console.print(say("adapt.line", week=c.week, date=c.date.isoformat(), what=c.what, why=c.why))


def _plan_from_profile(
    profile_file: Path | None, values: dict[str, Any], seed: int, exercises: Path | None,
    exercises_only: bool = False,
) -> Any:
    from .. import build_plan
    from ..io.libraries import planning_library

    if profile_file is None and (values.get("level") is None or values.get("activity") is None):
        raise fail(
            "show needs a plan file (planner show plan.json) or a profile "
            "(--profile FILE, or at least --level and --activity)"
        )
    profile = o.profile_from_options(profile_file, values)
    library = planning_library(exercises, only=exercises_only)
    return build_plan(profile, library, seed=seed)
