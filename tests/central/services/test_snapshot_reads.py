# SPDX-License-Identifier: GPL-3.0-or-later
"""What a snapshot costs the database (issue 18), on SQLite and on PostgreSQL: a kiosk's
first request in a server process is one statement, and a station's build does not read the
appeals it finished long ago."""

from __future__ import annotations

import gzip
import json
import uuid
from datetime import UTC, datetime, timedelta

from sqlalchemy import MetaData, event, insert, select, text

from central.api.routes.snapshot import token_and_kept_document
from central.core.config import Settings
from central.core.db import create_db_engine, upgrade
from central.core.security import token_hash
from central.models import Appeal, AppealStep, Device, Station
from central.services import snapshot_store
from central.services.appeals import fill_finished_at, move_appeal
from central.services.snapshot import build_document
from kiosk.domain.appeal_states import AppealState

NOW = datetime(2026, 12, 3, 2, 0, tzinfo=UTC)


def _station_and_device(database, station_id: str = "s1", token: str = "kiosk-token") -> None:
    with database.writer.begin() as session:
        session.add(Station(id=station_id, kind="station", name="文昌联络站", revision=3))
        session.flush()
        session.add(
            Device(
                id=f"device-{station_id}",
                station_id=station_id,
                name="一号机",
                token_hash=token_hash(token),
                enrolled_at=NOW,
            )
        )


def _counting(database) -> dict[str, int]:
    """Connections taken from the pool and statements sent through SQLAlchemy."""
    counts = {"connections": 0, "statements": 0}
    engine = database.reader.kw["bind"]

    def checkout(*_args) -> None:
        counts["connections"] += 1

    def statement(*_args) -> None:
        counts["statements"] += 1

    event.listen(engine, "checkout", checkout)
    event.listen(engine, "before_cursor_execute", statement)
    return counts


def test_a_kiosk_s_first_request_reads_its_token_and_kept_document_in_one_statement(
    fresh_database,
):
    # A restarted server process: the station's document is kept in the database; the
    # process's first request (a reconnect storm's) checks the token and gets the document.
    _station_and_device(fresh_database)
    document = {"station": {"id": "s1"}, "cursor": "c" * 64}
    body = json.dumps(document).encode()
    snapshot_store.save(fresh_database, "s1", "2026-12-03/1", 3, "c" * 64, gzip.compress(body))
    counts = _counting(fresh_database)

    station_id, revision, kept = token_and_kept_document(
        fresh_database, token_hash("kiosk-token"), "2026-12-03/1"
    )

    assert (station_id, revision) == ("s1", 3)
    assert kept is not None and kept.cursor == "c" * 64 and kept.body == body
    # One connection, one statement straight through the driver (none through the ORM).
    assert counts == {"connections": 1, "statements": 0}

    # Another day's key, or a revision not kept: the token alone, no document.
    assert (
        token_and_kept_document(fresh_database, token_hash("kiosk-token"), "2026-12-04/1")[2]
        is None
    )
    assert token_and_kept_document(fresh_database, token_hash("kiosk-token"), None) == (
        "s1",
        3,
        None,
    )
    assert token_and_kept_document(fresh_database, token_hash("unknown"), "2026-12-03/1") is None


def _old_finished_appeals(database, station_id: str, how_many: int) -> None:
    """`how_many` kiosk appeals received and closed years ago, stored in bulk."""
    rows = []
    for n in range(how_many):
        at = NOW - timedelta(days=2000 - n % 1500)
        rows.append(
            {
                "station_id": station_id,
                "tracking_code": f"OLD{n:08d}",
                "category": "交通出行",
                "channel": "kiosk",
                "created_at": at,
                "state": "closed",
                "finished_at": at + timedelta(days=5),
            }
        )
    with database.writer.begin() as session:
        session.execute(insert(Appeal), rows)
        ids = session.scalars(select(Appeal.id).where(Appeal.station_id == station_id)).all()
        session.execute(
            insert(AppealStep),
            [
                {"appeal_id": appeal_id, "state": state, "at": NOW - timedelta(days=400)}
                for appeal_id in ids
                for state in ("received", "closed")
            ],
        )
        session.execute(text("ANALYZE"))


