# SPDX-License-Identifier: GPL-3.0-or-later
"""Deputies' names in Pinyin, from the server, for search by letters (issue 16 §5).

Revision ID: 0006_deputy_pinyin
Revises: 0005_attendance
Create Date: 2026-12-02
"""

import sqlalchemy as sa
from alembic import op

revision = "0006_deputy_pinyin"
down_revision = "0005_attendance"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("deputy") as table:
        table.add_column(sa.Column("pinyin", sa.JSON, nullable=False, server_default="[]"))


def downgrade() -> None:
    with op.batch_alter_table("deputy") as table:
        table.drop_column("pinyin")
