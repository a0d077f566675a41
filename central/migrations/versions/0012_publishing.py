# SPDX-License-Identifier: GPL-3.0-or-later
"""Publishing from the console (issue 15 §1): a station's photo, regions' own categories,
response templates per category and step, departments' contact and liaison

Revision ID: 0012_publishing
Revises: 0011_figures
Create Date: 2026-12-03
"""

import sqlalchemy as sa
from alembic import op

revision = "0012_publishing"
down_revision = "0011_figures"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "region_category",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "region_id",
            sa.Integer(),
            sa.ForeignKey("region.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("name", sa.String(100), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.UniqueConstraint("region_id", "name"),
    )
    op.create_index("ix_region_category_region_id", "region_category", ["region_id"])
    op.create_table(
        "response_template",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "region_id",
            sa.Integer(),
            sa.ForeignKey("region.id", ondelete="CASCADE"),
            nullable=True,
        ),
        sa.Column("category", sa.String(100), nullable=False),
        sa.Column("step", sa.String(16), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
    )
    op.create_index("ix_response_template_region_id", "response_template", ["region_id"])
    with op.batch_alter_table("department") as batch:
        batch.add_column(sa.Column("contact", sa.String(200), nullable=False, server_default=""))
        batch.add_column(sa.Column("liaison", sa.String(100), nullable=False, server_default=""))
    with op.batch_alter_table("station") as batch:
        batch.add_column(sa.Column("photo_sha256", sa.String(64), nullable=True))
        batch.create_foreign_key("fk_station_photo", "photo", ["photo_sha256"], ["sha256"])


def downgrade() -> None:
    with op.batch_alter_table("department") as batch:
        batch.drop_column("liaison")
        batch.drop_column("contact")
    op.drop_index("ix_response_template_region_id", "response_template")
    op.drop_table("response_template")
    op.drop_index("ix_region_category_region_id", "region_category")
    op.drop_table("region_category")
    with op.batch_alter_table("station") as batch:
        batch.drop_constraint("fk_station_photo", type_="foreignkey")
        batch.drop_column("photo_sha256")
