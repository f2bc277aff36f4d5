"""`planner export PLAN.json --format fit|zwo -o DIR`: the sessions as device workout files."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from . import _options as o
from ._common import echo, user_errors
from ._plans import judged


def export(
    plan_file: Annotated[
        Path,
        typer.Argument(metavar="PLAN.json", help="A plan saved with 'planner generate --format json'.", dir_okay=False),
    ],
    fmt: Annotated[
        str, typer.Option("--format", "-f", help="fit (Garmin and other watches) or zwo (Zwift, cycling).")
    ] = "fit",
    output: Annotated[
        Path, typer.Option("--output", "-o", help="Existing folder to write one file per session into.", file_okay=False)
    ] = Path("."),
    force: o.Force = False,
) -> None:
    """Write every session of a saved plan as a FIT workout or Zwift .zwo file.

    Example: planner export plan.json --format fit -o watch/
    """
    from ..export.files import export_files
    from ..io.plans import load_plan

    with user_errors():
        plan = judged(load_plan(plan_file), plan_file.name)
        written = export_files(plan, fmt.strip().lower(), output, force=force, inputs=[plan_file])
    echo(f"Wrote {len(written)} {fmt} file{'s' if len(written) != 1 else ''} to {output}")
