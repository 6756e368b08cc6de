"""Window benchmarks against a bare PySide6 window, measured in the same run.

    .venv/bin/python benchmarks/ui.py                 # 100,000 events, 26,000 partners
    .venv/bin/python benchmarks/ui.py --events 10000  # quicker
    .venv/bin/python benchmarks/ui.py --db /tmp/big.db   # reuse a database built before

Prints: process start → interactive window (median of --runs starts) for a bare PySide6 window
with a table and for mumidesk opening on the dashboard and on the events area; one keystroke in
the events search (filter in SQL through the search index → table reset); the global search;
sorting the events table by every sortable column; the peak memory of the window process.
Offscreen platform (no display needed); nothing here is asserted by the test suite.
"""

from __future__ import annotations

import argparse
import dataclasses
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

READY = "READY"
QUERIES = ("смол", "фестиваль", "каприз", "дружбы", "онлайн", "ансамбль", "берёз", "молодёж")


# --- children: each start is a fresh process ---------------------------------------------------
def child_bare() -> None:
    from PySide6.QtCore import QAbstractTableModel, QModelIndex, QTimer
    from PySide6.QtWidgets import QApplication, QMainWindow, QTableView

    class Model(QAbstractTableModel):
        def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
            return 100

        def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
            return 6

        def data(self, index: QModelIndex, role: int = 0) -> object:
            return f"{index.row()}:{index.column()}" if role == 0 else None

    app = QApplication(sys.argv)
    window = QMainWindow()
    table = QTableView()
    table.setModel(Model())
    window.setCentralWidget(table)
    window.resize(1280, 780)
    window.show()
    QTimer.singleShot(0, lambda: (print(READY, flush=True), app.quit()))
    app.exec()


def child_app(url: str) -> None:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from mumidesk.ui.app import DesktopApplication

    app = QApplication(sys.argv)
    desktop = DesktopApplication(app, url)
    if not desktop.start():
        sys.exit(1)
    QTimer.singleShot(0, lambda: (print(READY, flush=True), app.quit()))
    app.exec()
    desktop.close()


