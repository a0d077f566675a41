# SPDX-License-Identifier: GPL-3.0-or-later
"""Request counts and latencies per route, for /metrics in Prometheus' text format
(docs/deploy-central.md, Monitoring). Counted in this process: each server instance is
scraped on its own port. Routes are their templates (/api/v1/stations/{station_id}/snapshot),
never a path with an id or code in it; nothing about visitors is recorded."""

from __future__ import annotations

import threading
import time
from collections import defaultdict
from typing import Any

# Seconds. Polls answer in milliseconds; a storm or a slow database shows in the upper ones.
BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0)


class RequestMetrics:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._counts: dict[tuple[str, str, int], int] = defaultdict(int)
        # (method, route) -> per-bucket counts, then the sum and the count.
        self._latency: dict[tuple[str, str], list[float]] = {}

    def observe(self, method: str, route: str, status: int, seconds: float) -> None:
        with self._lock:
            self._counts[(method, route, status)] += 1
            row = self._latency.setdefault((method, route), [0.0] * (len(BUCKETS) + 2))
            for i, bound in enumerate(BUCKETS):
                if seconds <= bound:
                    row[i] += 1
            row[-2] += seconds
            row[-1] += 1

    def render(self) -> list[str]:
        with self._lock:
            counts = sorted(self._counts.items())
            latency = sorted((k, list(v)) for k, v in self._latency.items())
        lines = [
            "# HELP central_http_requests_total HTTP requests answered, by route and status.",
            "# TYPE central_http_requests_total counter",
        ]
        for (method, route, status), number in counts:
            labels = f'method="{method}",route="{_escape(route)}",status="{status}"'
            lines.append(f"central_http_requests_total{{{labels}}} {number}")
        lines += [
            "# HELP central_http_request_seconds Time to answer, by route.",
            "# TYPE central_http_request_seconds histogram",
        ]
        for (method, route), row in latency:
            labels = f'method="{method}",route="{_escape(route)}"'
            for bound, count in zip(BUCKETS, row, strict=False):
                lines.append(
                    f'central_http_request_seconds_bucket{{{labels},le="{bound}"}} {count:g}'
                )
            lines.append(f'central_http_request_seconds_bucket{{{labels},le="+Inf"}} {row[-1]:g}')
            lines.append(f"central_http_request_seconds_sum{{{labels}}} {row[-2]:.6f}")
            lines.append(f"central_http_request_seconds_count{{{labels}}} {row[-1]:g}")
        return lines


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace('"', '\\"')


class MetricsMiddleware:
    """Times every HTTP request and counts it under its route's template (pure ASGI: ~µs)."""

    def __init__(self, app: Any, metrics: RequestMetrics) -> None:
        self.app = app
        self.metrics = metrics

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        start = time.perf_counter()
        status = 500

        async def sending(message: dict[str, Any]) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
            await send(message)

        try:
            await self.app(scope, receive, sending)
        finally:
            self.metrics.observe(scope["method"], route_template(scope), status,
                                 time.perf_counter() - start)  # fmt: skip


def route_template(scope: dict[str, Any]) -> str:
    """The path with each path parameter's value put back as {name} (a route included with a
    prefix knows only its own part of the path); "unmatched" for no route (404s)."""
    if scope.get("route") is None:
        return "unmatched"
    names = {str(value): name for name, value in (scope.get("path_params") or {}).items()}
    return "/".join(
        f"{{{names[part]}}}" if part in names else part for part in scope["path"].split("/")
    )
