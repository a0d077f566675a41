# SPDX-License-Identifier: GPL-3.0-or-later
"""The central server's API v1 (docs/sync-api.md) over one kept-alive HTTP(S) connection.

Failures come out as three kinds, because the worker treats them differently:
`Unreachable` (network, timeout, 5xx, a cut-off or garbled answer): try again later;
`NotEnrolled` (401/403): stop and say so; `Refused` (another 4xx): the request itself is wrong.

The standard library's http.client carries it (docs/decisions.md, "The kiosk's HTTP client: the
standard library"): `requests` cost the kiosk's start ~120 ms and ~4 MB. http.client, and with
it ssl, is imported at the first request, not with this module (kiosk.services imports it at
start for the error types).
"""

from __future__ import annotations

import json as _json_module
import zlib
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any
from urllib.parse import quote, urlencode, urlsplit

if TYPE_CHECKING:
    from http.client import HTTPConnection, HTTPMessage
    from ssl import SSLContext

TIMEOUT = (5, 30)  # seconds to connect, seconds between bytes


class SyncError(Exception):
    pass


class Unreachable(SyncError):
    """The server could not be reached or answered badly; worth retrying. `cause` is one of
    kiosk.sync.policy.RETRY_CAUSES."""

    def __init__(self, message: str, cause: str = "unreachable") -> None:
        super().__init__(message)
        self.cause = cause


class NotEnrolled(SyncError):
    """The server does not accept this kiosk's token (never enrolled, or revoked)."""


class Refused(SyncError):
    """The server refused the request; its words are the message."""


@dataclass(frozen=True)
class Enrolment:
    device_id: str
    device_token: str
    station_id: str
    server_public_key: str


def check_server_url(url: str, allow_plain_http: bool = False) -> str:
    """HTTPS, or plain HTTP to this machine (or when explicitly allowed)."""
    parts = urlsplit(url)
    loopback = parts.hostname in ("localhost", "127.0.0.1", "::1")
    if parts.scheme == "https" or (parts.scheme == "http" and (loopback or allow_plain_http)):
        return url.rstrip("/")
    raise ValueError(f"{url!r}: the server must be https:// (http:// only on this machine)")


