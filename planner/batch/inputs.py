"""What a handout is printed from, as a short content hash: the key `--resume` compares.

The key is the content (the row's profile after defaults, the shared settings, the library and
logo files, the planner version, the client's log), never a name or a file time: two rows that
swap places, or a roster saved again unchanged, are judged by what they say. Reading a shared
file costs one hash per batch, not one per row.
"""

from __future__ import annotations

import hashlib
import json
from functools import lru_cache
from pathlib import Path

from .._version import __version__
from ..models import Profile
from .tasks import RenderSettings

_DIGITS = 16  # 64 bits: a coach's roster never comes near a collision


def _short(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()[:_DIGITS]


@lru_cache(maxsize=16)
def _file_hash(path: str) -> str:
    try:
        with open(path, "rb") as handle:
            return _short(handle.read())
    except OSError:
        return "unreadable"


def settings_key(settings: RenderSettings) -> str:
    """Everything every row shares, once per batch."""
    coach = settings.coach
    data = {
        "version": __version__,
        "theme": settings.theme.model_dump(mode="json") if hasattr(settings.theme, "model_dump") else repr(settings.theme),
        "paper": settings.paper,
        "coach": coach.model_dump(mode="json") if coach is not None else None,
        "logo": _file_hash(str(coach.logo)) if coach is not None and coach.logo else None,
        "seed": settings.seed,
        "library": _file_hash(settings.library) if settings.library else None,
        "library_only": settings.library_only,
        "exports": list(settings.exports),
        "fillable": settings.fillable,
    }
    return json.dumps(data, sort_keys=True, ensure_ascii=False, default=str)


def input_hash(shared: str, profile: Profile) -> str:
    """The row's key: its validated profile (so `8` and ` 8 ` are the same row) plus the shared settings."""
    return _short((shared + "\n" + profile.model_dump_json()).encode("utf-8"))


def log_hash(path: Path) -> str:
    """The client's log as it is now: the same log twice is adapted once."""
    return _file_hash.__wrapped__(str(path))
