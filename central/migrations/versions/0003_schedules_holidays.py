# SPDX-License-Identifier: GPL-3.0-or-later
"""Schedules: rotations, invited departments, changed occurrences, holiday behaviour; holiday
overrides and covered years; the stations' calendar feed token.

Revision ID: 0003
Revises: 0001
Create Date: 2026-11-22
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002_phone_pages"
branch_labels = None
depends_on = None

SCHEDULE_COLUMNS = (
    ("rotation", sa.String(16), "list"),
    ("roster", sa.JSON(), "{}"),
    ("invited", sa.JSON(), "[]"),
    ("changes", sa.JSON(), "[]"),
    ("on_holiday", sa.String(8), "flag"),
)


def upgrade() -> None:
    # server_default fills existing rows; it is dropped after, as the models set every value.
    with op.batch_alter_table("schedule") as batch:
        for name, kind, default in SCHEDULE_COLUMNS:
            batch.add_column(sa.Column(name, kind, nullable=False, server_default=default))
    with op.batch_alter_table("schedule") as batch:
        for name, _, _ in SCHEDULE_COLUMNS:
            batch.alter_column(name, server_default=None)
    with op.batch_alter_table("holiday") as batch:
        batch.add_column(sa.Column("manual", sa.Boolean(), nullable=False, server_default="0"))
    with op.batch_alter_table("holiday") as batch:
        batch.alter_column("manual", server_default=None)
    op.create_table(
        "holiday_year",
        sa.Column("year", sa.Integer(), nullable=False, autoincrement=False),
        sa.Column("source", sa.String(length=32), nullable=False),
        sa.PrimaryKeyConstraint("year"),
    )
    with op.batch_alter_table("station") as batch:
        batch.add_column(sa.Column("calendar_token_hash", sa.String(length=64), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("station") as batch:
        batch.drop_column("calendar_token_hash")
    op.drop_table("holiday_year")
    with op.batch_alter_table("holiday") as batch:
        batch.drop_column("manual")
    with op.batch_alter_table("schedule") as batch:
        for name, _, _ in reversed(SCHEDULE_COLUMNS):
            batch.drop_column(name)
