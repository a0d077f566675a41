# SPDX-License-Identifier: GPL-3.0-or-later
"""Notifications in process against REAL receivers on 127.0.0.1: a group robot's HTTP
endpoint (企业微信, 钉钉 signed), an SMS gateway (the provider is faked at its HTTP boundary)
and an SMTP server that requires STARTTLS. The assertions are on what arrived."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import logging
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

import pytest
from sqlalchemy import func, select

from central.core.config import CHINA_TIME
from central.core.db import Database
from central.models import (
    Account,
    Appointment,
    AppointmentStep,
    Department,
    Deputy,
    Holiday,
    Notice,
    NoticeAttempt,
    Station,
)
from central.services import casework, deputy_work, notifications, phone, privacy
from central.services.accounts import NewAccount, create_account
from central.services.appointments import AppointmentState, answer_appointment
from central.services.audit import Who
from central.services.notifications import NewChannel
from central.services.notify_worker import NotificationWorker
from central.services.regions import add_region, place_station
from kiosk.domain.tracking import display
from tests.central.services.conftest import PASSWORD
from tests.helpers.receivers import HttpReceiver, SmtpReceiver

# Friday 2026-11-20, 08:00 in China (the morning's due list comes at 08:30).
FRIDAY = datetime(2026, 11, 20, 0, 0, tzinfo=UTC)
VISITOR = {"name": "陈阿姨", "mobile": "13800138000", "text": "文昌路口的人行道砖松动"}
DINGTALK_SECRET = "SEC0123456789abcdef"
BASE = "https://console.example.cn"


class Clock:
    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


@dataclass
class Site:
    database: Database
    clock: Clock
    wecom: HttpReceiver
    dingtalk: HttpReceiver
    sms: HttpReceiver
    smtp: SmtpReceiver
    worker: NotificationWorker

    def message(self, kind: str = "appeal_new") -> int:
        with self.database.reader() as session:
            return session.scalar(select(func.count()).where(Notice.kind == kind))

    def leave_message(self, text: str = VISITOR["text"]) -> str:
        """A visitor leaves a message on deputy a-0's phone page; its tracking code."""
        with self.database.writer.begin() as session:
            deputy = phone.find_deputy(session, "a-0")
            form = {
                "category": "交通出行",
                "text": text,
                "name": VISITOR["name"],
                "mobile": VISITOR["mobile"],
                "consent": "yes",
            }
            checked = phone.check_message(form, phone.categories(session, deputy.station_id))
            assert not checked.errors
            return phone.record_message(session, deputy, checked, self.clock.now)

    def states(self) -> list[tuple[str, str, int]]:
        with self.database.reader() as session:
            return [
                (n.kind, n.state, n.attempts)
                for n in session.scalars(select(Notice).order_by(Notice.id))
            ]


def assert_no_personal_data(*texts: str) -> None:
    for text in texts:
        for value in VISITOR.values():
            assert value not in text
        assert "13800138000" not in text and "陈" not in text


