# SPDX-License-Identifier: GPL-3.0-or-later
"""The phone pages over real HTTP against a running server: what a visitor's phone shows and
what staff and the kiosks then see (docs/phone-pages.md)."""

from __future__ import annotations

import itertools
import re

import pytest
from sqlalchemy import text as sql

from central.launch import running_central
from kiosk.domain.tracking import display, new_tracking_code
from tests.central.phone_fixtures import STATION, demo_station
from tests.helpers.phone import Phone, field_value

_mobiles = (f"139{n:08d}" for n in itertools.count(10_000_000, 7919))


def new_mobile() -> str:
    """A fresh mobile per message: no test's repeat or limit reaches another's."""
    return next(_mobiles)


def message(category: str = "交通出行", **fields: str) -> dict[str, str]:
    return {
        "category": category,
        "text": "小区门口的路灯坏了两个星期",
        "block": "文昌社区",
        "name": "王小明",
        "mobile": new_mobile(),
        "consent": "yes",
    } | fields


def leave_message(phone: Phone, deputy_id: str = "demo-01", **fields: str) -> str:
    phone.get(f"/d/{deputy_id}")
    answer = phone.submit(f"/d/{deputy_id}", message(**fields))
    assert answer.status_code == 200, phone.text
    return phone.code()


def appeals_with_text(station, text: str) -> int:
    with station.server.open_database() as database, database.reader() as session:
        return session.scalar(sql("SELECT count(*) FROM appeal WHERE text = :t"), {"t": text})


def snapshot_entry(station, kind: str, key: str, code: str) -> dict:
    return next(e for e in station.snapshot()[kind] if e[key] == code)


def test_a_deputy_page_shows_who_they_are_and_their_next_reception_days(phone_station):
    phone = Phone(phone_station.url)
    answer = phone.get("/d/demo-01")
    assert answer.status_code == 200
    assert "林嘉禾" in phone.text and "全国人大代表" in phone.text
    assert "近期接待日" in phone.text
    assert re.search(r"\d+月\d+日 星期. \d\d:\d\d–\d\d:\d\d", phone.text)
    assert (
        'id="message-form"' in phone.page and 'href="/a/demo-station?deputy=demo-01"' in phone.page
    )
    # Small, self-contained: no scripts, no web fonts, nothing from another host.
    assert len(answer.content) < 15_000
    assert answer.headers["Content-Encoding"] == "gzip"  # ~2 KB on the wire
    assert int(answer.headers["Content-Length"]) < 4_000
    assert "<script" not in phone.page and "@font-face" not in phone.page
    assert not re.search(r'(src|href)="https?://', phone.page)
    assert "script-src" not in answer.headers["Content-Security-Policy"]
    photo = re.search(r'<img src="(/photos/[^"]+)"', phone.page).group(1)
    assert phone.get(photo).status_code == 200


def test_a_message_becomes_an_appeal_to_that_deputy_in_the_admin_list_and_the_snapshot(
    phone_station,
):
    phone = Phone(phone_station.url)
    mobile = new_mobile()
    code = leave_message(phone, "demo-03", mobile=mobile)
    assert "您的查询编号" in phone.text and display(code) in phone.text
    assert f'href="/p/{code}"' in phone.page

    listing = phone_station.cli("appeals", "list", "--station", STATION)
    line = next(line for line in listing.splitlines() if display(code) in line)
    assert "received" in line and " qr " in line and "交通出行" in line

    # Not in the kiosks' snapshot: a kiosk asks the server about what it did not take.
    with pytest.raises(StopIteration):
        snapshot_entry(phone_station, "appeals", "tracking_code", code)
    with phone_station.server.open_database() as database, database.reader() as session:
        target, channel, text = session.execute(
            sql("SELECT target_deputy_id, channel, text FROM appeal WHERE tracking_code = :c"),
            {"c": code},
        ).one()
    assert (target, channel, text) == ("demo-03", "qr", "小区门口的路灯坏了两个星期")


