# SPDX-License-Identifier: GPL-3.0-or-later
"""Every visitor screen in every language and text size, both orientations: no text is cut
short, runs out of its box or off the screen (issue 16 §1). Screenshots of each are saved."""

import pytest
from PySide6.QtCore import Q_ARG, QMetaObject

from tests.helpers.layout import unreadable_texts

LANGUAGES = ["zh_CN", "zh_TW", "en"]


def _call(window, function, *args):
    QMetaObject.invokeMethod(window, function, *(Q_ARG("QVariant", a) for a in args))


def _filled_form(kiosk, kind):
    form = kiosk.backends.intake
    form.start(kind)
    values = {
        "category": "交通出行",
        "text": "文昌路和禾丰路路口的红绿灯坏了三天，早晚高峰很危险，请尽快修好。",
        "block": "文昌社区",
        "name": "王阿姨",
        "phone": "13912345678",
        "topic": "加装电梯",
        "consent": True,
    }
    for field, value in values.items():
        form.set(field, value)
    form.chooseDeputy("demo-02", "周晓喆")


def _screens(kiosk):
    """(name, how to get there from home) for every screen a visitor can reach."""
    window = kiosk.window
    visitor = kiosk.visitor

    def form(kind, step):
        def go():
            _filled_form(kiosk, kind)
            if kind == "appointment" and step in ("contact", "review"):
                receptions = kiosk.backends.roster.deputy("demo-02")["receptions"]
                first = receptions[0]
                kiosk.backends.intake.chooseDay(first["scheduleId"], first["date"], first["day"])
            _call(window, "showForm", step)

        return go

    def receipt():
        _filled_form(kiosk, "appeal")
        with visitor.qtbot.waitSignal(kiosk.backends.intake.submitted):  # Main shows the receipt
            assert kiosk.backends.intake.submit()

    def progress_result():
        _filled_form(kiosk, "appointment")
        receptions = kiosk.backends.roster.deputy("demo-02")["receptions"]
        first = receptions[0]
        kiosk.backends.intake.chooseDay(first["scheduleId"], first["date"], first["day"])
        with visitor.qtbot.waitSignal(kiosk.backends.intake.submitted):
            assert kiosk.backends.intake.submit()
        code = kiosk.backends.intake.property("code")
        _call(window, "showProgress")
        kiosk.backends.progress.lookUp(code, "5678")

    screens = [
        ("home", lambda: None),
        ("directory", lambda: _call(window, "showDirectory")),
        ("deputy", lambda: _call(window, "showDeputy", "demo-02")),
        ("station", lambda: _call(window, "showStationInfo")),
        ("schedule", lambda: _call(window, "showSchedule")),
        ("schedule-list", lambda: (_call(window, "showSchedule"), visitor.tap("listView"))),
        ("sign-in", lambda: _call(window, "showDeputySignIn")),
        ("progress", lambda: _call(window, "showProgress")),
        ("progress-result", progress_result),
        ("receipt", receipt),
    ]
    for step in ("category", "text", "block", "deputy", "contact", "consent", "review"):
        screens.append((f"appeal-{step}", form("appeal", step)))
    screens.append(("callback-contact", form("callback", "contact")))
    screens.append(("callback-consent", form("callback", "consent")))
    for step in ("deputy", "day", "contact", "review"):
        screens.append((f"appointment-{step}", form("appointment", step)))
    return screens


@pytest.mark.parametrize("large", [False, True], ids=["normal", "large"])
@pytest.mark.parametrize("language", LANGUAGES)
def test_every_screen_reads_whole(make_kiosk, qtbot, size, language, large):
    # A receipt printer configured (never used here): the receipt shows 打印凭条 too.
    kiosk = make_kiosk(size, printer_kind="network", printer_host="127.0.0.1")
    visitor = kiosk.visitor
    qtbot.waitUntil(lambda: kiosk.backends.intake.ready)
    # Home's connection line comes with the sync worker's first answer (~0.1 s after start).
    qtbot.waitUntil(lambda: kiosk.backends.sync.property("state") != "starting")
    kiosk.backends.reading.setLanguage(language)
    if large:
        kiosk.backends.reading.toggleLargeText()
    problems = {}
    for name, go in _screens(kiosk):
        _call(kiosk.window, "showHome")
        go()
        visitor.settle()
        label = f"every-{name}-{language}-{'large' if large else 'normal'}"
        visitor.screenshot(label)
        found = unreadable_texts(
            kiosk.window.contentItem(), (kiosk.window.width(), kiosk.window.height())
        )
        if found:
            problems[name] = found
    report = "\n".join(f"{name}: {text}" for name, found in problems.items() for text in found)
    assert not problems, report
