# SPDX-License-Identifier: GPL-3.0-or-later
"""`serve`: run the server until stopped, saying so on standard output once it listens."""

from __future__ import annotations

import argparse
import copy
import dataclasses
import logging
from typing import TYPE_CHECKING, Any

from central.cli.common import CommandError
from central.core import heap
from central.core.config import WORKER_SETTINGS, Settings, settings_text

if TYPE_CHECKING:
    from central.core.db import Database

log = logging.getLogger(__name__)


def serve(settings: Settings, args: argparse.Namespace) -> int:
    import uvicorn

    from central.main import create_app

    public_url = args.public_url.strip().rstrip("/")
    if public_url and not public_url.startswith(("http://", "https://")):
        raise CommandError("--public-url: an http:// or https:// address")
    if args.address_limit < 1 or args.mobile_limit < 1:
        raise CommandError("--address-limit and --mobile-limit: at least 1")
    if args.kiosk_silent_hours < 1:
        raise CommandError("--kiosk-silent-hours: at least 1")
    if args.retention_years < 1:
        raise CommandError("--retention-years: at least 1")
    if args.snapshot_appeal_days < 1:
        raise CommandError("--snapshot-appeal-days: at least 1")
    if args.workers < 1:
        raise CommandError("--workers: at least 1")
    if args.workers > 1 and args.rate_limit_storage.startswith("memory://"):
        raise CommandError(
            "--rate-limit-storage memory:// counts in one process: with --workers above 1 "
            "use the default (database) or a shared storage"
        )
    settings = dataclasses.replace(
        settings,
        public_url=public_url,
        address_limit=args.address_limit,
        mobile_limit=args.mobile_limit,
        rate_limit_storage=args.rate_limit_storage,
        api_docs=args.api_docs,
        secure_cookies=args.behind_tls_proxy,
        kiosk_silent_hours=args.kiosk_silent_hours,
        retention_years=args.retention_years,
        snapshot_appeal_days=args.snapshot_appeal_days,
    )
    log_config = _log_config()
    if args.workers > 1:
        return _serve_workers(settings, args, log_config)
    app = create_app(settings)
    keepers = start_keepers(app.state.database, settings)
    config = uvicorn.Config(app, log_config=log_config, **_server_options(args))

    class ReadyServer(uvicorn.Server):
        """Says so on standard output once it listens: what scripts and tests wait for."""

        async def startup(self, sockets=None) -> None:  # type: ignore[no-untyped-def]
            await super().startup(sockets=sockets)
            if self.started:
                port = self.servers[0].sockets[0].getsockname()[1]
                if not settings.public_url:  # the port is known only now (--port 0)
                    app.state.public_url = f"http://{self.config.host}:{port}"
                # Notices link to the console: sent once the server's address is known.
                worker.start()
                heap.settle()  # everything start-up made, kept out of later collections
                print(f"central ready on http://{self.config.host}:{port}", flush=True)

    # Notices leave from a thread of their own: a request never waits for a robot or SMTP.
    from central.services.notify_worker import NotificationWorker

    worker = NotificationWorker(app.state.database, lambda: app.state.public_url)
    app.state.notification_worker = worker
    try:
        ReadyServer(config).run()
    finally:
        worker.stop()
        for keeper in keepers:
            keeper.stop()
    return 0


def _log_config() -> dict[str, Any]:
    import uvicorn

    log_config = copy.deepcopy(uvicorn.config.LOGGING_CONFIG)
    # Standard output carries only the ready line; logs go to standard error.
    log_config["handlers"]["access"]["stream"] = "ext://sys.stderr"
    # No visitor's address, query string or tracking code in the log (docs/security.md).
    log_config.setdefault("filters", {})["private"] = {
        "()": "central.core.access_log.PrivateAccessLog"
    }
    log_config["handlers"]["access"]["filters"] = ["private"]
    return log_config