@pytest.fixture
def site(tmp_path, fresh_database, quick_hashes) -> Iterator[Site]:
    database = fresh_database
    clock = Clock(FRIDAY)
    with (
        HttpReceiver() as wecom,
        HttpReceiver() as dingtalk,
        HttpReceiver(default=(200, {"code": "OK"})) as sms,
        SmtpReceiver(tmp_path) as smtp,
    ):
        with database.writer.begin() as session:
            district = add_region(session, "城东区", "district")
            street = add_region(session, "文昌街道", "street", district.id)
            session.add(Station(id="a", kind="station", name="文昌联络站", rules=[], notices=[]))
            session.flush()
            place_station(session, "a", street.id)
            for n, name in enumerate(("林嘉禾", "王建国")):
                session.add(
                    Deputy(station_id="a", deputy_id=f"a-{n}", position=n, name=name, levels=[])
                )
            for login, role, extra in (
                ("staff-a", "staff", {"station_id": "a"}),
                ("deputy-a0", "deputy", {"station_id": "a", "deputy_id": "a-0"}),
            ):
                new = NewAccount(login, login, role, mobile="13900000000", **extra)
                create_account(session, new, PASSWORD, now=FRIDAY)
            notifications.set_account_email(session, "deputy-a0", "lin@rd.example.cn")
            add = lambda **kw: notifications.add_channel(session, NewChannel(**kw), now=FRIDAY)  # noqa: E731
            add(kind="webhook_wecom", target=wecom.url + "/cgi-bin/webhook/send?key=K1",
                station_id="a", name="站点企业微信群")  # fmt: skip
            add(kind="webhook_dingtalk", target=dingtalk.url + "/robot/send?access_token=T1",
                secret=DINGTALK_SECRET, region_id=district.id, name="工委钉钉群")  # fmt: skip
            add(kind="sms_gateway", target=sms.url + "/sms/send", station_id="a",
                secret="gateway-key", name="短信",
                kinds=("assigned", "appointment_new", "appointment_answered", "deputy_due"),
                settings={"mobiles": ["13700000000"], "headers": {"X-Api-Key": "$secret"},
                          "body": '{"to": "$mobile", "content": "$text"}',
                          "success_contains": '"OK"'})  # fmt: skip
            add(kind="email", target="staff@rd.example.cn", station_id="a", name="邮件",
                settings={"host": "127.0.0.1", "port": smtp.port, "from": "notice@rd.example.cn",
                          "cafile": str(smtp.cafile)})  # fmt: skip
        worker = NotificationWorker(database, lambda: BASE, clock=clock)
        yield Site(database, clock, wecom, dingtalk, sms, smtp, worker)


@pytest.fixture
def quick_hashes(monkeypatch) -> None:
    from argon2 import PasswordHasher

    from central.services import accounts

    monkeypatch.setattr(
        accounts, "_hasher", PasswordHasher(time_cost=1, memory_cost=8, parallelism=1)
    )


def test_a_new_appeal_reaches_the_station_group_signed_and_without_personal_data(site):
    code = site.leave_message()
    assert site.wecom.requests == []  # nothing leaves inside the visitor's request
    assert site.worker.run_once() == 3  # WeCom, DingTalk (the district's), e-mail; no SMS

    wecom = site.wecom.wait_for(1)[0]
    assert wecom.path == "/cgi-bin/webhook/send" and wecom.query == {"key": ["K1"]}
    content = wecom.json()["markdown"]["content"]
    assert wecom.json()["msgtype"] == "markdown"
    assert content == (
        f"**【新诉求】**文昌联络站收到一件“交通出行”诉求，编号{display(code)}，请于11月23日前审核。\n"
        f"[在工作台处理]({BASE}/console/appeals/{code})"
    )

    ding = site.dingtalk.wait_for(1)[0]
    timestamp = int(ding.query["timestamp"][0])
    assert timestamp == int(FRIDAY.timestamp() * 1000)
    expected = hmac.new(
        DINGTALK_SECRET.encode(), f"{timestamp}\n{DINGTALK_SECRET}".encode(), hashlib.sha256
    ).digest()
    # parse_qs decoded the URL once; the signature is base64 of the HMAC.
    assert base64.b64decode(ding.query["sign"][0]) == expected
    assert ding.json()["markdown"]["title"] == "【新诉求】"
    assert display(code) in ding.json()["markdown"]["text"]

    mail = site.smtp.wait_for(1)[0]
    assert mail.tls and mail.recipients == ["staff@rd.example.cn"]
    assert mail.message["Subject"].startswith("【新诉求】文昌联络站")
    assert f"{BASE}/console/appeals/{code}" in mail.text
    assert_no_personal_data(wecom.text, ding.text, mail.message.as_string())
    assert site.states() == [("appeal_new", "sent", 1)] * 3
    assert site.sms.requests == []  # the SMS channel carries other kinds only


