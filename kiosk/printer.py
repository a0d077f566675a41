# SPDX-License-Identifier: GPL-3.0-or-later
"""Paper receipts on an ESC/POS receipt printer, with python-escpos (issue 16 §1).

The slip comes here already drawn (kiosk/ui/printing.py draws it with the kiosk's own font),
so that Chinese prints on any ESC/POS printer, whatever characters it holds: it goes out as
one raster image (GS v 0), then the tracking code once more as plain text, then a cut.
Sending is slow and may fail (no paper, unplugged, switched off): the caller does it on a
worker thread, never where a visitor waits. No Qt here; docs/printer.md.
"""

from __future__ import annotations

import contextlib
import logging
from dataclasses import dataclass
from typing import Any

from kiosk.config import Config

log = logging.getLogger(__name__)

DOTS = {80: 576, 58: 384}  # printable width of the common 203 dpi heads
STATUS_SECONDS = 2  # a network printer that has not said how its paper is by then: print


class PrintFailed(Exception):
    """The slip did not reach the printer. `reason`: "unreachable" (not connected, switched
    off, wrong address), "no_paper" (it says so) or "error" (it stopped answering on the
    way)."""

    def __init__(self, reason: str, detail: str) -> None:
        super().__init__(f"{reason}: {detail}")
        self.reason = reason


@dataclass(frozen=True)
class PrinterSettings:
    kind: str = "none"
    host: str = ""
    port: int = 9100
    device: str = ""
    baudrate: int = 9600
    usb_vendor: int = 0
    usb_product: int = 0
    paper_mm: int = 80
    timeout_seconds: int = 10

    @classmethod
    def from_config(cls, config: Config) -> PrinterSettings:
        return cls(
            kind=config.printer_kind,
            host=config.printer_host,
            port=config.printer_port,
            device=config.printer_device,
            baudrate=config.printer_baudrate,
            usb_vendor=config.printer_usb_vendor,
            usb_product=config.printer_usb_product,
            paper_mm=config.printer_paper_mm,
            timeout_seconds=config.printer_timeout_seconds,
        )

    @property
    def configured(self) -> bool:
        return self.kind != "none"

    @property
    def width_dots(self) -> int:
        return DOTS[self.paper_mm]

    def describe(self) -> str:
        """Where it prints, for a technician (the admin panel, the log, the test page)."""
        if not self.configured:
            return "none"
        where = {
            "network": f"{self.host}:{self.port}",
            "file": self.device,
            "serial": f"{self.device} {self.baudrate} baud",
            "usb": f"{self.usb_vendor:04x}:{self.usb_product:04x}",
        }[self.kind]
        return f"{self.kind} {where}, {self.paper_mm} mm"


def open_printer(settings: PrinterSettings) -> Any:
    """The escpos printer `settings` name, connected. Raises PrintFailed("unreachable")."""
    from escpos.exceptions import Error as EscposError
    from escpos.printer import File, Network, Serial, Usb

    timeout = settings.timeout_seconds
    try:
        if settings.kind == "network":
            printer = Network(settings.host, settings.port, timeout=timeout)
        elif settings.kind == "file":
            printer = File(settings.device)
        elif settings.kind == "serial":
            printer = Serial(settings.device, settings.baudrate, timeout=timeout)
        elif settings.kind == "usb":
            printer = Usb(settings.usb_vendor, settings.usb_product, timeout=timeout * 1000)
        else:
            raise PrintFailed("unreachable", "no printer is configured")
        printer.open()
    except (EscposError, OSError) as error:
        raise PrintFailed("unreachable", str(error).strip()) from None
    return printer


def print_slip(printer: Any, pixels: bytes, width: int, height: int, code: str = "") -> None:
    """Print a slip drawn as 8-bit grey `pixels` (`width` × `height`, one byte a pixel, rows
    packed), then `code` in large plain characters, then cut."""
    from PIL import Image

    image = Image.frombytes("L", (width, height), pixels).point(lambda v: 255 if v > 160 else 0)
    printer.image(image.convert("1"), impl="bitImageRaster", center=False)
    if code:
        printer.set(align="center", bold=True, double_width=True, double_height=True)
        printer.textln(code)
        printer.set(normal_textsize=True, bold=False, align="left")
    printer.cut()


def _check_paper(printer: Any, timeout: int) -> None:
    """Ask a network printer about its paper first (DLE EOT 4): one without would take the
    job and print nothing, and the visitor would be told to take a receipt that is not there.
    A printer that does not answer the question is printed to all the same."""
    connection = printer.device
    connection.settimeout(STATUS_SECONDS)
    try:
        status = printer.paper_status()
    except OSError:  # no answer in time (TimeoutError), or none at all
        status = 2
    finally:
        connection.settimeout(timeout)
    if status == 0:
        raise PrintFailed("no_paper", "the printer says it has no paper")


def send_slip(settings: PrinterSettings, pixels: bytes, width: int, height: int, code: str) -> None:
    """Connect, print and let go: PrintFailed says what went wrong, in a technician's terms."""
    from escpos.exceptions import Error as EscposError

    printer = open_printer(settings)
    try:
        if settings.kind == "network":
            _check_paper(printer, settings.timeout_seconds)
        print_slip(printer, pixels, width, height, code)
    except (EscposError, OSError) as error:
        raise PrintFailed("error", str(error).strip() or type(error).__name__) from None
    finally:
        with contextlib.suppress(OSError):
            printer.close()