def test_the_snapshot_carries_the_phone_links_and_each_deputys_page_url(phone_station):
    snapshot = phone_station.snapshot()
    url = phone_station.url
    assert snapshot["links"] == {
        "progress": url + "/p/{code}",
        "appointment": f"{url}/a/{STATION}",
        "workspace": f"{url}/console/my",  # the deputies' workspace (issue 14 §2)
    }
    assert {d["id"]: d["qr_url"] for d in snapshot["deputies"]}["demo-06"] == url + "/d/demo-06"
    statistics = snapshot["statistics"]
    assert re.fullmatch(r"\d{4}-\d\d", statistics["month"])
    assert statistics["appeals_received"] >= 0


def test_invalid_input_is_explained_and_what_was_typed_is_kept(phone_station):
    phone = Phone(phone_station.url)
    phone.get("/d/demo-01")
    answer = phone.submit(
        "/d/demo-01",
        message(category="", mobile="1380013", name="李四", consent="", text="垃圾桶太少"),
    )
    assert answer.status_code == 400
    for words in ("请修改下面标出的内容", "请选择类别", "手机号应为11位数字", "请勾选同意"):
        assert words in phone.text
    assert field_value(phone.page, "text") == "垃圾桶太少"
    assert field_value(phone.page, "name") == "李四"
    assert field_value(phone.page, "mobile") == "1380013"
    assert field_value(phone.page, "block") == "文昌社区"


def test_a_form_without_its_token_is_refused_and_keeps_what_was_typed(phone_station):
    phone = Phone(phone_station.url)  # never loaded the page: no CSRF cookie
    answer = phone.submit("/d/demo-01", message(text="没有令牌的留言"), csrf="forged")
    assert answer.status_code == 403
    assert "页面已过期" in phone.text
    assert field_value(phone.page, "text") == "没有令牌的留言"
    assert appeals_with_text(phone_station, "没有令牌的留言") == 0
    # ...and the page it answered with carries a token that now works.
    assert phone.submit("/d/demo-01", message(text="没有令牌的留言")).status_code == 200
    assert appeals_with_text(phone_station, "没有令牌的留言") == 1


def test_the_same_text_again_within_minutes_is_a_repeat_with_the_earlier_code(phone_station):
    phone = Phone(phone_station.url)
    mobile = new_mobile()
    first = leave_message(phone, mobile=mobile, text="楼道灯不亮")
    second = leave_message(phone, mobile=mobile, text="楼道灯不亮")
    assert second == first
    assert "已提交过相同的内容" in phone.text
    third = leave_message(phone, mobile=mobile, text="楼道灯还是不亮，另外电梯也坏了")
    assert third != first


def test_an_appointment_is_booked_confirmed_by_staff_and_followed_on_the_progress_page(
    phone_station,
):
    phone = Phone(phone_station.url)
    phone.get(f"/a/{STATION}")
    assert "请选择要约见的代表" in phone.text and "林嘉禾" in phone.text
    phone.get(f"/a/{STATION}?deputy=demo-01")
    day = re.search(r'name="day" value="([^"]+)"', phone.page).group(1)
    mobile = new_mobile()
    answer = phone.submit(
        f"/a/{STATION}",
        {
            "day": day,
            "topic": "想谈谈老旧小区加装电梯",
            "name": "赵六",
            "mobile": mobile,
            "consent": "yes",
        },
    )
    assert answer.status_code == 200, phone.text
    code = phone.code()
    assert "约见申请已提交" in phone.text

    listing = phone_station.cli("appointments", "list", "--station", STATION)
    line = next(line for line in listing.splitlines() if display(code) in line)
    assert "requested" in line and day.rpartition("/")[2] in line and "林嘉禾" in line

    phone.get(f"/p/{code}")
    phone.submit(f"/p/{code}", {"last4": mobile[-4:]})
    assert "已申请，待确认" in phone.text and "林嘉禾" in phone.text

    out = phone_station.cli("appointments", "confirm", display(code), "--note", "请上午9点到二楼")
    assert "is now confirmed" in out
    phone.get(f"/p/{code}")
    phone.submit(f"/p/{code}", {"last4": mobile[-4:]})
    assert "已确认" in phone.text and "请上午9点到二楼" in phone.text

    entry = snapshot_entry(phone_station, "appointments", "code", code)
    assert entry["state"] == "confirmed" and entry["deputy_id"] == "demo-01"
    assert entry["date"] == day.rpartition("/")[2]
    assert [s["state"] for s in entry["steps"]] == ["requested", "confirmed"]
    assert "contact_check" not in entry


