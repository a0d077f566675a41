# SPDX-License-Identifier: GPL-3.0-or-later
"""Rosters in a real headless Chromium (issue 15 §1): a station's staff upload a GBK CSV saved
by Chinese Excel, see what changes before confirming, then an .xlsx; a bad file is refused
whole with its rows and columns listed; one deputy is edited and gets a photo; the kiosk's
snapshot carries it all. Screenshots at 1366x768 and 360x740 (screenshots/console-roster*)."""

from __future__ import annotations

import csv
import io

from openpyxl import Workbook
from PIL import Image

from tests.central.console_fixtures import STATION_B, ConsoleSite
from tests.central.web.console.test_fleet_browser import fits, sign_in
from tests.helpers.phone import Browser


def gbk_csv(path, rows) -> None:
    """As Chinese Excel or WPS saves "CSV (逗号分隔)": GBK, CRLF."""
    out = io.StringIO()
    csv.writer(out).writerows(rows)
    path.write_bytes(out.getvalue().encode("gbk"))


def deputies(console: ConsoleSite) -> dict[str, dict]:
    snapshot = console.kiosk_b.snapshot().json()
    return {d["name"]: d for d in snapshot["deputies"]}


def kinds(browser: Browser) -> dict[str, str]:
    rows = browser.driver.find_elements("css selector", "#preview tr[data-kind]")
    return {r.find_element("css selector", "b").text: r.get_attribute("data-kind") for r in rows}


def new_schedule(console: ConsoleSite, title: str, *deputy_ids: str) -> str:
    """A weekly schedule at station B made with `schedules create`; its id."""
    where = ["--station", STATION_B, "--title", title, "--weekday", "TU", "--first", "2026-12-01"]
    chosen = [arg for deputy_id in deputy_ids for arg in ("--deputy", deputy_id)]
    output = console.server.cli("schedules", "create", *where, *chosen).stdout
    return output.split()[2]  # "created schedule ID at ..."


def upload(browser: Browser, path) -> None:
    browser.find("roster-file").send_keys(str(path))
    browser.follow("preview-import")


