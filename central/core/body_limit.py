# SPDX-License-Identifier: GPL-3.0-or-later
"""Request bodies are capped before anything reads them, and a kiosk's token is checked before
its body is read (issue 17, finding 2: one 56 MB POST without a token had grown the server by
1.3 GB).

An ASGI middleware, outermost but for Starlette's error handler: a declared Content-Length over
the cap is answered 413 at once; a body without one (chunked) is counted as it streams in and
answered 413 as soon as it passes the cap, so nothing behind it ever holds more than the cap.
"""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from typing import Any

from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException

Scope = dict[str, Any]
Message = dict[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]


@dataclass(frozen=True)
class BodyRule:
    """Bodies of requests whose path starts with `prefix` may be `limit` bytes at most; with
    `token_first`, a POST must carry a known device token before its body is read."""

    prefix: str
    limit: int
    token_first: bool = False


class BodyTooLarge(HTTPException):
    def __init__(self) -> None:
        super().__init__(413, "Request body too large.")


class BodyLimit:
    def __init__(
        self,
        app: Callable[[Scope, Receive, Send], Awaitable[None]],
        rules: Sequence[BodyRule],
        default_limit: int,
        token_known: Callable[[str], bool] | None = None,
    ) -> None:
        self.app = app
        self.rules = tuple(rules)
        self.default_limit = default_limit
        self.token_known = token_known

    def _rule(self, path: str) -> BodyRule:
        for rule in self.rules:
            if path.startswith(rule.prefix):
                return rule
        return BodyRule("", self.default_limit)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        rule = self._rule(scope["path"])
        headers = dict(scope.get("headers") or [])
        declared = headers.get(b"content-length")
        try:
            too_large = declared is not None and int(declared) > rule.limit
        except ValueError:
            too_large = True
        if too_large:
            await _answer(send, 413, "Request body too large.")
            return
        if rule.token_first and scope["method"] == "POST" and self.token_known is not None:
            scheme, _, token = headers.get(b"authorization", b"").decode("latin-1").partition(" ")
            known = scheme.lower() == "bearer" and await run_in_threadpool(
                self.token_known, token.strip()
            )
            if not known:
                await _answer(
                    send,
                    401,
                    "Unknown or revoked device token: enrol this kiosk again.",
                    [(b"www-authenticate", b"Bearer")],
                )
                return
        received = 0
        started = False

        async def counted() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > rule.limit:
                    raise BodyTooLarge()
            return message

        async def watched(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, counted, watched)
        except BodyTooLarge:
            # Raised where no handler turned it into an answer (a route reading the body
            # by hand, a streaming parser).
            if started:
                raise
            await _answer(send, 413, "Request body too large.")


async def _answer(
    send: Send, status: int, detail: str, extra: list[tuple[bytes, bytes]] | None = None
) -> None:
    body = json.dumps({"detail": detail}).encode()
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [
                (b"content-type", b"application/json"),
                (b"content-length", str(len(body)).encode()),
                (b"connection", b"close"),
                *(extra or []),
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})
