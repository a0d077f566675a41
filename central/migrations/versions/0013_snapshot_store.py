# SPDX-License-Identifier: GPL-3.0-or-later
"""Snapshot documents kept in the database (issue 18): shared by every server process,
kept across restarts, and the base of the deltas kiosks pull since their cursor

Revision ID: 0013_snapshot_store
Revises: 0012_publishing
Create Date: 2026-12-03
"""

import sqlalchemy as sa
from alembic import op

revision = "0013_snapshot_store"
down_revision = "0012_publishing"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "snapshot_document",
        sa.Column(
            "station_id",
            sa.String(64),
            sa.ForeignKey("station.id", ondelete="CASCADE"),
            primary_key=True,
        ),
        sa.Column("cursor", sa.String(64), primary_key=True),
        sa.Column("key", sa.String(32), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("body", sa.LargeBinary(), nullable=False),
        sa.Column("built_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index(
        "ix_snapshot_document_current", "snapshot_document", ["station_id", "key", "revision"]
    )


def downgrade() -> None:
    op.drop_index("ix_snapshot_document_current", "snapshot_document")
    op.drop_table("snapshot_document")