def test_an_appointment_needs_a_day_and_keeps_what_was_typed(phone_station):
    phone = Phone(phone_station.url)
    phone.get(f"/a/{STATION}?deputy=demo-02")
    answer = phone.submit(
        f"/a/{STATION}", {"topic": "停车难", "name": "钱七", "mobile": "13912345678"}
    )
    assert answer.status_code == 400
    assert "请选择接待日" in phone.text and "请勾选同意" in phone.text
    assert field_value(phone.page, "topic") == "停车难"


def test_progress_needs_the_right_last_four_digits_and_locks_after_five_wrong(phone_station):
    phone = Phone(phone_station.url)
    mobile = new_mobile()
    code = leave_message(phone, mobile=mobile)
    phone.get(f"/p/{code}")
    assert "手机号后4位" in phone.text and "已受理登记" not in phone.text

    assert phone.submit(f"/p/{code}", {"last4": "12"}).status_code == 400
    assert "请输入4位数字" in phone.text
    wrong = "0000" if mobile[-4:] != "0000" else "1111"
    for left in (4, 3, 2, 1):
        assert phone.submit(f"/p/{code}", {"last4": wrong}).status_code == 403
        assert f"还可以再试{left}次" in phone.text
    assert phone.submit(f"/p/{code}", {"last4": wrong}).status_code == 429
    assert "错误次数太多" in phone.text
    # Locked: even the right digits are refused until the lockout ends.
    assert phone.submit(f"/p/{code}", {"last4": mobile[-4:]}).status_code == 429
    assert "已受理登记" not in phone.text

    other = leave_message(phone, mobile=mobile, text="另一件事")
    phone.get(f"/p/{other}")
    assert phone.submit(f"/p/{other}", {"last4": mobile[-4:]}).status_code == 200
    assert "已受理登记" in phone.text and "交通出行" in phone.text
    assert mobile not in phone.page  # the page never shows the number back


def test_an_unknown_code_reads_as_wrong_digits_and_a_malformed_one_is_not_found(phone_station):
    phone = Phone(phone_station.url)
    assert phone.get("/p/K7QM4XPD8").status_code == 404
    assert "这不是有效的编号" in phone.text
    assert phone.get("/d/nobody").status_code == 404 and "没有找到这位代表" in phone.text
    phone.get("/p/222222222")  # well-formed, never issued
    assert phone.submit("/p/222222222", {"last4": "1234"}).status_code == 403
    assert "编号或手机尾号不对" in phone.text


def close_appeal(station, code: str) -> None:
    for state, note in (
        ("accepted", "已受理"),
        ("assigned", "交林嘉禾代表办理"),
        ("replied", "代表已联系街道"),
        ("closed", "路灯已修好"),
    ):
        station.cli("appeals", "move", display(code), state, "--note", note)


def test_a_closed_appeal_is_rated_and_counted_in_the_months_figures(phone_station):
    # Rated dissatisfied (which reopens it): tests/central/test_phone_browser.py.
    rating, words, state = "satisfied", "感谢您的评价", "rated"
    phone = Phone(phone_station.url)
    mobile = new_mobile()
    code = leave_message(phone, mobile=mobile)
    phone.get(f"/p/{code}")
    phone.submit(f"/p/{code}", {"last4": mobile[-4:]})
    assert 'id="rate-form"' not in phone.page  # not closed yet
    before = phone_station.snapshot()["statistics"]

    close_appeal(phone_station, code)
    phone.get(f"/p/{code}")
    phone.submit(f"/p/{code}", {"last4": mobile[-4:]})
    assert (
        "已办结" in phone.text and "路灯已修好" in phone.text and "交林嘉禾代表办理" in phone.text
    )
    assert "满意 基本满意 不满意" in phone.text
    access = field_value(phone.page, "access")
    assert phone.submit(f"/p/{code}/rate", {"rating": rating}).status_code == 200
    assert words in phone.text and "群众评价：满意" in phone.text
    assert 'id="rate-form"' not in phone.page

    after = phone_station.snapshot()["statistics"]
    assert after["appeals_solved"] == before["appeals_solved"] + 1
    assert after["satisfaction_rate"] > 0
    listing = phone_station.cli("appeals", "list", "--station", STATION)
    assert state in next(line for line in listing.splitlines() if display(code) in line)
    # Rating twice (a second tap, the back button) is refused: the page says so.
    again = phone.submit(f"/p/{code}/rate", {"rating": "satisfied"}, access=access)
    assert again.status_code == 409
    assert "现在不能评价" in phone.text


