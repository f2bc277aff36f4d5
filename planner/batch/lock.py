"""One batch per output folder at a time: two runs into one folder would sweep each other's
temp files and replace each other's report (the survivor listed 1 row beside ~295 PDFs).

The lock is an OS lock on the folder itself (flock), not a file whose existence means "locked":
the system drops it when the process ends however it ends (even SIGKILL), so there is never a
stale lock to clear by hand. Worker processes forked from the batch share it, so it also holds
while a worker is still finishing after its parent was killed.
"""

from __future__ import annotations

import os
from pathlib import Path

from ..errors import OutputError

_LOCK_FILE = ".planner-batch.lock"  # only where folders cannot be locked (Windows)


class FolderLock:
    """`with FolderLock(out):` or acquire()/release(); a second holder gets one clear error."""

    def __init__(self, folder: Path) -> None:
        self.folder = Path(folder)
        self._fd: int | None = None

    def acquire(self) -> "FolderLock":
        try:
            import fcntl
        except ImportError:  # Windows: an exclusive lock on a file in the folder
            self._fd = _lock_file_windows(self.folder)
            return self
        fd = os.open(self.folder, os.O_RDONLY)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(fd)
            raise OutputError(busy_message(self.folder)) from None
        except OSError:
            os.close(fd)  # a file system without locks (some network shares): run unlocked
            return self
        self._fd = fd
        return self

    def release(self) -> None:
        if self._fd is not None:
            os.close(self._fd)  # closing drops the lock
            self._fd = None

    def __enter__(self) -> "FolderLock":
        return self.acquire()

    def __exit__(self, *exc: object) -> None:
        self.release()


def busy_message(folder: Path) -> str:
    return (
        f"out: '{folder}' is in use by another 'planner batch' run; wait for it to finish, "
        "or print into another folder with --out"
    )


def _lock_file_windows(folder: Path) -> int:  # pragma: no cover - not reachable on POSIX
    import msvcrt

    fd = os.open(folder / _LOCK_FILE, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
    except OSError:
        os.close(fd)
        raise OutputError(busy_message(folder)) from None
    return fd