def _rows_read(session, statement: str, parameters) -> tuple[str, int | None]:
    """The plan of `statement` on this engine, and (PostgreSQL) the appeal rows it read."""
    if session.get_bind().dialect.name == "sqlite":
        connection = session.connection().connection.driver_connection
        plan = connection.execute("EXPLAIN QUERY PLAN " + statement, parameters).fetchall()
        return "\n".join(row[-1] for row in plan), None
    cursor = session.connection().connection.driver_connection.cursor()
    cursor.execute("EXPLAIN (ANALYZE, FORMAT JSON) " + statement, parameters)
    plan = cursor.fetchone()[0][0]["Plan"]
    read, nodes, todo = 0, [], [plan]
    while todo:
        node = todo.pop()
        todo += node.get("Plans", [])
        nodes.append(
            f"{node['Node Type']} {node.get('Relation Name', '')} {node.get('Index Name', '')}"
        )
        if node.get("Relation Name") == "appeal" or str(node.get("Index Name", "")).startswith(
            "ix_appeal_"
        ):
            read += node["Actual Rows"] + node.get("Rows Removed by Filter", 0)
    return "\n".join(nodes), read


def test_a_station_s_build_does_not_read_the_appeals_it_finished_long_ago(fresh_database):
    _station_and_device(fresh_database)
    _old_finished_appeals(fresh_database, "s1", 3000)
    with fresh_database.writer.begin() as session:
        # Two open appeals, and one finished this week through the console's move.
        for n, state in enumerate(("received", "received", "closed")):
            appeal = Appeal(
                station_id="s1",
                tracking_code=f"NEW{n:08d}",
                category="交通出行",
                channel="kiosk",
                created_at=NOW - timedelta(days=10),
                state="received",
            )
            appeal.steps.append(AppealStep(state="received", at=NOW - timedelta(days=10)))
            session.add(appeal)
            if state == "closed":
                appeal.state = "replied"
                move_appeal(
                    session,
                    appeal,
                    AppealState.CLOSED,
                    note="已办结",
                    actor="staff",
                    now=NOW - timedelta(days=2),
                )
                assert appeal.finished_at == NOW - timedelta(days=2)

    statements: list[tuple[str, object]] = []
    with fresh_database.reader() as session:
        engine = session.get_bind()

        def record(_conn, _cursor, statement, parameters, _context, _many) -> None:
            if " appeal" in statement and not statement.startswith("EXPLAIN"):
                statements.append((statement, parameters))

        event.listen(engine, "before_cursor_execute", record)
        try:
            document = build_document(
                session, session.get(Station, "s1"), "https://example.cn", now=NOW
            )
        finally:
            event.remove(engine, "before_cursor_execute", record)
        codes = sorted(a["tracking_code"] for a in document["appeals"])
        assert codes == ["NEW00000000", "NEW00000001", "NEW00000002"]
        assert document["statistics"]["appeals_solved"] == 1  # the one closed this month

        assert statements
        for statement, parameters in statements:
            plan, read = _rows_read(session, statement, parameters)
            # Never the station's every appeal: only the open and the recent ones, by index.
            assert "SCAN appeal" not in plan and "Seq Scan appeal" not in plan, (statement, plan)
            assert "ix_appeal_station_id" not in plan, (statement, plan)
            assert "ix_appeal_station_due" not in plan, (statement, plan)
            if read is not None:
                assert read < 100, (statement, plan, read)


