# SPDX-License-Identifier: GPL-3.0-or-later
"""The kiosk's local SQLite store: plain sqlite3: rows, migrations, repositories and the outbox."""
