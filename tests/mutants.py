"""A hand-made mutation check: does the suite notice when a safety line of the engine breaks?

Each mutant is one edit to one line a user's safety depends on (a ceiling, a boundary, a cap).
The script applies it, runs the chosen tests, puts the file back, and prints a table: killed
means a test failed, as it must. Not collected by pytest (the name has no test_ prefix):

    .venv/bin/python tests/mutants.py              # every mutant, both test sets
    .venv/bin/python tests/mutants.py 3 7          # mutants 3 and 7 only

It edits the files in place and restores them even on Ctrl-C, so never run it while another
pytest run uses the same tree.
"""

from __future__ import annotations

import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ENGINE = "planner/engine/"

# The engine's tests before issue 15, and the unit tests it added.
OLD = ["tests/test_planner_properties.py", "tests/test_checks.py", "tests/test_endurance_plans.py",
       "tests/test_strength_properties.py", "tests/test_runwalk.py", "tests/test_writers.py"]
UNIT = ["tests/test_unit_progression.py", "tests/test_unit_sessions.py", "tests/test_unit_warmup.py",
        "tests/test_unit_select.py", "tests/test_unit_profile_bounds.py", "tests/test_unit_writers.py",
        "tests/test_unit_checker_limits.py"]


@dataclass(frozen=True)
class Mutant:
    what: str
    path: str
    old: str
    new: str


MUTANTS = [
    Mutant("planner: no ACWR clamp", ENGINE + "progression.py",
           "limit = min(limit, R.ACWR_MAX * sum(recent) / (k - R.ACWR_MAX))", "limit = limit"),
    Mutant("planner: +15% weekly rise", ENGINE + "progression.py",
           "limit = R.WEEKLY_RISE_MAX * history.last_regular", "limit = 1.15 * history.last_regular"),
    Mutant("planner: 2:1 lighter rhythm only past 50", ENGINE + "progression.py",
           "profile.age >= R.OLDER_AGE", "profile.age > R.OLDER_AGE"),
    Mutant("planner: five weeks without a lighter week", ENGINE + "progression.py",
           'elif number % every == 0:', 'elif number % (every + 1) == 0:'),
    Mutant("planner: lighter weeks not made lighter", ENGINE + "progression.py",
           'elif kind == "deload" and weeks:', 'elif False:'),
    Mutant("planner: spike cap 1.25", ENGINE + "progression.py",
           "math.floor(R.SESSION_SPIKE_MAX * max(window))", "math.floor(1.25 * max(window))"),
    Mutant("planner: no spike cap in week 2", ENGINE + "progression.py",
           "spikes = endurance and (number > 1 or bool(history.mains))",
           "spikes = endurance and number != 2 and (number > 1 or bool(history.mains))"),
    Mutant("planner: sessions 5 min over the asked length", ENGINE + "progression.py",
           "room = max(R.MIN_MAIN_MINUTES, session_limit(profile, kind) - fixed)\n    if cap",
           "room = max(R.MIN_MAIN_MINUTES, session_limit(profile, kind) - fixed + 5)\n    if cap"),
    Mutant("sessions: no cap on interval hard work", ENGINE + "sessions.py",
           "reps = max(1, min(reps, MAX_INTERVAL_WORK_S[profile.level] // work))", "reps = max(1, reps)"),
    Mutant("sessions: tempo work uncapped", ENGINE + "sessions.py",
           "R.MAX_TEMPO_WORK_S[profile.level] // work))", "99))"),
    Mutant("sessions: endurance block 5 min over its minutes", ENGINE + "sessions.py",
           "cardio_s = round_down(minutes * 60 - 15)", "cardio_s = round_down(minutes * 60 + 285)"),
    Mutant("sessions: lighter-week circuits keep every round", ENGINE + "sessions.py",
           "most_rounds = max(least, most_rounds - 1)", "most_rounds = max(least, most_rounds)"),
    Mutant("sessions: round_down rounds up", ENGINE + "sessions.py",
           "return max(step, seconds - seconds % step) if", "return max(step, seconds - seconds % step + step) if"),
    Mutant("select: harder-than-level exercises for everyone", ENGINE + "select.py",
           'if profile.level not in ("advanced",):', "if False:"),
    Mutant("select: limitations ignored", ENGINE + "select.py",
           "clash = sorted(set(ex.avoid_with) & set(profile.limitations))", "clash = []"),
    Mutant("select: stretches ignore level", ENGINE + "select.py",
           "if not ruled_out_by(ex, profile) and level_ok(ex, profile.level)\n    ]\n    chosen",
           "if not ruled_out_by(ex, profile)\n    ]\n    chosen"),
    Mutant("slots: a cool-down walk can be the main session", ENGINE + "slots.py",
           'slots.append(Slot(CARDIO, activity=activity, not_patterns=("cooldown", "raise")))',
           "slots.append(Slot(CARDIO, activity=activity))"),
    Mutant("warmup: potentiation drills before easy sessions", ENGINE + "warmup.py",
           "    if hard:\n        # A sharpening", "    if True:\n        # A sharpening"),
    Mutant("warmup: raise not capped at 10 min", ENGINE + "warmup.py",
           "raise_s = max(60, round_down(min(MAX_RAISE_S, total_s - rest_s - 15)))",
           "raise_s = max(60, round_down(total_s - rest_s - 15))"),
    Mutant("warmup: no adductor stretch when asked", ENGINE + "warmup.py",
           'if adductors and "adductors" not in needed:', "if False:"),
    Mutant("warmup: older adults hold stretches as long as others", ENGINE + "rules.py",
           "if age is not None and age >= 65:", "if age is not None and age > 65:"),
    Mutant("checker alone: accepts +15% weeks", ENGINE + "checks.py",
           "if last_regular is not None and total > R.WEEKLY_RISE_MAX * last_regular:",
           "if last_regular is not None and total > 1.15 * last_regular:"),
    Mutant("checker alone: any drop counts as a lighter week", ENGINE + "checks.py",
           "if not (R.DELOAD_MIN - 1e-9 <= ratio <= R.DELOAD_MAX + 1e-9):", "if not ratio < 1:"),
    Mutant("writers: temp file left after a failed write", "planner/io/writers.py",
           "        if tmp.exists():\n            tmp.unlink()", "        pass"),
]


