# SPDX-License-Identifier: GPL-3.0-or-later
"""Appeal flow: lookup checks on appeals and progress, call-back requests, appointments.

Revision ID: 0003_appeal_flow
Revises: 0002
Create Date: 2026-11-22
"""

import sqlalchemy as sa
from alembic import op

revision = "0003_appeal_flow"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("appeal") as batch:
        batch.add_column(sa.Column("contact_check", sa.String(64), nullable=True))
        batch.add_column(
            sa.Column("request", sa.String(16), nullable=False, server_default="appeal")
        )
    with op.batch_alter_table("appeal_progress") as batch:
        batch.add_column(sa.Column("contact_check", sa.String(64), nullable=True))
    op.create_table(
        "appointment",
        sa.Column("code", sa.String(9), primary_key=True),
        sa.Column("uuid", sa.String(36), nullable=True),
        sa.Column("deputy_id", sa.String(64), nullable=False),
        sa.Column("date", sa.Date, nullable=False),
        sa.Column("schedule_id", sa.String(64), nullable=True),
        sa.Column("state", sa.String(16), nullable=False),
        sa.Column("contact_check", sa.String(64), nullable=True),
        sa.Column("sealed", sa.LargeBinary, nullable=True),
        sa.Column("created_at", sa.DateTime, nullable=True),
        sa.Column("steps", sa.JSON, nullable=False),
    )
    op.create_index("ix_appointment_deputy_date", "appointment", ["deputy_id", "date"])


def downgrade() -> None:
    op.drop_index("ix_appointment_deputy_date", "appointment")
    op.drop_table("appointment")
    with op.batch_alter_table("appeal_progress") as batch:
        batch.drop_column("contact_check")
    with op.batch_alter_table("appeal") as batch:
        batch.drop_column("request")
        batch.drop_column("contact_check")
