"""Themes as data: built-ins, files a coach copies, and one-line errors."""

from __future__ import annotations

import io
import json
import shutil

import pypdf
import pytest

from planner import render_pdf
from planner.errors import ThemeError
from planner.render.theme import builtin_dir, builtin_names, load_theme, parse_colour, to_grey
from test_render_document import hand_plan


def test_three_builtin_themes_load_and_default_is_handout():
    assert builtin_names() == ["handout", "log", "print-saver"]
    assert load_theme(None).name == "handout"
    assert load_theme("log").layout == "log" and load_theme("log").page.orientation == "landscape"
    saver = load_theme("print-saver")
    assert saver.greyscale and not saver.chart_background
    for name in builtin_names():
        colours = load_theme(name).colours.model_dump().values()
        assert all(c.startswith("#") and len(c) == 7 for c in colours)
    for value in load_theme("print-saver").colours.model_dump().values():
        assert value[1:3] == value[3:5] == value[5:7], f"{value} is not grey"


def test_unknown_theme_names_the_choices():
    with pytest.raises(ThemeError) as err:
        load_theme("fancy")
    assert str(err.value) == (
        "theme 'fancy' not found; choose one of handout, log, print-saver or a path to a .toml/.json file"
    )


def test_a_copied_theme_changes_words_and_colours(tmp_path):
    mine = tmp_path / "mine.toml"
    text = (builtin_dir() / "handout.toml").read_text(encoding="utf-8")
    text = text.replace('accent = "#1f6f8b"', 'accent = "darkred"')
    text = text.replace("[text]", '[text]\nweek_title = "Semana {number}"\nblock_main = "Parte principal"\nweek_heading = "Semana {number}: {first} – {last}"')
    mine.write_text(text, encoding="utf-8")
    theme = load_theme(str(mine))
    assert theme.colours.accent == "#8b0000"
    assert theme.t("week_title", number=3) == "Semana 3"
    pdf = pypdf.PdfReader(io.BytesIO(render_pdf(hand_plan(1, 1), mine)))
    text = "".join(p.extract_text() for p in pdf.pages)
    assert "Semana 1: Mon 2 Mar" in text and "Parte principal" in text
    assert "Main work" not in text


def test_json_themes_work_too(tmp_path):
    path = tmp_path / "t.json"
    path.write_text(json.dumps({"name": "j", "sections": ["weeks"], "page": {"size": "letter"}}), encoding="utf-8")
    theme = load_theme(path)
    assert theme.sections == ["weeks"] and theme.page.size == "letter"
    assert theme.t("block_main") == "Main work"  # base text table fills what the theme leaves out


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ('[colours]\naccent = "blurple"', "colours.accent = 'blurple': 'blurple' is not a colour; use #RRGGBB or a CSS colour name"),
        ('[colours]\naccent = "#12345"', "colours.accent = '#12345'"),
        ('[page]\nsize = "a3"', "page.size = 'a3': Input should be 'a4' or 'letter'"),
        ('[page.margins_mm]\nleft = 200', "page.margins_mm.left = 200"),
        ('sections = ["cover", "cover"]', "sections: lists a section twice"),
        ('sections = ["cover", "extras"]', "sections.1 = 'extras'"),
        ("colour = 1", "colour = 1: Extra inputs are not permitted"),
        ('[text]\nweek_titel = "x"', "text key 'week_titel' is unknown"),
        ('[text]\nweekdays = "Mon"', "text key 'weekdays' must be a list of strings"),
        ("name = ", "is not valid TOML"),
    ],
)
def test_bad_theme_files_give_one_line_naming_the_field(tmp_path, content, expected):
    path = tmp_path / "bad.toml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ThemeError) as err:
        load_theme(path)
    message = str(err.value)
    assert expected in message
    assert "\n" not in message and "bad.toml" in message


def test_missing_theme_file_and_wrong_suffix(tmp_path):
    with pytest.raises(ThemeError, match="not found"):
        load_theme(tmp_path / "nope.toml")
    other = tmp_path / "theme.txt"
    shutil.copy(builtin_dir() / "handout.toml", other)
    with pytest.raises(ThemeError, match="not found"):
        load_theme(other)


def test_unknown_language_is_a_clear_error(tmp_path):
    path = tmp_path / "es.toml"
    path.write_text('language = "es"', encoding="utf-8")
    with pytest.raises(ThemeError, match="theme language 'es' has no text table; choose one of en"):
        load_theme(path)


def test_font_family_must_come_from_a_font_package(tmp_path):
    path = tmp_path / "f.toml"
    path.write_text('[fonts]\nfamily = "Comic Sans MS"', encoding="utf-8")
    with pytest.raises(ThemeError, match="fonts.family 'Comic Sans MS' is not installed"):
        render_pdf(hand_plan(1, 1), path)


@pytest.mark.parametrize(("value", "hex_"), [("#AABBCC", "#aabbcc"), ("teal", "#008080"), (" Navy ", "#000080")])
def test_colours_accept_hex_and_css_names(value, hex_):
    assert parse_colour(value) == hex_


def test_greyscale_keeps_lightness():
    assert to_grey("#ffffff") == "#ffffff" and to_grey("#000000") == "#000000"
    assert to_grey("#ff0000") == "#4c4c4c"


def test_an_edited_theme_file_is_read_again(tmp_path):
    path = tmp_path / "t.toml"
    path.write_text('[text]\nweek_title = "Woche {number}"', encoding="utf-8")
    assert load_theme(path).t("week_title", number=1) == "Woche 1"
    path.write_text('[text]\nweek_title = "Semaine {number}"\n', encoding="utf-8")
    assert load_theme(path).t("week_title", number=1) == "Semaine 1"
