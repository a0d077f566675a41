# SPDX-License-Identifier: GPL-3.0-or-later
"""A full disk (a small tmpfs): the outbox still drains, new forms are refused before the
visitor types, and the heartbeat tells the server (issue 12 §4)."""

import json
import subprocess

import pytest

import kiosk.store.disk
from kiosk.store.disk import RESERVE_NAME, free_bytes

FLOOR = 4 * 1024 * 1024
RESERVE = 2 * 1024 * 1024


@pytest.fixture
def small_disk(tmp_path, monkeypatch):
    """tmp_path/kiosk on a 24 MB tmpfs, with the floor and reserve scaled down to match."""
    folder = tmp_path / "kiosk"
    folder.mkdir()
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=24m", "tmpfs", str(folder)], capture_output=True
    )
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here (needs root): {mounted.stderr.decode().strip()}")
    monkeypatch.setattr(kiosk.store.disk, "FREE_SPACE_FLOOR", FLOOR)
    monkeypatch.setattr(kiosk.store.disk, "RESERVE_BYTES", RESERVE)
    yield folder
    subprocess.run(["umount", "-l", str(folder)], check=True)


def fill(folder, leave: int = 0) -> None:
    """Write a filler file until only `leave` bytes are free (0: the disk is full)."""
    with (folder / "filler.bin").open("ab") as file:
        while (free := free_bytes(folder)) > leave:
            try:
                file.write(b"\0" * min(1024 * 1024, max(4096, free - leave)))
                file.flush()
            except OSError:
                break


def test_the_outbox_drains_on_a_full_disk_and_the_heartbeat_says_so(
    small_disk, station, proxy, kiosk, qtbot
):
    made = kiosk.queue_appeals(20)
    kiosk.start_worker()  # keeps the reserve and sends; stop it, then fill the disk
    qtbot.waitUntil(lambda: kiosk.sync.state == "online", timeout=20_000)
    kiosk.stop()
    assert (small_disk / RESERVE_NAME).stat().st_size == RESERVE
    made += kiosk.queue_appeals(20, start=20)
    fill(small_disk)
    with pytest.raises(Exception, match="disk is full"):
        kiosk.queue_appeals(1, start=40)  # nothing more can be written

    kiosk.start_worker()
    qtbot.waitUntil(lambda: kiosk.counts().pending == 0, timeout=20_000)
    assert len(station.query("SELECT uuid FROM event")) == len(made) == 40
    assert not (small_disk / RESERVE_NAME).exists()  # released to let the outbox drain
    qtbot.waitUntil(lambda: kiosk.sync.state == "online", timeout=20_000)
    (heartbeat,) = station.query("SELECT last_heartbeat FROM device")
    heartbeat = heartbeat[0] if isinstance(heartbeat[0], dict) else json.loads(heartbeat[0])
    assert heartbeat["disk_low"] is True
