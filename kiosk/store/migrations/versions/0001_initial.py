# SPDX-License-Identifier: GPL-3.0-or-later
"""Station, deputies, reception schedules, notices, appeals and the outbox.

Revision ID: 0001
Revises:
Create Date: 2026-11-22
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
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
    op.create_table(
        "station_rule",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column(
            "station_id",
            sa.String(64),
            sa.ForeignKey("station.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("title", sa.String(200), nullable=False),
        sa.Column("body", sa.Text, nullable=False),
    )
    op.create_table(
        "notice",
        sa.Column("id", sa.String(64), primary_key=True),
        sa.Column(
            "station_id",
            sa.String(64),
            sa.ForeignKey("station.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("title", sa.String(200), nullable=False),
        sa.Column("body", sa.Text, nullable=False),
        sa.Column("published_on", sa.Date, nullable=False),
    )
    op.create_table(
        "deputy",
        sa.Column("id", sa.String(64), primary_key=True),
        sa.Column(
            "station_id",
            sa.String(64),
            sa.ForeignKey("station.id", ondelete="CASCADE"),
            nullable=False,
        ),
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
    )
    op.create_table(
        "reception_schedule",
        sa.Column("id", sa.String(64), primary_key=True),
        sa.Column(
            "station_id",
            sa.String(64),
            sa.ForeignKey("station.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("title", sa.String(200), nullable=False),
        sa.Column("theme", sa.String(200), nullable=False),
        sa.Column("place", sa.String(200), nullable=False),
        sa.Column("rule", sa.Text, nullable=False),
        sa.Column("start_time", sa.String(5), nullable=False),
        sa.Column("end_time", sa.String(5), nullable=False),
        sa.Column("deputy_ids", sa.JSON, nullable=False),
        sa.Column("per_occurrence", sa.Integer, nullable=True),
    )
    op.create_table(
        "appeal",
        sa.Column("uuid", sa.String(36), primary_key=True),
        sa.Column("tracking_code", sa.String(9), nullable=False, unique=True),
        sa.Column("station_id", sa.String(64), nullable=False),
        sa.Column("category", sa.String(100), nullable=False),
        sa.Column("block", sa.String(200), nullable=False),
        sa.Column("target_deputy_id", sa.String(64), nullable=True),
        sa.Column("sealed", sa.LargeBinary, nullable=True),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.Column("state", sa.String(32), nullable=False),
    )
    op.create_table(
        "outbox",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("kind", sa.String(32), nullable=False),
        sa.Column("item_uuid", sa.String(36), nullable=False),
        sa.Column("payload", sa.LargeBinary, nullable=False),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.Column("attempts", sa.Integer, nullable=False),
        sa.Column("next_attempt_at", sa.DateTime, nullable=True),
        sa.Column("sent_at", sa.DateTime, nullable=True),
        sa.Column("quarantined_reason", sa.Text, nullable=True),
        sa.UniqueConstraint("kind", "item_uuid"),
    )
    op.create_index("ix_outbox_pending", "outbox", ["sent_at", "quarantined_reason", "id"])


def downgrade() -> None:
    for table in ("outbox", "appeal", "reception_schedule", "deputy", "notice", "station_rule"):
        op.drop_table(table)
    op.drop_table("station")
