# SPDX-License-Identifier: GPL-3.0-or-later
"""The staff console: regions, accounts, sessions, departments, audit log, call-back notes

Revision ID: 0005_console
Revises: 0004_attendance
Create Date: 2026-12-02 18:07:22.757871
"""

import sqlalchemy as sa
from alembic import op

revision = "0005_console"
down_revision = "0004_attendance"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "region",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("parent_id", sa.Integer(), nullable=True),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("level", sa.String(length=16), nullable=False),
        sa.ForeignKeyConstraint(
            ["parent_id"],
            ["region.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("region", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_region_parent_id"), ["parent_id"], unique=False)

    op.create_table(
        "department",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("region_id", sa.Integer(), nullable=True),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.ForeignKeyConstraint(
            ["region_id"],
            ["region.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("region_id", "name"),
    )
    op.create_table(
        "account",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("login", sa.String(length=64), nullable=False),
        sa.Column("display_name", sa.String(length=100), nullable=False),
        sa.Column("mobile", sa.String(length=32), nullable=False),
        sa.Column("role", sa.String(length=16), nullable=False),
        sa.Column("region_id", sa.Integer(), nullable=True),
        sa.Column("station_id", sa.String(length=64), nullable=True),
        sa.Column("deputy_id", sa.String(length=64), nullable=True),
        sa.Column("password_hash", sa.String(length=200), nullable=False),
        sa.Column("must_change_password", sa.Boolean(), nullable=False),
        sa.Column("failures", sa.Integer(), nullable=False),
        sa.Column("locked_until", sa.DateTime(timezone=True), nullable=True),
        sa.Column("lockouts", sa.Integer(), nullable=False),
        sa.Column("disabled_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("last_login_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["region_id"],
            ["region.id"],
        ),
        sa.ForeignKeyConstraint(
            ["station_id"],
            ["station.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("login"),
    )
    op.create_table(
        "audit_entry",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("account_id", sa.Integer(), nullable=True),
        sa.Column("login", sa.String(length=64), nullable=False),
        sa.Column("action", sa.String(length=32), nullable=False),
        sa.Column("target", sa.String(length=64), nullable=False),
        sa.Column("detail", sa.Text(), nullable=False),
        sa.Column("address", sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(
            ["account_id"],
            ["account.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("audit_entry", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_audit_entry_at"), ["at"], unique=False)

    op.create_table(
        "console_session",
        sa.Column("token_hash", sa.String(length=64), nullable=False),
        sa.Column("account_id", sa.Integer(), nullable=False),
        sa.Column("csrf", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("last_seen_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("address", sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(["account_id"], ["account.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("token_hash"),
    )
    op.create_table(
        "callback_note",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("appeal_id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("account_id", sa.Integer(), nullable=False),
        sa.Column("outcome", sa.String(length=16), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["account_id"],
            ["account.id"],
        ),
        sa.ForeignKeyConstraint(["appeal_id"], ["appeal.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("callback_note", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_callback_note_appeal_id"), ["appeal_id"], unique=False)

    with op.batch_alter_table("appeal", schema=None) as batch_op:
        batch_op.add_column(sa.Column("assigned_deputy_id", sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column("department_id", sa.Integer(), nullable=True))
        batch_op.add_column(
            sa.Column("callback_status", sa.String(length=16), server_default="", nullable=False)
        )
        batch_op.create_index("ix_appeal_due", ["due_on", "id"], unique=False)
        batch_op.create_index("ix_appeal_mobile", ["contact_mobile"], unique=False)
        batch_op.create_index("ix_appeal_station_due", ["station_id", "due_on", "id"], unique=False)
        batch_op.create_foreign_key("fk_appeal_department", "department", ["department_id"], ["id"])

    with op.batch_alter_table("appeal_step", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("internal_note", sa.Text(), server_default="", nullable=False)
        )
        batch_op.add_column(sa.Column("account_id", sa.Integer(), nullable=True))
        batch_op.create_index(batch_op.f("ix_appeal_step_appeal_id"), ["appeal_id"], unique=False)
        batch_op.create_foreign_key("fk_appeal_step_account", "account", ["account_id"], ["id"])

    with op.batch_alter_table("station", schema=None) as batch_op:
        batch_op.add_column(sa.Column("region_id", sa.Integer(), nullable=True))
        batch_op.create_index(batch_op.f("ix_station_region_id"), ["region_id"], unique=False)
        batch_op.create_foreign_key("fk_station_region", "region", ["region_id"], ["id"])


def downgrade() -> None:
    with op.batch_alter_table("station") as batch_op:
        batch_op.drop_constraint("fk_station_region", type_="foreignkey")
        batch_op.drop_index("ix_station_region_id")
        batch_op.drop_column("region_id")
    with op.batch_alter_table("appeal_step") as batch_op:
        batch_op.drop_constraint("fk_appeal_step_account", type_="foreignkey")
        batch_op.drop_index("ix_appeal_step_appeal_id")
        batch_op.drop_column("account_id")
        batch_op.drop_column("internal_note")
    with op.batch_alter_table("appeal") as batch_op:
        batch_op.drop_constraint("fk_appeal_department", type_="foreignkey")
        batch_op.drop_index("ix_appeal_station_due")
        batch_op.drop_index("ix_appeal_mobile")
        batch_op.drop_index("ix_appeal_due")
        batch_op.drop_column("callback_status")
        batch_op.drop_column("department_id")
        batch_op.drop_column("assigned_deputy_id")
    for table in ("callback_note", "console_session", "audit_entry", "account", "department"):
        op.drop_table(table)
    op.drop_table("region")
