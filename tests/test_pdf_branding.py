"""Coach branding: every class of bad input is one clear line; good input shows in the PDF."""

from __future__ import annotations

import io
import json

import pypdf
import pytest
from PIL import Image

from planner import render_pdf
from planner.errors import ThemeError
from planner.models import Coach
from planner.render.branding import load_coach, validate_coach
from test_render_document import hand_plan


@pytest.fixture(scope="module")
def plan():
    return hand_plan(1, 2)


def _image(path, fmt: str, size=(120, 60), colour=(200, 30, 30)):
    Image.new("RGB", size, colour).save(path, fmt)
    return path


def _images(data: bytes) -> int:
    reader = pypdf.PdfReader(io.BytesIO(data))
    xobjects = reader.pages[0]["/Resources"].get("/XObject", {})
    return sum(1 for x in xobjects.values() if x.get_object()["/Subtype"] == "/Image")


@pytest.mark.parametrize("fmt,suffix", [("PNG", "png"), ("JPEG", "jpg")])
def test_png_and_jpeg_logos_print_on_the_cover(tmp_path, plan, fmt, suffix):
    logo = _image(tmp_path / f"logo.{suffix}", fmt)
    coach = Coach(name="Sam", logo=str(logo))
    assert _images(render_pdf(plan, coach=coach)) == 1
    assert _images(render_pdf(plan)) == 0


def test_accent_colour_is_used_and_greyed_in_print_saver(plan):
    coach = Coach(accent="#ff0000")
    page = pypdf.PdfReader(io.BytesIO(render_pdf(plan, coach=coach))).pages[0]
    assert b"1 0 0 rg" in page.get_contents().get_data()
    saver = pypdf.PdfReader(io.BytesIO(render_pdf(plan, "print-saver", coach=coach))).pages[0]
    assert b"1 0 0 rg" not in saver.get_contents().get_data()


def _png_bytes(size=(10, 10)) -> bytes:
    buf = io.BytesIO()
    Image.new("RGB", size).save(buf, "PNG")
    return buf.getvalue()


BAD_LOGOS = {
    "missing": (None, "is not a file; give a PNG or JPEG image"),
    "text": (b"hello, not an image", "is not an image; give a PNG or JPEG image"),
    "truncated": (_png_bytes((200, 200))[:60], "give a PNG or JPEG image"),
    "gif": ("GIF", "is a GIF image; give a PNG or JPEG image"),
    "huge": ((5000, 10), "is 5000x10 px; at most 4096 px a side"),
    "heavy": (b"\x89PNG\r\n\x1a\n" + b"\0" * (5 * 1024 * 1024 + 10), "KB; the limit is 5 MB"),
}


@pytest.mark.parametrize("case", sorted(BAD_LOGOS))
def test_bad_logos_are_one_line_errors_naming_the_field(tmp_path, plan, case):
    content, expected = BAD_LOGOS[case]
    path = tmp_path / "logo.png"
    if content == "GIF":
        Image.new("P", (10, 10)).save(path, "GIF")
    elif isinstance(content, tuple):
        Image.new("L", content).save(path, "PNG")
    elif content is not None:
        path.write_bytes(content)
    with pytest.raises(ThemeError) as err:
        render_pdf(plan, coach=Coach(logo=str(path)))
    message = str(err.value)
    assert message.startswith(f"coach logo '{path}' ")
    assert expected in message and "\n" not in message


@pytest.mark.parametrize("accent", ["#ff00", "red-ish", "rgb(1,2,3)", "", "#GGGGGG"])
def test_bad_accent_colours_are_one_line_errors(plan, accent):
    with pytest.raises(ThemeError) as err:
        render_pdf(plan, coach=Coach(accent=accent))
    assert str(err.value) == (
        f"coach accent '{accent}' is not a colour; use #RRGGBB or a CSS colour name such as 'teal'"
    )


def test_validate_coach_normalises():
    coach = validate_coach(Coach(name="Sam", accent="Teal"))
    assert coach.accent == "#008080" and coach.name == "Sam"


@pytest.mark.parametrize("suffix", ["json", "toml", "yaml"])
def test_coach_files_in_three_formats_with_relative_logo(tmp_path, suffix):
    _image(tmp_path / "logo.png", "PNG")
    data = {"name": "Sam Coach", "contact": "sam@example.org", "logo": "logo.png", "accent": "teal"}
    path = tmp_path / f"coach.{suffix}"
    if suffix == "json":
        path.write_text(json.dumps(data), encoding="utf-8")
    elif suffix == "toml":
        path.write_text("\n".join(f'{k} = "{v}"' for k, v in data.items()), encoding="utf-8")
    else:
        path.write_text("\n".join(f"{k}: {v}" for k, v in data.items()), encoding="utf-8")
    coach = load_coach(path)
    assert coach.name == "Sam Coach" and coach.accent == "#008080"
    assert coach.logo == str((tmp_path / "logo.png").resolve())


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("c.json", '{"name": "Sam", "colour": "red"}', "colour: Extra inputs are not permitted"),
        ("c.json", '{"name": ', "cannot be parsed"),
        ("c.json", "[1, 2]", "must hold name, contact, logo and accent as a table"),
        ("c.toml", 'accent = "nope"', "coach accent 'nope' is not a colour"),
        ("c.txt", "name: Sam", "must end in .json, .toml, .yaml or .yml"),
        ("c.yaml", "logo: missing.png", "coach logo"),
    ],
)
def test_bad_coach_files(tmp_path, name, content, expected):
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ThemeError) as err:
        load_coach(path)
    assert expected in str(err.value) and "\n" not in str(err.value)


def test_missing_coach_file(tmp_path):
    with pytest.raises(ThemeError, match="cannot be read"):
        load_coach(tmp_path / "none.json")


def test_print_saver_prints_the_logo_in_grey(tmp_path, plan):
    logo = _image(tmp_path / "logo.png", "PNG")
    coach = Coach(logo=str(logo))

    def colour_space(data: bytes) -> str:
        page = pypdf.PdfReader(io.BytesIO(data)).pages[0]
        images = [x.get_object() for x in page["/Resources"]["/XObject"].values()]
        return next(str(x["/ColorSpace"]) for x in images if x["/Subtype"] == "/Image")

    assert colour_space(render_pdf(plan, coach=coach)) == "/DeviceRGB"
    assert colour_space(render_pdf(plan, "print-saver", coach=coach)) == "/DeviceGray"
