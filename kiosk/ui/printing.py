# SPDX-License-Identifier: GPL-3.0-or-later
"""`ReceiptPrinter` for QML: 打印凭条 on a receipt, 打印测试页 in the admin panel (issue 16 §1).

QML hands over the slip's lines in the visitor's language; they are drawn here with the
kiosk's own font into one image the width of the paper (kiosk/printer.py sends it as a
raster, so Chinese prints on any ESC/POS printer). Drawing takes a few milliseconds on the
GUI thread; sending goes to a pool thread, so a printer without paper, unplugged or switched
off never holds up the screen: `state` says "printing", then "printed" or "failed".
"""

from __future__ import annotations

import logging

from PySide6.QtCore import Property, QObject, QRect, Signal, Slot
from PySide6.QtGui import QColor, QFont, QFontMetrics, QGuiApplication, QImage, QPainter
from PySide6.QtQml import QmlElement, QmlSingleton

from kiosk.printer import PrinterSettings, PrintFailed, send_slip
from kiosk.ui import QML_IMPORT_MAJOR_VERSION, QML_IMPORT_NAME  # noqa: F401 (QmlElement)
from kiosk.ui.offthread import OffThread
from kiosk.ui.singletons import handed_over

log = logging.getLogger(__name__)

MARGIN = 12  # dots each side: most heads cannot print to the very edge
# Block styles: (pixel size at 80 mm, bold, centred).
STYLES = {
    "title": (34, True, True),
    "heading": (28, True, False),
    "text": (24, False, False),
    "small": (21, False, False),
    "code": (64, True, True),
}


