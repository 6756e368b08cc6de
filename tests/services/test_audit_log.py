"""The audit trail (issue 6, point 5): who changed what and when, old and new values, per record,
kept after deletion. Runs on SQLite and on a real PostgreSQL (tests/services/conftest.py).

Each test names the measure it guards: without it, the test fails.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from pathlib import Path

import pytest
from sqlalchemy import delete, func, select

from mumidesk.db import audit
from mumidesk.db.engine import Database
from mumidesk.db.models import (
    AuditAction,
    AuditLogRow,
    DelegationMemberRow,
    DelegationRow,
    PartnerRow,
)
from mumidesk.domain.delegations import Delegation, DelegationMember
from mumidesk.domain.errors import ValidationError
from mumidesk.domain.municipalities import MunicipalBody, Municipality
from mumidesk.domain.partners import Partner
from mumidesk.services.crud import CrudService
from mumidesk.services.history import HistoryService
from mumidesk.services.import_export import ImportExportService
from mumidesk.services.registry import Services


def _raw_log(db: Database) -> list[AuditLogRow]:
    with db.reading() as session:
        rows = list(session.scalars(select(AuditLogRow).order_by(AuditLogRow.id)))
        session.expunge_all()
        return rows


def _partner(services: Services, **values: object) -> Partner:
    return services.partners.create(Partner(name_ru="Могилёв", country_code="BY", **values))  # type: ignore[arg-type]


def _delegation(services: Services) -> Delegation:
    return services.delegations.create(
        Delegation(
            title="Визит делегации Могилёва",
            start_date=dt.date(2024, 5, 14),
            end_date=dt.date(2024, 5, 16),
            members=[
                DelegationMember(full_name="Иванов Иван Иванович", position="мэр", is_head=True),
                DelegationMember(full_name="Сидорова Анна", position="советник"),
            ],
        )
    )


def test_an_update_records_old_and_new_values(services: Services) -> None:
    # Guards: the before_flush hook reading old values from the attribute history.
    partner = _partner(services, population=350_000)
    services.partners.update(
        dataclasses.replace(partner, name_ru="Могилев", population=357_100, notes="")
    )
    log = _raw_log(services.db)
    assert [(e.action, e.version) for e in log] == [("create", 1), ("update", 2)]
    update = log[-1]
    assert update.entity_kind == "partner" and update.entity_id == partner.id
    # Only what changed, each as [old, new]; the notes were empty and stayed empty.
    assert update.changes == {"name_ru": ["Могилёв", "Могилев"], "population": [350000, 357100]}
    assert update.title == "Могилев"

    entries = HistoryService(services.db).history("partner", partner.id)
    assert [e.action for e in entries] == [AuditAction.UPDATE, AuditAction.CREATE]  # newest first
    changes = {c.field: (c.label, c.old, c.new) for c in entries[0].changes}
    assert changes["name_ru"] == ("Name (Russian)", "Могилёв", "Могилев")
    assert changes["population"] == ("Population", "350,000", "357,100")  # Babel, language "en"


def test_delete_and_restore_are_logged_and_the_log_outlives_a_purge(services: Services) -> None:
    # Guards: delete/restore read from the tombstone, and no foreign key from the log to the
    # records (with one, the purge below would fail or take the log with it).
    partner = _partner(services)
    services.partners.delete(partner.id)
    services.partners.restore(partner.id)
    services.partners.delete(partner.id)
    with services.db.transaction() as session:  # purge-like: the row itself goes
        session.execute(delete(PartnerRow).where(PartnerRow.id == partner.id))
    with services.db.reading() as session:
        assert session.get(PartnerRow, partner.id) is None

    entries = HistoryService(services.db).history("partner", partner.id)
    assert [e.action for e in entries] == [
        AuditAction.DELETE,
        AuditAction.RESTORE,
        AuditAction.DELETE,
        AuditAction.CREATE,
    ]
    assert [e.version for e in entries] == [4, 3, 2, 1]
    assert {e.title for e in entries} == {"Могилёв"}  # readable although the record is gone
    assert {e.user for e in entries} == {"tester"}


def test_a_purge_through_the_orm_keeps_the_last_values(services: Services) -> None:
    # Guards: the session.deleted branch of the hook (a snapshot of the row's last values).
    partner = _partner(services, notes="побратим с 1999 года")
    with services.db.transaction() as session:
        row = session.get(PartnerRow, partner.id)
        session.delete(row)
    entry = HistoryService(services.db).history("partner", partner.id)[0]
    assert entry.action is AuditAction.PURGE
    old = {c.field: c.old for c in entry.changes}
    assert old["name_ru"] == "Могилёв"
    assert old["notes"] == "побратим с 1999 года"
    assert old["country_code"] == "Belarus"


def test_the_user_is_the_configured_one(db: Database) -> None:
    # Guards: entries take session.info["user"], i.e. Database.user = Settings.user_name (or the
    # OS user); a second "instance" with another configured name signs its own changes.
    services = Services.for_database(db)
    partner = _partner(services)
    other = Database(db.url.render_as_string(hide_password=False), user="Петрова Е. В.")
    try:
        Services.for_database(other).partners.update(
            dataclasses.replace(partner, region="Могилёвская область")
        )
        other.user = "Сидоров"  # the window applies a changed setting to the open database
        Services.for_database(other).partners.delete(partner.id)
    finally:
        other.dispose()
    entries = HistoryService(db).history("partner", partner.id)
    assert [(e.action, e.user) for e in entries] == [
        (AuditAction.DELETE, "Сидоров"),
        (AuditAction.UPDATE, "Петрова Е. В."),
        (AuditAction.CREATE, "tester"),
    ]


def test_a_renamed_delegation_member_is_recorded(services: Services) -> None:
    # Guards: owned child collections summarised into the parent's entry (the service replaces
    # the members wholesale; the log compares what they say, not their row ids).
    visit = _delegation(services)
    members = list(visit.members)
    members[1] = dataclasses.replace(members[1], full_name="Сидорова Анна Петровна")
    services.delegations.update(dataclasses.replace(visit, members=members))
    entry = HistoryService(services.db).history("delegation", visit.id)[0]
    assert entry.action is AuditAction.UPDATE
    [change] = entry.changes
    assert change.field == "members" and change.label == "Members"
    # Only the member that changed is shown: the head stayed as he was.
    assert (change.old, change.new) == (
        "Сидорова Анна, советник",
        "Сидорова Анна Петровна, советник",
    )
    raw = _raw_log(services.db)[-1].changes["members"]
    assert raw[0][0] == {"full_name": "Иванов Иван Иванович", "position": "мэр", "is_head": True}
    assert raw[1][1]["full_name"] == "Сидорова Анна Петровна"


def test_saving_the_same_children_again_logs_nothing(services: Services) -> None:
    # Guards: the comparison of child summaries (new row objects with the same values are no
    # change worth an entry).
    visit = _delegation(services)
    services.delegations.update(visit)
    assert [e.action for e in _raw_log(services.db)] == ["create"]


def test_a_child_edited_in_place_is_recorded_and_bumps_the_version(services: Services) -> None:
    # Guards: in-place child changes (municipal bodies are kept by id) found through the
    # children's own history; before, the parent's version did not move either.
    town = services.municipalities.create(
        Municipality(
            name_ru="Смоленск",
            bodies=[MunicipalBody(kind="administration", name_ru="Администрация города")],  # type: ignore[arg-type]
        )
    )
    body = dataclasses.replace(town.bodies[0], head_name="Новиков А. А.")
    saved = services.municipalities.update(dataclasses.replace(town, bodies=[body]))
    assert saved.version == town.version + 1
    entry = HistoryService(services.db).history("municipality", town.id)[0]
    [change] = entry.changes
    assert change.field == "bodies"
    assert change.new.endswith("Администрация города, Новиков А. А.")


def test_a_direct_child_edit_in_the_orm_is_recorded(db: Database) -> None:
    # Guards: _summary reading a child's committed values (not only replaced collections).
    services = Services.for_database(db)
    visit = _delegation(services)
    with db.transaction() as session:
        row = session.get(DelegationRow, visit.id)
        assert row is not None
        member = row.members[0]
        assert isinstance(member, DelegationMemberRow)
        member.position = "глава города"
        row.members = list(row.members)  # as fill_row does: the parent is touched
    entry = HistoryService(db).history("delegation", visit.id)[0]
    assert entry.version == 2
    assert entry.changes[0].old.startswith("Иванов Иван Иванович, мэр")
    assert entry.changes[0].new.startswith("Иванов Иван Иванович, глава города")


def test_a_refused_or_rolled_back_save_logs_nothing(services: Services) -> None:
    # Guards: entries are written inside the transaction they describe, never beside it.
    partner = _partner(services)
    with pytest.raises(ValidationError):
        services.partners.update(dataclasses.replace(partner, country_code="??"))
    with pytest.raises(RuntimeError), services.db.transaction() as session:
        row = session.get(PartnerRow, partner.id)
        assert row is not None
        row.notes = "не сохранится"
        session.flush()  # captured …
        raise RuntimeError("… and rolled back")
    assert [e.action for e in _raw_log(services.db)] == ["create"]


def test_a_session_used_again_after_a_rollback_logs_only_what_it_commits(db: Database) -> None:
    # Guards: the after_rollback listener dropping the entries collected before the rollback
    # (without it the commit below would log a partner that was never saved).
    session = db._sessions()  # a long-lived session, as a script or a future service may hold
    session.info["user"] = db.user
    try:
        gone = PartnerRow(name_ru="Гомель", country_code="BY")
        session.add(gone)
        session.flush()
        session.rollback()
        kept = PartnerRow(name_ru="Брест", country_code="BY")
        session.add(kept)
        session.commit()
    finally:
        session.close()
    assert [(e.entity_id, e.title) for e in _raw_log(db)] == [(kept.id, "Брест")]


def test_an_import_writes_import_entries_by_the_importing_user(
    services: Services, tmp_path: Path
) -> None:
    # Guards: preserve_audit imports are logged as "import" (the exported stamps stay).
    partner = _partner(services)
    path = tmp_path / "partners.json"
    ImportExportService(services.db).export("partners", path)
    with services.db.transaction() as session:  # make room for the same ids
        session.execute(delete(AuditLogRow))
        session.execute(delete(PartnerRow))
    services.db.user = "Импортёр"
    report = ImportExportService(services.db).import_("partners", path)
    assert report.total_created == 1
    [entry] = HistoryService(services.db).history("partner", partner.id)
    assert (entry.action, entry.user, entry.version) == (AuditAction.IMPORT, "Импортёр", 1)
    assert services.partners.get(partner.id).created_by == "tester"  # the export's stamp


def test_a_dry_run_import_logs_nothing(services: Services, tmp_path: Path) -> None:
    # Guards: entries of a transaction that is rolled back (a dry run) are never written.
    path = tmp_path / "partners.json"
    path.write_text(
        json.dumps(
            {
                "format": "mumidesk",
                "format_version": 1,
                "kind": "partners",
                "records": [{"name_ru": "Гомель", "country_code": "BY"}],
            }
        ),
        encoding="utf-8",
    )
    ImportExportService(services.db).import_("partners", path, dry_run=True)
    with services.db.reading() as session:
        assert session.scalar(select(func.count()).select_from(AuditLogRow)) == 0


def test_recent_changes_across_kinds(services: Services) -> None:
    partner = _partner(services)
    visit = _delegation(services)
    services.partners.delete(partner.id)
    history = HistoryService(services.db)
    latest = history.recent(2)
    assert [(e.kind, e.action) for e in latest] == [
        ("partner", AuditAction.DELETE),
        ("delegation", AuditAction.CREATE),
    ]
    assert [e.entity_id for e in history.recent(kinds=["delegation"])] == [visit.id]
    with pytest.raises(ValidationError):
        history.recent(0)


def test_linked_records_are_named(services: Services) -> None:
    # Guards: ids in the log read as the records' names (search index, then the log).
    partner = _partner(services)
    visit = _delegation(services)
    services.delegations.update(dataclasses.replace(visit, partner_ids=[partner.id]))
    services.partners.delete(partner.id)  # leaves the search index, not the log
    change = HistoryService(services.db).history("delegation", visit.id)[0].changes[0]
    assert (change.label, change.old, change.new) == ("Partners", "", "Могилёв")


def test_a_bulk_load_can_leave_one_summary_entry(services: Services) -> None:
    with services.db.transaction() as session:
        audit.log_bulk_load(session, {"partners": 25_917, "events": 0}, note="twin_cities.csv")
    [entry] = HistoryService(services.db).recent()
    assert (entry.kind, entry.action, entry.entity_id) == ("partner", AuditAction.BULK_LOAD, None)
    assert entry.title == "twin_cities.csv"
    assert [(c.label, c.new) for c in entry.changes] == [("Rows", "25,917")]


def test_every_service_kind_is_named_in_the_log(services: Services) -> None:
    # Guards: KIND_OF_TABLE kept equal to the services' kinds (history(kind, id) finds them).
    crud = [s for s in vars(services).values() if isinstance(s, CrudService)]
    assert len(crud) >= 12
    for service in crud:
        assert audit.kind_of(service.row_cls) == service.kind
