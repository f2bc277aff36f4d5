"""`planner generate`: one profile in, one plan out as PDF, JSON or iCalendar."""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from . import _options as o
from ._common import fail, user_errors


class Format(str, Enum):
    pdf = "pdf"
    json = "json"
    ics = "ics"


def generate(
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
    seed: o.Seed = 0,
    exercises: o.Exercises = None,
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help="Output file. Default: <name>-<activity>-plan.<format>.", dir_okay=False),
    ] = None,
    fmt: Annotated[Format, typer.Option("--format", "-f", help="pdf, json or ics.")] = Format.pdf,
    ics: Annotated[
        Path | None, typer.Option("--ics", help="Also write the sessions as a calendar file.", dir_okay=False)
    ] = None,
    time: Annotated[
        str | None, typer.Option("--time", help="Calendar start time HH:MM (else all-day events).")
    ] = None,
    theme: o.Theme = None,
    paper: o.Paper = None,
    coach: o.CoachFile = None,
    coach_name: o.CoachName = None,
    coach_contact: o.CoachContact = None,
    logo: o.Logo = None,
    accent: o.Accent = None,
    force: o.Force = False,
) -> None:
    """Build a safe, progressive plan and write it as a PDF handout (or JSON, or a calendar).

    Example: planner generate --level beginner --activity running --name "Zoë" -o zoe.pdf
    """
    values = dict(locals())
    with user_errors():
        profile = o.profile_from_options(profile_file, values)
        # Check everything the user gave before the slow work, and before writing anything.
        coach_value = o.coach_from_options(coach, coach_name, coach_contact, logo, accent)
        if fmt is Format.pdf or theme is not None:
            from ..render.theme import load_theme, with_paper

            theme_value = with_paper(load_theme(theme), paper)
        else:
            theme_value = None
        if time is not None:
            from ..export.ics import parse_start_time

            parse_start_time(time)
        from ..io.writers import default_output_name

        target = output or Path(default_output_name(profile.name, profile.activity, f".{fmt.value}"))
        if ics is not None and ics.resolve() == target.resolve():
            raise fail(f"--ics: '{ics}' is the same file as the output; choose another name")
        from ..io.writers import check_target

        for path in (target, ics):
            if path is not None:
                check_target(path, force=force)

        from .. import build_plan, load_library

        library = load_library(exercises) if exercises is not None else None
        plan = build_plan(profile, library, seed=seed)
        if fmt is Format.pdf:
            from ..render.pdf import render_pdf

            data = render_pdf(plan, theme_value, paper=paper, coach=coach_value)
        elif fmt is Format.json:
            data = (plan.model_dump_json(indent=2) + "\n").encode("utf-8")
        else:
            from ..export.ics import plan_to_ics

            data = plan_to_ics(plan, time, theme_value)
        calendar = None
        if ics is not None:
            from ..export.ics import plan_to_ics

            calendar = plan_to_ics(plan, time, theme_value)
        from ..io.writers import write_atomic

        write_atomic(target, data, force=force)
        if calendar is not None and ics is not None:
            try:
                write_atomic(ics, calendar, force=force)
            except Exception:
                # Both files or neither: never half of what was asked for.
                target.unlink(missing_ok=True)
                raise
    weeks_word = "week" if len(plan.weeks) == 1 else "weeks"
    sessions = sum(len(w.sessions) for w in plan.weeks)
    typer.echo(f"Wrote {target} ({len(plan.weeks)} {weeks_word}, {sessions} sessions)")
    if ics is not None:
        typer.echo(f"Wrote {ics}")
