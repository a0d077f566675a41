# SPDX-License-Identifier: GPL-3.0-or-later
"""Duty deputies: attendance, wrong PINs (lockouts survive a restart), reception records.

Revision ID: 0005_attendance
Revises: 0002
Create Date: 2026-11-22
"""

import sqlalchemy as sa
from alembic import op

revision = "0005_attendance"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "attendance",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("uuid", sa.String(36), nullable=False, unique=True),
        sa.Column("deputy_id", sa.String(64), nullable=False),
        sa.Column("action", sa.String(16), nullable=False),
        sa.Column("reason", sa.String(16), nullable=False),
        sa.Column("at", sa.DateTime, nullable=False),
    )
    op.create_index("ix_attendance_deputy_id", "attendance", ["deputy_id"])
    op.create_index("ix_attendance_at", "attendance", ["at"])
    op.create_table(
        "pin_failure",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("deputy_id", sa.String(64), nullable=False),
        sa.Column("failed_at", sa.DateTime, nullable=False),
        sa.Column("cleared", sa.Boolean, nullable=False),
    )
    op.create_index("ix_pin_failure_deputy_id", "pin_failure", ["deputy_id"])
    op.create_index("ix_pin_failure_failed_at", "pin_failure", ["failed_at"])
    op.create_table(
        "reception_record",
        sa.Column("uuid", sa.String(36), primary_key=True),
        sa.Column("deputy_id", sa.String(64), nullable=False),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.Column("visitors", sa.Integer, nullable=False),
        sa.Column("topic", sa.String(100), nullable=False),
        sa.Column("tracking_codes", sa.JSON, nullable=False),
    )
    op.create_index("ix_reception_record_created_at", "reception_record", ["created_at"])


def downgrade() -> None:
    op.drop_table("reception_record")
    op.drop_table("pin_failure")
    op.drop_table("attendance")
