"""Every error the library raises on purpose; the CLI turns them into one line and an exit code."""

from __future__ import annotations


class PlannerError(Exception):
    """Base class: the message is one line meant for the person at the keyboard."""

    exit_code = 2


class ProfileError(PlannerError):
    """A profile field has a value that is not allowed."""


class InputFileError(PlannerError):
    """A file given on the command line cannot be read or parsed."""


class LibraryError(PlannerError):
    """An exercise library is invalid or cannot serve the profile."""


class ThemeError(PlannerError):
    """A theme, font, logo or colour cannot be used."""


class OutputExistsError(PlannerError):
    """The output file exists and --force was not given."""


class OutputError(PlannerError):
    """The output cannot be written where it was asked to go."""


class UnsafePlanError(PlannerError):
    """A plan breaks a safety invariant."""


class RosterError(PlannerError):
    """A roster file cannot be read at all."""
