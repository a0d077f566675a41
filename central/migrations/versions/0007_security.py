# SPDX-License-Identifier: GPL-3.0-or-later
"""Security review (issue 17): lookup lockouts counted per (address, code) and per code in
bounded, self-cleaning windows, replacing lookup_guard

Revision ID: 0007_security
Revises: 0006_deputy_pinyin
Create Date: 2026-12-03
"""

import sqlalchemy as sa
from alembic import op

revision = "0007_security"
down_revision = "0006_deputy_pinyin"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "lookup_failure",
        sa.Column("key", sa.String(length=64), nullable=False),
        sa.Column("slot", sa.Integer(), nullable=False),
        sa.Column("failures", sa.Integer(), nullable=False),
        sa.Column("expires", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("key", "slot"),
    )
    op.create_index("ix_lookup_failure_expires", "lookup_failure", ["expires"])
    # Lockouts in progress are forgotten (at most 15 minutes of them).
    op.drop_table("lookup_guard")


def downgrade() -> None:
    op.create_table(
        "lookup_guard",
        sa.Column("code", sa.String(length=16), nullable=False),
        sa.Column("failures", sa.Integer(), nullable=False),
        sa.Column("locked_until", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("code"),
    )
    op.drop_index("ix_lookup_failure_expires", table_name="lookup_failure")
    op.drop_table("lookup_failure")