def run(tests: list[str]) -> tuple[bool, float]:
    """True when the tests fail (the mutant is killed)."""
    started = time.monotonic()
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-x", "-q", "-p", "no:cacheprovider", "--hypothesis-seed=0", *tests],
        cwd=ROOT, capture_output=True, text=True,
    )
    return result.returncode != 0, time.monotonic() - started


def main(picked: list[int]) -> int:
    rows = []
    for number, mutant in enumerate(MUTANTS, start=1):
        if picked and number not in picked:
            continue
        path = ROOT / mutant.path
        original = path.read_text(encoding="utf-8")
        assert original.count(mutant.old) == 1, f"mutant {number}: the line is not there once: {mutant.old!r}"
        try:
            path.write_text(original.replace(mutant.old, mutant.new), encoding="utf-8")
            old_killed, old_s = run(OLD)
            unit_killed, unit_s = run(UNIT)
        finally:
            path.write_text(original, encoding="utf-8")
        rows.append((number, mutant.what, old_killed, unit_killed, old_s, unit_s))
        print(f"{number:2} {'killed' if old_killed else 'ALIVE ':6} {'killed' if unit_killed else 'ALIVE ':6} "
              f"{old_s:5.1f}s {unit_s:5.1f}s  {mutant.what}", flush=True)
    print("\n| # | mutant | engine tests before | unit tests (issue 15) |\n|---|---|---|---|")
    for number, what, old_killed, unit_killed, _, _ in rows:
        print(f"| {number} | {what} | {'killed' if old_killed else 'alive'} | {'killed' if unit_killed else 'alive'} |")
    return 0


if __name__ == "__main__":
    sys.exit(main([int(a) for a in sys.argv[1:]]))
