"""The PDF itself: text of every section, pages, fonts, outline, escaping, determinism."""

from __future__ import annotations

import io
import re

import pypdf
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from planner import render_pdf
from planner.errors import ThemeError
from planner.models import Coach
from test_render_document import hand_plan

A4 = (595.3, 841.9)
LETTER = (612.0, 792.0)


class Pdf:
    def __init__(self, data: bytes) -> None:
        self.data = data
        self.reader = pypdf.PdfReader(io.BytesIO(data))
        self.pages = [p.extract_text() for p in self.reader.pages]
        self.text = "\n".join(self.pages)

    def size(self, i: int = 0) -> tuple[float, float]:
        box = self.reader.pages[i].mediabox
        return round(float(box.width), 1), round(float(box.height), 1)

    def outline(self) -> list[tuple[int, str]]:
        out: list[tuple[int, str]] = []

        def walk(items: list, level: int) -> None:
            for item in items:
                if isinstance(item, list):
                    walk(item, level + 1)
                else:
                    out.append((level, item.title))

        walk(self.reader.outline, 0)
        return out

    def flat(self, i: int | None = None) -> str:
        """Text with line breaks folded: table cells and wrapped lines read as one line."""
        text = self.text if i is None else self.pages[i]
        return re.sub(r"\s+", " ", text)


@pytest.fixture(scope="module")
def plan():
    return hand_plan(5, 3)


@pytest.fixture(scope="module")
def coach():
    return Coach(name="Sam Coach", contact="sam@example.org")


@pytest.fixture(scope="module")
def handout(plan, coach):
    return Pdf(render_pdf(plan, coach=coach))


def test_cover_shows_client_plan_chart_reading_guide_and_effort_scale(handout):
    cover = handout.flat(0)
    for text in (
        "5-week running plan",
        "Prepared for Zoë Ødegård-Núñez",
        "by Sam Coach",
        "Running",
        "Beginner",
        "Days a week 3",
        "Starts 2 Mar 2026",
        "Ends 5 Apr 2026",
        "Your weekly training load",
        "Lighter week",
        "How to read this plan",
        "How hard? The effort scale (RPE)",
        "Maximal: all-out, nothing left",
        "About this plan",
        "Built by hand for tests.",
    ):
        assert text in cover, text


def test_week_pages_show_days_blocks_log_cells_and_hydration(handout):
    text = handout.flat()
    for snippet in (
        "Week 1: Mon 2 Mar – Sun 8 Mar",
        "Mon 2 Mar · Easy run and inner-thigh strength",
        "40 min · target effort RPE 4 (easy, brisk)",
        "Tue 3 Mar · Rest day",
        "Warm-up · 8 min",
        "Main work · 25 min",
        "Cool-down · 7 min",
        "Load used",
        "Reps / time done",
        "Effort felt",
        "Notes",
        "Drink, for every session this week unless a session says otherwise: 350–490 mL 2–4 h before",
        "Week 4: Mon 23 Mar – Sun 29 Mar Lighter week",
    ):
        assert snippet in text, snippet
    week_pages = [i for i, page in enumerate(handout.pages) if "Week 1: Mon 2 Mar" in page]
    assert len(week_pages) == 1


def test_guide_lists_every_exercise_once_with_variants_and_qr(handout):
    start = next(i for i, p in enumerate(handout.pages) if "Exercise guide" in p and "Every exercise" in p)
    guide = " ".join(handout.flat(i) for i in range(start, len(handout.pages)))
    guide = guide.split("Staying well")[0]
    for name in ("Leg swings", "Easy run", "Plié squat", "Butterfly stretch"):
        assert guide.count(name) == 1, name
    assert "Easier: Box squat" in guide and "Harder: Goblet plie squat" in guide
    assert guide.count("Scan for a video") == 1
    assert "inner thigh (adductors), glutes" in guide


def test_guidance_section_prints_planner_points_and_theme_intros(handout):
    text = handout.flat()
    assert "Staying well: drinking, cramps and when to see a doctor" in text
    assert "Drinking" in text and "Before: 350–490 mL 2–4 h before." in text
    assert "When to see a doctor" in text and "Cramps with dark urine: urgent care." in text
    assert "Drink to stay comfortable, not to a schedule." in text


