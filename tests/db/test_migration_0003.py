"""Migration 0003 adds the declension overrides to agreements that are already there."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import text

from mumidesk.db import migrate
from mumidesk.db.engine import Database
from mumidesk.services.registry import Services

AGREEMENT = uuid.UUID("0b5f4c1e-8a59-4a43-9a2f-3d7c1c6a0003")
PARTY = uuid.UUID("0b5f4c1e-8a59-4a43-9a2f-3d7c1c6a0004")
SIGNATORY = uuid.UUID("0b5f4c1e-8a59-4a43-9a2f-3d7c1c6a0005")


@pytest.fixture
def db_0002(tmp_path: Path) -> Iterator[Database]:
    """A database as revision 0002 left it, holding one agreement with a signatory."""
    db = Database("sqlite:///" + (tmp_path / "mumidesk.db").as_posix(), user="tester")
    migrate.upgrade(db, "0002")
    with db.engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO agreements (id, title, kind, status, subject, approval_decision_no,"
                " signed_place, registration_number, auto_prolongation, notice_lead_days, notes,"
                " created_at, created_by, updated_at, updated_by, version) VALUES (:id,"
                " 'Соглашение', 'twinning', 'draft', '', '', '', '', 0, '[90]', '',"
                " '2025-01-01 00:00:00', 'old', '2025-01-01 00:00:00', 'old', 1)"
            ),
            {"id": AGREEMENT.hex},
        )
        conn.execute(
            text(
                "INSERT INTO agreement_parties (id, agreement_id, side, name_ru, name_en,"
                " sort_order) VALUES (:id, :agreement, 'own', 'Городская Дума города Калуги',"
                " '', 0)"
            ),
            {"id": PARTY.hex, "agreement": AGREEMENT.hex},
        )
        conn.execute(
            text(
                "INSERT INTO agreement_signatories (id, party_id, full_name, position, gender,"
                " acts_on_basis_of, sort_order) VALUES (:id, :party, 'Иванов Иван Иванович',"
                " 'Городской Голова', 'male', 'Устава', 0)"
            ),
            {"id": SIGNATORY.hex, "party": PARTY.hex},
        )
    yield db
    db.dispose()


def test_existing_agreements_get_empty_overrides(db_0002: Database) -> None:
    migrate.upgrade(db_0002)
    assert migrate.state(db_0002).up_to_date

    agreement = Services.for_database(db_0002).agreements.get(AGREEMENT)

    party = agreement.parties[0]
    assert party.name_ru == "Городская Дума города Калуги"
    assert (party.name_ru_genitive, party.name_ru_instrumental) == ("", "")
    signatory = party.signatories[0]
    assert signatory.full_name == "Иванов Иван Иванович"
    assert (signatory.name_genitive, signatory.position_genitive) == ("", "")


def test_downgrade_keeps_the_signatories(db_0002: Database) -> None:
    # Rebuilding a table on SQLite would cascade-delete the signatories of its parties.
    migrate.upgrade(db_0002)
    cfg = migrate._config()
    with db_0002.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0002")
    with db_0002.engine.connect() as conn:
        names = conn.execute(text("SELECT full_name FROM agreement_signatories")).scalars()
        assert list(names) == ["Иванов Иван Иванович"]
    assert migrate.state(db_0002).current == "0002"
