# SPDX-License-Identifier: GPL-3.0-or-later
"""`device list|revoke`: the enrolled kiosks."""

from __future__ import annotations

import argparse

from central.cli.common import CommandError, database
from central.core.config import CHINA_TIME, Settings
from central.services.devices import list_devices, revoke_device


def device_list(settings: Settings, args: argparse.Namespace) -> int:
    with database(settings).reader() as session:
        devices = list_devices(session, args.station)
        for d in devices:
            seen = (
                d.last_seen_at.astimezone(CHINA_TIME).isoformat(timespec="minutes")
                if d.last_seen_at
                else "never"
            )
            state = "revoked" if d.revoked_at else "active"
            print(f"{d.id}  {d.station_id}  {state}  last seen {seen}  {d.name}")
        print(f"{len(devices)} devices")
    return 0


def device_revoke(settings: Settings, args: argparse.Namespace) -> int:
    with database(settings).writer.begin() as session:
        revoked = revoke_device(session, args.device_id)
        if revoked is None:
            raise CommandError(f"no device {args.device_id} (see: device list)")
        device, changed = revoked
        if not changed:
            print(f"device {args.device_id} was already revoked")
            return 0
    print(
        f"revoked device {args.device_id} ({device.name}, station {device.station_id}); "
        "its token no longer works"
    )
    return 0
