# SPDX-License-Identifier: GPL-3.0-or-later
"""Charts drawn on the server as inline SVG (issue 15 §2): no script, no library, no CDN, and
the page's CSP needs nothing more. The numbers are also in the tables beside them; each chart
carries a <title> and <desc> for screen readers."""

from __future__ import annotations

from html import escape

RED = "#b3261e"
GREEN = "#1a7f37"
GRID = "#e4ded5"
INK = "#57606a"
FONT = 'font-family="Noto Sans CJK SC, Microsoft YaHei, sans-serif"'


def _nice_top(value: int) -> int:
    """A round upper bound for an axis of 4 equal steps, each 1, 2, 2.5 or 5 times a power of ten:
    5 → 8 (steps of 2), 37 → 40, 120 → 200, 1000 → 1000."""
    power = 1
    while True:
        for step in (1, 2, 2.5, 5) if power >= 10 else (1, 2, 5):
            if value <= 4 * step * power:
                return int(4 * step * power)
        power *= 10


def trend_chart(
    months: list[tuple[str, int, int]], *, title: str, received: str, solved: str
) -> str:
    """Two lines per month, received and solved (12 months). Width scales to its box."""
    width, height = 520, 240
    left, right, top, bottom = 40, 14, 30, 34
    peak = _nice_top(max([1] + [max(r, s) for _, r, s in months]))
    span_x = (width - left - right) / max(1, len(months) - 1)
    span_y = height - top - bottom

    def x(i: int) -> float:
        return left + i * span_x

    def y(v: int) -> float:
        return top + span_y - v * span_y / peak

    parts = [
        f'<svg class="chart" id="trend-chart" viewBox="0 0 {width} {height}" role="img" '
        f'xmlns="http://www.w3.org/2000/svg" {FONT} font-size="13">',
        f"<title>{escape(title)}</title>",
        "<desc>"
        + escape("; ".join(f"{m}: {received} {r}, {solved} {s}" for m, r, s in months))
        + "</desc>",
    ]
    for k in range(5):
        value = peak * k // 4  # peak is a multiple of 4
        parts.append(
            f'<line x1="{left}" x2="{width - right}" y1="{y(value):.1f}" y2="{y(value):.1f}" '
            f'stroke="{GRID}"/><text x="{left - 6}" y="{y(value) + 4:.1f}" text-anchor="end" '
            f'fill="{INK}">{value}</text>'
        )
    for i, (month, _, _) in enumerate(months):
        label = month[5:].lstrip("0") + "月" if i else month.replace("-", ".")
        parts.append(
            f'<text x="{x(i):.1f}" y="{height - bottom + 18}" text-anchor="middle" '
            f'fill="{INK}">{escape(label)}</text>'
        )
    for values, colour in (([r for _, r, _ in months], RED), ([s for _, _, s in months], GREEN)):
        points = " ".join(f"{x(i):.1f},{y(v):.1f}" for i, v in enumerate(values))
        parts.append(
            f'<polyline points="{points}" fill="none" stroke="{colour}" stroke-width="2.5"/>'
        )
        for i, v in enumerate(values):
            parts.append(f'<circle cx="{x(i):.1f}" cy="{y(v):.1f}" r="3" fill="{colour}"/>')
    # The legend, top left.
    for n, (colour, label) in enumerate(((RED, received), (GREEN, solved))):
        lx = left + n * 110
        parts.append(
            f'<rect x="{lx}" y="8" width="14" height="4" fill="{colour}"/>'
            f'<text x="{lx + 20}" y="14" fill="#1f2328">{escape(label)}</text>'
        )
    parts.append("</svg>")
    return "".join(parts)


def bar_chart(bars: list[tuple[str, int, int]], *, title: str, received: str, solved: str) -> str:
    """A bar per station (or region, or deputy): received, with the solved part darker.
    Horizontal, so long Chinese names fit and a phone shows it as well as a desktop."""
    row, label_width, width = 26, 130, 520
    height = 30 + row * max(1, len(bars))
    peak = _nice_top(max([1] + [r for _, r, _ in bars]))
    span = width - label_width - 50
    parts = [
        f'<svg class="chart" id="bar-chart" viewBox="0 0 {width} {height}" role="img" '
        f'xmlns="http://www.w3.org/2000/svg" {FONT} font-size="13">',
        f"<title>{escape(title)}</title>",
        "<desc>"
        + escape("; ".join(f"{name}: {received} {r}, {solved} {s}" for name, r, s in bars))
        + "</desc>",
    ]
    for n, (colour, label) in enumerate(((RED + "55", received), (RED, solved))):
        lx = label_width + n * 110
        parts.append(
            f'<rect x="{lx}" y="6" width="14" height="10" fill="{colour}"/>'
            f'<text x="{lx + 20}" y="15" fill="#1f2328">{escape(label)}</text>'
        )
    for i, (name, got, done) in enumerate(bars):
        top = 26 + i * row
        shown = name if len(name) <= 9 else name[:8] + "…"
        parts.append(
            f'<text x="{label_width - 8}" y="{top + 15}" text-anchor="end" fill="#1f2328">'
            f"{escape(shown)}</text>"
            f'<rect x="{label_width}" y="{top + 3}" width="{got * span / peak:.1f}" '
            f'height="16" fill="{RED}55"/>'
            f'<rect x="{label_width}" y="{top + 3}" width="{done * span / peak:.1f}" '
            f'height="16" fill="{RED}"/>'
            f'<text x="{label_width + got * span / peak + 6:.1f}" y="{top + 15}" '
            f'fill="{INK}">{got}</text>'
        )
    parts.append("</svg>")
    return "".join(parts)
