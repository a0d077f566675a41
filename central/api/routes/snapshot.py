# SPDX-License-Identifier: GPL-3.0-or-later
"""A station's snapshot (ETag/304) and the deputies' photos."""

from __future__ import annotations

import asyncio
import gzip
import json
import logging
import threading
import time
from collections import deque
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import datetime
from functools import partial

from fastapi import APIRouter, HTTPException, Request, Response, status
from sqlalchemy import select
from starlette.concurrency import run_in_threadpool

from central.api.deps import CurrentDevice, SessionDep, forbidden, unauthorized
from central.core.config import CHINA_TIME
from central.core.db import Database
from central.core.security import token_hash
from central.models import Deputy, Photo, Station
from central.services import snapshot_store
from central.services.snapshot import build_document
from kiosk.domain.snapshot_delta import snapshot_delta

router = APIRouter(tags=["snapshot"])
log = logging.getLogger(__name__)

MEDIA_TYPES = {
    "jpg": "image/jpeg",
    "jpeg": "image/jpeg",
    "png": "image/png",
    "webp": "image/webp",
    "svg": "image/svg+xml",
}


# The document's build: bump it when build_document gives another document for the same data,
# so that documents kept in the database by an older server are not served again.
BUILD = 1


@dataclass(frozen=True)
class CachedSnapshot:
    revision: int
    etag: str
    body: bytes
    # The same body gzipped once (every kiosk's HTTP client accepts it: requests does).
    gzipped: bytes
    # Built by this process now (False: read from the documents kept in the database).
    built: bool = True

    @property
    def cursor(self) -> str:
        return self.etag.strip('"')


class SnapshotCache:
    """The last document per station, valid while the station's revision is unchanged.

    Polls (hundreds a second across stations) then cost one indexed read, not a rebuild. A
    build is shared: requests that find no entry while one is being built for the same
    station and revision wait for that one (single-flight), so 2,000 kiosks reconnecting at
    once cost one build per station in each server process, not one per kiosk. Built
    documents are also kept in the database (services.snapshot_store), so another process,
    or this one restarted, reads them instead of building them again.
    """

    def __init__(self) -> None:
        self._entries: dict[str, CachedSnapshot] = {}
        self._building: dict[tuple[str, int], asyncio.Future[CachedSnapshot]] = {}
        self._lock = threading.Lock()
        # The last few documents per station (the bases of deltas), and deltas made.
        self._recent: dict[str, deque[CachedSnapshot]] = {}
        self._deltas: dict[tuple[str, str, str], bytes | None] = {}
        # Documents are written to the database one at a time, off the requests' path.
        self._saver = ThreadPoolExecutor(1, thread_name_prefix="snapshot-save")
        self.builds = 0  # how many documents this process built (metrics, tests)

    def latest(self, station_id: str) -> CachedSnapshot | None:
        """The station's entry whatever its revision (None: none in this process yet)."""
        return self._entries.get(station_id)

    def get(self, station_id: str, revision: int) -> CachedSnapshot | None:
        entry = self._entries.get(station_id)
        return entry if entry is not None and entry.revision == revision else None

    def put(self, station_id: str, entry: CachedSnapshot) -> None:
        with self._lock:
            current = self._entries.get(station_id)
            if current is None or current.revision <= entry.revision:
                self._entries[station_id] = entry

    def remember(self, station_id: str, entry: CachedSnapshot) -> None:
        """Keep `entry` among the station's recent documents (bases of deltas)."""
        with self._lock:
            recent = self._recent.setdefault(station_id, deque(maxlen=4))
            if all(old.cursor != entry.cursor for old in recent):
                recent.append(entry)

    def recent(self, station_id: str, cursor: str) -> CachedSnapshot | None:
        with self._lock:
            return next((e for e in self._recent.get(station_id, ()) if e.cursor == cursor), None)

    def save_later(self, save: Callable[[], None]) -> None:
        self._saver.submit(_quietly, save)

    async def get_or_build(
        self, key: str, revision: int, build: Callable[[], CachedSnapshot]
    ) -> CachedSnapshot:
        """The entry for `key` at `revision`, built once (in a worker thread) if missing."""
        entry = self.get(key, revision)
        if entry is not None:
            return entry
        flight = (key, revision)
        waiting = self._building.get(flight)
        if waiting is not None:  # on the event loop: no lock needed between get and set
            return await asyncio.shield(waiting)
        future: asyncio.Future[CachedSnapshot] = asyncio.get_running_loop().create_future()
        self._building[flight] = future
        try:
            entry = await run_in_threadpool(build)
            self.builds += entry.built
            self.put(key, entry)
            future.set_result(entry)
            return entry
        except BaseException as error:
            future.set_exception(error)
            future.exception()  # retrieved: no "never retrieved" warning without waiters
            raise
        finally:
            del self._building[flight]

    async def delta(
        self, station_id: str, base_cursor: str, entry: CachedSnapshot, database: Database
    ) -> bytes | None:
        """The gzipped delta from the station's document `base_cursor` to `entry`, or None
        when that document is not kept any more (or the delta is no smaller)."""
        flight = (station_id, base_cursor, entry.cursor)
        if flight not in self._deltas:
            made = await run_in_threadpool(
                self._make_delta, station_id, base_cursor, entry, database
            )
            with self._lock:
                if len(self._deltas) > 1000:
                    self._deltas.clear()
                self._deltas[flight] = made
        return self._deltas[flight]

    def _make_delta(
        self, station_id: str, base_cursor: str, entry: CachedSnapshot, database: Database
    ) -> bytes | None:
        kept = self.recent(station_id, base_cursor)
        if kept is not None:
            base_body = kept.body
        else:
            gzipped = snapshot_store.load_document(database, station_id, base_cursor)
            if gzipped is None:
                return None
            base_body = gzip.decompress(gzipped)
        delta = snapshot_delta(json.loads(base_body), json.loads(entry.body))
        body = json.dumps(delta, ensure_ascii=False, separators=(",", ":")).encode()
        gzipped = gzip.compress(body, 6, mtime=0)
        return gzipped if len(gzipped) < len(entry.gzipped) else None


