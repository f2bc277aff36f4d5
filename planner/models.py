"""Frozen pydantic models: the one source of truth for input validation and the plan JSON.

Every model forbids unknown keys, so a typo in a profile file or a hand-edited plan is an
error that names the key instead of a silently ignored field.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from typing import Annotated, Any

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    ValidationInfo,
    field_validator,
    model_serializer,
    model_validator,
)

from .events import Event, RecentRace, check_css, ordered_range, check_event, event_weeks, next_monday, parse_event, parse_recent_race

from .vocab import (
    Activity,
    BlockKind,
    Category,
    Equipment,
    Focus,
    Level,
    Limitation,
    Muscle,
    Pattern,
    Phase,
    Units,
    WeekKind,
)

SCHEMA_VERSION = "1.0"


class Frozen(BaseModel):
    """Base for every model: immutable, strict about keys."""

    model_config = ConfigDict(frozen=True, extra="forbid")


def _clean_text(value: str) -> str:
    """Refuse control characters: they break PDFs, CSV reports and file names alike."""
    value = unicodedata.normalize("NFC", value)
    for ch in value:
        if unicodedata.category(ch) == "Cc" and ch not in "\n\t":
            raise ValueError(f"contains a control character (U+{ord(ch):04X})")
    return value


# Bidi embeddings, overrides, isolates and marks: U+202E shows "Zoë" as "ëoZ" and hides what
# a file name or a calendar entry says. A name is one line, printed on every page and event.
_BIDI = frozenset("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def _clean_name(value: str) -> str:
    """A name: clean text on one line, without bidi controls (the PDF, the ICS and the JSON
    all refuse them alike, not only the fonts that cannot draw them)."""
    value = _clean_text(value)
    for ch in value:
        if ch in "\n\t" or ch in _BIDI or unicodedata.category(ch) in ("Zl", "Zp"):
            kind = "a line break or tab" if ch in "\n\t" or unicodedata.category(ch) in ("Zl", "Zp") else "a bidi control"
            allowed = "one line of text" if kind.startswith("a line") else "text without direction controls"
            raise ValueError(f"contains {kind} (U+{ord(ch):04X}); allowed: {allowed}")
    return value


def _unique_sorted(values: list[str]) -> list[str]:
    """Lists of tags are sets in meaning; sorting makes equal profiles compare equal."""
    return sorted(set(values))


def _equipment(values: list[str]) -> list[str]:
    """No equipment listed means bodyweight; "none" beside real equipment says nothing more."""
    owned = set(values) - {"none"}
    return sorted(owned) if owned else ["none"]


Name = Annotated[
    str, StringConstraints(strip_whitespace=True, min_length=1, max_length=80), AfterValidator(_clean_name)
]
ShortText = Annotated[str, StringConstraints(strip_whitespace=True, max_length=500), AfterValidator(_clean_text)]
Slug = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$", max_length=80)]
# Text caps of the plan contract: layout time grows with the longest paragraph, so a plan file
# (often hand-edited) holds no title or line longer than a handout can print (issue 15, "Time").
# Generated plans stay far inside: titles ~30 characters, tips and guidance points ~300.
Title = Annotated[str, StringConstraints(max_length=120)]
Line = Annotated[str, StringConstraints(max_length=500)]
Key = Annotated[str, StringConstraints(max_length=80)]
MAX_LINES = 12  # tips of a session, notes of a plan, points of a guidance page
# A plain checked string rather than pydantic's HttpUrl: that type's module costs a cold CLI
# ~18 ms (it probes importlib.metadata), and a QR code wants the text exactly as written.
WebUrl = Annotated[
    str, StringConstraints(pattern=r"^https?://[^\s/$.?#][^\s]*$", max_length=500)
]


def parse_lifts(value: Any) -> Any:
    """Lifts written as text ("id 100x5", separated by ';' or given as a list) become the
    mapping the model keeps; anything else passes through for the model to judge."""
    if isinstance(value, str):
        value = [p for p in value.replace(",", ";").split(";") if p.strip()]
    if not isinstance(value, list):
        return value
    out: dict[str, Any] = {}
    for part in value:
        if not isinstance(part, str):
            return value
        ident, _, sets = part.strip().rpartition(" ")
        weight, x, reps = sets.lower().partition("x")
        try:
            out[ident.strip()] = {"weight_kg": float(weight.removesuffix("kg")), "reps": int(reps)}
        except ValueError:
            raise ValueError(f"'{part.strip()[:80]}' is not a lift; write it as 'exercise-id 100x5' (kg x reps)") from None
        if not x or not ident.strip():
            raise ValueError(f"'{part.strip()[:80]}' is not a lift; write it as 'exercise-id 100x5' (kg x reps)")
    return out


class Profile(Frozen):
    """Who the plan is for. The field names are a public contract (CLI flags, files, rosters)."""

    name: Name = Field("Athlete", description="the name printed on the plan, 1-80 characters; the handout font (Fira Sans) prints Latin, Greek and Cyrillic, a theme may name another")
    level: Level = Field(description="training experience: sets volume, effort and which exercises are offered")
    activity: Activity = Field(description="the main activity the plan trains")
    weeks: int = Field(8, ge=1, le=52, description="length of the plan in weeks")
    days_per_week: int = Field(3, ge=1, le=7, description="training days a week; one full rest day is always kept, so 7 trains 6")
    session_minutes: int = Field(45, ge=15, le=180, description="minutes a session, warm-up and cool-down included")
    equipment: Annotated[list[Equipment], AfterValidator(_equipment)] = Field(
        default_factory=lambda: ["none"], description="equipment at hand; \"none\" means bodyweight only"
    )
    focus: Annotated[list[Focus], AfterValidator(_unique_sorted)] = Field(
        default_factory=list, description="areas to give extra work (e.g. inner-thigh, cramp-prevention)"
    )
    limitations: Annotated[list[Limitation], AfterValidator(_unique_sorted)] = Field(
        default_factory=list, description="joints to spare: exercises that load them are left out"
    )
    start_date: dt.date = Field(default_factory=next_monday, description="first day of the plan (YYYY-MM-DD); default next Monday")
    body_mass_kg: float | None = Field(None, ge=30, le=250, description="body mass in kg; scales the hydration targets")
    age: int | None = Field(
        None, ge=14, le=100, description="age in years: longer stretch holds from 65, a lighter week every third week from 50"
    )
    units: Units = Field("metric", description="units the handout prints: metric or imperial")
    notes: ShortText = Field("", description="a note to the person, printed on the cover (up to 500 characters)")
    # strength: lifts, loads
    lifts: dict[Slug, "LiftSet"] = Field(
        default_factory=dict,
        description="recent sets by exercise id, e.g. {'barbell-back-squat': {'weight_kg': 100, 'reps': 5}}",
    )
    plate_step_kg: float | None = Field(
        None, gt=0, le=10, description="smallest load step; default 2.5 kg barbell, 2 kg dumbbells"
    )
    test_weeks: bool = Field(
        False,
        description="strength plans: the first and the last week test each loaded main lift with one "
        "top set to a rep max (10 reps beginner, 5 intermediate, 3 advanced, a rep to spare) after "
        "ramp sets; the result, given as a recent lift, sets the loads of the next plan",
    )

    @field_validator("lifts", mode="before")
    @classmethod
    def _parse_lifts(cls, value: Any) -> Any:
        """Accept "barbell-back-squat 100x5; goblet-squat 20x10" (flags, rosters, init)."""
        return parse_lifts(value)
    # endurance: baseline, event, zones
    long_session_minutes: int | None = Field(
        None, ge=15, le=300,
        description="Minutes of the weekend long session, warm-up included (15-300). Default: "
        "1.5 x session_minutes for intermediate and advanced endurance plans.",
    )
    current_weekly_minutes: int | None = Field(
        None, ge=0, le=2000,
        description="Minutes of training a week now (baseline): week 1 is 70-110% of it.",
    )
    longest_recent_minutes: int | None = Field(
        None, ge=20, le=600,
        description="The longest session of the last 30 days, in minutes, 20-600 (baseline): no session "
        "in week 1 is over 110% of it, and it counts as the 30 days before the plan.",
    )
    event: "Event | None" = Field(
        None,
        description="An event to train for, {date, distance}: the plan counts its weeks back from "
        "the date (3-30 weeks) and ends with a taper and the race. Text form: '2027-05-02 half-marathon'.",
    )

    recent_race: "RecentRace | None" = Field(
        None,
        description="A recent all-out running race, {distance, time}, 1500 m to the marathon: it sets the "
        "training paces (Daniels-Gilbert VDOT) each run prints. Text form: '10k 52:30'.",
    )
    max_hr: int | None = Field(
        None, ge=120, le=230,
        description="Maximum heart rate in beats a minute (120-230): sets heart-rate targets. Without it "
        "an age gives an estimate (Tanaka: 208 - 0.7 x age).",
    )
    resting_hr: int | None = Field(
        None, ge=30, le=100,
        description="Resting heart rate in beats a minute (30-100): heart-rate zones then use the "
        "reserve between it and the maximum (Karvonen).",
    )
    ftp_watts: int | None = Field(
        None, ge=50, le=600,
        description="Functional threshold power in watts (50-600): sets cycling power targets (Coggan zones).",
    )
    css_per_100m: str | None = Field(
        None,
        description="Critical swim speed as a time per 100 m, m:ss from 0:55 to 4:00 (e.g. '1:55'): sets "
        "swim pace targets. From a 400 m and a 200 m time trial: (T400 - T200) / 2.",
    )

    @field_validator("recent_race", mode="before")
    @classmethod
    def _parse_recent_race(cls, value: Any) -> Any:
        return parse_recent_race(value)

    @field_validator("css_per_100m", mode="before")
    @classmethod
    def _check_css(cls, value: Any) -> Any:
        return check_css(value)

    @field_validator("resting_hr")
    @classmethod
    def _below_max(cls, value: int | None, info: ValidationInfo) -> int | None:
        """A reserve under 40 beats is a typo (or a heart to see a doctor about), not a zone."""
        top = info.data.get("max_hr")
        if value is not None and top is not None and value > top - 40:
            raise ValueError(f"allowed: at least 40 beats under max_hr ({top}), so at most {top - 40}")
        return value

    @model_validator(mode="before")
    @classmethod
    def _event_weeks(cls, data: Any) -> Any:
        """The event date decides the plan's length: weeks left out are counted from it."""
        return event_weeks(data)

    @field_validator("event", mode="before")
    @classmethod
    def _parse_event(cls, value: Any) -> Any:
        return parse_event(value)

    @field_validator("event")
    @classmethod
    def _check_event(cls, value: "Event | None", info: ValidationInfo) -> "Event | None":
        return check_event(value, info.data)

    @field_validator("equipment", "focus", "limitations", mode="before")
    @classmethod
    def _split_text(cls, value: Any) -> Any:
        """Accept "a;b" or "a,b" from flags and spreadsheets as well as real lists."""
        if isinstance(value, str):
            parts = [p.strip() for p in value.replace(",", ";").split(";")]
            return [p for p in parts if p]
        return value


