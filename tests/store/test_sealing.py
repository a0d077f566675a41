# SPDX-License-Identifier: GPL-3.0-or-later
import base64
import json

import pytest
from nacl.public import PrivateKey, SealedBox

from kiosk.store.sealing import InvalidServerKey, seal


def test_only_the_servers_private_key_opens_what_the_kiosk_sealed():
    server = PrivateKey.generate()
    public = base64.b64encode(bytes(server.public_key)).decode()
    personal = {"name": "张三", "mobile": "13800000000", "text": "路灯坏了"}
    sealed = seal(public, personal)
    assert "张三".encode() not in sealed and b"13800000000" not in sealed
    assert json.loads(SealedBox(server).decrypt(sealed)) == personal
    with pytest.raises(Exception):  # noqa: B017 (any other key fails)
        SealedBox(PrivateKey.generate()).decrypt(sealed)


@pytest.mark.parametrize("key", ["", "not base64!", base64.b64encode(b"short").decode()])
def test_a_bad_server_key_is_refused_clearly(key):
    with pytest.raises(InvalidServerKey):
        seal(key, {"name": "张三"})
