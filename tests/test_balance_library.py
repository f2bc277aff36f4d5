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


def test_a_72_year_old_strength_plan_has_balance_work_in_at_least_two_sessions_a_week() -> None:
    import planner
    from planner.models import Profile

    lib = {e.id: e for e in load_library().exercises}
    profile = Profile.model_validate({"name": "Zoë Ødegård-Núñez", "age": 72, "activity": "strength",
                                      "level": "beginner", "days_per_week": 3, "session_minutes": 45,
                                      "weeks": 8})

    def ids(node: object) -> list[str]:
        if isinstance(node, dict):
            own = [node["exercise_id"]] if "exercise_id" in node else []
            return own + [i for v in node.values() for i in ids(v)]
        if isinstance(node, list):
            return [i for v in node for i in ids(v)]
        return []

    for week in planner.build_plan(profile).model_dump()["weeks"]:
        with_balance = [s for s in week["sessions"]
                        if any(i in lib and lib[i].pattern == "balance" for i in ids(s))]
        assert len(with_balance) >= 2, week.get("number")
