"""`planner generate`: exit codes, one-line errors, nothing written on error, --force."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pypdf
import pytest

from conftest import assert_one_line_error
from planner.cli import app

BASE = ["generate", "--level", "beginner", "--activity", "running", "--weeks", "4", "--start-date", "2027-01-04"]


def test_writes_a_pdf_named_from_client_and_activity(runner, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, [*BASE, "--name", "Zoë Ødegård-Núñez"])
    assert result.exit_code == 0, result.output
    out = tmp_path / "zoë-ødegård-núñez-running-plan.pdf"
    assert out.exists()
    reader = pypdf.PdfReader(io.BytesIO(out.read_bytes()))
    text = "".join(page.extract_text() for page in reader.pages)
    assert "Zoë Ødegård-Núñez" in text
    assert len(reader.pages) >= 4
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


def test_json_output_follows_the_contract(runner, tmp_path: Path) -> None:
    out = tmp_path / "plan.json"
    result = runner.invoke(app, [*BASE, "--format", "json", "-o", str(out)])
    assert result.exit_code == 0, result.output
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["schema_version"] == "1.0"
    assert data["generator"]["name"] == "workout-planner" and data["generator"]["version"]
    assert data["profile"]["level"] == "beginner"
    week = data["weeks"][0]
    assert {"number", "kind", "load", "sessions"} <= week.keys()
    session = week["sessions"][0]
    assert {"date", "title", "minutes", "rpe", "load", "blocks", "hydration", "tips"} <= session.keys()
    assert [b["kind"] for b in session["blocks"]] == ["warmup", "main", "cooldown"]
    ids = {e["id"] for e in data["exercises"]}
    for block in session["blocks"]:
        assert block["minutes"] >= 1
        for item in block["items"]:
            assert item["exercise_id"] in ids


def test_same_command_gives_byte_identical_files(runner, tmp_path: Path) -> None:
    for fmt in ("pdf", "json"):
        a, b = tmp_path / f"a.{fmt}", tmp_path / f"b.{fmt}"
        assert runner.invoke(app, [*BASE, "-f", fmt, "-o", str(a)]).exit_code == 0
        assert runner.invoke(app, [*BASE, "-f", fmt, "-o", str(b)]).exit_code == 0
        assert a.read_bytes() == b.read_bytes()


def test_same_command_in_other_processes_gives_the_same_bytes(tmp_path: Path) -> None:
    """In one process a cache could hide a hash-ordered set: fresh interpreters with other hash
    seeds, time zones and locales must write the same JSON, calendar and device files."""
    import os
    import subprocess
    import sys

    outputs = []
    for i, (seed, tz, lang) in enumerate([("1", "UTC", "C.UTF-8"), ("2", "Pacific/Kiritimati", "de_DE.UTF-8")]):
        folder = tmp_path / str(i)
        (folder / "fit").mkdir(parents=True)
        env = {**os.environ, "PYTHONHASHSEED": seed, "TZ": tz, "LANG": lang, "LC_ALL": lang}
        subprocess.run([sys.executable, "-c", "from planner.cli import main; main()", *BASE,
                        "--name", "Zoë Ødegård-Núñez", "-f", "json", "-o", "plan.json", "--ics", "plan.ics",
                        "--export", "fit", "fit"],
                       cwd=folder, env=env, check=True, capture_output=True, timeout=300)
        outputs.append({str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()})
    assert {"plan.ics", "plan.json"} <= set(outputs[0])
    assert sum(name.endswith(".fit") for name in outputs[0]) >= 4 * 3  # a file per session
    assert outputs[0] == outputs[1]


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["--level", "expert", "--activity", "running"], "level: 'expert' is not allowed (allowed: one of beginner, intermediate, advanced)"),
        (["--level", "beginner", "--activity", "rowing"], "activity: 'rowing' is not allowed"),
        (["--level", "beginner", "--activity", "running", "--weeks", "60"], "weeks: 60 is not allowed (allowed: a number from 1 to 52)"),
        (["--level", "beginner", "--activity", "running", "--session-minutes", "5"], "session_minutes: 5 is not allowed (allowed: a number from 15 to 180)"),
        (["--level", "beginner", "--activity", "running", "--equipment", "dumbbells;laser"], "equipment.1: 'laser' is not allowed"),
        (["--level", "beginner", "--activity", "running", "--start-date", "2027-02-30"], "start_date: '2027-02-30' is not allowed"),
        (["--activity", "running"], "level: a value is required"),
        (["--level", "beginner", "--activity", "running", "--theme", "nope"], "theme"),
        (["--level", "beginner", "--activity", "running", "--accent", "notacolour"], "accent"),
    ],
)
def test_bad_input_is_one_line_exit_2_and_writes_nothing(runner, tmp_path: Path, args, expected) -> None:
    out = tmp_path / "out.pdf"
    result = runner.invoke(app, ["generate", *args, "-o", str(out)])
    assert result.exit_code == 2, result.output
    lines = [line for line in result.output.strip().splitlines() if line.strip()]
    assert len(lines) == 1, result.output
    assert lines[0].startswith("Error: ")
    assert expected in lines[0]
    assert "Traceback" not in result.output
    assert list(tmp_path.iterdir()) == []


def test_existing_file_is_kept_without_force(runner, tmp_path: Path) -> None:
    out = tmp_path / "plan.pdf"
    out.write_bytes(b"precious")
    result = runner.invoke(app, [*BASE, "-o", str(out)])
    assert result.exit_code == 2
    assert "already exists; use --force" in result.output
    assert out.read_bytes() == b"precious"
    result = runner.invoke(app, [*BASE, "-o", str(out), "--force"])
    assert result.exit_code == 0
    assert out.read_bytes().startswith(b"%PDF")


def test_profile_file_and_flag_precedence(runner, tmp_path: Path) -> None:
    profile = tmp_path / "p.toml"
    profile.write_text('name = "Ana"\nlevel = "advanced"\nactivity = "cycling"\nweeks = 3\n', encoding="utf-8")
    out = tmp_path / "p.json"
    result = runner.invoke(app, ["generate", "--profile", str(profile), "--weeks", "2", "-f", "json", "-o", str(out)])
    assert result.exit_code == 0, result.output
    data = json.loads(out.read_text())
    assert data["profile"]["name"] == "Ana" and data["profile"]["level"] == "advanced"
    assert len(data["weeks"]) == 2


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("p.json", '{"level": "beginner", "activity": "running", "days_per_week": 9}', "p.json: days_per_week: 9 is not allowed"),
        ("p.yaml", "level: beginner\nactivity: [running\n", "p.yaml' is not valid YAML"),
        ("p.toml", 'level = "beginner"\nactivty = "running"\n', "p.toml: activty: unknown field"),
        ("p.txt", "level=beginner", "allowed: .json, .yaml, .yml, .toml"),
        ("p.json", "[1, 2]", "must hold a mapping"),
    ],
)
def test_bad_profile_files_name_the_file_and_key(runner, tmp_path: Path, name, content, expected) -> None:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    result = runner.invoke(app, ["generate", "--profile", str(path), "-o", str(tmp_path / "o.pdf")])
    assert result.exit_code == 2
    assert expected in result.output
    assert not (tmp_path / "o.pdf").exists()


def test_missing_profile_file(runner, tmp_path: Path) -> None:
    result = runner.invoke(app, ["generate", "--profile", str(tmp_path / "none.json")])
    assert result.exit_code == 2
    assert "does not exist" in result.output


def test_schema_commands_print_json_schemas(runner) -> None:
    for which, key in (("profile", "level"), ("plan", "weeks"), ("theme", "sections")):
        result = runner.invoke(app, ["schema", which])
        assert result.exit_code == 0
        assert key in json.loads(result.output)["properties"]


def test_every_command_has_help(runner) -> None:
    result = runner.invoke(app, ["--help"])
    assert result.exit_code == 0
    for command in ("generate", "show", "render", "init", "batch", "schema", "exercises"):
        assert command in result.output
        sub = runner.invoke(app, [command, "--help"])
        assert sub.exit_code == 0 and "Usage" in sub.output


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("p.json", '{"name": "Плие Ана", "level": "intermediate", "activity": "swimming", "weeks": 5, "equipment": ["pool"]}'),
        ("p.yaml", "name: Плие Ана\nlevel: intermediate\nactivity: swimming\nweeks: 5\nequipment: [pool]\n"),
        ("p.yml", "name: Плие Ана\nlevel: intermediate\nactivity: swimming\nweeks: 5\nequipment: pool\n"),
        ("p.toml", 'name = "Плие Ана"\nlevel = "intermediate"\nactivity = "swimming"\nweeks = 5\nequipment = ["pool"]\n'),
    ],
)
def test_every_profile_format_reads_the_same(runner, tmp_path: Path, name: str, content: str) -> None:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    out = tmp_path / "plan.json"
    result = runner.invoke(app, ["generate", "--profile", str(path), "--start-date", "2027-05-03",
                                 "--equipment", "pool;foam roller", "-f", "json", "-o", str(out)])
    assert result.exit_code == 0, result.output
    profile = json.loads(out.read_text(encoding="utf-8"))["profile"]
    assert profile["name"] == "Плие Ана"
    assert profile["weeks"] == 5 and profile["activity"] == "swimming"
    # A list flag replaces the file's list rather than merging into it.
    assert profile["equipment"] == ["foam roller", "pool"]
    assert profile["start_date"] == "2027-05-03"


@pytest.mark.parametrize(
    ("target", "expected"),
    [
        ("a-file/plan.json", "'a-file' is not a folder"),
        ("no-such-folder/plan.json", "'no-such-folder' does not exist"),
    ],
)
def test_unwritable_output_is_one_line_and_creates_nothing(runner, tmp_path: Path, monkeypatch, target, expected) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a-file").write_text("x")
    result = runner.invoke(app, [*BASE, "-f", "json", "-o", target])
    assert result.exit_code == 2
    assert result.output.startswith("Error: output: ") and expected in result.output
    assert "Traceback" not in result.output
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a-file"]


def test_a_calendar_path_that_cannot_be_used_is_refused_before_any_work(runner, tmp_path: Path) -> None:
    (tmp_path / "a-file").write_text("x")
    result = runner.invoke(app, [*BASE, "-o", str(tmp_path / "plan.pdf"), "--ics", str(tmp_path / "a-file" / "x.ics")])
    assert_one_line_error(result, "x.ics", "is not a folder")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a-file"]


def test_a_calendar_that_fails_while_writing_takes_the_pdf_back(runner, tmp_path: Path, monkeypatch) -> None:
    """The PDF is written first; when the calendar then fails (disk full), the PDF goes too."""
    from planner.errors import OutputError
    from planner.io import writers

    real = writers.write_atomic
    written: list[Path] = []

    def full_disk_for_ics(path: Path, data: bytes, *, force: bool = False) -> Path:
        if Path(path).suffix == ".ics":
            raise OutputError(f"output: cannot write '{path}': No space left on device")
        written.append(real(path, data, force=force))
        return written[-1]

    monkeypatch.setattr(writers, "write_atomic", full_disk_for_ics)
    result = runner.invoke(app, [*BASE, "-o", str(tmp_path / "plan.pdf"), "--ics", str(tmp_path / "plan.ics")])
    assert_one_line_error(result, "plan.ics", "No space left on device")
    assert written == [tmp_path / "plan.pdf"]  # the rollback had something to roll back
    assert list(tmp_path.iterdir()) == []


def test_unreadable_profile_files_are_one_line(runner, tmp_path: Path) -> None:
    latin1 = tmp_path / "p.json"
    latin1.write_bytes(b'{"name": "Zo\xeb", "level": "beginner", "activity": "running"}')
    result = runner.invoke(app, ["generate", "--profile", str(latin1), "-o", str(tmp_path / "o.pdf")])
    assert result.exit_code == 2
    assert result.output.startswith("Error: profile: ") and "is not UTF-8 text (byte 0xEB)" in result.output
    assert result.output.count("\n") == 1
    assert not (tmp_path / "o.pdf").exists()
