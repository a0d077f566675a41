# SPDX-License-Identifier: GPL-3.0-or-later
"""The on-screen keyboard's memory: it must not keep what visitors typed (issue 16).

Every visitor text field carries `Qt.ImhSensitiveData`, which turns the Pinyin engine's
learning off; this removes what an older kiosk version learned into the user dictionary.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QStandardPaths

log = logging.getLogger(__name__)


def learned_words_file() -> Path:
    """Where Qt's Pinyin engine keeps the words it learned (its user dictionary)."""
    config = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.ConfigLocation)
    return Path(config) / "qtvirtualkeyboard" / "pinyin" / "usr_dict.dat"


def forget_learned_words() -> None:
    """Delete the Pinyin user dictionary, if any (it may hold earlier visitors' names)."""
    path = learned_words_file()
    try:
        path.unlink(missing_ok=True)
    except OSError as error:
        log.warning("cannot remove the keyboard's learned words (%s)", error.strerror)
