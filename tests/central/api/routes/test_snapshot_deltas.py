# SPDX-License-Identifier: GPL-3.0-or-later
"""What changed since a kiosk's cursor, and documents every server process shares (issue 18):
on SQLite and on PostgreSQL."""

from __future__ import annotations

import gzip
import json
import re
import time
from datetime import UTC, datetime, timedelta

import requests

from central.launch import running_central
from central.models import Appeal, AppealStep, SnapshotDocument
from kiosk.domain.snapshot_delta import apply_snapshot_delta, document_hash
from kiosk.domain.tracking import new_tracking_code


def _appeal(station_id: str, code: str) -> Appeal:
    at = datetime.now(UTC) - timedelta(days=2)
    appeal = Appeal(
        station_id=station_id,
        tracking_code=code,
        category="交通出行",
        channel="kiosk",
        created_at=at,
        state="received",
    )
    appeal.steps.append(AppealStep(state="received", at=at, actor="kiosk"))
    return appeal


def _pull(kiosk, since: str | None = None, etag: str | None = None) -> requests.Response:
    headers = kiosk.headers | {"Accept-Encoding": "gzip"}
    if etag:
        headers["If-None-Match"] = etag
    return requests.get(
        f"{kiosk.url}/api/v1/stations/{kiosk.station_id}/snapshot",
        headers=headers,
        params={"since": since} if since else {},
        timeout=30,
        stream=True,
    )


def _read(answer: requests.Response) -> tuple[dict, int]:
    """The answer's document and its size on the wire."""
    sent = answer.raw.read(decode_content=False)
    return json.loads(gzip.decompress(sent)), len(sent)


def test_a_kiosk_naming_its_cursor_gets_only_what_changed(central, kiosk):
    codes = [new_tracking_code() for _ in range(40)]
    with central.open_database() as database, database.writer.begin() as session:
        for code in codes:
            session.add(_appeal(kiosk.station_id, code))
    first = _pull(kiosk)
    base, _ = _read(first)
    assert document_hash(base) == base["cursor"] and first.headers["ETag"] == f'"{base["cursor"]}"'

    # One appeal moves on, one is new.
    added = new_tracking_code()
    with central.open_database() as database, database.writer.begin() as session:
        moved = session.query(Appeal).filter_by(tracking_code=codes[7]).one()
        moved.state = "accepted"
        moved.steps.append(AppealStep(state="accepted", at=datetime.now(UTC), actor="staff"))
        session.add(_appeal(kiosk.station_id, added))

    whole_answer = _pull(kiosk, etag=first.headers["ETag"])  # a kiosk without deltas
    whole, whole_size = _read(whole_answer)
    assert "delta_from" not in whole and len(whole["appeals"]) == 41
    answer = _pull(kiosk, since=base["cursor"], etag=first.headers["ETag"])
    assert answer.status_code == 200 and answer.headers["ETag"] == whole_answer.headers["ETag"]
    delta, delta_size = _read(answer)
    assert delta["delta_from"] == base["cursor"] and delta["cursor"] == whole["cursor"]
    assert [a["tracking_code"] for a in delta["lists"]["appeals"]["changed"]] == [codes[7], added]
    assert delta_size < whole_size / 2
    # Applied to the kiosk's copy: exactly the whole document.
    assert apply_snapshot_delta(base, delta) == whole
    # Server-Timing says the server's own time.
    assert re.search(r"app;dur=[0-9.]+", answer.headers["Server-Timing"])

    # Unchanged since: 304 as before, cursor or not.
    assert _pull(kiosk, since=whole["cursor"], etag=answer.headers["ETag"]).status_code == 304


def test_an_unknown_or_forgotten_cursor_gets_the_whole_document(central, kiosk):
    answer = _pull(kiosk, since="0" * 64, etag='"' + "0" * 64 + '"')
    document, _ = _read(answer)
    assert answer.status_code == 200 and "delta_from" not in document
    assert document["station"]["id"] == kiosk.station_id
    # Nonsense in `since` is no error either.
    assert "delta_from" not in _read(_pull(kiosk, since="x" * 500))[0]


def test_another_server_process_serves_the_kept_document_without_building_it(
    central, kiosk, tmp_path
):
    etag = _pull(kiosk).headers["ETag"]
    cursor = etag.strip('"')

    def kept() -> bool:
        with central.open_database() as database, database.reader() as session:
            return session.get(SnapshotDocument, (kiosk.station_id, cursor)) is not None

    deadline = time.monotonic() + 20
    while not kept():  # written off the request's path
        assert time.monotonic() < deadline, "the document was not kept"
        time.sleep(0.05)
    with running_central(
        tmp_path / "second", database_url=central.database_url or _sqlite_url(central)
    ) as second:
        answer = requests.get(
            f"{second.url}/api/v1/stations/{kiosk.station_id}/snapshot",
            headers=kiosk.headers,
            timeout=30,
        )
        assert answer.status_code == 200 and answer.headers["ETag"] == etag
        metrics = requests.get(second.url + "/metrics", timeout=30).text
        assert re.search(r"^central_snapshot_builds_total 0$", metrics, re.MULTILINE)


def _sqlite_url(central) -> str:
    return f"sqlite:///{central.data_dir / 'central.sqlite3'}"
