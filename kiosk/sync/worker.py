# SPDX-License-Identifier: GPL-3.0-or-later
"""The sync worker: pushes the outbox and pulls the station, on its own thread.

It owns its HTTP session and its database session and reports by Qt signals; the UI thread
never waits on it. Move it to a QThread and connect the thread's `started` to `start`.
"""

from __future__ import annotations

import logging
import os
import shutil
from collections.abc import Callable
from dataclasses import replace
from datetime import datetime, timedelta
from pathlib import Path

from PySide6.QtCore import QObject, QThread, QTimer, Signal, Slot
from PySide6.QtNetwork import QNetworkInformation
from sqlalchemy.orm import Session, sessionmaker

from kiosk import __version__
from kiosk.domain.snapshot import InvalidSnapshot, snapshot_from_document
from kiosk.domain.station import StationSnapshot
from kiosk.store import outbox
from kiosk.store.database import open_database
from kiosk.store.device_token import load_enrolment
from kiosk.store.models import EnrolmentRow
from kiosk.store.station import replace_station
from kiosk.store.station_cache import write_station_cache
from kiosk.store.sync_state import apply_extras, get_state, set_state
from kiosk.sync.client import CentralClient, NotEnrolled, Refused, Unreachable
from kiosk.sync.policy import POLL_SECONDS, retry_delay

log = logging.getLogger(__name__)

BATCH = 200


class SyncState:
    NOT_ENROLLED = "not_enrolled"
    OFFLINE = "offline"
    SYNCING = "syncing"
    ONLINE = "online"


