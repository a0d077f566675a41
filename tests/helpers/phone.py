# SPDX-License-Identifier: GPL-3.0-or-later
"""A phone's side of the public pages: plain HTTP with cookies (tests/central), and a real
headless Chromium at 360x740 driven through Debian's chromedriver (docs/phone-pages.md)."""

from __future__ import annotations

import base64
import html
import os
import re
import shutil
import tempfile
from pathlib import Path
from typing import Any

import requests

from tests.helpers.fonts import FONT_DIR
from tests.helpers.qt import SCREENSHOTS

PHONE_SIZE = (360, 740)
CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"
INSTALL_HINT = "apt-get install --no-install-recommends chromium chromium-driver (make setup)"


def page_text(page: str) -> str:
    """What a reader sees of an HTML page: the text without tags, spaces collapsed."""
    page = re.sub(r"<(style|script)\b.*?</\1>", " ", page, flags=re.S)
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", page))).strip()


def field_value(page: str, name: str) -> str:
    """The value of the form field called `name` (input or textarea)."""
    found = re.search(rf'name="{name}"[^>]*?value="([^"]*)"', page)
    if found:
        return html.unescape(found.group(1))
    found = re.search(rf'name="{name}"[^>]*>(.*?)</textarea>', page, flags=re.S)
    return html.unescape(found.group(1)) if found else ""


