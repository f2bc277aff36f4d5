"""A stdout that cannot be written: a closed pipe stops quietly, a full device says so in one line."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

RUN = [sys.executable, "-c", "from planner.cli import main; main()"]


def _run(args: list[str], stdout: int) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        RUN + args, stdout=stdout, stderr=subprocess.PIPE, text=True, timeout=120, check=False
    )


@pytest.mark.parametrize("args", [["schema", "plan"], ["exercises", "list"]])
def test_closed_pipe_exits_quietly(args: list[str]) -> None:
    read_end, write_end = os.pipe()
    os.close(read_end)  # the reader is gone before the first byte, like `| head -0`
    try:
        done = _run(args, write_end)
    finally:
        os.close(write_end)
    assert done.returncode == 1
    assert done.stderr == ""


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="/dev/full exists on Linux only")
@pytest.mark.parametrize("args", [["schema", "plan"], ["schema", "profile"], ["exercises", "list"]])
def test_full_device_gives_one_line(args: list[str]) -> None:
    with open("/dev/full", "w") as full:
        done = _run(args, full.fileno())
    assert done.returncode in (1, 2)
    lines = done.stderr.splitlines()
    assert lines == ["Error: cannot write the output: No space left on device"]


def test_user_errors_treats_broken_pipe_as_quiet_exit(capsys: pytest.CaptureFixture[str]) -> None:
    import typer

    from planner.cli._common import user_errors

    with pytest.raises(typer.Exit) as stopped, user_errors():
        raise BrokenPipeError(32, "Broken pipe")
    assert stopped.value.exit_code == 1
    assert capsys.readouterr().err == ""  # not the OSError branch's "Error: Broken pipe"
