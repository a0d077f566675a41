# SPDX-License-Identifier: GPL-3.0-or-later
"""The figures (issue 15 §2): when an appeal was first replied to, kept on the appeal so a
region's year is one scan, and each deputy's sign-ins in order for the hours on duty

Revision ID: 0011_figures
Revises: 0010_fleet
Create Date: 2026-12-03
"""

import sqlalchemy as sa
from alembic import op

revision = "0011_figures"
down_revision = "0010_fleet"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("appeal") as batch:
        batch.add_column(sa.Column("first_replied_at", sa.DateTime(timezone=True)))
    op.execute(
        "UPDATE appeal SET first_replied_at = (SELECT min(appeal_step.at) FROM appeal_step"
        " WHERE appeal_step.appeal_id = appeal.id AND appeal_step.state = 'replied')"
    )
    op.create_index(
        "ix_attendance_station_deputy_at", "attendance", ["station_id", "deputy_id", "at"]
    )


def downgrade() -> None:
    op.drop_index("ix_attendance_station_deputy_at", "attendance")
    with op.batch_alter_table("appeal") as batch:
        batch.drop_column("first_replied_at")