def test_staff_import_a_gbk_csv_then_an_xlsx_edit_a_deputy_and_upload_a_photo(
    console, desktop, phone, tmp_path
):
    first = tmp_path / "进站代表名单.csv"
    gbk_csv(
        first,
        [
            ["序号", "姓名", "性别", "层级", "选区", "联系片区"],
            [1, "林嘉禾", "女", "市、区", "第一选区", "城南社区、禾丰社区"],
            [2, "罗晟", "男", "省人大代表", "第二选区", "望江社区"],
        ],
    )
    sign_in(desktop, console, "staff-b", lands_on="/console/")
    desktop.nav("nav-rosters")
    assert "城南联络站" in desktop.find("deputies").text or "城南联络站" in desktop.text
    upload(desktop, first)
    assert kinds(desktop) == {"林嘉禾": "new", "罗晟": "new"}
    assert "新增 2 人" in desktop.find("preview-counts").text
    assert "性别" in desktop.find("ignored-columns").text
    assert deputies(console) == {}  # nothing written before confirming
    desktop.screenshot("roster-preview", full=True)
    desktop.follow("confirm-import")
    assert "新增 2 人" in desktop.find("notice").text
    kiosk = deputies(console)
    assert kiosk["林嘉禾"]["levels"] == ["city", "county"]
    assert kiosk["罗晟"]["levels"] == ["provincial"]

    # 罗晟 is on two reception schedules, one of them alone.
    both = new_schedule(console, "周二接待日", kiosk["林嘉禾"]["id"], kiosk["罗晟"]["id"])
    alone = new_schedule(console, "罗晟工作室", kiosk["罗晟"]["id"])

    # An .xlsx: one deputy changes, one is new, one is gone; the preview says so first.
    book = Workbook()
    sheet = book.active
    sheet.append(["城南联络站进站代表名单"])
    sheet.append(["姓名", "级别", "选区", "联系电话", "拼音"])
    sheet.append(["林嘉禾", "全国、市、区", "第一选区", 13800138000, ""])
    sheet.append(["单卫东", "乡镇", "第三选区", None, ""])
    second = tmp_path / "名单.xlsx"
    book.save(second)
    upload(desktop, second)
    assert kinds(desktop) == {"林嘉禾": "changed", "单卫东": "new", "罗晟": "removed"}, desktop.text
    assert "删除" in desktop.find("removed-warning").text
    warnings = desktop.find("schedule-warnings").text.splitlines()
    assert warnings == [
        "将移出的代表 罗晟 仍在接待安排“周二接待日”中：确认导入后，将从该安排中去掉。",
        "将移出的代表 罗晟 仍在接待安排“罗晟工作室”中：确认导入后，将从该安排中去掉。"
        " 该安排将没有接待代表。",
    ]
    fits(desktop)
    desktop.screenshot("roster-preview-schedules", full=True)
    desktop.follow("confirm-import")
    assert "已从接待安排“周二接待日”中去掉 罗晟" in desktop.find("notice").text
    on = {s["id"]: s["deputy_ids"] for s in console.kiosk_b.snapshot().json()["schedules"]}
    assert on[both] == [kiosk["林嘉禾"]["id"]] and on[alone] == []
    kiosk = deputies(console)
    assert set(kiosk) == {"林嘉禾", "单卫东"}
    assert kiosk["林嘉禾"]["levels"] == ["national", "city", "county"]
    assert kiosk["单卫东"]["pinyin"] == ["shan", "wei", "dong"]

    # A bad file: every problem with its row and column, and nothing changes.
    bad = tmp_path / "有错的名单.csv"
    gbk_csv(bad, [["姓名", "层级", "拼音"], ["", "市", ""], ["郑玥", "部级", "zheng"]])
    upload(desktop, bad)
    problems = desktop.find("problems").text.splitlines()
    assert "第2行，第1列（姓名）：不能为空" in problems
    assert any(p.startswith("第3行，第2列（层级）：不认识的层级“部级”") for p in problems)
    assert "第3行，第3列（拼音）：应与姓名逐字对应：姓名 2 个字，这里 1 个音节" in problems
    assert "名单没有任何改动" in desktop.find("problem").text
    assert set(deputies(console)) == {"林嘉禾", "单卫东"}
    fits(desktop)
    desktop.screenshot("roster-refused", full=True)

    # One deputy edited; a wrong level is refused in words, what was typed is kept.
    lin = kiosk["林嘉禾"]["id"]
    desktop.follow(f"edit-{lin}")
    desktop.type("constituency", "第五选区")
    desktop.click("level-national")  # untick: city and county stay
    desktop.follow("save-deputy")
    assert "已保存" in desktop.find("notice").text
    assert deputies(console)["林嘉禾"]["levels"] == ["city", "county"]
    assert deputies(console)["林嘉禾"]["constituency"] == "第五选区"
    for level in ("city", "county"):
        desktop.click(f"level-{level}")
    desktop.type("occupation", "社区党委书记")
    desktop.follow("save-deputy")
    assert "层级：不能为空" in desktop.find("problems").text
    assert desktop.find("occupation").get_attribute("value") == "社区党委书记"

    # A photo: a text file named .jpg is refused, a real picture is taken.
    fake = tmp_path / "photo.jpg"
    fake.write_text("not a picture")
    desktop.find("photo-file").send_keys(str(fake))
    desktop.follow("save-photo")
    assert "这个文件不是照片" in desktop.find("problem").text
    picture = tmp_path / "林嘉禾.png"
    Image.new("RGB", (300, 400), (179, 38, 30)).save(picture)
    desktop.find("photo-file").send_keys(str(picture))
    desktop.follow("save-photo")
    assert "照片已更新" in desktop.find("notice").text
    assert (
        desktop.driver.execute_script("return document.getElementById('photo').naturalWidth") == 300
    )
    assert deputies(console)["林嘉禾"]["photo"]
    fits(desktop)
    desktop.screenshot("roster-deputy", full=True)
    desktop.follow("back")
    fits(desktop)
    desktop.screenshot("roster", full=True)

    sign_in(phone, console, "staff-b", lands_on="/console/")
    phone.open(f"{console.url}/console/rosters")
    fits(phone)
    phone.screenshot("roster", full=True)
    upload(phone, second)
    fits(phone)
    phone.screenshot("roster-preview", full=True)
    phone.open(f"{console.url}/console/rosters/{STATION_B}/deputies/{lin}")
    fits(phone)
    phone.screenshot("roster-deputy", full=True)


def test_viewers_and_other_stations_staff_cannot_touch_a_roster(console, desktop):
    sign_in(desktop, console, "viewer", lands_on="/console/")
    desktop.open(f"{console.url}/console/rosters")
    assert "您没有权限" in desktop.text
    sign_in(desktop, console, "staff-a", lands_on="/console/")
    desktop.open(f"{console.url}/console/rosters?station={STATION_B}")
    assert "城南" not in desktop.find("deputies").text
    desktop.open(f"{console.url}/console/rosters/{STATION_B}/deputies/lin-jia-he")
    assert "没有这个联络站" in desktop.find("problem").text


def test_an_english_console_lists_a_bad_rosters_problems_in_english(console, desktop, tmp_path):
    bad = tmp_path / "bad roster.csv"
    gbk_csv(bad, [["姓名", "层级", "拼音"], ["", "市", ""], ["郑玥", "部级", "zheng"]])
    sign_in(desktop, console, "staff-b", lands_on="/console/")
    desktop.open(f"{console.url}/console/rosters?lang=en")
    upload(desktop, bad)
    problems = desktop.find("problems").text.splitlines()
    assert "Row 2, column 1 (姓名): must not be empty" in problems
    assert any(p.startswith("Row 3, column 2 (层级): unknown level “部级”") for p in problems)
    fits(desktop)
    desktop.screenshot("roster-refused-en", full=True)
    desktop.open(f"{console.url}/console/rosters?lang=zh")
