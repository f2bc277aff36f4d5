"""`planner exercises list | show | check`: browse a library and prove a library file is usable."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from ..vocab import ACTIVITIES, CATEGORIES, EQUIPMENT, LEVELS, MUSCLES, PATTERNS
from ._common import echo, fail, user_errors
from ._terminal import terminal_safe

if TYPE_CHECKING:
    from ..library.catalog import ExerciseLibrary
    from ..models import Exercise

exercises_app = typer.Typer(
    help="Browse the exercise library, or check another library file before using it.",
    no_args_is_help=True,
)

LibraryFile = Annotated[
    Path | None,
    typer.Option(
        "--exercises",
        help="Another exercise library (our format or free-exercise-db JSON). [default: built-in]",
    ),
]


def _checked(option: str, value: str | None, allowed: Sequence[str]) -> str | None:
    """Filters take the library's own vocabulary; a typo is named with what is allowed."""
    if value is None:
        return None
    value = value.strip().lower()
    if value not in allowed:
        raise fail(f"{option}: {value!r} is not allowed; allowed: {', '.join(allowed)}")
    return value


def _split(values: Iterable[str]) -> list[str]:
    return [part.strip() for value in values for part in value.replace(";", ",").split(",") if part.strip()]


def _library(path: Path | None) -> ExerciseLibrary:
    from ..io.libraries import load_library

    return load_library(path)


@exercises_app.command("list")
def list_exercises(
    category: Annotated[str | None, typer.Option(help=f"One of: {', '.join(CATEGORIES)}.")] = None,
    muscle: Annotated[
        str | None, typer.Option(help="Works this muscle (primary or secondary), e.g. adductors.")
    ] = None,
    equipment: Annotated[
        list[str] | None,
        typer.Option(
            help="Equipment at hand (repeat, or separate with ','): shows what can be done with it."
            " Bodyweight exercises always qualify; 'none' shows bodyweight only."
        ),
    ] = None,
    level: Annotated[str | None, typer.Option(help="beginner, intermediate or advanced.")] = None,
    activity: Annotated[str | None, typer.Option(help=f"One of: {', '.join(ACTIVITIES)}.")] = None,
    pattern: Annotated[str | None, typer.Option(help="The slot it fills, e.g. adductor, squat, easy.")] = None,
    exercises: LibraryFile = None,
) -> None:
    """List exercises as a table: id, name, category, muscles, equipment."""
    with user_errors():
        kit = None
        if equipment is not None:
            kit = [_checked("--equipment", item, EQUIPMENT) or "" for item in _split(equipment)]
        filters = {
            "category": _checked("--category", category, CATEGORIES),
            "muscle": _checked("--muscle", muscle, MUSCLES),
            "level": _checked("--level", level, LEVELS),
            "activity": _checked("--activity", activity, ACTIVITIES),
            "pattern": _checked("--pattern", pattern, PATTERNS),
        }
        found = _library(exercises).filter(equipment=kit, **filters)
    if not found:
        echo("No exercises match these filters.")
        return
    rows = [("ID", "NAME", "CATEGORY", "MUSCLES", "EQUIPMENT")]
    rows += [
        (ex.id, terminal_safe(ex.name), ex.category, ", ".join(ex.primary_muscles), _equipment(ex.equipment))
        for ex in found
    ]
    echo(_table(rows))
    echo(f"{len(found)} exercise{'s' if len(found) != 1 else ''}")


@exercises_app.command("show")
def show_exercise(
    exercise_id: Annotated[str, typer.Argument(metavar="ID", help="The exercise's id, e.g. plie-squat.")],
    exercises: LibraryFile = None,
) -> None:
    """Everything about one exercise: muscles, kit, doses, steps, cues and variations."""
    with user_errors():
        lib = _library(exercises)
    ex = lib.get(exercise_id.strip())
    if ex is None:
        raise fail(f"exercise {exercise_id!r} not found; try 'planner exercises list'")
    echo(describe(ex, lib))


@exercises_app.command("check")
def check(
    library_file: Annotated[
        Path, typer.Argument(metavar="FILE", help="A library in our format or free-exercise-db JSON.")
    ],
) -> None:
    """Validate a library file: every problem one per line, or a summary of what it holds."""
    from ..library.catalog import LibraryValidationError

    with user_errors():
        try:
            lib = _library(library_file)
        except LibraryValidationError as exc:
            count = len(exc.problems)
            echo(
                f"Error: {library_file}: {count} problem{'s' if count != 1 else ''}; nothing was loaded",
                err=True,
            )
            for line in exc.problems:
                echo(f"  {line}", err=True)
            raise typer.Exit(2) from None
    echo(summary(lib, str(library_file)))
    echo("")
    echo("\n".join(plan_probe(lib)))


# ---------------------------------------------------------------- text (pure)


