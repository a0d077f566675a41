# SPDX-License-Identifier: GPL-3.0-or-later
"""`python -m central notify ...`: notification channels, the notices waiting, sending now.
Each a thin call of central.services.notifications (docs/notifications.md)."""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from central.cli.common import CommandError, china_minute, database
from central.core.config import Settings
from central.services import notifications
from central.services.notifications import ChannelError, NewChannel
from kiosk.domain.tracking import display


def add_commands(group: Callable[..., Any], command: Callable[..., Any]) -> None:
    notify = group("notify", "notifications: channels (robots, SMS, mail) and the outbox")
    holder = notify.add_parser("channels", help="where notices go", description="channels")
    channels = holder.add_subparsers(dest="channels_command", required=True, metavar="COMMAND")
    p = command("add", channels_add, "add a channel for a station or a region", channels)
    p.add_argument("--kind", required=True, choices=notifications.CHANNEL_KINDS, help="what it is")
    p.add_argument("--station", help="the station whose notices it carries")
    p.add_argument("--region", type=int, help="or a region (every station under it)")
    p.add_argument(
        "--target",
        required=True,
        help="the robot's or the gateway's URL, or e-mail addresses (comma-separated)",
    )
    p.add_argument("--name", default="", help="shown in the console, e.g. 站点企业微信群")
    p.add_argument(
        "--secret-stdin",
        action="store_true",
        help="read a secret from standard input (DingTalk SEC..., gateway key, SMTP password)",
    )
    p.add_argument(
        "--setting",
        action="append",
        default=[],
        metavar="KEY=VALUE",
        help="e-mail: host, port, from, username, tls, cafile; SMS: body, method, format, "
        "success_contains, mobiles, headers (JSON)",
    )
    p.add_argument(
        "--kinds",
        default="",
        help="only these notice kinds, comma-separated (default: all but visitor_progress)",
    )
    p.add_argument("--quiet", default="22:00-07:30", help="quiet hours, China time ('' for none)")
    command("list", channels_list, "list the channels", channels)
    p = command("test", channels_test, "send a test message through a channel now", channels)
    p.add_argument("channel_id", type=int, metavar="CHANNEL_ID")
    _public_url(p)
    for name, enabled in (("enable", True), ("disable", False)):
        p = command(name, channels_enable, f"{name} a channel", channels)
        p.add_argument("channel_id", type=int, metavar="CHANNEL_ID")
        p.set_defaults(enabled=enabled)

    p = command("pending", notify_pending, "list notices not sent yet (and failed ones)", notify)
    p.add_argument("--all", action="store_true", help="the newest 100, sent ones too")
    p = command("send-now", notify_send_now, "send every pending notice now", notify)
    _public_url(p)
    p = command("retry", notify_retry, "try a failed notice again", notify)
    p.add_argument("notice_id", type=int, metavar="NOTICE_ID")
    p = command("email", notify_email, "set the e-mail address of an account", notify)
    p.add_argument("login", metavar="LOGIN")
    p.add_argument("address", metavar="ADDRESS", help="'' to stop mail to this account")


def _public_url(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--public-url",
        default=os.environ.get("CENTRAL_PUBLIC_URL", ""),
        help="the console's base URL in the messages' links (or CENTRAL_PUBLIC_URL)",
    )


def _settings(pairs: list[str]) -> dict[str, Any]:
    settings: dict[str, Any] = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key.strip():
            raise CommandError(f"--setting {pair!r}: write KEY=VALUE")
        key = key.strip()
        if key == "headers":
            try:
                settings[key] = json.loads(value)
            except ValueError:
                raise CommandError(
                    '--setting headers: a JSON object, e.g. {"X-Key": "$secret"}'
                ) from None
            if not isinstance(settings[key], dict):
                raise CommandError("--setting headers: a JSON object")
        elif key == "port":
            if not value.isdigit():
                raise CommandError("--setting port: a number")
            settings[key] = int(value)
        elif key == "mobiles":
            settings[key] = notifications.split_list(value)
        else:
            settings[key] = value
    return settings


