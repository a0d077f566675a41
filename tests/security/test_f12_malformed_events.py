# SPDX-License-Identifier: GPL-3.0-or-later
"""Finding 12: an event with created_at in year 1 (or any malformed item) is `invalid` on its
own; the rest of the batch is taken, never a 500."""

from __future__ import annotations

import pytest

from kiosk.domain.tracking import new_tracking_code


@pytest.mark.parametrize(
    "created_at",
    [
        "0001-01-01T00:00:00+08:00",
        "0001-01-01T00:00:00+14:00",
        "9999-12-31T23:59:59-12:00",
        "1900-01-01T00:00:00+08:00",
    ],
)
def test_an_event_from_an_impossible_time_is_invalid_alone(kiosk, created_at):
    good = kiosk.appeal_event(new_tracking_code())
    bad = kiosk.appeal_event(new_tracking_code()) | {"created_at": created_at}
    odd = {"uuid": "not-a-uuid", "kind": "appeal", "created_at": created_at, "body": []}
    answer = kiosk.post_events([bad, good, odd, 7, None])
    assert answer.status_code == 200, answer.text
    statuses = [r["status"] for r in answer.json()["results"]]
    assert statuses == ["invalid", "created", "invalid", "invalid", "invalid"]
    assert "created_at" in answer.json()["results"][0]["reason"]