def test_an_assignment_texts_and_mails_the_deputy_through_the_gateway_template(site):
    code = site.leave_message()
    site.worker.run_once()
    with site.database.writer.begin() as session:
        reviewer = create_account(
            session, NewAccount("rev", "李工委", "reviewer"), PASSWORD, now=FRIDAY
        )
        who = Who(reviewer, "127.0.0.1")
        casework.act(session, who, code, "accept", {"note": "已受理"}, now=FRIDAY)
        casework.act(session, who, code, "assign", {"deputy": "a-0"}, now=FRIDAY)
    site.worker.run_once()
    texts = site.sms.wait_for(2)
    assert {r.json()["to"] for r in texts} == {"13700000000", "13900000000"}  # staff, deputy
    sms = texts[0]
    assert sms.headers["x-api-key"] == "gateway-key"
    content = sms.json()["content"]
    assert content == (
        f"【诉求交办】文昌联络站“交通出行”诉求{display(code)}"
        "已交林嘉禾代表办理，请于11月25日前答复。"
    )
    assert len(content) <= 70
    mails = site.smtp.wait_for(2)
    assert mails[1].recipients == ["staff@rd.example.cn", "lin@rd.example.cn"]
    assert "已交林嘉禾代表办理" in mails[1].text
    assert_no_personal_data(*(r.text for r in texts), mails[1].message.as_string())


def test_a_deputys_referral_proposal_tells_the_staff_and_its_answer_tells_the_deputy(site):
    from central.services import deputy_work, referrals
    from central.services.regions import add_department

    code = site.leave_message()
    with site.database.writer.begin() as session:
        reviewer = create_account(
            session, NewAccount("rev", "李工委", "reviewer"), PASSWORD, now=FRIDAY
        )
        who = Who(reviewer, "127.0.0.1")
        casework.act(session, who, code, "accept", {"note": "已受理"}, now=FRIDAY)
        casework.act(session, who, code, "assign", {"deputy": "a-0"}, now=FRIDAY)
        department = add_department(session, "区交通运输局", None)
        deputy = session.scalars(select(Account).where(Account.login == "deputy-a0")).one()
        deputy_work.propose_referral(
            session, Who(deputy, "127.0.0.1"), code, str(department.id), "路面归交通局管",
            now=FRIDAY,
        )  # fmt: skip
    site.worker.run_once()
    proposed = [r for r in site.wecom.wait_for(3) if "转办建议" in r.json()["markdown"]["content"]]
    assert proposed[0].json()["markdown"]["content"] == (
        f"**【转办建议】**文昌联络站：林嘉禾代表建议将诉求{display(code)}转区交通运输局办理，"
        f"请确认。\n[在工作台处理]({BASE}/console/referrals)"
    )
    before = len(site.wecom.requests)
    with site.database.writer.begin() as session:
        [waiting] = referrals.pending(session, Who(session.get(Account, reviewer.id), "127.0.0.1"))
        referrals.confirm(
            session, Who(session.get(Account, reviewer.id), "::1"), waiting.id, now=FRIDAY
        )
    site.worker.run_once()
    answered = [m for m in site.smtp.wait_for(4) if "转办答复" in m.message["Subject"]]
    # To the deputy alone (never the station's group or the staff's mail).
    assert [m.recipients for m in answered] == [["lin@rd.example.cn"]]
    assert f"林嘉禾代表：您对诉求{display(code)}的转办建议已采纳，已转区交通运输局办理。" in (
        answered[0].text
    )
    assert len(site.wecom.requests) == before
    assert_no_personal_data(answered[0].message.as_string(), *(r.text for r in proposed))


def test_a_failing_robot_is_retried_with_growing_waits_then_delivered(site):
    site.wecom.answers[:] = [(500, {"errcode": -1})] * 3
    site.leave_message()
    site.worker.run_once()
    waits = []
    for _ in range(3):
        with site.database.reader() as session:
            notice = session.scalars(select(Notice).where(Notice.channel_id == 1)).one()
        if notice.state == "sent":
            break
        waits.append((notice.due_at - site.clock.now).total_seconds())
        assert site.worker.run_once() == 0  # not due yet: nothing is tried early
        site.clock.now = notice.due_at
        site.worker.run_once()
    assert waits == [30, 60, 120]
    assert len(site.wecom.wait_for(4)) == 4
    with site.database.reader() as session:
        attempts = session.scalars(
            select(NoticeAttempt).join(Notice).where(Notice.channel_id == 1)
        ).all()
        assert [(a.outcome, a.error) for a in attempts] == [("failed", "HTTP 500")] * 3 + [
            ("sent", "")
        ]


