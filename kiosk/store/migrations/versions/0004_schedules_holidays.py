# SPDX-License-Identifier: GPL-3.0-or-later
"""Reception schedules: rotations, invited departments, changed occurrences, holiday
behaviour; the holiday table and the years it covers.

Revision ID: 0004
Revises: 0002
Create Date: 2026-11-22
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003_appeal_flow"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("reception_schedule") as batch:
        batch.add_column(
            sa.Column("rotation", sa.String(16), nullable=False, server_default="list")
        )
        batch.add_column(sa.Column("roster", sa.JSON, nullable=False, server_default="{}"))
        batch.add_column(sa.Column("invited", sa.JSON, nullable=False, server_default="[]"))
        batch.add_column(sa.Column("changes", sa.JSON, nullable=False, server_default="[]"))
        batch.add_column(
            sa.Column("on_holiday", sa.String(8), nullable=False, server_default="flag")
        )
    # The defaults only fill existing rows; the models give every new row its values.
    with op.batch_alter_table("reception_schedule") as batch:
        for column in ("rotation", "roster", "invited", "changes", "on_holiday"):
            batch.alter_column(column, server_default=None)
    op.create_table(
        "holiday",
        sa.Column("day", sa.Date, primary_key=True),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("name", sa.String(100), nullable=False),
    )
    op.create_table(
        "holiday_year",
        sa.Column("year", sa.Integer, primary_key=True, autoincrement=False),
    )


def downgrade() -> None:
    op.drop_table("holiday_year")
    op.drop_table("holiday")
    with op.batch_alter_table("reception_schedule") as batch:
        for column in ("on_holiday", "changes", "invited", "roster", "rotation"):
            batch.drop_column(column)
