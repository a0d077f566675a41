# SPDX-License-Identifier: GPL-3.0-or-later
"""The printable registers (台账, issue 15 §2) as PDF, in the form stations keep them:

- 活动记录簿: each reception day held — the deputies on duty, hours, receptions, visitors,
  topics, appeals received that day. No visitor's data.
- 接待人民群众登记簿: each visitor received — appeals, call-back requests, appointments and
  the duty deputies' reception records, with name and mobile. Personal data: only for roles
  that may see it (Action.SEE_PERSONAL), and every download is in the audit log as a reveal.
- 履职档案: a deputy's year by month (central.services.duty_record).

Each has the station's name and the period in its heading, "第 N 页 共 M 页" at the foot,
the table's header repeated on every page, and the project's own CJK font (assets/fonts, the
kiosk's Noto Sans CJK SC subset) embedded as a subset of the characters used.
"""

from __future__ import annotations

import logging
import os
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from fpdf import FPDF
from fpdf.fonts import FontFace
from sqlalchemy import select
from sqlalchemy.orm import Session

from central.core.config import CHINA_TIME
from central.models import Appeal, Appointment, Attendance, ReceptionRecord, Station
from central.services import audit
from central.services.audit import Who
from central.services.duty_record import duty_sessions, record_of
from central.services.figures import Period
from central.services.permissions import Action, Refused, Role, require, scope_of
from central.services.rosters import deputy_names

# From source: the repository's assets/fonts; CENTRAL_FONT_DIR names another folder.
FONT_DIR = Path(
    os.environ.get("CENTRAL_FONT_DIR", Path(__file__).resolve().parents[2] / "assets" / "fonts")
)
FONT_FILES = {"": "NotoSansCJKsc-Regular.subset.otf", "B": "NotoSansCJKsc-Bold.subset.otf"}
FAMILY = "NotoSansCJKsc"
STATE_NAMES = {
    "received": "待审核",
    "accepted": "已受理",
    "rejected": "不予受理",
    "assigned": "代表办理中",
    "replied": "代表已答复",
    "referred": "已转部门",
    "feedback": "部门已反馈",
    "closed": "已办结",
    "rated": "已评价",
    "reopened": "重新办理",
    "requested": "待确认",
    "confirmed": "已确认",
    "declined": "已婉拒",
    "done": "已接待",
}
CHANNELS = {"kiosk": "一体机", "qr": "手机扫码", "callback": "回电请求", "visit": "现场接待"}


# fpdf2 logs the characters a font lacks (an emoji in what a visitor wrote): visitors' text
# stays out of the logs; such a character prints as nothing.
logging.getLogger("fpdf.output").setLevel(logging.ERROR)


class RegisterError(ValueError):
    """A register that cannot be made; the message says why."""


@dataclass(frozen=True)
class Column:
    heading: str
    width: float  # mm
    align: str = "LEFT"


class RegisterPDF(FPDF):
    """A4 landscape with the register's heading on every page and the page count at the foot."""

    def __init__(self, title: str, station: str, period: str) -> None:
        super().__init__(orientation="L", unit="mm", format="A4")
        self.register_title, self.station, self.period = title, station, period
        for style, name in FONT_FILES.items():
            self.add_font(FAMILY, style, str(FONT_DIR / name))
        self.set_auto_page_break(auto=True, margin=16)
        self.set_margins(12, 12, 12)
        self.set_title(f"{title} {station} {period}")
        self.set_creator("station-kiosk central")

    def header(self) -> None:
        self.set_font(FAMILY, "B", 16)
        self.cell(0, 8, self.register_title, align="C", new_x="LMARGIN", new_y="NEXT")
        self.set_font(FAMILY, "", 10)
        self.cell(0, 6, f"联络站：{self.station}", new_x="RIGHT", new_y="TOP")
        self.cell(0, 6, f"期间：{self.period}", align="R", new_x="LMARGIN", new_y="NEXT")
        self.ln(2)

    def footer(self) -> None:
        self.set_y(-12)
        self.set_font(FAMILY, "", 9)
        self.cell(0, 6, f"第 {self.page_no()} 页 共 {{nb}} 页", align="C")

    def table_of(self, columns: list[Column], rows: list[list[str]], empty: str) -> None:
        self.set_font(FAMILY, "", 9)
        if not rows:
            self.cell(0, 10, empty, align="C", new_x="LMARGIN", new_y="NEXT")
            return
        heading = FontFace(emphasis="BOLD", fill_color=(244, 241, 236))
        with self.table(
            col_widths=tuple(c.width for c in columns),
            width=sum(c.width for c in columns),
            headings_style=heading,
            line_height=5.5,
            text_align=tuple(c.align for c in columns),
            repeat_headings=1,
        ) as table:
            head = table.row()
            for column in columns:
                head.cell(column.heading)
            for values in rows:
                line = table.row()
                for value in values:
                    line.cell(value)

    def note(self, text: str) -> None:
        self.ln(3)
        self.set_font(FAMILY, "", 9)
        self.multi_cell(0, 5, text, new_x="LMARGIN", new_y="NEXT")


