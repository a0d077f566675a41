# SPDX-License-Identifier: GPL-3.0-or-later
"""First run: a kiosk with no server, no station and no enrolment asks for the server's
address and an enrolment code, enrols with a real central server off the GUI thread and
shows its station; or starts the demo. Failures are explained in plain words."""

import pytest

from central.launch import running_central
from kiosk.app import build_kiosk
from kiosk.config import Config
from tests.helpers.central import enrolment_code
from tests.helpers.qt import Visitor


@pytest.fixture
def new_kiosk(qapp, qtbot, tmp_path, clock):
    """A kiosk fresh out of the box: no configuration, no data, not --demo."""
    made = []

    def make():
        config = Config(data_dir=tmp_path / "kiosk", fullscreen=False)
        kiosk = build_kiosk(qapp, config, now=clock)
        made.append(kiosk)
        kiosk.window.resize(1920, 1080)
        kiosk.window.show()
        qtbot.waitExposed(kiosk.window)
        kiosk.visitor = Visitor(qtbot, kiosk.window)
        return kiosk

    yield make
    for kiosk in made:
        kiosk.close()
        kiosk.window.close()
        kiosk.engine.deleteLater()


def fill(visitor, server, code):
    visitor.find("serverField").setProperty("text", server)
    visitor.find("codeField").setProperty("text", code)
    visitor.tap("enrolButton")


@pytest.fixture(scope="module")
def central(tmp_path_factory):
    with running_central(tmp_path_factory.mktemp("central")) as server:
        server.cli("demo-station")
        yield server


def test_enrolment_with_a_real_server_shows_its_station(new_kiosk, central, qtbot):
    kiosk = new_kiosk()
    visitor = kiosk.visitor
    assert visitor.find("firstRunScreen")
    visitor.screenshot("first-run")

    fill(visitor, central.url, "WRONG-CODE-1234")
    qtbot.waitUntil(lambda: kiosk.backends.setup.error == "refused", timeout=20000)
    assert "不接受这个登记码" in visitor.text("setupMessage")
    visitor.screenshot("first-run-refused")

    fill(visitor, central.url, enrolment_code(central, "demo-station"))
    qtbot.waitUntil(lambda: kiosk.backends.station.ready, timeout=30000)  # pulled
    assert visitor.text("stationName") == "青禾街道人大代表联络站"


def test_an_unreachable_server_and_a_wrong_address_are_explained(new_kiosk, qtbot):
    kiosk = new_kiosk()
    visitor = kiosk.visitor
    fill(visitor, "http://127.0.0.1:9", "ABCD-EFGH-JKLM")
    qtbot.waitUntil(lambda: kiosk.backends.setup.error == "unreachable", timeout=20000)
    assert "连不上服务器" in visitor.text("setupMessage")
    fill(visitor, "ftp://central.example", "ABCD-EFGH-JKLM")
    qtbot.waitUntil(lambda: kiosk.backends.setup.error == "address", timeout=20000)
    assert "https://" in visitor.text("setupMessage")
    visitor.screenshot("first-run-address")


def test_a_failed_secure_connection_is_explained(new_kiosk, central, qtbot):
    # The server speaks plain HTTP: the TLS handshake fails, as with an untrusted certificate.
    kiosk = new_kiosk()
    fill(kiosk.visitor, central.url.replace("http://", "https://"), "ABCD-EFGH-JKLM")
    qtbot.waitUntil(lambda: kiosk.backends.setup.error == "tls", timeout=20000)
    assert "安全连接" in kiosk.visitor.text("setupMessage")


def test_demo_mode_from_the_first_run(new_kiosk, tmp_path):
    kiosk = new_kiosk()
    kiosk.visitor.tap("demoButton")
    assert kiosk.visitor.text("stationName") == "青禾街道人大代表联络站"
    assert (tmp_path / "kiosk" / "demo" / "kiosk.sqlite3").exists()  # apart from real data
