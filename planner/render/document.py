"""Plan + Theme -> a printable document: sections, rows and display strings, no layout.

Everything the reader will see is decided here (words from the theme's text table, numbers
converted to the profile's units, dates in the theme's language), so it can be tested without
reportlab and other outputs reuse it (the terminal preview and the calendar do). Strings are
plain text, never markup: the PDF layer draws them exactly as they are.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from ..io.log_fields import field_name
from ..models import Block, Coach, Exercise, Hydration, Plan, Prescription, Session, Week
from .formatting import dose, fmt_date, fmt_duration, fmt_effort, fmt_mass, fmt_minutes, fmt_target, fmt_volume
from .model import (
    BlockTable,
    ChartBar,
    Cover,
    Day,
    Document,
    Fact,
    Guidance,
    Guide,
    GuideEntry,
    LoadChart,
    LogRow,
    LogWeek,
    Meta,
    Row,
    Running,
    TextBlock,
    WeekPage,
    Weeks,
)
from .changes import changes, week_marker
from .overview import calendar, readiness
from .theme import Theme
from .zones import with_zones


def _rest(theme: Theme, p: Prescription, walking: bool) -> str:
    """The pause between sets; between run intervals it is a walk, and says so."""
    if not p.rest_s:
        return ""
    time = fmt_duration(theme, p.rest_s)
    return theme.t("rest_walk", time=time) if walking else time


def _row(theme: Theme, p: Prescription, units: str, walking: bool = False, loaded: bool = False, fields: dict[str, str] | None = None) -> Row:
    effort = theme.t("range_sep").join(x for x in (fmt_effort(theme, p.rpe), fmt_target(theme, p, units)) if x)
    if p.rir is not None:
        rir = theme.t("rir", n=p.rir)
        effort = f"{effort}{theme.t('range_sep')}{rir}" if effort else rir
    return Row(
        exercise=p.name,
        dose=dose(theme, p, units),
        rest=_rest(theme, p, walking),
        effort=effort,
        note=p.notes,
        loaded=loaded,
        fields=fields or {},
    )


def _loaded(plan: Plan, p: Prescription) -> bool:
    """A strength line lifted with a weight: only there is a "load used" worth writing down."""
    if p.load_kg is not None or p.rep_max is not None or p.percent_1rm is not None:
        return True
    ex = plan.exercise(p.exercise_id)
    return ex is not None and ex.category == "strength" and any(e != "none" for e in ex.equipment)


def _log_fields(date: dt.date, row: int, p: Prescription, loaded: bool) -> dict[str, str]:
    """The form fields of one main-block line: the same columns the log sheet (CSV) has."""
    columns = ["done", *(["load_kg"] if loaded else []), "reps_done" if p.reps else "minutes_done", "effort_felt", "pain"]
    return {c: field_name(date, row, p.exercise_id, c) for c in columns}


def _hydration(theme: Theme, h: Hydration, units: str) -> list[str]:
    lines = [theme.t("hydration_before", amount=fmt_volume(theme, h.before_ml.low, h.before_ml.high, units))]
    if h.during_ml is not None:
        lines.append(theme.t("hydration_during", amount=fmt_volume(theme, h.during_ml.low, h.during_ml.high, units)))
    if h.after_note:
        lines.append(theme.t("hydration_after", note=h.after_note))
    if h.electrolytes:
        lines.append(theme.t("hydration_electrolytes"))
    return lines


def _walk_breaks(plan: Plan, p: Prescription) -> bool:
    """Timed cardio intervals (walk-run) rest by walking, not by standing still."""
    ex = plan.exercise(p.exercise_id)
    on_foot = plan.profile.activity not in ("swimming", "cycling")  # swimmers rest at the wall
    return bool(p.rest_s and p.duration_s and ex is not None and ex.category == "cardio" and on_foot)


def _block_table(theme: Theme, plan: Plan, block: Block, units: str, date: dt.date) -> BlockTable:
    heading = theme.t("block_heading", block=theme.t(f"block_{block.kind}"), minutes=fmt_minutes(theme, block.minutes))
    rows = []
    for i, p in enumerate(block.items):
        loaded = _loaded(plan, p)
        fields = _log_fields(date, i, p, loaded) if block.kind == "main" else None
        rows.append(_row(theme, p, units, _walk_breaks(plan, p), loaded, fields))
    return BlockTable(heading=heading, rows=rows)


def _notes_field(session: Session) -> str:
    """The session's notes line is one field, filed under the first line of its main block."""
    main = next((b for b in session.blocks if b.kind == "main"), None)
    return field_name(session.date, 0, main.items[0].exercise_id, "notes") if main else ""


