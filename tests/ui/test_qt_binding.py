"""The Qt binding itself: PySide6 6.12.0 dropped a reference to True/False on every emit from
Python, and the interpreter aborted after a few thousand signals ("bool_dealloc"). pyproject
excludes that release; this test fails (or aborts) on any binding with the same fault."""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal


class _Probe(QObject):
    ping = Signal()
    value = Signal(int)


def test_emitting_signals_keeps_true_and_false_alive() -> None:
    probe = _Probe()
    received: list[int] = []
    probe.value.connect(received.append)
    before = sys.getrefcount(True), sys.getrefcount(False)
    for number in range(20_000):
        probe.ping.emit()
        probe.value.emit(number)
    assert len(received) == 20_000
    after = sys.getrefcount(True), sys.getrefcount(False)
    # Other objects may take or drop a few references meanwhile; 20,000 lost ones are the bug.
    assert after[0] >= before[0] - 100 and after[1] >= before[1] - 100
