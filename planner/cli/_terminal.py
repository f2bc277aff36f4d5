"""Text on its way to a terminal: no control sequence from a plan, a library or a path gets there.

An exercise name holding ESC ] 52 writes the clipboard, ESC ] 0 sets the window title, CR
rewrites the line before it, and a bidi override (U+202E) shows "gpj.exe" as "exe.jpg". Every
message the CLI prints and every string `show` or `exercises show` displays passes here: such
characters become visible escapes (`\\x1b`, `\\u202e`), everything else (any script, emoji,
joiners) is kept. Newlines and tabs stay: they are layout, not commands.
"""

from __future__ import annotations

import re
from typing import Any

# C0 and C1 controls but newline and tab, DEL, the bidi embeddings, overrides and isolates,
# the implicit marks, and the line and paragraph separators some terminals treat as newlines.
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def terminal_safe(text: str) -> str:
    """`text` with every terminal control character shown as an escape (linear time)."""
    return _UNSAFE.sub(_escape, text)


def safe_data(value: Any) -> Any:
    """terminal_safe on every string inside plain data (dicts, lists, tuples), keys included."""
    if isinstance(value, str):
        return terminal_safe(value)
    if isinstance(value, dict):
        return {safe_data(k): safe_data(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return type(value)(safe_data(v) for v in value)
    return value


def safe_model(model: Any) -> Any:
    """A pydantic model (a plan, an exercise) with its text made terminal-safe; the same
    object when nothing needed it, so the common case costs one scan and no validation."""
    data = model.model_dump(mode="python")
    cleaned = safe_data(data)
    if cleaned == data:
        return model
    return type(model).model_validate(cleaned)