def test_after_eight_tries_a_notice_is_failed_until_someone_retries_it(site):
    site.wecom.default = (200, {"errcode": 93000, "errmsg": "invalid webhook url"})
    site.leave_message()
    for _ in range(8):
        site.worker.run_once()
        site.clock.now += notifications.LONGEST_RETRY
    assert site.states()[0] == ("appeal_new", "failed", 8)
    assert sum("新诉求" in r.text for r in site.wecom.requests) == 8
    with site.database.reader() as session:
        [line] = [n for n in notifications.list_notices(session) if n.state == "failed"]
        assert line.last_error == "errcode 93000: invalid webhook url"
    site.wecom.default = (200, {"errcode": 0})
    with site.database.writer.begin() as session:
        notifications.retry(session, line.id, now=site.clock.now)
    site.worker.run_once()
    assert site.states()[0] == ("appeal_new", "sent", 1)


def test_quiet_hours_hold_a_notice_until_they_end(site):
    site.clock.now = datetime(2026, 11, 20, 23, 0, tzinfo=UTC) - timedelta(hours=8)  # 23:00
    site.leave_message()
    assert site.worker.run_once() == 0
    assert site.wecom.requests == [] and site.smtp.mails == []
    with site.database.reader() as session:
        due = {n.due_at for n in session.scalars(select(Notice))}
        attempts = session.scalar(select(func.count()).select_from(NoticeAttempt))
    assert due == {datetime(2026, 11, 20, 23, 30, tzinfo=UTC)}  # 07:30 next morning
    assert attempts == 0  # holding is not a try
    site.clock.now = datetime(2026, 11, 20, 23, 30, tzinfo=UTC)
    assert site.worker.run_once() == 3


def test_the_morning_list_comes_once_per_station_on_working_days(site):
    codes = [site.leave_message(text=f"第{i}件") for i in range(3)]  # due Monday 11-23
    site.worker.run_once()
    count = len(site.wecom.requests)
    # Monday 08:00: too early; 08:30: the list, once.
    site.clock.now = datetime(2026, 11, 23, 0, 0, tzinfo=UTC)
    site.worker.run_once()
    assert len(site.wecom.requests) == count
    site.clock.now = datetime(2026, 11, 23, 0, 30, tzinfo=UTC)
    site.worker.run_once()
    site.worker.run_once()
    assert site.message("due_list") == 3  # WeCom, DingTalk, e-mail: one each
    lists = site.wecom.requests[count:]
    assert len(lists) == 1
    content = lists[0].json()["markdown"]["content"]
    assert content.startswith("**【今日督办】**文昌联络站：0件已超期，3件将于11月24日前到期。")
    for code in codes:
        assert f"> {display(code)} 交通出行 期限11月23日" in content
    # Another server's worker finds the list queued already.
    other = NotificationWorker(site.database, lambda: BASE, clock=site.clock)
    other.run_once()
    assert len(site.wecom.requests) == count + 1
    # Tuesday: the same three are overdue now.
    site.clock.now = datetime(2026, 11, 24, 0, 45, tzinfo=UTC)
    site.worker.run_once()
    content = site.wecom.requests[-1].json()["markdown"]["content"]
    assert "3件已超期" in content and "期限11月23日（已超期）" in content


def test_no_morning_list_on_a_holiday(site):
    site.leave_message()
    site.worker.run_once()
    with site.database.writer.begin() as session:
        session.add(Holiday(day=date(2026, 11, 23), kind="holiday", name="测试假日", manual=True))
    site.clock.now = datetime(2026, 11, 23, 1, 0, tzinfo=UTC)
    site.worker.run_once()
    assert site.message("due_list") == 0


def test_two_workers_never_send_one_notice_twice(site):
    site.leave_message()
    first = NotificationWorker(site.database, lambda: BASE, clock=site.clock)
    second = NotificationWorker(site.database, lambda: BASE, clock=site.clock)
    with site.database.writer.begin() as session:
        taken = notifications.claim(session, now=site.clock.now, owner=first.owner)
    with site.database.writer.begin() as session:
        assert notifications.claim(session, now=site.clock.now, owner=second.owner) == []
    # The first dies holding them; once the lease runs out the second sends each once.
    site.clock.now += notifications.LEASE + timedelta(seconds=1)
    assert second.run_once() == len(taken) == 3
    assert len(site.wecom.requests) == 1


