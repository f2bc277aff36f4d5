"""A plan for reading off a screen: the terminal (``planner show``) and calendar events.

What a session says (dates, doses, effort, drink targets, block names) comes from the same
display model and theme words as the printed handout (``planner.render.document``), so the
calendar, the terminal and the paper never disagree, and a translated theme translates all
three. Only the terminal's own table labels live here. rich (shipped with typer) is imported
inside the functions that build renderables, so ``import planner.export.ics`` stays cheap.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from ..models import Plan, Prescription, Session, Week

if TYPE_CHECKING:
    from rich.console import RenderableType

    from .model import Day
    from .theme import Theme

__all__ = [
    "day_lines",
    "format_distance",
    "format_duration",
    "item_line",
    "load_words",
    "plan_overview",
    "render_text",
    "session_day",
    "week_detail",
]

def load_words(theme: Any = None) -> "Theme":
    """The theme whose text table words the output (default: the handout's English)."""
    from .theme import load_theme

    return load_theme(theme)


def session_day(theme: "Theme", plan: Plan, week: Week, session: Session) -> "Day":
    """One session as the handout's display model shows it. Built from a week holding just
    this session, so two sessions on one date (a hand edit) each keep their own text."""
    from .document import week_page

    alone = week.model_copy(update={"sessions": [session], "rest_days": []})
    page = week_page(theme, plan, alone)
    return next(day for day in page.days if not day.rest)


def _row_line(theme: "Theme", row: Any) -> str:
    sep = theme.t("range_sep")
    rest = f"{theme.t('col_rest')} {row.rest}" if row.rest else ""
    parts = sep.join(x for x in (row.dose, rest, row.effort) if x)
    text = f"{row.exercise}: {parts}" if parts else row.exercise
    return f"{text} ({row.note})" if row.note else text


def day_lines(theme: "Theme", day: "Day") -> list[str]:
    """A session as plain lines, blocks in their stored order (the warm-up first in every plan
    the planner emits), one exercise a line, then drink targets and tips."""
    lines = [day.line]
    for block in day.blocks:
        lines += ["", block.heading]
        lines += [f"- {_row_line(theme, row)}" for row in block.rows]
    if day.hydration:
        lines += ["", f"{theme.t('hydration_label')}: " + "; ".join(day.hydration)]
    if day.tips:
        lines += ["", f"{theme.t('tips_label')}:"] + [f"- {tip}" for tip in day.tips]
    return lines


# --- compact one-line wording: `planner exercises show` words default doses with it ------

_M_PER_MILE = 1609.344
_M_PER_YARD = 0.9144


def format_duration(seconds: int) -> str:
    """90 -> "90 s", 300 -> "5 min", 330 -> "5 min 30 s": how people say times."""
    if seconds < 120 and seconds % 60:
        return f"{seconds} s"
    minutes, rest = divmod(seconds, 60)
    if minutes >= 60:
        hours, minutes = divmod(minutes, 60)
        text = f"{hours} h" + (f" {minutes} min" if minutes else "")
        return text + (f" {rest} s" if rest else "")
    return f"{minutes} min" + (f" {rest} s" if rest else "")


def format_distance(metres: int, units: str = "metric") -> str:
    """Distances in the profile's units: km/m, or mi/yd for imperial."""
    if units == "imperial":
        miles = metres / _M_PER_MILE
        if miles < 0.25:
            return f"{round(metres / _M_PER_YARD)} yd"
        return f"{miles:.1f}".rstrip("0").rstrip(".") + " mi"
    if metres < 1000:
        return f"{metres} m"
    return f"{metres / 1000:.1f}".rstrip("0").rstrip(".") + " km"


def item_line(item: Prescription, units: str = "metric") -> str:
    """One prescription on one line: "Goblet squat: 3 x 10, rest 60 s, effort 6/10"."""
    parts: list[str] = []
    amount = ""
    if item.reps is not None:
        amount = f"{item.reps}"
    elif item.duration_s is not None:
        amount = format_duration(item.duration_s)
    elif item.distance_m is not None:
        amount = format_distance(item.distance_m, units)
    elif item.hold_s is not None:
        amount = f"{format_duration(item.hold_s)} hold"
    if item.sets is not None and item.sets > 1 and amount:
        amount = f"{item.sets} x {amount}"
    elif item.sets is not None and not amount:
        amount = f"{item.sets} set{'s' if item.sets > 1 else ''}"
    if amount:
        parts.append(amount + (" each side" if item.per_side else ""))
    if item.reps is not None and item.duration_s is not None:
        parts.append(format_duration(item.duration_s))
    if item.hold_s is not None and item.reps is not None:
        parts.append(f"hold {format_duration(item.hold_s)}")
    if item.distance_m is not None and (item.reps is not None or item.duration_s is not None):
        parts.append(format_distance(item.distance_m, units))
    if item.rest_s:
        parts.append(f"rest {format_duration(item.rest_s)}")
    if item.rpe is not None:
        parts.append(f"effort {item.rpe}/10")
    if item.rir is not None:
        parts.append(f"{item.rir} rep{'s' if item.rir != 1 else ''} in reserve")
    text = f"{item.name}: {', '.join(parts)}" if parts else item.name
    if item.notes:
        text += f" ({item.notes})"
    return text


# --- rich renderables (rich is imported here, lazily) -------------------------------------

_TABLE_WITHOUT_BAR = 76  # characters the week table takes before its load bar


def _week_minutes(week: Week) -> int:
    return sum(s.minutes for s in week.sessions)


def plan_overview(plan: Plan, width: int = 100, theme: Any = None) -> list["RenderableType"]:
    """The header and the week-by-week table: load, change, and lighter weeks in words.
    The load bar takes what ``width`` leaves (up to 20 characters) so rows never wrap."""
    from rich import box
    from rich.table import Table
    from rich.text import Text

    from .formatting import fmt_date

    words = load_words(theme)
    profile = plan.profile
    weeks = len(plan.weeks)
    header = Text()
    header.append(plan.title, style="bold")
    header.append(
        f"\n{profile.name} · {words.t(f'activity_{profile.activity}')} · "
        f"{words.t(f'level_{profile.level}')} · {weeks} week{'s' if weeks != 1 else ''} · "
        f"{profile.days_per_week} day{'s' if profile.days_per_week != 1 else ''} a week · "
        f"{fmt_date(words, plan.weeks[0].start_date, long=True)} – {fmt_date(words, plan.end_date, long=True)}"
    )
    if plan.edited:
        header.append(f"\n{words.t('edited_mark')}", style="bold red")

    table = Table(title="Weekly load (effort x minutes)", title_justify="left", box=box.SIMPLE_HEAD)
    for heading in ("Week", "Starts", "Kind", "Sessions", "Minutes", "Load", "Change"):
        table.add_column(heading, no_wrap=True, justify="left" if heading in ("Starts", "Kind") else "right")
    # Phase labels ("Lighter week · build") widen the kind column: the bar gives way.
    wider = max(len(_kind_label(words, w)) for w in plan.weeks) - len(words.t("week_kind_deload"))
    bar_room = max(0, min(20, width - _TABLE_WITHOUT_BAR - max(0, wider)))
    if bar_room >= 4:
        table.add_column("", no_wrap=True)
    top = max((w.load for w in plan.weeks), default=0) or 1
    previous: int | None = None
    last_regular: int | None = None
    for week in plan.weeks:
        lighter = week.kind in ("deload", "taper")
        # As the safety rule reads it: a regular week against the last regular week (the
        # lighter week between them is a pause, not a base), a lighter week against the one before.
        base = previous if week.kind == "deload" else last_regular
        change = f"{(week.load - base) / base:+.0%}" if base else ""
        cells: list[Any] = [
            str(week.number),
            fmt_date(words, week.start_date),
            Text(_kind_label(words, week), style="bold cyan" if lighter else ""),
            str(len(week.sessions)),
            str(_week_minutes(week)),
            str(week.load),
            change,
        ]
        if bar_room >= 4:
            bar = "#" * max(1, round(bar_room * week.load / top)) if week.load else ""
            cells.append(Text(bar, style="cyan" if lighter else "green"))
        table.add_row(*cells)
        previous = week.load
        if not lighter:
            last_regular = week.load
    lighter_count = sum(1 for w in plan.weeks if w.kind == "deload")
    footer = Text(
        f"{lighter_count} lighter week{'s' if lighter_count != 1 else ''}: load cut to let the body "
        "adapt. Change: against the last regular week (a lighter week: against the week before). "
        "See one week with --week N."
    )
    event = event_summary(words, plan)
    from .zones import zone_lines

    zones = zone_lines(words, plan)  # the numbers behind the targets in --week N
    return [header, Text(""), table, footer, *([Text(line) for line in event]), *([Text(line) for line in zones])]


def _kind_label(words: Any, week: Week) -> str:
    kind = words.t(f"week_kind_{week.kind}")
    return words.t("show_kind_phase", kind=kind, phase=words.t(f"phase_{week.phase}")) if week.phase else kind


def event_summary(words: Any, plan: Plan) -> list[str]:
    """An event plan's phases and taper in two lines (share of the peak week's training minutes)."""
    event = plan.profile.event
    if event is None or not any(w.phase for w in plan.weeks):
        return []
    runs: list[tuple[str, int, int]] = []
    for week in plan.weeks:
        if runs and runs[-1][0] == week.phase:
            runs[-1] = (runs[-1][0], runs[-1][1], week.number)
        else:
            runs.append((str(week.phase), week.number, week.number))

    def span(a: int, b: int) -> str:
        return words.t("show_week", n=a) if a == b else words.t("show_weeks", first=a, last=b)

    phases = ", ".join(words.t("show_phase_run", phase=words.t(f"phase_{p}"), weeks=span(a, b)) for p, a, b in runs)
    lines = [words.t("show_event", distance=event.distance, date=event.date.isoformat(), week=len(plan.weeks), phases=phases)]
    regular = [w for w in plan.weeks if w.kind not in ("deload", "taper")]
    tapers = [w for w in plan.weeks if w.kind == "taper"]
    if regular and tapers:
        peak = regular[-1]
        peak_min = sum(s.minutes for s in peak.sessions) or 1
        shares = ", ".join(f"{sum(s.minutes for s in w.sessions if s.kind != 'race') / peak_min:.0%}" for w in tapers)
        lines.append(words.t("show_taper", weeks=span(tapers[0].number, tapers[-1].number), shares=shares, peak=peak.number))
    return lines


def week_detail(plan: Plan, number: int, theme: Any = None) -> list["RenderableType"]:
    """One week day by day, in the handout's words: each session with its blocks as stored
    (a hand edit that moved the warm-up stays visible), rest days named as such."""
    from rich.text import Text

    from .document import week_page

    words = load_words(theme)
    week = plan.weeks[number - 1]
    page = week_page(words, plan, week)
    title = Text()
    title.append(f"{page.heading} ({number}/{len(plan.weeks)})", style="bold")
    title.append(f"\n{page.summary} · load {week.load}")
    out: list[RenderableType] = [title]
    if plan.edited:
        out.append(Text(words.t("edited_mark"), style="bold red"))
    shown: set[int] = set()
    # The page's days run from the week's first day; sessions are looked up by date so that
    # two on one date (a hand edit) are both shown, and one moved out of the week too.
    for offset, day in enumerate(page.days):
        date = week.start_date + dt.timedelta(days=offset)
        todays = [s for s in week.sessions if s.date == date]
        if not todays:
            out.append(Text(f"\n{day.heading}", style="dim"))
        for session in todays:
            shown.add(id(session))
            out += _session_renderables(words, session_day(words, plan, week, session), session)
    for session in week.sessions:
        if id(session) not in shown:
            out += _session_renderables(words, session_day(words, plan, week, session), session)
    return out


def _session_renderables(words: "Theme", day: "Day", session: Session) -> list["RenderableType"]:
    from rich.table import Table
    from rich.text import Text

    head = Text(f"\n{day.heading}", style="bold")
    head.append(f"\n{day.line} · load {session.load}")
    table = Table(show_header=False, box=None, pad_edge=False, padding=(0, 1))
    table.add_column("Block", style="bold", no_wrap=True)
    table.add_column("What to do")
    for block in day.blocks:
        for i, row in enumerate(block.rows):
            table.add_row(block.heading if i == 0 else "", _row_line(words, row))
    out: list[RenderableType] = [head, table]
    if day.hydration:
        out.append(Text(f"{words.t('hydration_label')}: " + "; ".join(day.hydration), style="italic"))
    if day.tips:
        out.append(Text(f"{words.t('tips_label')}: " + " ".join(day.tips)))
    return out


def render_text(renderables: list[Any], width: int = 100, color: bool = False) -> str:
    """Render to a string at a fixed width: deterministic output for tests and pipes."""
    import io

    from rich.console import Console

    buffer = io.StringIO()
    console = Console(
        file=buffer,
        width=width,
        color_system="standard" if color else None,
        force_terminal=color,
        legacy_windows=False,
        highlight=False,
        emoji=False,
    )
    for renderable in renderables:
        console.print(renderable)
    return buffer.getvalue()