def render_slip(blocks: list, width: int) -> QImage:
    """The slip as an 8-bit grey image `width` dots wide: `blocks` are [kind, text] pairs,
    kinds as in STYLES, or ["qr", url] (a QR code), or ["rule", ""] (a line)."""
    from kiosk.ui.qrcodes import qr_image

    scale = width / 576
    inner = width - 2 * MARGIN
    base = QGuiApplication.font()
    pieces: list[tuple[str, object, int]] = []  # (kind, payload, height)
    for kind, text in ((str(b[0]), str(b[1])) for b in blocks):
        if kind == "qr":
            image = qr_image(text, int(inner * 0.62))
            pieces.append((kind, image, image.height()))
        elif kind == "rule":
            pieces.append((kind, None, 14))
        elif kind in STYLES and text:
            size, bold, _ = STYLES[kind]
            font = QFont(base)
            font.setPixelSize(max(14, round(size * scale)))
            font.setBold(bold)
            if kind == "code":
                font.setLetterSpacing(QFont.SpacingType.AbsoluteSpacing, 4)
            bounds = QFontMetrics(font).boundingRect(QRect(0, 0, inner, 10_000), _flags(kind), text)
            pieces.append((kind, (font, text), bounds.height() + 6))
    height = sum(h for _, _, h in pieces) + 2 * MARGIN + 40  # room before the cut
    image = QImage(width, height, QImage.Format.Format_Grayscale8)
    image.fill(QColor("white"))
    painter = QPainter(image)
    # Crisp black on white: grey edges would come out as dots on thermal paper.
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, False)
    painter.setPen(QColor("black"))
    y = MARGIN
    for kind, payload, h in pieces:
        if kind == "qr":
            assert isinstance(payload, QImage)
            painter.drawImage((width - payload.width()) // 2, y, payload)
        elif kind == "rule":
            painter.fillRect(MARGIN, y + 6, inner, 2, QColor("black"))
        else:
            font, text = payload  # type: ignore[misc]
            painter.setFont(font)
            painter.drawText(QRect(MARGIN, y, inner, h), _flags(kind), text)
        y += h
    painter.end()
    return image


def _flags(kind: str) -> int:
    from PySide6.QtCore import Qt  # when printing, not at start (kiosk/ui/qtenums.py)

    centred = STYLES.get(kind, (0, False, False))[2]
    align = Qt.AlignmentFlag.AlignHCenter if centred else Qt.AlignmentFlag.AlignLeft
    return int(align | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap)


def grey_bytes(image: QImage) -> bytes:
    """The image's pixels, one byte each, rows packed (QImage pads rows to 4 bytes)."""
    image = image.convertToFormat(QImage.Format.Format_Grayscale8)
    width, line = image.width(), image.bytesPerLine()
    data = bytes(image.constBits())[: line * image.height()]
    return b"".join(data[row * line : row * line + width] for row in range(image.height()))


TEST_PAGE_CODE = "TEST-PAGE"


def blocks_of_test_page(station: str, where: str, when: str) -> list:
    """The technician's test page, in Chinese and English (like the command line's words):
    Chinese in Simplified and Traditional, a QR code and the code line, as a receipt has."""
    return [
        ["title", "打印测试页 Test page"],
        ["rule", ""],
        ["heading", station or "（未设置站点 no station yet）"],
        ["text", f"打印机 Printer: {where}"],
        ["text", "中文打印正常：人大代表联络站"],
        ["text", "繁體：人大代表聯絡站"],
        ["code", "K7Q-M4X-PD8"],
        ["qr", "https://example.org/p/K7QM4XPD8"],
        ["small", "扫码测试：手机应能识别上面的二维码。Scan test: a phone should read the code."],
        ["rule", ""],
        ["small", when],
    ]


def print_blocks(settings: PrinterSettings, blocks: list, code: str = "") -> None:
    """Draw and send at once, on this thread (`kiosk --print-test-page`)."""
    image = render_slip(blocks, settings.width_dots)
    send_slip(settings, grey_bytes(image), image.width(), image.height(), code)


@QmlElement
@QmlSingleton
class ReceiptPrinter(QObject):
    changed = Signal()
    finished = Signal(bool)  # printed or not (the tests wait on it)

    def __init__(self, settings: PrinterSettings | None = None, parent=None) -> None:
        super().__init__(parent)
        self.settings = settings or PrinterSettings()
        self._state = ""  # "", printing, printed, failed
        self._problem = ""  # unreachable | error
        self.last_slip: QImage | None = None
        self._off = OffThread(self)  # sending to the printer

    @staticmethod
    def create(engine) -> ReceiptPrinter:
        return handed_over(engine.backends.printer)

    def _set(self, state: str, problem: str = "") -> None:
        self._state, self._problem = state, problem
        self.changed.emit()

    @Slot("QVariantList", str)
    def printSlip(self, blocks: list, code: str) -> None:
        """Print `blocks` (see render_slip) and then `code` in plain characters."""
        if not self.settings.configured or self._state == "printing":
            return
        image = render_slip(blocks, self.settings.width_dots)
        self.last_slip = image
        pixels, width, height = grey_bytes(image), image.width(), image.height()
        settings = self.settings
        self._set("printing")

        def work() -> tuple[bool, str]:
            try:
                send_slip(settings, pixels, width, height, code)
            except PrintFailed as failure:
                # What and where, never what the visitor wrote.
                log.warning("receipt printer %s: %s", settings.describe(), failure)
                return False, failure.reason
            return True, ""

        # A printer driver's surprise must not end the kiosk (logged): "error".
        self._off.run(
            work, lambda sent: self._done(*sent), lambda error: self._done(False, "error")
        )

    def _done(self, printed: bool, problem: str) -> None:
        self._set("printed" if printed else "failed", problem)
        self.finished.emit(printed)

    @Slot(str)
    def printTestPage(self, station: str) -> None:
        """The admin panel's 打印测试页."""
        from datetime import datetime

        when = datetime.now().strftime("%Y-%m-%d %H:%M")
        self.printSlip(blocks_of_test_page(station, self.settings.describe(), when), TEST_PAGE_CODE)

    @Slot()
    def reset(self) -> None:
        """A new receipt (or the visitor walked away): nothing printed yet."""
        if self._state != "printing":
            self._set("")

    configured = Property(bool, lambda self: self.settings.configured, constant=True)
    state = Property(str, lambda self: self._state, notify=changed)
    problem = Property(str, lambda self: self._problem, notify=changed)
    where = Property(str, lambda self: self.settings.describe(), constant=True)
