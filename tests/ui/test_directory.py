# SPDX-License-Identifier: GPL-3.0-or-later
import subprocess
import sys
from pathlib import Path

import pytest

from kiosk.demo import demo_snapshot
from tests.helpers.qt import decode_qr_codes

ROOT = Path(__file__).resolve().parents[2]


def test_a_visitor_types_a_name_in_pinyin_and_opens_the_deputy(make_kiosk, qtbot):
    kiosk = make_kiosk()
    visitor = kiosk.visitor
    visitor.tap("findDeputyButton")
    directory = kiosk.backends.roster.directory
    assert directory.count == 15
    visitor.tap("searchField")
    qtbot.waitUntil(visitor.keyboard_is_open)
    visitor.type_pinyin("zhou", "周")
    visitor.type_pinyin("xiao", "晓")
    assert visitor.text("searchField") == "周晓"
    qtbot.waitUntil(lambda: directory.count == 1)
    visitor.screenshot("directory-pinyin")
    visitor.tap("deputy_demo-02")
    assert visitor.text("deputyName") == "周晓喆"
    # The visitor's phone scans the code on the screen: it leads to this deputy.
    screen = visitor.screenshot("deputy-after-search")
    assert decode_qr_codes(screen) == [demo_snapshot().deputy("demo-02").qr_url]


@pytest.mark.parametrize(
    ("level", "expected"),
    [("national", {"林嘉禾"}), ("provincial", {"周晓喆", "梁湉"}), ("all", None)],
)
def test_level_buttons_filter_the_directory(make_kiosk, level, expected):
    kiosk = make_kiosk()
    kiosk.visitor.tap("findDeputyButton")
    kiosk.visitor.tap(f"level_{level}")
    directory = kiosk.backends.roster.directory
    shown = {
        kiosk.visitor.find(f"deputy_demo-{i:02d}", settle=False).property("name")
        for i in range(1, 16)
        if _visible(kiosk.visitor, f"deputy_demo-{i:02d}")
    }
    if expected is None:
        assert directory.count == 15
    else:
        assert shown == expected
        assert directory.count == len(expected)


def test_search_with_no_match_says_so_and_clear_brings_everyone_back(make_kiosk, size):
    kiosk = make_kiosk(size)
    visitor = kiosk.visitor
    visitor.tap("findDeputyButton")
    kiosk.backends.roster.directory.query = "不存在的名字"
    assert visitor.find("noResults").isVisible()
    visitor.screenshot("directory-no-match")
    kiosk.backends.roster.directory.query = ""
    visitor.screenshot("directory")
    assert kiosk.backends.roster.directory.count == 15


def test_next_page_shows_the_deputies_below(make_kiosk):
    kiosk = make_kiosk()
    visitor = kiosk.visitor
    visitor.tap("findDeputyButton")
    grid = visitor.find("deputyGrid")
    assert grid.property("contentY") == pytest.approx(grid.property("originY"))
    visitor.tap("nextPage")
    assert grid.property("contentY") > grid.property("originY")
    visitor.tap("previousPage")
    assert grid.property("contentY") == pytest.approx(grid.property("originY"))


def _visible(visitor, name):
    try:
        visitor.find(name, settle=False)
    except AssertionError:
        return False
    return True


def test_a_keyboard_left_up_by_an_earlier_window_leaves_the_level_buttons():
    # The input method is the application's, not a window's: after a test that ends with the
    # keyboard up, the next kiosk's directory hid its level buttons (CI, 2026-12-03). Run the
    # two in that order in one process.
    run = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-q",
            "-p",
            "no:randomly",
            "-p",
            "no:cacheprovider",
            "tests/ui/test_idle.py::test_continue_keeps_the_page_and_what_was_typed",
            "tests/ui/test_read_aloud.py::test_the_directory_reads_the_deputies_it_shows",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert run.returncode == 0, run.stdout[-3000:]
