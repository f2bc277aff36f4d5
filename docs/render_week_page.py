"""Re-render docs/week-page.png (the README picture) from the real planner and renderer.

Run from the repository root: python docs/render_week_page.py  (needs pdftoppm, poppler-utils).
"""

from __future__ import annotations

import datetime as dt
import subprocess
import tempfile
from pathlib import Path

from PIL import Image

from planner import Profile, build_plan, render_pdf

OUT = Path(__file__).resolve().parent / "week-page.png"


def main() -> None:
    profile = Profile(
        name="Zoë Ødegård-Núñez", level="intermediate", activity="running", weeks=12, days_per_week=4,
        start_date=dt.date(2026, 3, 2),
    )
    with tempfile.TemporaryDirectory() as tmp:
        pdf = Path(tmp) / "plan.pdf"
        pdf.write_bytes(render_pdf(build_plan(profile)))
        subprocess.run(["pdftoppm", "-png", "-r", "90", "-f", "2", "-l", "2", "-singlefile", str(pdf), str(Path(tmp) / "page")], check=True)
        with Image.open(Path(tmp) / "page.png") as page:
            page.convert("P", palette=Image.ADAPTIVE, colors=64).save(OUT, optimize=True)
    print(f"wrote {OUT}")


if __name__ == "__main__":
    main()
