"""build_plan speed: median milliseconds per plan over endurance profiles (issue 11).

Run from a checkout: python benchmarks/bench_build.py [rounds]. Profiles with an event or a
baseline are added when this checkout's Profile knows those fields (BENCH_PLAIN=1 leaves them
out), so the same script times the code before and after them. Prints one JSON line.
"""

from __future__ import annotations

import json
import os
import statistics
import sys
import time


def profiles() -> list[dict]:
    from planner.models import Profile

    out = []
    for activity in ("running", "cycling", "swimming", "walking"):
        for level, days, minutes in (("beginner", 3, 30), ("intermediate", 4, 60), ("advanced", 5, 75)):
            out.append({"level": level, "activity": activity, "weeks": 16, "days_per_week": days,
                        "session_minutes": minutes, "start_date": "2027-01-04"})
    if "event" in Profile.model_fields and not os.environ.get("BENCH_PLAIN"):
        for activity, distance in (("running", "10k"), ("running", "marathon"), ("cycling", "160km")):
            out.append({"level": "intermediate", "activity": activity, "days_per_week": 5,
                        "session_minutes": 60, "start_date": "2027-01-04", "current_weekly_minutes": 240,
                        "longest_recent_minutes": 75, "event": {"date": "2027-04-25", "distance": distance}})
    return out


def main() -> None:
    from planner import build_plan
    from planner.models import Profile

    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    items = [Profile.model_validate(p) for p in profiles()]
    build_plan(items[0])  # library and words load once
    per_plan = []
    for _ in range(rounds):
        for profile in items:
            t = time.perf_counter()
            build_plan(profile)
            per_plan.append((time.perf_counter() - t) * 1000)
    print(json.dumps({"profiles": len(items), "rounds": rounds,
                      "median_ms": round(statistics.median(per_plan), 2)}))


if __name__ == "__main__":
    main()
