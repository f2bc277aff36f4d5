"""Option types shared by the commands that take a profile or branding, defined once."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer

PROFILE = "Profile"
BRANDING = "Print"

ProfileFile = Annotated[
    Path | None,
    typer.Option("--profile", help="Profile file (JSON, YAML or TOML); flags override it.",
                 rich_help_panel=PROFILE),
]
Name = Annotated[str | None, typer.Option(help="Client's name, 1-80 characters (the handout font prints Latin, Greek and Cyrillic). Default: Athlete.", rich_help_panel=PROFILE)]
Level = Annotated[str | None, typer.Option(help="beginner, intermediate or advanced.", rich_help_panel=PROFILE)]
Activity = Annotated[str | None, typer.Option(help="running, cycling, swimming, walking, strength or general.", rich_help_panel=PROFILE)]
Weeks = Annotated[int | None, typer.Option(help="Plan length in weeks, 1-52. Default: 8.", rich_help_panel=PROFILE)]
DaysPerWeek = Annotated[int | None, typer.Option(help="Training days a week, 1-7 (one rest day is always kept). Default: 3.", rich_help_panel=PROFILE)]
SessionMinutes = Annotated[int | None, typer.Option(help="Minutes a session including warm-up and cool-down, 15-180. Default: 45.", rich_help_panel=PROFILE)]
Equipment = Annotated[str | None, typer.Option(help="Equipment you have, separated by ';' or ',' (none, dumbbells, kettlebell, barbell, bands, bench, pull-up bar, machines, bike, pool, foam roller, ...). Default: none.", rich_help_panel=PROFILE)]
Focus = Annotated[str | None, typer.Option(help="Focus areas, separated by ';' or ',' (inner-thigh, cramp-prevention, core, posture, mobility, glutes, balance, upper-body, lower-body).", rich_help_panel=PROFILE)]
Limitations = Annotated[str | None, typer.Option(help="Limitations, separated by ';' or ',' (knee, lower-back, shoulder, hip, ankle, wrist, neck, elbow).", rich_help_panel=PROFILE)]
StartDate = Annotated[str | None, typer.Option(help="First day, YYYY-MM-DD. Default: next Monday.", rich_help_panel=PROFILE)]
BodyMass = Annotated[float | None, typer.Option("--body-mass-kg", help="Body mass in kg, 30-250 (scales hydration).", rich_help_panel=PROFILE)]
Age = Annotated[int | None, typer.Option(help="Age, 14-100 (stretch holds, recovery weeks).", rich_help_panel=PROFILE)]
Lifts = Annotated[list[str] | None, typer.Option("--lift", help="A recent set for loads, 'exercise-id KGxREPS' (e.g. 'barbell-back-squat 100x5'); repeatable.", rich_help_panel=PROFILE)]
TestWeeks = Annotated[bool | None, typer.Option("--test-weeks/--no-test-weeks", help="Strength: test each loaded main lift to a rep max in the first and last week (the result sets your loads).", rich_help_panel=PROFILE)]
PlateStep = Annotated[float | None, typer.Option("--plate-step-kg", help="Smallest load step in kg (default 2.5 barbell, 2 dumbbells).", rich_help_panel=PROFILE)]
Units = Annotated[str | None, typer.Option(help="metric or imperial. Default: metric.", rich_help_panel=PROFILE)]
LongSessionMinutes = Annotated[int | None, typer.Option(help="Minutes of the weekend long session (endurance), 15-300. Default: 1.5 x session minutes for intermediate and advanced.", rich_help_panel=PROFILE)]
CurrentWeeklyMinutes = Annotated[int | None, typer.Option(help="Baseline: minutes you train a week now, 0-2000 (week 1 is 70-110% of it).", rich_help_panel=PROFILE)]
LongestRecentMinutes = Annotated[int | None, typer.Option(help="Baseline: your longest session of the last 30 days in minutes, 20-600.", rich_help_panel=PROFILE)]
EventDate = Annotated[str | None, typer.Option(help="Event day, YYYY-MM-DD, 3-30 weeks after the start: the plan counts back from it and ends with a taper and the race (sets the weeks).", rich_help_panel=PROFILE)]
EventDistance = Annotated[str | None, typer.Option(help="Event distance: 5k, 10k, half-marathon, marathon (running) or a number with km, m or mi (160km, 1500m, 26.2mi).", rich_help_panel=PROFILE)]
RecentRace = Annotated[str | None, typer.Option(help="A recent all-out race, 'distance time', 1500 m to the marathon (e.g. '10k 52:30', 'half-marathon 1:45:00'): sets running paces.", rich_help_panel=PROFILE)]
MaxHr = Annotated[int | None, typer.Option(help="Maximum heart rate, 120-230 bpm: sets heart-rate targets (else estimated from --age).", rich_help_panel=PROFILE)]
RestingHr = Annotated[int | None, typer.Option(help="Resting heart rate, 30-100 bpm: heart-rate zones use the reserve (Karvonen).", rich_help_panel=PROFILE)]
Ftp = Annotated[int | None, typer.Option("--ftp", help="Functional threshold power, 50-600 W: sets cycling power targets.", rich_help_panel=PROFILE)]
Css = Annotated[str | None, typer.Option("--css", help="Critical swim speed per 100 m, m:ss from 0:55 to 4:00 (e.g. 1:55): sets swim paces.", rich_help_panel=PROFILE)]
Seed = Annotated[int, typer.Option(help="Seed for the choice among equally good exercises.", rich_help_panel=PROFILE)]
Exercises = Annotated[Path | None, typer.Option("--exercises", help="More exercises (our format or free-exercise-db JSON), added to the built-in ones; an entry with one of our ids replaces ours.", rich_help_panel=PROFILE)]
ExercisesOnly = Annotated[bool, typer.Option("--exercises-only", help="Use the --exercises file alone, without the built-in exercises.", rich_help_panel=PROFILE)]

Theme = Annotated[str | None, typer.Option(help="Theme name (handout, log, print-saver) or a theme file. Default: handout.", rich_help_panel=BRANDING)]
Paper = Annotated[str | None, typer.Option(help="a4 or letter (overrides the theme).", rich_help_panel=BRANDING)]
CoachFile = Annotated[Path | None, typer.Option("--coach", help="Coach file (JSON, TOML or YAML: name, contact, logo, accent).", rich_help_panel=BRANDING)]
CoachName = Annotated[str | None, typer.Option(help="Coach's name printed on the cover.", rich_help_panel=BRANDING)]
CoachContact = Annotated[str | None, typer.Option(help="Coach's contact line.", rich_help_panel=BRANDING)]
Logo = Annotated[Path | None, typer.Option(help="Logo image (PNG or JPEG).", rich_help_panel=BRANDING)]
Accent = Annotated[str | None, typer.Option(help="Accent colour, #RRGGBB or a colour name.", rich_help_panel=BRANDING)]
Force = Annotated[bool, typer.Option("--force", help="Overwrite existing output files.")]
Fillable = Annotated[
    bool,
    typer.Option("--fillable", help="Make the log cells form fields: fill the PDF in on a tablet, read it back with 'planner adapt'."),
]

PROFILE_FIELDS = (
    "name", "level", "activity", "weeks", "days_per_week", "session_minutes", "equipment", "focus",
    "limitations", "start_date", "body_mass_kg", "age", "units", "lifts", "plate_step_kg", "test_weeks",
    "long_session_minutes", "current_weekly_minutes", "longest_recent_minutes",
    "recent_race", "max_hr", "resting_hr", "ftp_watts", "css_per_100m",
)
# Flags that together make the profile's `event` = {date, distance}.
EVENT_FLAGS = ("event_date", "event_distance")


def profile_from_options(profile_file: Path | None, values: dict[str, Any]) -> Any:
    """Flags over file; the one place a command turns its options into a Profile."""
    from ..io.profiles import build_profile, read_profile_file

    # An unused repeatable flag arrives as an empty list: "not given", like None.
    overrides = {k: (values.get(k) or None) if k == "lifts" else values.get(k) for k in PROFILE_FIELDS}
    file_data = read_profile_file(profile_file) if profile_file is not None else None
    if any(values.get(k) is not None for k in EVENT_FLAGS):
        # One flag may complete an event the file gives; a missing half is reported by the model.
        known = (file_data or {}).get("event")
        event = dict(known) if isinstance(known, dict) else {}
        event.update({k.removeprefix("event_"): values[k] for k in EVENT_FLAGS if values.get(k) is not None})
        overrides["event"] = event
    return build_profile(file_data, overrides, source=str(profile_file) if profile_file else None)


def coach_from_options(
    coach_file: Path | None, name: str | None, contact: str | None, logo: Path | None, accent: str | None
) -> Any:
    """Branding flags override the coach file; None when nothing was given."""
    if coach_file is None and not any(v is not None for v in (name, contact, logo, accent)):
        return None
    from ..io.files import check_user_file
    from ..models import Coach
    from ..render.branding import load_coach, validate_coach

    # The renderer opens these itself: refuse devices, pipes and huge files before it does.
    if coach_file is not None:
        check_user_file(coach_file, "coach file")
    if logo is not None:
        check_user_file(logo, "logo")

    base = load_coach(coach_file) if coach_file is not None else Coach()
    given = {"name": name, "contact": contact, "logo": str(logo) if logo else None, "accent": accent}
    coach = base.model_copy(update={k: v for k, v in given.items() if v is not None})
    return validate_coach(Coach.model_validate(coach.model_dump()))