def test_the_migration_gives_finished_appeals_the_time_of_their_last_step(
    engine, tmp_path, request
):
    url = ""
    if engine == "postgresql":
        url = request.getfixturevalue("postgres").create_database(f"backfill_{uuid.uuid4().hex}")
    sql = create_db_engine(Settings(data_dir=tmp_path, database_url=url).resolved_database_url)
    upgrade(sql, "0013_snapshot_store")
    at = [NOW - timedelta(days=d) for d in (300, 200, 100)]
    with sql.begin() as connection:
        tables = MetaData()
        tables.reflect(connection, only=("station", "appeal", "appeal_step"))
        connection.execute(
            tables.tables["station"].insert(),
            {"id": "s1", "kind": "station", "name": "站", "address": "", "hours": "",
             "phone": "", "intro": "", "rules": [], "notices": [], "opinions_collected": 0,
             "problems_solved": 0, "revision": 0},
        )  # fmt: skip
        for n, state in enumerate(("closed", "received", "rejected")):
            connection.execute(
                tables.tables["appeal"].insert(),
                {"id": n + 1, "station_id": "s1", "tracking_code": f"M{n}", "category": "其他",
                 "block": "", "channel": "kiosk", "created_at": at[0], "state": state,
                 "contact_name": "", "contact_mobile": "", "text": "", "address": "",
                 "consent": True},
            )  # fmt: skip
        connection.execute(
            tables.tables["appeal_step"].insert(),
            [
                {"appeal_id": 1, "state": "received", "at": at[0], "actor": "", "note": ""},
                {"appeal_id": 1, "state": "closed", "at": at[2], "actor": "", "note": ""},
                {"appeal_id": 2, "state": "received", "at": at[1], "actor": "", "note": ""},
            ],
        )
    upgrade(sql)
    with sql.connect() as connection:
        rows = connection.execute(text("SELECT id, finished_at FROM appeal ORDER BY id")).all()
    sql.dispose()

    def utc(value):
        value = datetime.fromisoformat(value) if isinstance(value, str) else value
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)

    # Closed: its closing step; open: none; rejected without steps: when it was received.
    assert [(row[0], row[1] and utc(row[1])) for row in rows] == [
        (1, at[2]),
        (2, None),
        (3, at[0]),
    ]


def test_appeals_an_older_release_finished_get_their_finished_at_at_the_next_start(
    fresh_database,
):
    # During a rolling upgrade, a server of the previous release closes an appeal: it knows
    # no finished_at. The next start of a server of this release fills it in.
    _station_and_device(fresh_database)
    with fresh_database.writer.begin() as session:
        session.execute(
            insert(Appeal),
            [
                {"station_id": "s1", "tracking_code": code, "category": "其他",
                 "channel": "kiosk", "created_at": NOW - timedelta(days=9), "state": state}
                for code, state in (("OLDREL01", "closed"), ("OLDREL02", "assigned"))
            ],
        )  # fmt: skip
        closed = session.scalar(select(Appeal.id).where(Appeal.tracking_code == "OLDREL01"))
        session.add(AppealStep(appeal_id=closed, state="closed", at=NOW - timedelta(days=1)))
    with fresh_database.writer.begin() as session:
        session.add(Station(id="s2", kind="station", name="另一个联络站"))
    revisions = _revisions(fresh_database)
    with fresh_database.writer.begin() as session:
        assert fill_finished_at(session) == 1
    with fresh_database.reader() as session:
        found = dict(session.execute(select(Appeal.tracking_code, Appeal.finished_at)).all())
    assert found == {"OLDREL01": NOW - timedelta(days=1), "OLDREL02": None}
    # Only the station whose appeal changed has news for its kiosks.
    assert _revisions(fresh_database) == revisions | {"s1": revisions["s1"] + 1}

    # The next start finds nothing to fill: no station's document is built again.
    with fresh_database.writer.begin() as session:
        assert fill_finished_at(session) == 0
    assert _revisions(fresh_database) == revisions | {"s1": revisions["s1"] + 1}


def _revisions(database) -> dict[str, int]:
    with database.reader() as session:
        return dict(session.execute(select(Station.id, Station.revision)).all())
