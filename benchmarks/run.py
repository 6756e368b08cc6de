"""Speed on realistic volumes: bulk load, Cyrillic search, sorted pages, statistics, memory.

    python benchmarks/run.py [--events N] [--partners N] [--queries N] [--postgres URL]

(``python dev.py bench`` runs this with the project's venv.) Each run uses a fresh database: a
temporary SQLite file, and with ``--postgres`` also a throwaway database created on that server
(the URL names the server and a database to connect to for CREATE DATABASE, e.g.
``postgresql+psycopg://postgres@localhost/postgres``); both are removed afterwards.
"""

from __future__ import annotations

import argparse
import functools
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))  # run as a script from the repo root: find benchmarks/

from sqlalchemy import create_engine, text  # noqa: E402
from sqlalchemy.engine import make_url  # noqa: E402

from benchmarks.synthetic import SyntheticData, load_synthetic  # noqa: E402
from mumidesk.db import migrate  # noqa: E402
from mumidesk.db.engine import Database  # noqa: E402
from mumidesk.services.registry import Services  # noqa: E402

PAGE = 100
STATISTICS_YEAR = 2020


def timed(fn: Callable[[], Any]) -> tuple[float, Any]:
    started = time.perf_counter()
    result = fn()
    return time.perf_counter() - started, result


def ms(seconds: float) -> str:
    return f"{seconds * 1000:8.1f} ms"


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def peak_memory_mb() -> float | None:
    """The process's peak resident memory (None where the OS does not tell: Windows)."""
    try:
        import resource
    except ImportError:
        return None
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / 1024 / 1024 if sys.platform == "darwin" else peak / 1024


def bench_load(db: Database, args: argparse.Namespace, data: SyntheticData) -> None:
    report = load_synthetic(db, events=args.events, partners=args.partners, data=data)
    s, d = report.seconds, report.database_seconds
    print("Bulk load (total incl. generating the text / database only)")
    rows = (
        ("regions + municipalities", report.regions + report.municipalities, "municipalities"),
        ("partners", report.partners, "partners"),
        ("partnerships", report.partnerships, "partnerships"),
        (f"events (+{report.event_children} children)", report.events, "events"),
    )
    for label, count, key in rows:
        print(f"  {label:<30} {count:>8} rows {ms(s[key])} / {ms(d[key])}")
    print(f"  {'search index rebuild':<30} {report.indexed:>8} rows {ms(s['search_index'])}")


def bench_search(services: Services, queries: list[str]) -> None:
    services.search.search(queries[0])  # warm-up: the first query opens the connection
    times: list[float] = []
    hits: list[int] = []
    for query in queries:
        seconds, found = timed(functools.partial(services.search.search, query, limit=50))
        times.append(seconds)
        hits.append(len(found))
    print(f"Cyrillic substring search, {len(queries)} queries (first page of 50), e.g. "
          f"{', '.join(repr(q) for q in queries[:4])}")  # fmt: skip
    print(f"  p50 {ms(percentile(times, 0.5))}   p95 {ms(percentile(times, 0.95))}"
          f"   max {ms(max(times))}   queries with hits: {sum(1 for h in hits if h)}")  # fmt: skip


def bench_sorting(services: Services) -> None:
    print(f"First page ({PAGE} rows) sorted by each column, ascending / descending")
    for name, service in (("events", services.events), ("partners", services.partners)):
        for key in service.sort_columns:
            up, page = timed(functools.partial(service.list, sort=key, limit=PAGE))
            down, _ = timed(functools.partial(service.list, sort=key, descending=True, limit=PAGE))
            print(f"  {name:<9} {key:<20} {ms(up)} / {ms(down)}   (of {page.total})")


def statistics_calls(db: Database, year: int) -> list[tuple[str, Callable[[], Any]]]:
    """The statistics queries the reports run; empty if StatisticsService is not there."""
    try:
        from mumidesk.services.statistics import StatisticsService
    except ImportError:
        return []
    stats = StatisticsService(db)
    wanted: list[tuple[str, tuple[Any, ...]]] = [
        ("partner_count", ()),
        ("partners_by_municipality", ()),
        ("partners_by_country", ()),
        ("partners_by_continent", ()),
        ("participants_total", ()),
        ("agreements_of_year", (year,)),
        ("events_by_quarter", (year,)),
        ("events_by_municipality", (year, 2)),
        ("events_by_kind", (year,)),
        ("events_by_format", (year,)),
        ("summary", (year,)),
    ]
    calls: list[tuple[str, Callable[[], Any]]] = []
    for name, call_args in wanted:
        method = getattr(stats, name, None)
        if method is not None:
            calls.append((f"{name}{call_args}", functools.partial(method, *call_args)))
    return calls


def bench_statistics(db: Database) -> None:
    calls = statistics_calls(db, STATISTICS_YEAR)
    if not calls:
        print("Statistics: mumidesk.services.statistics.StatisticsService not available")
        return
    print("Statistics queries")
    for label, call in calls:
        seconds, _ = timed(call)
        print(f"  {label:<40} {ms(seconds)}")


def run_all(db: Database, args: argparse.Namespace, title: str) -> None:
    print(f"=== {title}: {args.events} events, {args.partners} partners ===")
    migrate.prepare(db)
    data = SyntheticData(args.seed)
    bench_load(db, args, data)
    services = Services.for_database(db)
    bench_search(services, data.search_queries(args.queries))
    bench_sorting(services)
    bench_statistics(db)
    peak = peak_memory_mb()
    print(f"Peak memory of the process: {peak:.0f} MB" if peak else "Peak memory: n/a")
    print()


def run_sqlite(args: argparse.Namespace) -> None:
    with tempfile.TemporaryDirectory(prefix="mumidesk-bench-") as folder:
        db = Database("sqlite:///" + (Path(folder) / "bench.db").as_posix(), user="bench")
        try:
            run_all(db, args, "SQLite")
        finally:
            db.dispose()


def run_postgres(args: argparse.Namespace) -> None:
    server = make_url(args.postgres)
    name = "mumidesk_bench_" + uuid.uuid4().hex[:8]
    admin = create_engine(server, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f"CREATE DATABASE {name}"))
    db = Database(server.set(database=name).render_as_string(hide_password=False), user="bench")
    try:
        run_all(db, args, f"PostgreSQL ({server.host or 'local socket'})")
    finally:
        db.dispose()
        with admin.connect() as conn:
            conn.execute(text(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
        admin.dispose()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=100_000, help="events to generate")
    parser.add_argument("--partners", type=int, default=26_000, help="partner cities")
    parser.add_argument("--queries", type=int, default=50, help="search queries to time")
    parser.add_argument("--seed", type=int, default=2020, help="random seed of the data")
    parser.add_argument("--postgres", metavar="URL", help="also run on this PostgreSQL server")
    parser.add_argument("--no-sqlite", action="store_true", help="skip the SQLite run")
    args = parser.parse_args(argv)
    if not args.no_sqlite:
        run_sqlite(args)
    if args.postgres:
        run_postgres(args)
    return 0


if __name__ == "__main__":
    sys.exit(main())
