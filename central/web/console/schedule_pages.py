# SPDX-License-Identifier: GPL-3.0-or-later
"""The console's reception schedules at /console/schedules (issue 15 §1)."""

from __future__ import annotations

from fastapi import APIRouter

router = APIRouter(prefix="/console", include_in_schema=False)
