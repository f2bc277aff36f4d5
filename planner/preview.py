"""A plan as plain lines and rich tables for the terminal (``planner show``), and the one-line
wording of prescriptions that the calendar export shares.

The text helpers are pure and import nothing heavy; rich (shipped with typer) is imported only
inside the functions that build renderables, so ``import planner.ics`` stays cheap.
"""

from __future__ import annotations

import datetime as dt
import io
from typing import TYPE_CHECKING, Any

from .models import Block, Hydration, Plan, Prescription, Session, Week

if TYPE_CHECKING:
    from rich.console import RenderableType

__all__ = [
    "BLOCK_TITLES",
    "block_heading",
    "format_duration",
    "hydration_line",
    "item_line",
    "plan_overview",
    "render_text",
    "session_lines",
    "week_detail",
    "week_label",
]

BLOCK_TITLES = {"warmup": "Warm-up", "main": "Main", "cooldown": "Cool-down"}
WEEK_KIND_WORDS = {"base": "base", "build": "build", "deload": "lighter week"}
_ML_PER_FL_OZ = 29.5735
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


def _volume(ml: int, units: str) -> str:
    return f"{round(ml / _ML_PER_FL_OZ)}" if units == "imperial" else f"{ml}"


def _range(low: int, high: int, units: str) -> str:
    unit = "fl oz" if units == "imperial" else "mL"
    a, b = _volume(low, units), _volume(high, units)
    return f"{a} {unit}" if a == b else f"{a}-{b} {unit}"


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


def block_heading(block: Block) -> str:
    return f"{BLOCK_TITLES.get(block.kind, block.kind.title())} ({block.minutes} min)"


def hydration_line(hydration: Hydration, units: str = "metric") -> str:
    """ACSM targets as one line: before, during (when the session is long enough), after."""
    parts = [f"{_range(hydration.before_ml.low, hydration.before_ml.high, units)} in the 2-4 h before"]
    if hydration.during_ml is not None:
        during = f"{_range(hydration.during_ml.low, hydration.during_ml.high, units)} during"
        if hydration.electrolytes:
            during += " (with electrolytes)"
        parts.append(during)
    elif hydration.electrolytes:
        parts.append("electrolytes advised")
    note = hydration.after_note.strip().rstrip(".")
    if note:
        # "Drink to thirst" reads as the middle of a sentence here, unless it starts with an
        # acronym such as "ORS".
        parts.append(note[0].lower() + note[1:] if note[1:2].islower() else note)
    return "Hydration: " + "; ".join(parts)


def session_lines(session: Session, units: str = "metric") -> list[str]:
    """The session as text, blocks in the order they are done (warm-up first in every plan the
    planner emits), one item a line: what a calendar event's description needs."""
    lines = [f"{session.title}: {session.minutes} min, effort {session.rpe}/10"]
    for block in session.blocks:
        lines.append("")
        lines.append(block_heading(block))
        lines.extend(f"- {item_line(item, units)}" for item in block.items)
    lines.append("")
    lines.append(hydration_line(session.hydration, units))
    lines.extend(f"Tip: {tip}" for tip in session.tips)
    return lines


def week_label(week: Week) -> str:
    return WEEK_KIND_WORDS.get(week.kind, week.kind)


def _week_minutes(week: Week) -> int:
    return sum(s.minutes for s in week.sessions)


def _date(day: dt.date) -> str:
    return f"{day:%a} {day.day} {day:%b}"


# --- rich renderables (rich is imported here, lazily) -------------------------------------


_TABLE_WITHOUT_BAR = 76  # characters the week table takes before its load bar


def plan_overview(plan: Plan, width: int = 100) -> list["RenderableType"]:
    """The header and the week-by-week table: load, change, and lighter weeks in words.
    The load bar takes what ``width`` leaves (up to 20 characters) so rows never wrap."""
    from rich import box
    from rich.table import Table
    from rich.text import Text

    profile = plan.profile
    header = Text()
    header.append(plan.title, style="bold")
    header.append(
        f"\n{profile.name} · {profile.activity} · {profile.level} · "
        f"{len(plan.weeks)} week{'s' if len(plan.weeks) != 1 else ''} · "
        f"{profile.days_per_week} day{'s' if profile.days_per_week != 1 else ''} a week · "
        f"{plan.weeks[0].start_date.isoformat()} to {plan.end_date.isoformat()}"
    )
    if plan.edited:
        header.append("\nEdited by hand: this plan may break the planner's safety rules.", style="bold red")

    table = Table(title="Weekly load (effort x minutes)", title_justify="left", box=box.SIMPLE_HEAD)
    for heading in ("Week", "Starts", "Kind", "Sessions", "Minutes", "Load", "Change"):
        table.add_column(heading, no_wrap=True, justify="left" if heading in ("Starts", "Kind") else "right")
    bar_room = max(0, min(20, width - _TABLE_WITHOUT_BAR))
    if bar_room >= 4:
        table.add_column("", no_wrap=True)
    top = max((w.load for w in plan.weeks), default=0) or 1
    previous: int | None = None
    last_regular: int | None = None
    for week in plan.weeks:
        lighter = week.kind == "deload"
        change = ""
        # As the safety rule reads it: a regular week against the last regular week (the
        # lighter week between them is a pause, not a base), a lighter week against the one before.
        base = previous if lighter else last_regular
        if base:
            change = f"{(week.load - base) / base:+.0%}"
        cells: list[Any] = [
            str(week.number),
            _date(week.start_date),
            Text(week_label(week), style="bold cyan" if lighter else ""),
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
    return [header, Text(""), table, footer]


def week_detail(plan: Plan, number: int) -> list["RenderableType"]:
    """One week day by day: each session with its blocks, rest days named as such."""
    from rich.table import Table
    from rich.text import Text

    week = plan.weeks[number - 1]
    units = plan.profile.units
    title = Text()
    title.append(f"Week {week.number} of {len(plan.weeks)}", style="bold")
    title.append(
        f" · {week_label(week)} · {_date(week.start_date)} · {len(week.sessions)} "
        f"session{'s' if len(week.sessions) != 1 else ''} · {_week_minutes(week)} min · load {week.load}"
    )
    out: list[RenderableType] = [title]
    by_day: dict[dt.date, list[Session]] = {}
    for session in week.sessions:
        by_day.setdefault(session.date, []).append(session)
    days = sorted(set(by_day) | set(week.rest_days))
    for day in days:
        if day not in by_day:
            out.append(Text(f"\n{_date(day)}: rest day", style="dim"))
            continue
        for session in by_day[day]:
            head = Text(f"\n{_date(day)}: ", style="bold")
            head.append(session.title, style="bold")
            head.append(
                f" · {session.minutes} min · effort {session.rpe}/10 · load {session.load}"
                + (" · hard" if session.hard else "")
            )
            out.append(head)
            table = Table(show_header=False, box=None, pad_edge=False, padding=(0, 1))
            table.add_column("Block", style="bold", no_wrap=True)
            table.add_column("What to do")
            # As stored, never re-sorted: a hand edit that moved the warm-up must stay visible.
            for block in session.blocks:
                for i, item in enumerate(block.items):
                    table.add_row(block_heading(block) if i == 0 else "", item_line(item, units))
            out.append(table)
            out.append(Text(hydration_line(session.hydration, units), style="italic"))
            for tip in session.tips:
                out.append(Text(f"Tip: {tip}"))
    return out


def render_text(renderables: list[Any], width: int = 100, color: bool = False) -> str:
    """Render to a string at a fixed width: deterministic output for tests and pipes."""
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
