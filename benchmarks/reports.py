"""Speed and memory of the printed documents: the quarterly report of 1,000 and 10,000 events.

    .venv/bin/python benchmarks/reports.py [--events 1000 10000] [--repeat 3] [--profile]

Each size gets a fresh SQLite database with one region, its municipalities and that many
synthetic events (benchmarks/synthetic.py, bulk-loaded), all in the 2nd quarter of 2020, so
the report holds every one of them. Printed per size: building the model from the services
(``build_quarterly``), writing the PDF (and XLSX/DOCX when their renderers exist), each the best
of ``--repeat`` runs, and the peak of Python allocations during one more run of each
(``tracemalloc``, which slows the run down, hence a run of its own); then the peak resident
memory of the process (``resource``; not on Windows) after loading, the model and the PDF, and
after every format. Each size runs in a process of its own so that peak is the size's own.
``--profile`` prints the top of a cProfile of the PDF renderer for the largest size.
"""

from __future__ import annotations

import argparse
import cProfile
import datetime as dt
import functools
import importlib
import io
import pstats
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))  # run as a script from the repo root: find benchmarks/

from benchmarks.run import peak_memory_mb  # noqa: E402
from benchmarks.synthetic import SyntheticData  # noqa: E402
from mumidesk import i18n  # noqa: E402
from mumidesk.db import migrate  # noqa: E402
from mumidesk.db.engine import Database  # noqa: E402
from mumidesk.db.models import (  # noqa: E402
    EventRow,
    MunicipalityRow,
    PartnerRow,
    RegionRow,
)
from mumidesk.reports.period import Period  # noqa: E402
from mumidesk.reports.quarterly import QuarterlyReport, build_quarterly  # noqa: E402
from mumidesk.services.bulk_load import BulkWriter, bulk_write  # noqa: E402
from mumidesk.services.registry import Services  # noqa: E402

YEAR, QUARTER = 2020, 2
MUNICIPALITIES = 12
PARTNERS = 300
# Renderers besides the PDF, written by other modules; measured when they exist.
OTHER_FORMATS = (
    ("xlsx", "mumidesk.reports.quarterly_xlsx", "write_quarterly_xlsx"),
    ("docx", "mumidesk.reports.quarterly_docx", "write_quarterly_docx"),
)


def load_region(db: Database, events: int, seed: int) -> None:
    """One region, its municipalities and ``events`` events, all within the benchmark quarter."""
    data = SyntheticData(seed)
    regions = data.regions()[:1]
    period = Period.of_quarter(YEAR, QUARTER)
    days = (period.end - period.start).days + 1

    def fill(writer: BulkWriter) -> None:
        writer.add(RegionRow, regions[0])
        for row in data.municipalities(regions, MUNICIPALITIES):
            writer.add(MunicipalityRow, row)
        for row in data.partners(PARTNERS):
            writer.add(PartnerRow, row)
        writer.flush()  # events point to the municipalities and partners
        for row, children in data.events(events):
            _move_into(row, period.start, days, data)
            writer.add(EventRow, row)
            for child in children:
                writer.add(child.pop("table"), child)

    bulk_write(db, fill)


def _move_into(row: dict[str, Any], start: dt.date, days: int, data: SyntheticData) -> None:
    """Shift an event into the quarter, keeping its precision (day, range, whole month)."""
    length = (row["end_date"] - row["start_date"]).days
    if row["date_precision"] == "month":
        month = start.month + data.rng.randrange(3)
        first = start.replace(month=month)
        last = (first + dt.timedelta(days=32)).replace(day=1) - dt.timedelta(days=1)
        row["start_date"], row["end_date"] = first, last
        return
    offset = data.rng.randrange(days - length)
    row["start_date"] = start + dt.timedelta(days=offset)
    row["end_date"] = row["start_date"] + dt.timedelta(days=length)


def renderers() -> list[tuple[str, Callable[[QuarterlyReport, Path], None]]]:
    from mumidesk.reports.quarterly_pdf import write_quarterly_pdf

    found: list[tuple[str, Callable[[QuarterlyReport, Path], None]]] = [
        ("pdf", write_quarterly_pdf)
    ]
    for suffix, module_name, function_name in OTHER_FORMATS:
        try:
            module = importlib.import_module(module_name)
        except ImportError:
            continue
        function = getattr(module, function_name, None)
        if function is not None:
            found.append((suffix, function))
    return found


