# SPDX-License-Identifier: GPL-3.0-or-later
"""The kiosk's local SQLite store: models, migrations, repositories and the outbox."""
