"""Reading a text file the user named, with one kind of error for every way it can fail."""

from __future__ import annotations

from pathlib import Path

from ..errors import InputFileError


def read_user_text(path: Path, what: str) -> str:
    """The file's text (a UTF-8 BOM from Windows editors is dropped), or one line saying why
    not, prefixed with `what` ("profile", "plan", "exercise library")."""
    path = Path(path)
    try:
        return path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise InputFileError(f"{what}: file '{path}' does not exist") from None
    except IsADirectoryError:
        raise InputFileError(f"{what}: '{path}' is a folder, not a file") from None
    except UnicodeDecodeError as exc:
        raise InputFileError(f"{what}: '{path}' is not UTF-8 text (byte 0x{exc.object[exc.start]:02X})") from None
    except OSError as exc:
        raise InputFileError(f"{what}: cannot read '{path}': {exc.strerror or exc}") from None
