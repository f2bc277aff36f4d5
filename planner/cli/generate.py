"""`planner generate`: one profile in, one plan out as PDF, JSON or iCalendar."""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from . import _options as o
from ._common import echo, fail, user_errors


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
    lifts: o.Lifts = None,
    plate_step_kg: o.PlateStep = None,
    test_weeks: o.TestWeeks = None,
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
    export: Annotated[
        tuple[str, Path] | None,
        typer.Option(
            "--export",
            help="Also write one device file per session: formats (fit, zwo; comma-separated) and"
            " an existing folder, e.g. --export fit,zwo watch/",
            metavar="FORMATS FOLDER",
        ),
    ] = None,
    theme: o.Theme = None,
    paper: o.Paper = None,
    coach: o.CoachFile = None,
    coach_name: o.CoachName = None,
    coach_contact: o.CoachContact = None,
    logo: o.Logo = None,
    accent: o.Accent = None,
    force: o.Force = False,
    fillable: o.Fillable = False,
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
        from ..io.writers import check_suffix, check_target

        inputs = [profile_file, exercises, coach, logo, Path(theme) if theme else None]
        for path in (target, ics):
            if path is not None:
                check_target(path, force=force, inputs=inputs)
        if output is not None:
            check_suffix(output, f".{fmt.value}")
        if ics is not None:
            check_suffix(ics, ".ics", "--ics")
        formats, export_dir = _export_request(export)

        from .. import build_plan
        from ..io.libraries import planning_library

        library = planning_library(exercises, only=exercises_only)
        plan = build_plan(profile, library, seed=seed)
        if fmt is Format.pdf:
            from ..render.pdf import render_pdf

            data = render_pdf(plan, theme_value, paper=paper, coach=coach_value, fillable=fillable)
        elif fmt is Format.json:
            data = (plan.model_dump_json(indent=2) + "\n").encode("utf-8")
        else:
            from ..export.ics import plan_to_ics

            data = plan_to_ics(plan, time, theme_value)
        calendar = None
        if ics is not None:
            from ..export.ics import plan_to_ics

            calendar = plan_to_ics(plan, time, theme_value)
        device_files = _device_files(plan, formats, export_dir, force, inputs)
        from ..io.writers import write_atomic

        written: list[Path] = []
        try:
            for path, payload in [(target, data), (ics, calendar), *device_files]:
                if path is not None and payload is not None:
                    written.append(write_atomic(path, payload, force=force, inputs=inputs))
        except Exception:
            # All the files or none: never half of what was asked for.
            for path in written:
                path.unlink(missing_ok=True)
            raise
    weeks_word = "week" if len(plan.weeks) == 1 else "weeks"
    sessions = sum(len(w.sessions) for w in plan.weeks)
    echo(f"Wrote {target} ({len(plan.weeks)} {weeks_word}, {sessions} sessions)")
    if ics is not None:
        echo(f"Wrote {ics}")
    if device_files:
        echo(f"Wrote {len(device_files)} device files ({', '.join(formats)}) to {export_dir}")


def _export_request(export: tuple[str, Path] | None) -> tuple[list[str], Path | None]:
    """Check --export before any slow work: known formats, an existing folder."""
    if export is None:
        return [], None
    from ..export.files import FORMATS

    raw, folder = export
    formats = [f.strip().lower() for f in raw.replace(";", ",").split(",") if f.strip()]
    bad = [f for f in formats if f not in FORMATS]
    if not formats or bad:
        shown = bad[0] if bad else raw
        raise fail(f"--export: {shown[:40]!r} is not a device format; allowed: {', '.join(FORMATS)}")
    if not folder.is_dir():
        what = "is not a folder" if folder.exists() else "does not exist"
        raise fail(f"--export: '{folder}' {what}; give an existing folder")
    return list(dict.fromkeys(formats)), folder


def _device_files(
    plan: object, formats: list[str], folder: Path | None, force: bool, inputs: list[Path | None]
) -> list[tuple[Path, bytes]]:
    """Encode every device file and check every target before anything is written."""
    if folder is None:
        return []
    from ..export.files import plan_exports
    from ..io.writers import check_target

    files = [(folder / name, data) for fmt in formats for name, data in plan_exports(plan, fmt)]
    for path, _ in files:
        check_target(path, force=force, inputs=inputs)
    return files
