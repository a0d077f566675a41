# SPDX-License-Identifier: GPL-3.0-or-later
"""Tracking codes: what a visitor writes down to look up an appeal later.

Nine characters from an alphabet without 0/O and 1/I (easy to misread or mistype), the last
one a Luhn mod 32 check character that catches every single wrong character and every swap of
two neighbours but one (2 and Z). Shown in groups of three: ``K7Q-M4X-PD8``.
"""

from __future__ import annotations

from kiosk.domain.hashing import CHECK_COSTS, hasher, make_hash, matches

ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"
BODY_LENGTH = 8
LENGTH = BODY_LENGTH + 1
_INDEX = {char: i for i, char in enumerate(ALPHABET)}
_SEPARATORS = str.maketrans("", "", " -\u3000")


class InvalidTrackingCode(ValueError):
    """Text that is not a tracking code; the message says why, in plain words."""


def _luhn_sum(chars: str, double_last: bool) -> int:
    base = len(ALPHABET)
    total = 0
    for position, char in enumerate(reversed(chars)):
        value = _INDEX[char]
        if (position % 2 == 0) == double_last:
            value *= 2
        total += value // base + value % base
    return total


def check_character(body: str) -> str:
    """The check character that completes `body` (characters from ALPHABET)."""
    return ALPHABET[-_luhn_sum(body, double_last=True) % len(ALPHABET)]


def new_tracking_code() -> str:
    """A fresh random code, without separators (format with `display`)."""
    import secrets  # with the first code: it imports hmac and OpenSSL's hashes (start-up)

    body = "".join(secrets.choice(ALPHABET) for _ in range(BODY_LENGTH))
    return body + check_character(body)


def parse_tracking_code(text: str) -> str:
    """Normalise what a visitor typed (case, spaces, dashes) and check it.

    Returns the nine-character code; raises InvalidTrackingCode otherwise.
    """
    code = text.translate(_SEPARATORS).upper()
    if len(code) != LENGTH:
        raise InvalidTrackingCode(f"a tracking code has {LENGTH} characters, this has {len(code)}")
    unknown = sorted({char for char in code if char not in _INDEX})
    if unknown:
        raise InvalidTrackingCode(f"a tracking code never contains {''.join(unknown)}")
    if _luhn_sum(code, double_last=False) % len(ALPHABET):
        raise InvalidTrackingCode("the code has a typing mistake (its check character is wrong)")
    return code


def display(code: str) -> str:
    """'K7QM4XPD8' -> 'K7Q-M4X-PD8'."""
    return "-".join(code[i : i + 3] for i in range(0, len(code), 3))


def contact_check(code: str, last4: str) -> str:
    """What a progress lookup compares: the code with the last 4 digits of the mobile, as an
    argon2id hash with a salt of its own (costly to brute-force, docs/security.md).

    A kiosk keeps the check of what it took itself (so a receipt can be looked up offline);
    whoever copies its files must try 10,000 last-4 digits per record at `CHECK_COSTS` each
    (kiosk.domain.hashing). Made by the kiosk, off the UI thread, right after it saved a
    visitor's appeal or appointment; never sent anywhere. Check a typed answer with
    `contact_check_matches`.
    """
    return make_hash(f"{code}:{last4}", CHECK_COSTS)


def contact_check_matches(check: str | None, code: str, last4: str) -> bool:
    """Does the typed `code` + `last4` match `check`? Takes as long for no check at all."""
    return matches(check, f"{code}:{last4}", hasher(CHECK_COSTS))
