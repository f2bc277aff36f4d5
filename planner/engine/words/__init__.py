"""Every sentence the planner writes, read from data (`en.toml`) rather than spread through code.

Spanish handouts are on the roadmap: a second language is a second file with the same keys.
Reading a file shipped inside the package is as pure as importing a constant, and it is cached.
"""

from __future__ import annotations

import tomllib
from functools import lru_cache
from importlib import resources
from typing import Any

DEFAULT_LANGUAGE = "en"


@lru_cache(maxsize=4)
def words(language: str = DEFAULT_LANGUAGE) -> dict[str, Any]:
    text = resources.files(__package__).joinpath(f"{language}.toml").read_text(encoding="utf-8")
    return tomllib.loads(text)


def lookup(key: str, language: str = DEFAULT_LANGUAGE) -> Any:
    """A dotted key ("tips.easy"); a missing key is a bug in the word file, so it raises."""
    node: Any = words(language)
    for part in key.split("."):
        node = node[part]
    return node


def say(key: str, /, **values: Any) -> str:
    return str(lookup(key)).format(**values)
