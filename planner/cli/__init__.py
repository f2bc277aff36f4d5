"""The command line: a thin shell over the library. Only this package imports typer."""

from __future__ import annotations

import typer

from .batch import batch
from .exercises import exercises_app
from .generate import generate
from .init_cmd import init
from .render_cmd import render
from .schema import schema
from .show import show

app = typer.Typer(
    name="planner",
    no_args_is_help=True,
    help="Build safe, progressive training plans and print them as PDF handouts.",
    add_completion=True,
    pretty_exceptions_enable=False,
)
app.command("generate")(generate)
app.command("show")(show)
app.command("render")(render)
app.command("init")(init)
app.command("batch")(batch)
app.command("schema")(schema)
app.add_typer(exercises_app, name="exercises")


def main() -> None:
    app()
