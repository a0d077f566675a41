# SPDX-License-Identifier: GPL-3.0-or-later
"""The demo station: a fictional 代表联络站 with 15 fictional deputies, always the same.

Every name, address and number here is made up. Phone numbers use the 000 prefix, which no
real number in China has; QR codes lead to the reserved `.example` domain.
"""

from __future__ import annotations

from datetime import date, time, timedelta
from pathlib import Path

from kiosk.domain.deputies import Deputy, Level
from kiosk.domain.holidays import DayKind, Holiday, HolidayCalendar
from kiosk.domain.reception import OccurrenceChange, OnHoliday, ReceptionSchedule
from kiosk.domain.snapshot import snapshot_to_document
from kiosk.domain.station import (
    Notice,
    Station,
    StationFigures,
    StationKind,
    StationRule,
    StationSnapshot,
)
from kiosk.store.database import Database
from kiosk.store.station import load_station, store_station

DEMO_QR_BASE = "https://daibiao.example/d/"
# Every demo deputy signs in with the PIN 123456 (README, docs/deputy-sign-in.md): its argon2id
# hash with the server's costs, made once, so that seeding costs no hashing time.
DEMO_PIN = "123456"
DEMO_PIN_HASH = (
    "$argon2id$v=19$m=131072,t=3,p=4$7/TjMld+2zw/Y4aOv9262w"
    "$Bn2rMDsRUaotYgmlw4EeCJRHjrf/zoHtDU9JJbzxZV4"
)

N, P, C, X, T = Level.NATIONAL, Level.PROVINCIAL, Level.CITY, Level.COUNTY, Level.TOWNSHIP

# name, levels, constituency, blocks, occupation, public phone.
# Several names use characters outside GB2312 (喆 堃 赟 燊 珺 昇 玥 彧 翀 湉 垚) on purpose:
# real rosters have them, and the shipped font must cover them.
_DEPUTIES = [
    ("林嘉禾", (N, C), "青禾街道第一选区", ("文昌社区", "禾丰社区"), "社区卫生服务中心主任", ""),
    ("周晓喆", (P,), "青禾街道第二选区", ("望江社区",), "中学教师", "000-8888-0102"),
    ("陈思堃", (C, X), "青禾街道第三选区", ("云栖社区", "科创园"), "软件公司工程师", ""),
    ("王赟", (C,), "青禾街道第四选区", ("东河社区",), "律师事务所律师", ""),
    ("许燊", (X,), "青禾街道第五选区", ("西溪社区", "湖畔商圈"), "餐饮个体经营者", ""),
    ("赵珺瑶", (X, T), "青禾街道第六选区", ("文昌社区",), "社区党委书记", "000-8888-0106"),
    ("孙昇", (X,), "青禾街道第七选区", ("禾丰社区",), "公交公司驾驶员", ""),
    ("郑玥", (X,), "青禾街道第八选区", ("望江社区", "滨江写字楼"), "物业公司经理", ""),
    ("何彧", (T,), "青禾街道第九选区", ("云栖社区",), "养老服务中心护理员", ""),
    ("冯翀", (T,), "青禾街道第十选区", ("东河社区",), "退役军人", ""),
    ("吴婧怡", (T,), "青禾街道第十一选区", ("西溪社区",), "幼儿园园长", ""),
    ("胡淼", (T,), "青禾街道第十二选区", ("湖畔商圈",), "超市店长", ""),
    ("高垚", (X,), "青禾街道第十三选区", ("科创园",), "企业人力资源主管", ""),
    ("罗晟", (C,), "青禾街道第十四选区", ("滨江写字楼",), "银行网点负责人", ""),
    ("梁湉", (P, X), "青禾街道第十五选区", ("禾丰社区", "文昌社区"), "医院护士长", ""),
]

# The names in Pinyin, as the server computes them when a roster is saved (pypinyin; see
# tests/central/test_pinyin.py): the kiosk itself never converts.
_PINYIN = {
    "林嘉禾": "lin jia he", "周晓喆": "zhou xiao zhe", "陈思堃": "chen si kun",
    "王赟": "wang yun", "许燊": "xu shen", "赵珺瑶": "zhao jun yao", "孙昇": "sun sheng",
    "郑玥": "zheng yue", "何彧": "he yu", "冯翀": "feng chong", "吴婧怡": "wu jing yi",
    "胡淼": "hu miao", "高垚": "gao yao", "罗晟": "luo sheng", "梁湉": "liang tian",
}  # fmt: skip

