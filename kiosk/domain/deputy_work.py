# SPDX-License-Identifier: GPL-3.0-or-later
"""The snapshot's `deputy_work` (issue 14 §2): per duty deputy of the station, how many of
their items wait for their answer, how many are overdue and how many due soon (三色), so the
kiosk's duty console can say "3 件待回复，1 件已超期" without holding anyone's data. The
server writes it with `deputy_work_document`, the kiosk reads it with `deputy_work_from_document`
(docs/sync-api.md): one wire format, here.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

MAX_DEPUTIES = 1000
MAX_COUNT = 1_000_000


@dataclass(frozen=True)
class DeputyWork:
    waiting: int  # items waiting for the deputy's answer
    overdue: int  # of those, past their due date (red)
    due_soon: int  # of those, due within a working day (yellow)


def deputy_work_document(counts: dict[str, DeputyWork]) -> dict[str, dict[str, int]]:
    """`{deputy_id: {"open", "overdue", "due_soon"}}`, sorted by deputy id."""
    return {
        deputy_id: {"open": w.waiting, "overdue": w.overdue, "due_soon": w.due_soon}
        for deputy_id, w in sorted(counts.items())
    }


def _count(value: Any) -> int | None:
    if isinstance(value, int) and not isinstance(value, bool) and 0 <= value <= MAX_COUNT:
        return value
    return None


def deputy_work_from_document(value: Any) -> dict[str, DeputyWork] | None:
    """The counts a snapshot carries; None when the field is absent or not an object (an
    older server). Malformed entries are left out; nothing else is trusted."""
    if not isinstance(value, dict):
        return None
    out: dict[str, DeputyWork] = {}
    for deputy_id, entry in list(value.items())[:MAX_DEPUTIES]:
        if not isinstance(deputy_id, str) or not deputy_id or not isinstance(entry, dict):
            continue
        counts = [_count(entry.get(key)) for key in ("open", "overdue", "due_soon")]
        if None in counts:
            continue
        waiting, overdue, due_soon = counts
        assert waiting is not None and overdue is not None and due_soon is not None
        if overdue + due_soon > waiting:
            continue
        out[deputy_id[:64]] = DeputyWork(waiting, overdue, due_soon)
    return out
