# SPDX-License-Identifier: GPL-3.0-or-later
"""Publishing from the console (issue 15 §1): a station's photo

Revision ID: 0011_publishing
Revises: 0010_fleet
Create Date: 2026-12-03
"""

import sqlalchemy as sa
from alembic import op

revision = "0011_publishing"
down_revision = "0010_fleet"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("station") as batch:
        batch.add_column(sa.Column("photo_sha256", sa.String(64), nullable=True))
        batch.create_foreign_key("fk_station_photo", "photo", ["photo_sha256"], ["sha256"])


def downgrade() -> None:
    with op.batch_alter_table("station") as batch:
        batch.drop_constraint("fk_station_photo", type_="foreignkey")
        batch.drop_column("photo_sha256")
