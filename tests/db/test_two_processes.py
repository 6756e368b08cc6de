"""Issue 6, point 4 on one SQLite file: two application processes write at the same time and
neither crashes with "database is locked" (the busy timeout makes a writer wait its turn); a
process that holds the file longer than the timeout gives the other a clear DatabaseBusyError,
and once it is gone (even SIGKILLed mid-transaction) the file is writable and sound.

Measures guarded: the SQLite busy timeout (without it a writer fails at once on the other's
lock), the translation of "database is locked" into DatabaseBusyError, the version check
between processes (no update lost).
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from mumidesk.db.db_errors import DatabaseBusyError
from mumidesk.db.engine import Database
from mumidesk.domain.partners import Partner
from mumidesk.services.registry import Services

ROOT = Path(__file__).resolve().parents[2]
WORKER = Path(__file__).with_name("concurrent_writer.py")
PARTNERS = 150
UPDATES = 40


def _start(*args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, str(WORKER), *args],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )


def _url(db: Database) -> str:
    return db.url.render_as_string(hide_password=False)


def test_two_processes_write_at_once(sqlite_db: Database) -> None:
    services = Services.for_database(sqlite_db)
    shared = services.partners.create(Partner(name_ru="Общий", country_code="BY"))
    assert shared.id is not None
    processes = [
        _start("write", _url(sqlite_db), name, str(PARTNERS), str(shared.id), str(UPDATES))
        for name in ("p1", "p2")
    ]
    try:
        for process in processes:
            assert process.stdout is not None
            assert process.stdout.readline().strip() == "ready"
        for process in processes:  # go, both at once
            assert process.stdin is not None
            process.stdin.write("go\n")
            process.stdin.flush()
        results = [process.communicate(timeout=120) for process in processes]
    finally:
        for process in processes:
            if process.poll() is None:
                process.kill()
                process.wait()
    conflicts = 0
    for process, (out, err) in zip(processes, results, strict=True):
        assert process.returncode == 0, err
        assert "locked" not in err and "Traceback" not in err
        done, created, updates, retried = out.split()
        assert (done, int(created), int(updates)) == ("done", PARTNERS, UPDATES)
        conflicts += int(retried)

    names = {p.name_ru for p in services.partners.all()}
    for name in ("p1", "p2"):
        assert {f"{name}-{i}" for i in range(PARTNERS)} <= names  # every committed row is there
    assert len(names) == 2 * PARTNERS + 1
    stored = services.partners.get(shared.id)
    marks = sorted(m for m in stored.notes.split(";") if m)
    assert marks == sorted(f"{n}{i}" for n in ("p1", "p2") for i in range(UPDATES))
    assert stored.version == 1 + 2 * UPDATES  # no update lost between the processes
    health = sqlite_db.health()
    assert health is not None and health.ok
    print(f"two processes: {2 * PARTNERS} rows, {2 * UPDATES} shared saves, {conflicts} conflicts")


def test_a_writer_holding_the_file_too_long(sqlite_db: Database) -> None:
    holder = _start("hold", _url(sqlite_db))
    try:
        assert holder.stdout is not None
        assert holder.stdout.readline().strip() == "locked"
        impatient = Database(_url(sqlite_db), user="boris", busy_timeout_ms=300)
        services = Services.for_database(impatient)
        with pytest.raises(DatabaseBusyError) as caught:
            services.partners.create(Partner(name_ru="Брест", country_code="BY"))
        assert str(caught.value) == "the database is busy (another user is saving); try again"
        assert services.partners.all() == []  # reading goes on meanwhile
        os.kill(holder.pid, signal.SIGKILL)  # the other instance dies mid-transaction
        assert holder.wait(timeout=10) == -signal.SIGKILL
    finally:
        if holder.poll() is None:
            holder.kill()
            holder.wait()
    created = services.partners.create(Partner(name_ru="Брест", country_code="BY"))
    assert services.partners.get(created.id).name_ru == "Брест"  # type: ignore[arg-type]
    health = impatient.health()
    assert health is not None and health.ok
    impatient.dispose()