def _server_options(args: argparse.Namespace) -> dict[str, Any]:
    return {
        "host": args.host,
        "port": args.port,
        "access_log": not args.no_access_log,
        # Only behind a TLS proxy is X-Forwarded-For believed, and only from the trusted
        # proxies; otherwise the address a request came from is the connection's own.
        "proxy_headers": args.behind_tls_proxy,
        "forwarded_allow_ips": args.trusted_proxies if args.behind_tls_proxy else "",
        "timeout_graceful_shutdown": 5,
    }


def _serve_workers(settings: Settings, args: argparse.Namespace, log_config: dict[str, Any]) -> int:
    """`serve --workers N`: this process migrates (under the migration lock), makes the
    server key, binds the port and starts N worker processes that share it (uvicorn's
    supervisor: a worker that dies is replaced; SIGHUP replaces them one by one). The periodic
    work and the notification sender run here, once, not in every worker.
    """
    import os

    import uvicorn
    from uvicorn.supervisors import Multiprocess

    from central.core.db import open_database
    from central.core.security import load_server_key
    from central.services.notify_worker import NotificationWorker

    database = open_database(settings)
    load_server_key(settings.server_key_path)  # made once, before any worker reads it
    config = uvicorn.Config(
        "central.main:worker_app",
        factory=True,
        workers=args.workers,
        log_config=log_config,
        **_server_options(args),
    )
    sock = config.bind_socket()
    # Listening from now on: connections wait in the queue until a worker takes them.
    sock.listen(config.backlog)
    port = sock.getsockname()[1]
    settings = dataclasses.replace(
        settings, public_url=settings.public_url or f"http://{args.host}:{port}"
    )
    # The workers are new interpreters (spawned): they read their settings from here.
    os.environ[WORKER_SETTINGS] = settings_text(settings)
    keepers = start_keepers(database, settings)
    worker = NotificationWorker(database, lambda: settings.public_url)
    worker.start()

    class ReadySupervisor(Multiprocess):
        """Says it is ready once every worker has started serving (what scripts wait for)."""

        def init_processes(self) -> None:
            super().init_processes()
            for process in self.processes:
                process.wait_until_ready(60, self.should_exit)
            print(f"central ready on http://{args.host}:{port}", flush=True)

    supervisor = ReadySupervisor(config, sockets=[sock])
    try:
        supervisor.run()
    finally:
        worker.stop()
        for keeper in keepers:
            keeper.stop()
        sock.close()
    return 0


FLEET_ALERT_SECONDS = 300
RETENTION_SECONDS = 86400


def start_keepers(database: Database, settings: Settings) -> list[Any]:
    """The server's periodic work, each on a thread of its own (docs/fleet.md)."""
    from datetime import UTC, datetime

    from central.core.db import one_at_a_time
    from central.core.periodic import Periodic
    from central.services import fleet, notifications, privacy

    def kiosk_alerts() -> None:
        # Each alert: a log line (no personal data) and a notice on the station's channels, in
        # the transaction that records it as fired.
        now = datetime.now(UTC)
        with database.writer.begin() as session:
            one_at_a_time(session, "kiosk alerts")  # several instances: one fires each alert

            def send(alert: fleet.KioskAlertDue) -> None:
                fleet.log_sender(alert)
                notifications.kiosk_alert(
                    session,
                    station_id=alert.station_id,
                    device_id=alert.device_id,
                    problem=alert.message,
                    now=now,
                )

            fleet.fire_alerts(session, now, settings, send)

    def retention() -> None:
        with database.writer.begin() as session:
            one_at_a_time(session, "retention")
            done = privacy.run_retention(session, datetime.now(UTC), settings.retention_years)
        if done.total:
            log.warning("retention: erased the personal data of %d closed records", done.total)

    # The first round before the server listens: a restart reports what is due at once.
    return [
        Periodic("kiosk alerts", FLEET_ALERT_SECONDS, kiosk_alerts).start(first_inline=True),
        Periodic("retention", RETENTION_SECONDS, retention).start(),
    ]
