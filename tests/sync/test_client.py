# SPDX-License-Identifier: GPL-3.0-or-later
"""The client names why a request failed: nobody listening is "unreachable"."""

import socket

import pytest

from kiosk.sync.client import CentralClient, Unreachable


def test_a_server_nobody_listens_on_is_unreachable():
    with socket.socket() as s:  # a port that was free a moment ago
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    client = CentralClient(f"http://127.0.0.1:{port}", timeout=(2, 2))
    with pytest.raises(Unreachable) as failed:
        client.heartbeat("qinghe", {})
    assert failed.value.cause == "unreachable"
