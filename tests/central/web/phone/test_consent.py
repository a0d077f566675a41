# SPDX-License-Identifier: GPL-3.0-or-later
"""The phone pages' consent states the same five points as the kiosk's consent screen (what,
why, who sees it, how long, rights; issue 15 §4, docs/privacy.md), in both languages, and its
"how long" is what the server's retention job does."""

from __future__ import annotations

import xml.etree.ElementTree as ElementTree
from pathlib import Path

import pytest

from tests.helpers.phone import Phone, page_text

ROOT = Path(__file__).resolve().parents[4]


def kiosk_consent(language: str) -> dict[str, str]:
    """The kiosk's consent lines (form/ConsentStep.qml) in `language`: the source (English) or the
    zh_CN translation, keyed by what each line is about."""
    lines = {}
    tree = ElementTree.parse(ROOT / "i18n" / "kiosk_zh_CN.ts")
    for message in tree.iter("message"):
        source = message.findtext("source") or ""
        text = source if language == "en" else (message.findtext("translation") or "")
        for key, start in (
            ("what", "What we collect: your name"),
            ("why", "Why: so that"),
            ("who", "Who sees it:"),
            ("how_long", "How long:"),
            ("rights", "You may ask the station staff"),
        ):
            if source.startswith(start):
                lines[key] = text
    assert len(lines) == 5, lines
    return lines


def phone_consent(phone: Phone, path: str, language: str) -> list[str]:
    answer = phone.get(f"{path}{'&' if '?' in path else '?'}lang={language}")
    assert answer.status_code == 200
    points = answer.text.split('id="consent-points"', 1)[1].split("</ul>", 1)[0]
    return [page_text(item).strip() for item in points.split("<li>")[1:]]


@pytest.mark.parametrize("path", ["/d/demo-01", "/a/demo-station?deputy=demo-01"])
@pytest.mark.parametrize("language", ["zh", "en"])
def test_the_phone_pages_consent_says_what_the_kiosk_says(phone_station, path, language):
    kiosk = kiosk_consent(language)
    what, why, who, how_long, rights = phone_consent(Phone(phone_station.url), path, language)
    # What, why, how long and the rights read exactly as on the kiosk.
    assert (what, why, how_long, rights) == (
        kiosk["what"],
        kiosk["why"],
        kiosk["how_long"],
        kiosk["rights"],
    )
    # Who sees it: the same people (the kiosk adds how it locks the data on the machine).
    same_people = kiosk["who"].split("。")[0] if language == "zh" else kiosk["who"].split(".")[0]
    assert who.startswith(same_people.rstrip(".")), (who, same_people)