class LiftSet(Frozen):
    """A set the lifter did recently: the planner estimates a one-rep max from it (Epley)."""

    weight_kg: float = Field(gt=0, le=500, description="the load lifted, in kg")
    reps: int = Field(ge=1, le=20, description="reps done with it (1-20; more says little of a max)")


class Dose(Frozen):
    """A default prescription for one level; the planner scales it to the session."""

    sets: int | None = Field(None, ge=1, le=20, description="sets")
    reps: int | None = Field(None, ge=1, le=100, description="repetitions a set")
    duration_s: int | None = Field(None, ge=5, le=4 * 3600, description="time of work in seconds")
    distance_m: int | None = Field(None, ge=1, le=100_000, description="distance in metres")
    hold_s: int | None = Field(None, ge=5, le=300, description="hold of a stretch or static position, in seconds")
    rest_s: int | None = Field(None, ge=0, le=600, description="rest between sets, in seconds")
    rpe: int | None = Field(None, ge=1, le=10, description="target effort on the 1-10 scale")


class Exercise(Frozen):
    """One entry of an exercise library, written for print."""

    id: Slug = Field(description="stable identifier: lower-case words joined by hyphens")
    name: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=120)] = Field(
        description="the name printed on the handout"
    )
    category: Category = Field(description="what kind of exercise it is (strength, cardio, stretch...)")
    pattern: Pattern | None = Field(None, description="movement pattern, used to balance a session")
    primary_muscles: list[Muscle] = Field(min_length=1, description="muscles the exercise mainly works")
    secondary_muscles: list[Muscle] = Field(default_factory=list, description="muscles it also works")
    equipment: list[Equipment] = Field(
        default_factory=lambda: ["none"], min_length=1, description="equipment it needs; \"none\" means bodyweight"
    )
    levels: list[Level] = Field(min_length=1, description="levels it suits")
    activities: list[Activity] = Field(min_length=1, description="activities whose plans may use it")
    dose: dict[Level, Dose] = Field(default_factory=dict, description="default prescription by level")
    per_side: bool = Field(False, description="done once for each side (left and right)")
    instructions: list[Annotated[str, StringConstraints(min_length=1, max_length=400)]] = Field(
        min_length=1, max_length=8, description="how to do it, one step a line"
    )
    cues: list[Annotated[str, StringConstraints(min_length=1, max_length=200)]] = Field(
        default_factory=list, max_length=MAX_LINES, description="short form reminders"
    )
    avoid_with: list[Limitation] = Field(default_factory=list, description="limitations that rule it out")
    regression: Slug | None = Field(None, description="id of an easier variant")
    progression: Slug | None = Field(None, description="id of a harder variant")
    alternatives: list[Slug] = Field(default_factory=list, description="ids of exercises that can replace it")
    video_url: WebUrl | None = Field(None, description="a web address showing the exercise (http or https)")
    source: Annotated[str, StringConstraints(max_length=500)] | None = Field(None, description="where the entry comes from")

    @property
    def needs(self) -> frozenset[str]:
        """The equipment the exercise cannot be done without ("none" means bodyweight)."""
        return frozenset(self.equipment) - {"none"}

    @property
    def muscles(self) -> frozenset[str]:
        return frozenset(self.primary_muscles) | frozenset(self.secondary_muscles)