def _session_line(theme: Theme, s: Session) -> str:
    return theme.t("session_line", minutes=fmt_minutes(theme, s.minutes), effort=fmt_effort(theme, s.rpe, words=True))


def _week_days(plan: Plan, week: Week) -> Iterator[tuple[dt.date, Session | None]]:
    """Monday to Sunday of a plan week, sessions where they fall, rest days between."""
    by_date = {s.date: s for s in week.sessions}
    for offset in range(7):
        day = week.start_date + dt.timedelta(days=offset)
        if day > plan.end_date and day not in by_date:
            break
        yield day, by_date.get(day)


def _count(theme: Theme, what: str, n: int) -> str:
    """'1 session', '4 sessions': the theme holds both forms (other languages have their own)."""
    return theme.t(f"{what}_one") if n == 1 else theme.t(f"{what}_many", n=n)


def _week_heading(theme: Theme, plan: Plan, week: Week) -> tuple[str, str, str]:
    days = [d for d, _ in _week_days(plan, week)]
    outline = theme.t("week_title", number=week.number)
    if week.kind == "deload":
        outline = f"{outline} ({theme.t('week_kind_deload').lower()})"
    heading = theme.t("week_heading", number=week.number, first=fmt_date(theme, days[0]), last=fmt_date(theme, days[-1]))
    summary = theme.t(
        "week_summary",
        kind=theme.t(f"week_kind_{week.kind}"),
        sessions=_count(theme, "sessions", len(week.sessions)),
        minutes=fmt_minutes(theme, sum(s.minutes for s in week.sessions)),
    )
    return outline, heading, summary


def week_page(theme: Theme, plan: Plan, week: Week) -> WeekPage:
    units = plan.profile.units
    outline, heading, summary = _week_heading(theme, plan, week)
    days = []
    drinks = [_drink_items(theme, s.hydration, units) for s in week.sessions]
    usual = max(drinks, key=drinks.count) if drinks else ""  # ties: the first session's
    for day, session in _week_days(plan, week):
        if session is None:
            days.append(Day(heading=theme.t("rest_day", date=fmt_date(theme, day)), rest=True, line=theme.t("rest_text")))
            continue
        hydration = _hydration(theme, session.hydration, units)
        items = theme.t("range_sep").join(hydration)
        days.append(
            Day(
                heading=theme.t("session_heading", date=fmt_date(theme, day), title=session.title),
                rest=False,
                line=_session_line(theme, session),
                blocks=[_block_table(theme, plan, b, units, day) for b in session.blocks],
                hydration=hydration,
                drink="" if items == usual else theme.t("hydration_session_line", items=items),
                tips=list(session.tips),
                notes_field=_notes_field(session),
            )
        )
    return WeekPage(
        outline=outline,
        heading=heading,
        summary=summary,
        light=week.kind == "deload",
        days=days,
        drink=theme.t("hydration_week_line", items=usual) if usual else "",
        changed=week_marker(theme, plan, week),
    )


def _drink_items(theme: Theme, h: Hydration, units: str) -> str:
    return theme.t("range_sep").join(_hydration(theme, h, units))


def _target(theme: Theme, p: Prescription, units: str) -> str:
    row = _row(theme, p, units)
    return theme.t("range_sep").join(x for x in (row.dose, row.effort) if x)


def _warmup_cell(theme: Theme, s: Session) -> str:
    """The warm-up's minutes and its moves: a clipboard sheet is all the client takes along."""
    block = next(b for b in s.blocks if b.kind == "warmup")
    moves = theme.t("list_sep").join(dict.fromkeys(p.name for p in block.items))
    return theme.t("range_sep").join((fmt_minutes(theme, block.minutes), moves))


