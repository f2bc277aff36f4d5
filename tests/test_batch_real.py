"""The batch engine with the real planner and renderer on a few rows."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader

from conftest import read_report as report
from planner.batch.tasks import RenderSettings
from planner.batch.runner import run_batch
from planner.batch.roster import open_roster

HOSTILE = [
    "../../etc/passwd",
    "<b>Max & Co</b>",
    "Zoë/Ødegård\\Núñez",
    "Ἀλέξανδρος Παπαδόπουλος",
    "Дмитрий " + "Шостакович" * 8,
    "..",
]


@pytest.fixture(scope="module")
def roster_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("real")
    path = folder / "clients.json"
    import json

    clients = [
        {"name": name[:80], "level": "beginner", "activity": "walking", "weeks": 2, "days_per_week": 2,
         "start_date": "2026-01-05", "notes": f"Note for {name[:20]}"}
        for name in HOSTILE
    ]  # fmt: skip
    clients.append({"name": "Same Name", "level": "intermediate", "activity": "strength", "weeks": 2,
                    "equipment": "dumbbells;bench", "start_date": "2026-01-05"})  # fmt: skip
    clients.append({"name": "Same Name", "level": "beginner", "activity": "walking", "weeks": 2,
                    "start_date": "2026-01-05"})  # fmt: skip
    clients.append({"name": "李小龙", "level": "beginner", "activity": "walking", "weeks": 2,
                    "start_date": "2026-01-05"})  # fmt: skip
    path.write_text(json.dumps(clients, ensure_ascii=False), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def runs(roster_path: Path) -> dict[int, Path]:
    outs = {}
    for workers in (1, 2):
        out = roster_path.parent / f"out{workers}"
        run_batch(open_roster(roster_path), out, RenderSettings(), workers=workers, combined=out / "all.pdf")
        outs[workers] = out
    return outs


def pdfs(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.glob("*.pdf"))}


def test_workers_one_and_two_give_byte_identical_files(runs: dict[int, Path]) -> None:
    one, two = pdfs(runs[1]), pdfs(runs[2])
    assert one == two
    assert len(one) >= len(HOSTILE) + 2
    assert (runs[1] / "report.csv").read_bytes() == (runs[2] / "report.csv").read_bytes()


def test_hostile_names_print_inside_the_folder_and_literally(runs: dict[int, Path], roster_path: Path) -> None:
    out = runs[1]
    rows = report(out)
    assert len(rows) == len(HOSTILE) + 3
    for row in rows[: len(HOSTILE)]:
        assert row["status"] == "printed", row
        target = out / row["file"]
        assert target.resolve().parent == out.resolve()
    assert not (roster_path.parent / "etc").exists()
    assert {p.parent for p in roster_path.parent.rglob("*.pdf")} == {runs[1], runs[2]}
    markup = out / rows[1]["file"]
    assert "<b>Max & Co</b>" in PdfReader(markup).pages[0].extract_text()
    greek = out / rows[3]["file"]
    assert "Ἀλέξανδρος" in PdfReader(greek).pages[0].extract_text()
    assert len(rows[4]["file"].encode("utf-8")) <= 255


def test_duplicate_names_get_their_own_handouts(runs: dict[int, Path]) -> None:
    rows = report(runs[1])
    same = [r for r in rows if r["name"] == "Same Name"]
    assert [r["file"] for r in same] == ["same-name.pdf", "same-name-2.pdf"]
    first = PdfReader(runs[1] / "same-name.pdf").pages[0].extract_text().lower()
    second = PdfReader(runs[1] / "same-name-2.pdf").pages[0].extract_text().lower()
    assert "strength" in first and "walking" in second


def test_a_name_the_font_cannot_print_fails_alone(runs: dict[int, Path]) -> None:
    """The built-in font has no CJK glyphs: the row fails with the characters named (not black
    boxes on paper), the same with one or two workers, and every other row still prints."""
    for out in runs.values():
        rows = report(out)
        last = rows[-1]
        assert last["name"] == "李小龙"
        assert last["status"] == "failed" and last["file"] == ""
        assert last["error"].startswith("clients.json: row 9: name: ")
        assert "U+674E U+5C0F U+9F99" in last["error"]
        assert "\n" not in last["error"] and len(last["error"]) < 300
        assert [r["status"] for r in rows[:-1]] == ["printed"] * (len(rows) - 1)
        assert not [p for p in out.glob("*.pdf") if "李" in p.name]


def test_combined_pdf_bookmarks_every_client_in_row_order(runs: dict[int, Path]) -> None:
    reader = PdfReader(runs[1] / "all.pdf")
    titles = [item.title for item in reader.outline if not isinstance(item, list)]
    printed = [r["name"] for r in report(runs[1]) if r["status"] == "printed"]
    assert titles == printed
    nested = [item for item in reader.outline if isinstance(item, list)]
    assert nested, "each client's own bookmarks (weeks, sections) sit under the client"
    assert (runs[1] / "all.pdf").read_bytes() == (runs[2] / "all.pdf").read_bytes()
