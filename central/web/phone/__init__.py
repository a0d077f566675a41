# SPDX-License-Identifier: GPL-3.0-or-later
"""The pages a phone opens from a QR code (docs/phone-pages.md): pages.py the routes,
text.py their words in Chinese and English."""
