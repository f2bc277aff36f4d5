"""A session as a FIT workout file (file type 5): file_id, workout and workout_step messages.

Written from the published FIT protocol rather than through a library: a workout file needs
three message types, and owning the ~150 lines keeps the bytes deterministic (no clock, no
library-chosen serial numbers or field order) and adds no runtime dependency. Tests decode
every file with an independent decoder (fitdecode), which also checks both CRCs.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import struct

from ..models import Plan, Session
from .steps import POOL_LENGTH_M, SPORTS, Item, Repeat, Step, session_steps
from .words import w

__all__ = ["fit_crc", "session_to_fit"]

PROTOCOL_VERSION = 0x20  # 2.0
PROFILE_VERSION = 2132  # 21.32
FIT_EPOCH = dt.datetime(1989, 12, 31, tzinfo=dt.timezone.utc)
MANUFACTURER_DEVELOPMENT = 255
FILE_WORKOUT = 5
NAME_BYTES = 48
NOTES_BYTES = 96

# Base types: (number, struct code).
ENUM, UINT16, UINT32, UINT32Z, STRING = (0x00, "B"), (0x84, "H"), (0x86, "I"), (0x8C, "I"), (0x07, None)
INTENSITY = {"active": 0, "rest": 1, "warmup": 2, "cooldown": 3, "recovery": 4}
DURATION_TIME, DURATION_DISTANCE, DURATION_REPEAT = 0, 1, 6
TARGET_SPEED, TARGET_HEART_RATE, TARGET_OPEN, TARGET_POWER = 0, 1, 2, 4

_CRC_TABLE = (
    0x0000, 0xCC01, 0xD801, 0x1400, 0xF001, 0x3C00, 0x2800, 0xE401,
    0xA001, 0x6C00, 0x7800, 0xB401, 0x5000, 0x9C01, 0x8801, 0x4400,
)


def fit_crc(data: bytes, crc: int = 0) -> int:
    """The FIT CRC-16 (nibble table from the FIT protocol document)."""
    for byte in data:
        tmp = _CRC_TABLE[crc & 0xF]
        crc = ((crc >> 4) & 0x0FFF) ^ tmp ^ _CRC_TABLE[byte & 0xF]
        tmp = _CRC_TABLE[crc & 0xF]
        crc = ((crc >> 4) & 0x0FFF) ^ tmp ^ _CRC_TABLE[(byte >> 4) & 0xF]
    return crc


def _text(value: str, size: int) -> bytes:
    """UTF-8, cut at a character boundary, NUL-padded to the field's fixed size."""
    raw = value.encode("utf-8")[: size - 1]
    raw = raw.decode("utf-8", errors="ignore").encode("utf-8")
    return raw.ljust(size, b"\x00")


class _Writer:
    """Definition + data records; each local message type is defined once before use."""

    def __init__(self) -> None:
        self.records = bytearray()
        self.defined: dict[int, tuple] = {}

    def message(self, local: int, global_num: int, fields: list[tuple[int, tuple, int, object]]) -> None:
        """fields: (field number, base type, size in bytes, value)."""
        layout = tuple((num, base[0], size) for num, base, size, _ in fields)
        if self.defined.get(local) != (global_num, layout):
            self.records += struct.pack("<BBBHB", 0x40 | local, 0, 0, global_num, len(fields))
            for num, base_num, size in layout:
                self.records += struct.pack("<BBB", num, size, base_num)
            self.defined[local] = (global_num, layout)
        self.records.append(local)
        for _, base, size, value in fields:
            if base is STRING:
                self.records += _text(str(value), size)
            else:
                self.records += struct.pack(f"<{base[1]}", value)

    def file(self) -> bytes:
        header = struct.pack("<BBHI4s", 14, PROTOCOL_VERSION, PROFILE_VERSION, len(self.records), b".FIT")
        header += struct.pack("<H", fit_crc(header))
        body = header + bytes(self.records)
        return body + struct.pack("<H", fit_crc(body))


