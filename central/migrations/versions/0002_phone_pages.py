# SPDX-License-Identifier: GPL-3.0-or-later
"""Phone pages: appointments, appeals without a kiosk event, callback requests, lookup lockouts

Revision ID: 0002_phone_pages
Revises: 0001
Create Date: 2026-11-22 13:30:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0002_phone_pages"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # SQLite cannot alter a column in place: batch mode copies the table.
    with op.batch_alter_table("appeal") as batch:
        batch.alter_column("event_id", existing_type=sa.Integer(), nullable=True)
        batch.add_column(
            sa.Column("request", sa.String(length=16), server_default="appeal", nullable=False)
        )
    op.create_table(
        "appointment",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("event_id", sa.Integer(), nullable=True),
        sa.Column("station_id", sa.String(length=64), nullable=False),
        sa.Column("code", sa.String(length=16), nullable=False),
        sa.Column("deputy_id", sa.String(length=64), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("schedule_id", sa.String(length=64), nullable=True),
        sa.Column("channel", sa.String(length=16), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("state", sa.String(length=16), nullable=False),
        sa.Column("contact_name", sa.String(length=100), nullable=False),
        sa.Column("contact_mobile", sa.String(length=32), nullable=False),
        sa.Column("topic", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(["event_id"], ["event.id"]),
        sa.ForeignKeyConstraint(["station_id"], ["station.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("code"),
        sa.UniqueConstraint("event_id"),
    )
    op.create_index("ix_appointment_station_id", "appointment", ["station_id"])
    op.create_table(
        "appointment_step",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("appointment_id", sa.Integer(), nullable=False),
        sa.Column("state", sa.String(length=16), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("actor", sa.String(length=100), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(["appointment_id"], ["appointment.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_appointment_step_appointment_id", "appointment_step", ["appointment_id"])
    op.create_table(
        "lookup_guard",
        sa.Column("code", sa.String(length=16), nullable=False),
        sa.Column("failures", sa.Integer(), nullable=False),
        sa.Column("locked_until", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("code"),
    )


def downgrade() -> None:
    op.drop_table("lookup_guard")
    op.drop_table("appointment_step")
    op.drop_table("appointment")
    with op.batch_alter_table("appeal") as batch:
        batch.drop_column("request")
        batch.alter_column("event_id", existing_type=sa.Integer(), nullable=False)