class CentralClient:
    def __init__(
        self,
        base_url: str,
        token: str = "",
        *,
        ca_bundle: str = "",
        allow_plain_http: bool = False,
        timeout: tuple[float, float] | None = None,
    ) -> None:
        """One connection to the server at `base_url`, opened at the first request and kept
        open between requests. `ca_bundle`: the CA certificates to trust (a PEM file) instead
        of certifi's; `timeout`: (seconds to connect, seconds between bytes)."""
        self.base_url = check_server_url(base_url, allow_plain_http)
        parts = urlsplit(self.base_url)
        self._https = parts.scheme == "https"
        self._host = parts.hostname or ""
        # Given always: http.client would read the end of an IPv6 address ("::1") as a port.
        self._port = parts.port or (443 if self._https else 80)
        self._path = parts.path  # a server under a path (behind a proxy): its requests too
        self.timeout = timeout or TIMEOUT
        self.ca_bundle = ca_bundle
        self.headers = {"User-Agent": "station-kiosk", "Accept-Encoding": "gzip"}
        if token:
            self.headers["Authorization"] = f"Bearer {token}"
        self._connection: HTTPConnection | None = None
        self._tls: SSLContext | None = None
        self.connections_opened = 0  # how many times a connection was opened (tests, logs)

    def close(self) -> None:
        if self._connection is not None:
            self._connection.close()
            self._connection = None

    def _open(self) -> HTTPConnection:
        import http.client

        connect_timeout, read_timeout = self.timeout
        connection: HTTPConnection
        if self._https:
            connection = http.client.HTTPSConnection(
                self._host, self._port, timeout=connect_timeout, context=self._tls_context()
            )
        else:
            connection = http.client.HTTPConnection(self._host, self._port, timeout=connect_timeout)
        try:
            connection.connect()  # the TLS handshake too, within the connect timeout
            assert connection.sock is not None
            connection.sock.settimeout(read_timeout)
        except BaseException:
            connection.close()
            raise
        self.connections_opened += 1
        return connection

    def _tls_context(self) -> SSLContext:
        """Certificates verified against `ca_bundle`, else certifi's CA file: the bundle runs
        on systems where the ca-certificates package may be absent. Host names checked."""
        if self._tls is None:
            import ssl

            if self.ca_bundle:
                cafile = self.ca_bundle
            else:
                import certifi

                cafile = certifi.where()
            self._tls = ssl.create_default_context(cafile=cafile)
        return self._tls

    def _kept_connection(self) -> HTTPConnection | None:
        """The open connection, if the server has not closed it meanwhile (urllib3's check:
        an idle connection that has something to read was closed, or is out of step)."""
        connection = self._connection
        if connection is None or connection.sock is None:
            self._connection = None
            return None
        if _readable(connection.sock):
            connection.close()
            self._connection = None
            return None
        return connection

    def _send(
        self, method: str, target: str, body: bytes | None, headers: dict[str, str]
    ) -> HTTPConnection:
        """The request, on the kept connection or a new one. Nothing is retried here: once
        a request may have reached the server, the worker decides (the server may have done
        it). As urllib3 does, a connection reset or closed while the request is being written
        goes on to read the answer: the server may have said why (or closed it: "cut_off")."""
        import errno

        connection = self._kept_connection()
        if connection is None:
            connection = self._open()
            self._connection = connection
        try:
            connection.request(method, target, body=body, headers=headers)
        except (BrokenPipeError, ConnectionResetError):
            pass
        except OSError as error:
            if error.errno != errno.EPROTOTYPE:  # macOS's word for a reset while sending
                raise
        return connection

    def _exchange(
        self,
        method: str,
        path: str,
        *,
        json: Any = None,
        data: bytes | None = None,
        params: dict[str, str] | None = None,
        headers: dict[str, str] | None = None,
    ) -> _Answer:
        """The server's answer, whatever its status; Unreachable when none came whole."""
        import http.client

        # As requests sent it: what is not ASCII (a photo's name) percent-encoded, escapes kept.
        target = quote(self._path + path, safe="!#$%&'()*+,/:;=?@[]~")
        if params:
            target += f"?{urlencode(params)}"
        sent = self.headers | (headers or {})
        if json is not None:
            data = _json_module.dumps(json).encode()
            sent["Content-Type"] = "application/json"
        answered = False  # the status line arrived: a failure from here cut the answer off
        try:
            connection = self._send(method, target, data, sent)
            response = connection.getresponse()
            answered = True
            body = response.read()
            if response.will_close:
                self.close()
            return _Answer(response.status, response.headers, _decoded(response.headers, body))
        except (OSError, http.client.HTTPException, zlib.error) as error:
            self.close()
            cause = _cause_of(error, answered)
            raise Unreachable(f"{type(error).__name__}: {error}", cause) from error

    def _call(self, method: str, path: str, **kwargs: Any) -> _Answer:
        answer = self._exchange(method, path, **kwargs)
        if answer.status in (401, 403):
            raise NotEnrolled(_detail(answer))
        if answer.status >= 500:
            raise Unreachable(f"server error {answer.status}", "server_error")
        if answer.status >= 400:
            raise Refused(_detail(answer))
        return answer

    def _json(self, answer: _Answer) -> Any:
        try:
            return _json_module.loads(answer.body)
        except ValueError as error:
            raise Unreachable(f"unreadable answer: {error}", "cut_off") from None

    def status(self, path: str) -> int:
        """The status of a GET of `path`, whatever it is (the admin panel's check); raises
        Unreachable, its `__cause__` the network's or TLS's error, when no answer came."""
        return self._exchange("GET", path).status

    def enrol(
        self, code: str, device_name: str, device_id: str = "", device_token: str = ""
    ) -> Enrolment:
        request = {"enrolment_code": code, "device_name": device_name}
        if device_id and device_token:
            request |= {"device_id": device_id, "device_token": device_token}
        body = self._json(self._call("POST", "/api/v1/enrol", json=request))
        try:
            return Enrolment(
                str(body["device_id"]),
                str(body["device_token"]),
                str(body["station_id"]),
                str(body["server_public_key"]),
            )
        except (KeyError, TypeError):
            raise Unreachable("the enrolment answer lacks fields", "cut_off") from None

    def snapshot(
        self, station_id: str, etag: str | None, since: str | None = None
    ) -> tuple[Any, str] | None:
        """The station's snapshot document and its ETag, or None when unchanged (304).

        With `since` (the cursor of the document this kiosk keeps), the server may answer
        with only what changed since (a document with `delta_from`; docs/sync-api.md)."""
        headers = {"If-None-Match": etag} if etag else {}
        params = {"since": since} if since else {}
        response = self._call(
            "GET", f"/api/v1/stations/{station_id}/snapshot", headers=headers, params=params
        )
        if response.status == 304:
            return None
        return self._json(response), response.headers.get("ETag", "")

    def photo(self, url: str) -> bytes:
        path = url if url.startswith("/") else urlsplit(url).path
        return self._call("GET", path).body

    def post_events(self, station_id: str, payloads: list[bytes]) -> list[dict[str, Any]]:
        """Send outbox payloads (each already the exact event JSON); one result per event."""
        body = b'{"events":[' + b",".join(payloads) + b"]}"
        response = self._call(
            "POST",
            f"/api/v1/stations/{station_id}/events",
            data=body,
            headers={"Content-Type": "application/json"},
        )
        answer = self._json(response)
        results = answer.get("results") if isinstance(answer, dict) else None
        if not isinstance(results, list) or len(results) != len(payloads):
            raise Unreachable("the server's answer does not list one result per event", "cut_off")
        return results

    def look_up(self, station_id: str, code: str, last4: str) -> dict[str, Any]:
        """Ask the server about a code this kiosk did not take: `{"found", "locked_until",
        "progress"}` (docs/sync-api.md, "Progress lookups")."""
        answer = self._json(
            self._call(
                "POST",
                f"/api/v1/stations/{station_id}/lookups",
                json={"code": code, "last4": last4},
            )
        )
        if not isinstance(answer, dict) or not isinstance(answer.get("found"), bool):
            raise Unreachable("the lookup answer lacks fields", "cut_off")
        return answer

    def heartbeat(self, station_id: str, report: dict[str, Any]) -> dict[str, Any]:
        return self._json(
            self._call("POST", f"/api/v1/stations/{station_id}/heartbeat", json=report)
        )


