"""A process for the crash-safety tests to kill: it writes through the real services and prints
one line per committed transaction (flushed only after the commit returned), so that the parent
knows what it may demand back after a SIGKILL.

    python crash_worker.py save DB_FILE SEED     create and update delegations in a loop
    python crash_worker.py import DB_FILE FILE…  import each file (all or nothing), in turn
    python crash_worker.py fork                  read such commands from stdin, one JSON list
                                                 a line, and run each in a forked child

Lines: "pid <pid>" first; "ready" once the database is open; "C <id> <version> <members>
<items>" after a created delegation, "U …" after an update; "I <file name>" after an import.
Each delegation's title names its member and programme-item counts, so a half-written one shows
in any state. In fork mode the parent adds "exit <status>" when the child is gone: importing
Python, SQLAlchemy and the services takes most of a second, a fork a few milliseconds, so a test
can afford dozens of kills."""

from __future__ import annotations

import datetime as dt
import json
import os
import random
import sys
import traceback
import uuid
from pathlib import Path

from sqlalchemy import event

from mumidesk.db.engine import Database
from mumidesk.domain.delegations import Delegation, DelegationMember, ProgrammeItem
from mumidesk.services.import_export import ImportExportService
from mumidesk.services.registry import Services

START = dt.date(2024, 5, 13)


def delegation_title(label: str, members: int, items: int) -> str:
    return f"{label}: {members} участн., {items} пунктов"


def counts_in_title(title: str) -> tuple[int, int]:
    """The member and programme-item counts a title promises (see delegation_title)."""
    tail = title.rsplit(": ", 1)[1]
    members, items = tail.split(", ")
    return int(members.split()[0]), int(items.split()[0])


def fill(delegation: Delegation, label: str, rng: random.Random) -> None:
    """Give the delegation a fresh random set of members and programme items."""
    members = rng.randint(1, 6)
    items = rng.randint(0, 4)
    delegation.title = delegation_title(label, members, items)
    delegation.members = [
        DelegationMember(
            full_name=f"Участник {i + 1} «{label}»",
            position="глава делегации" if i == 0 else "член делегации",
            organisation="Администрация г. Могилёва",
            is_head=i == 0,
        )
        for i in range(members)
    ]
    delegation.programme = [
        ProgrammeItem(
            day=START + dt.timedelta(days=i % 3),
            start_time=dt.time(9 + i, 0),
            title_ru=f"Пункт {i + 1}: встреча в администрации",
            place="Смоленск",
        )
        for i in range(items)
    ]


def say(line: str) -> None:
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


def save_loop(db: Database, seed: int) -> None:
    services = Services.for_database(db)
    rng = random.Random(seed)
    mine: list[uuid.UUID] = []
    say("ready")
    number = 0
    while True:
        number += 1
        if mine and rng.random() < 0.4:
            current = services.delegations.get(rng.choice(mine))
            fill(current, f"Визит {seed}-{number}", rng)
            saved = services.delegations.update(current)
            tag = "U"
        else:
            item = Delegation(title="", start_date=START, end_date=START + dt.timedelta(days=2))
            fill(item, f"Визит {seed}-{number}", rng)
            saved = services.delegations.create(item)
            assert saved.id is not None
            mine.append(saved.id)
            tag = "C"
        say(f"{tag} {saved.id} {saved.version} {len(saved.members)} {len(saved.programme)}")


def import_files(db: Database, files: list[Path]) -> None:
    # A page cache of 256 KiB instead of 2 MiB: the import outgrows it and SQLite spills its
    # uncommitted pages into the write-ahead log before the commit, as a far bigger import
    # would; a kill must leave those frames unused.
    event.listen(db.engine, "connect", lambda conn, _record: conn.execute("PRAGMA cache_size=-256"))
    service = ImportExportService(db)
    say("ready")
    for path in files:
        service.import_("delegations", path)
        say(f"I {path.name}")


def run(argv: list[str]) -> None:
    mode, db_file, *rest = argv
    say(f"pid {os.getpid()}")
    db = Database("sqlite:///" + Path(db_file).as_posix(), user="crash-worker")
    if mode == "save":
        save_loop(db, int(rest[0]))
    elif mode == "import":
        import_files(db, [Path(p) for p in rest])
    else:
        raise SystemExit(f"unknown mode {mode!r}")
    db.dispose()
    say("done")


def fork_server() -> None:
    """Nothing is connected here before the fork: each child opens its own engine."""
    for command in sys.stdin:
        if not command.strip():
            continue
        child = os.fork()
        if child == 0:
            code = 0
            try:
                run(json.loads(command))
            except BaseException:
                traceback.print_exc()
                code = 1
            finally:
                os._exit(code)  # never return into the parent's loop
        _pid, status = os.waitpid(child, 0)
        say(f"exit {status}")


def main(argv: list[str]) -> int:
    if argv == ["fork"]:
        fork_server()
    else:
        run(argv)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
