# SPDX-License-Identifier: GPL-3.0-or-later
"""Test-wide setup: real Qt offscreen, only the fonts the kiosk ships, a private Pinyin folder."""

import os
import tempfile
from pathlib import Path

import pytest

_SCRATCH = Path(tempfile.mkdtemp(prefix="kiosk-tests-"))

# Before Qt starts (this file is imported before any test module).
os.environ["QT_QPA_PLATFORM"] = "offscreen"
os.environ["QT_IM_MODULE"] = "qtvirtualkeyboard"
# The Pinyin engine learns into $XDG_CONFIG_HOME: keep it out of the user's home.
os.environ["XDG_CONFIG_HOME"] = str(_SCRATCH / "config")
# A fontconfig that knows no system fonts: Chinese must render with the font the kiosk ships,
# as on a fresh machine, even where the machine has CJK fonts installed.
_FONTS_CONF = _SCRATCH / "fonts.conf"
_FONTS_CONF.write_text(
    '<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n'
    f"<fontconfig><cachedir>{_SCRATCH / 'fontconfig-cache'}</cachedir></fontconfig>\n",
    encoding="utf-8",
)
os.environ["FONTCONFIG_FILE"] = str(_FONTS_CONF)


@pytest.fixture(scope="session")
def qapp_cls():
    from PySide6.QtGui import QGuiApplication

    return QGuiApplication
