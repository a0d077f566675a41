# SPDX-License-Identifier: GPL-3.0-or-later
"""A throwaway PostgreSQL cluster for the tests and the benchmarks (docs/testing.md).

`initdb` in a temporary folder, `postgres` listening only on a private unix socket in that
folder (no TCP port, so nothing on the machine can collide with it or reach it), fsync off
(a crash loses a test's data, which nobody keeps). Databases are made from a migrated
template (`CREATE DATABASE ... TEMPLATE`, a file copy: ~50 ms, against ~1 s of Alembic).

PostgreSQL refuses to run as root; as root, the cluster runs as the `postgres` account the
Debian package creates (the tests still connect over the socket as the database's own
superuser). Without the binaries the tests fail with what to install, or are told to run on
SQLite only with CENTRAL_TEST_ENGINES=sqlite.
"""

from __future__ import annotations

import glob
import itertools
import os
import pwd
import shutil
import subprocess
import tempfile
import threading
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

ENGINES_VARIABLE = "CENTRAL_TEST_ENGINES"
MISSING = (
    "PostgreSQL's server programs (initdb, pg_ctl) are not installed: the central tests run on "
    "SQLite and PostgreSQL. Install them (`sudo apt-get install postgresql`, or `make setup` "
    "as root), or run on SQLite only with CENTRAL_TEST_ENGINES=sqlite."
)


def engines_under_test() -> list[str]:
    """The engines the central tests run on: both, unless CENTRAL_TEST_ENGINES says less."""
    names = os.environ.get(ENGINES_VARIABLE, "sqlite,postgresql")
    return [name.strip() for name in names.split(",") if name.strip()]


def server_programs() -> Path | None:
    """The folder holding initdb and pg_ctl (Debian keeps them off PATH), or None."""
    found = shutil.which("initdb")
    if found and shutil.which("pg_ctl"):
        return Path(os.path.realpath(found)).parent
    for folder in sorted(glob.glob("/usr/lib/postgresql/*/bin"), reverse=True):
        if Path(folder, "initdb").exists():
            return Path(folder)
    return None


class PostgresCluster:
    """One cluster: start(), url(name), create_database(name, template), stop()."""

    def __init__(self) -> None:
        programs = server_programs()
        if programs is None:
            raise RuntimeError(MISSING)
        self._bin = programs
        # A short path (a socket path has ~100 bytes), not under pytest's 0700 folders. As root,
        # in the postgres account's home: it must reach the folder, and some machines keep
        # /tmp itself 0700 (root's alone).
        self._as: list[str] = []
        if os.geteuid() == 0:
            account = pwd.getpwnam("postgres")
            home = account.pw_dir if os.path.isdir(account.pw_dir) else None
            self.folder = Path(tempfile.mkdtemp(prefix="central-pg-", dir=home))
            os.chown(self.folder, account.pw_uid, account.pw_gid)
            self._as = ["runuser", "-u", "postgres", "--"]
        else:
            self.folder = Path(tempfile.mkdtemp(prefix="central-pg-"))
        self.data = self.folder / "data"
        self._lock = threading.Lock()
        self._numbers = itertools.count(1)
        # The next copy of a template, made while a test runs (a copy costs 0.3 to 1 s).
        self._spares: dict[str, Future[str]] = {}
        self._maker = ThreadPoolExecutor(1, thread_name_prefix="pg-spare")

    def _run(self, *args: str) -> None:
        result = subprocess.run(
            [*self._as, *args], capture_output=True, text=True, timeout=120, cwd=self.folder
        )
        if result.returncode != 0:
            raise RuntimeError(f"{' '.join(args)} failed:\n{result.stdout}\n{result.stderr}")

    def start(self) -> PostgresCluster:
        self._run(
            str(self._bin / "initdb"),
            "-D",
            str(self.data),
            "-U",
            "postgres",
            "--auth=trust",
            "--encoding=UTF8",
            "--locale=C",
            "--no-sync",
        )
        options = (
            f"-k {self.folder} -c listen_addresses='' -c fsync=off -c synchronous_commit=off"
            " -c full_page_writes=off -c max_connections=300 -c shared_buffers=64MB"
        )
        self._run(
            str(self._bin / "pg_ctl"),
            "-D",
            str(self.data),
            "-l",
            str(self.folder / "postgres.log"),
            "-o",
            options,
            "-w",
            "start",
        )
        return self

    def url(self, database: str = "postgres") -> str:
        return f"postgresql+psycopg://postgres@/{database}?host={self.folder}"

    def execute(self, sql: str) -> None:
        import psycopg

        with psycopg.connect(
            host=str(self.folder), user="postgres", dbname="postgres", autocommit=True
        ) as connection:
            connection.execute(sql)

    def create_database(self, name: str, template: str | None = None) -> str:
        """A new database (a copy of `template`, if given); its URL."""
        # A template copied while another copy of it runs fails ("being accessed"): one at a time.
        with self._lock:
            suffix = f" TEMPLATE {template}" if template else ""
            self.execute(f"CREATE DATABASE {name}{suffix}")
        return self.url(name)

    def copy_of(self, template: str) -> str:
        """The URL of a new database copied from `template` (one made ahead, if ready)."""

        def make() -> str:
            name = f"{template}_{next(self._numbers)}"
            self.create_database(name, template)
            return name

        spare = self._spares.get(template)
        name = spare.result() if spare is not None else make()
        self._spares[template] = self._maker.submit(make)
        return self.url(name)

    def drop_database(self, name: str) -> None:
        self.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")

    def stop(self) -> None:
        self._maker.shutdown(wait=True, cancel_futures=True)
        try:
            self._run(str(self._bin / "pg_ctl"), "-D", str(self.data), "-m", "immediate", "stop")
        finally:
            shutil.rmtree(self.folder, ignore_errors=True)
