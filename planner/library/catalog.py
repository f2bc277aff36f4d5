"""Exercise libraries: load one, validate all of it, and hand the planner an immutable value.

The planner picks exercises by their attributes (category, pattern, activities, levels,
equipment, avoid_with, muscles), never by id, so any valid library can replace ours: the
built-in `exercises.json`, another file in our format, or a free-exercise-db export.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

from pydantic import ValidationError

from ..errors import LibraryError
from ..models import Exercise

class LibraryValidationError(LibraryError):
    """A library has problems; `problems` keeps every one so `check` can list them all."""

    def __init__(self, source: str, problems: Sequence[str]) -> None:
        self.source = source
        self.problems: tuple[str, ...] = tuple(problems)
        first = self.problems[0] if self.problems else "invalid"
        more = ""
        if len(self.problems) > 1:
            rest = len(self.problems) - 1
            more = (
                f" (and {rest} more {'problem' if rest == 1 else 'problems'};"
                f" run 'planner exercises check {source}' to see them all)"
            )
        super().__init__(f"exercise library {source}: {first}{more}")


@dataclass(frozen=True)
class ExerciseLibrary:
    """An immutable, validated set of exercises; `warnings` says what an import left out."""

    exercises: tuple[Exercise, ...]
    source: str
    warnings: tuple[str, ...] = ()
    # "workout-planner" (ours) or the foreign format it was read from.
    format: str = "workout-planner"
    # Foreign entries that could not stand as exercises (each has a line in `warnings`).
    left_out: int = 0
    # True only for the exercises.json shipped with the planner (plans name it "built-in").
    builtin: bool = field(default=False, compare=False)
    # True when a file's entries were added to the built-in ones (`--exercises`), not used alone.
    extends_builtin: bool = field(default=False, compare=False)
    # Foreign ids that were slugified (slug -> original), so `get` accepts either spelling.
    original_ids: Mapping[str, str] = field(default_factory=dict, compare=False, hash=False)
    _by_id: Mapping[str, Exercise] = field(init=False, repr=False, compare=False, hash=False)
    _by_category: Mapping[str, tuple[Exercise, ...]] = field(init=False, repr=False, compare=False, hash=False)

    def __post_init__(self) -> None:
        ordered = tuple(sorted(self.exercises, key=lambda ex: ex.id))
        object.__setattr__(self, "exercises", ordered)
        object.__setattr__(self, "warnings", tuple(self.warnings))
        object.__setattr__(self, "original_ids", MappingProxyType(dict(self.original_ids)))
        by_id = {ex.id: ex for ex in ordered}
        by_id.update({orig: by_id[slug] for slug, orig in self.original_ids.items() if slug in by_id})
        object.__setattr__(self, "_by_id", MappingProxyType(by_id))
        by_category: dict[str, list[Exercise]] = {}
        for ex in self.exercises:
            by_category.setdefault(ex.category, []).append(ex)
        object.__setattr__(self, "_by_category", {k: tuple(v) for k, v in by_category.items()})

    def __hash__(self) -> int:
        """Hashable, so callers can cache per library (entries hold lists, so not field by field)."""
        return hash((self.source, self.format, tuple(ex.id for ex in self.exercises)))

    def in_categories(self, categories: Iterable[str]) -> list[Exercise]:
        """The exercises of these categories, in id order: the planner asks this hundreds of
        times a plan, so it reads an index rather than the whole library."""
        found = [ex for cat in categories for ex in self._by_category.get(cat, ())]
        return sorted(found, key=lambda ex: ex.id) if len(set(categories)) > 1 else found

    def get(self, exercise_id: str) -> Exercise | None:
        """By id, or by the original id of an imported entry (`3_4_Sit-Up` as well as `3-4-sit-up`)."""
        return self._by_id.get(exercise_id)

    def __iter__(self) -> Iterator[Exercise]:
        return iter(self.exercises)

    def __len__(self) -> int:
        return len(self.exercises)

    def __contains__(self, item: object) -> bool:
        if isinstance(item, Exercise):
            return self._by_id.get(item.id) == item
        return isinstance(item, str) and item in self._by_id

    def filter(
        self,
        *,
        category: str | None = None,
        muscle: str | None = None,
        equipment: Iterable[str] | None = None,
        level: str | None = None,
        activity: str | None = None,
        pattern: str | None = None,
    ) -> tuple[Exercise, ...]:
        """The entries a coach asked for; `equipment` is the kit at hand (bodyweight always fits)."""
        kit = None if equipment is None else frozenset(equipment) - {"none"}
        return tuple(
            ex
            for ex in self.exercises
            if (category is None or ex.category == category)
            and (muscle is None or muscle in ex.muscles)
            and (kit is None or ex.needs <= kit)
            and (level is None or level in ex.levels)
            and (activity is None or activity in ex.activities)
            and (pattern is None or ex.pattern == pattern)
        )


def entry_label(index: int, exercise_id: Any) -> str:
    shown = f"id {exercise_id!r}" if isinstance(exercise_id, str) else "no id"
    return f"entry {index} ({shown})"


def describe_validation_error(exc: ValidationError) -> list[str]:
    """One readable line per pydantic error: the field, the value and what is allowed."""
    lines = []
    for err in exc.errors(include_url=False):
        where = _location(err["loc"])
        value = err.get("input")
        if err["type"] == "literal_error":
            allowed = err.get("ctx", {}).get("expected", "")
            lines.append(f"{where}: {value!r} is not allowed; allowed: {allowed}")
        elif err["type"] == "missing":
            lines.append(f"{where}: required field is missing")
        elif err["type"] == "extra_forbidden":
            lines.append(f"{where}: unknown field")
        elif err["type"] == "string_pattern_mismatch":
            lines.append(f"{where}: {value!r} is not a slug; use lower-case words joined by '-'")
        else:
            lines.append(f"{where}: {err['msg']} (got {_short(value)})")
    return lines


def _location(loc: tuple[Any, ...]) -> str:
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out or "entry"


def _short(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _links(ex: Exercise) -> list[tuple[str, str]]:
    links = [(name, target) for name, target in (("regression", ex.regression), ("progression", ex.progression)) if target]
    return links + [(f"alternatives[{i}]", alt) for i, alt in enumerate(ex.alternatives)]


def raw_links(entry: dict[str, Any]) -> list[tuple[str, str]]:
    """An invalid entry's links are still checked, so one run reports everything."""
    links = [(name, entry[name]) for name in ("regression", "progression") if isinstance(entry.get(name), str)]
    alternatives = entry.get("alternatives")
    if isinstance(alternatives, list):
        links += [(f"alternatives[{i}]", alt) for i, alt in enumerate(alternatives) if isinstance(alt, str)]
    return links


