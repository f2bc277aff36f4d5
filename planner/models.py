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
    field_validator,
)

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


def _unique_sorted(values: list[str]) -> list[str]:
    """Lists of tags are sets in meaning; sorting makes equal profiles compare equal."""
    return sorted(set(values))


def _equipment(values: list[str]) -> list[str]:
    """No equipment listed means bodyweight; "none" beside real equipment says nothing more."""
    owned = set(values) - {"none"}
    return sorted(owned) if owned else ["none"]


Name = Annotated[
    str, StringConstraints(strip_whitespace=True, min_length=1, max_length=80), AfterValidator(_clean_text)
]
ShortText = Annotated[str, StringConstraints(strip_whitespace=True, max_length=500), AfterValidator(_clean_text)]
Slug = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$", max_length=80)]
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


def next_monday(today: dt.date | None = None) -> dt.date:
    """Plans start on a Monday by default so weeks read Monday to Sunday on paper."""
    today = today or dt.date.today()
    return today + dt.timedelta(days=(7 - today.weekday()) % 7 or 7)


class Profile(Frozen):
    """Who the plan is for. The field names are a public contract (CLI flags, files, rosters)."""

    name: Name = "Athlete"
    level: Level
    activity: Activity
    weeks: int = Field(8, ge=1, le=52)
    days_per_week: int = Field(3, ge=1, le=7)
    session_minutes: int = Field(45, ge=15, le=180)
    equipment: Annotated[list[Equipment], AfterValidator(_equipment)] = Field(
        default_factory=lambda: ["none"]
    )
    focus: Annotated[list[Focus], AfterValidator(_unique_sorted)] = Field(default_factory=list)
    limitations: Annotated[list[Limitation], AfterValidator(_unique_sorted)] = Field(default_factory=list)
    start_date: dt.date = Field(default_factory=next_monday)
    body_mass_kg: float | None = Field(None, ge=30, le=250)
    age: int | None = Field(None, ge=14, le=100)
    units: Units = "metric"
    notes: ShortText = ""
    # strength: lifts, loads
    lifts: dict[Slug, "LiftSet"] = Field(
        default_factory=dict,
        description="recent sets by exercise id, e.g. {'barbell-back-squat': {'weight_kg': 100, 'reps': 5}}",
    )
    plate_step_kg: float | None = Field(
        None, gt=0, le=10, description="smallest load step; default 2.5 kg barbell, 2 kg dumbbells"
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

    sets: int | None = Field(None, ge=1, le=20)
    reps: int | None = Field(None, ge=1, le=100)
    duration_s: int | None = Field(None, ge=5, le=4 * 3600)
    distance_m: int | None = Field(None, ge=1, le=100_000)
    hold_s: int | None = Field(None, ge=5, le=300)
    rest_s: int | None = Field(None, ge=0, le=600)
    rpe: int | None = Field(None, ge=1, le=10)


class Exercise(Frozen):
    """One entry of an exercise library, written for print."""

    id: Slug
    name: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=120)]
    category: Category
    pattern: Pattern | None = None
    primary_muscles: list[Muscle] = Field(min_length=1)
    secondary_muscles: list[Muscle] = Field(default_factory=list)
    equipment: list[Equipment] = Field(default_factory=lambda: ["none"], min_length=1)
    levels: list[Level] = Field(min_length=1)
    activities: list[Activity] = Field(min_length=1)
    dose: dict[Level, Dose] = Field(default_factory=dict)
    per_side: bool = False
    instructions: list[Annotated[str, StringConstraints(min_length=1, max_length=400)]] = Field(
        min_length=1, max_length=8
    )
    cues: list[Annotated[str, StringConstraints(min_length=1, max_length=200)]] = Field(default_factory=list)
    avoid_with: list[Limitation] = Field(default_factory=list)
    regression: Slug | None = None
    progression: Slug | None = None
    alternatives: list[Slug] = Field(default_factory=list)
    video_url: WebUrl | None = None
    source: str | None = None

    @property
    def needs(self) -> frozenset[str]:
        """The equipment the exercise cannot be done without ("none" means bodyweight)."""
        return frozenset(self.equipment) - {"none"}

    @property
    def muscles(self) -> frozenset[str]:
        return frozenset(self.primary_muscles) | frozenset(self.secondary_muscles)


class Prescription(Frozen):
    """One line of a session: what to do, how much, how hard."""

    exercise_id: str
    name: str
    sets: int | None = Field(None, ge=1)
    reps: int | None = Field(None, ge=1)
    rir: int | None = Field(None, ge=0, le=5, description="reps in reserve at the end of each set")
    duration_s: int | None = Field(None, ge=1)
    distance_m: int | None = Field(None, ge=1)
    hold_s: int | None = Field(None, ge=1)
    rest_s: int | None = Field(None, ge=0)
    rpe: int | None = Field(None, ge=1, le=10)
    per_side: bool = False
    notes: str = ""
    # strength: lifts, loads
    load_kg: float | None = Field(None, gt=0, description="working load from the profile's recent lift")
    rep_max: int | None = Field(None, ge=1, le=30, description="use a weight you could lift this many times")
    percent_1rm: int | None = Field(None, ge=30, le=100, description="share of the one-rep max")


class Block(Frozen):
    kind: BlockKind
    minutes: int = Field(ge=1)
    items: list[Prescription] = Field(min_length=1)


class Range(Frozen):
    low: int = Field(ge=0)
    high: int = Field(ge=0)


class Hydration(Frozen):
    """Fluid targets in millilitres (the renderer converts units): ACSM 2007."""

    before_ml: Range
    during_ml: Range | None = None
    after_note: str
    electrolytes: bool = False


class Session(Frozen):
    date: dt.date
    title: str
    kind: str
    minutes: int = Field(ge=1)
    rpe: int = Field(ge=1, le=10)
    load: int = Field(ge=0, description="session-RPE load: rpe x minutes (Foster 2001)")
    hard: bool = False
    blocks: list[Block] = Field(min_length=3)
    hydration: Hydration
    tips: list[str] = Field(default_factory=list)


class Week(Frozen):
    number: int = Field(ge=1)
    kind: WeekKind
    start_date: dt.date
    load: int = Field(ge=0)
    sessions: list[Session]
    rest_days: list[dt.date]


class GuidanceSection(Frozen):
    key: str
    title: str
    points: list[str]


class Generator(Frozen):
    name: str = "workout-planner"
    version: str


class Plan(Frozen):
    """The whole plan; self-contained (it carries the exercises it uses) so it renders alone."""

    schema_version: str = SCHEMA_VERSION
    generator: Generator
    title: str
    seed: int = 0
    profile: Profile
    end_date: dt.date
    notes: list[str] = Field(default_factory=list)
    weeks: list[Week] = Field(min_length=1)
    guidance: list[GuidanceSection] = Field(default_factory=list)
    exercises: list[Exercise] = Field(default_factory=list)
    # Which exercise library the plan was built from ("built-in" or the file's name): a plan
    # from the built-in library is re-checked against it, so editing an exercise's
    # limitations or equipment inside the plan file cannot hide a clash.
    library: str = "built-in"
    # Names of easier/harder variants the plan does not use itself, for the exercise guide.
    variant_names: dict[str, str] = Field(default_factory=dict)
    edited: bool = False

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
