# SPDX-License-Identifier: GPL-3.0-or-later
"""The kiosk's one way off the GUI thread and back: `OffThread.run(work, done, failed)` runs
`work` on Qt's global thread pool and calls `done(result)`, or `failed(error)`, on the GUI
thread, through a queued signal of the QObject that asked.

Everything slower than a moment (database writes and reads, argon2id checks, the network, a
printer) goes this way, so that the screens keep answering touches. `Kiosk.close` waits for
the pool before the objects the work reports to go.
"""

from __future__ import annotations

import logging
import weakref
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QThreadPool, Signal, Slot

log = logging.getLogger(__name__)

# QThreadPool priorities: someone waits at the screen (a deputy at the pad, a visitor at the
# submit button, a day's rows) before queued background work (receipts' contact checks).
WAITED_FOR = 1
BACKGROUND = 0

_slow_pool: list[QThreadPool] = []


def slow_pool() -> QThreadPool:
    """One thread of its own for slow work nobody waits for (a receipt's contact check: a
    second of argon2id each), so that it never holds up what someone waits for on the
    global pool (a submission, a sign-in)."""
    if not _slow_pool:
        pool = QThreadPool()
        pool.setMaxThreadCount(1)
        _slow_pool.append(pool)
    return _slow_pool[0]


def wait_for_work(msecs: int) -> bool:
    """Wait until all work off the GUI thread is done (the kiosk closing): True if it is."""
    done = QThreadPool.globalInstance().waitForDone(msecs)
    return all(pool.waitForDone(msecs) for pool in _slow_pool) and done


class OffThread(QObject):
    """Work on the pool, its result shown on the GUI thread (see the module's doc)."""

    _finished = Signal(int, object, bool)  # from a pool thread: the job, its result, failed
    # Jobs someone waits at the screen for (WAITED_FOR), not shown yet, in every OffThread:
    # what "the kiosk is still answering a tap" means (tests' visitors wait for it).
    awaited = 0
    _every: weakref.WeakSet[OffThread] = weakref.WeakSet()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._jobs: dict[int, tuple[Callable[[Any], None], Callable[[Exception], None]]] = {}
        self._awaited: set[int] = set()
        self._count = 0
        self._connected = False  # at the first run: see `run`
        OffThread._every.add(self)

    def run(
        self,
        work: Callable[[], Any],
        done: Callable[[Any], None] = lambda result: None,
        failed: Callable[[Exception], None] = lambda error: None,
        priority: int = BACKGROUND,
        expected: tuple[type[Exception], ...] = (),
        slow: bool = False,
    ) -> int:
        """Run `work` on a pool thread; then `done(result)` on the GUI thread, or
        `failed(error)` when `work` raised (logged with its traceback here, unless it is one
        of the `expected` answers, such as a refusal the screen words). Returns the job's
        number, for `forget`. `slow`: on `slow_pool`, after the work before it there."""
        if not self._connected:
            # Connected here rather than when the object is made (before the first frame):
            # naming Qt.ConnectionType builds all of PySide's `Qt` enums (kiosk/ui/qtenums.py).
            from PySide6.QtCore import Qt

            self._finished.connect(self._deliver, Qt.ConnectionType.QueuedConnection)
            self._connected = True
        self._count += 1
        job = self._count
        self._jobs[job] = (done, failed)
        if priority >= WAITED_FOR:
            self._awaited.add(job)
            OffThread.awaited += 1

        def run() -> None:
            try:
                result, broke = work(), False
            except Exception as error:  # noqa: BLE001 (shown on the GUI thread)
                if not isinstance(error, expected):
                    log.exception("work off the GUI thread failed")
                result, broke = error, True
            try:
                self._finished.emit(job, result, broke)
            except RuntimeError:  # the object that asked is gone (the kiosk closed)
                log.info("work finished after its screen closed: not shown")

        pool = slow_pool() if slow else QThreadPool.globalInstance()
        # The callable itself, not a QRunnable subclass: PySide 6.11 keeps the Python half
        # of some of those alive after the pool deleted them (about one in 20 to 70, and with
        # it `work` and all it holds). A callable is let go once it ran.
        pool.start(run, priority)
        return job

    def forget(self, job: int | None = None) -> None:
        """Show nothing of `job` (or of any job under way) when it ends: what it answers is
        stale (the visitor walked away, a newer read started)."""
        for forgotten in list(self._jobs) if job is None else [job]:
            self._jobs.pop(forgotten, None)
            self._answered(forgotten)

    @classmethod
    def forget_all(cls) -> None:
        """Show nothing of any job under way anywhere (the kiosk closing, its work done): an
        answer still queued then is dropped, and no longer counted as awaited."""
        for offthread in list(cls._every):
            offthread.forget()

    def _answered(self, job: int) -> None:
        if job in self._awaited:
            self._awaited.discard(job)
            OffThread.awaited -= 1

    @property
    def busy(self) -> bool:
        """Work has not been shown yet."""
        return bool(self._jobs)

    @Slot(int, object, bool)
    def _deliver(self, job: int, result: Any, broke: bool) -> None:
        callbacks = self._jobs.pop(job, None)
        if callbacks is None:
            return  # forgotten
        self._answered(job)
        done, failed = callbacks
        if broke:
            failed(result)
        else:
            done(result)