def _target_fields(step: Step, ftp: int | None = None) -> tuple[int, int, int]:
    """(target type, custom low, custom high) in FIT units: power in watts + 1000, heart
    rate in bpm + 100, speed in mm/s. A power fraction of FTP becomes watts with the
    profile's FTP (the watch's own FTP may differ), else the FIT profile's % FTP (0-1000)."""
    target = step.target
    if target is None:
        return TARGET_OPEN, 0, 0
    if target.kind == "power":
        if ftp:
            return TARGET_POWER, round(target.low * ftp) + 1000, round(target.high * ftp) + 1000
        return TARGET_POWER, round(target.low * 100), round(target.high * 100)
    if target.kind == "heart_rate":
        return TARGET_HEART_RATE, round(target.low) + 100, round(target.high) + 100
    if target.kind == "speed":
        return TARGET_SPEED, round(target.low * 1000), round(target.high * 1000)
    if target.kind == "power_w":
        return TARGET_POWER, round(target.low) + 1000, round(target.high) + 1000
    return TARGET_OPEN, 0, 0


def _step_name(step: Step) -> str:
    """Without a device target the effort still reaches the wrist: RPE in the name."""
    if step.target is None and step.rpe is not None:
        return w("rpe", text=step.name, rpe=step.rpe)
    return step.name


def _flatten(items: list[Item]) -> list[tuple[Step | Repeat, int, int]]:
    """(step or repeat, message index, first index of the group) in device order: a repeat
    step follows its group and points back at the group's first step."""
    out: list[tuple[Step | Repeat, int, int]] = []
    for item in items:
        if isinstance(item, Repeat):
            first = len(out)
            for step in item.steps:
                out.append((step, len(out), first))
            out.append((item, len(out), first))
        else:
            out.append((item, len(out), len(out)))
    return out


def _serial(plan: Plan, session: Session) -> int:
    key = f"{plan.profile.name}\x1f{plan.profile.activity}\x1f{session.date}\x1f{session.title}"
    return int.from_bytes(hashlib.sha256(key.encode("utf-8")).digest()[:4], "little") or 1


def session_to_fit(plan: Plan, session: Session, index_in_day: int = 0) -> bytes:
    """The FIT workout file of one session; same plan -> same bytes (time_created is the
    session's date at 00:00 UTC, not the clock)."""
    items = session_steps(plan, session)
    sport, sub_sport = SPORTS[plan.profile.activity]
    created = dt.datetime.combine(session.date, dt.time(), tzinfo=dt.timezone.utc)
    w = _Writer()
    w.message(0, 0, [
        (0, ENUM, 1, FILE_WORKOUT),
        (1, UINT16, 2, MANUFACTURER_DEVELOPMENT),
        (2, UINT16, 2, 0),
        (3, UINT32Z, 4, (_serial(plan, session) + index_in_day) & 0xFFFFFFFF or 1),
        (4, UINT32, 4, int((created - FIT_EPOCH).total_seconds())),
    ])
    flat = _flatten(items)
    workout = [
        (4, ENUM, 1, sport),
        (11, ENUM, 1, sub_sport),
        (6, UINT16, 2, len(flat)),
        (8, STRING, NAME_BYTES, session.title),
    ]
    if plan.profile.activity == "swimming":
        workout += [(14, UINT16, 2, POOL_LENGTH_M * 100), (15, ENUM, 1, 0)]
    w.message(1, 26, workout)
    for step, index, first in flat:
        if isinstance(step, Repeat):
            fields = [
                (254, UINT16, 2, index),
                (1, ENUM, 1, DURATION_REPEAT),
                (2, UINT32, 4, first),
                (3, ENUM, 1, TARGET_OPEN),
                (4, UINT32, 4, step.times),
                (5, UINT32, 4, 0),
                (6, UINT32, 4, 0),
                (7, ENUM, 1, INTENSITY["active"]),
                (0, STRING, NAME_BYTES, ""),
                (8, STRING, NOTES_BYTES, ""),
            ]
        else:
            target_type, low, high = _target_fields(step, plan.profile.ftp_watts)
            if step.distance_m:
                duration = (DURATION_DISTANCE, step.distance_m * 100)
            else:
                duration = (DURATION_TIME, step.seconds * 1000)
            fields = [
                (254, UINT16, 2, index),
                (1, ENUM, 1, duration[0]),
                (2, UINT32, 4, duration[1]),
                (3, ENUM, 1, target_type),
                (4, UINT32, 4, 0),
                (5, UINT32, 4, low),
                (6, UINT32, 4, high),
                (7, ENUM, 1, INTENSITY[step.intensity]),
                (0, STRING, NAME_BYTES, _step_name(step)),
                (8, STRING, NOTES_BYTES, step.notes),
            ]
        w.message(2, 27, fields)
    return w.file()
