# SPDX-License-Identifier: GPL-3.0-or-later
"""Sealing a visitor's personal data for the central server (DESIGN.md §6).

An anonymous sealed box (X25519 + XSalsa20-Poly1305) to the server's public key: once sealed,
only the server's private key opens it, so a stolen kiosk discloses nothing it took.
"""

from __future__ import annotations

import base64
import json
from typing import Any

from nacl.public import PublicKey, SealedBox


class InvalidServerKey(ValueError):
    """The server's public key from enrolment is not a usable key."""


def seal(server_public_key: str, personal: dict[str, Any]) -> bytes:
    """`personal` (name, mobile, text, ...) as JSON, sealed to the server's base64 key."""
    try:
        key = PublicKey(base64.b64decode(server_public_key, validate=True))
    except (ValueError, TypeError) as error:
        raise InvalidServerKey(f"the server's public key is not usable: {error}") from None
    plain = json.dumps(personal, ensure_ascii=False, sort_keys=True).encode("utf-8")
    return SealedBox(key).encrypt(plain)
