"""Test set-up shared by every package: offscreen Qt, a private config folder, English messages
by default, and fresh databases (SQLite always, PostgreSQL for the service tests)."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before any QApplication exists

import shutil
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from mumidesk import i18n
from mumidesk.db import migrate
from mumidesk.db.engine import Database
from mumidesk.services.registry import Services
from tests.pg_server import PostgresServer, PostgresUnavailable

TEMPLATE_DB = "mumidesk_template"


@pytest.fixture(autouse=True)
def _isolated_environment(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Iterator[None]:
    monkeypatch.setenv("MUMIDESK_CONFIG_DIR", str(tmp_path_factory.mktemp("config")))
    monkeypatch.setenv("MUMIDESK_DATA_DIR", str(tmp_path_factory.mktemp("data")))
    monkeypatch.delenv("MUMIDESK_DB", raising=False)
    monkeypatch.delenv("MUMIDESK_LANG", raising=False)
    i18n.set_language("en")
    yield
    i18n.set_language("en")


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One migrated SQLite file; each test copies it instead of migrating again."""
    path = tmp_path_factory.mktemp("template") / "template.db"
    db = Database("sqlite:///" + path.as_posix())
    migrate.prepare(db)
    with db.engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    db.dispose()
    return path


@pytest.fixture
def sqlite_db(sqlite_template: Path, tmp_path: Path) -> Iterator[Database]:
    path = tmp_path / "mumidesk.db"
    shutil.copyfile(sqlite_template, path)
    db = Database("sqlite:///" + path.as_posix(), user="tester")
    yield db
    db.dispose()


@pytest.fixture(scope="session")
def pg_server() -> Iterator[PostgresServer]:
    try:
        server = PostgresServer()
        server.start()
    except PostgresUnavailable as exc:
        if os.environ.get("MUMIDESK_REQUIRE_POSTGRES"):
            pytest.fail(f"PostgreSQL is required here but unavailable: {exc}")
        pytest.skip(f"PostgreSQL not available: {exc}")
    admin = create_engine(server.url(), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f"CREATE DATABASE {TEMPLATE_DB}"))
    admin.dispose()
    template = Database(server.url(TEMPLATE_DB))
    migrate.prepare(template)
    template.dispose()
    yield server
    server.stop()


@pytest.fixture
def pg_db(pg_server: PostgresServer) -> Iterator[Database]:
    name = "t_" + uuid.uuid4().hex[:12]
    admin = create_engine(pg_server.url(), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f"CREATE DATABASE {name} TEMPLATE {TEMPLATE_DB}"))
    db = Database(pg_server.url(name), user="tester")
    yield db
    db.dispose()
    with admin.connect() as conn:
        conn.execute(text(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
    admin.dispose()


@pytest.fixture
def db(sqlite_db: Database) -> Database:
    """A fresh SQLite database (tests/services overrides this to run on PostgreSQL too)."""
    return sqlite_db


@pytest.fixture
def services(db: Database) -> Services:
    return Services.for_database(db)
