"""Choosing exercises for a slot by what they are, never by id, so any library can serve.

A slot is a purpose (a squat pattern, a hamstring stretch, an easy run). When the best exercise
for it is ruled out by the profile's equipment or limitations, its own links (regression,
alternatives) are tried first, so the substitute keeps the slot's purpose.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from ..errors import LibraryError
from ..library.catalog import ExerciseLibrary
from ..models import Exercise, Profile
from ..vocab import owned_equipment
from .words import say


@dataclass(frozen=True)
class Slot:
    """What a session needs here; `activity=None` means any activity may use it."""

    category: tuple[str, ...]
    pattern: str | None = None
    activity: str | None = None
    muscle: str | None = None
    # Patterns a pattern-less slot must not take (an easy cool-down walk is no main session).
    not_patterns: tuple[str, ...] = ()

    def describe(self) -> str:
        parts = ["/".join(self.category)]
        if self.pattern:
            parts.append(f"pattern '{self.pattern}'")
        if self.muscle:
            parts.append(f"muscle '{self.muscle}'")
        if self.activity:
            parts.append(f"activity '{self.activity}'")
        return ", ".join(parts)


@dataclass(frozen=True)
class Choice:
    exercise: Exercise
    replaced: Exercise | None = None
    reason: str = ""

    @property
    def note(self) -> str:
        if self.replaced is None:
            return ""
        return say("items.instead_of", name=self.replaced.name, reason=self.reason)


def ruled_out_by(ex: Exercise, profile: Profile) -> str:
    """Why the profile cannot use this exercise ("" when it can)."""
    missing = sorted(ex.needs - owned_equipment(profile.equipment, profile.activity))
    if missing:
        return say("items.needs", equipment=", ".join(missing))
    clash = sorted(set(ex.avoid_with) & set(profile.limitations))
    if clash:
        return say("items.not_with", limitations=", ".join(clash))
    return ""


def fits_slot(ex: Exercise, slot: Slot) -> bool:
    if ex.category not in slot.category:
        return False
    if slot.pattern is not None and ex.pattern != slot.pattern:
        return False
    if ex.pattern is not None and ex.pattern in slot.not_patterns:
        return False
    if slot.activity is not None and slot.activity not in ex.activities:
        return False
    if slot.muscle is not None and slot.muscle not in ex.primary_muscles:
        return False
    return True


def _rank(ex: Exercise, profile: Profile) -> tuple[int, int, int, int, str]:
    """Prefer what the person can do with what they own, at their level; for strength work,
    exercises that use their equipment (someone with a barbell wants barbell squats)."""
    owned = owned_equipment(profile.equipment, profile.activity)
    has_kit = 0 if ex.needs <= owned else 1
    level_score = 0 if profile.level in ex.levels else 1
    uses_owned = 0 if (ex.needs and ex.needs <= owned) else 1
    if profile.activity not in ("strength", "general") or ex.category != "strength":
        uses_owned = 0
    # Warm-ups and cardio: the one made for this activity (an easy jog before a run) over a
    # generic one; beginners keep the gentlest, generic start (a brisk walk, as Couch to 5K).
    specific = 0
    if ex.category in ("warmup", "cardio", "recovery") and profile.level != "beginner":
        specific = len(ex.activities)
    return (has_kit, level_score, uses_owned, specific, ex.id)


def choose(
    library: ExerciseLibrary,
    profile: Profile,
    slot: Slot,
    *,
    rotation: int = 0,
    exclude: Iterable[str] = (),
    required: bool = True,
) -> Choice | None:
    """The exercise for a slot; `rotation` walks through equally good options for variety."""
    excluded = set(exclude)
    fitting = [ex for ex in library.in_categories(slot.category) if fits_slot(ex, slot) and ex.id not in excluded]
    if profile.level not in ("advanced",):
        # Harder-than-level exercises are never prescribed; easier ones are fine. Cardio is
        # exempt: its effort is set by the prescribed RPE, not by the exercise.
        fitting = [ex for ex in fitting if ex.category == "cardio" or level_ok(ex, profile.level)]
    fitting.sort(key=lambda ex: _rank(ex, profile))
    usable = [ex for ex in fitting if not ruled_out_by(ex, profile)]
    if not usable:
        if required:
            raise LibraryError(_no_candidate(library, profile, slot))
        return None
    best_rank = _rank(usable[0], profile)[:4]
    top = [ex for ex in usable if _rank(ex, profile)[:4] == best_rank]
    pick = top[rotation % len(top)]
    # Was a better exercise for this slot ruled out by a limitation? Say which one it replaces
    # (equipment the person does not own is no news to them, so that goes unsaid).
    preferred = fitting[0] if fitting else None
    if (
        preferred is not None
        and preferred.id != pick.id
        and preferred.needs <= owned_equipment(profile.equipment, profile.activity)
        and ruled_out_by(preferred, profile)
    ):
        linked = _linked_substitute(library, profile, preferred, slot, excluded)
        # The preferred lift's own substitute, unless it gives up the person's equipment (a
        # wall hip hinge for a lifter with a sore back and a cable stack: load what is safe).
        if linked is not None and _rank(linked, profile)[:3] <= _rank(pick, profile)[:3]:
            pick = linked
        return Choice(pick, preferred, ruled_out_by(preferred, profile))
    return Choice(pick)


def usable_ranked(
    library: ExerciseLibrary, profile: Profile, slot: Slot, muscles: set[str]
) -> list[Exercise]:
    """Every exercise the profile may do in this slot, those working `muscles` most first."""
    found = [
        ex for ex in library.in_categories(slot.category)
        if fits_slot(ex, slot) and not ruled_out_by(ex, profile) and level_ok(ex, profile.level)
    ]
    return sorted(found, key=lambda ex: (-len(muscles & ex.muscles), ex.id))


def level_ok(ex: Exercise, level: str) -> bool:
    order = {"beginner": 0, "intermediate": 1, "advanced": 2}
    return min(order[lv] for lv in ex.levels) <= order[level]


def _linked_substitute(
    library: ExerciseLibrary, profile: Profile, ex: Exercise, slot: Slot, excluded: set[str]
) -> Exercise | None:
    """Follow the exercise's regression chain and alternatives to a usable one."""
    seen: set[str] = set()
    queue: list[str] = [*filter(None, [ex.regression]), *ex.alternatives]
    while queue:
        ident = queue.pop(0)
        if ident in seen:
            continue
        seen.add(ident)
        cand = library.get(ident)
        if cand is None or cand.id in excluded:
            continue
        if not ruled_out_by(cand, profile) and cand.category in slot.category:
            return cand
        queue.extend(filter(None, [cand.regression]))
        queue.extend(cand.alternatives)
    return None


