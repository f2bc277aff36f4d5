"""A plan adapted from a filled log (CSV or PDF form): the one path `planner adapt` and
`planner batch --logs` share, so a coach's batch and a single client adapt the same way.

An edge module: it reads the log and the exercise library, then hands pure data to the engine
(engine.adapt) and guards the result with the same safety checks as a loaded plan.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from ..errors import UnsafePlanError
from ..models import Plan


def adapt_from_log(plan: Plan, log_file: Path, *, start: dt.date | None = None, source: str = "plan.json") -> Plan:
    """The whole plan with the weeks after the log (or from `start`) re-planned; raises a
    PlannerError (one line per bad log row) for a log that cannot be used."""
    from ..engine.adapt import adapt_plan
    from .libraries import load_library
    from .logs import read_log
    from .plans import safety_problems

    entries = read_log(log_file, plan)
    library = load_library() if plan.library == "built-in" else None
    find = (lambda i: plan.exercise(i) or library.get(i)) if library is not None else plan.exercise
    new = adapt_plan(plan, entries, start=start, find=find)
    problems = safety_problems(new, source)
    if problems:  # the engine only makes changes that keep the checks; this is a guard
        raise UnsafePlanError(problems[0])
    return new