TargetRange = Annotated[tuple[Annotated[int, Field(ge=1, le=100_000)], Annotated[int, Field(ge=1, le=100_000)]],
                        AfterValidator(ordered_range)]  # low to high (fast to slow for paces)


TARGET_KEYS = ("zone", "pace_s_per_km", "hr_bpm", "power_w", "pace_s_per_100m")


class Prescription(Frozen):
    """One line of a session: what to do, how much, how hard."""

    exercise_id: Key = Field(description="id of the exercise in the plan's exercises")
    name: Title = Field(description="the name printed for this line")
    sets: int | None = Field(None, ge=1, le=1000, description="sets (swim lengths count as sets)")
    reps: int | None = Field(None, ge=1, le=1000, description="repetitions a set")
    rir: int | None = Field(None, ge=0, le=5, description="reps in reserve at the end of each set")
    duration_s: int | None = Field(
        None, ge=1, le=48 * 3600, description="time of work in seconds (up to 48 h: an ultra event's race)"
    )
    distance_m: int | None = Field(None, ge=1, le=1_000_000, description="distance in metres")
    hold_s: int | None = Field(None, ge=1, le=3600, description="hold of a stretch or static position, in seconds")
    rest_s: int | None = Field(None, ge=0, le=3600, description="rest between sets or intervals, in seconds")
    rpe: int | None = Field(None, ge=1, le=10, description="target effort on the 1-10 scale")
    per_side: bool = Field(False, description="done once for each side (left and right)")
    notes: Line = Field("", description="a note printed with the line")
    # strength: lifts, loads
    load_kg: float | None = Field(None, gt=0, description="working load from the profile's recent lift")
    rep_max: int | None = Field(None, ge=1, le=30, description="use a weight you could lift this many times")
    percent_1rm: int | None = Field(None, ge=30, le=100, description="share of the one-rep max")
    # endurance: personal intensity targets, from the profile's race, heart rates, FTP or CSS
    zone: str | None = Field(None, max_length=20, description="the personal zone the targets below come from (e.g. 'E', 'T', 'Z2')")
    pace_s_per_km: "TargetRange | None" = Field(None, description="running pace target, [fast, slow] seconds a km")
    hr_bpm: "TargetRange | None" = Field(None, description="heart-rate target, [low, high] beats a minute")
    power_w: "TargetRange | None" = Field(None, description="cycling power target, [low, high] watts")
    pace_s_per_100m: "TargetRange | None" = Field(None, description="swim pace target, [fast, slow] seconds per 100 m")

    @model_serializer(mode="wrap")
    def _without_empty_targets(self, handler: Any) -> Any:
        """Targets left out when absent: a plan without zones writes the bytes it always did."""
        data = handler(self)
        return {k: v for k, v in data.items() if not (v is None and k in TARGET_KEYS)} if isinstance(data, dict) else data


