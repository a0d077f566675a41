# SPDX-License-Identifier: GPL-3.0-or-later
"""The central server as a process of its own: started, waited for, stopped. For the demo,
the benchmarks and the tests, which all need a real server on this machine.

`python -m central serve` prints one line when it listens ("central ready on URL"); with
`port=0` the kernel picks a free port and the line says which, so no other process can take
a port chosen in advance.
"""

from __future__ import annotations

import io
import selectors
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager, redirect_stderr, redirect_stdout
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

if TYPE_CHECKING:
    from central.core.db import Database

READY = "central ready on "
START_TIMEOUT = 60.0


def central_command(
    data_dir: Path, *args: str, stdin: str | None = None, database_url: str = ""
) -> subprocess.CompletedProcess[str]:
    """Run `python -m central --data-dir DATA_DIR ARGS...` (an admin command); its result."""
    database = ["--database-url", database_url] if database_url else []
    return subprocess.run(
        [sys.executable, "-m", "central", "--data-dir", str(data_dir), *database, *args],
        input=stdin,
        capture_output=True,
        text=True,
        timeout=60,
    )


def central_command_here(
    data_dir: Path, *args: str, stdin: str | None = None, database_url: str = ""
) -> subprocess.CompletedProcess[str]:
    """The same command run by `central.cli.main` in this process: what it printed and its exit
    status, as `central_command` gives them, without a new interpreter's ~1 s of imports."""
    from central.cli import main

    argv = ["--data-dir", str(data_dir), *(["--database-url", database_url] * bool(database_url))]
    argv += args
    out, err = io.StringIO(), io.StringIO()
    given = io.TextIOWrapper(io.BytesIO((stdin or "").encode()), encoding="utf-8")
    real_stdin, sys.stdin = sys.stdin, given
    try:
        with redirect_stdout(out), redirect_stderr(err):
            try:
                status = main(argv)
            except SystemExit as exit:  # argparse: a command line it cannot read
                status = exit.code if isinstance(exit.code, int) else 1
    finally:
        sys.stdin = real_stdin
    return subprocess.CompletedProcess(["central", *argv], status, out.getvalue(), err.getvalue())


@dataclass
class CentralServer:
    url: str
    data_dir: Path
    process: subprocess.Popen[str]
    # Empty: SQLite in data_dir.
    database_url: str = ""
    # The tests run admin commands in their own process (`central_command_here`: ~250 commands a
    # run, ~1 s of imports each); tests/central/cli runs them as processes of their own too.
    commands_in_process: ClassVar[bool] = False

    def cli(
        self, *args: str, stdin: str | None = None, ok: bool = True
    ) -> subprocess.CompletedProcess[str]:
        """An admin command against this server's data; fails loudly unless `ok` is False."""
        run = central_command_here if self.commands_in_process else central_command
        result = run(self.data_dir, *args, stdin=stdin, database_url=self.database_url)
        if ok and result.returncode != 0:
            raise AssertionError(f"central {' '.join(args)} failed:\n{result.stderr}")
        return result

    @property
    def database(self) -> Path:
        """The SQLite file (only when database_url is empty)."""
        return self.data_dir / "central.sqlite3"

    @contextmanager
    def open_database(self) -> Iterator[Database]:
        """The server's database through the service layer's sessions, as an admin command
        opens it (what tests check that a route stored)."""
        from central.core.config import Settings
        from central.core.db import open_database

        database = open_database(Settings(data_dir=self.data_dir, database_url=self.database_url))
        try:
            yield database
        finally:
            database.dispose()


@contextmanager
def running_central(
    data_dir: Path, *extra: str, port: int = 0, database_url: str = ""
) -> Iterator[CentralServer]:
    """`python -m central serve` on 127.0.0.1 until the block ends; its log in server.log.

    `database_url`: the server's database (empty: SQLite in data_dir)."""
    data_dir.mkdir(parents=True, exist_ok=True)
    database = ["--database-url", database_url] if database_url else []
    log_path = data_dir / "server.log"
    with log_path.open("a") as log:
        process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "central",
                "serve",
                "--host",
                "127.0.0.1",
                "--port",
                str(port),
                "--data-dir",
                str(data_dir),
                *database,
                *extra,
            ],
            stdout=subprocess.PIPE,
            stderr=log,
            text=True,
        )
        try:
            url = _wait_for_ready_line(process, log_path)
            yield CentralServer(url, data_dir, process, database_url)
        finally:
            process.terminate()
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
            assert process.stdout is not None
            process.stdout.close()


def _wait_for_ready_line(process: subprocess.Popen[str], log: Path) -> str:
    assert process.stdout is not None
    deadline = time.monotonic() + START_TIMEOUT
    with selectors.DefaultSelector() as selector:
        selector.register(process.stdout, selectors.EVENT_READ)
        while (left := deadline - time.monotonic()) > 0:
            if not selector.select(timeout=left):
                break
            line = process.stdout.readline()
            if not line:  # the server exited
                break
            if line.startswith(READY):
                return line.removeprefix(READY).strip()
    raise RuntimeError(f"the central server did not start:\n{log.read_text()}")
