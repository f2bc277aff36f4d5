"""Writing output safely: names made safe as paths, temp file + rename, no silent overwrite."""

from __future__ import annotations

import os
import re
import stat
import tempfile
import unicodedata
from collections.abc import Iterable
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


def same_file(a: Path, b: Path) -> bool:
    """True when two paths name one file (links, `./`, `..` and case-folding file systems)."""
    try:
        return os.path.samefile(a, b)
    except OSError:
        return Path(a).resolve() == Path(b).resolve()


def check_suffix(path: Path, suffix: str, what: str = "output") -> None:
    """Refuse `-f json -o plan.pdf`: a file whose name lies about its content opens wrong
    everywhere (a viewer shows an error, a mail filter drops it)."""
    if Path(path).suffix.lower() != suffix:
        given = Path(path).suffix or "(none)"
        raise OutputError(
            f"{what}: '{str(path)[:80]}' ends in {given[:20]} but holds {suffix[1:].upper()};"
            f" allowed: a name ending in {suffix}"
        )


def check_target(path: Path, *, force: bool = False, inputs: Iterable[Path | None] = ()) -> None:
    """Fail before any work is done: an existing file without force, anything but a regular
    file even with force (a rename over /dev/null replaces the device), an output that is one
    of the inputs, or no folder to write in. Missing folders are not created: a typo in a
    path should not grow a directory tree."""
    path = Path(path)
    folder = path.parent if str(path.parent) else Path(".")
    if path.is_dir():
        raise OutputError(f"output: '{path}' is a folder; give a file name")
    for source in inputs:
        if source is not None and same_file(path, Path(source)):
            raise OutputError(f"output: '{path}' is also an input; choose another output name")
    try:
        info = os.stat(path)
    except OSError:
        info = None
    if info is not None and not stat.S_ISREG(info.st_mode):
        raise OutputError(f"output: '{path}' is not a regular file (a device, pipe or socket); refusing to replace it")
    if not force and path.exists():
        raise OutputExistsError(f"output: '{path}' already exists; use --force to overwrite it")
    if not folder.is_dir():
        what = "is not a folder" if folder.exists() else "does not exist"
        raise OutputError(f"output: cannot write '{path}': '{folder}' {what}")


def write_atomic(
    path: Path, data: bytes, *, force: bool = False, inputs: Iterable[Path | None] = ()
) -> Path:
    """Write through a temp file in the same folder, then rename: a reader (or a killed run)
    never sees half a file. Without force an existing file is never replaced, even by a
    concurrent writer (the final step is an exclusive link, not a check-then-write)."""
    path = Path(path)
    check_target(path, force=force, inputs=inputs)
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
