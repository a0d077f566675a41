# SPDX-License-Identifier: GPL-3.0-or-later
"""The console's slowest answers were the collector walking the server's whole start-up heap
(~400,000 objects, 150-190 ms) in the middle of a request (central/core/heap.py)."""

from __future__ import annotations

import re

import requests


def _metric(central, name: str) -> float:
    text = requests.get(central.url + "/metrics", timeout=30).text
    found = re.search(rf"^{re.escape(name)} ([0-9.e+]+)$", text, re.MULTILINE)
    assert found, text
    return float(found.group(1))


def test_a_full_collection_walks_what_requests_made_not_the_start_up_heap(central, kiosk):
    for _ in range(50):
        assert kiosk.snapshot().status_code in (200, 304)
        assert requests.get(central.url + "/console/login", timeout=30).status_code == 200
    frozen = _metric(central, "central_gc_frozen_objects")
    walked = _metric(central, "central_gc_tracked_objects")
    assert frozen > 100_000, "start-up's objects are still walked by every full collection"
    assert walked * 4 < frozen, f"a full collection walks {walked:g} objects"
    assert _metric(central, 'central_gc_collections_total{generation="2"}') >= 1
