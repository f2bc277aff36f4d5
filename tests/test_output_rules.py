"""Every command that writes a file follows the same output rules (issue 15, "Outputs"):
only a regular file or a new path is replaced (never a device or a FIFO, even with --force),
never one of the command's own inputs, and the name's suffix matches what is written.
Each case checks the exit code 2, the one line naming the file, and that nothing changed."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import zoe_plan
from planner.cli import app as APP

runner = CliRunner()


@pytest.fixture()
def plan_path(tmp_path: Path) -> Path:
    path = tmp_path / "plan.json"
    path.write_text(zoe_plan(2).model_dump_json(indent=2), encoding="utf-8")
    return path


@pytest.fixture()
def log_path(plan_path: Path) -> Path:
    path = plan_path.parent / "log.csv"
    result = runner.invoke(APP, ["log", str(plan_path), "-o", str(path)])
    assert result.exit_code == 0, result.output
    return path


def _refused(args: list[str], *names: str) -> str:
    result = runner.invoke(APP, args)
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert result.exit_code == 2, result.output
    lines = [line for line in result.output.splitlines() if line.strip()]
    errors = [line for line in lines if line.startswith("Error: ")]
    assert len(errors) == 1, result.output
    for name in names:
        assert name in errors[0], (name, errors[0])
    return errors[0]


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file()}


CASES = {
    # command -> (args with {plan} {log} {fifo} placeholders, words the error names)
    "log to a FIFO": (["log", "{plan}", "-o", "{fifo}.csv", "--force"], ["regular file"]),
    "log over its plan": (["log", "{plan}", "-o", "{plan}", "--force"], ["plan.json", "input"]),
    "log as .pdf": (["log", "{plan}", "-o", "{dir}/sheet.pdf"], ["sheet.pdf", ".csv"]),
    "log to /dev/null": (["log", "{plan}", "-o", "/dev/null", "--force"], ["/dev/null"]),
    "adapt over its plan": (["adapt", "{plan}", "{log}", "-o", "{plan}", "--force"], ["plan.json", "input"]),
    "adapt over its log": (["adapt", "{plan}", "{log}", "-o", "{log}", "--force"], ["log.csv"]),
    "adapt as .csv": (["adapt", "{plan}", "{log}", "-o", "{dir}/next.csv"], ["next.csv", ".json"]),
    "adapt to a FIFO": (["adapt", "{plan}", "{log}", "-o", "{fifo}.json", "--force"], ["regular file"]),
    "init to a FIFO": (["init", "-o", "{fifo}.toml", "--force"], ["regular file"]),
    "init to /dev/null": (["init", "-o", "/dev/null", "--force"], ["/dev/null"]),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_writing_commands_refuse_unsafe_outputs(case: str, plan_path: Path, log_path: Path) -> None:
    folder = plan_path.parent
    fifo = folder / "pipe"
    args, names = CASES[case]
    for suffix in (".csv", ".json", ".toml"):
        os.mkfifo(f"{fifo}{suffix}")
    subs = {"{plan}": str(plan_path), "{log}": str(log_path), "{fifo}": str(fifo), "{dir}": str(folder)}
    for key, value in subs.items():
        args = [a.replace(key, value) for a in args]
    before = _snapshot(folder)
    _refused(args, *names)
    assert _snapshot(folder) == before
    assert Path("/dev/null").is_char_device()
    assert all(Path(f"{fifo}{s}").is_fifo() for s in (".csv", ".json", ".toml"))


def test_export_refuses_a_fifo_and_its_own_plan_among_the_session_files(tmp_path: Path) -> None:
    plan = zoe_plan(1)
    first = plan.weeks[0].sessions[0]
    from planner.io.writers import safe_stem

    name = f"{first.date.isoformat()}-{safe_stem(first.title, fallback='session')}.fit"
    out = tmp_path / "watch"
    out.mkdir()
    os.mkfifo(out / name)
    source = tmp_path / "plan.json"
    source.write_text(plan.model_dump_json(indent=2), encoding="utf-8")
    _refused(["export", str(source), "-f", "fit", "-o", str(out), "--force"], name, "regular file")
    assert [p.name for p in out.iterdir()] == [name]
    # The plan file itself sits where a session file would go: it is an input, never replaced.
    (out / name).unlink()
    inside = out / name
    inside.write_text(plan.model_dump_json(indent=2), encoding="utf-8")
    original = inside.read_bytes()
    _refused(["export", str(inside), "-f", "fit", "-o", str(out), "--force"], name, "input")
    assert inside.read_bytes() == original and [p.name for p in out.iterdir()] == [name]


def test_generate_export_folder_refuses_a_fifo(tmp_path: Path) -> None:
    out = tmp_path / "watch"
    out.mkdir()
    plan = zoe_plan(1)
    first = plan.weeks[0].sessions[0]
    from planner.io.writers import safe_stem

    fifo = out / f"{first.date.isoformat()}-{safe_stem(first.title, fallback='session')}.fit"
    os.mkfifo(fifo)
    _refused(["generate", "--level", "beginner", "--activity", "running", "--weeks", "1",
              "--start-date", plan.profile.start_date.isoformat(), "--name", plan.profile.name,
              "-f", "json", "-o", str(tmp_path / "p.json"), "--export", "fit", str(out), "--force"],
             fifo.name, "regular file")
    assert not (tmp_path / "p.json").exists() and fifo.is_fifo()


def test_just_inside_every_rule_a_regular_file_is_replaced_with_force(plan_path: Path, log_path: Path) -> None:
    folder = plan_path.parent
    for args, target in (
        (["log", str(plan_path), "-o", str(folder / "old.csv"), "--force"], folder / "old.csv"),
        (["adapt", str(plan_path), str(log_path), "-o", str(folder / "old.json"), "--force"], folder / "old.json"),
    ):
        target.write_bytes(b"old")
        result = runner.invoke(APP, args)
        assert result.exit_code == 0, result.output
        assert target.read_bytes() != b"old"
    # Suffixes are compared without case: LOG.CSV is a CSV name.
    result = runner.invoke(APP, ["log", str(plan_path), "-o", str(folder / "LOG.CSV")])
    assert result.exit_code == 0, result.output


def test_check_target_suffix_and_inputs_unit(tmp_path: Path) -> None:
    from planner.errors import OutputError
    from planner.io.writers import check_target, write_atomic

    source = tmp_path / "in.json"
    source.write_text("{}", encoding="utf-8")
    with pytest.raises(OutputError, match=r"ends in \.json but holds CSV"):
        check_target(tmp_path / "x.json", suffix=".csv")
    with pytest.raises(OutputError, match=r"\.yaml or \.yml"):
        check_target(tmp_path / "x.txt", suffix=(".yaml", ".yml"))
    with pytest.raises(OutputError, match="also an input"):
        write_atomic(tmp_path / "sub" / ".." / "in.json", b"x", force=True, inputs=[None, source])
    assert source.read_text(encoding="utf-8") == "{}"
    assert not list(tmp_path.glob(".*.tmp"))
    check_target(tmp_path / "x.yml", suffix=(".yaml", ".yml"))  # just inside: no error
    long_name = "a" * 3000 + ".pdf"
    with pytest.raises(OutputError) as info:
        check_target(tmp_path / long_name, suffix=".csv")
    assert len(str(info.value)) < 300
