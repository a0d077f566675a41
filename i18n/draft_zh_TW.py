# SPDX-License-Identifier: GPL-3.0-or-later
"""Draft kiosk_zh_TW.ts from kiosk_zh_CN.ts with OpenCC's s2twp (Taiwan phrasing), keeping
every translation a person already reviewed in kiosk_zh_TW.ts, also when its string moved to
another QML file (dev tool, not shipped):

    .venv/bin/python i18n/draft_zh_TW.py

New drafts are marked type="unfinished" until read and accepted; `--accept` marks them
finished once you have read them (tests/test_translations.py fails on unfinished ones).
"""

from __future__ import annotations

import sys
import xml.etree.ElementTree as ET
from pathlib import Path

HERE = Path(__file__).resolve().parent
SIMPLIFIED = HERE / "kiosk_zh_CN.ts"
TRADITIONAL = HERE / "kiosk_zh_TW.ts"
# Words s2twp gets wrong for this kiosk (a people's-congress station, not Taiwan's usage).
CORRECTIONS = {
    "社群": "社區",  # 社区 is a residential community here, not an online one
    "工作臺": "工作台",
    "釋出": "公布",  # a holiday table is announced, not released
    "聯絡區塊": "聯繫社區",
}


def _key(context: ET.Element, message: ET.Element) -> tuple[str, str]:
    return context.findtext("name") or "", message.findtext("source") or ""


def _reviewed() -> dict[tuple[str, str], ET.Element]:
    if not TRADITIONAL.exists():
        return {}
    root = ET.parse(TRADITIONAL).getroot()
    return {
        _key(context, message): message.find("translation")
        for context in root.iter("context")
        for message in context.iter("message")
        if message.find("translation").get("type") is None
    }


def draft(accept: bool) -> int:
    reviewed = _reviewed()
    # A string that moved to another file (its context) keeps its reviewed translation.
    by_source = {source: done for (_, source), done in reviewed.items()}
    convert = None
    tree = ET.parse(SIMPLIFIED)
    root = tree.getroot()
    root.set("language", "zh_TW")
    drafted = 0
    for context in root.iter("context"):
        for message in context.iter("message"):
            translation = message.find("translation")
            key = _key(context, message)
            done = reviewed.get(key)
            if done is None:
                done = by_source.get(key[1])
            if done is not None:
                translation.clear()
                translation.text = done.text
                for form in done:
                    translation.append(form)
                continue
            if convert is None:
                import opencc  # only to draft new strings

                convert = opencc.OpenCC("s2twp").convert
            forms = list(translation) or [translation]
            for form in forms:
                text = convert(form.text or "")
                for wrong, right in CORRECTIONS.items():
                    text = text.replace(wrong, right)
                form.text = text
            if not accept:
                translation.set("type", "unfinished")
            drafted += 1
    ET.indent(tree, space="    ")
    tree.write(TRADITIONAL, encoding="utf-8", xml_declaration=True)
    return drafted


if __name__ == "__main__":
    print(f"{draft('--accept' in sys.argv)} strings drafted into {TRADITIONAL.name}")
