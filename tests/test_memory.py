# SPDX-License-Identifier: GPL-3.0-or-later
"""Freed C heap goes back to the system (kiosk.memory, issue 12 §2)."""

import sys
from pathlib import Path

import pytest

from kiosk.memory import give_back_freed_memory


def rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise AssertionError("no VmRSS")


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="glibc's malloc_trim")
def test_freed_heap_pages_between_live_objects_go_back_to_the_system():
    # 40 MB in 1 KB blocks (glibc's heap, not Python's small-object arenas), then all freed
    # but one in 64: the heap cannot shrink from its top, its free pages stay resident.
    blocks = [bytes(1024) + bytes([i % 256]) for i in range(40_000)]
    kept = blocks[::64]
    del blocks
    before = rss_mb()
    assert give_back_freed_memory()
    assert before - rss_mb() > 20, "the free pages stayed resident"
    assert len(kept) == 625
