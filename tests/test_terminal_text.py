"""Terminal injection, ICS text, theme formats and caps (issue 15): each class a case."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import zoe_plan
from planner.cli import app as APP
from planner.cli._terminal import terminal_safe

runner = CliRunner()
HOSTILE = "Walk\x1b]52;c;ZXZpbA==\x07 \x1b]0;owned\x07\r\u202eexe.jpg"


def test_terminal_safe_escapes_controls_and_keeps_text() -> None:
    assert terminal_safe("Zoë Ødegård-Núñez, plié squat\n\tok") == "Zoë Ødegård-Núñez, plié squat\n\tok"
    out = terminal_safe(HOSTILE)
    assert "\x1b" not in out and "\r" not in out and "\u202e" not in out and "\x07" not in out
    assert "\\x1b" in out and "\\u202e" in out


def test_show_prints_no_control_characters_from_a_plan(tmp_path: Path) -> None:
    data = json.loads(zoe_plan(1).model_dump_json())
    data["weeks"][0]["sessions"][0]["title"] = HOSTILE
    data["weeks"][0]["sessions"][0]["tips"] = ["[link=https://evil.example]click[/link]"]
    path = tmp_path / "plan.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    result = runner.invoke(APP, ["show", str(path), "--week", "1"])
    assert result.exit_code == 0, result.output
    assert "\x1b" not in result.stdout and "\u202e" not in result.stdout
    assert "\\x1b]52" in result.stdout
    assert "[link=https://evil.example]click[/link]" in result.stdout  # shown as text, not a link


def test_names_with_line_breaks_or_bidi_are_refused_for_every_format(tmp_path: Path) -> None:
    for name in ("Zoë\nX", "Zoë\u202eX", "Zoë\u2028X"):
        for fmt in ("ics", "json"):
            result = runner.invoke(APP, ["generate", "--level", "beginner", "--activity", "running", "--weeks", "1",
                                         "--name", name, "-f", fmt, "-o", str(tmp_path / f"p.{fmt}")])
            assert result.exit_code == 2, result.output
            assert result.stderr.startswith("Error: name: ") and result.stderr.count("\n") == 1
            assert not (tmp_path / f"p.{fmt}").exists()


def test_ics_escapes_hand_edited_titles() -> None:
    from planner.export.ics import plan_to_ics

    plan = zoe_plan(1)
    week = plan.weeks[0]
    session = week.sessions[0].model_copy(update={"title": "Walk\nrun; a \u202e", "tips": ["a\r\nb"]})
    edited = plan.model_copy(update={"title": "T\nx", "weeks": [week.model_copy(update={"sessions": [session, *week.sessions[1:]]})]})
    text = plan_to_ics(edited).decode("utf-8")
    assert "SUMMARY:Walk run\\; a" in text and "\u202e" not in text
    assert "X-WR-CALNAME:T x" in text


@pytest.mark.parametrize("line,words", [
    ('unit_min = "{n:>300000000} min"', ["unit_min", "format"]),
    ('unit_min = "{n:.99999f} min"', ["unit_min", "format"]),
    ('unit_min = "' + "x" * 600 + '"', ["unit_min", "600 characters"]),
])
def test_theme_formats_and_text_sizes_are_capped(tmp_path: Path, line: str, words: list[str]) -> None:
    theme = tmp_path / "t.toml"
    theme.write_text(f'name = "t"\n[text]\n{line}\n', encoding="utf-8")
    result = runner.invoke(APP, ["generate", "--level", "beginner", "--activity", "running", "--weeks", "1",
                                 "--theme", str(theme), "-o", str(tmp_path / "p.pdf")])
    assert result.exit_code == 2, result.output
    for word in words:
        assert word in result.stderr
    assert not (tmp_path / "p.pdf").exists()


def test_plan_text_caps_refuse_a_10000_character_title(tmp_path: Path) -> None:
    data = json.loads(zoe_plan(1).model_dump_json())
    data["weeks"][0]["sessions"][0]["title"] = "Zoëpliésquat" * 834
    path = tmp_path / "plan.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    result = runner.invoke(APP, ["render", str(path), "-o", str(tmp_path / "p.pdf")])
    assert result.exit_code == 2
    assert "weeks.0.sessions.0.title" in result.stderr and result.stderr.count("\n") == 1
