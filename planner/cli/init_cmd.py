"""`planner init`: a profile file built by answering questions, for people who would rather
not read every option. Each answer is checked by the Profile model itself (the one source of
truth), and a bad answer is explained and asked again rather than ending the session.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Annotated, Any

import typer
from ..vocab import ACTIVITIES, EQUIPMENT, FOCUS, LEVELS, LIMITATIONS, UNITS
from ._common import echo, fail, user_errors

_FORMATS = {".toml": "TOML", ".json": "JSON", ".yaml": "YAML", ".yml": "YAML"}
# Stand-ins for required fields not asked yet, so one field can be checked on its own.
_PLACEHOLDERS = {"level": LEVELS[0], "activity": ACTIVITIES[0]}
_ENDURANCE_ONLY = ("current_weekly_minutes", "longest_recent_minutes", "event", "max_hr", "resting_hr")
# Zone inputs asked only where they set targets: a race for runners, FTP for riders, CSS for swimmers.
_ONE_ACTIVITY = {"recent_race": "running", "ftp_watts": "cycling", "css_per_100m": "swimming"}
_SKIPPABLE = ("body_mass_kg", "age", "current_weekly_minutes", "longest_recent_minutes", "event",
              "recent_race", "max_hr", "resting_hr", "ftp_watts", "css_per_100m")


def _next_monday() -> str:
    from ..models import next_monday

    return next_monday().isoformat()


def _questions() -> list[tuple[str, str, str | None]]:
    """(field, question, default shown): in the order a person thinks about their training.
    Allowed values come from the vocabularies, so a new word appears here by itself."""
    return [
        ("name", "Name (printed on the plan)", "Athlete"),
        ("level", f"Level ({', '.join(LEVELS)})", "beginner"),
        ("activity", f"Activity ({', '.join(ACTIVITIES)})", None),
        ("weeks", "How many weeks (1-52)", "8"),
        ("days_per_week", "Training days a week (1-7)", "3"),
        ("session_minutes", "Minutes a session, warm-up and cool-down included (15-180)", "45"),
        ("equipment", f"Equipment you have, separated by ';' ({', '.join(EQUIPMENT)})", "none"),
        ("focus", f"Focus areas, separated by ';', blank for none ({', '.join(FOCUS)})", ""),
        (
            "limitations",
            f"Joints to spare, separated by ';', blank for none ({', '.join(LIMITATIONS)})",
            "",
        ),
        ("start_date", "First day of the plan (YYYY-MM-DD)", _next_monday()),
        ("units", f"Units ({', '.join(UNITS)})", "metric"),
        ("body_mass_kg", "Body mass in kg, to size drink targets (30-250, blank to skip)", ""),
        ("age", "Age in years (14-100, blank to skip)", ""),
        ("notes", "A note to print on the cover (blank for none)", ""),
        ("current_weekly_minutes", "Minutes you train a week now (0-2000, blank to skip)", ""),
        ("longest_recent_minutes", "Your longest session of the last 30 days, in minutes (20-600, blank to skip)", ""),
        ("event", "An event to train for, 'YYYY-MM-DD distance' (5k, 10k, half-marathon, marathon, 160km...; blank for none)", ""),
        ("recent_race", "A recent all-out race for your paces, 'distance time', e.g. '10k 52:30' (blank to skip)", ""),
        ("max_hr", "Maximum heart rate in bpm (120-230, blank to skip)", ""),
        ("resting_hr", "Resting heart rate in bpm (30-100, blank to skip)", ""),
        ("ftp_watts", "Functional threshold power in watts (50-600, blank to skip)", ""),
        ("css_per_100m", "Critical swim speed per 100 m, m:ss, e.g. 1:55 (blank to skip)", ""),
        ("lifts", "Recent lifts for loads, e.g. 'barbell-back-squat 100x5; goblet-squat 20x10' (blank to skip)", ""),
        ("test_weeks", "Test your main lifts to a rep max in the first and last week? (yes/no)", "no"),
    ]


# Questions only some plans need: recent lifts (loads) and rep-max test weeks.
_LIFTING_ONLY: dict[str, tuple[str, ...]] = {"lifts": ("strength", "general"), "test_weeks": ("strength",)}


def _ask(field: str, question: str, default: str | None, answers: dict[str, Any]) -> Any:
    """Ask until the Profile accepts the answer; returns the value as the model keeps it."""
    while True:
        try:
            raw = typer.prompt(question, default=default, show_default=bool(default))
        except typer.Abort:
            raise fail("input ended before every question was answered; nothing was written") from None
        raw = raw.strip() if isinstance(raw, str) else raw
        if raw == "" and field in _SKIPPABLE:
            return None
        from pydantic import ValidationError

        from ..models import Profile
        from ..io.profiles import describe_validation_error

        candidate = {**_PLACEHOLDERS, **answers, field: raw}
        if field == "event":
            candidate.pop("weeks", None)  # the event date sets the plan's length
        try:
            return getattr(Profile.model_validate(candidate), field)
        except ValidationError as exc:
            echo(f"  {describe_validation_error(exc)}. Please try again.", err=True)


def _toml_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, list):
        return "[" + ", ".join(_toml_value(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{json.dumps(str(k))} = {_toml_value(v)}" for k, v in value.items()) + "}"
    # JSON string escapes are valid TOML basic-string escapes; DEL must be escaped too.
    return json.dumps(str(value), ensure_ascii=False).replace("\x7f", "\\u007f")


def profile_text(data: dict[str, Any], suffix: str, file_name: str) -> str:
    """The profile in the format its file name asks for, readable by `generate --profile`."""
    if _FORMATS[suffix] == "JSON":
        return json.dumps(data, ensure_ascii=False, indent=2, default=str) + "\n"
    if _FORMATS[suffix] == "YAML":
        import yaml

        header = f"# Written by 'planner init'. Use: planner generate --profile {file_name}\n"
        return header + yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
    lines = [f"# Written by 'planner init'. Use: planner generate --profile {file_name}"]
    lines += [f"{key} = {_toml_value(value)}" for key, value in data.items()]
    return "\n".join(lines) + "\n"


def init(
    output: Annotated[
        Path,
        typer.Option("--output", "-o", help="Profile file to write: .toml, .json or .yaml."),
    ] = Path("profile.toml"),
    force: Annotated[bool, typer.Option("--force", help="Overwrite the file if it exists.")] = False,
) -> None:
    """Answer a few questions and get a profile file ready for 'planner generate --profile'.

    Example: planner init -o me.toml
    """
    from ..io.writers import write_atomic

    suffix = output.suffix.lower()
    if suffix not in _FORMATS:
        raise fail(
            f"output: '{output}' has extension '{suffix or '(none)'}'; allowed: .toml, .json, .yaml, .yml"
        )
    from ..io.writers import check_target

    with user_errors():
        check_target(output, force=force, suffix=tuple(_FORMATS))
    echo("A few questions for your profile. Press Enter to keep the value in [brackets].")
    answers: dict[str, Any] = {}
    with user_errors():
        for field, question, default in _questions():
            if field in _LIFTING_ONLY and answers.get("activity") not in _LIFTING_ONLY[field]:
                continue  # loads are for lifting plans, rep-max tests for strength plans
            if field in _ENDURANCE_ONLY and answers.get("activity") in ("strength", "general"):
                continue  # a baseline and an event are for endurance plans
            if field in _ONE_ACTIVITY and answers.get("activity") != _ONE_ACTIVITY[field]:
                continue
            value = _ask(field, question, default, answers)
            if value is not None:
                answers[field] = value
                if field == "event":
                    answers.pop("weeks", None)
        from ..models import Profile

        profile = Profile.model_validate(answers)
        data = profile.model_dump(mode="python", exclude_none=True)
        for empty in ("notes", "lifts", "test_weeks"):
            if not data.get(empty):
                data.pop(empty, None)
        text = profile_text(data, suffix, output.name)
        write_atomic(output, text.encode("utf-8"), force=force, suffix=tuple(_FORMATS))
    echo(f"Wrote {output}. Next: planner generate --profile {output}")