class Block(Frozen):
    """One part of a session (warm-up, main work, cool-down): its minutes and its lines."""

    kind: BlockKind = Field(description="which part of the session: warm-up, main or cool-down")
    minutes: int = Field(ge=1, le=48 * 60, description="minutes the part takes (up to 48 h: an ultra event)")
    items: list[Prescription] = Field(min_length=1, max_length=60, description="the lines of the part, in order")


class Range(Frozen):
    """A from-to amount (millilitres in hydration targets)."""

    low: int = Field(ge=0, description="lower end")
    high: int = Field(ge=0, description="upper end")


class Hydration(Frozen):
    """Fluid targets in millilitres (the renderer converts units): ACSM 2007."""

    before_ml: Range = Field(description="millilitres to drink 2-4 hours before")
    during_ml: Range | None = Field(None, description="millilitres to drink during the session (0.4-0.8 L an hour); none for sessions of an hour or less")
    after_note: Line = Field(description="what to drink after, in words")
    electrolytes: bool = Field(False, description="whether a sodium-containing drink is advised (long sessions)")


class Session(Frozen):
    """One training day: its parts, effort, load and drink targets."""

    date: dt.date = Field(description="the day of the session (YYYY-MM-DD)")
    title: Title = Field(description="the heading printed for the session")
    kind: Key = Field(description="the kind of session (easy, long, intervals, strength...)")
    minutes: int = Field(ge=1, le=49 * 60, description="total minutes, warm-up and cool-down included (an ultra event may take up to 2 days)")
    rpe: int = Field(ge=1, le=10, description="target effort of the session on the 1-10 scale")
    load: int = Field(ge=0, description="session-RPE load: rpe x minutes (Foster 2001)")
    hard: bool = Field(False, description="a hard session (tempo, intervals, heavy lifting), kept off back-to-back days")
    blocks: list[Block] = Field(min_length=3, max_length=10, description="warm-up first, main work, cool-down last")
    hydration: Hydration = Field(description="drink targets for the session")
    tips: list[Line] = Field(default_factory=list, max_length=MAX_LINES, description="tips printed with the session")


