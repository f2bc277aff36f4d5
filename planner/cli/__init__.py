"""The command line: a thin shell over the library. Only this package imports typer."""

from __future__ import annotations

import os

# The CLI is a process of its own and uses no pydantic plugins; looking for them scans the
# metadata of every installed distribution, a sixth of a cold `planner generate`.
os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")

import typer  # noqa: E402

from ._common import run_guarded  # noqa: E402
from .batch import batch  # noqa: E402
from .exercises import exercises_app
from .export_cmd import export
from .generate import generate
from .init_cmd import init
from .log_cmd import adapt, log
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
app.command("export")(export)
app.command("log")(log)
app.command("adapt")(adapt)
app.add_typer(exercises_app, name="exercises")


def main() -> None:
    run_guarded(app)