class SyncWorker(QObject):
    stateChanged = Signal(str)  # a SyncState value
    outboxChanged = Signal(int, int, int)  # pending, sent, quarantined
    snapshotApplied = Signal(object)  # the StationSnapshot now in the database

    def __init__(
        self,
        database_path: Path,
        photo_dir: Path,
        station_cache_path: Path,
        *,
        now: Callable[[], datetime] = datetime.now,
        delay: Callable[[int], float] = retry_delay,
        http_timeout: tuple[float, float] | None = None,
        ca_bundle: str = "",
        allow_plain_http: bool = False,
    ) -> None:
        super().__init__()
        self._database_path = database_path
        self._photo_dir = photo_dir
        self._station_cache_path = station_cache_path
        self._now = now
        self._delay = delay
        self._http_timeout = http_timeout
        self._tls = {"ca_bundle": ca_bundle, "allow_plain_http": allow_plain_http}
        self._sessions: sessionmaker[Session] | None = None
        self._client: CentralClient | None = None
        self._client_for: str | None = None
        self._timer: QTimer | None = None
        self._failures = 0

    # --- slots, run on the worker's thread -------------------------------------------------

    @Slot()
    def start(self) -> None:
        self._sessions = open_database(self._database_path)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.cycle)
        self._watch_network()
        self._timer.start(0)

    def _watch_network(self) -> None:
        """Try again at once when the network comes back, where the system can tell us
        (NetworkManager on Linux); elsewhere the capped backoff finds it within 5 min."""
        if not QNetworkInformation.loadDefaultBackend():
            log.info("no network reachability information here; relying on retries")
            return
        info = QNetworkInformation.instance()
        online = QNetworkInformation.Reachability.Online

        def changed(reachability: QNetworkInformation.Reachability) -> None:
            if reachability == online:
                self.sync_now()

        info.reachabilityChanged.connect(changed)

    @Slot()
    def sync_now(self) -> None:
        """Someone pressed "sync now", or the network came back: send everything waiting."""
        if self._sessions is None or self._timer is None:
            return
        with self._sessions.begin() as session:
            outbox.release_waiting(session)
        self._failures = 0
        self._timer.start(0)

    @Slot()
    def stop(self) -> None:
        if self._timer is not None:
            self._timer.stop()
        if self._client is not None:
            self._client.close()

    @Slot()
    def cycle(self) -> None:
        assert self._sessions is not None and self._timer is not None
        enrolment = self._enrolment()
        if enrolment is None:
            self.stateChanged.emit(SyncState.NOT_ENROLLED)
            self._report_counts()
            self._timer.start(int(POLL_SECONDS * 1000))
            return
        client = self._client_of(enrolment)
        self.stateChanged.emit(SyncState.SYNCING)
        try:
            self._push(client, enrolment.station_id)
            self._pull(client, enrolment.station_id)
            self._heartbeat(client, enrolment.station_id)
        except Unreachable as error:
            self._failures += 1
            delay = self._delay(self._failures)
            log.info("server unreachable (%s); next try in %.0f s", error, delay)
            self.stateChanged.emit(SyncState.OFFLINE)
            self._timer.start(int(delay * 1000))
        except NotEnrolled as error:
            log.warning("the server does not accept this kiosk: %s", error)
            self.stateChanged.emit(SyncState.NOT_ENROLLED)
            self._timer.start(int(POLL_SECONDS * 1000))
        except Refused as error:
            log.error("the server refused a request: %s", error)
            self.stateChanged.emit(SyncState.OFFLINE)
            self._timer.start(int(POLL_SECONDS * 1000))
        except Exception:
            # Never let one bad cycle end syncing for good: say it, and try again later.
            self._failures += 1
            log.exception("sync failed unexpectedly")
            self.stateChanged.emit(SyncState.OFFLINE)
            self._timer.start(int(self._delay(self._failures) * 1000))
        else:
            self._failures = 0
            self.stateChanged.emit(SyncState.ONLINE)
            self._timer.start(int(POLL_SECONDS * 1000))
        self._report_counts()

    # --- the work --------------------------------------------------------------------------

    def look_up(self, code: str, last4: str) -> dict:
        """Ask the server about a code (on the caller's thread, with a client of its own and
        short timeouts: a visitor is waiting). Raises SyncError when it cannot be asked."""
        if self._sessions is None:
            raise Unreachable("not started")
        enrolment = self._enrolment()
        if enrolment is None:
            raise Unreachable("not enrolled")
        client = CentralClient(
            enrolment.server_url, enrolment.device_token, timeout=(3, 10), **self._tls
        )
        try:
            return client.look_up(enrolment.station_id, code, last4)
        finally:
            client.close()

    def _enrolment(self) -> EnrolmentRow | None:
        assert self._sessions is not None
        with self._sessions() as session:
            return load_enrolment(session, self._database_path)  # token from its own file

    def _client_of(self, enrolment: EnrolmentRow) -> CentralClient:
        key = f"{enrolment.server_url}|{enrolment.device_token}"
        if self._client is None or self._client_for != key:
            if self._client is not None:
                self._client.close()
            self._client = CentralClient(
                enrolment.server_url,
                enrolment.device_token,
                timeout=self._http_timeout,
                **self._tls,
            )
            self._client_for = key
        return self._client

    def _push(self, client: CentralClient, station_id: str) -> None:
        assert self._sessions is not None
        while True:
            now = self._now()
            with self._sessions.begin() as session:
                batch = outbox.due_batch(session, now, BATCH)
                if not batch:
                    return
                # Fail first: if we die while sending, the items wait their turn, not loop.
                retry_at = now + timedelta(seconds=self._delay(self._failures + 1))
                outbox.note_attempt(session, [item.id for item in batch], retry_at)
                payloads = [item.payload for item in batch]
            results = client.post_events(station_id, payloads)
            with self._sessions.begin() as session:
                sent = []
                for item, result in zip(batch, results, strict=True):
                    status = result.get("status") if isinstance(result, dict) else None
                    if not isinstance(result, dict) or result.get("uuid") != item.item_uuid:
                        raise Unreachable("the server's results do not match the events sent")
                    if status in ("created", "duplicate"):
                        sent.append(item)
                    elif status in ("invalid", "conflict"):
                        reason = f"{status}: {result.get('reason', '')}"
                        log.warning("outbox item %s quarantined (%s)", item.id, reason)
                        outbox.quarantine(session, item.id, reason)
                    else:
                        raise Unreachable(f"unknown result status {status!r}")
                outbox.mark_sent(session, sent, self._now())

    def _pull(self, client: CentralClient, station_id: str) -> None:
        assert self._sessions is not None
        with self._sessions() as session:
            etag = get_state(session, "snapshot_etag")
        answer = client.snapshot(station_id, etag)
        now = self._now().isoformat()
        if answer is None:
            with self._sessions.begin() as session:
                set_state(session, "last_pull", now)
            return
        document, new_etag = answer
        try:
            snapshot = snapshot_from_document(document)
        except InvalidSnapshot as error:
            # Keep what we have; a later, corrected snapshot will come with another ETag.
            log.error("refused the server's station snapshot: %s", error)
            return
        snapshot = self._fetch_photos(client, document, snapshot)
        with self._sessions.begin() as session:
            replace_station(session, snapshot)
            apply_extras(session, document, now)
            set_state(session, "snapshot_etag", new_etag)
            set_state(session, "last_pull", now)
        write_station_cache(self._station_cache_path, snapshot)
        self.snapshotApplied.emit(snapshot)

    def _fetch_photos(
        self, client: CentralClient, document: dict, snapshot: StationSnapshot
    ) -> StationSnapshot:
        """Download photos not yet here; photo names are the server's content hashes."""
        urls = {d.get("id"): d.get("photo_url") for d in document.get("deputies", [])}
        deputies = []
        self._photo_dir.mkdir(parents=True, exist_ok=True)
        for deputy in snapshot.deputies:
            url = urls.get(deputy.id)
            if isinstance(url, str) and url:
                name = Path(url).name
                target = self._photo_dir / name
                if not target.exists():
                    data = client.photo(url)
                    temporary = target.with_suffix(".part")
                    temporary.write_bytes(data)
                    os.replace(temporary, target)
                deputy = replace(deputy, photo=name)
            deputies.append(deputy)
        return replace(snapshot, deputies=tuple(deputies))

    def _heartbeat(self, client: CentralClient, station_id: str) -> None:
        assert self._sessions is not None
        with self._sessions() as session:
            counts = outbox.counts(session)
            last_pull = get_state(session, "last_pull")
        client.heartbeat(
            station_id,
            {
                "version": __version__,
                "last_pull": last_pull,
                "last_push": self._now().isoformat(),
                "outbox": {
                    "pending": counts.pending,
                    "sent": counts.sent,
                    "quarantined": counts.quarantined,
                },
                "disk_free_bytes": shutil.disk_usage(self._database_path.parent).free,
                "clock": self._now().astimezone().isoformat(),
            },
        )

    def _report_counts(self) -> None:
        assert self._sessions is not None
        with self._sessions() as session:
            counts = outbox.counts(session)
        self.outboxChanged.emit(counts.pending, counts.sent, counts.quarantined)


class SyncThread(QThread):
    """A SyncWorker on a thread of its own, started and stopped cleanly.

    The worker is stopped and deleted on its own thread (its timer cannot be touched from
    another); `stop` waits for the request under way to finish.
    """

    def __init__(self, worker: SyncWorker) -> None:
        super().__init__()
        self.worker = worker
        worker.moveToThread(self)
        self.started.connect(worker.start)
        self.finished.connect(worker.stop)
        self.finished.connect(worker.deleteLater)

    def stop(self) -> None:
        self.quit()
        self.wait()
