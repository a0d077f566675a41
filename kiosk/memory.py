# SPDX-License-Identifier: GPL-3.0-or-later
"""Give the C library's freed heap back to the system (issue 12 §2).

A pull parses and stores the station's snapshot: hundreds of kilobytes of short-lived
objects on the sync worker's thread, between the GUI thread's and the thread pool's. glibc
keeps what they freed in each thread's arena for the next allocation, and over months of
pulls the free pages spread through the arenas: the kiosk's resident memory creeps up while
the memory in use stays flat (bench/endurance.py, docs/performance.md). `malloc_trim(0)`
hands the free pages of every arena back; it takes a few milliseconds and is called on the
worker's thread after a pull that stored something. Elsewhere than glibc it does nothing.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import functools
import logging
import sys

log = logging.getLogger(__name__)


@functools.cache
def _trim() -> ctypes._CFuncPtr | None:  # type: ignore[name-defined]
    if not sys.platform.startswith("linux"):
        return None
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
        trim = libc.malloc_trim  # glibc only (musl has none)
    except (OSError, AttributeError):
        return None
    trim.argtypes = [ctypes.c_size_t]
    trim.restype = ctypes.c_int
    return trim  # type: ignore[no-any-return]


def give_back_freed_memory() -> bool:
    """Return the C heap's free pages to the system; False where there is no way to."""
    trim = _trim()
    if trim is None:
        return False
    trim(0)
    return True
