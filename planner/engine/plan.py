"""Profile in, plan out: the pure, deterministic heart of the planner.

The numeric skeleton comes from `progression` (minutes and efforts under the safety ceilings),
then each session is filled: warm-up, main block, cool-down with stretches for what it worked.
Every plan is checked before it is returned; a plan that fails a check is a bug, never output.
"""

from __future__ import annotations

import datetime as dt
from pathlib import PurePath

from . import rules as R
from .._version import __version__
from .checks import adductor_care, check_plan
from ..errors import UnsafePlanError
from ..library.catalog import ExerciseLibrary
from .guidance import guidance_sections, session_hydration
from .activity_notes import activity_notes
from .phases import phases
from .race import baseline_notes, event_notes, race_session
from .targets import add_targets
from ..models import Generator, Plan, Prescription, Profile, Session, Week
from .progression import SessionSpec, WeekSpec, deload_interval, easy_warmup_minutes, plan_weeks, week_kinds
from .strength import check_lifts, is_test_week, lifting_day, strength_tips
from .sessions import (
    Menu,
    accessory_items,
    build_menu,
    circuit_main,
    endurance_main,
    extra_minutes,
    fit_accessories,
    main_capacity_s,
    recovery_main,
    strength_main,
)
from ..vocab import ENDURANCE_ACTIVITIES
from .words import lookup, say
from .warmup import (
    build_cooldown,
    build_warmup,
    cooldown_minutes_needed,
    stretch_prescriptions,
    stretches_for,
)


def accessory_patterns(profile: Profile) -> tuple[str, ...]:
    """Strength work the profile needs every week besides its main sessions."""
    patterns: list[str] = []
    if adductor_care(profile):
        patterns.append("adductor")
    for focus in profile.focus:
        pattern = R.FOCUS_PATTERNS.get(focus)
        if pattern and pattern not in patterns:
            patterns.append(pattern)
    older = profile.age is not None and profile.age >= R.BALANCE_AGE
    if older and profile.activity not in ("strength", "general") and "balance" not in patterns:
        patterns.append("balance")  # strength: balance work from 65 (lifting days hold it as a station)
    return tuple(patterns)


