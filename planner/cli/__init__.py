"""The command line: a thin shell over the library. Only this package imports typer."""

from __future__ import annotations

import typer

app = typer.Typer(
    name="planner",
    no_args_is_help=True,
    help="Build safe, progressive training plans and print them as PDF handouts.",
    add_completion=True,
)


def main() -> None:
    app()
