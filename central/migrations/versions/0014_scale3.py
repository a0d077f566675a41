# SPDX-License-Identifier: GPL-3.0-or-later
"""When an appeal was finished (issue 18): a station's snapshot lists its open appeals and
those finished in the last N days, found by index instead of by walking every appeal the
station ever had; and the month's figures find the month's appeals by index too.

Revision ID: 0014_scale3
Revises: 0013_snapshot_store
Create Date: 2026-12-03
"""

import sqlalchemy as sa
from alembic import op

revision = "0014_scale3"
down_revision = "0013_snapshot_store"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("appeal") as table:
        table.add_column(sa.Column("finished_at", sa.DateTime(timezone=True), nullable=True))
    # A finished appeal's last step is the one that finished it (closed, rated or rejected).
    op.execute(
        "UPDATE appeal SET finished_at = COALESCE("
        "(SELECT max(appeal_step.at) FROM appeal_step WHERE appeal_step.appeal_id = appeal.id),"
        " appeal.created_at) WHERE appeal.state IN ('closed', 'rated', 'rejected')"
    )
    op.create_index("ix_appeal_station_finished", "appeal", ["station_id", "finished_at"])
    op.create_index("ix_appeal_station_created", "appeal", ["station_id", "created_at"])


def downgrade() -> None:
    op.drop_index("ix_appeal_station_created", "appeal")
    op.drop_index("ix_appeal_station_finished", "appeal")
    with op.batch_alter_table("appeal") as table:
        table.drop_column("finished_at")
