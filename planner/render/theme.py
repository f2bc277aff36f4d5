"""Themes: how a handout looks and what it says, as data a coach can copy and edit.

A theme is a TOML or JSON file. Every word the reader sees lives in a text table: the shared
base table (``templates/text/<language>.toml``) that a theme may override key by key, so a
Spanish handout or a coach's own wording needs a data file, not a code change.
This module never imports reportlab: the CLI loads themes to validate ``--theme`` cheaply.
"""

from __future__ import annotations

import json
import re
import string
import tomllib
from functools import lru_cache
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from ..errors import ThemeError

PaperSize = Literal["a4", "letter"]
SectionName = Literal["cover", "calendar", "readiness", "weeks", "guide", "guidance"]
TextValue = str | list[str]

DEFAULT_THEME = "handout"
_HEX = re.compile(r"^#[0-9a-fA-F]{6}$")


def parse_colour(value: str) -> str:
    """Accept '#RRGGBB' or a CSS colour name; return '#rrggbb' so layout code has one form."""
    text = value.strip()
    if _HEX.match(text):
        return text.lower()
    from PIL import ImageColor  # the CSS name table; pillow comes with reportlab

    rgb = ImageColor.colormap.get(text.lower())
    if rgb is None:
        raise ValueError(f"'{value}' is not a colour; use #RRGGBB or a CSS colour name such as 'teal'")
    if isinstance(rgb, str):
        return rgb.lower()
    return "#{:02x}{:02x}{:02x}".format(*rgb[:3])


def to_grey(colour: str) -> str:
    """Print-saver themes turn a coach's accent into the grey of the same lightness."""
    r, g, b = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    y = round(0.299 * r + 0.587 * g + 0.114 * b)
    return f"#{y:02x}{y:02x}{y:02x}"


Colour = Annotated[str, AfterValidator(parse_colour)]


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Margins(_Model):
    top: float = Field(16, ge=5, le=60)
    right: float = Field(14, ge=5, le=60)
    bottom: float = Field(16, ge=5, le=60)
    left: float = Field(14, ge=5, le=60)

    @model_validator(mode="after")
    def _room_for_the_tables(self) -> "Margins":
        """The week tables need about 150 mm of an A4 or letter page's 210 mm width."""
        if self.left + self.right > 60:
            raise ValueError(
                f"left + right is {self.left + self.right:g} mm; at most 60 mm leaves room for the week tables"
            )
        return self


class Page(_Model):
    size: PaperSize = "a4"
    orientation: Literal["portrait", "landscape"] = "portrait"
    margins_mm: Margins = Margins()


class Fonts(_Model):
    """One family (regular and bold) from a pip font package, never from the system."""

    family: str = "Fira Sans"
    size: float = Field(9, ge=6, le=14)
    table_size: float = Field(8, ge=5, le=12)
    heading_size: float = Field(15, ge=8, le=30)
    title_size: float = Field(24, ge=10, le=48)


class Colours(_Model):
    accent: Colour = "#1f6f8b"
    text: Colour = "#222222"
    muted: Colour = "#6b6b6b"
    rule: Colour = "#b8c4c9"
    header_bg: Colour = "#e3eef2"
    shade: Colour = "#f4f8f9"
    light_week: Colour = "#9fd3c7"
    chart_bg: Colour = "#f7fafb"
    edited: Colour = "#b00020"


class GuidanceText(_Model):
    """A theme's words around one planner guidance section (the points come from the plan)."""

    title: Annotated[str, Field(max_length=120)] | None = None
    intro: Annotated[str, Field(max_length=500)] = ""
    extra_points: list[Annotated[str, Field(max_length=500)]] = Field(default_factory=list, max_length=12)


