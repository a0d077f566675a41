# SPDX-License-Identifier: GPL-3.0-or-later
"""A kiosk whose disk is nearly full refuses a new form before the visitor types (issue 12 §4)."""

import subprocess

import pytest

import kiosk.store.disk
from tests.e2e.test_full_disk import FLOOR, fill


@pytest.fixture
def nearly_full(tmp_path, monkeypatch):
    folder = tmp_path / "data"
    folder.mkdir()
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=16m", "tmpfs", str(folder)], capture_output=True
    )
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here (needs root): {mounted.stderr.decode().strip()}")
    monkeypatch.setattr(kiosk.store.disk, "FREE_SPACE_FLOOR", FLOOR)
    yield folder
    subprocess.run(["umount", "-l", str(folder)], check=True)


def test_a_new_appeal_is_refused_with_a_plain_message_when_the_disk_is_nearly_full(
    nearly_full, make_kiosk, qtbot
):
    started = make_kiosk()
    qtbot.waitUntil(lambda: started.backends.sign_in.ready)
    fill(nearly_full, leave=FLOOR // 2)
    started.visitor.tap("appealButton")
    notice = started.visitor.find("diskFullNotice")
    assert "存储空间已满" in notice.childItems()[-1].childItems()[0].property("text")
    assert started.visitor.find("homeScreen")  # no form was opened
    started.visitor.screenshot("disk_full_notice")

    (nearly_full / "filler.bin").unlink()  # space freed: forms work again
    started.visitor.tap(notice)
    started.visitor.tap("appealButton")
    assert started.visitor.find("formScreen_category")
    assert not notice.isVisible()
