# SPDX-License-Identifier: GPL-3.0-or-later
"""打印凭条: the receipt on paper from an ESC/POS printer (issue 16 §1; docs/printer.md).

The printers here are real receivers of what python-escpos sends: a TCP server on
127.0.0.1 (a network printer on port 9100 is exactly that) and a file (a USB printer through
the usblp driver is a device file). The slip is one raster image (GS v 0): decoded back to an
image, its QR code reads as the progress link, and the code follows in plain characters.
A printer that is not there or does not answer never holds up the receipt."""

from __future__ import annotations

import socket
import subprocess
import sys
import threading

import pytest
from PySide6.QtGui import QImage

from kiosk.printer import PrinterSettings
from kiosk.ui.printing import blocks_of_test_page, grey_bytes, render_slip
from tests.helpers.fonts import missing_characters
from tests.helpers.qt import SCREENSHOTS, decode_qr_codes

RASTER = b"\x1dv0"
PAPER_STATUS = b"\x10\x04\x04"  # DLE EOT 4


class PrinterReceiver:
    """A network receipt printer as seen from the kiosk: it takes connections on
    127.0.0.1 and keeps every byte of each job (one connection, one job)."""

    def __init__(self, answer: bool = True, paper: int = 0x12) -> None:
        self.paper = paper  # its answer to DLE EOT 4: 0x12 paper, 0x72 none
        self.server = socket.create_server(("127.0.0.1", 0), backlog=1 if answer else 0)
        self.port = self.server.getsockname()[1]
        self.jobs: list[bytes] = []
        self.done = threading.Event()
        if answer:
            threading.Thread(target=self._serve, daemon=True).start()

    def _serve(self) -> None:
        while True:
            try:
                connection, _ = self.server.accept()
            except OSError:
                return
            with connection:
                job = b""
                while chunk := connection.recv(65536):
                    job += chunk
                    if job.endswith(PAPER_STATUS):  # asked how its paper is: says so
                        connection.sendall(bytes([self.paper]))
            self.jobs.append(job)
            self.done.set()

    def close(self) -> None:
        self.server.close()


@pytest.fixture
def receiver():
    printer = PrinterReceiver()
    yield printer
    printer.close()


def slip_image(job: bytes) -> QImage:
    """The raster images of an ESC/POS job (GS v 0 blocks), stacked as one picture."""
    rows: list[bytes] = []
    width_bytes = 0
    at = job.find(RASTER)
    assert at >= 0, "no raster image in the job"
    while at >= 0:
        header = job[at + 3 : at + 8]
        width_bytes = header[1] + header[2] * 256
        height = header[3] + header[4] * 256
        data = job[at + 8 : at + 8 + width_bytes * height]
        rows.extend(data[i * width_bytes : (i + 1) * width_bytes] for i in range(height))
        at = job.find(RASTER, at + 8 + len(data))
    return _white_paper(width_bytes * 8, rows)


def _white_paper(width: int, rows: list[bytes]) -> QImage:
    paper = QImage(width, len(rows), QImage.Format.Format_Grayscale8)
    paper.fill(255)
    for y, row in enumerate(rows):
        for byte_index, byte in enumerate(row):
            for bit in range(8):
                if byte & (0x80 >> bit):
                    paper.setPixel(byte_index * 8 + bit, y, 0)
    return paper


def _receipt(kiosk):
    visitor = kiosk.visitor
    visitor.tap("callbackHomeButton")
    visitor.tap("category_4")
    for digit in "13800001234":
        visitor.tap(f"key_{digit}")
    visitor.tap("nextButton")
    visitor.tap("consentButton")
    button = visitor.find("printReceiptButton")
    visitor.qtbot.waitUntil(button.isEnabled, timeout=5000)  # once the receipt has settled
    return visitor.text("receiptCode")