class Phone:
    """A visitor's phone browser without the browser: cookies kept, forms posted with their
    hidden fields as the page gave them."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.http = requests.Session()
        self.page = ""

    def get(self, path: str, **kwargs: Any) -> requests.Response:
        answer = self.http.get(self.url + path, timeout=30, **kwargs)
        self.page = answer.text
        return answer

    def submit(self, path: str, fields: dict[str, str], **hidden: str) -> requests.Response:
        """Post a form of the page last loaded (its csrf token and hidden fields included)."""
        # A page without a form (the back button's older page had one): the cookie's token.
        data = {"csrf": field_value(self.page, "csrf") or self.http.cookies.get("csrf", "")}
        for name in ("access", "deputy"):
            if f'name="{name}"' in self.page:
                data[name] = field_value(self.page, name)
        answer = self.http.post(self.url + path, data=data | hidden | fields, timeout=30)
        self.page = answer.text
        return answer

    @property
    def text(self) -> str:
        return page_text(self.page)

    def code(self) -> str:
        """The tracking code a result page shows."""
        found = re.search(r'id="code">([^<]+)<', self.page)
        assert found, self.text
        return found.group(1).replace("-", "")


def _fonts_conf(folder: Path) -> Path:
    """Chromium's fonts: the system's and the kiosk's shipped Chinese font (tests/conftest.py
    points fontconfig at an empty set for Qt; a phone has its own Chinese fonts)."""
    conf = folder / "fonts.conf"
    conf.write_text(
        '<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>'
        '<include ignore_missing="yes">/etc/fonts/fonts.conf</include>'
        f"<dir>{FONT_DIR}</dir>"
        f"<cachedir>{folder / 'cache'}</cachedir></fontconfig>\n",
        encoding="utf-8",
    )
    return conf


# Generous: a loaded CI machine can take seconds to run chromium's next page.
WAIT_SECONDS = 30


class Browser:
    """Headless Chromium emulating a 360x740 phone (or, with `size`, a desktop window of that
    size, as the console's tests use). Screenshots go to screenshots/."""

    def __init__(self, size: tuple[int, int] | None = None, prefix: str = "phone") -> None:
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service

        if not (shutil.which(CHROMIUM) and shutil.which(CHROMEDRIVER)):
            raise RuntimeError(f"Chromium is missing; install it: {INSTALL_HINT}")
        self._folder = Path(tempfile.mkdtemp(prefix="phone-browser-"))
        options = webdriver.ChromeOptions()
        options.binary_location = CHROMIUM
        for argument in (
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--hide-scrollbars",
            f"--user-data-dir={self._folder / 'profile'}",
            "--lang=zh-CN",
        ):
            options.add_argument(argument)
        self.size = size or PHONE_SIZE
        self.prefix = prefix
        width, height = self.size
        if size is None:
            # Headless windows are at least 500 px wide; a phone's viewport is set by emulation.
            options.add_experimental_option(
                "mobileEmulation",
                {"deviceMetrics": {"width": width, "height": height, "pixelRatio": 1.0}},
            )
        else:
            options.add_argument(f"--window-size={width},{height}")
        env = dict(os.environ, FONTCONFIG_FILE=str(_fonts_conf(self._folder)))
        # An explicit driver path: selenium never looks for (or downloads) one itself.
        service = Service(CHROMEDRIVER, env=env)
        self.driver = webdriver.Chrome(options=options, service=service)

    def open(self, url: str) -> None:
        self.driver.get(url)

    def find(self, element_id: str):
        from selenium.webdriver.common.by import By

        return self._settled(lambda: self.driver.find_element(By.ID, element_id))

    def _settled(self, look):
        """`look()` once chromedriver has let go of the page before: right after a new page
        comes in, it may still answer about a node of the old one ("does not belong to the
        document"); asking again a moment later gets the new page's answer."""
        from selenium.common.exceptions import WebDriverException
        from selenium.webdriver.support.ui import WebDriverWait

        def attempt(driver):
            try:
                return look()
            except WebDriverException as error:
                if "does not belong to the document" not in str(error):
                    raise
                return None

        return WebDriverWait(self.driver, WAIT_SECONDS).until(attempt)

    def type(self, element_id: str, text: str) -> None:
        element = self.find(element_id)
        element.clear()
        element.send_keys(text)

    def choose(self, element_id: str, visible_text: str) -> None:
        from selenium.webdriver.support.ui import Select

        Select(self.find(element_id)).select_by_visible_text(visible_text)

    def click(self, element_id: str) -> None:
        self.find(element_id).click()

    def click_css(self, selector: str) -> None:
        from selenium.webdriver.common.by import By

        self.driver.find_element(By.CSS_SELECTOR, selector).click()

    def open_menu(self, element_id: str) -> None:
        """Open the console header's menu (诉求, 发布, ...) holding `element_id`, as a person
        taps its title; nothing when the link stands on its own."""
        menu = self.driver.execute_script(
            "const e = document.getElementById(arguments[0]);"
            "return e && e.closest('details.menu');",
            element_id,
        )
        if menu is not None and menu.get_attribute("open") is None:
            menu.find_element("css selector", "summary").click()

    def nav(self, element_id: str) -> None:
        """Go to a console page by its link in the header's menus."""
        self.open_menu(element_id)
        self.follow(element_id)

    def follow(self, element_id: str) -> None:
        """Tap a button or link that loads a new page, and wait until that page is there."""
        from selenium.common.exceptions import WebDriverException
        from selenium.webdriver.support import expected_conditions
        from selenium.webdriver.support.ui import WebDriverWait

        old = self.driver.find_element("tag name", "html")
        try:
            self.find(element_id).click()
        except WebDriverException as error:
            # chromedriver may look at the tapped node once more after the tap; when the new
            # page has already replaced it, it reports this although the tap went through.
            if "does not belong to the document" not in str(error):
                raise
        stale = expected_conditions.staleness_of(old)

        def gone(driver) -> bool:
            # Asked about a node of a page already replaced, chromedriver may answer "does not
            # belong to the document": that node is gone, which is what we wait for.
            try:
                return stale(driver)
            except WebDriverException as error:
                if "does not belong to the document" not in str(error):
                    raise
                return True

        WebDriverWait(self.driver, WAIT_SECONDS).until(gone)
        WebDriverWait(self.driver, WAIT_SECONDS).until(
            lambda d: d.execute_script("return document.readyState") == "complete"
        )

    @property
    def text(self) -> str:
        return self._settled(lambda: self.driver.find_element("tag name", "body").text)

    def widths(self) -> tuple[int, int]:
        """(viewport width, page width): equal when nothing sticks out sideways."""
        return tuple(
            self.driver.execute_script(
                "return [window.innerWidth, document.documentElement.scrollWidth]"
            )
        )

    def screenshot(self, name: str, full: bool = False) -> Path:
        """The screen as the phone shows it (360x740); `full`: also the whole page's length."""
        SCREENSHOTS.mkdir(exist_ok=True)
        width, height = self.size
        path = SCREENSHOTS / f"{self.prefix}-{name}_{width}x{height}.png"
        self.driver.save_screenshot(str(path))
        if full:  # beyond the viewport, without touching the emulated screen
            length = self.driver.execute_script("return document.documentElement.scrollHeight")
            clip = {"x": 0, "y": 0, "width": width, "height": length, "scale": 1}
            shot = self.driver.execute_cdp_cmd(
                "Page.captureScreenshot",
                {"format": "png", "captureBeyondViewport": True, "clip": clip},
            )
            # The phone pages keep their names; other sizes say which size the page is for.
            suffix = "_full" if self.prefix == "phone" else f"_{width}x{height}_full"
            full_path = SCREENSHOTS / f"{self.prefix}-{name}{suffix}.png"
            full_path.write_bytes(base64.b64decode(shot["data"]))
        return path

    def close(self) -> None:
        self.driver.quit()
        shutil.rmtree(self._folder, ignore_errors=True)