def summary(lib: ExerciseLibrary, name: str) -> str:
    """What `check` prints for a usable library: counts, then what an import could not map."""
    lines = [f"{name}: valid {lib.format} library, {len(lib)} exercises"]
    if lib.left_out:
        lines[0] += f" ({lib.left_out} entries left out: see below)"
    lines += ["", "By category:"]
    lines += _counts(Counter(ex.category for ex in lib), CATEGORIES)
    lines += ["", "By activity:"]
    lines += _counts(Counter(a for ex in lib for a in ex.activities), ACTIVITIES)
    lines += ["", "By muscle (primary + secondary = exercises that work it):"]
    primary = Counter(m for ex in lib for m in ex.primary_muscles)
    secondary = Counter(m for ex in lib for m in ex.secondary_muscles)
    width = max(len(m) for m in MUSCLES)
    for muscle in MUSCLES:
        p, s = primary[muscle], secondary[muscle]
        lines.append(f"  {muscle:<{width}}  {p:>4} + {s:>4} = {p + s:>4}")
    if lib.warnings:
        lines += ["", f"Could not be mapped ({len(lib.warnings)}):"]
        lines += [f"  {w}" for w in lib.warnings]
    return "\n".join(lines)


def plan_probe(lib: ExerciseLibrary) -> list[str]:
    """Try a 4-week plan per activity and level, with bodyweight only and with every piece of
    equipment: a valid file can still lack a slot the planner needs, and a coach wants to know
    which clients it can serve."""
    import datetime as dt

    from .. import build_plan
    from ..errors import PlannerError
    from ..models import Profile
    from ..vocab import EQUIPMENT

    kit = {"cycling": ["bike"], "swimming": ["pool"]}
    gym = [e for e in EQUIPMENT if e != "none"]
    total = len(ACTIVITIES) * len(LEVELS)
    lines: list[str] = []
    for head, equipment in (
        ("Plans (4 weeks, bodyweight; a bike for cycling, a pool for swimming):", None),
        ("Plans (4 weeks, with every piece of equipment):", gym),
    ):
        failures = []
        for activity in ACTIVITIES:
            for level in LEVELS:
                profile = Profile(level=level, activity=activity, weeks=4,
                                  equipment=equipment or kit.get(activity, ["none"]),
                                  start_date=dt.date(2030, 1, 7))
                try:
                    build_plan(profile, lib)
                except PlannerError as exc:
                    # The library's name is in every line of the report already.
                    reason = str(exc).split(f"the library '{lib.source}' has ", 1)[-1]
                    failures.append(f"  {activity}, {level}: {reason}")
        if lines:
            lines.append("")
        if not failures:
            lines += [head, f"  all {total} activity and level pairs build"]
        else:
            lines += [head, f"  {total - len(failures)} of {total} build; these stop:", *failures]
    return lines


def _counts(counts: Counter[str], order: Sequence[str]) -> list[str]:
    width = max(len(k) for k in order)
    return [f"  {key:<{width}}  {counts[key]:>4}" for key in order]


def describe(ex: Exercise, lib: ExerciseLibrary) -> str:
    """A readable page about one exercise, for the terminal."""
    def named(exercise_id: str) -> str:
        other = lib.get(exercise_id)
        return f"{other.name} ({exercise_id})" if other else exercise_id

    lines = [f"{ex.name} ({ex.id})", ""]
    kind = ex.category + (f", {ex.pattern}" if ex.pattern else "")
    lines.append(f"Category:    {kind}")
    lines.append(f"Muscles:     {', '.join(ex.primary_muscles)}")
    if ex.secondary_muscles:
        lines.append(f"Also works:  {', '.join(ex.secondary_muscles)}")
    lines.append(f"Equipment:   {_equipment(ex.equipment)}")
    lines.append(f"Levels:      {', '.join(ex.levels)}")
    lines.append(f"Activities:  {', '.join(ex.activities)}")
    if ex.per_side:
        lines.append("Per side:    yes (the dose is for each side)")
    if ex.avoid_with:
        lines.append(f"Not with:    {', '.join(ex.avoid_with)} limitation")
    if ex.dose:
        lines += ["", "Dose:"]
        lines += [f"  {dose_line(ex, lvl)}" for lvl in LEVELS if lvl in ex.dose]
    lines += ["", "How to:"]
    lines += [f"  {i}. {step}" for i, step in enumerate(ex.instructions, 1)]
    if ex.cues:
        lines += ["", "Cues:"]
        lines += [f"  - {cue}" for cue in ex.cues]
    links = []
    if ex.regression:
        links.append(f"  Easier:      {named(ex.regression)}")
    if ex.progression:
        links.append(f"  Harder:      {named(ex.progression)}")
    if ex.alternatives:
        links.append(f"  Instead:     {', '.join(named(a) for a in ex.alternatives)}")
    if links:
        lines += ["", "Variations:", *links]
    if ex.video_url:
        lines += ["", f"Video:       {ex.video_url}"]
    if ex.source:
        lines += ["", f"Source:      {ex.source}"]
    return "\n".join(lines)


def dose_line(ex: Exercise, level: str) -> str:
    """A level's default dose, worded exactly as a plan prints a prescription."""
    dose = ex.dose[level].model_dump(exclude_none=True)
    from ..models import Prescription
    from ..render.preview import item_line

    return item_line(Prescription(exercise_id=ex.id, name=level, per_side=ex.per_side, **dose))


def _equipment(items: Sequence[str]) -> str:
    return "bodyweight" if list(items) == ["none"] else ", ".join(items)


def _table(rows: Sequence[Sequence[str]]) -> str:
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    return "\n".join(
        "  ".join(cell.ljust(w) for cell, w in zip(row, widths)).rstrip() for row in rows
    )