class Week(Frozen):
    """One week of the plan: its kind (base, build, lighter, taper), sessions and rest days."""

    number: int = Field(ge=1, description="week number, from 1")
    kind: WeekKind = Field(description="what the week is for: base, build, lighter or taper")
    phase: Phase | None = Field(
        None, description="an event plan's phase (base, build, peak, taper); none without an event"
    )
    start_date: dt.date = Field(description="first day of the week (YYYY-MM-DD)")
    load: int = Field(ge=0, description="sum of the sessions' loads (rpe x minutes)")
    sessions: list[Session] = Field(max_length=14, description="the training days, in date order")
    rest_days: list[dt.date] = Field(description="the days without training")


class GuidanceSection(Frozen):
    """A page of advice in the handout (hydration, cramps, when to see a doctor...)."""

    key: Key = Field(description="stable identifier of the section")
    title: Title = Field(description="the heading printed")
    points: list[Line] = Field(max_length=MAX_LINES, description="the points printed under it")


class Generator(Frozen):
    """The program that wrote the plan."""

    name: str = Field("workout-planner", description="program name")
    version: str = Field(description="program version")


class Change(Frozen):
    """One change `planner adapt` made to a plan, and the rule that made it."""

    week: int = Field(ge=1, description="week number the change applies from")
    date: dt.date = Field(description="first day the change applies (YYYY-MM-DD)")
    exercise_id: str | None = Field(None, description="the exercise changed; none for a change to the whole week")
    what: Line = Field(description="what changed, in words")
    why: Line = Field(description="the reason, from the rule that made the change")


