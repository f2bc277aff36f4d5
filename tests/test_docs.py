"""The README and docs a newcomer reads: true, self-contained, not repeated."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


def _paragraphs(text: str) -> list[str]:
    prose = re.sub(r"```.*?```", "", text, flags=re.S)
    return [p.strip() for p in re.split(r"\n\s*\n", prose) if len(p.strip()) > 60]


def test_no_paragraph_is_printed_twice():
    paragraphs = _paragraphs(README)
    repeated = {p[:60] for p in paragraphs if paragraphs.count(p) > 1}
    assert not repeated


def test_readme_never_points_outside_the_project():
    assert "../shared" not in README
    for doc in (ROOT / "docs").glob("*.md"):
        assert "../shared" not in doc.read_text(encoding="utf-8"), doc.name


def test_local_links_resolve():
    links = re.findall(r"\]\(([^)#:]+)\)", README)
    assert "docs/evidence.md" in links
    for link in links:
        assert (ROOT / link).exists(), link


def test_evidence_names_a_source_for_each_rule_family():
    evidence = (ROOT / "docs" / "evidence.md").read_text(encoding="utf-8")
    for source in ("WHO", "ACSM", "Foster", "Frandsen", "Seiler", "Couch to 5K", "Schwellnus", "Bosquet", "Epley"):
        assert source in evidence, source


def test_exactly_two_setup_commands_and_ci_runs_the_second():
    setup = README.split("## Set up", 1)[1].split("\n## ", 1)[0]
    commands = re.findall(r"```sh\n(.*?)\n```", setup, flags=re.S)
    assert len(commands) == 2
    assert "planner generate" in commands[0] and ".pdf" in commands[0]
    test_command = commands[1].split("&&")[-1].strip()
    assert test_command in (ROOT / ".ci" / "run").read_text(encoding="utf-8")
