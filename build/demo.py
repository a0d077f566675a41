# SPDX-License-Identifier: GPL-3.0-or-later
"""`make demo`: a central server on this machine with the demo station, the kiosk enrolled
with it, then the kiosk. Data lives in .demo/ (delete it to start over).

The server listens on 127.0.0.1:8470 so the kiosk's enrolment stays valid between runs.
Arguments are passed to the kiosk (e.g. --windowed 1080x1920).
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from central.launch import central_command, running_central

ROOT = Path(__file__).resolve().parents[1]
DEMO = ROOT / ".demo"
PORT = 8470


def central(*args: str) -> str:
    result = central_command(DEMO / "central", *args)
    result.check_returncode()
    return result.stdout


def main() -> int:
    try:
        with running_central(DEMO / "central", "--api-docs", port=PORT) as server:
            return run_demo(server.url)
    except RuntimeError as error:  # the server did not start
        sys.exit(f"The demo server did not start (is port {PORT} taken?)\n{error}")


def run_demo(url: str) -> int:
    marker = DEMO / "kiosk-enrolled"
    kiosk = [sys.executable, "-m", "kiosk", "--demo", "--data-dir", str(DEMO / "kiosk")]
    if not marker.exists():
        output = central("demo-station")
        if "enrolment code for" not in output:  # the station was there already
            output = central("enrolment-code", "--station", "demo-station")
        code = output.split("enrolment code for demo-station: ")[1].split()[0]
        subprocess.run([*kiosk, "--server", url, "--enrol", code], check=True)
        marker.touch()
    print(f"Demo: central server {url} (API docs at {url}/docs); data in {DEMO}.")
    print(f"Staff console: {url}/console/  login: demo  one-time password: {demo_password()}")
    print("  (the console asks for a new password at the first login; a new one each run)")
    return subprocess.run([*kiosk, *sys.argv[1:]]).returncode


def demo_password() -> str:
    """The demo admin's one-time password: made the first time, renewed at every run."""
    result = central_command(DEMO / "central", "user", "reset-password", "demo")
    if result.returncode != 0:  # no such account yet
        result = central_command(
            DEMO / "central", "user", "create", "demo", "--name", "演示管理员", "--role", "admin"
        )
        result.check_returncode()
    return re.search(r"one-time password:? (\S+)", result.stdout).group(1)


if __name__ == "__main__":
    sys.exit(main())