class LogEntry(Frozen):
    """One checked row of a training log: what was done of one main-block prescription."""

    date: dt.date = Field(description="the day of the session")
    exercise_id: str = Field(description="id of the exercise logged")
    done: bool = Field(description="whether it was done")
    reps_done: tuple[int, ...] = Field((), description="reps done, one number a set")
    load_kg: float | None = Field(None, gt=0, description="load lifted, in kg")
    minutes_done: float | None = Field(None, ge=0, description="minutes done")
    effort_felt: int | None = Field(None, ge=1, le=10, description="effort felt on the 1-10 scale")
    pain: int | None = Field(None, ge=0, le=10, description="pain on the 0-10 scale")
    notes: str = Field("", description="a note")


class Plan(Frozen):
    """The whole plan; self-contained (it carries the exercises it uses) so it renders alone."""

    schema_version: str = Field(SCHEMA_VERSION, description="version of this plan format")
    generator: Generator = Field(description="the program that wrote the plan")
    title: Title = Field(description="the plan's title, printed on the cover")
    seed: int = Field(0, description="picks among equally good exercises; same inputs and seed give the same plan")
    profile: Profile = Field(description="the profile the plan was built for")
    end_date: dt.date = Field(description="last day of the plan (YYYY-MM-DD)")
    notes: list[Line] = Field(default_factory=list, max_length=MAX_LINES, description="notes printed on the cover")
    weeks: list[Week] = Field(min_length=1, max_length=52, description="the weeks, in order")
    guidance: list[GuidanceSection] = Field(default_factory=list, max_length=MAX_LINES, description="the advice pages")
    exercises: list[Exercise] = Field(default_factory=list, description="every exercise the plan uses, so it renders alone")
    # Which exercise library the plan was built from ("built-in" or the file's name): a plan
    # from the built-in library is re-checked against it, so editing an exercise's
    # limitations or equipment inside the plan file cannot hide a clash.
    library: Annotated[str, StringConstraints(max_length=300)] = Field("built-in", description="the exercise library the plan was built from")
    # Names of easier/harder variants the plan does not use itself, for the exercise guide.
    variant_names: dict[Key, Title] = Field(
        default_factory=dict, description="names of easier or harder variants by id, for the exercise guide"
    )
    changes: list[Change] = Field(default_factory=list, description="changes made by 'planner adapt' from a training log, in date order")
    edited: bool = Field(False, description="true when a hand-edited plan that breaks a safety rule was printed with --allow-unsafe; every page is marked")

    def exercise(self, exercise_id: str) -> Exercise | None:
        """One exercise by id (a scan: callers that look up many build their own dict)."""
        for ex in self.exercises:
            if ex.id == exercise_id:
                return ex
        return None


class Coach(Frozen):
    """Branding a coach prints on every handout."""

    name: Name | None = None
    contact: ShortText | None = None
    logo: str | None = None
    accent: str | None = None