def link_problems(
    valid: Sequence[tuple[int, Exercise]],
    ids: Sequence[tuple[int, str]] | None = None,
    invalid_links: Sequence[tuple[int, Any, list[tuple[str, str]]]] = (),
) -> list[tuple[int, str]]:
    """Duplicate ids, links to ids that do not exist, and loops in progression chains.

    `ids` lists every entry's id, valid or not, so that one bad entry is reported once
    rather than again by every link that points at it. Each problem comes with its index.
    """
    ids = list(ids) if ids is not None else [(index, ex.id) for index, ex in valid]
    problems: list[tuple[int, str]] = []
    first_index: dict[str, int] = {}
    for index, exercise_id in ids:
        if exercise_id in first_index:
            problems.append((index,
                f"{entry_label(index, exercise_id)}: id: {exercise_id!r} is already used by entry"
                f" {first_index[exercise_id]}; ids must be unique"
            ))
        else:
            first_index[exercise_id] = index

    every_link = [(index, ex.id, _links(ex)) for index, ex in valid] + list(invalid_links)
    for index, exercise_id, links in every_link:
        label = entry_label(index, exercise_id)
        for name, target in links:
            if target == exercise_id:
                problems.append((index, f"{label}: {name}: links to itself"))
            elif target not in first_index:
                problems.append((index, f"{label}: {name}: {target!r} is not an id in this library"))

    for cycle in _progression_cycles(ex for _, ex in valid):
        start = cycle[0]
        chain = " -> ".join([*cycle, start])
        problems.append((first_index[start],
            f"{entry_label(first_index[start], start)}: progression: the chain loops"
            f" ({chain}); each step must be harder than its regression"
        ))
    return problems


def _progression_cycles(exercises: Iterable[Exercise]) -> list[list[str]]:
    """Each loop once, as a path from its alphabetically first id, easier -> harder."""
    harder: dict[str, set[str]] = {}
    for ex in exercises:
        if ex.progression and ex.progression != ex.id:
            harder.setdefault(ex.id, set()).add(ex.progression)
        if ex.regression and ex.regression != ex.id:
            harder.setdefault(ex.regression, set()).add(ex.id)

    cycles: list[list[str]] = []
    seen_members: set[frozenset[str]] = set()
    done: set[str] = set()
    for root in sorted(harder):
        if root in done:
            continue
        # Iterative DFS with an explicit path so a loop can be shown as it runs.
        path: list[str] = [root]
        on_path = {root}
        stack = [iter(sorted(harder.get(root, ())))]
        while stack:
            nxt = next(stack[-1], None)
            if nxt is None:
                stack.pop()
                finished = path.pop()
                on_path.discard(finished)
                done.add(finished)
                continue
            if nxt in on_path:
                loop = path[path.index(nxt):]
                members = frozenset(loop)
                if members not in seen_members:
                    seen_members.add(members)
                    turn = loop.index(min(loop))
                    cycles.append(loop[turn:] + loop[:turn])
            elif nxt not in done:
                path.append(nxt)
                on_path.add(nxt)
                stack.append(iter(sorted(harder.get(nxt, ()))))
    return cycles


def extend_library(base: ExerciseLibrary, extra: ExerciseLibrary) -> ExerciseLibrary:
    """The built-in library with a file's entries added: an entry with one of our ids replaces ours.

    Adding is the default because a foreign library rarely covers everything a plan needs (a home
    lifter on free-exercise-db had no cardio for easy running); the file's own links are checked
    against the combined set, so an added entry may name one of ours as its regression.
    """
    replaced = {ex.id for ex in extra.exercises}
    combined = [ex for ex in base.exercises if ex.id not in replaced] + list(extra.exercises)
    problems = [line for _, line in link_problems(list(enumerate(combined)))]
    if problems:
        raise LibraryValidationError(extra.source, problems)
    return ExerciseLibrary(
        tuple(combined),
        extra.source,
        extra.warnings,
        format=extra.format,
        left_out=extra.left_out,
        extends_builtin=True,
        original_ids=extra.original_ids,
    )
