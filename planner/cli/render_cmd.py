"""`planner render PLAN.json`: a saved, possibly hand-edited plan back into a PDF.

The file is validated like any input, then the safety checks judge what the sessions say now.
A plan that breaks a rule prints only with --allow-unsafe, and then the PDF says it was edited.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from . import _options as o
from ._common import echo, user_errors
from ._plans import judged


def render(
    plan_file: Annotated[
        Path,
        typer.Argument(metavar="PLAN.json", help="A plan saved with 'planner generate --format json'."),
    ],
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help="PDF to write. [default: <name>-<activity>-plan.pdf]", dir_okay=False),
    ] = None,
    force: o.Force = False,
    fillable: o.Fillable = False,
    theme: o.Theme = None,
    paper: o.Paper = None,
    coach: o.CoachFile = None,
    coach_name: o.CoachName = None,
    coach_contact: o.CoachContact = None,
    logo: o.Logo = None,
    accent: o.Accent = None,
    allow_unsafe: Annotated[
        bool,
        typer.Option(
            "--allow-unsafe",
            help="Print even when the plan breaks a safety rule; the PDF is then marked as edited.",
        ),
    ] = False,
) -> None:
    """Turn a saved (and possibly hand-edited) plan JSON back into a PDF, checking it first.

    Example: planner render plan.json -o plan.pdf
    """
    from ..io.plans import load_plan, recompute_loads, stale_loads
    from ..io.writers import default_output_name, write_atomic

    source = plan_file.name
    with user_errors():
        plan = load_plan(plan_file, recompute=False)
        # Everything the user gave is checked before the slow work and before any writing.
        from ..render.theme import load_theme

        theme_value = load_theme(theme)
        coach_value = o.coach_from_options(coach, coach_name, coach_contact, logo, accent)
        target = output or Path(default_output_name(plan.profile.name, plan.profile.activity, ".pdf"))
        from ..io.writers import check_suffix, check_target

        inputs = [plan_file, coach, logo, Path(theme) if theme else None]
        check_target(target, force=force, inputs=inputs)
        if output is not None:
            check_suffix(output, ".pdf")
        for note in stale_loads(plan):
            echo(f"Note: {source}: {note}", err=True)
        plan = recompute_loads(plan)
        plan = judged(plan, source, allow_unsafe=allow_unsafe, marked="the PDF")
        from ..render.pdf import render_pdf

        pdf = render_pdf(plan, theme_value, paper=paper, coach=coach_value, fillable=fillable)
        write_atomic(target, pdf, force=force, inputs=inputs)
    echo(f"Wrote {target}")
