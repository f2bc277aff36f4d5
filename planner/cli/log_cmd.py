"""`planner log` (the log sheet of a plan) and `planner adapt` (the plan re-planned from a log)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Annotated

import typer

from . import _options as o
from ._common import echo, fail, user_errors
from ._plans import judged

PlanArg = Annotated[Path, typer.Argument(metavar="PLAN.json", help="A plan saved with 'planner generate --format json'.")]


def log(
    plan_file: PlanArg,
    output: Annotated[Path, typer.Option("--output", "-o", help="CSV log sheet to write.", dir_okay=False)],
    force: o.Force = False,
) -> None:
    """Write the log sheet of a plan as CSV: one row per main exercise of every session.

    Example: planner log plan.json -o log.csv
    """
    from ..io.logs import log_csv
    from ..io.plans import load_plan
    from ..io.writers import check_target, write_atomic
    from ..render.formatting import dose
    from ..render.theme import load_theme

    with user_errors():
        check_target(output, force=force, inputs=[plan_file], suffix=".csv")
        plan = judged(load_plan(plan_file), plan_file.name)
        theme = load_theme(None)
        units = plan.profile.units
        data = log_csv(plan, lambda p: dose(theme, p, units))
        write_atomic(output, data, force=force, inputs=[plan_file], suffix=".csv")
    echo(f"Wrote {output}")


def adapt(
    plan_file: PlanArg,
    log_file: Annotated[Path, typer.Argument(metavar="LOG", help="The filled log: CSV from 'planner log', or a filled PDF handout.")],
    output: Annotated[Path, typer.Option("--output", "-o", help="Adapted plan JSON to write.", dir_okay=False)],
    start: Annotated[
        str | None, typer.Option("--from", help="Re-plan from this day (YYYY-MM-DD); default: the day after the last logged date.")
    ] = None,
    force: o.Force = False,
) -> None:
    """Re-plan the weeks ahead from what the log says was done, and write the whole plan.

    Example: planner adapt plan.json log.csv -o plan-2.json
    """
    from ..engine.words import say
    from ..io.adapt_log import adapt_from_log
    from ..io.plans import load_plan
    from ..io.writers import check_target, write_atomic

    with user_errors():
        inputs = [plan_file, log_file]
        check_target(output, force=force, inputs=inputs, suffix=".json")
        plan = judged(load_plan(plan_file), plan_file.name)
        day = None
        if start is not None:
            try:
                day = dt.date.fromisoformat(start)
            except ValueError:
                raise fail(f"--from: {start[:80]!r} is not allowed (allowed: a date as YYYY-MM-DD)") from None
            if not plan.weeks[0].start_date <= day <= plan.end_date:
                raise fail(f"--from: {start} is not allowed (allowed: a day of the plan, "
                           f"{plan.weeks[0].start_date} to {plan.end_date})")
        new = adapt_from_log(plan, log_file, start=day, source=output.name)
        data = (new.model_dump_json(indent=2) + "\n").encode("utf-8")
        write_atomic(output, data, force=force, inputs=inputs, suffix=".json")
    added = len(new.changes) - len(plan.changes)
    for change in new.changes[len(plan.changes):]:
        echo(say("adapt.line", week=change.week, date=change.date.isoformat(), what=change.what, why=change.why))
    echo(f"Wrote {output} ({added} change{'s' if added != 1 else ''})")