# The State Council's 2026 arrangement (as the server seeds it from chinesecalendar): holiday
# spans and make-up workdays. 2027 is left out on purpose: its table is not published yet,
# and the schedule screen says so.
_HOLIDAYS_2026 = [
    ("元旦", date(2026, 1, 1), 3, [date(2026, 1, 4)]),
    ("春节", date(2026, 2, 15), 9, [date(2026, 2, 14), date(2026, 2, 28)]),
    ("清明节", date(2026, 4, 4), 3, []),
    ("劳动节", date(2026, 5, 1), 5, [date(2026, 5, 9)]),
    ("端午节", date(2026, 6, 19), 3, []),
    ("中秋节", date(2026, 9, 25), 3, []),
    ("国庆节", date(2026, 10, 1), 7, [date(2026, 9, 20), date(2026, 10, 10)]),
]


def demo_holidays() -> HolidayCalendar:
    days = []
    for name, first, length, workdays in _HOLIDAYS_2026:
        days += [Holiday(first + timedelta(days=i), DayKind.HOLIDAY, name) for i in range(length)]
        days += [Holiday(day, DayKind.WORKDAY, name) for day in workdays]
    return HolidayCalendar(tuple(sorted(days, key=lambda h: h.day)), frozenset({2026}))


_COLOURS = [
    ("#F3E0D0", "#B5651D"),
    ("#DCE8F5", "#3D6A99"),
    ("#E3F0DC", "#4E7A3A"),
    ("#F5E6EE", "#9A4B6E"),
    ("#EFE9D8", "#7D6A35"),
]


