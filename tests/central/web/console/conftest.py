# SPDX-License-Identifier: GPL-3.0-or-later
"""The console's browsers: one desktop (1366x768) and one phone (360x740) Chromium per test
process, shared by the console's test modules (each start costs seconds). Every module starts
signed out, at the size it expects."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.helpers.phone import Browser

DESKTOP = (1366, 768)


@pytest.fixture(scope="session")
def _desktop_browser() -> Iterator[Browser]:
    browser = Browser(size=DESKTOP, prefix="console")
    yield browser
    browser.close()


@pytest.fixture(scope="session")
def _phone_browser() -> Iterator[Browser]:
    browser = Browser(prefix="console")
    yield browser
    browser.close()


def _fresh(browser: Browser) -> Browser:
    """No page and no cookie left by the module before (the console stores nothing else)."""
    browser.driver.get("about:blank")
    browser.driver.execute_cdp_cmd("Network.clearBrowserCookies", {})
    browser.driver.execute_cdp_cmd(
        "Storage.clearDataForOrigin", {"origin": "*", "storageTypes": "all"}
    )
    return browser


@pytest.fixture(scope="module")
def desktop(_desktop_browser: Browser) -> Browser:
    return _fresh(_desktop_browser)


@pytest.fixture(scope="module")
def phone(_phone_browser: Browser) -> Browser:
    return _fresh(_phone_browser)
