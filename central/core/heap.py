# SPDX-License-Identifier: GPL-3.0-or-later
"""The heap a server process builds while it starts (modules, routes, templates: some
400,000 objects) is kept for the life of the process, yet every full pass of Python's cyclic
collector walked all of it again: 150-190 ms in the middle of a request, the console's slowest
answers (docs/performance.md). Once the server is up, that heap is set aside (`gc.freeze`),
so a full pass walks only what requests made since."""

from __future__ import annotations

import gc


def settle() -> None:
    """Collect what start-up left behind, then keep the rest out of later collections."""
    gc.collect()
    gc.freeze()


def render() -> list[str]:
    """The collector's figures for /metrics: what a full pass walks, what is set aside."""
    stats = gc.get_stats()
    lines = [
        "# HELP central_gc_tracked_objects Objects a full collection walks in this process.",
        "# TYPE central_gc_tracked_objects gauge",
        f"central_gc_tracked_objects {len(gc.get_objects())}",
        "# HELP central_gc_frozen_objects Start-up objects kept out of collections.",
        "# TYPE central_gc_frozen_objects gauge",
        f"central_gc_frozen_objects {gc.get_freeze_count()}",
        "# HELP central_gc_collections_total Collections run, by generation.",
        "# TYPE central_gc_collections_total counter",
    ]
    for generation, row in enumerate(stats):
        lines.append(
            f'central_gc_collections_total{{generation="{generation}"}} {row["collections"]}'
        )
    return lines
