"""`mumidesk self-test` checks a migration on a copy, the demo data, every document and the
window, leaves the user's database as it was, and names the check that failed."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from sqlalchemy import text

from mumidesk.cli import main
from mumidesk.db import migrate
from mumidesk.db.engine import Database
from mumidesk.reports import catalog


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_self_test_passes_and_leaves_the_database_alone(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "user.db"
    assert main(["--db", str(path), "db", "upgrade"]) == 0
    capsys.readouterr()
    before = _digest(path)

    assert main(["--db", str(path), "--self-test"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == "ok translations: ru, en"
    assert out[1].startswith(f"ok database migration: copy of {path}")
    assert "ok demo data: 206 records" in out
    for document in catalog.DOCUMENTS:
        line = next(x for x in out if x.startswith(f"ok document {document.id}:"))
        assert "Cyrillic text" in line
    assert any(x.startswith("ok main window: mumidesk") for x in out)
    assert out[-1] == "self-test passed"
    assert _digest(path) == before


def test_self_test_creates_no_database_where_there_is_none(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "absent.db"
    assert main(["--db", str(path), "self-test"]) == 0
    assert "a new database" in capsys.readouterr().out
    assert not path.exists()


def test_a_failing_check_is_named_and_exits_1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(model: object, target: object) -> None:
        raise OSError("font missing")

    monkeypatch.setitem(catalog._WRITERS[catalog.DOSSIER], catalog.PDF, broken)
    assert main(["--db", str(tmp_path / "user.db"), "self-test"]) == 1
    captured = capsys.readouterr()
    assert "FAILED document dossier: OSError: font missing" in captured.out
    assert "ok document quarterly" in captured.out
    assert "self-test failed: document dossier" in captured.err


def test_version_is_printed(capsys: pytest.CaptureFixture[str]) -> None:
    from mumidesk import __version__

    assert main(["--version"]) == 0
    assert capsys.readouterr().out == f"mumidesk {__version__}\n"


def test_a_missing_catalog_fails_the_translations_check(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import gettext

    from mumidesk import i18n

    monkeypatch.setattr(i18n, "_translations", lambda lang: gettext.NullTranslations())
    assert main(["--db", str(tmp_path / "user.db"), "self-test"]) == 1
    assert "FAILED translations: RuntimeError: no ru catalog" in capsys.readouterr().out


def _server_url(db: Database) -> str:
    return db.url.render_as_string(hide_password=False)


def test_a_server_is_read_not_copied_and_its_schema_named(
    pg_db: Database, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--db", _server_url(pg_db), "self-test"]) == 0
    line = next(x for x in capsys.readouterr().out.splitlines() if "database migration" in x)
    assert f"server {pg_db.url.render_as_string(hide_password=True)}: schema 0005" in line
    assert line.endswith("a new database (there is no database file to copy): schema 0005")


def test_a_server_behind_is_reported_with_the_upgrade_due_and_left_as_it_is(
    pg_db: Database, capsys: pytest.CaptureFixture[str]
) -> None:
    with pg_db.engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '0004'"))
    assert main(["--db", _server_url(pg_db), "self-test"]) == 0
    assert "schema 0004, upgraded to 0005 on first start" in capsys.readouterr().out
    assert migrate.stored_revision(pg_db) == "0004"


def test_a_server_written_by_a_newer_version_fails_the_check(
    pg_db: Database, capsys: pytest.CaptureFixture[str]
) -> None:
    with pg_db.engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    assert main(["--db", _server_url(pg_db), "self-test"]) == 1
    out = capsys.readouterr().out
    assert "FAILED database migration:" in out
    assert "has schema 9999, newer than this version knows" in out


def test_every_other_format_of_a_document_is_written_and_read_back(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--db", str(tmp_path / "user.db"), "self-test"]) == 0
    out = capsys.readouterr().out
    assert "ok document quarterly: 2 pages, Cyrillic text, XLSX, DOCX" in out
    assert "ok document registry: 1 page, Cyrillic text, XLSX" in out
    assert "ok document draft: 2 pages, Cyrillic text, DOCX" in out
