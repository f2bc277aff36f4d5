"""Reading a file the user named, with one kind of error for every way it can fail.

Every file a person names (profile, plan, library, roster, theme, logo) is hostile until read:
only regular files (never /dev/zero, a FIFO that blocks forever, or a folder), and never more
than MAX_BYTES, so a wrong path costs one line of error instead of all the machine's memory.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from ..errors import InputFileError

MAX_BYTES = 10 * 1024 * 1024  # 10 MB: the largest real input (free-exercise-db) is ~1 MB


def check_user_file(path: Path, what: str, *, max_bytes: int = MAX_BYTES) -> Path:
    """Refuse before anyone opens it: a missing path, a folder, a device, a FIFO, a socket,
    or a file over the size cap. For callers that hand the path to another reader (images)."""
    path = Path(path)
    try:
        info = os.stat(path)
    except FileNotFoundError:
        raise InputFileError(f"{what}: file '{path}' does not exist") from None
    except OSError as exc:
        raise InputFileError(f"{what}: cannot read '{path}': {exc.strerror or exc}") from None
    _check_stat(info, path, what, max_bytes)
    return path


def _check_stat(info: os.stat_result, path: Path, what: str, max_bytes: int) -> None:
    if stat.S_ISDIR(info.st_mode):
        raise InputFileError(f"{what}: '{path}' is a folder, not a file")
    if not stat.S_ISREG(info.st_mode):
        raise InputFileError(f"{what}: '{path}' is not a regular file (a device, pipe or socket)")
    if info.st_size > max_bytes:
        raise InputFileError(
            f"{what}: '{path}' is {info.st_size:,} bytes; allowed: at most {max_bytes:,} bytes"
        )


def read_user_bytes(path: Path, what: str, *, max_bytes: int = MAX_BYTES) -> bytes:
    """The file's bytes, read from the same open file that was checked (no swap between the
    check and the read), and never more than max_bytes even if the file grows meanwhile."""
    path = Path(path)
    check_user_file(path, what, max_bytes=max_bytes)
    try:
        # O_NONBLOCK: if the path became a FIFO after the check, open must not hang on it.
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError as exc:
        raise InputFileError(f"{what}: cannot read '{path}': {exc.strerror or exc}") from None
    try:
        _check_stat(os.fstat(fd), path, what, max_bytes)
        chunks: list[bytes] = []
        total = 0
        while total <= max_bytes:
            chunk = os.read(fd, min(1 << 20, max_bytes + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
    except OSError as exc:
        raise InputFileError(f"{what}: cannot read '{path}': {exc.strerror or exc}") from None
    finally:
        os.close(fd)
    if total > max_bytes:
        raise InputFileError(f"{what}: '{path}' is over {max_bytes:,} bytes; allowed: at most {max_bytes:,} bytes")
    return b"".join(chunks)


def read_user_text(path: Path, what: str, *, max_bytes: int = MAX_BYTES) -> str:
    """The file's text (a UTF-8 BOM from Windows editors is dropped), or one line saying why
    not, prefixed with `what` ("profile", "plan", "exercise library")."""
    raw = read_user_bytes(path, what, max_bytes=max_bytes)
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputFileError(f"{what}: '{path}' is not UTF-8 text (byte 0x{exc.object[exc.start]:02X})") from None
