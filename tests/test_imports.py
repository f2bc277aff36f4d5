"""`import planner` stays cheap: no reportlab, no typer until they are needed."""

from __future__ import annotations

import subprocess
import sys


def _modules_after(code: str) -> set[str]:
    out = subprocess.run(
        [sys.executable, "-c", f"{code}\nimport sys\nprint('\\n'.join(sys.modules))"],
        capture_output=True, text=True, check=True,
    ).stdout
    return set(out.split())


def test_import_planner_pulls_in_neither_reportlab_nor_typer() -> None:
    mods = _modules_after("import planner")
    assert not any(m.startswith("reportlab") for m in mods)
    assert not any(m.startswith(("typer", "click")) for m in mods)


def test_building_a_plan_does_not_load_reportlab() -> None:
    mods = _modules_after(
        "import planner\nplanner.build_plan(planner.Profile(level='beginner', activity='walking', weeks=1))"
    )
    assert not any(m.startswith("reportlab") for m in mods)


def test_python_dash_m_planner_works() -> None:
    out = subprocess.run([sys.executable, "-m", "planner", "--help"], capture_output=True, text=True)
    assert out.returncode == 0 and "generate" in out.stdout


def test_help_loads_no_models_and_no_reportlab() -> None:
    code = (
        "import sys\nfrom typer.testing import CliRunner\nfrom planner.cli import app\n"
        "assert CliRunner().invoke(app, ['--help']).exit_code == 0\n"
        "print('\\n'.join(sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    mods = set(out.split())
    assert "planner.models" not in mods
    assert not any(m.startswith("reportlab") for m in mods)
