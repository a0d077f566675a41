# SPDX-License-Identifier: GPL-3.0-or-later
"""The links a receipt carries: the phone page where a visitor follows their case.

The server sends the link's pattern with every station document (`links.progress`,
"https://…/p/{code}"). A kiosk that has not pulled one yet gives its receipt without a link
(the receipt shows the code, which the kiosk's own lookup and the phone pages take): the
server's public address is not the address the kiosk talks to, so it is never guessed. Only a
demo kiosk falls back to the demo station's link (docs/appeals.md).
"""

from __future__ import annotations

import json
from sqlite3 import Connection

from kiosk.store.sync_state import get_state


def progress_link(connection: Connection, code: str, demo: bool) -> str:
    """The phone page for `code`, or "" when this kiosk does not know the server's yet."""
    link = ""
    try:
        links = json.loads(get_state(connection, "links") or "{}")
        link = links.get("progress", "") if isinstance(links, dict) else ""
    except ValueError:
        pass
    if not isinstance(link, str) or "{code}" not in link:
        if not demo:
            return ""
        from kiosk.demo import DEMO_PROGRESS_LINK

        link = DEMO_PROGRESS_LINK
    return link.replace("{code}", code)
