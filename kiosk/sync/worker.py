# SPDX-License-Identifier: GPL-3.0-or-later
"""The sync worker: pushes the outbox and pulls the station, on its own thread.

It owns its HTTP session and its thread's database connection and reports by Qt signals; the
UI thread never waits on it. Move it to a QThread and connect the thread's `started` to `start`.
"""

from __future__ import annotations

import gc
import logging
import os
import shutil
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime, timedelta
from pathlib import Path
from sqlite3 import Connection

from PySide6.QtCore import QObject, QThread, QTimer, Signal, Slot
from PySide6.QtNetwork import QNetworkInformation

from kiosk import __version__
from kiosk.domain.snapshot import InvalidSnapshot, snapshot_from_document, split_document
from kiosk.domain.snapshot_delta import InvalidDelta, apply_snapshot_delta
from kiosk.domain.station import STATION_PHOTO_MARKER
from kiosk.memory import give_back_freed_memory
from kiosk.store import outbox
from kiosk.store.database import Database, open_database
from kiosk.store.device_token import load_enrolment
from kiosk.store.disk import DiskReserve, below_floor, is_disk_full
from kiosk.store.rows import EnrolmentRow
from kiosk.store.station import delta_base, forget_delta_base, kept_cursor, store_station
from kiosk.store.station_read import without_photos
from kiosk.store.sync_state import apply_extras, get_state, set_state
from kiosk.sync.client import CentralClient, NotEnrolled, Refused, Unreachable
from kiosk.sync.policy import DEFAULT_TIMING, SyncTiming, count_retry, read_retries

log = logging.getLogger(__name__)

BATCH = 200
PHOTO_PAGE = 100  # photos downloaded in one sync cycle; the rest in the next ones, soon after
PHOTO_NEXT_PAGE_MS = 1000


