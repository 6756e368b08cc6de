"""Hypothesis settings for the hostile-input suite, and the figures it reports.

The "hostile" profile keeps the whole suite near a minute; HYPOTHESIS_PROFILE=hostile-long
runs ten times the examples (for a night run). No deadline: a PDF takes its time, and speed is
measured in benchmarks/, not here. Each test records the examples it tried and the inputs the
code refused with a clear error (strategies.TALLY); the totals are printed at the end.
"""

from __future__ import annotations

import os

import pytest
from hypothesis import HealthCheck, settings

from tests.hostile.strategies import TALLY

_COMMON = {
    "deadline": None,
    "print_blob": True,
    # One database per test serves every example: each example checks its own writes.
    "suppress_health_check": [
        HealthCheck.function_scoped_fixture,
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
    ],
}
# CI: the same 40 examples on every run (a red build must mean a change broke something, not
# that a new example was drawn); HYPOTHESIS_PROFILE=hostile-long explores 400 fresh ones.
settings.register_profile("hostile", max_examples=40, derandomize=True, **_COMMON)
settings.register_profile("hostile-long", max_examples=400, derandomize=False, **_COMMON)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "hostile"))


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    if not TALLY.tried:
        return
    write = terminalreporter.write_line
    terminalreporter.section("hostile input: examples tried / rejected with a clear error")
    for name in sorted(TALLY.tried):
        write(f"{name:<48} {TALLY.tried[name]:>6} {TALLY.rejected[name]:>6}")
    write(f"{'total':<48} {sum(TALLY.tried.values()):>6} {sum(TALLY.rejected.values()):>6}")