class _Builder:
    """Holds the per-plan caches (menus, cool-downs); used once per build_plan call."""

    def __init__(self, profile: Profile, library: ExerciseLibrary, seed: int) -> None:
        self.profile = profile
        self.library = library
        self.seed = seed
        self.adductors = adductor_care(profile)
        self.accessories = accessory_patterns(profile)
        self.cycles = week_kinds(profile).count("deload") + 1
        kinds = week_kinds(profile)
        # Blocks holding build weeks (a plan may end on a lighter week): the last is the low-rep phase.
        self.build_cycles = 1 + max((kinds[:i].count("deload") for i, k in enumerate(kinds) if k != "deload"),
                                    default=0)
        self.warmup_minutes = R.warmup_minutes(profile.session_minutes)
        self._menus: dict[tuple[str, int, bool], Menu] = {}
        self._fixed: dict[str, int] = {}
        self._lifting_minutes: dict[str, int] = {}
        self._cool: dict[str, int] = {}
        self._stretches: dict[tuple[frozenset[str], int, bool], list[Prescription]] = {}

    def menu(self, kind: str, cycle: int, carrier: bool) -> Menu:
        key = (kind, cycle, carrier)
        if key not in self._menus:
            patterns = self.accessories if carrier else ()
            self._menus[key] = build_menu(self.library, self.profile, kind, cycle + self.seed, patterns)
        return self._menus[key]

    def stretches(self, muscles: set[str], cycle: int, lifting: bool = False) -> list[Prescription]:
        key = (frozenset(muscles), cycle, lifting)
        if key not in self._stretches:
            chosen = stretches_for(self.library, self.profile, muscles, adductors=self.adductors,
                                   rotation=cycle + self.seed)
            items = stretch_prescriptions(self.profile, chosen, lifting=lifting)
            # Very short sessions: shorter holds rather than a session longer than asked.
            reserve = 2 if self.accessories else 0  # room for the inner-thigh exercise
            room = self.profile.session_minutes - R.MIN_MAIN_MINUTES - 3 - reserve
            while cooldown_minutes_needed(self.profile, items, lifting=lifting) > room and (items[0].hold_s or 0) > 15:
                items = [p.model_copy(update={"hold_s": max(15, (p.hold_s or 15) - 5)}) for p in items]
            self._stretches[key] = items
        return self._stretches[key]

    def extras(self, kind: str, cycle: int) -> list[Prescription]:
        """The week's accessory strength as timed on top of an endurance or recovery session;
        lifting and circuit sessions hold it among their own exercises instead."""
        if kind in R.STRENGTH_SPLITS or kind == "circuit" or not self.accessories:
            return []
        menu = self.menu(kind, cycle, True)
        room_s = (self.profile.session_minutes - self.base_fixed(kind) - R.MIN_MAIN_MINUTES) * 60
        return fit_accessories(accessory_items(menu, self.profile), room_s, menu.required, keep_s=0)

    def base_fixed(self, kind: str) -> int:
        """Warm-up plus the longest cool-down this kind of session needs in any block."""
        if kind not in self._fixed:
            cool = 0
            for cycle in range(self.cycles):
                for carrier in (False, True):
                    menu = self.menu(kind, cycle, carrier)
                    lifting = R.is_lifting(kind)
                    cool = max(cool, cooldown_minutes_needed(self.profile, self.stretches(menu.muscles, cycle, lifting),
                                                             lifting=lifting, minutes=self.lifting_minutes(kind)))
            warm = easy_warmup_minutes(self.profile, kind, self.warm_default(kind))
            room = self.profile.session_minutes - R.MIN_MAIN_MINUTES
            if warm + cool > room:
                warm = max(3, room - cool)
            self._fixed[kind] = warm + cool
            self._cool[kind] = cool
        return self._fixed[kind]

    def warm_default(self, kind: str) -> int:
        """Lifting and circuit sessions warm up shorter: the ramp sets finish the job."""
        if R.is_lifting(kind):
            return R.lifting_warmup_minutes(self.lifting_minutes(kind))
        return self.warmup_minutes

    def lifting_minutes(self, kind: str) -> int:
        """How long a lifting or circuit session really gets: the asked minutes, or less when
        its exercises cannot fill them (warm-up and cool-down are sized from this, so they
        stay a third of the session)."""
        if not R.is_lifting(kind):
            return self.profile.session_minutes
        if kind not in self._lifting_minutes:  # main_cap walks every block's menu: once per kind
            self._lifting_minutes[kind] = min(self.profile.session_minutes, self.main_cap(kind) * 3 // 2)
        return self._lifting_minutes[kind]

    def fixed_minutes(self, kind: str, carrier: bool) -> int:
        extra = 0
        if carrier:
            extra = max(extra_minutes(self.extras(kind, cycle)) for cycle in range(self.cycles))
        total = self.base_fixed(kind) + extra
        if total + R.MIN_MAIN_MINUTES > self.profile.session_minutes:
            # A very short session carrying inner-thigh work: the warm-up gives way (3 min).
            total = max(self._cool[kind] + 3 + extra, self.profile.session_minutes - R.MIN_MAIN_MINUTES)
        return total

    def main_cap(self, kind: str) -> int:
        """Main minutes the session's exercises can fill in every block of weeks."""
        caps = [main_capacity_s(self.menu(kind, cycle, carrier), self.profile, kind)
                for cycle in range(self.cycles) for carrier in (False, True)]
        known = [c for c in caps if c is not None]
        if not known:
            return self.profile.session_minutes
        return max(R.MIN_MAIN_MINUTES, min(known) // 60)

    def session(self, week: WeekSpec, spec: SessionSpec, start: dt.date) -> Session:
        profile = self.profile
        menu = self.menu(spec.kind, week.cycle, spec.carrier)
        deload = week.kind == "deload"
        extra = self.extras(spec.kind, week.cycle) if spec.carrier else []
        day = None
        if spec.kind in R.STRENGTH_SPLITS:
            every = deload_interval(profile)
            day = lifting_day(profile, week, spec, self.build_cycles)
            main = strength_main(menu, profile, spec.main, spec.rpe,
                                 week_in_cycle=(week.number - 1) % every, cycle_length=every - 1,
                                 deload=deload, cycle=week.cycle, week_number=week.number, day=day,
                                 test=is_test_week(profile, week.number))
        elif spec.kind == "circuit":
            main = circuit_main(menu, profile, spec.main, spec.rpe, deload=deload)
        elif spec.kind == "recovery":
            main = recovery_main(menu, profile, spec.main, spec.rpe, extra)
        else:
            stage = week.build_index - (1 if deload else 0)
            shape = min((s.main for s in week.sessions if s.kind == spec.kind), default=spec.main)
            main = endurance_main(menu, profile, spec.kind, spec.main, spec.rpe, stage_index=max(0, stage),
                                  extra=extra, shape_minutes=shape)
        worked = set()
        for item in main.items:
            ex = self.library.get(item.exercise_id)
            if ex is not None:
                worked |= set(ex.primary_muscles)
        lifting = R.is_lifting(spec.kind)
        stretches = self.stretches(worked, week.cycle, lifting)
        # What the session spends outside the main block; spare minutes (a shorter accessory
        # this block) go to the cool-down, so the session is exactly as long as planned.
        outside = spec.minutes - main.minutes
        cool_minutes = max(cooldown_minutes_needed(profile, stretches, lifting=lifting,
                                                   minutes=self.lifting_minutes(spec.kind)),
                           outside - self.warm_default(spec.kind))
        warm_minutes = outside - cool_minutes
        rotation = week.cycle + self.seed
        warm = build_warmup(self.library, profile, profile.activity, worked, warm_minutes,
                            hard=spec.hard or spec.kind in ("tempo", "intervals"), rotation=rotation)
        cool = build_cooldown(self.library, profile, profile.activity, stretches, cool_minutes, rotation=rotation)
        minutes = warm.minutes + main.minutes + cool.minutes
        return Session(
            date=start + dt.timedelta(days=spec.offset),
            title=_title(profile, spec.kind),
            kind=spec.kind,
            minutes=minutes,
            rpe=spec.rpe,
            load=spec.rpe * minutes,
            hard=spec.hard,
            blocks=[warm, main, cool],
            hydration=session_hydration(profile, minutes, profile.activity in ENDURANCE_ACTIVITIES),
            tips=_tips(profile, spec, week, day),
        )


def _title(profile: Profile, kind: str) -> str:
    titles = lookup("titles")
    if kind in R.STRENGTH_SPLITS:
        return str(titles["split"][kind])
    for group in (profile.activity, "general", "strength"):
        if kind in titles.get(group, {}):
            return str(titles[group][kind])
    return kind.replace("-", " ").capitalize()


def _tips(profile: Profile, spec: SessionSpec, week: WeekSpec, day: str | None = None) -> list[str]:
    tips = []
    if week.kind == "deload":
        tips.append(say("tips.deload"))
    if spec.kind in R.STRENGTH_SPLITS:
        tips += strength_tips(profile, day, is_test_week(profile, week.number))
    if spec.kind in ("easy", "long", "walk-run"):
        tips.append(say("tips.easy"))
    if spec.kind in ("tempo", "intervals"):
        tips.append(say("tips.hard"))
    return tips


def _notes(profile: Profile) -> list[str]:
    notes = []
    if profile.days_per_week > R.MAX_TRAINING_DAYS:
        notes.append(say("notes.rest_day", asked=profile.days_per_week, days=R.MAX_TRAINING_DAYS))
    rules = R.LEVEL_RULES[profile.level]
    if profile.activity == "strength" and min(profile.days_per_week, R.MAX_TRAINING_DAYS) > rules.strength_days:
        notes.append(say("notes.lifting_days", level=profile.level, days=rules.strength_days))
    if profile.limitations:
        notes.append(say("notes.limitations", limitations=", ".join(profile.limitations)))
    if profile.age is not None and profile.age >= R.OLDER_AGE:
        notes.append(say("notes.older"))
    return notes


def library_name(library: ExerciseLibrary) -> str:
    """How a plan names its library, so `render` knows which entries it can re-check."""
    if library.builtin:
        return "built-in"
    name = PurePath(library.source).name
    return f"built-in + {name}" if library.extends_builtin else name


def build_plan(profile: Profile, library: ExerciseLibrary, seed: int = 0) -> Plan:
    """The caller brings the library (the API loads the built-in one), so the engine reads no files."""
    check_lifts(profile, library)
    builder = _Builder(profile, library, seed)
    skeleton = plan_weeks(profile, builder.fixed_minutes, builder.main_cap)
    weeks = []
    week_phases = phases(profile)
    for spec in skeleton:
        start = profile.start_date + dt.timedelta(days=7 * (spec.number - 1))
        sessions = [builder.session(spec, s, start) for s in spec.sessions]
        if profile.event is not None and spec.number == profile.weeks:
            sessions.append(race_session(profile, spec, start, builder.session, builder.fixed_minutes("easy", False)))
        training_days = {s.date for s in sessions}
        rest_days = [start + dt.timedelta(days=d) for d in range(7) if start + dt.timedelta(days=d) not in training_days]
        weeks.append(Week(number=spec.number, kind=spec.kind, start_date=start,
                          load=sum(s.load for s in sessions), sessions=sessions, rest_days=rest_days,
                          phase=week_phases[spec.number - 1] if week_phases else None))
    weeks = add_targets(weeks, profile, library)  # personal paces, heart rates, power, swim speed
    used_ids = sorted({item.exercise_id for w in weeks for s in w.sessions for b in s.blocks for item in b.items})
    exercises = [ex for ex in (library.get(i) for i in used_ids) if ex is not None]
    variant_ids = {v for ex in exercises for v in (ex.regression, ex.progression) if v} - set(used_ids)
    variants = {i: ex.name for i in sorted(variant_ids) if (ex := library.get(i)) is not None}
    longest = max((s.minutes for w in weeks for s in w.sessions), default=0)
    notes = _notes(profile) + activity_notes(profile, weeks) + event_notes(profile, weeks) + baseline_notes(profile, weeks)
    if longest < 0.8 * profile.session_minutes:
        notes.append(say("notes.shorter", used=longest, available=profile.session_minutes))
    plan = Plan(
        generator=Generator(version=__version__),
        title=say("plan.title", weeks=profile.weeks, activity=lookup("plan.activity")[profile.activity]),
        seed=seed,
        profile=profile,
        end_date=profile.start_date + dt.timedelta(days=7 * profile.weeks - 1),
        notes=notes,
        weeks=weeks,
        guidance=guidance_sections(profile, longest, adductor_care(profile)),
        exercises=exercises,
        library=library_name(library),
        variant_names=variants,
    )
    problems = check_plan(plan)
    if problems:
        raise UnsafePlanError(
            f"internal error: the plan failed {len(problems)} safety check(s), first: {problems[0]}"
        )
    return plan