def log_week(theme: Theme, plan: Plan, week: Week) -> LogWeek:
    """A clipboard sheet: the week's exercises down, its sessions across."""
    units = plan.profile.units
    outline, heading, summary = _week_heading(theme, plan, week)
    sessions = sorted(week.sessions, key=lambda s: s.date)
    columns = [
        theme.t(
            "log_session",
            date=fmt_date(theme, s.date),
            title=s.title,
            minutes=fmt_minutes(theme, s.minutes),
            effort=fmt_effort(theme, s.rpe),
        )
        for s in sessions
    ]
    rows: list[LogRow] = [
        LogRow(
            label=theme.t("log_warmup"),
            cells=[_warmup_cell(theme, s) for s in sessions],
        )
    ]
    order: list[str] = []
    names: dict[str, str] = {}
    cells: dict[str, list[str | None]] = {}
    for i, s in enumerate(sessions):
        for b in s.blocks:
            if b.kind != "main":
                continue
            for p in b.items:
                if p.exercise_id not in cells:
                    order.append(p.exercise_id)
                    names[p.exercise_id] = p.name
                    cells[p.exercise_id] = [None] * len(sessions)
                target = _target(theme, p, units)
                prev = cells[p.exercise_id][i]
                cells[p.exercise_id][i] = f"{prev} + {target}" if prev else target
    rows += [LogRow(label=names[e], cells=cells[e]) for e in order]
    rows.append(
        LogRow(
            label=theme.t("log_cooldown"),
            cells=[fmt_minutes(theme, next(b.minutes for b in s.blocks if b.kind == "cooldown")) for s in sessions],
        )
    )
    rows.append(
        LogRow(
            label=theme.t("log_drink_row"),
            cells=[fmt_volume(theme, s.hydration.before_ml.low, s.hydration.before_ml.high, units) for s in sessions],
        )
    )
    rows.append(LogRow(label=theme.t("log_effort_row"), cells=[""] * len(sessions)))
    rows.append(LogRow(label=theme.t("log_pain_row"), cells=[""] * len(sessions)))
    rows.append(LogRow(label=theme.t("log_notes_row"), cells=[""] * len(sessions), tall=True))
    return LogWeek(
        outline=outline,
        heading=heading,
        subtitle=theme.t("log_subtitle", summary=summary, hint=theme.t("log_hint")),
        columns=[theme.t("log_exercise"), *columns],
        rows=rows,
        changed=week_marker(theme, plan, week),
    )


def cover(theme: Theme, plan: Plan, coach: Coach | None) -> Cover:
    p = plan.profile
    activity = theme.t(f"activity_{p.activity}")
    facts = [Fact(label=theme.t("label_client"), value=p.name)]
    if coach and coach.name:
        facts.append(Fact(label=theme.t("label_coach"), value=coach.name))
    if coach and coach.contact:
        facts.append(Fact(label=theme.t("label_contact"), value=coach.contact))
    facts += [
        Fact(label=theme.t("label_activity"), value=activity),
        Fact(label=theme.t("label_level"), value=theme.t(f"level_{p.level}")),
        Fact(label=theme.t("label_weeks"), value=str(len(plan.weeks))),
        Fact(label=theme.t("label_days"), value=str(p.days_per_week)),
        Fact(label=theme.t("label_session"), value=fmt_minutes(theme, p.session_minutes)),
        Fact(label=theme.t("label_start"), value=fmt_date(theme, plan.weeks[0].start_date, long=True)),
        Fact(label=theme.t("label_end"), value=fmt_date(theme, plan.end_date, long=True)),
    ]
    if p.body_mass_kg is not None:  # the drinking amounts are scaled by it
        facts.append(Fact(label=theme.t("label_body_mass"), value=fmt_mass(theme, p.body_mass_kg, p.units)))
    chart = LoadChart(
        title=theme.t("chart_title"),
        caption=theme.t("chart_caption"),
        axis_label=theme.t("chart_axis_week"),
        legend_normal=theme.t("chart_legend_normal"),
        legend_light=theme.t("chart_legend_light"),
        bars=[ChartBar(label=str(w.number), value=w.load, light=w.kind == "deload") for w in plan.weeks],
    )
    notes = []
    if p.notes:
        notes.append(TextBlock(title=theme.t("coach_note_title"), intro=p.notes))
    if plan.notes:
        notes.append(TextBlock(title=theme.t("plan_notes_title"), points=list(plan.notes)))
    scale = theme.lines("effort_scale")
    return Cover(
        outline=theme.t("outline_cover"),
        title=plan.title,
        subtitle=theme.t("cover_prepared_for", name=p.name),
        coach_line=theme.t("cover_prepared_by", coach=coach.name) if coach and coach.name else "",
        facts=facts,
        chart=chart,
        notes=notes,
        how_to_read=TextBlock(title=theme.t("how_to_read_title"), points=theme.lines("how_to_read")),
        effort_title=theme.t("effort_title"),
        effort_intro=theme.t("effort_intro"),
        effort_scale=[Fact(label=str(i + 1), value=w) for i, w in enumerate(scale)],
    )