@contextmanager
def collector_paused() -> Iterator[None]:
    """No cyclic garbage collection meanwhile. A large station's snapshot (10,000 appeals'
    progress) makes tens of thousands of short-lived objects at once; each full pass of the
    collector over them holds the interpreter lock, and so the GUI thread, for tens of ms.
    Reference counting frees them when the pull is done; the collector goes on then."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


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
        *,
        now: Callable[[], datetime] = datetime.now,
        timing: SyncTiming = DEFAULT_TIMING,
        http_timeout: tuple[float, float] | None = None,
        ca_bundle: str = "",
        allow_plain_http: bool = False,
    ) -> None:
        super().__init__()
        self._database_path = database_path
        self._photo_dir = photo_dir
        self._now = now
        self._timing = timing
        self._poll_ms = int(timing.poll_seconds * 1000)
        self._http_timeout = http_timeout
        self._tls = {"ca_bundle": ca_bundle, "allow_plain_http": allow_plain_http}
        self._database: Database | None = None
        self._client: CentralClient | None = None
        self._client_for: str | None = None
        self._timer: QTimer | None = None
        self._failures = 0
        self._reserve = DiskReserve(database_path.parent)
        self._photos_pending = False

    # --- slots, run on the worker's thread -------------------------------------------------

    @Slot()
    def start(self) -> None:
        self._database = open_database(self._database_path)
        self._reserve.keep()
        with self._database.begin() as connection:
            if get_state(connection, "snapshot_refused"):  # this kiosk may read it now
                set_state(connection, "snapshot_etag", "")
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
        if self._database is None or self._timer is None:
            return
        with self._database.begin() as connection:
            outbox.release_waiting(connection)
        self._failures = 0
        self._timer.start(0)

    @Slot()
    def stop(self) -> None:
        if self._timer is not None:
            self._timer.stop()
        if self._client is not None:
            self._client.close()
        if self._database is not None:  # the kiosk keeps running only if it starts again
            self._database.close()
            self._database = None

    @Slot()
    def cycle(self) -> None:
        assert self._database is not None and self._timer is not None
        enrolment = self._enrolment()
        if enrolment is None:
            self.stateChanged.emit(SyncState.NOT_ENROLLED)
            self._report_counts()
            self._timer.start(self._poll_ms)
            return
        client = self._client_of(enrolment)
        self.stateChanged.emit(SyncState.SYNCING)
        try:
            self._push(client, enrolment.station_id)
            try:
                with collector_paused():
                    stored = self._pull(client, enrolment.station_id)
                if stored:  # its document and objects are freed now: give their pages back
                    give_back_freed_memory()
            except Exception as error:
                if not is_disk_full(error):
                    raise
                # The station shown stays; the heartbeat still tells the server why.
                log.error("disk full: the station snapshot was not stored")
            self._heartbeat(client, enrolment.station_id)
        except Unreachable as error:
            self._failures += 1
            delay = self._timing.retry_delay(self._failures)
            log.info(
                "sync retry %d, cause %s (%s); next try in %.1f s",
                self._failures, error.cause, error, delay,
            )  # fmt: skip
            self._write(self._count_retry, error.cause, needed=False)
            self.stateChanged.emit(SyncState.OFFLINE)
            self._timer.start(int(delay * 1000))
        except NotEnrolled as error:
            log.warning("the server does not accept this kiosk: %s", error)
            self.stateChanged.emit(SyncState.NOT_ENROLLED)
            self._timer.start(self._poll_ms)
        except Refused as error:
            log.error("the server refused a request: %s", error)
            self.stateChanged.emit(SyncState.OFFLINE)
            self._timer.start(self._poll_ms)
        except Exception:
            # Never let one bad cycle end syncing for good: say it, and try again later.
            self._failures += 1
            log.exception("sync failed unexpectedly")
            self.stateChanged.emit(SyncState.OFFLINE)
            self._timer.start(int(self._timing.retry_delay(self._failures) * 1000))
        else:
            self._failures = 0
            self.stateChanged.emit(SyncState.ONLINE)
            wait = PHOTO_NEXT_PAGE_MS if self._photos_pending else self._poll_ms
            self._timer.start(wait)
            self._reserve.keep()  # again, once there is room
        self._report_counts()

    @staticmethod
    def _count_retry(connection: Connection, cause: str) -> None:
        set_state(
            connection, "retry_counts", count_retry(get_state(connection, "retry_counts"), cause)
        )

    def _write(self, work: Callable[..., None], *args: object, needed: bool = True) -> None:
        """One write transaction; on a full disk, release the reserve and try once more.
        When it still fails and the write is not `needed`, go on without it."""
        assert self._database is not None
        for last in (False, True):
            try:
                with self._database.begin() as connection:
                    work(connection, *args)
                return
            except Exception as error:
                if not is_disk_full(error):
                    raise
                if last or not self._reserve.release():
                    if needed:
                        raise
                    log.error("disk full: %s", error)
                    return

    # --- the work --------------------------------------------------------------------------

    def look_up(self, code: str, last4: str) -> dict:
        """Ask the server about a code (on the caller's thread, with a client of its own and
        short timeouts: a visitor is waiting). Raises SyncError when it cannot be asked."""
        if self._database is None:
            raise Unreachable("not started")
        enrolment = self._enrolment()
        if enrolment is None:
            raise Unreachable("not enrolled")
        client = CentralClient(
            enrolment.server_url,
            enrolment.device_token,
            timeout=(3, 10),
            **self._tls,
        )
        try:
            return client.look_up(enrolment.station_id, code, last4)
        finally:
            client.close()

    def _enrolment(self) -> EnrolmentRow | None:
        assert self._database is not None
        with self._database.read() as connection:
            return load_enrolment(connection, self._database_path)  # token from its own file

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
        assert self._database is not None
        while True:
            now = self._now()
            with self._database.read() as connection:
                batch = outbox.due_batch(connection, now, BATCH)
            if not batch:
                return
            # Fail first: if we die while sending, the items wait their turn, not loop. On a
            # full disk this count may be lost; the send must not depend on it.
            retry_at = now + timedelta(seconds=self._timing.earliest_retry(self._failures + 1))
            ids = [item.id for item in batch]
            self._write(outbox.note_attempt, ids, retry_at, needed=False)
            payloads = [item.payload for item in batch]
            results = client.post_events(station_id, payloads)
            sent, quarantined = [], []
            for item, result in zip(batch, results, strict=True):
                status = result.get("status") if isinstance(result, dict) else None
                if not isinstance(result, dict) or result.get("uuid") != item.item_uuid:
                    raise Unreachable(
                        "the server's results do not match the events sent", "cut_off"
                    )
                if status in ("created", "duplicate"):
                    sent.append(item)
                elif status in ("invalid", "conflict"):
                    reason = f"{status}: {result.get('reason', '')}"
                    log.warning("outbox item %s quarantined (%s)", item.id, reason)
                    quarantined.append((item.id, reason))
                else:
                    raise Unreachable(f"unknown result status {status!r}", "cut_off")
            self._write(self._record_results, sent, quarantined)

    def _record_results(self, connection: Connection, sent: list, quarantined: list) -> None:
        for item_id, reason in quarantined:
            outbox.quarantine(connection, item_id, reason)
        outbox.mark_sent(connection, sent, self._now())

    def _pull(self, client: CentralClient, station_id: str) -> bool:
        """Pull the station's snapshot; True if a new one was stored."""
        assert self._database is not None
        with self._database.read() as connection:
            etag = get_state(connection, "snapshot_etag")
            # The document behind that ETag, if kept: the server may then send what changed.
            cursor = etag.strip('"') if etag else ""
            kept = bool(cursor) and kept_cursor(connection) == cursor
        answer = client.snapshot(station_id, etag, since=cursor if kept else None)
        now = self._now().isoformat()
        if answer is None:
            with self._database.begin() as connection:
                set_state(connection, "last_pull", now)
            return False
        document, new_etag = answer
        if isinstance(document, dict) and "delta_from" in document:
            try:
                document = apply_snapshot_delta(self._kept_document(), document)
            except InvalidDelta as error:
                # Never a station other than the server's: the whole document instead.
                log.warning("a snapshot delta did not apply (%s): pulling the whole", error)
                answer = client.snapshot(station_id, None)
                if answer is None:
                    raise Unreachable("no snapshot without an ETag", "cut_off") from None
                document, new_etag = answer
        try:
            snapshot = snapshot_from_document(document)
        except InvalidSnapshot as error:
            # Keep showing the last good station. Its ETag is kept, so the same document is
            # not downloaded again at every poll (a corrected one comes with another ETag; a
            # newer kiosk tries again at its start); the admin panel and heartbeat say why.
            log.error("refused the server's station snapshot: %s", error)
            with self._database.begin() as connection:
                set_state(connection, "snapshot_etag", new_etag)
                forget_delta_base(connection)
                set_state(connection, "snapshot_refused", str(error))
                set_state(connection, "last_pull", now)
            return False
        missing = self._fetch_photos(client, document)
        complete = not missing
        # The station's parts as the server sent them (its one copy on this kiosk), and the
        # rest: together the base of the next delta, which must give exactly the document
        # its new cursor names. With photos still to fetch, none is kept and the next poll
        # asks for the whole document again.
        station, rest = split_document(document)
        cursor = rest.pop("cursor", None)
        keep = complete and isinstance(cursor, str)
        with self._database.begin() as connection:
            store_station(
                connection,
                station,
                missing_photos=missing,
                cursor=cursor if keep else "",
                rest=rest if keep else None,
            )
            apply_extras(connection, document, now)
            set_state(connection, "snapshot_etag", new_etag if complete else "")
            set_state(connection, "snapshot_refused", "")
            set_state(connection, "last_pull", now)
        self._photos_pending = not complete
        self.snapshotApplied.emit(without_photos(snapshot, missing))
        return True

    def _kept_document(self) -> dict:
        assert self._database is not None
        with self._database.read() as connection:
            document = delta_base(connection)
        if document is None:
            raise InvalidDelta("no document kept")
        return document

    def _fetch_photos(self, client: CentralClient, document: dict) -> set[str]:
        """Download photos not yet here, at most `PHOTO_PAGE` a cycle; photo names are the
        server's content hashes (a deputy's `photo`, the name in its `photo_url`). A deputy
        whose photo is still to come shows without one. Returns the names still missing."""
        missing = set()
        fetched = 0
        self._photo_dir.mkdir(parents=True, exist_ok=True)
        for deputy in document.get("deputies", []):
            url = deputy.get("photo_url")
            if isinstance(url, str) and url:
                target = self._photo_dir / Path(url).name
                if not target.exists() and fetched < PHOTO_PAGE:
                    data = client.photo(url)
                    temporary = target.with_suffix(".part")
                    temporary.write_bytes(data)
                    os.replace(temporary, target)
                    fetched += 1
                if not target.exists():
                    missing.add(deputy.get("photo") or target.name)
        station = document.get("station")
        url = station.get("photo_url") if isinstance(station, dict) else None
        marker = self._photo_dir / STATION_PHOTO_MARKER
        name = ""
        if isinstance(url, str) and url:
            target = self._photo_dir / Path(url).name
            if not target.exists() and fetched < PHOTO_PAGE:
                data = client.photo(url)
                temporary = target.with_suffix(".part")
                temporary.write_bytes(data)
                os.replace(temporary, target)
            if target.exists():
                name = target.name
            else:
                missing.add(target.name)
        # The station page reads which file is the station's photo ("" for none).
        temporary = marker.with_suffix(".part")
        temporary.write_text(name)
        os.replace(temporary, marker)
        return missing

    def _heartbeat(self, client: CentralClient, station_id: str) -> None:
        assert self._database is not None
        with self._database.read() as connection:
            counts = outbox.counts(connection)
            quarantined = outbox.quarantined_items(connection)
            last_pull = get_state(connection, "last_pull")
            refused = get_state(connection, "snapshot_refused")
            retries = read_retries(get_state(connection, "retry_counts"))
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
                # Why the server refused them, so a technician sees it without a visit.
                "quarantined_items": quarantined,
                "disk_free_bytes": shutil.disk_usage(self._database_path.parent).free,
                # New appeals are refused on this kiosk until someone frees space.
                "disk_low": below_floor(self._database_path.parent),
                # Why the station shown is not the server's latest ("" when it is).
                "snapshot_refused": (refused or "")[:300],
                "clock": self._now().astimezone().isoformat(),
                # Syncs retried since the kiosk was installed, by cause (a flaky line shows).
                "retries": retries,
            },
        )

    def _report_counts(self) -> None:
        assert self._database is not None
        with self._database.read() as connection:
            counts = outbox.counts(connection)
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
