from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from planner.errors import OutputExistsError
from planner.io.writers import default_output_name, safe_stem, write_atomic


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Zoë Ødegård-Núñez", "zoë-ødegård-núñez"),
        ("../../etc/passwd", "etc-passwd"),
        ("<b>Max & Co</b>", "b-max-&-co-b"),
        ("CON", "plan-con"),
        ("...", "plan"),
        ("Плие", "плие"),
    ],
)
def test_safe_stem(text: str, expected: str) -> None:
    assert safe_stem(text) == expected


@given(st.text(max_size=300))
def test_safe_stem_is_always_a_plain_file_name(text: str) -> None:
    stem = safe_stem(text)
    assert stem and len(stem) <= 60
    assert "/" not in stem and "\\" not in stem and not stem.startswith(".")
    assert all(ord(c) >= 32 for c in stem)
    assert Path(stem).name == stem


def test_default_output_name() -> None:
    assert default_output_name("Zoë", "running", ".pdf") == "zoë-running-plan.pdf"


def test_write_atomic_never_overwrites_without_force(tmp_path: Path) -> None:
    target = tmp_path / "a.pdf"
    write_atomic(target, b"one")
    with pytest.raises(OutputExistsError, match="already exists"):
        write_atomic(target, b"two")
    assert target.read_bytes() == b"one"
    write_atomic(target, b"three", force=True)
    assert target.read_bytes() == b"three"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.pdf"]
