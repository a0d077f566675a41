# SPDX-License-Identifier: GPL-3.0-or-later
"""Alembic environment: run on the connection the kiosk hands over (see database.upgrade)."""

from alembic import context

connection = context.config.attributes["connection"]
# render_as_batch: SQLite cannot ALTER most things; Alembic copies the table instead.
context.configure(connection=connection, target_metadata=None, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