def test_every_page_has_running_header_page_numbers_and_generator(handout):
    n = len(handout.pages)
    assert n > 6
    for i, page in enumerate(handout.pages, start=1):
        flat = re.sub(r"\s+", " ", page)
        assert "Zoë Ødegård-Núñez" in flat
        assert "5-week running plan" in flat
        assert f"Page {i} of {n}" in flat
        assert "Made with workout-planner 0.1.0" in flat
        assert "Coach: Sam Coach · sam@example.org" in flat
        assert "EDITED BY HAND" not in flat


def test_edited_plans_are_marked_on_every_page(plan):
    pdf = Pdf(render_pdf(plan.model_copy(update={"edited": True})))
    assert all("EDITED BY HAND" in page for page in pdf.pages)


def test_outline_has_sections_and_weeks(handout):
    outline = handout.outline()
    assert outline[:4] == [(0, "Cover"), (0, "The plan at a glance"), (0, "Before you start"), (0, "Training weeks")]
    assert [t for lvl, t in outline if lvl == 1][:5] == ["Week 1", "Week 2", "Week 3", "Week 4 (lighter week)", "Week 5"]
    assert (0, "Exercise guide") in outline and (0, "Staying well") in outline
    assert (1, "When to see a doctor") in outline


def test_outline_entries_point_at_their_pages(handout):
    reader = handout.reader
    for item in next(o for o in reader.outline if isinstance(o, list)):
        page = reader.get_destination_page_number(item)
        week = item.title.split()[1]
        assert f"Week {week}:" in handout.pages[page]


def test_metadata(handout):
    root = handout.reader.trailer["/Root"]
    assert root["/PageMode"] == "/UseOutlines" and root["/Lang"] == "en"
    meta = handout.reader.metadata
    assert meta.title == "5-week running plan"
    assert meta.author == "Sam Coach"
    assert meta.subject == "Running training plan for Zoë Ødegård-Núñez: 5 weeks, 3 days a week"
    assert meta.creator == "Made with workout-planner 0.1.0"
    assert meta["/CreationDate"] == meta["/ModDate"]


def test_only_the_embedded_family_is_used(handout):
    fonts = {}
    for page in handout.reader.pages:
        for ref in page["/Resources"]["/Font"].values():
            font = ref.get_object()
            fonts[font["/BaseFont"]] = font
    assert {re.sub(r"^/[A-Z]{6}\+", "", name) for name in fonts} == {"FiraSans-Regular", "FiraSans-Bold"}
    for font in fonts.values():
        descriptor = font["/FontDescriptor"].get_object()
        assert "/FontFile2" in descriptor  # embedded TrueType, not a reference to a system font


def test_page_sizes_follow_theme_and_paper_override(plan):
    assert Pdf(render_pdf(plan)).size() == A4
    assert Pdf(render_pdf(plan, paper="letter")).size() == LETTER
    log = Pdf(render_pdf(plan, "log", paper="letter"))
    assert log.size() == (LETTER[1], LETTER[0])
    with pytest.raises(ThemeError, match="paper 'a3' is not supported; choose a4 or letter"):
        render_pdf(plan, paper="a3")


@pytest.mark.parametrize("theme", ["handout", "log", "print-saver"])
@pytest.mark.parametrize("paper", ["a4", "letter"])
def test_every_theme_renders_on_both_papers(plan, theme, paper):
    pdf = Pdf(render_pdf(plan, theme, paper=paper))
    expected = A4 if paper == "a4" else LETTER
    if theme == "log":
        expected = (expected[1], expected[0])
    assert all(pdf.size(i) == expected for i in range(len(pdf.pages)))
    assert "Week 5:" in pdf.text and "Zoë Ødegård-Núñez" in pdf.text
    if theme == "log":
        week_pages = [i for i, p in enumerate(pdf.pages) if re.search(r"Week \d+:", p)]
        assert len(week_pages) == 5 and week_pages == list(range(week_pages[0], week_pages[0] + 5))
        assert "Exercise guide" not in pdf.text


