"""Parsing untrusted JSON and YAML text into plain data, refusing what would silently mislead.

Hostile or careless files meet the parsers here, once for every reader: duplicate keys (the
last would win silently), YAML aliases (a 370-byte alias bomb expands to hundreds of MB when
quoted, and `&x [*x]` is a cycle), YAML 1.1 number forms (`010` is 8, `1:30` is 90),
5000-digit integers and nesting deep enough to exhaust the stack. Each is one ValueError line;
callers prefix it with the file's name.
"""

from __future__ import annotations

import json
import re
from typing import Any

MAX_DEPTH = 64  # no real profile, plan or library nests deeper than ~8
MAX_DIGITS = 30  # no field holds a number longer than this; int("9"*5000) is refused by Python anyway
CUT = 80


def quote(value: Any, limit: int = CUT) -> str:
    """A value as an error message shows it: cut to `limit` characters, and never serialised
    whole (a container is described, not dumped), so quoting costs O(limit) whatever it holds."""
    if isinstance(value, bool) or value is None:
        return json.dumps(value)
    if isinstance(value, int):
        # str() of a 5000-digit int is refused by Python (and slow): measure it instead.
        if value.bit_length() > 3 * limit:
            return f"a {'negative ' if value < 0 else ''}number of about {int(value.bit_length() * 0.30103)} digits"
        text = str(value)
    elif isinstance(value, float):
        text = repr(value)
    elif isinstance(value, str):
        text = repr(value[: limit + 1])
    elif isinstance(value, dict):
        return f"an object of {len(value)} key{'s' if len(value) != 1 else ''}"
    elif isinstance(value, (list, tuple)):
        return f"a list of {len(value)} item{'s' if len(value) != 1 else ''}"
    else:
        text = repr(value)[: limit + 1]
    return text if len(text) <= limit else text[: limit - 1] + "…"


def cut(text: str, limit: int = 240) -> str:
    """A message part from a third party (a parser, a validator) cut to one short line."""
    line = " ".join(str(text).split())
    return line if len(line) <= limit else line[: limit - 1] + "…"


