# SPDX-License-Identifier: GPL-3.0-or-later
"""QR codes for QML: ``image://qr/<percent-encoded text>``; ``image://qrquick/...`` for the
receipt, drawn with a fixed mask so that the receipt shows sooner after "submit".

Drawn at a whole number of pixels per module with the 4-module quiet zone on white, so that
phone cameras (and zxing in the tests) read them from the screen; show with `smooth: false`.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSize, QUrl
from PySide6.QtGui import QImage
from PySide6.QtQuick import QQuickImageProvider

BORDER = 4  # modules of quiet zone, as the QR standard asks
MIN_MODULE_PIXELS = 4


def qr_image(text: str, side: int, mask_pattern: int | None = None) -> QImage:
    """A QR code of `text` as large as fits in `side` pixels (never under 4 px a module).

    `mask_pattern` None lets qrcode try all 8 masks for the most readable (~8 ms here); a
    fixed one (any is valid, ISO 18004) costs ~1.5 ms, for codes on a visitor's waiting path.
    """
    # Imported here: qrcode brings Pillow (~70 ms), which home's first frame does not need;
    # the database thread imports it once the database is open (kiosk.app.warm_up_for_gui).
    import qrcode

    code = qrcode.QRCode(
        border=BORDER,
        error_correction=qrcode.constants.ERROR_CORRECT_M,
        mask_pattern=mask_pattern,
    )
    code.add_data(text)
    matrix = code.get_matrix()
    modules = len(matrix)
    scale = max(MIN_MODULE_PIXELS, side // modules)
    width = modules * scale
    dark, light = b"\x00" * scale, b"\xff" * scale
    lines = []
    for row in matrix:
        line = b"".join(dark if cell else light for cell in row)
        lines.extend([line] * scale)
    data = b"".join(lines)
    return QImage(data, width, width, width, QImage.Format.Format_Grayscale8).copy()


class QrImageProvider(QQuickImageProvider):
    def __init__(self, mask_pattern: int | None = None) -> None:
        super().__init__(QQuickImageProvider.ImageType.Image)
        self._mask_pattern = mask_pattern

    def requestImage(self, id: str, size: QSize, requested: QSize) -> QImage:  # noqa: A002
        text = QUrl.fromPercentEncoding(QByteArray(id.encode()))
        side = min(requested.width(), requested.height()) if requested.isValid() else 0
        return qr_image(text, side if side > 0 else 400, self._mask_pattern)