class Theme(_Model):
    name: Annotated[str, Field(max_length=80)]
    description: Annotated[str, Field(max_length=500)] = ""
    language: Annotated[str, Field(pattern=r"^[a-z]{2}(-[A-Z]{2})?$")] = "en"
    layout: Literal["handout", "log"] = "handout"
    page: Page = Page()
    fonts: Fonts = Fonts()
    colours: Colours = Colours()
    greyscale: bool = False
    chart_background: bool = True
    dense: bool = False
    week_starts_page: bool = True
    sections: list[SectionName] = Field(
        default_factory=lambda: ["cover", "calendar", "readiness", "weeks", "guide", "guidance"], min_length=1
    )
    guidance: dict[str, GuidanceText] = Field(default_factory=dict, max_length=20)
    text: dict[str, TextValue] = Field(default_factory=dict)

    @field_validator("sections")
    @classmethod
    def _unique(cls, value: list[str]) -> list[str]:
        if len(set(value)) != len(value):
            raise ValueError("lists a section twice")
        return value

    def t(self, key: str, **values: Any) -> str:
        """The reader-facing string for ``key``, with ``{placeholders}`` filled in."""
        raw = self.text[key]
        if isinstance(raw, list):
            raise TypeError(f"text '{key}' is a list")
        return raw.format(**values) if values else raw

    def lines(self, key: str) -> list[str]:
        raw = self.text[key]
        return [raw] if isinstance(raw, str) else list(raw)


def builtin_dir() -> Path:
    from .._resources import data_path

    return data_path("templates")


def builtin_names() -> list[str]:
    return sorted(p.stem for p in builtin_dir().glob("*.toml"))


def _read(path: Path) -> dict[str, Any]:
    """A theme file: a regular file of at most THEME_MAX_BYTES, parsed strictly (duplicate
    keys, deep nesting and NaN refused as in every other input)."""
    from ..errors import InputFileError
    from ..io.files import read_user_bytes
    from ..io.parsing import loads_json

    try:
        raw = read_user_bytes(path, f"theme '{path}'", max_bytes=THEME_MAX_BYTES)
    except InputFileError as exc:
        raise ThemeError(str(exc)) from None
    try:
        if path.suffix.lower() == ".json":
            data = loads_json(raw.decode("utf-8"))
        else:
            data = tomllib.loads(raw.decode("utf-8"))
    except RecursionError:
        raise ThemeError(f"theme '{path}' is nested too deeply") from None
    except (ValueError, UnicodeDecodeError) as exc:
        first = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise ThemeError(f"theme '{path}' is not valid {path.suffix[1:].upper() or 'TOML'}: {first}") from None
    if not isinstance(data, dict):
        raise ThemeError(f"theme '{path}' must hold a table of settings, not {type(data).__name__}")
    return data


@lru_cache(maxsize=8)
def _base_text(language: str) -> dict[str, TextValue]:
    path = builtin_dir() / "text" / f"{language}.toml"
    if not path.exists():
        available = ", ".join(sorted(p.stem for p in (builtin_dir() / "text").glob("*.toml")))
        raise ThemeError(f"theme language '{language}' has no text table; choose one of {available}")
    return dict(_read(path)["text"])


def _error_line(source: str, exc: ValidationError) -> str:
    err = exc.errors()[0]
    where = ".".join(str(p) for p in err["loc"]) or "theme"
    msg = err["msg"].removeprefix("Value error, ")
    value = err.get("input")
    shown = f" = {value!r:.80}" if isinstance(value, (str, int, float)) else ""
    return f"theme '{source}': {where}{shown}: {msg}"


def theme_from_data(data: dict[str, Any], source: str = "<data>") -> Theme:
    """Validate a theme and merge its text over the base text table of its language."""
    data = dict(data)
    data.setdefault("name", Path(source).stem)
    try:
        theme = Theme.model_validate(data)
    except ValidationError as exc:
        raise ThemeError(_error_line(source, exc)) from None
    base = _base_text(theme.language)
    unknown = sorted(set(theme.text) - set(base))
    if unknown:
        raise ThemeError(
            f"theme '{source}': text key '{unknown[0]}' is unknown; keys are those of templates/text/{theme.language}.toml"
        )
    for key, value in theme.text.items():
        if isinstance(value, list) != isinstance(base[key], list):
            kind = "a list of strings" if isinstance(base[key], list) else "a string"
            raise ThemeError(f"theme '{source}': text key '{key}' must be {kind}")
        problem = _text_problem(key, value, base[key])
        if problem:
            raise ThemeError(f"theme '{source}': text key '{key}': {problem}")
    return theme.model_copy(update={"text": {**base, **theme.text}})


def _placeholders(text: str) -> set[str]:
    """The {names} a string fills in; raises ValueError for a stray brace."""
    return {field for _, field, _, _ in string.Formatter().parse(text) if field is not None}