def test_log_theme_fits_a_full_week_of_seven_days_on_one_page():
    plan = hand_plan(2, 7, level="advanced")
    pdf = Pdf(render_pdf(plan, "log"))
    pages = [i for i, p in enumerate(pdf.pages) if "Week 1:" in p]
    assert len(pages) == 1
    page = pdf.pages[pages[0]]
    for day in ("Mon 2 Mar", "Tue 3 Mar", "Wed 4 Mar", "Thu 5 Mar", "Fri 6 Mar", "Sat 7 Mar", "Sun 8 Mar"):
        assert day in page
    assert "Week 2:" not in pdf.pages[pages[0]]


def test_print_saver_is_denser_than_the_handout():
    plan = hand_plan(4, 1)  # short weeks: several fit on a page
    saver, handout = Pdf(render_pdf(plan, "print-saver")), Pdf(render_pdf(plan))
    assert len(saver.pages) <= 0.8 * len(handout.pages)
    # weeks run on instead of each starting a page, and the bookmarks still find them
    assert any(re.search(r"Week 1: .*Week 2: ", p, re.S) for p in saver.pages)
    assert [t for lvl, t in saver.outline() if lvl == 1][:2] == ["Week 1", "Week 2"]


def test_user_text_is_printed_literally_not_as_markup():
    plan = hand_plan(1, 1, name="<b>Max & Co</b>", notes="Use <i>less</i> & breathe; a<b")
    pdf = Pdf(render_pdf(plan))
    assert "<b>Max & Co</b>" in pdf.text
    assert "Use <i>less</i> & breathe; a<b" in pdf.flat()


def test_unicode_names_print_right():
    plan = hand_plan(1, 1, name="Zoë Ødegård-Núñez Ελένη")
    ex = plan.exercises[1].model_copy(update={"name": "Плие"})
    weeks = [
        w.model_copy(update={"sessions": [
            s.model_copy(update={"blocks": [
                b.model_copy(update={"items": [
                    i.model_copy(update={"name": "Плие"}) if i.exercise_id == "plie-squat" else i for i in b.items
                ]}) for b in s.blocks
            ]}) for s in w.sessions
        ]}) for w in plan.weeks
    ]
    plan = plan.model_copy(update={"exercises": [plan.exercises[0], ex, *plan.exercises[2:]], "weeks": weeks})
    text = Pdf(render_pdf(plan)).text
    assert "Zoë Ødegård-Núñez Ελένη" in text
    assert "Плие" in text


def test_characters_the_font_cannot_draw_are_reported_not_boxed():
    plan = hand_plan(1, 1, name="Zoë 名前")
    with pytest.raises(ThemeError) as err:
        render_pdf(plan)
    message = str(err.value)
    assert message == "name: 'Zoë 名前' contains characters the font cannot print: U+540D U+524D"
    assert "\n" not in message


def test_same_inputs_give_identical_bytes(plan, coach):
    first = render_pdf(plan, coach=coach)
    render_pdf(hand_plan(2, 4, name="Someone Else"), "log")  # state from another render must not leak
    assert render_pdf(plan, coach=coach) == first


def test_long_sessions_split_across_pages_with_repeated_headers():
    plan = hand_plan(1, 1)
    week = plan.weeks[0]
    session = week.sessions[0]
    main = session.blocks[1]
    many = main.model_copy(update={"items": main.items * 40})
    long_session = session.model_copy(update={"blocks": [session.blocks[0], many, session.blocks[2]]})
    plan = plan.model_copy(update={"weeks": [week.model_copy(update={"sessions": [long_session]})]})
    pdf = Pdf(render_pdf(plan))
    table_pages = [i for i, p in enumerate(pdf.pages) if "Plié squat" in p and "Exercise guide" not in p]
    assert len(table_pages) >= 2
    assert all("Sets × reps, time or distance" in pdf.flat(i) and "Effort felt" in pdf.flat(i) for i in table_pages)