def _station(session: Session, who: Who | None, station_id: str) -> Station:
    station = session.get(Station, station_id)
    if station is None:
        raise RegisterError(f"no station {station_id}")
    if who is not None:
        require(who.account, Action.REGISTERS)
        if not scope_of(session, who.account).covers(station_id):
            raise Refused(f"station {station_id} is outside the account's scope")
    return station


def _china(moment: datetime) -> datetime:
    return moment.astimezone(CHINA_TIME)


def activity_register(session: Session, who: Who | None, station_id: str, period: Period) -> bytes:
    """活动记录簿: a line per reception day held (a day a deputy signed in)."""
    station = _station(session, who, station_id)
    start, end = period.utc_range
    names = deputy_names(session, station_id)
    by_deputy: dict[str, list[tuple[str, datetime]]] = defaultdict(list)
    for deputy, action, at in session.execute(
        select(Attendance.deputy_id, Attendance.action, Attendance.at)
        .where(Attendance.station_id == station_id, Attendance.at >= start, Attendance.at < end)
        .order_by(Attendance.deputy_id, Attendance.at, Attendance.id)
    ):
        by_deputy[deputy].append((action, at))
    days: dict[date, dict[str, Any]] = {}

    def day_of(day: date) -> dict[str, Any]:
        return days.setdefault(
            day,
            {
                "deputies": {},
                "first": None,
                "last": None,
                "receptions": 0,
                "visitors": 0,
                "topics": [],
                "appeals": 0,
            },
        )

    for deputy, events in by_deputy.items():
        for day, minutes in duty_sessions(events):
            line = day_of(day)
            line["deputies"][deputy] = line["deputies"].get(deputy, 0) + minutes
        for action, at in events:
            local = _china(at)
            line = day_of(local.date())
            if action == "sign_in" and (line["first"] is None or local < line["first"]):
                line["first"] = local
            if action == "sign_out" and (line["last"] is None or local > line["last"]):
                line["last"] = local
    for at, visitors, topic in session.execute(
        select(ReceptionRecord.at, ReceptionRecord.visitors, ReceptionRecord.topic).where(
            ReceptionRecord.station_id == station_id,
            ReceptionRecord.at >= start,
            ReceptionRecord.at < end,
        )
    ):
        line = day_of(_china(at).date())
        line["receptions"] += 1
        line["visitors"] += visitors
        if topic and topic not in line["topics"]:
            line["topics"].append(topic)
    for (at,) in session.execute(
        select(Appeal.created_at).where(
            Appeal.station_id == station_id, Appeal.created_at >= start, Appeal.created_at < end
        )
    ):
        day = _china(at).date()
        if day in days:  # appeals count on the days the station held reception
            days[day]["appeals"] += 1
    rows = []
    total_minutes = total_visitors = 0
    for day in sorted(days):
        line = days[day]
        if not line["deputies"]:
            continue  # a reception record without anyone signed in: not a reception day held
        minutes = sum(line["deputies"].values())
        total_minutes += minutes
        total_visitors += line["visitors"]
        span = "—"
        if line["first"]:
            span = (
                f"{line['first']:%H:%M}–{line['last']:%H:%M}"
                if line["last"]
                else (f"{line['first']:%H:%M}–")
            )
        present = "、".join(names.get(d, d) for d in sorted(line["deputies"]))
        rows.append(
            [
                f"{day:%Y-%m-%d}",
                "一二三四五六日"[day.weekday()],
                span,
                present,
                f"{minutes / 60:.1f}",
                str(line["receptions"]),
                str(line["visitors"]),
                "、".join(line["topics"]) or "—",
                str(line["appeals"]),
                "",
            ]
        )
    pdf = RegisterPDF("活动记录簿", station.name, period.label)
    pdf.add_page()
    columns = [
        Column("日期", 22),
        Column("星期", 11, "CENTER"),
        Column("时间", 24),
        Column("到岗代表", 64),
        Column("值班时长（小时）", 22, "RIGHT"),
        Column("接待登记", 16, "RIGHT"),
        Column("接待群众（人次）", 22, "RIGHT"),
        Column("主题", 50),
        Column("收到意见", 16, "RIGHT"),
        Column("备注", 26),
    ]
    pdf.table_of(columns, rows, "本期间没有接待日记录。")
    pdf.note(
        f"合计：接待日 {len(rows)} 天，值班 {total_minutes / 60:.1f} 小时，"
        f"接待群众 {total_visitors} 人次。数据来自一体机的代表签到、签退和接待登记。"
    )
    return bytes(pdf.output())