def child_work(url: str) -> None:
    """Keystrokes, sorting and memory in one window process; prints result lines."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    from mumidesk.db.engine import Database
    from mumidesk.services.registry import Services
    from mumidesk.ui.main_window import MainWindow

    app = QApplication(sys.argv)
    db = Database(url)
    services = Services.for_database(db)
    window = MainWindow(services)
    window.show()
    page = window.show_area("events")
    app.processEvents()
    model = page.model  # type: ignore[attr-defined]
    print(f"ROWS {model.total()}")

    def timed(action: object) -> float:
        started = time.perf_counter()
        action()  # type: ignore[operator]
        app.processEvents()
        return (time.perf_counter() - started) * 1000

    base = page.current_filter()  # type: ignore[attr-defined]
    narrow, broad = [], []
    for query in QUERIES:
        for end in range(3, len(query) + 1):  # the search runs from three letters on
            flt = dataclasses.replace(base, text=query[:end])
            value = timed(lambda flt=flt: model.set_filter(flt))
            # Synthetic names repeat a small vocabulary: some prefixes match 40 % of the events.
            (narrow if model.total() <= 1000 else broad).append(value)
    model.set_filter(base)
    print("KEYSTROKE " + " ".join(f"{v:.1f}" for v in narrow))
    print("KEYSTROKE_BROAD " + " ".join(f"{v:.1f}" for v in broad))

    searches = [timed(lambda q=q: window.search_panel.search_now(q)) for q in QUERIES]
    print("SEARCH " + " ".join(f"{v:.1f}" for v in searches))

    for column, spec in enumerate(model.columns):
        if spec.sort is None:
            continue
        for order in (Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder):
            value = timed(lambda c=column, o=order: page.table.sortByColumn(c, o))  # type: ignore[attr-defined]
            print(f"SORT {spec.key} {order.name} {value:.1f}")
    print(f"PEAK {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f}")
    window.close()
    db.dispose()


# --- parent ------------------------------------------------------------------------------------
def start_time(args: list[str], env: dict[str, str]) -> float:
    started = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, __file__, *args], stdout=subprocess.PIPE, text=True, env=env
    )
    assert process.stdout is not None
    for line in process.stdout:
        if line.strip() == READY:
            elapsed = time.perf_counter() - started
            process.wait()
            return elapsed
    raise RuntimeError(f"{args} did not start (exit {process.wait()})")


def build_database(path: Path, events: int, partners: int) -> None:
    from benchmarks.synthetic import load_synthetic
    from mumidesk.db import migrate
    from mumidesk.db.engine import Database

    db = Database("sqlite:///" + path.as_posix())
    migrate.prepare(db)
    started = time.perf_counter()
    load_synthetic(db, events=events, partners=partners)
    print(f"built {path} with {events:,} events in {time.perf_counter() - started:.1f} s")
    db.dispose()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--partners", type=int, default=26_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--db", type=Path, help="reuse (or build once into) this SQLite file")
    parser.add_argument("--child", choices=("bare", "app", "work"), help=argparse.SUPPRESS)
    parser.add_argument("--url", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child == "bare":
        child_bare()
        return 0
    if args.child == "app":
        child_app(args.url)
        return 0
    if args.child == "work":
        child_work(args.url)
        return 0

    work = Path(tempfile.mkdtemp(prefix="mumidesk-ui-bench-"))
    path = args.db or work / "bench.db"
    if not path.exists():
        build_database(path, args.events, args.partners)
    url = "sqlite:///" + path.resolve().as_posix()
    env = dict(os.environ, MUMIDESK_CONFIG_DIR=str(work / "config"), MUMIDESK_LANG="ru")

    def median_start(child: list[str], area: str) -> float:
        config = work / "config"
        config.mkdir(exist_ok=True)
        (config / "window.ini").write_text(f"[window]\narea={area}\n", encoding="utf-8")
        start_time(child, env)  # warm the file cache; not counted
        return statistics.median(start_time(child, env) for _ in range(args.runs))

    bare = median_start(["--child", "bare"], "dashboard")
    print(f"\nstart → interactive window (median of {args.runs})")
    print(f"  bare PySide6 window with a table   {bare * 1000:7.0f} ms   1.00×")
    for area in ("dashboard", "events"):
        value = median_start(["--child", "app", "--url", url], area)
        print(f"  mumidesk, opening on {area:<12}  {value * 1000:7.0f} ms   {value / bare:.2f}×")

    output = subprocess.run(
        [sys.executable, __file__, "--child", "work", "--url", url],
        capture_output=True,
        text=True,
        env=env,
        check=True,
    ).stdout.splitlines()
    for line in output:
        kind, _sep, rest = line.partition(" ")
        if kind == "ROWS":
            print(f"\nevents table over {int(rest):,} events")
        elif kind in ("KEYSTROKE", "KEYSTROKE_BROAD", "SEARCH") and rest.strip():
            values = sorted(float(v) for v in rest.split())
            label = {
                "KEYSTROKE": "keystroke, ≤ 1,000 events match",
                "KEYSTROKE_BROAD": "keystroke, > 1,000 events match",
                "SEARCH": "global search",
            }[kind]
            p50 = statistics.median(values)
            p95 = values[min(len(values) - 1, int(len(values) * 0.95))]
            print(
                f"  {label:<32} p50 {p50:6.1f} ms  p95 {p95:6.1f} ms  max {values[-1]:6.1f} ms"
                f"  ({len(values)} keystrokes)"
            )
        elif kind == "SORT":
            key, order, value = rest.split()
            print(f"  sort by {key:<14} {order:<16} {float(value):6.1f} ms")
        elif kind == "PEAK":
            print(f"\npeak memory of the window process: {rest} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
