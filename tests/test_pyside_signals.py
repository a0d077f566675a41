# SPDX-License-Identifier: GPL-3.0-or-later
"""The Qt binding the kiosk ships must survive months of signals (issue 12, docs/decisions.md).

PySide6 6.12.0 on CPython 3.11 dropped a reference to `True` at every `Signal.emit()` made from
Python; the interpreter aborted when the count reached zero. Here 100,000 signals are emitted
in a subprocess (an abort must not take pytest with it), as the kiosk emits them: without and
with arguments, to a Python slot, and across threads through a queued connection.
"""

import subprocess
import sys
import textwrap

EMITS = 100_000

PROGRAM = textwrap.dedent(
    f"""
    import sys
    from PySide6.QtCore import QCoreApplication, QObject, QThread, Signal, Slot

    class Source(QObject):
        bare = Signal()
        flag = Signal(bool)
        text = Signal(str)

    class Sink(QObject):
        def __init__(self):
            super().__init__()
            self.calls = 0

        @Slot(bool)
        def on_flag(self, value):
            self.calls += 1

    app = QCoreApplication([])
    source, sink = Source(), Sink()
    source.flag.connect(sink.on_flag)
    before = sys.getrefcount(True)
    for i in range({EMITS} // 4):
        source.bare.emit()
        source.flag.emit(True)
        source.text.emit("x")
    # A worker thread's signal delivered to the main thread through the event loop.
    class Worker(QThread):
        def run(self):
            for _ in range({EMITS} // 4):
                source.flag.emit(False)
    worker = Worker()
    worker.finished.connect(app.quit)
    worker.start()
    app.exec()
    worker.wait()
    app.processEvents()
    after = sys.getrefcount(True)
    print(before, after, sink.calls, flush=True)
    """
)


def test_signals_emitted_from_python_keep_true_alive():
    result = subprocess.run(
        [sys.executable, "-c", PROGRAM], capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 0, f"the interpreter died: {result.returncode}\n{result.stderr}"
    before, after, calls = (int(n) for n in result.stdout.split())
    assert calls == EMITS // 2
    # A steady binding moves the count by a handful of references, not one per emit.
    assert abs(after - before) < 100, (before, after)
