# SPDX-License-Identifier: GPL-3.0-or-later
"""The access log without personal data or secrets (docs/security.md): no visitor's address,
no query string (the calendar feed's secret travels there), no tracking code in a path."""

from __future__ import annotations

import logging
import re

# Path segments that are a tracking code: the progress page and the console's records.
_CODE_IN_PATH = re.compile(r"^(/p|/console(?:/api)?/(?:appeals|appointments))/[^/?]+")


def private_path(path: str) -> str:
    """`path` as the log may show it."""
    path = path.partition("?")[0]
    return _CODE_IN_PATH.sub(r"\1/…", path)


class PrivateAccessLog(logging.Filter):
    """For uvicorn's access logger, whose record args are (address, method, path, version,
    status): the address becomes "-", the path `private_path`."""

    def filter(self, record: logging.LogRecord) -> bool:
        args = record.args
        if isinstance(args, tuple) and len(args) == 5:
            _address, method, path, version, status = args
            record.args = ("-", method, private_path(str(path)), version, status)
        return True