def test_long_names_and_notes_stay_inside_the_page():
    long_name = "Maximiliane-Josephine Wolkenstein-Trostburg von Hohenzollern-Sigmaringen"[:80]
    plan = hand_plan(1, 2, name=long_name, notes="Breathe out on the effort. " * 18)
    pdf = Pdf(render_pdf(plan))
    width = pdf.size()[0]
    from reportlab.pdfbase.pdfmetrics import stringWidth

    from planner.render.fonts import register_family

    fam = register_family("Fira Sans")
    spans: list[tuple[float, float]] = []

    def visit(text, cm, tm, font, size):
        if text.strip() and font is not None:
            name = fam.bold if "Bold" in font["/BaseFont"] else fam.regular
            x = cm[4] + tm[4] * cm[0]
            spans.append((x, x + stringWidth(text.rstrip("\n"), name, size * tm[0] * cm[0])))

    for page in pdf.reader.pages:
        page.extract_text(visitor_text=visit)
    assert spans and min(x for x, _ in spans) >= 0
    assert max(end for _, end in spans) <= width
    assert "Breathe out on the effort." in pdf.text


@settings(max_examples=60, deadline=None)
@given(text=st.lists(st.sampled_from(["a", "bc", " ", "XYZ", "-", "Ωж", "é", "Wolkenstein", "W" * 30, "\n"]), max_size=60).map("".join),
       width=st.floats(min_value=20, max_value=400))
def test_wrapped_lines_never_exceed_the_width(text, width):
    from reportlab.pdfbase.pdfmetrics import stringWidth

    from planner.render.fonts import register_family
    from planner.render.grid import wrap_text

    font = register_family("Fira Sans").regular
    lines = wrap_text(text, font, 8, width).split("\n")
    for line in lines:
        assert stringWidth(line, font, 8) <= width or len(line) == 1
    assert "".join(lines).replace(" ", "") == text.replace(" ", "").replace("\n", "")
    assert len(lines) >= text.count("\n") + 1


def test_the_font_comes_from_its_package_with_its_licence():
    from planner.render.fonts import font_files, register_family

    regular, bold, licence = font_files("Fira Sans")
    assert "fontpkg_fira_sans" in str(regular) and regular.name == "FiraSans-Regular.ttf"
    assert bold.name == "FiraSans-Bold.ttf"
    assert licence is not None and "SIL Open Font License" in licence.read_text(encoding="utf-8")
    family = register_family("Fira Sans")
    for ch in "Zoë Ødegård-Núñez Плие Άσκηση":
        assert ord(ch) in family.codepoints


def test_an_essay_in_a_hand_edited_note_cannot_break_the_layout():
    plan = hand_plan(1, 1)
    week = plan.weeks[0]
    session = week.sessions[0]
    main = session.blocks[1]
    essay = "Keep the knees over the toes and breathe out as you rise. " * 120
    items = [main.items[0].model_copy(update={"notes": essay}), *main.items[1:]]
    blocks = [session.blocks[0], main.model_copy(update={"items": items}), session.blocks[2]]
    plan = plan.model_copy(update={"weeks": [week.model_copy(update={"sessions": [session.model_copy(update={"blocks": blocks})]})]})
    assert "Week 1:" in Pdf(render_pdf(plan, "log")).text  # the log shows targets, not notes
    handout = Pdf(render_pdf(plan))
    assert "Keep the knees over the toes and breathe out" in handout.flat()
    assert handout.flat().count("breathe out as you rise") < 60  # cut to what fits a page


_PRINTABLE = st.text(
    alphabet=st.sampled_from(list("abcXYZ éøñßΩλжЩ&<>/\"'()[]{};:·–—…0123456789") + ["\n"]), max_size=300
)


