# SPDX-License-Identifier: GPL-3.0-or-later
"""Finding 7: the kiosk's lookup lockout is not reset by a successful lookup (look up your
own receipt, guess 4 more, repeat), and the kiosk does not tell an unknown code from wrong
digits."""

from __future__ import annotations

from kiosk.domain.tracking import new_tracking_code


def _receipt(kiosk, mobile: str) -> str:
    visitor = kiosk.visitor
    visitor.tap("appealButton")
    visitor.tap("category_0")
    visitor.tap("callbackButton")
    for digit in mobile:
        visitor.tap(f"key_{digit}")
    visitor.tap("nextButton")
    with visitor.qtbot.waitSignal(kiosk.backends.intake.checkKept, timeout=20000):
        visitor.tap("consentButton")
    code = visitor.text("receiptCode").replace("-", "")
    visitor.finish_receipt()
    return code


def _look_up(kiosk, code: str, last4: str) -> tuple[bool, str]:
    lookup = kiosk.backends.progress
    with kiosk.visitor.qtbot.waitSignal(lookup.finished, timeout=20000) as answer:
        lookup.lookUp(code, last4)
    return answer.args[0], lookup.property("problem")


def test_a_hit_does_not_reset_the_lockout_and_unknown_codes_look_like_wrong_digits(make_kiosk):
    kiosk = make_kiosk()
    mine = _receipt(kiosk, "13700001111")
    victim = _receipt(kiosk, "13900002222")

    unknown = _look_up(kiosk, new_tracking_code(), "2222")
    wrong = _look_up(kiosk, victim, "0000")
    assert unknown == wrong and unknown[0] is False  # the same answer, word for word

    for guess in ("0001", "0002"):
        assert _look_up(kiosk, victim, guess)[0] is False
    assert _look_up(kiosk, mine, "1111") == (True, "")  # my own receipt, between guesses
    assert _look_up(kiosk, victim, "0003")[0] is False  # the fifth miss in a row of tries
    assert _look_up(kiosk, victim, "2222") == (False, "locked")  # even the right digits wait
