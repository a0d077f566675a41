# SPDX-License-Identifier: GPL-3.0-or-later
"""Touchscreen kiosk for people's-congress deputy liaison stations (家站点)."""

__version__ = "0.1.0"
