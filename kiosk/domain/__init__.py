# SPDX-License-Identifier: GPL-3.0-or-later
"""The station's concepts in pure Python: no Qt, no SQL."""