def test_a_failure_to_queue_never_loses_the_appeal(site, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(notifications, "recipients_of", broken)
    code = site.leave_message()
    with site.database.reader() as session:
        assert phone.find_record(session, code) is not None
        assert session.scalar(select(func.count()).select_from(Notice)) == 0


def test_an_appointment_request_and_its_answer_reach_the_staff_not_the_visitor(site):
    with site.database.writer.begin() as session:
        deputy = phone.find_deputy(session, "a-0")
        days = phone.reception_days(session, session.get(Station, "a"), "a-0", date.today(), 3)
        assert days == []  # no schedules: record the request directly
        appointment = Appointment(
            station_id="a", code="APPT0001", deputy_id=deputy.deputy_id,
            day=date(2026, 11, 27), channel="qr", created_at=FRIDAY, state="requested",
            contact_name=VISITOR["name"], contact_mobile=VISITOR["mobile"], topic="小区停车",
        )  # fmt: skip
        appointment.steps.append(AppointmentStep(state="requested", at=FRIDAY, actor="qr"))
        session.add(appointment)
        notifications.appointment_requested(session, appointment, now=FRIDAY)
    site.worker.run_once()
    with site.database.writer.begin() as session:
        appointment = session.scalars(select(Appointment)).one()
        answer_appointment(
            session, appointment, AppointmentState.CONFIRMED, note="请准时", actor="林", now=FRIDAY
        )
    site.worker.run_once()
    texts = [r.json() for r in site.sms.wait_for(3)]
    assert {t["to"] for t in texts} == {"13700000000", "13900000000"}  # never the visitor's
    assert (
        texts[-1]["content"]
        == "【约见答复】文昌联络站：11月27日约见林嘉禾代表（编号APP-T00-01）已确认。"
    )
    assert_no_personal_data(*(r.text for r in site.sms.requests))


def test_a_slow_pass_gives_back_what_it_could_not_send_within_its_lease(site):
    from central.services.notify_senders import deliver

    def slow(*args, **kwargs) -> None:  # each receiver takes three minutes (by the clock)
        deliver(*args, **kwargs)
        site.clock.now += timedelta(minutes=3)

    site.leave_message()
    slow_worker = NotificationWorker(site.database, lambda: BASE, clock=site.clock, send=slow)
    assert slow_worker.run_once() == 1
    with site.database.reader() as session:
        rest = session.scalars(select(Notice).where(Notice.state == "pending")).all()
        assert len(rest) == 2 and all(n.lease_owner is None for n in rest)
    # Another server takes them at once, not after the lease would have run out.
    assert site.worker.run_once() == 2


def test_the_deputy_is_reminded_the_working_day_before_the_due_date(site):
    code = site.leave_message()
    with site.database.writer.begin() as session:
        reviewer = create_account(
            session, NewAccount("rev", "李工委", "reviewer"), PASSWORD, now=FRIDAY
        )
        who = Who(reviewer, "127.0.0.1")
        casework.act(session, who, code, "accept", {"note": "已受理"}, now=FRIDAY)
        casework.act(session, who, code, "assign", {"deputy": "a-0"}, now=FRIDAY)  # due Wed 25th
        # Tuesday the 24th is a holiday: Monday is the working day before the due date.
        session.add(Holiday(day=date(2026, 11, 24), kind="holiday", name="测试假日", manual=True))
    site.worker.run_once()
    texts, mails = len(site.sms.requests), len(site.smtp.mails)
    site.clock.now = datetime(2026, 11, 23, 0, 30, tzinfo=UTC)  # Monday 08:30
    site.worker.run_once()
    [sms] = site.sms.requests[texts:]
    assert sms.json() == {
        "to": "13900000000",  # the deputy alone: not the staff's mobile
        "content": "【答复提醒】林嘉禾代表：您有1件诉求将于11月25日前到期、0件已超期，请及时答复。",
    }
    reminder = [m for m in site.smtp.mails[mails:] if "答复提醒" in m.message["Subject"]]
    assert [m.recipients for m in reminder] == [["lin@rd.example.cn"]]
    assert not any("答复提醒" in r.text for r in site.wecom.requests)  # not for the group
    assert_no_personal_data(sms.text, reminder[0].message.as_string())


def test_kiosk_events_queue_their_notices_once_even_when_sent_twice(site):
    import base64
    import json
    import uuid

    from nacl.public import PrivateKey, SealedBox

    from central.models import Device
    from central.services.events import take_events
    from kiosk.domain.tracking import new_tracking_code

    key = PrivateKey.generate()

    def sealed(personal: dict) -> str:
        box = SealedBox(key.public_key)
        return base64.b64encode(box.encrypt(json.dumps(personal).encode())).decode()

    personal = {"name": VISITOR["name"], "mobile": VISITOR["mobile"], "consent": True}
    appeal = {
        "uuid": str(uuid.uuid4()), "kind": "appeal", "created_at": FRIDAY.isoformat(),
        "body": {"tracking_code": new_tracking_code(), "category": "环境保护", "block": "",
                 "target_deputy_id": None, "channel": "kiosk",
                 "sealed": sealed(personal | {"text": VISITOR["text"], "address": ""})},
    }  # fmt: skip
    appointment = {
        "uuid": str(uuid.uuid4()), "kind": "appointment", "created_at": FRIDAY.isoformat(),
        "body": {"code": new_tracking_code(), "deputy_id": "a-0", "date": "2026-11-27",
                 "channel": "kiosk", "sealed": sealed(personal | {"topic": "小区停车"})},
    }  # fmt: skip
    with site.database.writer.begin() as session:
        session.add(Device(id="k1", station_id="a", name="k", token_hash="h", enrolled_at=FRIDAY))
    for batch in ([appeal], [appointment], [appeal, appointment]):  # the last: sent again
        with site.database.writer.begin() as session:
            take_events(session, batch, "a", "k1", key)
    with site.database.reader() as session:
        kinds = sorted(session.scalars(select(Notice.kind)))
    # appeal_new: WeCom, DingTalk, e-mail; appointment_new: those and the SMS to the deputy
    # and the staff's mobile. Nothing more from the repeat.
    assert kinds == ["appeal_new"] * 3 + ["appointment_new"] * 5
    # The server queued them at the time it took them (the wall clock): send them tomorrow
    # at 08:00, outside quiet hours and before the morning's list.
    tomorrow = datetime.now(CHINA_TIME).date() + timedelta(days=1)
    site.clock.now = datetime.combine(tomorrow, time(8), CHINA_TIME)
    site.worker.run_once()
    assert_no_personal_data(*(r.text for r in site.wecom.wait_for(2)))
    assert "申请11月27日约见林嘉禾代表" in site.wecom.requests[1].json()["markdown"]["content"]


def test_the_worker_thread_sends_by_itself_and_stops_when_told(site):
    worker = NotificationWorker(site.database, lambda: BASE, clock=site.clock, poll_seconds=0.05)
    worker.start()
    try:
        site.leave_message()
        worker.wake()
        site.wecom.wait_for(1)
    finally:
        worker.stop()
    assert worker._thread is not None and not worker._thread.is_alive()


# -- Texts to the visitor (issue 14 §3): acceptance, reply, feedback, closure ----------------

VISITOR_PATH = "/visitor/send"


def opt_in_visitor_texts(site: Site, **extra) -> None:
    """An SMS gateway channel that lists visitor_progress (its own quiet hours: none)."""
    with site.database.writer.begin() as session:
        notifications.add_channel(
            session,
            NewChannel(kind="sms_gateway", target=site.sms.url + VISITOR_PATH, station_id="a",
                       name="群众短信", kinds=("visitor_progress",), quiet="",
                       settings={"body": '{"to": "$mobile", "content": "$text"}',
                                 "success_contains": '"OK"'}, **extra),
            now=FRIDAY,
        )  # fmt: skip


def visitor_texts(site: Site) -> list[dict]:
    return [r.json() for r in site.sms.requests if r.path == VISITOR_PATH]


def reviewer(session) -> Who:
    account = session.scalars(select(Account).where(Account.login == "rev")).one_or_none()
    if account is None:
        account = create_account(
            session, NewAccount("rev", "李工委", "reviewer"), PASSWORD, now=FRIDAY
        )
    return Who(account, "127.0.0.1")


def act(site: Site, code: str, action: str, **fields: str) -> None:
    with site.database.writer.begin() as session:
        casework.act(session, reviewer(session), code, action, fields, now=site.clock.now)


def visitor_rows(site: Site) -> list[Notice]:
    with site.database.reader() as session:
        rows = session.scalars(select(Notice).where(Notice.kind == "visitor_progress")).all()
        session.expunge_all()
        return list(rows)


def assert_mobile_kept_nowhere(site: Site, caplog) -> None:
    """The visitor's mobile is in no notice row, no attempt and no log line."""
    with site.database.reader() as session:
        rows = [
            json.dumps([n.recipients, n.context, n.last_error, n.dedupe_key], ensure_ascii=False)
            for n in session.scalars(select(Notice))
        ] + [a.error for a in session.scalars(select(NoticeAttempt))]
    assert rows and not any(VISITOR["mobile"] in row for row in rows)
    assert VISITOR["mobile"] not in caplog.text


def test_accepting_an_appeal_texts_the_visitor_its_code_and_progress_link(site, caplog):
    caplog.set_level(logging.DEBUG, logger="central")
    opt_in_visitor_texts(site)
    code = site.leave_message()
    site.worker.run_once()
    assert visitor_texts(site) == []  # received is not news to the visitor: they just sent it
    act(site, code, "accept", note="已受理")
    assert visitor_texts(site) == []  # nothing leaves inside the reviewer's request
    site.worker.run_once()
    [text] = visitor_texts(site)
    assert text == {
        "to": VISITOR["mobile"],
        "content": f"【代表联络站】诉求{display(code)}已受理，进度请查：{BASE}/p/{code}",
    }
    assert len(text["content"]) <= notifications.SMS_LIMIT
    [row] = visitor_rows(site)  # one: the visitor channel alone carries it
    assert row.recipients == [] and row.context == {"station": "文昌联络站", "code": code,
                                                    "step": "accepted"}  # fmt: skip
    assert row.state == "sent"
    # The groups, the e-mail and the staff's SMS channel carry nothing for the visitor.
    others = [r.text for r in site.sms.requests if r.path != VISITOR_PATH]
    others += [r.text for r in site.wecom.requests + site.dingtalk.requests]
    others += [m.message.as_string() for m in site.smtp.mails]
    assert not any("代表联络站】" in t or f"/p/{code}" in t for t in others)
    assert_mobile_kept_nowhere(site, caplog)


def test_reply_feedback_and_closure_each_text_the_visitor(site, caplog):
    caplog.set_level(logging.DEBUG, logger="central")
    opt_in_visitor_texts(site)
    code = site.leave_message()
    with site.database.writer.begin() as session:
        session.add(Department(region_id=None, name="区住建局"))
    act(site, code, "accept", note="已受理")
    act(site, code, "assign", deputy="a-0")
    with site.database.writer.begin() as session:
        deputy = session.scalars(select(Account).where(Account.login == "deputy-a0")).one()
        deputy_work.reply(session, Who(deputy, "127.0.0.1"), code, "已联系街道修复", now=FRIDAY)
    with site.database.reader() as session:
        department = session.scalars(select(Department)).one()
    act(site, code, "refer", department=str(department.id))
    act(site, code, "feedback", note="住建局已安排维修")
    act(site, code, "close")
    for _ in range(3):  # ten notices a pass: the groups' and the deputy's come too
        site.worker.run_once()
    contents = [t["content"] for t in visitor_texts(site)]
    shown, link = display(code), f"{BASE}/p/{code}"
    assert contents == [
        f"【代表联络站】诉求{shown}已受理，进度请查：{link}",
        f"【代表联络站】诉求{shown}代表已答复，请查：{link}",
        f"【代表联络站】诉求{shown}有关部门已反馈，请查：{link}",
        f"【代表联络站】诉求{shown}已办结，请评价：{link}",
    ]
    assert all(len(c) <= notifications.SMS_LIMIT for c in contents)
    assert {t["to"] for t in visitor_texts(site)} == {VISITOR["mobile"]}
    assert_mobile_kept_nowhere(site, caplog)


def test_a_reply_at_half_past_nine_at_night_is_held_until_eight_next_morning(site, caplog):
    caplog.set_level(logging.DEBUG, logger="central")
    opt_in_visitor_texts(site)  # the channel itself has no quiet hours: the visitor's apply
    code = site.leave_message()
    act(site, code, "accept", note="已受理")
    act(site, code, "assign", deputy="a-0")
    site.worker.run_once()
    assert len(visitor_texts(site)) == 1
    site.clock.now = datetime(2026, 11, 20, 21, 30, tzinfo=CHINA_TIME)
    act(site, code, "reply", note="已联系街道修复")
    assert site.worker.run_once() == 0
    assert len(visitor_texts(site)) == 1
    [held] = [n for n in visitor_rows(site) if n.context["step"] == "replied"]
    assert held.state == "pending" and held.attempts == 0  # holding is not a try
    assert held.due_at.replace(tzinfo=UTC) == datetime(2026, 11, 21, 8, 0, tzinfo=CHINA_TIME)
    site.clock.now = datetime(2026, 11, 21, 7, 59, tzinfo=CHINA_TIME)
    site.worker.run_once()
    assert len(visitor_texts(site)) == 1
    site.clock.now = datetime(2026, 11, 21, 8, 0, tzinfo=CHINA_TIME)
    assert site.worker.run_once() == 1
    assert visitor_texts(site)[-1] == {
        "to": VISITOR["mobile"],
        "content": f"【代表联络站】诉求{display(code)}代表已答复，请查：{BASE}/p/{code}",
    }
    with site.database.reader() as session:
        attempts = session.scalars(select(NoticeAttempt).where(NoticeAttempt.notice_id == held.id))
        assert [a.outcome for a in attempts] == ["sent"]
    assert_mobile_kept_nowhere(site, caplog)


def test_no_mobile_or_no_channel_opted_in_texts_no_visitor(site):
    # Channels that list no kinds carry every kind but the visitor's: a second SMS gateway
    # with no kinds, like the group robots and the mail, sends the visitor nothing.
    with site.database.writer.begin() as session:
        add = lambda **kw: notifications.add_channel(session, NewChannel(**kw), now=FRIDAY)  # noqa: E731
        add(kind="sms_gateway", target=site.sms.url + VISITOR_PATH, station_id="a", quiet="")
        with pytest.raises(notifications.ChannelError, match="SMS gateway"):
            add(kind="webhook_wecom", target=site.wecom.url + "/x", station_id="a",
                kinds=("visitor_progress",))  # fmt: skip
    code = site.leave_message()
    act(site, code, "accept", note="已受理")
    site.worker.run_once()
    assert visitor_rows(site) == []
    assert not any(VISITOR["mobile"] in r.text for r in site.sms.requests)
    # Opted in now, but an appeal that left no mobile (an anonymous kiosk appeal) gets none.
    opt_in_visitor_texts(site)
    anonymous = site.leave_message(text="第二件")
    with site.database.writer.begin() as session:
        phone.find_record(session, anonymous).contact_mobile = ""
    act(site, anonymous, "accept", note="已受理")
    site.worker.run_once()
    assert visitor_rows(site) == [] and visitor_texts(site) == []


def test_an_appeal_erased_before_its_text_went_sends_nothing(site, caplog):
    caplog.set_level(logging.DEBUG, logger="central")
    opt_in_visitor_texts(site)
    site.clock.now = datetime(2026, 11, 20, 22, 0, tzinfo=CHINA_TIME)
    code = site.leave_message()
    act(site, code, "accept", note="已受理")
    site.worker.run_once()  # held until 08:00
    with site.database.writer.begin() as session:
        assert privacy.erase(session, None, VISITOR["mobile"], site.clock.now) == 1
    site.clock.now = datetime(2026, 11, 21, 8, 0, tzinfo=CHINA_TIME)
    site.worker.run_once()
    assert visitor_texts(site) == []
    [row] = visitor_rows(site)
    assert (row.state, row.attempts, row.last_error) == ("failed", 1, notifications.NO_MOBILE)
    assert_mobile_kept_nowhere(site, caplog)
