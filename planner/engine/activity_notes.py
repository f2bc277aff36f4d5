"""What the plan tells the person about how their activity was shaped for them (issue 11):
WHO's weekly minutes for walkers, balance work from 65, and what a knee or shoulder limitation
changed in the activity itself (not only in the accessory exercises).

Pure: reads the profile and the built weeks; every sentence comes from the word file.
"""

from __future__ import annotations

from collections.abc import Sequence

from . import rules as R
from ..models import Profile, Week
from ..vocab import ENDURANCE_ACTIVITIES
from .warmup import needs_balance_warmup
from .words import say


def activity_notes(profile: Profile, weeks: Sequence[Week]) -> list[str]:
    notes: list[str] = []
    asked = min(profile.days_per_week, R.MAX_TRAINING_DAYS) * profile.session_minutes
    if profile.activity == "walking":
        if asked < R.WHO_WEEKLY_MINUTES:
            notes.append(say("notes.who_short", minutes=asked))
        else:
            notes.append(say("notes.who_met"))
    if needs_balance_warmup(profile) and profile.activity in ENDURANCE_ACTIVITIES:
        notes.append(say("notes.balance"))
    if "knee" in profile.limitations and profile.activity in ENDURANCE_ACTIVITIES:
        key = {"running": "notes.knee_running", "walking": "notes.knee_walking"}.get(profile.activity, "notes.knee_other")
        notes.append(say(key))
    if "shoulder" in profile.limitations and profile.activity == "swimming":
        notes.append(say("notes.shoulder_swimming"))
    return notes


def brisk_minutes(week: Week) -> int:
    """Minutes of brisk walking (RPE 4-5 main work) in a week."""
    seconds = 0
    for s in week.sessions:
        for block in s.blocks:
            if block.kind != "main":
                continue
            for item in block.items:
                if item.duration_s and (item.rpe or 0) >= R.WALKING_EASY_RPE:
                    seconds += item.duration_s * (item.sets or 1)
    return seconds // 60
