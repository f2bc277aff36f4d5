"""Writing output safely: names made safe as paths, temp file + rename, no silent overwrite."""

from __future__ import annotations

import os
import re
import tempfile
import unicodedata
from pathlib import Path

from ..errors import OutputError, OutputExistsError

_UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f\x7f]+')
_SPACES = re.compile(r"[\s\-_.]+")
_RESERVED = {"con", "prn", "aux", "nul", *(f"com{i}" for i in range(10)), *(f"lpt{i}" for i in range(10))}


def safe_stem(text: str, *, max_length: int = 60, fallback: str = "plan") -> str:
    """A file-name stem from user text: keeps letters of any script, drops separators and
    control characters, so "../../etc/passwd" or "Zoë/Ødegård" can never become a path."""
    text = unicodedata.normalize("NFC", text)
    text = "".join(ch for ch in text if unicodedata.category(ch)[0] != "C")
    text = _UNSAFE.sub("-", text)
    text = _SPACES.sub("-", text).strip("-").lower()
    text = text[:max_length].rstrip("-")
    if not text or text.lower() in _RESERVED:
        text = f"{fallback}-{text}" if text else fallback
    return text


def default_output_name(name: str, activity: str, suffix: str) -> str:
    """`zoë-ødegård-núñez-running-plan.pdf`: readable, and safe as a path."""
    return f"{safe_stem(name)}-{activity}-plan{suffix}"


def check_target(path: Path, *, force: bool = False) -> None:
    """Fail before any work is done: an existing file without force, or no folder to write in.
    Missing folders are not created: a typo in a path should not grow a directory tree."""
    path = Path(path)
    folder = path.parent if str(path.parent) else Path(".")
    if path.is_dir():
        raise OutputError(f"output: '{path}' is a folder; give a file name")
    if not force and path.exists():
        raise OutputExistsError(f"output: '{path}' already exists; use --force to overwrite it")
    if not folder.is_dir():
        what = "is not a folder" if folder.exists() else "does not exist"
        raise OutputError(f"output: cannot write '{path}': '{folder}' {what}")


def write_atomic(path: Path, data: bytes, *, force: bool = False) -> Path:
    """Write through a temp file in the same folder, then rename: a reader (or a killed run)
    never sees half a file. Without force an existing file is never replaced, even by a
    concurrent writer (the final step is an exclusive link, not a check-then-write)."""
    path = Path(path)
    check_target(path, force=force)
    folder = path.parent if str(path.parent) else Path(".")
    try:
        fd, tmp_name = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".tmp")
    except OSError as exc:
        raise OutputError(f"output: cannot write '{path}': {exc.strerror}") from None
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, 0o644)
        if force:
            os.replace(tmp, path)
        else:
            try:
                os.link(tmp, path)
            except FileExistsError:
                raise OutputExistsError(
                    f"output: '{path}' already exists; use --force to overwrite it"
                ) from None
            tmp.unlink()
    except OSError as exc:
        raise OutputError(f"output: cannot write '{path}': {exc.strerror}") from None
    finally:
        if tmp.exists():
            tmp.unlink()
    return path