def visitors_register(
    session: Session,
    who: Who | None,
    station_id: str,
    period: Period,
    *,
    now: datetime,
    login: str = "cli",
) -> bytes:
    """接待人民群众登记簿: every visitor received in the period, with their name and mobile.
    A console account needs SEE_PERSONAL; every download is audited as a reveal (`login` names
    who asked when no account does: the command line's user)."""
    station = _station(session, who, station_id)
    if who is not None:
        require(who.account, Action.SEE_PERSONAL)
        if who.account.role == Role.DEPUTY:
            raise Refused("the visitors' register is the station's")
    start, end = period.utc_range
    names = deputy_names(session, station_id)
    lines: list[tuple[datetime, list[str]]] = []
    for a in session.scalars(
        select(Appeal)
        .where(Appeal.station_id == station_id, Appeal.created_at >= start, Appeal.created_at < end)
        .order_by(Appeal.created_at, Appeal.id)
    ):
        channel = "callback" if a.request == "callback" else a.channel
        erased = a.personal_erased_at is not None
        deputy = a.assigned_deputy_id or a.target_deputy_id
        lines.append(
            (
                a.created_at,
                [
                    CHANNELS.get(channel, channel),
                    "（已删除）" if erased else a.contact_name or "—",
                    "（已删除）" if erased else a.contact_mobile or "—",
                    a.category,
                    _short(a.text) if not erased else "（已删除）",
                    names.get(deputy or "", "—"),
                    STATE_NAMES.get(a.state, a.state),
                    a.tracking_code,
                ],
            )
        )
    for p in session.scalars(
        select(Appointment)
        .where(
            Appointment.station_id == station_id,
            Appointment.created_at >= start,
            Appointment.created_at < end,
        )
        .order_by(Appointment.created_at, Appointment.id)
    ):
        erased = p.personal_erased_at is not None
        lines.append(
            (
                p.created_at,
                [
                    "约见代表",
                    "（已删除）" if erased else p.contact_name or "—",
                    "（已删除）" if erased else p.contact_mobile or "—",
                    f"约见 {p.day:%m-%d}",
                    "（已删除）" if erased else _short(p.topic),
                    names.get(p.deputy_id, p.deputy_id),
                    STATE_NAMES.get(p.state, p.state),
                    p.code,
                ],
            )
        )
    for r in session.scalars(
        select(ReceptionRecord)
        .where(
            ReceptionRecord.station_id == station_id,
            ReceptionRecord.at >= start,
            ReceptionRecord.at < end,
        )
        .order_by(ReceptionRecord.at, ReceptionRecord.id)
    ):
        lines.append(
            (
                r.at,
                [
                    CHANNELS["visit"],
                    f"{r.visitors} 人",
                    "—",
                    r.topic,
                    _short(r.notes),
                    names.get(r.deputy_id, r.deputy_id),
                    "已接待",
                    "、".join(r.tracking_codes) or "—",
                ],
            )
        )
    lines.sort(key=lambda line: line[0])
    rows = [[f"{_china(at):%Y-%m-%d %H:%M}", *values] for at, values in lines]
    # The register's existence, not its content: no name or mobile in the audit log.
    detail = f"visitors register {period.value}: {len(rows)} lines (names, mobiles)"
    audit.record(session, who, "reveal", station_id, detail, now=now, login=login)
    pdf = RegisterPDF("接待人民群众登记簿", station.name, period.label)
    pdf.add_page()
    columns = [
        Column("时间", 27),
        Column("方式", 18),
        Column("姓名", 20),
        Column("联系电话", 25),
        Column("类别", 20),
        Column("反映内容", 77),
        Column("代表", 20),
        Column("办理情况", 20),
        Column("编号", 26),
    ]
    pdf.table_of(columns, rows, "本期间没有接待记录。")
    pdf.note("本登记簿含群众个人信息，仅供工作使用，请妥善保管，不得外传。")
    return bytes(pdf.output())


