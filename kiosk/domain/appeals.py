# SPDX-License-Identifier: GPL-3.0-or-later
"""Appeals (意见建议/诉求) taken at the kiosk: the part the kiosk keeps in the clear.

The visitor's personal part (name, mobile, text, address) never appears here: it is sealed
for the server before it is stored (kiosk.store.sealing).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from kiosk.domain.ids import new_uuid
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


# Common phrases per category (issue 16 §3): a visitor taps one or more instead of typing,
# then may add to them. The server sends its own with the categories; these are the defaults
# (and the demo station's).
DEFAULT_PHRASES: dict[str, tuple[str, ...]] = {
    "交通出行": ("路灯坏了", "红绿灯坏了", "道路破损有坑", "公交站太远", "违章停车堵路"),
    "物业管理": ("电梯经常坏", "楼道灯不亮", "物业不管事", "小区漏水", "停车收费不合理"),
    "环境卫生": ("垃圾没人清运", "污水横流", "噪音扰民", "油烟扰民", "公厕太脏"),
    "市容秩序": ("占道经营", "乱贴广告", "违章搭建", "共享单车乱停"),
    "教育": ("孩子上学太远", "学位紧张", "校门口交通不安全", "课后没人照看"),
    "医疗卫生": ("看病排队太久", "社区医院缺药", "想签家庭医生"),
    "社会保障": ("养老金问题", "医保报销问题", "低保申请", "社保转移"),
    "就业创业": ("想找工作", "工资被拖欠", "想参加技能培训"),
    "住房": ("老旧小区想加装电梯", "房屋漏水", "租房纠纷", "想申请保障房"),
    "养老助残": ("想去社区食堂吃饭", "需要上门照护", "无障碍设施不够"),
    "安全隐患": ("电动车楼道充电", "消防通道被堵", "燃气管道老化", "树木要倒"),
    "其他": ("想当面反映情况", "想咨询政策"),
}


def phrases_for(category: str, sent: dict[str, list[str]] | None = None) -> list[str]:
    """The phrases offered for `category`: the server's when it sent some, else the defaults."""
    if sent and isinstance(sent.get(category), list):
        return [p for p in sent[category] if isinstance(p, str) and p.strip()][:12]
    return list(DEFAULT_PHRASES.get(category, ()))


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
            uuid=new_uuid(),
            tracking_code=new_tracking_code(),
            station_id=station_id,
            category=category,
            created_at=created_at,
            **fields,
        )
