# SPDX-License-Identifier: GPL-3.0-or-later
"""The deputy's workspace: hand-over sign-in codes, internal notes, referral proposals, and
indexes for "my items" and the duty record (issue 14 §1)

Revision ID: 0009_deputy
Revises: 0008_notify
Create Date: 2026-12-03
"""

import sqlalchemy as sa
from alembic import op

revision = "0009_deputy"
down_revision = "0008_notify"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "sign_in_link",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code_hash", sa.String(length=64), nullable=False),
        sa.Column("account_id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("created_by", sa.Integer(), nullable=True),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("used_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(["account_id"], ["account.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["created_by"], ["account.id"]),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("code_hash"),
    )
    with op.batch_alter_table("sign_in_link") as batch_op:
        batch_op.create_index("ix_sign_in_link_account_id", ["account_id"])
    op.create_table(
        "appeal_note",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("appeal_id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("account_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(["appeal_id"], ["appeal.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["account_id"], ["account.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("appeal_note") as batch_op:
        batch_op.create_index("ix_appeal_note_appeal_id", ["appeal_id"])
    op.create_table(
        "referral_proposal",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("appeal_id", sa.Integer(), nullable=False),
        sa.Column("department_id", sa.Integer(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("proposed_by", sa.Integer(), nullable=False),
        sa.Column("proposed_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("state", sa.String(length=16), nullable=False),
        sa.Column("decided_by", sa.Integer(), nullable=True),
        sa.Column("decided_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("answer", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(["appeal_id"], ["appeal.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["department_id"], ["department.id"]),
        sa.ForeignKeyConstraint(["proposed_by"], ["account.id"]),
        sa.ForeignKeyConstraint(["decided_by"], ["account.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("referral_proposal") as batch_op:
        batch_op.create_index("ix_referral_proposal_appeal_id", ["appeal_id"])
        batch_op.create_index("ix_referral_proposal_state", ["state"])
    with op.batch_alter_table("appeal") as batch_op:
        batch_op.create_index("ix_appeal_assigned_due", ["assigned_deputy_id", "due_on", "id"])
        batch_op.create_index("ix_appeal_target_due", ["target_deputy_id", "due_on", "id"])
    with op.batch_alter_table("appointment") as batch_op:
        batch_op.create_index("ix_appointment_deputy_day", ["deputy_id", "day"])
    with op.batch_alter_table("attendance") as batch_op:
        batch_op.create_index("ix_attendance_deputy_at", ["deputy_id", "at"])
    with op.batch_alter_table("reception_record") as batch_op:
        batch_op.create_index("ix_reception_record_deputy_at", ["deputy_id", "at"])


def downgrade() -> None:
    with op.batch_alter_table("reception_record") as batch_op:
        batch_op.drop_index("ix_reception_record_deputy_at")
    with op.batch_alter_table("attendance") as batch_op:
        batch_op.drop_index("ix_attendance_deputy_at")
    with op.batch_alter_table("appointment") as batch_op:
        batch_op.drop_index("ix_appointment_deputy_day")
    with op.batch_alter_table("appeal") as batch_op:
        batch_op.drop_index("ix_appeal_target_due")
        batch_op.drop_index("ix_appeal_assigned_due")
    op.drop_table("referral_proposal")
    op.drop_table("appeal_note")
    op.drop_table("sign_in_link")
