"""write_atomic when the write fails part-way: the error is one line and no temp file is left."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from planner.errors import OutputError, OutputExistsError
from planner.io.writers import write_atomic


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


def test_a_write_that_fails_leaves_no_temp_file(tmp_path: Path, monkeypatch) -> None:
    def full_disk(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", full_disk)
    with pytest.raises(OutputError, match=r"cannot write '.*plan\.pdf': No space left on device"):
        write_atomic(tmp_path / "plan.pdf", b"%PDF-1.7 whole")
    assert list(tmp_path.iterdir()) == []


def test_losing_the_race_to_another_writer_leaves_their_file_and_no_temp(tmp_path: Path, monkeypatch) -> None:
    target = tmp_path / "plan.pdf"
    real_link = os.link

    def another_writer_first(src, dst, *args, **kwargs):
        Path(dst).write_bytes(b"theirs")  # appears between the check and the final link
        return real_link(src, dst, *args, **kwargs)

    monkeypatch.setattr(os, "link", another_writer_first)
    with pytest.raises(OutputExistsError, match="already exists; use --force"):
        write_atomic(target, b"ours")
    assert target.read_bytes() == b"theirs"
    assert leftovers(tmp_path) == []


def test_a_forced_write_replaces_the_file_whole_and_leaves_no_temp(tmp_path: Path) -> None:
    target = tmp_path / "plan.pdf"
    target.write_bytes(b"old")
    write_atomic(target, b"new", force=True)
    assert target.read_bytes() == b"new" and leftovers(tmp_path) == []