def test_the_receipt_prints_on_a_network_printer_with_its_code_and_qr(make_kiosk, receiver, size):
    kiosk = make_kiosk(
        size, printer_kind="network", printer_host="127.0.0.1", printer_port=receiver.port
    )
    visitor = kiosk.visitor
    code = _receipt(kiosk)
    assert visitor.text("printReceiptButton") == "打印凭条"
    with visitor.qtbot.waitSignal(kiosk.backends.printer.finished, timeout=20000) as printed:
        visitor.tap("printReceiptButton")
    assert printed.args == [True]
    assert visitor.text("printState") == "已打印，请取走凭条。"
    label = "portrait" if size[1] > size[0] else "landscape"
    visitor.screenshot(f"receipt-printed-{label}")

    assert receiver.done.wait(10)
    job = receiver.jobs[0]
    assert code.encode() in job  # the code in plain characters after the image
    paper = slip_image(job)
    assert paper.width() == 576  # 80 mm paper
    progress_url = kiosk.backends.intake.property("progressUrl")
    assert progress_url and decode_qr_codes(paper) == [progress_url]
    paper.save(str(SCREENSHOTS / f"paper-receipt-{label}.png"))


def test_the_slip_is_drawn_in_the_visitors_language(make_kiosk, receiver):
    kiosk = make_kiosk(printer_kind="network", printer_host="127.0.0.1", printer_port=receiver.port)
    kiosk.visitor.tap("language_zh_TW")
    _receipt(kiosk)
    assert kiosk.visitor.text("printReceiptButton") == "列印憑條"
    with kiosk.visitor.qtbot.waitSignal(kiosk.backends.printer.finished, timeout=20000):
        kiosk.visitor.tap("printReceiptButton")
    slip = kiosk.backends.printer.last_slip
    slip.save(str(SCREENSHOTS / "paper-receipt-zh_TW.png"))
    assert decode_qr_codes(slip_image(receiver.jobs[0])) == [
        kiosk.backends.intake.property("progressUrl")
    ]


def test_an_unplugged_printer_says_so_and_the_receipt_stays(make_kiosk):
    closed = socket.create_server(("127.0.0.1", 0))
    port = closed.getsockname()[1]
    closed.close()  # nothing listens there: a printer switched off
    kiosk = make_kiosk(printer_kind="network", printer_host="127.0.0.1", printer_port=port)
    visitor = kiosk.visitor
    code = _receipt(kiosk)
    with visitor.qtbot.waitSignal(kiosk.backends.printer.finished, timeout=20000) as printed:
        visitor.tap("printReceiptButton")
    assert printed.args == [False]
    assert "请记下查询码" in visitor.text("printState")
    assert visitor.text("receiptCode") == code
    visitor.screenshot("receipt-printer-failed")
    visitor.finish_receipt()


def test_a_printer_out_of_paper_says_so_and_prints_nothing(make_kiosk):
    empty = PrinterReceiver(paper=0x72)
    try:
        kiosk = make_kiosk(
            printer_kind="network", printer_host="127.0.0.1", printer_port=empty.port
        )
        visitor = kiosk.visitor
        _receipt(kiosk)
        with visitor.qtbot.waitSignal(kiosk.backends.printer.finished, timeout=20000) as printed:
            visitor.tap("printReceiptButton")
        assert printed.args == [False]
        assert visitor.text("printState").startswith("打印机没有纸了。请记下查询码")
        visitor.screenshot("receipt-printer-no-paper")
        assert empty.done.wait(10)
        assert empty.jobs[0] == PAPER_STATUS  # asked, and sent nothing to print
    finally:
        empty.close()


def test_a_printer_that_does_not_answer_never_holds_up_the_screen(make_kiosk):
    stalled = PrinterReceiver(answer=False)  # listens, never accepts: its queue fills
    filler = socket.create_connection(("127.0.0.1", stalled.port))
    try:
        kiosk = make_kiosk(
            printer_kind="network",
            printer_host="127.0.0.1",
            printer_port=stalled.port,
            printer_timeout_seconds=3,
        )
        visitor = kiosk.visitor
        _receipt(kiosk)
        visitor.tap("printReceiptButton")
        assert visitor.text("printReceiptButton") == "正在打印…"
        visitor.finish_receipt()  # the visitor goes on while the printer is silent
        assert visitor.shows("homeScreen")
        with visitor.qtbot.waitSignal(kiosk.backends.printer.finished, timeout=20000) as printed:
            pass
        assert printed.args == [False]
    finally:
        filler.close()
        stalled.close()