def _no_candidate(library: ExerciseLibrary, profile: Profile, slot: Slot) -> str:
    return (
        f"exercises: the library '{library.source}' has no usable exercise for {slot.describe()} "
        f"(level {profile.level}, equipment {', '.join(profile.equipment)}, "
        f"limitations {', '.join(profile.limitations) or 'none'})"
    )


def cover_muscles(
    library: ExerciseLibrary,
    profile: Profile,
    muscles: Sequence[str],
    *,
    rotation: int = 0,
    strict: bool = True,
) -> list[Exercise]:
    """Static stretches covering every muscle in `muscles` with few stretches (greedy set cover,
    primary muscles count double so a stretch is chosen for what it mainly stretches)."""
    needed = list(dict.fromkeys(muscles))
    pool = [
        ex for ex in library.in_categories(("stretch",))
        if not ruled_out_by(ex, profile) and level_ok(ex, profile.level)
    ]
    chosen: list[Exercise] = []
    remaining = set(needed)
    while remaining:
        def gain(ex: Exercise) -> tuple[int, int]:
            primary = len(remaining & set(ex.primary_muscles))
            return (2 * primary + len(remaining & set(ex.secondary_muscles)), primary)

        taken = {ex.id for ex in chosen}
        scored = [(g, ex) for ex in pool if ex.id not in taken and (g := gain(ex))[0] > 0]
        if not scored and not strict:
            break
        if not scored:
            missing = ", ".join(sorted(remaining))
            raise LibraryError(
                f"exercises: the library '{library.source}' has no usable stretch for {missing} "
                f"(limitations {', '.join(profile.limitations) or 'none'})"
            )
        best = max(score for score, _ in scored)
        top = sorted((ex for score, ex in scored if score == best), key=lambda ex: ex.id)
        pick = top[rotation % len(top)]
        chosen.append(pick)
        remaining -= pick.muscles
    return chosen
