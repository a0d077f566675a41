# SPDX-License-Identifier: GPL-3.0-or-later
"""What the kiosk does for a visitor or a deputy, one call each: submit an appeal, a call-back
or an appointment request and get its receipt; sign a deputy in and out; record a reception;
answer an appointment; look up progress.

A service owns its database transactions (kiosk.store.database), the choice of the key
personal data is sealed to (`sealing`) and the links a receipt carries (`links`). No Qt here:
the UI objects (kiosk/ui) call these, on a pool thread where the work is more than a moment
(kiosk/ui/offthread.py), and only adapt the results for QML. Layers (pyproject.toml,
import-linter): ui → services → sync/store → domain.
"""