def _variant(plan: Plan, exercise_id: str) -> str:
    other = plan.exercise(exercise_id)
    return other.name if other else exercise_id.replace("-", " ").capitalize()


def _variants(plan: Plan, theme: Theme, ex: Exercise) -> str:
    if not ex.regression and not ex.progression:
        return ""
    if not ex.progression:  # say only what there is: no "Harder: —"
        return theme.t("guide_easier_line", easier=_variant(plan, ex.regression or ""))
    if not ex.regression:
        return theme.t("guide_harder_line", harder=_variant(plan, ex.progression))
    return theme.t("guide_variants_line", easier=_variant(plan, ex.regression), harder=_variant(plan, ex.progression))


def guide_entry(theme: Theme, plan: Plan, ex: Exercise) -> GuideEntry:
    muscles = theme.t("list_sep").join(
        theme.t("muscle_" + m.replace(" ", "_")) for m in [*ex.primary_muscles, *ex.secondary_muscles]
    )
    return GuideEntry(
        name=ex.name,
        muscles=theme.t("guide_muscles_line", muscles=muscles),
        steps=list(ex.instructions),
        cues=list(ex.cues),
        variants=_variants(plan, theme, ex),
        video_url=str(ex.video_url) if ex.video_url else None,
        each_side=theme.t("guide_each_side") if ex.per_side else "",
    )


def used_exercises(plan: Plan) -> list[Exercise]:
    """Every exercise the sessions use, once, in order of first appearance."""
    seen: dict[str, Exercise] = {}
    for week in plan.weeks:
        for s in week.sessions:
            for b in s.blocks:
                for p in b.items:
                    if p.exercise_id not in seen:
                        ex = plan.exercise(p.exercise_id)
                        if ex is not None:
                            seen[p.exercise_id] = ex
    return list(seen.values())


def guide(theme: Theme, plan: Plan) -> Guide:
    labels = {k: theme.t(f"guide_{k}") for k in ("steps", "cues", "video")}
    return Guide(
        outline=theme.t("outline_guide"),
        title=theme.t("guide_title"),
        intro=theme.t("guide_intro"),
        labels=labels,
        entries=[guide_entry(theme, plan, ex) for ex in used_exercises(plan)],
    )


def guidance(theme: Theme, plan: Plan) -> Guidance:
    blocks = []
    keys = [g.key for g in plan.guidance]
    for g in plan.guidance:
        extra = theme.guidance.get(g.key)
        blocks.append(
            TextBlock(
                title=(extra.title if extra and extra.title else g.title),
                intro=extra.intro if extra else "",
                points=[*g.points, *(extra.extra_points if extra else [])],
            )
        )
    for key, extra in theme.guidance.items():
        if key not in keys and extra.title and extra.extra_points:
            blocks.append(TextBlock(title=extra.title, intro=extra.intro, points=list(extra.extra_points)))
    return Guidance(
        outline=theme.t("outline_guidance"),
        title=theme.t("guidance_title"),
        intro=theme.t("guidance_intro"),
        blocks=blocks,
        sources=TextBlock(title=theme.t("guidance_sources_title"), points=theme.lines("guidance_sources")),
    )


def weeks(theme: Theme, plan: Plan) -> Weeks:
    columns = ("done", "exercise", "dose", "rest", "effort", "log_load", "log_amount", "log_effort", "log_pain")
    headers = [theme.t(f"col_{k}") for k in columns]
    common = dict(outline=theme.t("outline_weeks"), headers=headers, notes_label=theme.t("notes_label"))
    if theme.layout == "log":
        return Weeks(**common, logs=[log_week(theme, plan, w) for w in plan.weeks])
    return Weeks(**common, weeks=[week_page(theme, plan, w) for w in plan.weeks])


