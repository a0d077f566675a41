# SPDX-License-Identifier: GPL-3.0-or-later
"""The central server the station kiosks sync with (FastAPI), and its admin command line."""
