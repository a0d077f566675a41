# SPDX-License-Identifier: GPL-3.0-or-later
"""One demo sealing key: a demo kiosk seals appeals, appointments and records to the same
published key (kiosk.demo), a real kiosk only to its server's."""

from __future__ import annotations

import base64
import hashlib

from nacl.public import PrivateKey

from kiosk.demo import DEMO_SERVER_PUBLIC_KEY
from kiosk.services.sealing import sealing_key
from kiosk.store.database import open_database


def test_the_demo_key_is_the_published_one_and_the_only_one(tmp_path) -> None:
    private = PrivateKey(hashlib.sha256(b"qinghe demo station sealing key").digest())
    assert base64.b64encode(bytes(private.public_key)).decode() == DEMO_SERVER_PUBLIC_KEY
    database = open_database(tmp_path / "kiosk.sqlite3")
    with database.read() as connection:
        assert sealing_key(connection, demo=True) == DEMO_SERVER_PUBLIC_KEY
        assert sealing_key(connection, demo=False) is None  # never a demo key on a real kiosk
