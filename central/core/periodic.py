# SPDX-License-Identifier: GPL-3.0-or-later
"""A task the server runs every so often on a thread of its own (the fleet's alerts, the
retention of personal data). A failing run is logged and the next one comes all the same."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable

log = logging.getLogger(__name__)


class Periodic:
    """Run `task` at once and then every `seconds`, until `stop()`."""

    def __init__(self, name: str, seconds: float, task: Callable[[], None]) -> None:
        self.name = name
        self.seconds = seconds
        self._task = task
        self._stopped = threading.Event()
        self._skip_first = False
        self._thread = threading.Thread(target=self._run, name=name, daemon=True)

    def start(self, *, first_inline: bool = False) -> Periodic:
        """Start the thread; with `first_inline` the first run happens here, before."""
        if first_inline:
            self._once()
            self._skip_first = True
        self._thread.start()
        return self

    def stop(self, timeout: float = 5.0) -> None:
        self._stopped.set()
        if self._thread.is_alive():
            self._thread.join(timeout)

    def _once(self) -> None:
        try:
            self._task()
        except Exception:
            log.exception("%s failed; it runs again in %.0f s", self.name, self.seconds)

    def _run(self) -> None:
        if self._skip_first:
            self._stopped.wait(self.seconds)
        while not self._stopped.is_set():
            self._once()
            self._stopped.wait(self.seconds)
