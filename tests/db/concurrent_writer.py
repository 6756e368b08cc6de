"""A second (and third) application instance for tests/db/test_two_processes.py: it writes to one
SQLite file through the real services while another process does the same.

    python concurrent_writer.py write DB_URL NAME PARTNERS SHARED_ID UPDATES
        waits for a line on stdin (so that both start together), then creates PARTNERS partners
        (one transaction each) interleaved with UPDATES read-change-save rounds on the shared
        partner (a conflict is re-read and tried again, as a person would); prints
        "done <created> <updates> <conflicts>".
    python concurrent_writer.py hold DB_URL
        opens a write transaction, prints "locked" and keeps it until killed.
"""

from __future__ import annotations

import sqlite3
import sys
import time
import uuid
from dataclasses import replace

from mumidesk.db.engine import Database
from mumidesk.domain.errors import ConcurrentEditError
from mumidesk.domain.partners import Partner
from mumidesk.services.registry import Services


def write(url: str, name: str, partners: int, shared: uuid.UUID, updates: int) -> None:
    services = Services.for_database(Database(url, user=name))
    services.partners.get(shared)  # connected and ready before the start signal
    print("ready", flush=True)
    sys.stdin.readline()
    conflicts = done_updates = 0
    every = max(1, partners // max(1, updates))
    for i in range(partners):
        services.partners.create(Partner(name_ru=f"{name}-{i}", country_code="BY"))
        if i % every == 0 and done_updates < updates:
            while True:
                current = services.partners.get(shared)
                mark = f"{name}{done_updates};"
                try:
                    services.partners.update(replace(current, notes=current.notes + mark))
                    break
                except ConcurrentEditError:
                    conflicts += 1
            done_updates += 1
    print(f"done {partners} {done_updates} {conflicts}", flush=True)


def hold(url: str) -> None:
    path = url.removeprefix("sqlite:///")
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("BEGIN IMMEDIATE")
    conn.execute("UPDATE partners SET notes = 'held' WHERE 1 = 0")
    print("locked", flush=True)
    while True:
        time.sleep(1)


if __name__ == "__main__":
    if sys.argv[1] == "write":
        write(sys.argv[2], sys.argv[3], int(sys.argv[4]), uuid.UUID(sys.argv[5]), int(sys.argv[6]))
    else:
        hold(sys.argv[2])
