"""The handout as plain values: sections, rows and display strings, before any layout.

The PDF, the terminal preview and the calendar all read these, so what a reader sees is
decided once, in `document`, and each output only places it.
"""

from __future__ import annotations


class _Doc:
    """An immutable display record: fields are the annotations, defaults the class values.

    Built from already-validated models (the Plan and Theme went through pydantic), so no
    validation again; and defining twenty of these costs nothing at start-up, where
    dataclasses, NamedTuples or pydantic models cost 10-20 ms of the CLI's budget.
    """

    _fields: tuple[str, ...] = ()

    def __init_subclass__(cls) -> None:
        cls._fields = tuple(cls.__dict__.get("__annotations__", {}))
        cls._required = frozenset(f for f in cls._fields if f not in cls.__dict__)

    def __init__(self, **values: object) -> None:
        unknown = values.keys() - set(self._fields)
        missing = self._required - values.keys()
        if unknown or missing:
            raise TypeError(f"{type(self).__name__}: unknown {sorted(unknown)}, missing {sorted(missing)}")
        self.__dict__.update(values)

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"{type(self).__name__} is immutable")

    def __eq__(self, other: object) -> bool:
        return type(other) is type(self) and other.__dict__ == self.__dict__

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"{type(self).__name__}({', '.join(f'{k}={getattr(self, k)!r}' for k in self._fields)})"


class Fact(_Doc):
    label: str
    value: str


class ChartBar(_Doc):
    label: str
    value: int
    light: bool


class LoadChart(_Doc):
    title: str
    caption: str
    axis_label: str
    legend_normal: str
    legend_light: str
    bars: list[ChartBar]


class TextBlock(_Doc):
    """A heading with paragraphs or points under it."""

    title: str
    intro: str = ""
    points: list[str] = []
    numbered: bool = False


class Cover(_Doc):
    outline: str
    title: str
    subtitle: str
    coach_line: str
    facts: list[Fact]
    chart: LoadChart
    notes: list[TextBlock]
    how_to_read: TextBlock
    effort_title: str
    effort_intro: str
    effort_scale: list[Fact]
    kind: str = "cover"


class Row(_Doc):
    """One prescription line of a block table; log cells are left blank for the pen."""

    exercise: str
    dose: str
    rest: str
    effort: str
    note: str = ""
    loaded: bool = False  # a loaded strength line: only these have a "load used" cell
    fields: dict[str, str] = {}  # log column -> form field name (main-block lines only)


class BlockTable(_Doc):
    heading: str
    rows: list[Row]


class Day(_Doc):
    heading: str
    rest: bool
    line: str = ""
    blocks: list[BlockTable] = []
    hydration: list[str] = []
    drink: str = ""  # the hydration parts as one printed line
    tips: list[str] = []
    notes_field: str = ""  # form field name of the session's notes line (fillable handouts)


class WeekPage(_Doc):
    outline: str
    heading: str
    summary: str
    light: bool
    days: list[Day]
    drink: str = ""  # the week's usual drink line, said once; a Day's drink only where it differs
    changed: str = ""  # an adapted plan: the marker of the changes that start this week


class CalendarRow(_Doc):
    label: str  # "Week 3"
    kind: str  # "Lighter week", or "" for an ordinary week
    cells: list[str]  # one a weekday, Monday first: "Easy run\n30 min", or "" for rest
    light: bool


class Calendar(_Doc):
    """The whole plan on one page: every week by weekday, so the handout need not be leafed."""

    outline: str
    title: str
    intro: str
    headers: list[str]
    rows: list[CalendarRow]
    legend: str
    kind: str = "calendar"


class Readiness(_Doc):
    """Questions to answer before the first session, and what a yes means."""

    outline: str
    title: str
    intro: str
    questions: list[str]
    if_yes: TextBlock
    if_no: TextBlock
    kind: str = "readiness"


class LogRow(_Doc):
    label: str
    cells: list[str | None]  # None: not part of that session
    tall: bool = False


class LogWeek(_Doc):
    outline: str
    heading: str
    subtitle: str
    columns: list[str]
    rows: list[LogRow]
    changed: str = ""  # an adapted plan: the marker of the changes that start this week


class Weeks(_Doc):
    outline: str
    headers: list[str]  # done, exercise, dose, rest, effort, then the four log columns
    notes_label: str
    weeks: list[WeekPage] = []
    logs: list[LogWeek] = []
    kind: str = "weeks"


class GuideEntry(_Doc):
    name: str
    muscles: str
    steps: list[str]
    cues: list[str]
    variants: str  # the easier and harder versions, or "" when there are none
    video_url: str | None = None
    each_side: str = ""


class Guide(_Doc):
    outline: str
    title: str
    intro: str
    labels: dict[str, str]
    entries: list[GuideEntry]
    kind: str = "guide"


class Guidance(_Doc):
    outline: str
    title: str
    intro: str
    blocks: list[TextBlock]
    sources: TextBlock | None = None
    kind: str = "guidance"


class ChangeRow(_Doc):
    week: str  # "Week 3"
    date: str  # the first day the change applies
    exercise: str  # the exercise's name, or the words for the whole week
    what: str
    why: str


class Changes(_Doc):
    """An adapted plan's changes (Plan.changes), in a box near the front of the handout."""

    outline: str
    title: str
    intro: str
    headers: list[str]
    rows: list[ChangeRow]
    kind: str = "changes"


class ZoneTable(_Doc):
    """One kind of zone (paces, heart rate, power, swim): a row a zone, notes on where it comes from."""

    title: str
    headers: list[str]
    rows: list[list[str]]
    notes: list[str] = []


class ZonesPage(_Doc):
    """The person's zones, behind the targets printed beside the effort in the sessions."""

    outline: str
    title: str
    intro: str
    tables: list[ZoneTable]
    kind: str = "zones"


Section = Cover | Changes | Calendar | Readiness | Weeks | Guide | Guidance | ZonesPage


class Running(_Doc):
    """What every page carries."""

    left: str
    right: str
    generator: str
    coach: str
    page_label: str  # with {page} and {pages} left for the layout to fill
    edited: str = ""


class Meta(_Doc):
    title: str
    author: str
    subject: str
    creator: str
    keywords: str


class Document(_Doc):
    meta: Meta
    running: Running
    sections: list[Section]