# A theme is a page of settings and words: the built-in ones are ~2-11 kB.
THEME_MAX_BYTES = 256 * 1024
# Words a theme may set: one string, or a list of strings, each printable in a layout cell.
TEXT_MAX_CHARS = 500
TEXT_MAX_ENTRIES = 40
# A placeholder's format: a small width or precision ("{n:>3}", "{x:.1f}"), never one that
# asks for 300 million spaces ("{n:>300000000}") or a precision Python refuses.
_SAFE_SPEC = re.compile(r"^(?:[<>^]?\d{1,2})?(?:\.\d[f]?)?$")

# Lists read by position (a weekday, a month, an effort level): their length is fixed.
FIXED_LENGTH_TEXT = frozenset({"weekdays", "months", "effort_scale", "effort_word"})


def _text_problem(key: str, value: TextValue, base: TextValue) -> str:
    """A coach's wording may change freely; the placeholders and list lengths may not, or the
    renderer would fail half-way through a handout."""
    entries = value if isinstance(value, list) else [value]
    if len(entries) > TEXT_MAX_ENTRIES:
        return f"has {len(entries)} entries; allowed: at most {TEXT_MAX_ENTRIES}"
    longest = max((len(str(e)) for e in entries), default=0)
    if longest > TEXT_MAX_CHARS:
        return f"has a text of {longest:,} characters; allowed: at most {TEXT_MAX_CHARS}"
    for entry in entries:
        try:
            specs = [spec for _, field, spec, _ in string.Formatter().parse(str(entry)) if field is not None and spec]
        except ValueError:
            specs = []  # a stray brace: named below with the placeholders
        bad_spec = next((spec for spec in specs if not _SAFE_SPEC.match(spec)), None)
        if bad_spec is not None:
            return (f"format ':{bad_spec[:20]}' is not allowed; allowed: a width of up to 2 digits"
                    " or one decimal place, e.g. {n:>3} or {x:.1f}")
    if isinstance(value, list) and isinstance(base, list):
        if len(value) != len(base) and key in FIXED_LENGTH_TEXT:
            return f"has {len(value)} entries; it needs {len(base)} (as in the built-in text)"
        if not value:
            return "is empty"
        # Each entry may use the placeholders of any entry of the built-in list.
        pairs = [(mine, "".join(base)) for mine in value]
    else:
        pairs = [(str(value), str(base))]
    for mine, theirs in pairs:
        try:
            used = _placeholders(mine)
        except ValueError as exc:
            return f"{exc} (write {{{{ and }}}} for literal braces)"
        allowed = _placeholders(theirs)
        bad = sorted(used - allowed)
        if bad:
            choices = ", ".join("{" + name + "}" for name in sorted(allowed)) or "none"
            return f"{{{bad[0]}}} is not a placeholder here; allowed: {choices}"
    return ""


def _load_path(path: Path) -> Theme:
    """Cached per file version: a batch reuses a theme, an edited theme file is read again."""
    stat = path.stat()
    return _load_version(path, stat.st_mtime_ns, stat.st_size)


@lru_cache(maxsize=16)
def _load_version(path: Path, mtime_ns: int, size: int) -> Theme:
    return theme_from_data(_read(path), str(path))


def load_theme(name_or_path: "str | Path | Theme | None" = None) -> Theme:
    """Find a built-in theme by name, or read a theme file; default ``handout``."""
    if isinstance(name_or_path, Theme):
        return name_or_path
    if name_or_path is None or name_or_path == "":
        name_or_path = DEFAULT_THEME
    text = str(name_or_path)
    builtin = builtin_dir() / f"{text}.toml"
    if not isinstance(name_or_path, Path) and "/" not in text and "\\" not in text and builtin.is_file():
        return _load_path(builtin)
    path = Path(text).expanduser()
    if path.suffix.lower() in (".toml", ".json") and path.is_file():
        return _load_path(path.resolve())
    raise ThemeError(
        f"theme '{text}' not found; choose one of {', '.join(builtin_names())}"
        " or a path to a .toml/.json file"
    )


def with_paper(theme: Theme, paper: str | None) -> Theme:
    """The theme on another paper size (``--paper``); checked here so the CLI can fail early."""
    if paper is None:
        return theme
    size = paper.strip().lower()
    if size not in ("a4", "letter"):
        raise ThemeError(f"paper '{paper}' is not supported; choose a4 or letter")
    return theme.model_copy(update={"page": theme.page.model_copy(update={"size": size})})
