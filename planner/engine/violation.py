"""One broken safety rule: the week, the day when it is one session's, the rule, the reason.

Its own module so that the checks (checks.py) and the plan contract (contract.py) both build
it without importing each other.
"""

from __future__ import annotations

import datetime as dt

from ..models import Frozen


class Violation(Frozen):
    week: int
    date: dt.date | None = None
    rule: str
    message: str

    def __str__(self) -> str:
        where = f"week {self.week}" + (f", session {self.date.isoformat()}" if self.date else "")
        return f"{where}: {self.rule}: {self.message}"
