# SPDX-License-Identifier: GPL-3.0-or-later
"""Alembic environment: run on the connection the server hands over (see core.db.upgrade)."""

from alembic import context

from central.models import Base

connection = context.config.attributes["connection"]
# render_as_batch: SQLite cannot ALTER most things; Alembic copies the table instead.
context.configure(connection=connection, target_metadata=Base.metadata, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