def test_rating_needs_the_access_the_lookup_gave(phone_station):
    phone = Phone(phone_station.url)
    code = leave_message(phone)
    phone.get(f"/p/{code}")
    answer = phone.submit(f"/p/{code}/rate", {"rating": "satisfied"}, access="1.forged")
    assert answer.status_code == 403 and "页面已过期" in phone.text


def test_english_on_request_and_remembered(phone_station):
    phone = Phone(phone_station.url)
    phone.get("/d/demo-01?lang=en")
    assert "Leave a message" in phone.text and "Next reception days" in phone.text
    assert 'lang="en"' in phone.page
    phone.get(f"/a/{STATION}")
    assert "Choose the deputy you want to meet" in phone.text
    phone.get("/d/demo-01?lang=zh")
    assert "给代表留言" in phone.text


def test_no_personal_data_in_the_server_log_or_in_urls(phone_station):
    phone = Phone(phone_station.url)
    mobile = new_mobile()
    code = leave_message(phone, mobile=mobile, name="孙八", text="私密的内容")
    phone.get(f"/p/{code}")
    phone.submit(f"/p/{code}", {"last4": mobile[-4:]})
    log = (phone_station.server.data_dir / "server.log").read_text()
    assert "/p/…" in log  # the log is on...
    for secret in (mobile, mobile[-4:], "孙八", "私密的内容", code):
        assert secret not in log  # ...and holds none of it
    assert not re.search(r'[0-9.]+:[0-9]+ - "', log)  # nor the visitor's address
    assert not re.search(r'(action|href)="[^"]*(mobile|last4|name)=', phone.page)


def test_limits_per_address_and_per_mobile(fresh_settings):
    limits = ("--address-limit", "3", "--mobile-limit", "2")
    with running_central(
        fresh_settings.data_dir, *limits, database_url=fresh_settings.database_url
    ) as server:
        station = demo_station(server)
        phone = Phone(station.url)
        mobile = "13700001111"
        leave_message(phone, mobile=mobile, text="第一件")
        leave_message(phone, mobile=mobile, text="第二件")
        phone.get("/d/demo-01")
        answer = phone.submit("/d/demo-01", message(mobile=mobile, text="第三件"))
        assert answer.status_code == 429 and "这个手机号今天提交次数太多" in phone.text
        assert field_value(phone.page, "text") == "第三件"
        answer = phone.submit("/d/demo-01", message(text="第四件"))
        assert answer.status_code == 429 and "提交太频繁" in phone.text
        assert field_value(phone.page, "text") == "第四件"
        listing = station.cli("appeals", "list", "--station", STATION)
        assert listing.strip().endswith("2 appeals")


def test_a_kiosk_receipts_code_opens_its_progress_on_the_phone(phone_station):
    kiosk = phone_station.kiosk
    appeal = kiosk.appeal_event(new_tracking_code(), mobile="13512345678")
    callback = kiosk.appeal_event(new_tracking_code(), mobile="13512349999", text="")
    callback["body"]["request"] = "callback"
    assert kiosk.post_events([appeal, callback]).status_code == 200
    progress = phone_station.snapshot()["links"]["progress"]
    phone = Phone(phone_station.url)
    for event, last4, kind in ((appeal, "5678", "意见建议"), (callback, "9999", "回电请求")):
        code = event["body"]["tracking_code"]
        url = progress.replace("{code}", code)  # what the receipt's QR code holds
        assert phone.get(url.removeprefix(phone_station.url)).status_code == 200
        assert phone.submit(f"/p/{code}", {"last4": last4}).status_code == 200
        assert kind in phone.text and "已受理登记" in phone.text


def test_an_unknown_station_has_no_appointment_page(phone_station):
    phone = Phone(phone_station.url)
    assert phone.get("/a/no-such-station").status_code == 404
    assert "没有找到这个联络站" in phone.text
