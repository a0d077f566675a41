# SPDX-License-Identifier: GPL-3.0-or-later
"""The station snapshot stored once: one row of `station_snapshot` holding its document
(kiosk.domain.snapshot's wire form), instead of the station, rule, notice, deputy,
reception_schedule, holiday and holiday_year tables, a copy in the sync state and station.json
(issue 19 §5, docs/decisions.md).

The station a kiosk shows is carried over: its document is the one the sync state kept as the
base of the next delta when there is one (exactly the server's, PIN hashes included), or else
is made here from the tables (with the PIN hashes they held), so an upgraded kiosk shows its
station, and its deputies sign in, before its first pull.

Revision ID: 0008_station_snapshot_row
Revises: 0007_contact_checks
Create Date: 2026-12-03
"""

import json
from typing import Any

import sqlalchemy as sa
from alembic import op

revision = "0008_station_snapshot_row"
down_revision = "0007_contact_checks"
branch_labels = None
depends_on = None

STATION_PARTS = ("format", "station", "deputies", "schedules", "holidays", "holiday_years")
OLD_TABLES = (
    "reception_schedule",
    "deputy",
    "notice",
    "station_rule",
    "station",
    "holiday",
    "holiday_year",
)


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def _rows(connection: sa.Connection, query: str, **values: Any) -> list[dict[str, Any]]:
    return [dict(row._mapping) for row in connection.execute(sa.text(query), values)]


def _loads(value: Any, default: Any) -> Any:
    return json.loads(value) if isinstance(value, str) and value else default


def _kept_document(connection: sa.Connection) -> tuple[dict[str, Any], str] | None:
    """The document the sync state kept as the base of the next delta, and its cursor."""
    state = {
        row["key"]: row["value"]
        for row in _rows(
            connection,
            "SELECT key, value FROM sync_state"
            " WHERE key IN ('snapshot_document', 'snapshot_document_cursor')",
        )
    }
    cursor = state.get("snapshot_document_cursor") or ""
    try:
        document = json.loads(state.get("snapshot_document") or "")
    except ValueError:
        return None
    if not cursor or not isinstance(document, dict) or document.get("cursor") != cursor:
        return None
    return document, cursor


def _document_from_tables(connection: sa.Connection) -> dict[str, Any] | None:
    """The station's document as the tables of 0007 hold it (None without a station)."""
    stations = _rows(connection, "SELECT * FROM station LIMIT 1")
    if not stations:
        return None
    station = stations[0]
    where = {"station": station["id"]}
    rules = _rows(
        connection,
        "SELECT title, body FROM station_rule WHERE station_id = :station ORDER BY position",
        **where,
    )
    notices = _rows(
        connection,
        "SELECT id, title, body, published_on FROM notice WHERE station_id = :station"
        " ORDER BY position",
        **where,
    )
    deputies = _rows(
        connection, "SELECT * FROM deputy WHERE station_id = :station ORDER BY position", **where
    )
    schedules = _rows(
        connection,
        "SELECT * FROM reception_schedule WHERE station_id = :station ORDER BY position",
        **where,
    )
    holidays = _rows(connection, "SELECT day, kind, name FROM holiday ORDER BY day")
    years = [row["year"] for row in _rows(connection, "SELECT year FROM holiday_year")]
    return {
        "format": 1,
        "station": {
            "id": station["id"],
            "kind": station["kind"],
            "name": station["name"],
            "address": station["address"],
            "hours": station["hours"],
            "phone": station["phone"],
            "intro": station["intro"],
            "rules": rules,
            "notices": [{**n, "published_on": str(n["published_on"])} for n in notices],
            "figures": {
                "opinions_collected": station["opinions_collected"],
                "problems_solved": station["problems_solved"],
                "satisfaction": station["satisfaction"],
            },
        },
        "deputies": [
            {
                "id": d["id"],
                "name": d["name"],
                "levels": [level for level in d["levels"].split(",") if level],
                "constituency": d["constituency"],
                "blocks": _loads(d["blocks"], []),
                "phone": d["phone"],
                "occupation": d["occupation"],
                "bio": d["bio"],
                "photo": d["photo"],
                "qr_url": d["qr_url"],
                "pinyin": _loads(d["pinyin"], []),
                "pin_hash": d["pin_hash"],
            }
            for d in deputies
        ],
        "schedules": [
            {
                "id": s["id"],
                "title": s["title"],
                "rule": s["rule"],
                "start": s["start_time"],
                "end": s["end_time"],
                "deputy_ids": _loads(s["deputy_ids"], []),
                "per_occurrence": s["per_occurrence"],
                "theme": s["theme"],
                "place": s["place"],
                "rotation": s["rotation"],
                "roster": _loads(s["roster"], {}),
                "invited": _loads(s["invited"], []),
                "on_holiday": s["on_holiday"],
                "changes": _loads(s["changes"], []),
            }
            for s in schedules
        ],
        "holidays": [
            {"date": str(h["day"]), "kind": h["kind"], "name": h["name"]} for h in holidays
        ],
        "holiday_years": sorted(years),
    }


