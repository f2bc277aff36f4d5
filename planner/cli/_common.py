"""What every command shares: turning library errors into one line and an exit code."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager

import typer
from pydantic import ValidationError

from ..errors import PlannerError


def fail(message: str, code: int = 2) -> "typer.Exit":
    """Print `Error: ...` on stderr and return the Exit to raise (so callers `raise fail(...)`)."""
    typer.echo(f"Error: {message}", err=True)
    return typer.Exit(code)


@contextmanager
def user_errors(source: str | None = None) -> Iterator[None]:
    """Map the library's errors to `Error: <one line>` and exit code 2: never a traceback."""
    try:
        yield
    except PlannerError as exc:
        raise fail(str(exc), exc.exit_code) from None
    except ValidationError as exc:
        from ..io.profiles import describe_validation_error

        raise fail(describe_validation_error(exc, source)) from None
    except OSError as exc:
        # A path the user gave that the system refuses: still their input, still one line.
        where = f"'{exc.filename}': " if exc.filename else ""
        raise fail(f"{where}{exc.strerror or exc}") from None
    except KeyboardInterrupt:
        typer.echo("Interrupted.", err=True)
        raise typer.Exit(130) from None
    except BrokenPipeError:
        sys.stderr.close()
        raise typer.Exit(1) from None
