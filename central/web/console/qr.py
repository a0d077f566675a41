# SPDX-License-Identifier: GPL-3.0-or-later
"""QR codes on console pages, drawn as inline SVG (the page's policy loads no data: images):
the same `qrcode` library and settings as the kiosk's codes (kiosk/ui/qrcodes.py), with the
4-module quiet zone on white so a phone's camera reads it from the screen."""

from __future__ import annotations

import qrcode
from markupsafe import Markup, escape

BORDER = 4


def qr_svg(text: str, pixels: int = 240, element_id: str = "qr") -> Markup:
    code = qrcode.QRCode(border=BORDER, error_correction=qrcode.constants.ERROR_CORRECT_M)
    code.add_data(text)
    matrix = code.get_matrix()
    size = len(matrix)
    path = "".join(
        f"M{x},{y}h1v1h-1z" for y, row in enumerate(matrix) for x, dark in enumerate(row) if dark
    )
    return Markup(
        f'<svg id="{escape(element_id)}" xmlns="http://www.w3.org/2000/svg" '
        f'viewBox="0 0 {size} {size}" width="{pixels}" height="{pixels}" '
        f'shape-rendering="crispEdges" role="img" aria-label="QR">'
        f'<rect width="{size}" height="{size}" fill="#fff"/>'
        f'<path d="{path}" fill="#000"/></svg>'
    )
