"""Reading rosters: every format, every spreadsheet quirk, one-line errors with file, row and field."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from planner.errors import ProfileError, RosterError
from planner.models import Profile
from planner.batch.roster import (
    PROFILE_FIELDS,
    normalise_column,
    open_roster,
    parse_start_date,
    row_profile,
    template_csv,
)

ZOE = "Zoë Ødegård-Núñez"


def write(tmp_path: Path, name: str, content: str | bytes) -> Path:
    path = tmp_path / name
    if isinstance(content, str):
        content = content.encode("utf-8")
    path.write_bytes(content)
    return path


def profiles(path: Path) -> list[tuple[int, Profile]]:
    roster = open_roster(path)
    return [(row.number, row_profile(row, roster.source)) for row in roster.rows()]


BASIC = (
    "name,level,activity,equipment,focus,limitations,notes\n"
    f"{ZOE},beginner,running,none;mat,inner-thigh;cramp-prevention,,Easy does it\n"
    "Marcus Lee,intermediate,strength,dumbbells;bench,,shoulder;knee,\n"
)


def test_csv_rows_become_profiles_with_spreadsheet_row_numbers(tmp_path: Path) -> None:
    rows = profiles(write(tmp_path, "roster.csv", BASIC))
    assert [n for n, _ in rows] == [2, 3]
    zoe, marcus = rows[0][1], rows[1][1]
    assert zoe.name == ZOE and zoe.activity == "running"
    assert zoe.equipment == Profile(level="beginner", activity="running", equipment=["none", "mat"]).equipment
    assert zoe.focus == ["cramp-prevention", "inner-thigh"]
    assert zoe.notes == "Easy does it"
    assert marcus.limitations == ["knee", "shoulder"]
    assert marcus.focus == []  # an empty cell means the default


@pytest.mark.parametrize(
    ("label", "encode"),
    [
        ("bom", lambda text: b"\xef\xbb\xbf" + text.encode("utf-8")),
        ("crlf", lambda text: text.replace("\n", "\r\n").encode("utf-8")),
        ("bom+crlf", lambda text: b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode("utf-8")),
        ("trailing blank lines", lambda text: (text + "\n\n,,,,,,\r\n\n").encode("utf-8")),
        ("semicolon", lambda text: text.replace(",", "\t").replace(";", ",").replace("\t", ";").encode()),
    ],
)
def test_spreadsheet_export_quirks_read_the_same(tmp_path: Path, label: str, encode) -> None:
    expected = profiles(write(tmp_path, "plain.csv", BASIC))
    quirky = write(tmp_path, "quirky.csv", encode(BASIC))
    assert profiles(quirky) == expected, label


def test_semicolon_delimiter_with_quoted_lists(tmp_path: Path) -> None:
    text = 'name;level;activity;equipment\nAnn;beginner;walking;"bench;dumbbells"\nBo;advanced;cycling;bike,mat\n'
    rows = profiles(write(tmp_path, "r.csv", text))
    assert rows[0][1].equipment == ["bench", "dumbbells"]
    assert rows[1][1].equipment == ["bike", "mat"]
    assert open_roster(tmp_path / "r.csv").delimiter == ";"


def test_extra_columns_are_reported_once_and_ignored(tmp_path: Path) -> None:
    text = "name,email,level,activity,limitation,phone\nAnn,a@x.org,beginner,walking,knee,123\nBo,,beginner,walking,,\n"
    roster = open_roster(write(tmp_path, "r.csv", text))
    assert roster.ignored_columns == ("email", "limitation", "phone")
    message = roster.ignored_message()
    assert message is not None and message.count("email") == 1
    assert "limitation (did you mean limitations?)" in message
    assert message.startswith("r.csv: ")
    rows = [row_profile(r, roster.source) for r in roster.rows()]
    assert [p.name for p in rows] == ["Ann", "Bo"]
    assert rows[0].limitations == []  # the misspelt column is ignored, and said so


def test_headers_are_matched_loosely(tmp_path: Path) -> None:
    text = "Name, Level ,ACTIVITY,Days per week,session-minutes\nAnn,beginner,walking,4,30\n"
    [(_, ann)] = profiles(write(tmp_path, "r.csv", text))
    assert (ann.days_per_week, ann.session_minutes) == (4, 30)
    assert normalise_column(" Days-per  week ") == "days_per_week"


def test_notes_keep_commas_quotes_and_line_breaks(tmp_path: Path) -> None:
    text = 'name,level,activity,notes\nAnn,beginner,walking,"Walk, don\'t run.\nSay ""hi"" to Bo"\nBo,beginner,walking,\n'
    rows = profiles(write(tmp_path, "r.csv", text))
    assert rows[0][1].notes == "Walk, don't run.\nSay \"hi\" to Bo"
    assert rows[1][0] == 3  # a multi-line cell is still one spreadsheet row


def test_bad_rows_name_file_row_and_field(tmp_path: Path) -> None:
    text = "name,level,activity,weeks\nAnn,beginner,walking,8\nBo,expert,walking,8\nCy,beginner,walking,99\nDi,,walking,\n"
    roster = open_roster(write(tmp_path, "roster.csv", text))
    messages = []
    for row in roster.rows():
        try:
            row_profile(row, roster.source)
            messages.append("ok")
        except ProfileError as exc:
            messages.append(str(exc))
    assert messages[0] == "ok"
    assert messages[1].startswith("roster.csv: row 3: level: 'expert' is not allowed (allowed: one of beginner")
    assert messages[2].startswith("roster.csv: row 4: weeks: ")
    assert "from 1 to 52" in messages[2]
    assert messages[3] == "roster.csv: row 5: level: a value is required (one of beginner, intermediate, advanced)"
    assert all("\n" not in m for m in messages)


def test_a_row_with_more_cells_than_the_header_is_a_row_error(tmp_path: Path) -> None:
    text = "name,level,activity,notes\nAnn,beginner,walking,run, then walk\nBo,beginner,walking,ok,,\n"
    roster = open_roster(write(tmp_path, "r.csv", text))
    ann, bo = list(roster.rows())
    with pytest.raises(ProfileError, match=r"^r.csv: row 2: has 5 cells but the header names 4 columns"):
        row_profile(ann, roster.source)
    assert row_profile(bo, roster.source).notes == "ok"  # empty trailing cells are harmless


def test_json_and_yaml_rosters(tmp_path: Path) -> None:
    clients = [
        {"name": ZOE, "level": "beginner", "activity": "running", "equipment": ["mat"], "focus": "inner-thigh"},
        {"name": "Бо", "level": "advanced", "activity": "cycling", "weeks": 4, "email": "x"},
    ]
    from_json = profiles(write(tmp_path, "r.json", json.dumps(clients, ensure_ascii=False)))
    import yaml

    from_yaml = profiles(write(tmp_path, "r.yaml", yaml.safe_dump(clients, allow_unicode=True)))
    assert from_json == from_yaml
    assert [n for n, _ in from_json] == [1, 2]
    assert from_json[0][1].focus == ["inner-thigh"]
    assert open_roster(tmp_path / "r.json").ignored_columns == ("email",)


def test_a_list_item_that_is_not_a_mapping_fails_alone(tmp_path: Path) -> None:
    roster = open_roster(write(tmp_path, "r.json", '[{"level": "beginner", "activity": "walking"}, 7]'))
    first, second = list(roster.rows())
    assert row_profile(first, roster.source).name == "Athlete"
    with pytest.raises(ProfileError, match=r"^r.json: row 2: must be a mapping of profile fields, not int$"):
        row_profile(second, roster.source)


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("r.txt", "x", r"^roster: '.*r.txt' has extension '.txt'; allowed: .csv, .json, .yaml, .yml$"),
        ("r.csv", "", r"^r.csv: the first row must name the profile fields"),
        ("r.csv", "name,level,activity\n\n\n", r"^r.csv: has a header but no client rows$"),
        ("r.csv", "email,phone\nx,y\n", r"^r.csv: the header names no profile field"),
        ("r.csv", "name,activity\nAnn,walking\n", r"^r.csv: the header has no 'level' column"),
        ("r.csv", "name,level,Level,activity\nA,b,b,w\n", r"^r.csv: column 'level' appears twice"),
        ("r.csv", b"name,level,activity\nZo\xeb,beginner,walking\n", r"^r.csv: is not UTF-8 text \(byte 0xEB\)"),
        ("r.csv", b"PK\x03\x04\x14\x00\x06\x00\x08\x00!\x00\xc5\xff", r"^r.csv: is not UTF-8 text .*'CSV UTF-8'$"),
        ("r.json", '{"level": "beginner"}', r"^r.json: must hold a list of profiles"),
        ("r.json", "[", r"^r.json: is not valid JSON"),
        ("r.json", "[]", r"^r.json: the list of clients is empty$"),
        ("r.yaml", "a: [b", r"^r.yaml: is not valid YAML"),
    ],
)
def test_unreadable_rosters_raise_one_line(tmp_path: Path, name: str, content, expected: str) -> None:
    path = write(tmp_path, name, content)
    with pytest.raises(RosterError, match=expected) as info:
        open_roster(path)
    assert "\n" not in str(info.value)


def test_missing_roster(tmp_path: Path) -> None:
    with pytest.raises(RosterError, match="does not exist"):
        open_roster(tmp_path / "nope.csv")


def test_rows_stream_again_and_total_counts_clients(tmp_path: Path) -> None:
    roster = open_roster(write(tmp_path, "r.csv", BASIC + "\n\n"))
    assert roster.total == 2
    assert list(roster.rows()) == list(roster.rows())


def test_defaults_fill_only_empty_cells(tmp_path: Path) -> None:
    text = "name,level,activity,start_date\nAnn,beginner,walking,2026-03-02\nBo,beginner,walking,\n"
    roster = open_roster(write(tmp_path, "r.csv", text))
    default = {"start_date": parse_start_date("2026-01-05")}
    ann, bo = (row_profile(r, roster.source, default) for r in roster.rows())
    assert ann.start_date == dt.date(2026, 3, 2)
    assert bo.start_date == dt.date(2026, 1, 5)
    with pytest.raises(ProfileError, match=r"^start_date: '5/1/2026' is not allowed"):
        parse_start_date("5/1/2026")


def test_template_has_every_column_and_reads_back(tmp_path: Path) -> None:
    text = template_csv()
    assert text.splitlines()[0].split(",") == list(PROFILE_FIELDS)
    rows = profiles(write(tmp_path, "template.csv", text))
    assert len(rows) >= 3
    assert rows[0][1].name == ZOE
    assert any(p.limitations for _, p in rows) and any(p.notes for _, p in rows)


def test_example_roster_is_the_template() -> None:
    example = Path(__file__).resolve().parents[1] / "examples" / "roster.csv"
    assert example.read_text(encoding="utf-8") == template_csv()


@settings(max_examples=40, deadline=None)
@given(
    notes=st.text(
        alphabet=st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="\x00"), max_size=60
    ),
    delimiter=st.sampled_from([",", ";"]),
    crlf=st.booleans(),
    bom=st.booleans(),
)
def test_any_notes_text_round_trips_through_csv(tmp_path_factory, notes, delimiter, crlf, bom) -> None:
    import csv
    import io

    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n" if crlf else "\n")
    writer.writerow(["name", "level", "activity", "notes"])
    writer.writerow([ZOE, "beginner", "walking", notes])
    data = ("\ufeff" if bom else "") + buffer.getvalue()
    path = tmp_path_factory.mktemp("rt") / "r.csv"
    path.write_text(data, encoding="utf-8", newline="")
    [(number, profile)] = profiles(path)
    assert number == 2
    assert profile.notes == Profile(level="beginner", activity="walking", notes=notes.strip()).notes
