# SPDX-License-Identifier: GPL-3.0-or-later
"""`make demo`: a central server on this machine with the demo station, the kiosk enrolled
with it, then the kiosk. Data lives in .demo/ (delete it to start over).

The server listens on 127.0.0.1:8470 so the kiosk's enrolment stays valid between runs.
Arguments are passed to the kiosk (e.g. --windowed 1080x1920).
"""

from __future__ import annotations

import selectors
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEMO = ROOT / ".demo"
PORT = 8470
URL = f"http://127.0.0.1:{PORT}"


def start_server() -> subprocess.Popen[str]:
    DEMO.mkdir(exist_ok=True)
    log = (DEMO / "central.log").open("a")
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "central",
            "serve",
            "--host",
            "127.0.0.1",
            "--port",
            str(PORT),
            "--data-dir",
            str(DEMO / "central"),
        ],
        stdout=subprocess.PIPE,
        stderr=log,
        text=True,
    )
    assert server.stdout is not None
    deadline = time.monotonic() + 30
    with selectors.DefaultSelector() as selector:
        selector.register(server.stdout, selectors.EVENT_READ)
        while time.monotonic() < deadline and selector.select(deadline - time.monotonic()):
            line = server.stdout.readline()
            if not line:
                break
            if line.startswith("central ready on "):
                return server
    server.kill()
    sys.exit(f"The demo server did not start (is port {PORT} taken?); see {DEMO / 'central.log'}")


def central(*args: str) -> str:
    return subprocess.run(
        [sys.executable, "-m", "central", "--data-dir", str(DEMO / "central"), *args],
        capture_output=True,
        text=True,
        check=True,
    ).stdout


def main() -> int:
    server = start_server()
    try:
        marker = DEMO / "kiosk-enrolled"
        if not marker.exists():
            output = central("demo-station")
            if "enrolment code for" not in output:  # the station was there already
                output = central("enrolment-code", "--station", "demo-station")
            code = output.split("enrolment code for demo-station: ")[1].split()[0]
            kiosk = [sys.executable, "-m", "kiosk", "--demo", "--data-dir", str(DEMO / "kiosk")]
            subprocess.run([*kiosk, "--server", URL, "--enrol", code], check=True)
            marker.touch()
        print(f"Demo: central server {URL} (API docs at {URL}/docs); kiosk data in {DEMO}.")
        return subprocess.run(
            [
                sys.executable,
                "-m",
                "kiosk",
                "--demo",
                "--data-dir",
                str(DEMO / "kiosk"),
                *sys.argv[1:],
            ]
        ).returncode
    finally:
        server.terminate()
        server.wait(timeout=15)


if __name__ == "__main__":
    sys.exit(main())
