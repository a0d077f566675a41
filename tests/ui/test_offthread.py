# SPDX-License-Identifier: GPL-3.0-or-later
"""Work sent off the GUI thread is let go once it is shown: a kiosk runs it for months."""

import gc
import weakref

from PySide6.QtCore import QThreadPool

from kiosk.ui.offthread import BACKGROUND, WAITED_FOR, OffThread, wait_for_work


class Held:
    """Stands for what a job's work holds (a form's fields, a service)."""


def test_work_that_ended_is_not_kept(qtbot):
    pool = QThreadPool.globalInstance()
    expiry = pool.expiryTimeout()
    pool.setExpiryTimeout(5)  # the pool's threads end and start between jobs, as on a kiosk
    try:
        offthread = OffThread()
        held: list[weakref.ref] = []
        shown: list[int] = []
        for _ in range(400):
            for priority in (BACKGROUND, WAITED_FOR, WAITED_FOR):
                thing = Held()
                held.append(weakref.ref(thing))
                offthread.run(
                    lambda thing=thing: sum(range(20_000)), shown.append, priority=priority
                )
            qtbot.waitUntil(lambda: len(shown) == len(held))
        del thing
        assert wait_for_work(5000)
        gc.collect()
    finally:
        pool.setExpiryTimeout(expiry)
    kept = sum(1 for ref in held if ref() is not None)
    assert kept == 0, f"{kept} of {len(held)} jobs' work still held after it was shown"


def test_an_answer_arriving_after_the_kiosk_closed_is_not_counted(qtbot):
    from PySide6.QtCore import QCoreApplication

    offthread = OffThread()
    shown: list[int] = []
    offthread.run(lambda: 1, shown.append, priority=WAITED_FOR)
    assert OffThread.awaited == 1
    assert wait_for_work(5000)  # done on the pool; its answer waits in the event queue
    OffThread.forget_all()  # what the kiosk does when it closes
    assert OffThread.awaited == 0
    QCoreApplication.processEvents()  # the answer arrives late: nothing shown, nothing counted
    assert shown == []
    assert OffThread.awaited == 0