def upgrade() -> None:
    connection = op.get_bind()
    kept = _kept_document(connection)
    document, cursor, rest = None, "", ""
    if kept is not None:
        whole, cursor = kept
        document = {key: value for key, value in whole.items() if key in STATION_PARTS}
        rest = _json({k: v for k, v in whole.items() if k not in STATION_PARTS and k != "cursor"})
    else:
        document = _document_from_tables(connection)
    op.create_table(
        "station_snapshot",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("document", sa.Text, nullable=False),
        sa.Column("missing_photos", sa.Text, nullable=False),
        sa.Column("cursor", sa.String(100), nullable=False),
        sa.Column("rest", sa.Text, nullable=False),
    )
    if document is not None:
        connection.execute(
            sa.text(
                "INSERT INTO station_snapshot (id, document, missing_photos, cursor, rest)"
                " VALUES (1, :document, '[]', :cursor, :rest)"
            ),
            {"document": _json(document), "cursor": cursor, "rest": rest},
        )
    op.execute(
        "DELETE FROM sync_state WHERE key IN ('snapshot_document', 'snapshot_document_cursor')"
    )
    for table in OLD_TABLES:
        op.drop_table(table)
    # secure_delete (kiosk.store.database) zeroes what these statements free in the file.


def downgrade() -> None:
    """The tables of 0007 come back empty: the station comes back with the next pull."""
    op.drop_table("station_snapshot")
    op.execute("DELETE FROM sync_state WHERE key = 'snapshot_etag'")
    op.create_table(
        "station",
        sa.Column("id", sa.String(64), primary_key=True),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("address", sa.Text, nullable=False),
        sa.Column("hours", sa.Text, nullable=False),
        sa.Column("phone", sa.String(64), nullable=False),
        sa.Column("intro", sa.Text, nullable=False),
        sa.Column("opinions_collected", sa.Integer, nullable=False),
        sa.Column("problems_solved", sa.Integer, nullable=False),
        sa.Column("satisfaction", sa.Float, nullable=True),
    )
    station_id = sa.Column(
        "station_id", sa.String(64), sa.ForeignKey("station.id", ondelete="CASCADE"), nullable=False
    )
    op.create_table(
        "station_rule",
        sa.Column("id", sa.Integer, primary_key=True),
        station_id.copy(),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("title", sa.String(200), nullable=False),
        sa.Column("body", sa.Text, nullable=False),
    )
    op.create_table(
        "notice",
        sa.Column("id", sa.String(64), primary_key=True),
        station_id.copy(),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("title", sa.String(200), nullable=False),
        sa.Column("body", sa.Text, nullable=False),
        sa.Column("published_on", sa.Date, nullable=False),
    )
    op.create_table(
        "deputy",
        sa.Column("id", sa.String(64), primary_key=True),
        station_id.copy(),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("name", sa.String(100), nullable=False),
        sa.Column("levels", sa.String(100), nullable=False),
        sa.Column("constituency", sa.String(200), nullable=False),
        sa.Column("blocks", sa.JSON, nullable=False),
        sa.Column("phone", sa.String(64), nullable=False),
        sa.Column("occupation", sa.String(200), nullable=False),
        sa.Column("bio", sa.Text, nullable=False),
        sa.Column("photo", sa.String(200), nullable=False),
        sa.Column("qr_url", sa.String(500), nullable=False),
        sa.Column("pin_hash", sa.String(200), nullable=True),
        sa.Column("pinyin", sa.JSON, nullable=False, server_default="[]"),
    )
    op.create_table(
        "reception_schedule",
        sa.Column("id", sa.String(64), primary_key=True),
        station_id.copy(),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("title", sa.String(200), nullable=False),
        sa.Column("theme", sa.String(200), nullable=False),
        sa.Column("place", sa.String(200), nullable=False),
        sa.Column("rule", sa.Text, nullable=False),
        sa.Column("start_time", sa.String(5), nullable=False),
        sa.Column("end_time", sa.String(5), nullable=False),
        sa.Column("deputy_ids", sa.JSON, nullable=False),
        sa.Column("per_occurrence", sa.Integer, nullable=True),
        sa.Column("rotation", sa.String(16), nullable=False),
        sa.Column("roster", sa.JSON, nullable=False),
        sa.Column("invited", sa.JSON, nullable=False),
        sa.Column("changes", sa.JSON, nullable=False),
        sa.Column("on_holiday", sa.String(8), nullable=False),
    )
    op.create_table(
        "holiday",
        sa.Column("day", sa.Date, primary_key=True),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("name", sa.String(100), nullable=False),
    )
    op.create_table("holiday_year", sa.Column("year", sa.Integer, primary_key=True))
