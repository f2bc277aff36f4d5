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

CUT = 80  # characters of a path quoted in a message

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


def check_suffix(path: Path, suffix: str | tuple[str, ...], what: str = "output") -> None:
    """Refuse `-f json -o plan.pdf`: a file whose name lies about its content opens wrong
    everywhere (a viewer shows an error, a mail filter drops it). Several suffixes are the
    spellings of one format (".yaml", ".yml")."""
    allowed = (suffix,) if isinstance(suffix, str) else tuple(suffix)
    if Path(path).suffix.lower() not in allowed:
        given = Path(path).suffix or "(none)"
        raise OutputError(
            f"{what}: '{_shown(path)}' ends in {given[:20]} but holds {allowed[0][1:].upper()};"
            f" allowed: a name ending in {' or '.join(allowed)}"
        )


def check_target(
    path: Path,
    *,
    force: bool = False,
    inputs: Iterable[Path | None] = (),
    suffix: str | tuple[str, ...] | None = None,
) -> None:
    """Fail before any work is done: an existing file without force, anything but a regular
    file even with force (a rename over /dev/null replaces the device), an output that is one
    of the inputs, a name whose suffix is not the format's, or no folder to write in. Missing
    folders are not created: a typo in a path should not grow a directory tree. Every command
    that writes a file passes its inputs and its suffix, so no command forgets a rule."""
    path = Path(path)
    shown = _shown(path)
    folder = path.parent if str(path.parent) else Path(".")
    try:
        info: os.stat_result | None = os.stat(path)
    except (FileNotFoundError, NotADirectoryError):
        info = None
    except OSError as exc:  # a name too long, a loop of links, no permission
        raise OutputError(f"output: cannot write '{shown}': {exc.strerror or exc}") from None
    if info is not None and stat.S_ISDIR(info.st_mode):
        raise OutputError(f"output: '{shown}' is a folder; give a file name")
    for source in inputs:
        if source is not None and same_file(path, Path(source)):
            raise OutputError(f"output: '{shown}' is also an input; choose another output name")
    if info is not None and not stat.S_ISREG(info.st_mode):
        raise OutputError(f"output: '{shown}' is not a regular file (a device, pipe or socket); refusing to replace it")
    if suffix is not None:
        check_suffix(path, suffix)
    if not force and info is not None:
        raise OutputExistsError(f"output: '{shown}' already exists; use --force to overwrite it")
    if not folder.is_dir():
        what = "is not a folder" if folder.exists() else "does not exist"
        raise OutputError(f"output: cannot write '{shown}': '{_shown(folder)}' {what}")


def _shown(path: Path) -> str:
    """A path as a message quotes it: cut at the front (the file's own name is the end), so a
    4,000-character name stays one short line."""
    text = str(path)
    return text if len(text) <= CUT else "…" + text[-(CUT - 1):]


def write_atomic(
    path: Path,
    data: bytes,
    *,
    force: bool = False,
    inputs: Iterable[Path | None] = (),
    suffix: str | tuple[str, ...] | None = None,
) -> Path:
    """Write through a temp file in the same folder, then rename: a reader (or a killed run)
    never sees half a file. Without force an existing file is never replaced, even by a
    concurrent writer (the final step is an exclusive link, not a check-then-write)."""
    path = Path(path)
    check_target(path, force=force, inputs=inputs, suffix=suffix)
    folder = path.parent if str(path.parent) else Path(".")
    try:
        fd, tmp_name = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".tmp")
    except OSError as exc:
        raise OutputError(f"output: cannot write '{_shown(path)}': {exc.strerror}") from None
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
                    f"output: '{_shown(path)}' already exists; use --force to overwrite it"
                ) from None
            tmp.unlink()
    except OSError as exc:
        raise OutputError(f"output: cannot write '{_shown(path)}': {exc.strerror}") from None
    finally:
        if tmp.exists():
            tmp.unlink()
    return path
