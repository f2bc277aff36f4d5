"""`planner batch --export`: each client's device files beside the handout, all or none per row."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from planner.cli import app

runner = CliRunner()
ROSTER = (
    "name,level,activity,weeks,days_per_week,start_date\n"
    "Zoë Ødegård-Núñez,beginner,cycling,2,3,2027-01-04\n"
    "Marcus Lee,beginner,running,2,2,2027-01-04\n"
)


def _run(tmp_path, *extra):
    roster = tmp_path / "clients.csv"
    roster.write_text(ROSTER, encoding="utf-8")
    return runner.invoke(app, ["batch", str(roster), "-o", str(tmp_path / "out"), "-j", "1", *extra])


def test_each_client_gets_a_folder_of_device_files_zwift_for_cyclists_only(tmp_path):
    result = _run(tmp_path, "--export", "fit,zwo")
    assert result.exit_code == 0, result.output
    out = tmp_path / "out"
    zoe, marcus = out / "zoë-ødegård-núñez", out / "marcus-lee"
    assert len(list(zoe.glob("*.fit"))) == len(list(zoe.glob("*.zwo"))) == 6
    assert len(list(marcus.glob("*.fit"))) == 4 and list(marcus.glob("*.zwo")) == []
    assert all(p.read_bytes()[8:12] == b".FIT" for p in zoe.glob("*.fit"))


def test_a_rerun_keeps_the_files_and_reports_them_as_existing(tmp_path):
    assert _run(tmp_path, "--export", "fit").exit_code == 0
    before = {p: p.read_bytes() for p in (tmp_path / "out").rglob("*.fit")}
    second = _run(tmp_path, "--export", "fit")
    assert second.exit_code == 0
    report = (tmp_path / "out" / "report.csv").read_text(encoding="utf-8")
    assert report.count(",exists,") == 2
    assert {p: p.read_bytes() for p in (tmp_path / "out").rglob("*.fit")} == before


def test_an_unknown_format_is_refused_before_any_row_is_printed(tmp_path):
    result = _run(tmp_path, "--export", "gpx")
    assert result.exit_code == 2
    assert "--export: 'gpx' is not a device format; allowed: fit, zwo" in result.stderr
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())


def test_without_export_no_folders_appear(tmp_path):
    assert _run(tmp_path).exit_code == 0
    assert sorted(p.name for p in (tmp_path / "out").iterdir() if p.is_dir()) == []
    assert json.dumps(sorted(p.suffix for p in (tmp_path / "out").iterdir())) == '[".csv", ".json", ".json", ".pdf", ".pdf"]'  # report, plans, handouts
