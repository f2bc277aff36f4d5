"""One way for every command that reads a plan file to judge it before using it.

`render`, `show`, `export`, `log` and `adapt` all take a plan JSON a coach may have edited by
hand. Each runs the same safety checks (engine/checks.py and the plan contract) and the same
refusal: the problems one per line, then one `Error:` line, exit 2. Where the output can say
it was edited (the PDF, the terminal view), --allow-unsafe goes on and marks it instead.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ._common import echo, fail

if TYPE_CHECKING:
    from ..models import Plan


def judged(
    plan: "Plan", source: str, *, allow_unsafe: bool = False, marked: str | None = None, doing: str = "printing"
) -> "Plan":
    """The plan, marked as edited under --allow-unsafe, or a refusal naming every problem.
    `marked` names what carries the mark ("the PDF"); None where nothing can (device files,
    a log sheet, an adapted plan), so there is no --allow-unsafe to offer."""
    from ..io.plans import safety_problems

    problems = safety_problems(plan, source)
    if not problems:
        return plan
    for line in problems:
        echo(line, err=True)
    count = f"{len(problems)} safety problem{'s' if len(problems) != 1 else ''}"
    if not (allow_unsafe and marked):
        hint = f", or use it anyway with --allow-unsafe ({marked} is then marked as edited)" if marked else " first"
        raise fail(f"{source} has {count} (listed above); fix the plan{hint}")
    echo(f"Warning: {doing} a plan with {count}; {marked} is marked as edited.", err=True)
    return plan.model_copy(update={"edited": True})
