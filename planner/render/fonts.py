"""The one font family a handout embeds, found in its pip package, never on the system.

Imported only by ``pdf.py``: it registers TrueType fonts with reportlab.
"""

from __future__ import annotations

import importlib.util
import json
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

from ..errors import ThemeError


class FontFamily(NamedTuple):
    regular: str
    bold: str
    codepoints: frozenset[int]
    licence: Path | None


def _from_package(family: str) -> tuple[Path, Path, Path | None] | None:
    """Read the fontpkg-* package's metadata directly: cheaper than importing fontpkg itself."""
    module = "fontpkg_" + family.lower().replace(" ", "_").replace("-", "_")
    spec = importlib.util.find_spec(module)
    if spec is None or not spec.submodule_search_locations:
        return None
    root = Path(next(iter(spec.submodule_search_locations)))
    meta = json.loads((root / "metadata.json").read_text(encoding="utf-8"))
    by_weight = {
        f["weight"]: root / f["path"]
        for f in meta["files"]
        if f.get("style") == "normal" and not f.get("variable")
    }
    if 400 not in by_weight or 700 not in by_weight:
        return None
    licence = root / "LICENSE"
    return by_weight[400], by_weight[700], licence if licence.exists() else None


def font_files(family: str) -> tuple[Path, Path, Path | None]:
    found = _from_package(family)
    if found is not None:
        return found
    try:
        import fontpkg

        regular, bold = fontpkg.path(family, 400), fontpkg.path(family, 700)
    except Exception:  # fontpkg raises its own errors for unknown families or weights
        raise ThemeError(
            f"fonts.family '{family}' is not installed as static regular and bold TTFs; "
            "use 'Fira Sans' (package fontpkg-fira-sans)"
        ) from None
    return regular, bold, None


@lru_cache(maxsize=4)
def register_family(family: str) -> FontFamily:
    """Register regular and bold once per process; reportlab subsets and embeds them."""
    from reportlab.lib.fonts import addMapping
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    regular_path, bold_path, licence = font_files(family)
    regular, bold = f"{family}-Regular", f"{family}-Bold"
    try:
        reg_font = TTFont(regular, str(regular_path))
        pdfmetrics.registerFont(reg_font)
        pdfmetrics.registerFont(TTFont(bold, str(bold_path)))
    except Exception as exc:  # a broken or variable font file
        raise ThemeError(f"fonts.family '{family}' cannot be embedded: {exc}") from None
    addMapping(family, 0, 0, regular)
    addMapping(family, 1, 0, bold)
    addMapping(family, 0, 1, regular)
    addMapping(family, 1, 1, bold)
    return FontFamily(
        regular=regular,
        bold=bold,
        codepoints=frozenset(reg_font.face.charToGlyph),
        licence=licence,
    )


def missing_characters(text: str, codepoints: frozenset[int]) -> list[str]:
    """Characters the font cannot draw; line breaks and tabs are layout, not glyphs."""
    return list(dict.fromkeys(ch for ch in text if ord(ch) not in codepoints and ch not in "\n\t\r"))
