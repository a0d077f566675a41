# SPDX-License-Identifier: GPL-3.0-or-later
"""Talking to the central server: the HTTP client and the sync worker (its own thread)."""