def _quietly(save: Callable[[], None]) -> None:
    """A cache write: if it fails (the database busy, another process wrote the same
    document first), the document is built again when next needed."""
    try:
        save()
    except Exception as error:  # noqa: BLE001 - a cache; said in the log, never raised
        log.info("a snapshot document was not kept: %s", error)


def etag_matches(if_none_match: str | None, etag: str) -> bool:
    if not if_none_match:
        return False
    tags = [tag.strip().removeprefix("W/") for tag in if_none_match.split(",")]
    return "*" in tags or etag in tags


@router.get(
    "/stations/{station_id}/snapshot",
    responses={
        200: {"description": "The snapshot document (docs/sync-api.md), with its ETag"},
        304: {"description": "Nothing changed since the ETag sent in If-None-Match"},
        401: {"description": "Unknown or revoked device token"},
        403: {"description": "Another station's snapshot"},
    },
    # The headers are read by hand below; this keeps them in the OpenAPI description.
    openapi_extra={
        "security": [{"HTTPBearer": []}],
        "parameters": [
            {
                "name": "If-None-Match",
                "in": "header",
                "required": False,
                "schema": {"type": "string"},
                "description": "The ETag of the kiosk's copy",
            }
        ],
    },
)
async def read_snapshot(station_id: str, request: Request) -> Response:
    # Async, without dependencies to solve: kiosks poll this all day. The token check (one
    # indexed read) and building a changed document run in worker threads, so a slow
    # database never stalls the event loop; an unchanged station then costs that one read.
    began = time.perf_counter()
    database: Database = request.app.state.database
    scheme, _, token = request.headers.get("authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not token:
        raise unauthorized()
    cache: SnapshotCache = request.app.state.snapshots
    settings = request.app.state.settings
    # The month's figures change at midnight on the 1st, and the duty console's colours
    # (deputy_work) every midnight, without a revision: a new entry each day.
    key = f"{datetime.now(CHINA_TIME):%Y-%m-%d}/{BUILD}"
    cache_key = f"{station_id} {key}"
    # This process's first request for the station today (after a restart, a reconnect
    # storm): the token check also reads the kept document, in the same statement.
    access = await run_in_threadpool(
        token_and_kept_document,
        database,
        token_hash(token.strip()),
        key if cache.latest(cache_key) is None else None,
    )
    if access is None:
        raise unauthorized()
    device_station, revision, kept = access
    if device_station != station_id:
        raise forbidden()
    if kept is not None:
        cache.put(cache_key, kept)
    checked = time.perf_counter()
    entry = await cache.get_or_build(
        cache_key,
        revision,
        partial(
            _load_or_build,
            cache,
            database,
            station_id,
            key,
            revision,
            request.app.state.public_url,
            settings.snapshot_appeal_days,
        ),
    )
    cache.remember(station_id, entry)
    got = time.perf_counter()
    headers = {"ETag": entry.etag, "Cache-Control": "no-cache", "Vary": "Accept-Encoding"}

    def timing() -> str:
        # The server's own time for this answer (token check, document, all), for the
        # benchmarks and the browser's tools: the client's time adds the network and itself.
        return (
            f"token;dur={(checked - began) * 1000:.1f}, doc;dur={(got - checked) * 1000:.1f}, "
            f"app;dur={(time.perf_counter() - began) * 1000:.1f}"
        )

    if etag_matches(request.headers.get("if-none-match"), entry.etag):
        headers["Server-Timing"] = timing()
        return Response(status_code=status.HTTP_304_NOT_MODIFIED, headers=headers)
    body, gzipped = entry.body, entry.gzipped
    # A kiosk that keeps its last document names its cursor: what changed since, if that
    # document is still known here (else, and for older kiosks, the whole document).
    since = request.query_params.get("since", "")
    if since and since != entry.cursor and len(since) <= 64:
        delta = await cache.delta(station_id, since, entry, database)
        if delta is not None:
            body, gzipped = b"", delta
    headers["Server-Timing"] = timing()
    if accepts_gzip(request.headers.get("accept-encoding", "")):
        headers["Content-Encoding"] = "gzip"
        return Response(gzipped, media_type="application/json", headers=headers)
    return Response(
        body or gzip.decompress(gzipped), media_type="application/json", headers=headers
    )


def accepts_gzip(accept_encoding: str) -> bool:
    for part in accept_encoding.lower().split(","):
        name, _, quality = part.strip().partition(";")
        if name.strip() in ("gzip", "*"):
            return quality.strip().replace(" ", "") not in ("q=0", "q=0.0", "q=0.00", "q=0.000")
    return False


def token_and_kept_document(
    database: Database, hashed: str, key: str | None
) -> tuple[str, int, CachedSnapshot | None] | None:
    """(station, revision, its kept document for `key` if asked and kept) for a device's
    token hash, else None: one statement (Database.device_access)."""
    access = database.device_access(hashed, key)
    if access is None:
        return None
    station_id, revision, kept = access
    if kept is None:
        return station_id, revision, None
    cursor, gzipped = kept
    return (
        station_id,
        revision,
        CachedSnapshot(revision, f'"{cursor}"', gzip.decompress(gzipped), gzipped, False),
    )


def _load_or_build(
    cache: SnapshotCache,
    database: Database,
    station_id: str,
    key: str,
    revision: int,
    public_url: str,
    appeal_days: int,
) -> CachedSnapshot:
    """The station's document at `revision`: kept in the database by any process, or built
    (and then kept, off this request's path)."""
    kept = snapshot_store.load_current(database, station_id, key, revision)
    if kept is not None:
        cursor, gzipped = kept
        return CachedSnapshot(revision, f'"{cursor}"', gzip.decompress(gzipped), gzipped, False)
    entry = _build(database, station_id, public_url, appeal_days)
    cache.save_later(
        partial(
            snapshot_store.save,
            database,
            station_id,
            key,
            entry.revision,
            entry.cursor,
            entry.gzipped,
        )
    )
    return entry


def _build(
    database: Database, station_id: str, public_url: str, appeal_days: int
) -> CachedSnapshot:
    with database.reader() as session:
        station = session.get(Station, station_id)
        if station is None:  # deleted since the poll began
            raise HTTPException(status.HTTP_404_NOT_FOUND, "This station no longer exists.")
        document = build_document(session, station, public_url, appeal_days=appeal_days)
        body = json.dumps(document, ensure_ascii=False, separators=(",", ":")).encode()
        return CachedSnapshot(
            station.revision, f'"{document["cursor"]}"', body, gzip.compress(body, 6, mtime=0)
        )


@router.get(
    "/photos/{file_name}",
    responses={200: {"content": {"image/jpeg": {}}}, 404: {"description": "No such photo"}},
)
def read_photo(file_name: str, device: CurrentDevice, session: SessionDep) -> Response:
    sha256, _, extension = file_name.partition(".")
    # Only photos of the device's own station's deputies, or of the station itself.
    photo = session.scalars(
        select(Photo)
        .join(Deputy, Deputy.photo_sha256 == Photo.sha256)
        .where(Photo.sha256 == sha256, Deputy.station_id == device.station_id)
        .limit(1)
    ).one_or_none()
    station = session.get(Station, device.station_id)
    if photo is None and station is not None and station.photo_sha256 == sha256:
        photo = session.get(Photo, sha256)
    if photo is None or photo.extension != extension:
        raise HTTPException(status.HTTP_404_NOT_FOUND, "No such photo.")
    return Response(
        photo.content,
        media_type=MEDIA_TYPES.get(extension, "application/octet-stream"),
        headers={"Cache-Control": "private, max-age=31536000, immutable"},
    )
