"""What every command shares: turning library errors into one line and an exit code."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager

import typer
from pydantic import ValidationError

from ..errors import PlannerError
from ._terminal import terminal_safe


def echo(message: str = "", *, err: bool = False) -> None:
    """typer.echo for text that holds anything from a user, a plan or a library: control
    characters (ESC, CR, bidi overrides) are shown as escapes, never sent to the terminal."""
    typer.echo(terminal_safe(message), err=err)


def fail(message: str, code: int = 2) -> "typer.Exit":
    """Print `Error: ...` on stderr and return the Exit to raise (so callers `raise fail(...)`)."""
    echo(f"Error: {message}", err=True)
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
    except BrokenPipeError:
        # Before OSError, its base class: the reader (`| head`) went away; stop quietly.
        _silence_stdout()
        raise typer.Exit(1) from None
    except OSError as exc:
        # A path the user gave that the system refuses: still their input, still one line.
        where = f"'{exc.filename}': " if exc.filename else ""
        raise fail(f"{where}{exc.strerror or exc}") from None
    except KeyboardInterrupt:
        typer.echo("Interrupted.", err=True)
        raise typer.Exit(130) from None


def _silence_stdout() -> None:
    """Point stdout at /dev/null so the interpreter's last flush cannot fail a second time."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError, AttributeError):
        pass  # stdout is gone or has no descriptor (a test runner's buffer): nothing left to flush there


def run_guarded(app: Callable[[], object]) -> None:
    """Run the CLI so that a stdout that cannot be written ends in one line, not a traceback.

    Commands print with `typer.echo` outside `user_errors` too (schema, lists), and Python
    flushes stdout only at exit, so the guard sits around the whole app: a closed pipe
    (`planner schema plan | head -1`) exits 1 quietly; a full disk or device
    (`planner schema plan > /dev/full`) says so in one line and exits 1.
    """
    try:
        try:
            app()
        finally:
            if sys.stdout is not None:  # None when the shell closed it (`>&-`)
                sys.stdout.flush()
    except BrokenPipeError:
        _silence_stdout()
        sys.exit(1)
    except OSError as exc:
        _silence_stdout()
        sys.stderr.write(f"Error: cannot write the output: {exc.strerror or exc}\n")
        sys.exit(1)
