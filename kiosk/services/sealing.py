# SPDX-License-Identifier: GPL-3.0-or-later
"""Which public key a visitor's personal data, or a reception record, is sealed to.

The server's key, kept at enrolment. A demo kiosk without an enrolment seals to the demo
server's key (kiosk/demo.py: the demo server seeded from the same data opens it). A real kiosk
that is not enrolled has no key: it refuses to save rather than keep personal data nobody
could ever open, or that anyone could.
"""

from __future__ import annotations

from sqlite3 import Connection

from kiosk.store.device_token import server_public_key


def sealing_key(connection: Connection, demo: bool) -> str | None:
    """The key to seal to, or None when this kiosk may not save personal data."""
    enrolled = server_public_key(connection)
    if enrolled:
        return enrolled
    if demo:
        from kiosk.demo import DEMO_SERVER_PUBLIC_KEY

        return DEMO_SERVER_PUBLIC_KEY
    return None