def demo_snapshot() -> StationSnapshot:
    deputies = tuple(
        Deputy(
            id=f"demo-{i:02d}",
            name=name,
            levels=levels,
            constituency=constituency,
            blocks=blocks,
            phone=phone,
            occupation=occupation,
            bio=f"{occupation}，长期关注{blocks[0]}居民的急难愁盼问题。",
            photo=f"demo-{i:02d}.svg",
            qr_url=f"{DEMO_QR_BASE}demo-{i:02d}",
            pinyin=tuple(_PINYIN[name].split()),
        )
        for i, (name, levels, constituency, blocks, occupation, phone) in enumerate(
            _DEPUTIES, start=1
        )
    )
    ids = [d.id for d in deputies]
    schedules = (
        ReceptionSchedule(
            id="demo-weekly",
            title="驻站代表接待日",
            rule="DTSTART:20260105\nRRULE:FREQ=MONTHLY;BYMONTHDAY=15\nRRULE:FREQ=WEEKLY;BYDAY=MO",
            start=time(9, 0),
            end=time(11, 30),
            deputy_ids=tuple(ids[3:13]),
            per_occurrence=2,
            place="联络站一楼接待室",
            on_holiday=OnHoliday.MOVE,
            changes=(
                OccurrenceChange(
                    date(2026, 11, 30),
                    cancelled=True,
                    reason="驻站代表参加区人大常委会集中视察，本次接待暂停",
                ),
            ),
        ),
        ReceptionSchedule(
            id="demo-contact-day",
            title="代表联系日",
            rule="DTSTART:20260101\nRRULE:FREQ=MONTHLY;BYDAY=+3TU",
            start=time(14, 30),
            end=time(17, 0),
            deputy_ids=(ids[1], ids[5], ids[14]),
            theme="老旧小区加装电梯",
            place="联络站二楼会议室",
            invited=("区住房和城乡建设局", "街道城建办"),
            changes=(
                OccurrenceChange(
                    date(2026, 12, 15),
                    moved_to=date(2026, 12, 17),
                    reason="二楼会议室维修，改期两天",
                ),
            ),
        ),
        ReceptionSchedule(
            id="demo-group",
            title="组团接待",
            rule="DTSTART:20260101\nRRULE:FREQ=MONTHLY;BYDAY=-1FR",
            start=time(9, 0),
            end=time(12, 0),
            deputy_ids=(ids[0], ids[2], ids[3], ids[7], ids[12], ids[13]),
            theme="优化营商环境",
            place="联络站二楼会议室",
            invited=("区市场监督管理局",),
        ),
    )
    station = Station(
        id="demo-station",
        kind=StationKind.STATION,
        name="青禾街道人大代表联络站",
        address="青禾街道文昌路88号社区服务中心二楼（演示地址）",
        hours="周一至周五 9:00–12:00，14:00–17:30",
        phone="000-8888-6666",
        intro=(
            "青禾街道人大代表联络站是市、区、街道三级人大代表联系群众的平台。"
            "15名驻站代表轮流值班，每月15日和每周一接待群众，"
            "每月第三个星期二为代表联系日，每月最后一个星期五组团接待。"
        ),
        rules=(
            StationRule(
                "代表接待群众制度",
                "驻站代表按排班表轮流接待群众，接待情况当场登记，群众反映的问题3个工作日内答复。",
            ),
            StationRule(
                "意见建议办理反馈制度",
                "群众意见建议经审核后交代表办理或转有关部门，15个工作日内反馈办理结果，"
                "全程可查询。",
            ),
            StationRule(
                "代表履职登记制度",
                "代表进站履职须签到签退，接待人数、反映问题和办理情况记入履职档案。",
            ),
            StationRule(
                "联络站工作例会制度",
                "每季度召开一次工作例会，通报意见建议办理情况，研究解决突出问题。",
            ),
        ),
        notices=(
            Notice(
                "demo-n1",
                "12月代表联系日主题：老旧小区加装电梯",
                "欢迎有加装电梯意愿的居民来站反映情况，代表将邀请住建部门一同接待。",
                date(2026, 11, 20),
            ),
            Notice(
                "demo-n2",
                "“码上找代表”服务上线",
                "扫描代表二维码即可给代表留言，办理进度全程可查。",
                date(2026, 11, 5),
            ),
            Notice(
                "demo-n3",
                "元旦假期接待安排",
                "2027年1月1日放假，当天不安排接待，其余接待日照常。",
                date(2026, 11, 1),
            ),
        ),
        figures=StationFigures(opinions_collected=1286, problems_solved=1203, satisfaction=0.992),
    )
    return StationSnapshot(
        station=station, deputies=deputies, schedules=schedules, holidays=demo_holidays()
    )


def portrait_svg(index: int) -> str:
    """A head-and-shoulders placeholder, coloured by index (no face, no text)."""
    background, figure = _COLOURS[index % len(_COLOURS)]
    return (
        '<svg xmlns="http://www.w3.org/2000/svg" width="300" height="400" viewBox="0 0 300 400">'
        f'<rect width="300" height="400" fill="{background}"/>'
        f'<circle cx="150" cy="150" r="72" fill="{figure}"/>'
        f'<path d="M30 400 C30 285 90 245 150 245 C210 245 270 285 270 400 Z" fill="{figure}"/>'
        "</svg>"
    )


def seed_demo_station(database: Database, photo_dir: Path) -> bool:
    """Write the demo station unless the database already has a station. True if written."""
    with database.begin() as connection:
        if load_station(connection) is not None:
            return False
        snapshot = demo_snapshot()
        photo_dir.mkdir(parents=True, exist_ok=True)
        for i, deputy in enumerate(snapshot.deputies):
            (photo_dir / deputy.photo).write_text(portrait_svg(i), encoding="utf-8")
        document = snapshot_to_document(snapshot)
        for deputy in document["deputies"]:  # as the server sends them
            deputy["pin_hash"] = DEMO_PIN_HASH
        store_station(connection, document)
    return True


# A kiosk in demo mode has no server to seal for: it seals to this key, whose private half is
# sha256(b"qinghe demo station sealing key"), public on purpose. Demo data is made up; an
# enrolled kiosk always seals to its server's key.
DEMO_SERVER_PUBLIC_KEY = "eqAONRNhZI2Yxb7xV+HoSuVOhwAjHHgF2rRiucpGlA4="
DEMO_PROGRESS_LINK = "https://qinghe.example/p/{code}"