@settings(max_examples=12, deadline=None)
@given(name=_PRINTABLE.map(lambda s: s.strip()[:80] or "A"), title=_PRINTABLE, tip=_PRINTABLE, exercise=_PRINTABLE)
def test_any_printable_text_renders_on_every_theme(name, title, tip, exercise):
    plan = hand_plan(1, 2, name=name.replace("\n", " "))
    week = plan.weeks[0]
    sessions = [
        s.model_copy(update={
            "title": title or "x",
            "tips": [tip],
            "blocks": [
                b.model_copy(update={"items": [i.model_copy(update={"name": exercise or "x"}) for i in b.items]})
                for b in s.blocks
            ],
        })
        for s in week.sessions
    ]
    plan = plan.model_copy(update={"title": title or "x", "weeks": [week.model_copy(update={"sessions": sessions})]})
    for theme in ("handout", "log", "print-saver"):
        pdf = Pdf(render_pdf(plan, theme))
        assert len(pdf.pages) >= 2


def test_line_breaks_in_a_name_do_not_reach_headers_or_metadata():
    # A profile refuses such a name now (issue 15); the renderer still guards a plan built
    # around the model (model_copy does not validate).
    plan = hand_plan(1, 1, name="Zoë Ødegård Núñez")
    plan = plan.model_copy(update={"profile": plan.profile.model_copy(update={"name": "Zoë\nØdegård\tNúñez"})})
    pdf = Pdf(render_pdf(plan))
    assert pdf.reader.metadata.subject == "Running training plan for Zoë Ødegård Núñez: 1 week, 1 day a week"
    assert all("Zoë Ødegård Núñez" in page for page in pdf.pages)  # the running header


def test_renders_in_threads_give_the_same_bytes(plan):
    from concurrent.futures import ThreadPoolExecutor

    expected = render_pdf(plan, "log")
    with ThreadPoolExecutor(max_workers=3) as pool:
        results = list(pool.map(lambda theme: render_pdf(plan, theme), ["log", "handout", "log", "log"]))
    assert results[0] == results[2] == results[3] == expected


def test_rendering_leaves_the_garbage_collector_as_it_found_it(plan):
    import gc

    assert gc.isenabled()
    render_pdf(plan)
    assert gc.isenabled()
    gc.disable()
    try:
        render_pdf(plan)
        assert not gc.isenabled()
    finally:
        gc.enable()
    with pytest.raises(ThemeError):
        render_pdf(plan, "no-such-theme")
    assert gc.isenabled()


def test_direct_text_writing_matches_what_reportlab_writes():
    """The grid writes text operators itself for speed; they must stay what reportlab writes."""
    import re as _re

    from reportlab.pdfgen.canvas import Canvas

    from planner.render.fonts import register_family
    from planner.render.grid import TextWriter

    font = register_family("Fira Sans").regular
    text = "Zoë Ødegård-Núñez (Плие) \\ 3 × 12 — Ελένη"
    canvas = Canvas(io.BytesIO(), invariant=1)
    ours = TextWriter(canvas)
    ours.set_font(font, 9)
    ours.line(10, 20, text)
    ours.finish()
    obj = canvas.beginText()
    obj.setFont(font, 9, 10.8)
    obj.setTextOrigin(10, 20)
    obj.textLine(text)
    canvas.drawText(obj)
    written, theirs = canvas._code[-2], canvas._code[-1]

    def shows(code: str) -> list[str]:  # font selections and shown strings, in order
        return _re.findall(r"/\S+ [\d.]+ Tf|\((?:\\.|[^\\)])*\) Tj", code)

    assert shows(written) == shows(theirs) and len(shows(written)) == 2
    assert "1 0 0 1 10 20 Tm" in written and "1 0 0 1 10 20 Tm" in theirs


def test_more_glyphs_than_one_font_subset_holds_print_right():
    import unicodedata

    from planner.render.fonts import register_family

    points = register_family("Fira Sans").codepoints
    letters = [chr(c) for c in sorted(points) if c > 0xA0 and unicodedata.category(chr(c)) in ("Ll", "Lu")][:330]
    words = [" ".join("".join(letters[i : i + 10]) for i in range(k, k + 110, 10)) for k in (0, 110, 220)]
    plan = hand_plan(1, 1)
    plan = plan.model_copy(update={"notes": words})
    text = Pdf(render_pdf(plan)).flat(0)
    for line in words:
        assert line in text