def _short(text: str, limit: int = 80) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def duty_record_register(
    session: Session, who: Who | None, station_id: str, deputy_id: str, year: int
) -> bytes:
    """履职档案: the deputy's year by month. A deputy may print their own; station staff,
    reviewers and admins any deputy's in their scope."""
    station = session.get(Station, station_id)
    if station is None:
        raise RegisterError(f"no station {station_id}")
    if who is not None:
        account = who.account
        own = account.role == Role.DEPUTY and (account.station_id, account.deputy_id) == (
            station_id,
            deputy_id,
        )
        if not own:
            _station(session, who, station_id)
    name = deputy_names(session, station_id).get(deputy_id)
    if name is None:
        raise RegisterError(f"no deputy {deputy_id} at {station_id}")
    record = record_of(session, station_id, deputy_id, year)
    pdf = RegisterPDF(f"代表履职档案 · {name}", station.name, f"{year}年")
    pdf.add_page()

    def rate(value: float | None) -> str:
        return "—" if value is None else f"{value * 100:.0f}%"

    rows = [
        [
            f"{line.month}月",
            str(line.days_attended),
            f"{line.hours}",
            str(line.receptions),
            str(line.visitors),
            str(line.replied),
            str(line.on_time),
            rate(line.on_time_rate),
            str(line.rated),
            rate(line.satisfaction),
        ]
        for line in record.months
    ]
    t = record.year_total
    rows.append(
        [
            "全年",
            str(t.days_attended),
            f"{t.hours}",
            str(t.receptions),
            str(t.visitors),
            str(t.replied),
            str(t.on_time),
            rate(t.on_time_rate),
            str(t.rated),
            rate(t.satisfaction),
        ]
    )
    columns = [
        Column("月份", 20),
        Column("到岗天数", 25, "RIGHT"),
        Column("值班时长（小时）", 30, "RIGHT"),
        Column("接待登记", 25, "RIGHT"),
        Column("接待群众（人次）", 30, "RIGHT"),
        Column("答复群众（件）", 28, "RIGHT"),
        Column("按时答复（件）", 28, "RIGHT"),
        Column("按时答复率", 25, "RIGHT"),
        Column("已评价", 22, "RIGHT"),
        Column("满意率", 40, "RIGHT"),
    ]
    pdf.table_of(columns, rows, "")
    pdf.note(
        "到岗和值班时长来自一体机的签到、签退；按时答复指不晚于回执承诺的期限"
        "（收到后3个工作日）；满意率 =（满意 + 基本满意）÷ 已评价。"
    )
    return bytes(pdf.output())
