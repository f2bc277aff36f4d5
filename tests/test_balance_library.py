"""The balance group of the built-in library: WHO 2020 asks adults 65+ for balance work,
so the library must offer enough balance exercises, each usable in print."""

from planner.io.libraries import load_library


def _balance():
    return [e for e in load_library().exercises if e.category == "balance"]


def test_library_has_at_least_twelve_balance_exercises() -> None:
    balance = _balance()
    assert len(balance) >= 12
    for e in balance:
        assert e.instructions and e.cues, e.id
        assert e.dose and set(e.dose) <= set(e.levels), e.id
        assert "beginner" in e.levels or e.regression, e.id


def test_balance_regressions_and_progressions_point_into_the_library() -> None:
    ids = {e.id for e in load_library().exercises}
    for e in _balance():
        for ref in (e.regression, e.progression):
            assert ref is None or ref in ids, (e.id, ref)
