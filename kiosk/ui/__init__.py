# SPDX-License-Identifier: GPL-3.0-or-later
"""What QML sees: singletons, list models and image providers."""

QML_IMPORT_NAME = "KioskBackend"
QML_IMPORT_MAJOR_VERSION = 1
