# SPDX-License-Identifier: GPL-3.0-or-later
"""`serve`: run the server until stopped, saying so on standard output once it listens."""

from __future__ import annotations

import argparse
import copy

from central.cli.common import CommandError
from central.core.config import Settings


def serve(settings: Settings, args: argparse.Namespace) -> int:
    import dataclasses

    import uvicorn

    from central.main import create_app

    public_url = args.public_url.strip().rstrip("/")
    if public_url and not public_url.startswith(("http://", "https://")):
        raise CommandError("--public-url: an http:// or https:// address")
    if args.address_limit < 1 or args.mobile_limit < 1:
        raise CommandError("--address-limit and --mobile-limit: at least 1")
    settings = dataclasses.replace(
        settings,
        public_url=public_url,
        address_limit=args.address_limit,
        mobile_limit=args.mobile_limit,
        rate_limit_storage=args.rate_limit_storage,
        api_docs=args.api_docs,
        secure_cookies=args.behind_tls_proxy,
    )
    app = create_app(settings)
    log_config = copy.deepcopy(uvicorn.config.LOGGING_CONFIG)
    # Standard output carries only the ready line; logs go to standard error.
    log_config["handlers"]["access"]["stream"] = "ext://sys.stderr"
    # No visitor's address, query string or tracking code in the log (docs/security.md).
    log_config.setdefault("filters", {})["private"] = {
        "()": "central.core.access_log.PrivateAccessLog"
    }
    log_config["handlers"]["access"]["filters"] = ["private"]
    config = uvicorn.Config(
        app,
        host=args.host,
        port=args.port,
        log_config=log_config,
        access_log=not args.no_access_log,
        # Only behind a TLS proxy is X-Forwarded-For believed, and only from the trusted
        # proxies; otherwise the address a request came from is the connection's own.
        proxy_headers=args.behind_tls_proxy,
        forwarded_allow_ips=args.trusted_proxies if args.behind_tls_proxy else "",
        timeout_graceful_shutdown=5,
    )

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
                print(f"central ready on http://{self.config.host}:{port}", flush=True)

    # Notices leave from a thread of their own: a request never waits for a robot or SMTP.
    from central.services.notify_worker import NotificationWorker

    worker = NotificationWorker(app.state.database, lambda: app.state.public_url)
    app.state.notification_worker = worker
    try:
        ReadyServer(config).run()
    finally:
        worker.stop()
    return 0