def channels_add(settings: Settings, args: argparse.Namespace) -> int:
    secret = sys.stdin.readline().strip() if args.secret_stdin else ""
    new = NewChannel(
        kind=args.kind,
        target=args.target,
        station_id=args.station,
        region_id=args.region,
        name=args.name,
        secret=secret,
        settings=_settings(args.setting),
        kinds=tuple(notifications.split_list(args.kinds)),
        quiet=args.quiet,
    )
    try:
        with database(settings).writer.begin() as session:
            channel = notifications.add_channel(session, new, now=datetime.now(UTC))
            channel_id = channel.id
    except ChannelError as error:
        raise CommandError(str(error)) from None
    print(f"channel {channel_id} added ({args.kind}); try it: notify channels test {channel_id}")
    return 0


def channels_list(settings: Settings, args: argparse.Namespace) -> int:
    with database(settings).reader() as session:
        lines = notifications.list_channels(session)
    if not lines:
        print("no channels (add one: notify channels add)")
    for c in lines:
        state = "" if c.enabled else "  DISABLED"
        kinds = ",".join(c.kinds) or "all kinds"
        quiet = f"quiet {c.quiet}" if c.quiet else "never quiet"
        print(f"{c.id}  {c.kind:16}  {c.where}  {c.name}  {c.target}  [{kinds}; {quiet}]{state}")
    return 0


def channels_test(settings: Settings, args: argparse.Namespace) -> int:
    from central.services.notify_senders import DeliveryFailed
    from central.services.notify_worker import send_test

    try:
        sent = send_test(database(settings), args.channel_id, base_url=args.public_url)
    except ChannelError as error:
        raise CommandError(str(error)) from None
    except DeliveryFailed as error:
        raise CommandError(f"channel {args.channel_id}: not delivered: {error}") from None
    print(f"channel {args.channel_id}: test message delivered ({sent})")
    return 0


def channels_enable(settings: Settings, args: argparse.Namespace) -> int:
    try:
        with database(settings).writer.begin() as session:
            notifications.set_enabled(session, args.channel_id, args.enabled)
    except ChannelError as error:
        raise CommandError(str(error)) from None
    print(f"channel {args.channel_id} {'enabled' if args.enabled else 'disabled'}")
    return 0


def notify_pending(settings: Settings, args: argparse.Namespace) -> int:
    states = None if args.all else ("pending", "sending", "failed")
    with database(settings).reader() as session:
        lines = notifications.list_notices(session, states=states)
    if not lines:
        print("nothing waiting")
    for n in lines:
        error = f"  last error: {n.last_error}" if n.last_error else ""
        print(
            f"{n.id}  {n.state:8}  {n.kind:20}  {display(n.code) if n.code else '-':11}  "
            f"{n.station}  "
            f"via {n.channel_kind} {n.channel}  tries {n.attempts}  "
            f"due {china_minute(n.due_at)}{error}"
        )
    return 0


def notify_send_now(settings: Settings, args: argparse.Namespace) -> int:
    from central.services.notify_worker import NotificationWorker

    db = database(settings)
    with db.writer.begin() as session:
        notifications.make_due_now(session, now=datetime.now(UTC))
    worker = NotificationWorker(db, lambda: args.public_url)
    sent = 0
    while (went := worker.run_once(limit=100)) > 0:
        sent += went
    with db.reader() as session:
        left = notifications.list_notices(session, states=("pending", "failed"))
    print(f"sent {sent}; {len(left)} not sent (notify pending says why)")
    return 0


def notify_retry(settings: Settings, args: argparse.Namespace) -> int:
    try:
        with database(settings).writer.begin() as session:
            notifications.retry(session, args.notice_id, now=datetime.now(UTC))
    except ChannelError as error:
        raise CommandError(str(error)) from None
    print(f"notice {args.notice_id} will be sent again (notify send-now sends it at once)")
    return 0


def notify_email(settings: Settings, args: argparse.Namespace) -> int:
    try:
        with database(settings).writer.begin() as session:
            notifications.set_account_email(session, args.login, args.address)
    except ChannelError as error:
        raise CommandError(str(error)) from None
    print(f"{args.login}: e-mail {'set' if args.address else 'removed'}")
    return 0
