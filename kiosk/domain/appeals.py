# SPDX-License-Identifier: GPL-3.0-or-later
"""Appeals (意见建议/诉求) taken at the kiosk: the part the kiosk keeps in the clear.

The visitor's personal part (name, mobile, text, address) never appears here: it is sealed
for the server before it is stored (kiosk.store.sealing).
"""

from __future__ import annotations

import base64
import uuid as uuid_module
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from kiosk.domain.tracking import new_tracking_code

DEFAULT_CATEGORIES = (
    "交通出行",
    "物业管理",
    "环境卫生",
    "市容秩序",
    "教育",
    "医疗卫生",
    "社会保障",
    "就业创业",
    "住房",
    "养老助残",
    "安全隐患",
    "其他",
)


@dataclass(frozen=True)
class Appeal:
    uuid: str
    tracking_code: str
    station_id: str
    category: str
    created_at: datetime
    block: str = ""
    target_deputy_id: str | None = None
    channel: str = "kiosk"
    # "appeal", or "callback": a visitor who cannot type asks to be called back (empty text).
    request: str = "appeal"

    @classmethod
    def new(cls, station_id: str, category: str, created_at: datetime, **fields: Any) -> Appeal:
        return cls(
            uuid=str(uuid_module.uuid4()),
            tracking_code=new_tracking_code(),
            station_id=station_id,
            category=category,
            created_at=created_at,
            **fields,
        )

    def event_body(self, sealed: bytes) -> dict[str, Any]:
        """The body of the appeal's outbox event (docs/sync-api.md)."""
        return {
            "tracking_code": self.tracking_code,
            "category": self.category,
            "block": self.block,
            "target_deputy_id": self.target_deputy_id,
            "channel": self.channel,
            "request": self.request,
            "sealed": base64.b64encode(sealed).decode("ascii"),
        }