def tls_problem(error: BaseException) -> str:
    """Why the secure connection failed, if that is why `error` (an Unreachable) came:
    "certificate" when the server's certificate is not trusted (another CA, another host
    name, expired), "tls" for another TLS failure (a server that does not speak TLS), else ""."""
    cause = error.__cause__
    if cause is None:
        return ""
    import ssl  # loaded already when there is a cause: http.client imports it

    if isinstance(cause, ssl.SSLCertVerificationError):
        return "certificate"
    return "tls" if isinstance(cause, ssl.SSLError) else ""


@dataclass(frozen=True)
class _Answer:
    status: int
    headers: HTTPMessage
    body: bytes  # decoded (gzip)


def _decoded(headers: HTTPMessage, body: bytes) -> bytes:
    encoding = headers.get("Content-Encoding", "identity").strip().lower()
    if encoding == "gzip":
        return zlib.decompress(body, wbits=31)  # raises zlib.error if garbled or cut short
    return body


def _readable(sock: Any) -> bool:
    """Whether an idle socket has something to read: the server closed it (or sent what no
    request asked for). Either way it is not fit for the next request."""
    import select

    if hasattr(select, "poll"):
        poller = select.poll()
        poller.register(sock, select.POLLIN)
        return bool(poller.poll(0))
    return bool(select.select([sock], [], [], 0)[0])


def _cause_of(error: BaseException, answered: bool) -> str:
    """Why a request failed, in RETRY_CAUSES' words: a timeout; an answer cut off (the body
    ended early or was garbled, or the connection closed instead of answering: the server may
    have done the work); else the server could not be reached."""
    from http.client import RemoteDisconnected

    if isinstance(error, TimeoutError):
        return "timeout"
    if answered or isinstance(error, RemoteDisconnected):
        return "cut_off"
    return "unreachable"


def _detail(answer: _Answer) -> str:
    try:
        detail = _json_module.loads(answer.body).get("detail")
    except (ValueError, AttributeError):
        detail = None
    return str(detail) if detail else f"HTTP {answer.status}"
