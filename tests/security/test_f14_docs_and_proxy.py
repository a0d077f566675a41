# SPDX-License-Identifier: GPL-3.0-or-later
"""Finding 14: /docs loaded Swagger UI from a CDN, on the public pages' origin, always;
cookies lacked Secure; X-Forwarded-For was believed from loopback. Now the API docs are
served only with `serve --api-docs`, from local files; `--behind-tls-proxy` sets Secure on
every cookie and is the only case in which X-Forwarded-For is believed (from the trusted
proxies only)."""

from __future__ import annotations

import re

import requests

from central.launch import running_central
from tests.central.phone_fixtures import demo_station
from tests.central.web.phone.test_pages import leave_message, new_mobile
from tests.helpers.phone import Phone


def test_no_api_docs_unless_asked(central):
    for path in ("/docs", "/redoc", "/openapi.json"):
        assert requests.get(central.url + path, timeout=10).status_code == 404, path


def test_api_docs_come_from_local_files(tmp_path):
    with running_central(tmp_path, "--api-docs") as server:
        page = requests.get(server.url + "/docs", timeout=10)
        assert page.status_code == 200 and "swagger-ui" in page.text
        assets = re.findall(r'(?:src|href|url)\s*[=:]\s*[\'"]([^\'"]+)[\'"]', page.text)
        assert assets
        for asset in assets:
            assert asset.startswith("/"), f"{asset} is not this server's own"
            assert requests.get(server.url + asset, timeout=10).status_code == 200, asset
        paths = requests.get(server.url + "/openapi.json", timeout=10).json()["paths"]
        assert "/api/v1/stations/{station_id}/events" in paths


def cookies_of(url: str, path: str) -> list[str]:
    answer = requests.get(url + path, timeout=10)
    return [value for key, value in answer.raw.headers.items() if key.lower() == "set-cookie"]


def test_cookies_are_secure_behind_a_tls_proxy(tmp_path, phone_station):
    plain = cookies_of(phone_station.url, "/d/demo-01?lang=en")
    assert plain and not any("secure" in cookie.lower() for cookie in plain)
    with running_central(tmp_path, "--behind-tls-proxy") as server:
        demo_station(server)
        cookies = cookies_of(server.url, "/d/demo-01?lang=en")
        assert len(cookies) == 2 and all("; secure" in cookie.lower() for cookie in cookies)
        login = cookies_of(server.url, "/console/login?lang=en")
        assert login and all("; secure" in cookie.lower() for cookie in login)


def wrong_tries_from(url: str, forwarded_for: list[str]) -> list[int]:
    """Wrong last-4 answers for one code, each claiming another address; the statuses."""
    visitor = Phone(url)
    visitor.get("/d/demo-01")
    # As the browser behind the TLS proxy would: it sends its (Secure) cookie back, which
    # this plain-HTTP client does not do by itself.
    visitor.http.headers["Cookie"] = f"csrf={visitor.http.cookies.get('csrf')}"
    mobile = new_mobile()
    code = leave_message(visitor, mobile=mobile)
    wrong = "0000" if mobile[-4:] != "0000" else "1111"
    visitor.get(f"/p/{code}")
    statuses = []
    for address in forwarded_for:
        visitor.http.headers["X-Forwarded-For"] = address
        statuses.append(visitor.submit(f"/p/{code}", {"last4": wrong}).status_code)
    return statuses


ADDRESSES = [f"203.0.113.{n}" for n in range(1, 8)]


def test_x_forwarded_for_is_not_believed_without_the_proxy_option(phone_station):
    # The lockout per (address, code) sees one address: the claimed ones change nothing.
    assert wrong_tries_from(phone_station.url, ADDRESSES)[-1] == 429


def test_x_forwarded_for_is_believed_from_a_trusted_proxy_only(tmp_path):
    with running_central(tmp_path / "a", "--behind-tls-proxy") as server:
        demo_station(server)
        # From 127.0.0.1 (the default trusted proxy) each claimed address counts for itself.
        assert set(wrong_tries_from(server.url, ADDRESSES)) == {403}
    with running_central(
        tmp_path / "b", "--behind-tls-proxy", "--trusted-proxies", "192.0.2.1"
    ) as server:
        demo_station(server)
        assert wrong_tries_from(server.url, ADDRESSES)[-1] == 429