def _pairs(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in pairs:
        if key in out:
            raise ValueError(f"key {quote(key)} appears twice; give each key once")
        out[key] = value
    return out


def _parse_int(text: str) -> int:
    if len(text.lstrip("-")) > MAX_DIGITS:
        raise ValueError(f"a number of {len(text.lstrip('-'))} digits; allowed: at most {MAX_DIGITS} digits")
    return int(text)


def _parse_constant(text: str) -> Any:
    raise ValueError(f"{text} is not a number; allowed: finite numbers")


def _depth(value: Any, limit: int = MAX_DEPTH) -> None:
    """Iterative (never recursive) check that nesting stays under `limit`."""
    stack = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if depth > limit:
            raise ValueError(f"nested more than {limit} levels deep; allowed: at most {limit}")
        if isinstance(item, dict):
            stack.extend((v, depth + 1) for v in item.values())
        elif isinstance(item, list):
            stack.extend((v, depth + 1) for v in item)


_OPENERS = re.compile(r"[\[{]")


def loads_json(text: str) -> Any:
    """json.loads with duplicate keys, NaN/Infinity, huge integers and deep nesting refused.
    Depth is checked on the raw text first, so the recursive decoder never nears the stack limit."""
    depth = 0
    worst = 0
    in_string = False
    escape = False
    for ch in text:  # a small scanner: brackets inside strings do not count
        if in_string:
            if escape:
                escape = False
            elif ch == "\\":
                escape = True
            elif ch == '"':
                in_string = False
        elif ch == '"':
            in_string = True
        elif ch in "[{":
            depth += 1
            if depth > worst:
                worst = depth
                if worst > MAX_DEPTH:
                    raise ValueError(f"nested more than {MAX_DEPTH} levels deep; allowed: at most {MAX_DEPTH}")
        elif ch in "]}":
            depth -= 1
    return json.loads(
        text, object_pairs_hook=_pairs, parse_int=_parse_int, parse_constant=_parse_constant
    )


def loads_yaml(text: str) -> Any:
    """yaml.safe_load with aliases, duplicate keys, YAML 1.1 octal/sexagesimal/yes-no forms
    and huge integers refused: what a person wrote is what the planner reads."""
    loader = _StrictLoader(text)
    try:
        data = loader.get_single_data()
    except RecursionError:
        raise ValueError(f"nested more than {MAX_DEPTH} levels deep; allowed: at most {MAX_DEPTH}") from None
    finally:
        loader.dispose()
    _depth(data)
    return data


def _build_loader() -> type:
    import yaml

    class StrictLoader(yaml.SafeLoader):
        """SafeLoader that refuses aliases and duplicate keys, and reads numbers as YAML 1.2."""

        def compose_node(self, parent: Any, index: Any) -> Any:  # type: ignore[override]
            if self.check_event(yaml.AliasEvent):
                event = self.peek_event()
                raise yaml.YAMLError(
                    f"line {event.start_mark.line + 1}: aliases (*name) are not allowed; write the value out"
                )
            return super().compose_node(parent, index)

        def construct_mapping(self, node: Any, deep: bool = False) -> Any:  # type: ignore[override]
            seen: set[Any] = set()
            for key_node, _ in node.value:
                key = key_node.value
                if key in seen:
                    raise yaml.YAMLError(
                        f"line {key_node.start_mark.line + 1}: key {quote(key)} appears twice; give each key once"
                    )
                seen.add(key)
            return super().construct_mapping(node, deep=deep)

    # Implicit resolvers as YAML 1.2 core: drop 1.1's octal 010, sexagesimal 1:30, yes/no/on/off.
    resolvers = {k: [r for r in v if r[0] not in ("tag:yaml.org,2002:int", "tag:yaml.org,2002:float",
                                                  "tag:yaml.org,2002:bool")]
                 for k, v in yaml.SafeLoader.yaml_implicit_resolvers.items()}
    StrictLoader.yaml_implicit_resolvers = resolvers
    # First (resolvers are tried in order): a plain scalar that YAML 1.1 would have read as a number in another base: refuse, do not guess.
    StrictLoader.add_implicit_resolver(
        "tag:planner:ambiguous-number",
        re.compile(r"^[-+]?(?:0[0-9_]+|0[xob][0-9a-fA-F_]+|[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?)$"),
        list("-+0123456789"))

    StrictLoader.add_implicit_resolver(
        "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF"))
    StrictLoader.add_implicit_resolver(
        "tag:yaml.org,2002:int", re.compile(r"^[-+]?(?:0|[1-9][0-9]*)$"), list("-+0123456789"))
    StrictLoader.add_implicit_resolver(
        "tag:yaml.org,2002:float",
        re.compile(r"^[-+]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][-+]?[0-9]+)?$"), list("-+0123456789."))
    def ambiguous(loader: Any, node: Any) -> Any:
        raise yaml.YAMLError(
            f"line {node.start_mark.line + 1}: {quote(node.value)} is an ambiguous number (YAML 1.1 reads "
            "010 as 8 and 1:30 as 90); write a plain decimal number, or quote it for text"
        )

    def big_int(loader: Any, node: Any) -> int:
        return _parse_int(node.value.replace("_", "").lstrip("+"))

    StrictLoader.add_constructor("tag:planner:ambiguous-number", ambiguous)
    StrictLoader.add_constructor("tag:yaml.org,2002:int", big_int)
    return StrictLoader


class _Lazy:
    cls: type | None = None


def _StrictLoader(text: str) -> Any:  # noqa: N802 - a factory shaped like the class it builds
    if _Lazy.cls is None:
        _Lazy.cls = _build_loader()
    return _Lazy.cls(text)
