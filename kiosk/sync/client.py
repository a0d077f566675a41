# SPDX-License-Identifier: GPL-3.0-or-later
"""The central server's API v1 (docs/sync-api.md) over one requests.Session.

Failures come out as three kinds, because the worker treats them differently:
`Unreachable` (network, timeout, 5xx, a cut-off or garbled answer): try again later;
`NotEnrolled` (401/403): stop and say so; `Refused` (another 4xx): the request itself is wrong.
"""

from __future__ import annotations

from dataclasses import dataclass
from http.client import IncompleteRead, RemoteDisconnected
from typing import Any
from urllib.parse import urlsplit

import requests
from requests.adapters import BaseAdapter
from requests.exceptions import ContentDecodingError

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
        transport: BaseAdapter | None = None,
    ) -> None:
        """`transport`: what carries the requests instead of the network (the in-process
        tests' fake server, tests/sync/test_worker.py); None in service."""
        self.base_url = check_server_url(base_url, allow_plain_http)
        self.timeout = timeout or TIMEOUT
        self.session = requests.Session()
        if transport is not None:
            self.session.mount("http://", transport)
            self.session.mount("https://", transport)
        self.session.headers["User-Agent"] = "station-kiosk"
        if token:
            self.session.headers["Authorization"] = f"Bearer {token}"
        if ca_bundle:
            self.session.verify = ca_bundle

    def close(self) -> None:
        self.session.close()

    def _call(self, method: str, path: str, **kwargs: Any) -> requests.Response:
        try:
            response = self.session.request(
                method, self.base_url + path, timeout=self.timeout, **kwargs
            )
        except requests.RequestException as error:
            raise Unreachable(f"{type(error).__name__}: {error}", _cause_of(error)) from None
        if response.status_code in (401, 403):
            raise NotEnrolled(_detail(response))
        if response.status_code >= 500:
            raise Unreachable(f"server error {response.status_code}", "server_error")
        if response.status_code >= 400:
            raise Refused(_detail(response))
        return response

    def _json(self, response: requests.Response) -> Any:
        try:
            return response.json()
        except (ValueError, requests.RequestException) as error:
            raise Unreachable(f"unreadable answer: {error}", "cut_off") from None

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
        if response.status_code == 304:
            return None
        return self._json(response), response.headers.get("ETag", "")

    def photo(self, url: str) -> bytes:
        path = url if url.startswith("/") else urlsplit(url).path
        return self._call("GET", path).content

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


def _cause_of(error: requests.RequestException) -> str:
    """Why a request failed, in RETRY_CAUSES' words: a timeout; an answer cut off (the body
    ended early, or the connection closed instead of answering: the server may have done the
    work); else the server could not be reached."""
    if isinstance(error, requests.Timeout):
        return "timeout"
    if isinstance(error, requests.exceptions.ChunkedEncodingError | ContentDecodingError):
        return "cut_off"
    seen: list[BaseException] = [error]
    while seen:
        part = seen.pop()
        if isinstance(part, RemoteDisconnected | IncompleteRead):
            return "cut_off"
        seen.extend(a for a in part.args if isinstance(a, BaseException))
    return "unreachable"


def _detail(response: requests.Response) -> str:
    try:
        detail = response.json().get("detail")
    except (ValueError, AttributeError):
        detail = None
    return str(detail) if detail else f"HTTP {response.status_code}"
