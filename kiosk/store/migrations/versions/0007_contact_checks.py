# SPDX-License-Identifier: GPL-3.0-or-later
"""Contact checks: the unsalted SHA-256 ones go (10,000 guesses recovered a mobile's last 4
digits in milliseconds); this kiosk's own appeals and appointments get salted argon2id ones
as they are taken; those of before are looked up through the server (docs/security.md).

Revision ID: 0007_contact_checks
Revises: 0006_deputy_pinyin
Create Date: 2026-12-02
"""

import sqlalchemy as sa
from alembic import op

revision = "0007_contact_checks"
down_revision = "0006_deputy_pinyin"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute("UPDATE appeal SET contact_check = NULL")
    op.execute("UPDATE appointment SET contact_check = NULL")
    for table in ("appeal", "appointment"):  # an argon2id hash is ~100 characters
        with op.batch_alter_table(table) as batch:
            batch.alter_column("contact_check", type_=sa.String(200), existing_nullable=True)
    with op.batch_alter_table("appeal_progress") as batch:
        batch.drop_column("contact_check")
    # secure_delete (kiosk.store.database) zeroes what these statements free in the file.


def downgrade() -> None:
    for table in ("appeal", "appointment"):
        with op.batch_alter_table(table) as batch:
            batch.alter_column("contact_check", type_=sa.String(64), existing_nullable=True)
    with op.batch_alter_table("appeal_progress") as batch:
        batch.add_column(sa.Column("contact_check", sa.String(64), nullable=True))