def test_without_a_printer_there_is_no_print_button(make_kiosk):
    kiosk = make_kiosk()
    kiosk.visitor.tap("callbackHomeButton")
    kiosk.visitor.tap("category_4")
    for digit in "13800001234":
        kiosk.visitor.tap(f"key_{digit}")
    kiosk.visitor.tap("nextButton")
    kiosk.visitor.tap("consentButton")
    assert not kiosk.visitor.shows("printReceiptButton")


def test_a_file_printer_gets_the_same_job(qapp, tmp_path):
    """kind = "file": a USB printer through the usblp driver is a device file."""
    from kiosk.app import load_fonts
    from kiosk.printer import send_slip

    load_fonts()
    device = tmp_path / "lp0"
    device.touch()
    settings = PrinterSettings(kind="file", device=str(device), paper_mm=58)
    image = render_slip(
        [
            ["title", "青禾街道人大代表联络站"],
            ["code", "K7Q-M4X-PD8"],
            ["qr", "https://example.org/p/K7QM4XPD8"],
        ],
        settings.width_dots,
    )
    send_slip(settings, grey_bytes(image), image.width(), image.height(), "K7Q-M4X-PD8")
    job = device.read_bytes()
    assert b"K7Q-M4X-PD8" in job and b"\x1dV" in job  # the code, then the cut
    paper = slip_image(job)
    assert paper.width() == 384  # 58 mm paper
    assert decode_qr_codes(paper) == ["https://example.org/p/K7QM4XPD8"]


def test_the_test_page_uses_only_characters_the_shipped_font_draws():
    text = "".join(str(block[1]) for block in blocks_of_test_page("", "network", ""))
    assert missing_characters(text) == set()


def test_the_admin_panel_prints_a_test_page(make_kiosk, receiver):
    from kiosk.store.admin_pin import DEMO_ADMIN_PIN
    from tests.ui.test_admin import corner_taps, enter_pin

    kiosk = make_kiosk(printer_kind="network", printer_host="127.0.0.1", printer_port=receiver.port)
    visitor = kiosk.visitor
    corner_taps(kiosk, 5)
    enter_pin(visitor, DEMO_ADMIN_PIN)
    with visitor.qtbot.waitSignal(kiosk.backends.printer.finished, timeout=20000):
        visitor.tap("adminPrintTestPage")
    assert "已发送到打印机（network 127.0.0.1" in visitor.text("adminPrintNote")
    visitor.screenshot("admin-test-page")
    paper = slip_image(receiver.jobs[0])
    assert decode_qr_codes(paper) == ["https://example.org/p/K7QM4XPD8"]
    assert b"TEST-PAGE" in receiver.jobs[0]


def test_print_test_page_from_the_command_line(receiver, tmp_path):
    config = tmp_path / "kiosk.toml"
    config.write_text(
        f'data_dir = "{tmp_path / "data"}"\n[printer]\nkind = "network"\n'
        f'host = "127.0.0.1"\nport = {receiver.port}\n',
        encoding="utf-8",
    )
    result = subprocess.run(
        [sys.executable, "-m", "kiosk", "--config", str(config), "--print-test-page"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "The test page was sent to network 127.0.0.1" in result.stdout
    assert receiver.done.wait(10) and b"TEST-PAGE" in receiver.jobs[0]


def test_a_printer_setting_that_cannot_work_stops_the_kiosk_with_its_name(tmp_path):
    from kiosk.config import ConfigError, load_config

    config = tmp_path / "kiosk.toml"
    config.write_text('[printer]\nkind = "network"\n', encoding="utf-8")
    with pytest.raises(ConfigError) as problem:
        load_config(config, environ={})
    assert problem.value.key == "printer.host"
    config.write_text('[printer]\nkind = "bluetooth"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match="none, network, usb, serial, file"):
        load_config(config, environ={})
