# SPDX-License-Identifier: GPL-3.0-or-later
"""Every string on screen is translated, and the shipped font can draw all of it."""

import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from kiosk.demo import demo_snapshot
from tests.helpers.fonts import missing_characters

ROOT = Path(__file__).resolve().parents[1]
QML = sorted((ROOT / "kiosk" / "qml" / "Kiosk").rglob("*.qml"))
ZH_CN = ROOT / "i18n" / "kiosk_zh_CN.ts"
ZH_TW = ROOT / "i18n" / "kiosk_zh_TW.ts"


def messages(ts: Path) -> dict[tuple[str, str], ET.Element]:
    return {
        (context.findtext("name"), message.findtext("source")): message
        for context in ET.parse(ts).getroot().iter("context")
        for message in context.iter("message")
    }


def translated(message: ET.Element) -> str:
    """The translation's text, numerus forms included."""
    return "".join(message.find("translation").itertext()).strip()


def test_the_translation_file_has_every_string_of_the_qml(tmp_path):
    fresh = tmp_path / "fresh.ts"
    lupdate = Path(sys.executable).with_name("pyside6-lupdate")
    subprocess.run(
        [str(lupdate), *map(str, QML), "-ts", str(fresh), "-no-obsolete", "-locations", "none"],
        check=True,
        capture_output=True,
    )
    assert set(messages(fresh)) == set(messages(ZH_CN)), "run pyside6-lupdate (see i18n/README)"
    assert set(messages(fresh)) == set(messages(ZH_TW)), "run i18n/draft_zh_TW.py (i18n/README)"


@pytest.mark.parametrize("ts", [ZH_CN, ZH_TW], ids=["zh_CN", "zh_TW"])
def test_every_string_has_a_finished_chinese_translation(ts):
    unfinished = [
        source
        for (_, source), message in messages(ts).items()
        if message.find("translation").get("type") in ("unfinished", "obsolete", "vanished")
        or not translated(message)
    ]
    assert unfinished == []


@pytest.mark.parametrize("ts", [ZH_CN, ZH_TW], ids=["zh_CN", "zh_TW"])
def test_the_shipped_font_draws_every_translated_string(ts):
    text = "".join(translated(message) for message in messages(ts).values())
    assert missing_characters(text) == set()


def test_the_shipped_font_draws_all_demo_data():
    snapshot = demo_snapshot()
    text = repr(snapshot)  # every name, block, rule, notice and theme in it
    assert missing_characters(text) == set()
