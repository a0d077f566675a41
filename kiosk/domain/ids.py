# SPDX-License-Identifier: GPL-3.0-or-later
"""A new record's identifier: a random UUID, the key the server files it under.

`uuid` is imported with the first record, not with the domain: it imports `platform`, start-up
time the kiosk's first frame need not spend (docs/performance.md)."""

from __future__ import annotations


def new_uuid() -> str:
    import uuid

    return str(uuid.uuid4())
