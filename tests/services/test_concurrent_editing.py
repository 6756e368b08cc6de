"""Issue 6, point 4 below the window: two application instances (two Database objects, two
engines) write the same records, on SQLite and on PostgreSQL (tests/services runs both).

Measures guarded (each test fails without its measure): the optimistic version check (the second
save of one version is refused, nothing of it written; no update is ever lost, even with many
writers racing); a lock held longer than the busy timeout ends as DatabaseBusyError, not as a
driver traceback, with nothing written.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from dataclasses import replace

import pytest
from sqlalchemy import update

from mumidesk.db.db_errors import DatabaseBusyError
from mumidesk.db.engine import Database
from mumidesk.db.models.agreements import AgreementRow
from mumidesk.domain.agreements import Agreement
from mumidesk.domain.errors import ConcurrentEditError
from mumidesk.domain.partners import Partner
from mumidesk.services.registry import Services

TITLE = "Соглашение о сотрудничестве"


def _url(services: Services) -> str:
    return services.db.url.render_as_string(hide_password=False)


@pytest.fixture
def other(services: Services) -> Iterator[Services]:
    """A second application instance on the same database."""
    db = Database(_url(services), user="boris")
    yield Services.for_database(db)
    db.dispose()


def test_first_save_wins_second_is_refused(services: Services, other: Services) -> None:
    created = services.agreements.create(Agreement(title=TITLE))
    assert created.id is not None
    mine = services.agreements.get(created.id)
    theirs = other.agreements.get(created.id)

    services.agreements.update(replace(mine, subject="Культура"))
    with pytest.raises(ConcurrentEditError) as caught:
        other.agreements.update(replace(theirs, notes="Заметка"))
    assert (caught.value.expected, caught.value.actual) == (1, 2)
    stored = services.agreements.get(created.id)
    assert (stored.subject, stored.notes, stored.version) == ("Культура", "", 2)

    # "Keep mine" in the window: the same values on top of the version now stored.
    kept = other.agreements.update(replace(theirs, notes="Заметка", version=stored.version))
    assert (kept.subject, kept.notes, kept.version) == ("", "Заметка", 3)
    assert kept.updated_by == "boris"
    # The stale version stays refused after that too.
    with pytest.raises(ConcurrentEditError):
        services.agreements.update(replace(stored, title="Старая правка"))
    with pytest.raises(ConcurrentEditError):
        services.agreements.delete(created.id, expected_version=stored.version)
    assert services.agreements.get(created.id).title == TITLE


def test_racing_writers_lose_no_update(services: Services, other: Services) -> None:
    """Four writers in two instances read, change and save one partner as fast as they can.
    Every save either goes through or is refused as a conflict; the notes end with exactly the
    marks of the saves that went through (a lost update would drop one)."""
    partner = services.partners.create(Partner(name_ru="Могилёв", country_code="BY"))
    assert partner.id is not None
    key = partner.id
    rounds = 15
    saved: list[str] = []
    conflicts: list[str] = []
    lock = threading.Lock()
    start = threading.Barrier(4)
    failures: list[BaseException] = []

    def writer(instance: Services, name: str) -> None:
        try:
            start.wait()
            for i in range(rounds):
                mark = f"{name}{i}"
                current = instance.partners.get(key)
                try:
                    instance.partners.update(replace(current, notes=current.notes + mark + ";"))
                except ConcurrentEditError:
                    with lock:
                        conflicts.append(mark)
                    continue
                with lock:
                    saved.append(mark)
        except BaseException as exc:  # pragma: no cover - reported below
            failures.append(exc)

    threads = [
        threading.Thread(target=writer, args=(instance, name))
        for instance, name in ((services, "a"), (services, "b"), (other, "c"), (other, "d"))
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert not failures, failures
    assert len(saved) + len(conflicts) == 4 * rounds
    stored = services.partners.get(key)
    marks = [m for m in stored.notes.split(";") if m]
    assert sorted(marks) == sorted(saved)  # nothing lost, nothing twice
    assert stored.version == 1 + len(saved)
    print(f"racing writers: {len(saved)} saves, {len(conflicts)} conflicts detected")


def test_lock_held_past_the_busy_timeout_is_a_clear_error(services: Services) -> None:
    agreement = services.agreements.create(Agreement(title=TITLE))
    assert agreement.id is not None
    impatient = Database(_url(services), user="boris", busy_timeout_ms=200)
    quick = Services.for_database(impatient)
    holder = Database(_url(services), user="holder")
    conn = holder.engine.connect()
    transaction = conn.begin()
    conn.execute(update(AgreementRow).where(AgreementRow.id == agreement.id).values(notes="x"))
    try:
        current = quick.agreements.get(agreement.id)  # reading is not blocked
        with pytest.raises(DatabaseBusyError, match="busy"):
            quick.agreements.update(replace(current, notes="Заметка"))
        if impatient.is_sqlite:  # the whole file is one writer's: creating waits as well
            with pytest.raises(DatabaseBusyError):
                quick.partners.create(Partner(name_ru="Брест", country_code="BY"))
    finally:
        transaction.rollback()
        conn.close()
        holder.dispose()
    stored = services.agreements.get(agreement.id)
    assert (stored.notes, stored.version) == ("", 1)  # nothing of the refused saves
    assert services.partners.all() == []
    saved = quick.agreements.update(replace(current, notes="Заметка"))  # "try again"
    assert saved.version == 2
    impatient.dispose()
