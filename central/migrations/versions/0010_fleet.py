# SPDX-License-Identifier: GPL-3.0-or-later
"""The kiosk fleet's alerts, and when a visitor's personal data was erased (issue 15 §3, §4)

Revision ID: 0010_fleet
Revises: 0009_deputy
Create Date: 2026-12-03
"""

import sqlalchemy as sa
from alembic import op

revision = "0010_fleet"
down_revision = "0009_deputy"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "kiosk_alert",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "device_id",
            sa.String(36),
            sa.ForeignKey("device.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("fired_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("cleared_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("message", sa.Text(), nullable=False, server_default=""),
    )
    op.create_index("ix_kiosk_alert_open", "kiosk_alert", ["device_id", "kind", "cleared_at"])
    for table in ("appeal", "appointment"):
        with op.batch_alter_table(table) as batch:
            batch.add_column(sa.Column("personal_erased_at", sa.DateTime(timezone=True)))


def downgrade() -> None:
    for table in ("appeal", "appointment"):
        with op.batch_alter_table(table) as batch:
            batch.drop_column("personal_erased_at")
    op.drop_index("ix_kiosk_alert_open", "kiosk_alert")
    op.drop_table("kiosk_alert")