def best_of(repeat: int, fn: Callable[[], Any]) -> tuple[float, Any]:
    best, result = float("inf"), None
    for _ in range(repeat):
        started = time.perf_counter()
        result = fn()
        best = min(best, time.perf_counter() - started)
    return best, result


def traced_peak_mb(fn: Callable[[], Any]) -> float:
    tracemalloc.start()
    try:
        fn()
        _current, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return peak / 1024 / 1024


def bench_size(events: int, args: argparse.Namespace, folder: Path) -> None:
    db = Database("sqlite:///" + (folder / f"reports-{events}.db").as_posix(), user="bench")
    try:
        migrate.prepare(db)
        started = time.perf_counter()
        load_region(db, events, args.seed)
        print(f"=== {events} events (bulk load {time.perf_counter() - started:.2f} s) ===")
        services = Services.for_database(db)
        region = services.regions.all()[0]
        period = Period.of_quarter(YEAR, QUARTER)

        def model() -> QuarterlyReport:
            return build_quarterly(services, period, region_id=region.id)

        seconds, report = best_of(args.repeat, model)
        after_pdf: float | None = None
        timings: list[tuple[str, float, Callable[[], object], str]] = [
            ("model (build_quarterly)", seconds, model, f"rows {report.row_count}")
        ]
        for suffix, write in renderers():
            target = folder / f"quarterly-{events}.{suffix}"
            render = functools.partial(write, report, target)
            seconds, _ = best_of(args.repeat, render)
            note = f"file {target.stat().st_size / 1024 / 1024:4.1f} MB"
            if suffix == "pdf":
                note += f", {_page_count(target)} pages"
                after_pdf = peak_memory_mb()
            timings.append((f"{suffix} (write)", seconds, render, note))
        after_all = peak_memory_mb()
        # tracemalloc slows what it watches (and holds memory): its runs come after the others.
        for label, seconds, call, note in timings:
            print(f"  {label:<24} {seconds:7.3f} s   peak {traced_peak_mb(call):6.1f} MB   {note}")
        if after_pdf and after_all:
            print(f"  process peak RSS: {after_pdf:.0f} MB after load + model + PDF, "
                  f"{after_all:.0f} MB after every format")  # fmt: skip
        if args.profile:
            profile_pdf(report, folder / "profiled.pdf")
    finally:
        db.dispose()


def _page_count(path: Path) -> int:
    from pypdf import PdfReader  # a test dependency; only for the printout

    return len(PdfReader(path).pages)


def profile_pdf(report: QuarterlyReport, target: Path) -> None:
    from mumidesk.reports.quarterly_pdf import write_quarterly_pdf

    profiler = cProfile.Profile()
    profiler.runcall(write_quarterly_pdf, report, target)
    out = io.StringIO()
    pstats.Stats(profiler, stream=out).sort_stats("cumulative").print_stats(25)
    print(out.getvalue())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, nargs="+", default=[1_000, 10_000])
    parser.add_argument("--repeat", type=int, default=3, help="runs per measurement (best kept)")
    parser.add_argument("--seed", type=int, default=2020, help="random seed of the data")
    parser.add_argument("--lang", default="ru", choices=i18n.SUPPORTED)
    parser.add_argument("--profile", action="store_true", help="cProfile the largest PDF")
    args = parser.parse_args(argv)
    if len(args.events) > 1:  # one process per size, so each peak RSS is that size's own
        for events in args.events:
            child = [sys.executable, __file__, "--events", str(events), "--repeat",
                     str(args.repeat), "--seed", str(args.seed), "--lang", args.lang]  # fmt: skip
            if args.profile and events == max(args.events):
                child.append("--profile")
            subprocess.run(child, check=True)
        return 0
    with i18n.language(args.lang), tempfile.TemporaryDirectory(prefix="mumidesk-rep-") as tmp:
        bench_size(args.events[0], args, Path(tmp))
    return 0


if __name__ == "__main__":
    sys.exit(main())