def one_line(text: str) -> str:
    """Headers, footers, bookmarks and metadata hold one line: line breaks and tabs become spaces."""
    return " ".join(text.split())


def build_document(plan: Plan, theme: Theme, coach: Coach | None = None) -> Document:
    """The whole handout as data, sections in the theme's order."""
    p = plan.profile
    builders = {
        "cover": lambda: cover(theme, plan, coach),
        "calendar": lambda: calendar(theme, plan),
        "readiness": lambda: readiness(theme),
        "weeks": lambda: weeks(theme, plan),
        "guide": lambda: guide(theme, plan),
        "guidance": lambda: guidance(theme, plan),
    }
    sections = with_zones([builders[name]() for name in theme.sections], theme, plan)
    if plan.changes:  # an adapted plan says what changed first thing after the cover
        sections.insert(1 if theme.sections[:1] == ["cover"] else 0, changes(theme, plan))
    activity = theme.t(f"activity_{p.activity}")
    generator = theme.t("footer_generator", name=plan.generator.name, version=plan.generator.version)
    meta = Meta(
        title=one_line(plan.title),
        author=one_line(coach.name if coach and coach.name else p.name),
        subject=one_line(
            theme.t(
                "meta_subject",
                activity=activity,
                name=p.name,
                weeks=_count(theme, "weeks", len(plan.weeks)),
                days=_count(theme, "days", p.days_per_week),
            )
        ),
        creator=generator,
        keywords=theme.t("meta_keywords", activity=activity, level=theme.t(f"level_{p.level}")),
    )
    coach_bits = []
    if coach and coach.name:
        coach_bits.append(theme.t("footer_coach", name=coach.name))
    if coach and coach.contact:
        coach_bits.append(coach.contact)
    running = Running(
        left=one_line(p.name),
        right=one_line(plan.title),
        generator=generator,
        coach=one_line(theme.t("range_sep").join(coach_bits)),
        page_label=theme.text["footer_page"],  # type: ignore[arg-type]
        edited=theme.t("edited_mark") if plan.edited else "",
    )
    return Document(meta=meta, running=running, sections=sections)


def user_texts(plan: Plan, coach: Coach | None, theme: Theme) -> Iterator[tuple[str, str]]:
    """Every string that comes from outside the code, named as the user knows it.

    The PDF layer checks these against the font before drawing anything, so a character the
    font lacks is reported with the field it came from instead of printing as a box.
    """
    p = plan.profile
    yield "name", p.name
    yield "notes", p.notes
    yield "title", plan.title
    for i, note in enumerate(plan.notes):
        yield f"plan notes[{i}]", note
    if coach:
        yield "coach name", coach.name or ""
        yield "coach contact", coach.contact or ""
    for w in plan.weeks:
        for s in w.sessions:
            yield f"week {w.number} session title", s.title
            yield f"week {w.number} hydration after_note", s.hydration.after_note
            for tip in s.tips:
                yield f"week {w.number} tips", tip
            for b in s.blocks:
                for item in b.items:
                    yield f"exercise '{item.exercise_id}' name", item.name
                    yield f"exercise '{item.exercise_id}' notes", item.notes
    for i, c in enumerate(plan.changes):
        yield f"changes[{i}] what", c.what
        yield f"changes[{i}] why", c.why
    for ex in plan.exercises:
        yield f"exercise '{ex.id}' name", ex.name
        for line in ex.instructions:
            yield f"exercise '{ex.id}' instructions", line
        for line in ex.cues:
            yield f"exercise '{ex.id}' cues", line
    for g in plan.guidance:
        yield f"guidance '{g.key}' title", g.title
        for point in g.points:
            yield f"guidance '{g.key}' points", point
    for key, value in theme.text.items():
        for line in [value] if isinstance(value, str) else value:
            yield f"theme '{theme.name}' text '{key}'", line
    for key, g in theme.guidance.items():
        for line in (g.title or "", g.intro, *g.extra_points):
            yield f"theme '{theme.name}' guidance '{key}'", line

