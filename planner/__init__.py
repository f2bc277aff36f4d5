"""workout-planner: safe, progressive training plans, printed as PDF handouts.

The library API is small on purpose: build a plan from a profile, render it, load a library.
Importing the package stays cheap: reportlab and typer load only when rendering or the CLI needs them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ._version import __version__
from .errors import PlannerError

if TYPE_CHECKING:
    from .library.catalog import ExerciseLibrary
    from .models import Plan, Profile


def __getattr__(name: str) -> Any:
    """Plan and Profile load on first use, so `import planner.cli` can set up first."""
    if name in ("Plan", "Profile"):
        from . import models

        return getattr(models, name)
    raise AttributeError(f"module 'planner' has no attribute {name!r}")

__all__ = [
    "Plan",
    "PlannerError",
    "Profile",
    "__version__",
    "build_plan",
    "load_library",
    "render_pdf",
]


def build_plan(profile: "Profile", library: "ExerciseLibrary | None" = None, seed: int = 0) -> "Plan":
    """Build a safe progressive plan; pure and deterministic for a given profile, library and seed."""
    from .engine.plan import build_plan as _build

    return _build(profile, library if library is not None else load_library(), seed=seed)


def load_library(path: Any = None) -> "ExerciseLibrary":
    """Load our exercises.json (default) or another library file, validating every entry."""
    from .io.libraries import load_library as _load

    return _load(path)


def render_pdf(plan: "Plan", theme: Any = None, **options: Any) -> bytes:
    """Render a plan as PDF bytes (reportlab loads here, not at import)."""
    from .render.pdf import render_pdf as _render

    return _render(plan, theme, **options)
