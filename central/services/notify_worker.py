# SPDX-License-Identifier: GPL-3.0-or-later
"""The notification worker: a thread of the server (started by `serve`) that queues the
morning's due lists and sends due notices, each leased so that two servers never send one
twice, retried 30 s after a failure, doubling up to an hour, and given up after 8 tries
(the console shows it failed and can try it again). Quiet hours hold a notice until they end.

A text to a visitor (notifications.VISITOR_KINDS) keeps the visitor's quiet hours (21:00-08:00)
and is addressed here, from the appeal's mobile read at send time: an appeal without one (never
given, or erased meanwhile) sends nothing, and its notice says so without personal data.
"""

from __future__ import annotations

import logging
import threading
import uuid
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, date, datetime

from central.core.config import CHINA_TIME
from central.core.db import Database
from central.models import NotificationChannel, Region, Station
from central.services import notifications
from central.services.notifications import ChannelError, ChannelSpec, Claimed, Message
from central.services.notify_senders import DeliveryFailed, deliver

log = logging.getLogger(__name__)

POLL_SECONDS = 2.0
Sender = Callable[..., None]


def _utc_now() -> datetime:
    return datetime.now(UTC)


class NotificationWorker:
    """Sends what is due; `run_once` is one pass (tests call it with their own clock)."""

    def __init__(
        self,
        database: Database,
        base_url: Callable[[], str],
        *,
        clock: Callable[[], datetime] = _utc_now,
        poll_seconds: float = POLL_SECONDS,
        send: Sender = deliver,
    ) -> None:
        self.database = database
        self.base_url = base_url
        self.clock = clock
        self.poll_seconds = poll_seconds
        self.send = send
        self.owner = f"worker-{uuid.uuid4().hex[:12]}"
        self._stop = threading.Event()
        self._wake = threading.Event()
        self._thread: threading.Thread | None = None
        self._due_lists_done: date | None = None

    # -- The thread ---------------------------------------------------------------------------

    def start(self) -> None:
        self._thread = threading.Thread(target=self._run, name="notifications", daemon=True)
        self._thread.start()

    def stop(self, timeout: float = 15.0) -> None:
        self._stop.set()
        self._wake.set()
        if self._thread is not None:
            self._thread.join(timeout)

    def wake(self) -> None:
        self._wake.set()

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                self.run_once()
            except Exception as error:  # a bad pass must not end the thread
                log.warning("notification pass failed: %s", type(error).__name__)
            self._wake.wait(self.poll_seconds)
            self._wake.clear()

    # -- One pass -----------------------------------------------------------------------------

    def run_once(self, limit: int = 10) -> int:
        """Queue due lists (once a day), then send up to `limit` due notices; how many went."""
        now = self.clock()
        self._queue_due_lists(now)
        # A read first: an idle server does not take the write lock every two seconds.
        with self.database.reader() as session:
            if not notifications.anything_due(session, now=now):
                return 0
        with self.database.writer.begin() as session:
            claimed = notifications.claim(session, now=now, owner=self.owner, limit=limit)
        sent = 0
        for n, notice in enumerate(claimed):
            # Slow receivers (a 10 s timeout each) must not outlast the lease, or another
            # server could take over notices this one is still sending: give the rest back.
            if self._stop.is_set() or self.clock() - now > notifications.LEASE / 2:
                with self.database.writer.begin() as session:
                    for rest in claimed[n:]:
                        notifications.hold(session, rest.id, self.owner, self.clock())
                break
            sent += self._send_one(notice)
        return sent

    def _queue_due_lists(self, now: datetime) -> None:
        local = now.astimezone(CHINA_TIME)
        if self._due_lists_done == local.date() or not (
            notifications.DUE_LIST_AT <= local.time() < notifications.DUE_LIST_UNTIL
        ):
            return
        with self.database.writer.begin() as session:
            notifications.queue_due_lists(session, now=now)
        self._due_lists_done = local.date()

    def _send_one(self, notice: Claimed) -> int:
        now = self.clock()
        to_visitor = notice.kind in notifications.VISITOR_KINDS
        quiet = notice.channel
        if to_visitor:
            start, end = notifications.VISITOR_QUIET
            quiet = replace(quiet, quiet_start=start, quiet_end=end)
        until = notifications.quiet_until(quiet, now)
        if until is not None:
            with self.database.writer.begin() as session:
                notifications.hold(session, notice.id, self.owner, until)
            return 0
        recipients = notice.recipients
        if to_visitor:
            with self.database.reader() as session:
                mobile = notifications.visitor_mobile(session, str(notice.context.get("code", "")))
            if not mobile:
                with self.database.writer.begin() as session:
                    notifications.give_up(
                        session, notice.id, now=self.clock(), reason=notifications.NO_MOBILE
                    )
                return 0
            recipients = [mobile]
        message: Message = notifications.render(notice.kind, notice.context, self.base_url())
        error: str | None = None
        try:
            self.send(notice.channel, message, recipients, now=now)
        except DeliveryFailed as failure:
            error = str(failure)
        except Exception as failure:  # a sender's bug: recorded, retried, never the text
            error = f"unexpected error ({type(failure).__name__})"
        with self.database.writer.begin() as session:
            state = notifications.record(
                session, notice.id, self.owner, now=self.clock(), error=error
            )
        if error is not None:
            log.warning("notice %s via %s: %s (%s)", notice.id, notice.channel.kind, error, state)
        return 1 if error is None else 0


def send_test(database: Database, channel_id: int, *, base_url: str) -> str:
    """A test message through one channel, now (quiet hours or not; nothing is queued).
    Raises ChannelError (no such channel) or DeliveryFailed; says whom it reached."""
    with database.reader() as session:
        channel = session.get(NotificationChannel, channel_id)
        if channel is None:
            raise ChannelError(f"no channel {channel_id}")
        spec = ChannelSpec.of(channel)
        recipients = [r for group in notifications.recipients_of(channel, None) for r in group]
        if channel.station_id:
            station = session.get(Station, channel.station_id)
            where = station.name if station else channel.station_id
        else:
            region = session.get(Region, channel.region_id)
            where = region.name if region else ""
    message = notifications.render("test", {"station": where}, base_url)
    deliver(spec, message, recipients, now=datetime.now(UTC))
    if spec.kind in notifications.PERSONAL_CHANNELS:
        return f"{len(recipients)} recipient(s)"
    return "the group"
