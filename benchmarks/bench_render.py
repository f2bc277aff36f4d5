"""How fast is our handout against the practical floor, and how fast does the CLI start?

1. In-process: build + render a 12-week, 4-day intermediate running plan, against the bare
   platypus layout of a handout of the same size (``shared/bench/floor_platypus.py``).
   The two are timed alternately in one process so that a busy machine slows both alike.
2. Cold CLI: ``planner generate`` in a fresh interpreter against a fresh interpreter that only
   imports reportlab.platypus, pydantic and typer.

Targets (issue 4): build+render <= 1.5x the floor; cold CLI <= 0.25 s above the bare imports.
Run: python benchmarks/bench_render.py [rounds]
On a shared machine the minimum is the steadier estimate of what the code itself costs.
"""

from __future__ import annotations

import datetime as dt
import io
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FLOOR = ROOT.parent / "shared" / "bench" / "floor_platypus.py"


def load_floor():
    """Run the floor script once (it prints its own line) and keep its render function."""
    namespace: dict = {"__name__": "floor"}
    argv, sys.argv = sys.argv, [str(FLOOR), "1"]
    try:
        exec(compile(FLOOR.read_text(encoding="utf-8"), str(FLOOR), "exec"), namespace)
    finally:
        sys.argv = argv
    return namespace["render"]


PROFILE = dict(
    name="Zoë Ødegård-Núñez", level="intermediate", activity="running", weeks=12, days_per_week=4,
    start_date=dt.date(2026, 3, 2),
)


def ours():
    from planner import Profile, build_plan, render_pdf

    return render_pdf(build_plan(Profile(**PROFILE)))


def timed(fn, rounds: int) -> list[float]:
    out = []
    for _ in range(rounds):
        t = time.perf_counter()
        fn()
        out.append(time.perf_counter() - t)
    return out


def in_process(rounds: int) -> None:
    floor = load_floor()
    floor(), ours()  # warm caches (fonts, theme, library) as a long-running process would
    from planner import Profile, build_plan, render_pdf

    plan = build_plan(Profile(**PROFILE))
    a: list[float] = []
    b: list[float] = []
    c: list[float] = []
    for _ in range(rounds):
        a += timed(floor, 1)
        b += timed(ours, 1)
        c += timed(lambda: render_pdf(plan), 1)
    import pypdf

    pdf = ours()
    pages = len(pypdf.PdfReader(io.BytesIO(pdf)).pages)
    fm, om, rm = statistics.median(a), statistics.median(b), statistics.median(c)
    fmin = min(a)
    print("| measure | median | min | ratio to floor: median | ratio: min |")
    print("| --- | --- | --- | --- | --- |")
    print(f"| floor: bare platypus 12-week handout | {fm * 1000:.0f} ms | {fmin * 1000:.0f} ms | 1.00 | 1.00 |")
    print(
        f"| ours: build_plan + render_pdf, 12 wk x 4 d | {om * 1000:.0f} ms | {min(b) * 1000:.0f} ms"
        f" | {om / fm:.2f} | {min(b) / fmin:.2f} |"
    )
    print(
        f"| (of which render_pdf alone) | {rm * 1000:.0f} ms | {min(c) * 1000:.0f} ms"
        f" | {rm / fm:.2f} | {min(c) / fmin:.2f} |"
    )
    print(f"\nour 12-week PDF: {pages} pages, {len(pdf)} bytes (target ratio <= 1.5)")


def cold_cli(rounds: int) -> None:
    # a user's install has byte-compiled modules; any value of this variable stops that
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    bare = [sys.executable, "-c", "import reportlab.platypus, pydantic, typer"]
    planner = [str(Path(sys.executable).with_name("planner"))]
    if not Path(planner[0]).exists():
        planner = [sys.executable, "-m", "planner"]
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "plan.pdf"
        gen = planner + [
            "generate", "--level", "beginner", "--activity", "running", "--name", "Zoë",
            "--start-date", "2026-03-02", "-o", str(out), "--force",
        ]
        subprocess.run(gen, check=True, capture_output=True, env=env)  # byte-compile once
        a: list[float] = []
        b: list[float] = []
        ca: list[float] = []
        cb: list[float] = []
        for _ in range(rounds):
            for cmd, acc, cpu in ((bare, a, ca), (gen, b, cb)):
                r0 = resource.getrusage(resource.RUSAGE_CHILDREN)
                t = time.perf_counter()
                subprocess.run(cmd, check=True, capture_output=True, env=env)
                acc.append(time.perf_counter() - t)
                r1 = resource.getrusage(resource.RUSAGE_CHILDREN)
                cpu.append(r1.ru_utime - r0.ru_utime + r1.ru_stime - r0.ru_stime)
    bm, gm = statistics.median(a), statistics.median(b)
    bc, gc = statistics.median(ca), statistics.median(cb)
    print("\n| cold start | wall median | wall min | CPU median |")
    print("| --- | --- | --- | --- |")
    print(f"| python -c 'import reportlab.platypus, pydantic, typer' | {bm * 1000:.0f} ms | {min(a) * 1000:.0f} ms | {bc * 1000:.0f} ms |")
    print(f"| planner generate (default 8-week beginner plan, PDF) | {gm * 1000:.0f} ms | {min(b) * 1000:.0f} ms | {gc * 1000:.0f} ms |")
    print(f"| difference (target <= 250 ms) | {(gm - bm) * 1000:.0f} ms | {(min(b) - min(a)) * 1000:.0f} ms | {(gc - bc) * 1000:.0f} ms |")


if __name__ == "__main__":
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 10
    if not FLOOR.exists():
        sys.exit(f"floor script not found at {FLOOR}")
    in_process(n)
    cold_cli(max(3, n // 2))
