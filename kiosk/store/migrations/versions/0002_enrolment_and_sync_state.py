# SPDX-License-Identifier: GPL-3.0-or-later
"""Enrolment with the central server, the sync's own state, appeal progress from the server.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-22
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "enrolment",
        sa.Column("device_id", sa.String(64), primary_key=True),
        sa.Column("device_token", sa.String(200), nullable=False),
        sa.Column("station_id", sa.String(64), nullable=False),
        sa.Column("server_url", sa.String(500), nullable=False),
        sa.Column("server_public_key", sa.String(100), nullable=False),
        sa.Column("enrolled_at", sa.DateTime, nullable=False),
    )
    op.create_table(
        "sync_state",
        sa.Column("key", sa.String(64), primary_key=True),
        sa.Column("value", sa.Text, nullable=False),
    )
    op.create_table(
        "appeal_progress",
        sa.Column("tracking_code", sa.String(9), primary_key=True),
        sa.Column("state", sa.String(32), nullable=False),
        sa.Column("due_on", sa.Date, nullable=True),
        sa.Column("steps", sa.JSON, nullable=False),
    )


def downgrade() -> None:
    op.drop_table("appeal_progress")
    op.drop_table("sync_state")
    op.drop_table("enrolment")
