"""Coach branding: name, contact, logo and accent colour, checked before anything is drawn.

A bad logo or colour must be a one-line error naming the field, never a PDF that breaks
half-way through. No reportlab here (the CLI validates flags cheaply); pillow, which reportlab
reads images through, checks the logo.
"""

from __future__ import annotations

import json
import tomllib
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from ..errors import ThemeError
from ..models import Coach
from .theme import parse_colour

LOGO_MAX_BYTES = 5 * 1024 * 1024
LOGO_MAX_PIXELS = 4096
LOGO_FORMATS = {"PNG", "JPEG"}


def _fail(field: str, value: object, allowed: str) -> ThemeError:
    return ThemeError(f"coach {field} {str(value)!r} {allowed}")


def _check_logo(logo: str) -> str:
    path = Path(logo).expanduser()
    if not path.is_file():
        raise _fail("logo", logo, "is not a file; give a PNG or JPEG image")
    size = path.stat().st_size
    if size > LOGO_MAX_BYTES:
        raise _fail("logo", logo, f"is {size // 1024} KB; the limit is {LOGO_MAX_BYTES // (1024 * 1024)} MB")
    from PIL import Image, UnidentifiedImageError

    try:
        with Image.open(path) as img:
            fmt = img.format
            width, height = img.size
            img.verify()
        with Image.open(path) as img:
            img.load()  # verify() skips the pixel data; a truncated file fails only here
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as exc:
        reason = "is not an image" if isinstance(exc, UnidentifiedImageError) else "is damaged"
        raise _fail("logo", logo, f"{reason}; give a PNG or JPEG image") from None
    except Image.DecompressionBombError:
        raise _fail("logo", logo, f"is too large; at most {LOGO_MAX_PIXELS} px a side") from None
    if fmt not in LOGO_FORMATS:
        raise _fail("logo", logo, f"is a {fmt} image; give a PNG or JPEG image")
    if max(width, height) > LOGO_MAX_PIXELS:
        raise _fail("logo", logo, f"is {width}x{height} px; at most {LOGO_MAX_PIXELS} px a side")
    return str(path.resolve())


# WCAG's minimum for large text: headings, chart bars and table heads are drawn in the accent.
MIN_CONTRAST = 3.0


def contrast_on_white(colour: str) -> float:
    """WCAG contrast ratio of '#rrggbb' against white paper."""
    def linear(channel: int) -> float:
        c = channel / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    lum = 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b)
    return 1.05 / (lum + 0.05)


def validate_coach(coach: Coach) -> Coach:
    """Return the coach with the logo as an absolute path and the accent as '#rrggbb'."""
    update: dict[str, Any] = {}
    if coach.accent is not None:
        try:
            update["accent"] = parse_colour(coach.accent)
        except ValueError:
            raise _fail("accent", coach.accent, "is not a colour; use #RRGGBB or a CSS colour name such as 'teal'") from None
        ratio = contrast_on_white(update["accent"])
        if ratio < MIN_CONTRAST:
            raise _fail(
                "accent", coach.accent,
                f"is too light for headings on white paper (contrast {ratio:.1f}:1, needs {MIN_CONTRAST:g}:1); "
                "choose a darker colour",
            )
    if coach.logo is not None:
        update["logo"] = _check_logo(coach.logo)
    return coach.model_copy(update=update) if update else coach


def load_coach(path: str | Path) -> Coach:
    """Read a coach file (JSON, TOML or YAML); a relative logo path is relative to the file."""
    path = Path(path)
    try:
        raw = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        reason = getattr(exc, "strerror", None) or "is not UTF-8 text"
        raise ThemeError(f"coach file '{path}' cannot be read: {reason}") from None
    suffix = path.suffix.lower()
    try:
        if suffix == ".json":
            data = json.loads(raw)
        elif suffix == ".toml":
            data = tomllib.loads(raw)
        elif suffix in (".yaml", ".yml"):
            import yaml

            data = yaml.safe_load(raw)
        else:
            raise ThemeError(f"coach file '{path}' must end in .json, .toml, .yaml or .yml")
    except ThemeError:
        raise
    except Exception as exc:  # each parser has its own error class
        first = (str(exc).splitlines() or [type(exc).__name__])[0]
        raise ThemeError(f"coach file '{path}' cannot be parsed: {first}") from None
    if not isinstance(data, dict):
        raise ThemeError(f"coach file '{path}' must hold name, contact, logo and accent as a table")
    if isinstance(data.get("logo"), str) and not Path(data["logo"]).expanduser().is_absolute():
        data["logo"] = str(path.parent / data["logo"])
    try:
        coach = Coach.model_validate(data)
    except ValidationError as exc:
        err = exc.errors()[0]
        where = ".".join(str(p) for p in err["loc"]) or "coach"
        raise ThemeError(f"coach file '{path}': {where}: {err['msg']}") from None
    return validate_coach(coach)
