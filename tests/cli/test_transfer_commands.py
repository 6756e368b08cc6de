"""`mumidesk import` / `mumidesk export` from the command line: round trips, one line per bad
row with exit code 2, dry runs, the twin-cities list, and Russian messages."""

from __future__ import annotations

from pathlib import Path

import pytest

from mumidesk.cli import main
from mumidesk.db.engine import Database
from mumidesk.domain.partners import Partner
from mumidesk.services.registry import Services

SAMPLE = Path(__file__).resolve().parents[1] / "services" / "data" / "twin_cities_sample.csv"


@pytest.fixture
def db_arg(sqlite_db: Database) -> str:
    assert sqlite_db.sqlite_path is not None
    return str(sqlite_db.sqlite_path)


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, list[str], list[str]]:
    code = main(["--lang", "en", *args])
    out, err = capsys.readouterr()
    return code, out.splitlines(), err.splitlines()


def _csv(path: Path, *lines: str) -> Path:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8-sig")
    return path


def test_export_then_import_into_another_database(
    sqlite_db: Database, db_arg: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    services = Services.for_database(sqlite_db)
    services.partners.create(Partner(name_ru="Хаген", name_en="Hagen", country_code="DE"))
    services.partners.create(Partner(name_ru="Могилёв", country_code="BY", notes="a, b\n«c»"))

    out_file = tmp_path / "partners.csv"
    code, out, err = _run(capsys, "--db", db_arg, "export", "partners", "-o", str(out_file))
    assert (code, out, err) == (0, [f"Exported 2 records to {out_file}"], [])

    other = str(tmp_path / "other.db")
    code, out, _err = _run(capsys, "--db", other, "import", "partners", str(out_file))
    assert (code, out) == (0, ["partners: 2 records imported"])
    again = tmp_path / "again.csv"
    _run(capsys, "--db", other, "export", "partners", "-o", str(again))
    assert again.read_bytes() == out_file.read_bytes()

    code, out, _err = _run(capsys, "--db", other, "import", "partners", str(out_file))
    assert code == 0
    assert out[0] == "partners: 0 records imported, 2 already present (skipped)"
    assert out[1].startswith("  row 2, partners ") and out[1].endswith("already present, skipped")


def test_json_bundle_and_format_option(
    sqlite_db: Database, db_arg: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    Services.for_database(sqlite_db).partners.create(Partner(name_en="Hagen", country_code="DE"))
    target = tmp_path / "everything.dat"
    code, out, _err = _run(
        capsys, "--db", db_arg, "export", "all", "-o", str(target), "--format", "json"
    )
    assert (code, out) == (0, [f"Exported 1 record to {target}"])
    code, out, _err = _run(
        capsys, "--db", str(tmp_path / "b.db"), "import", "all", str(target), "--format", "json"
    )
    assert code == 0
    assert "partners: 1 record imported" in out


def test_one_bad_row_gives_one_line_naming_row_and_field(
    db_arg: str, sqlite_db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _csv(
        tmp_path / "partners.csv",
        "name_ru,country_code",
        "Хаген,DE",
        "Лусака,XX",
    )
    code, out, err = _run(capsys, "--db", db_arg, "import", "partners", str(path))
    assert code == 2
    assert out == []
    assert err == [
        "error: row 3, country_code: 'XX' is not an ISO 3166 country code (e.g. RU, BY, ZM)"
    ]
    assert Services.for_database(sqlite_db).partners.list().total == 0


def test_many_bad_rows_give_one_line_each(
    db_arg: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _csv(
        tmp_path / "events.csv",
        "name,kind,dates.start,dates.end,dates.precision",
        "Форум,forum,2020-04-08,2020-04-20,range",
        "Встреча,party,2020-04-08,2020-04-08,day",
        "Слёт,forum,2020-13-01,2020-04-08,day",
        "Лишнее,forum,2020-04-08,2020-04-08,day,,",
    )
    code, _out, err = _run(capsys, "--db", db_arg, "import", "events", str(path))
    assert code == 2
    assert [line.split(":", 2)[1] for line in err] == [
        " row 3, kind",
        " row 4, dates.start",
        " row 5, columns",
    ]
    assert all(line.startswith("error: row ") for line in err)


def test_dry_run_writes_nothing(
    db_arg: str, sqlite_db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _csv(tmp_path / "partners.csv", "name_ru,country_code", "Хаген,DE")
    code, out, _err = _run(capsys, "--db", db_arg, "import", "partners", str(path), "--dry-run")
    assert (code, out) == (
        0,
        ["partners: 1 record would be imported", "Dry run: nothing was written"],
    )
    assert Services.for_database(sqlite_db).partners.list().total == 0


def test_format_must_be_known(
    db_arg: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "partners.txt"
    path.write_text("x", encoding="utf-8")
    code, _out, err = _run(capsys, "--db", db_arg, "import", "partners", str(path))
    assert code == 2
    assert len(err) == 1 and err[0].startswith("error: format: cannot tell the format")
    code, _out, err = _run(capsys, "--db", db_arg, "import", "partners", str(tmp_path / "no.csv"))
    assert code == 1
    assert len(err) == 1 and err[0].startswith("error: cannot read")


def test_twin_cities_import_reports_counts_and_odd_rows(
    db_arg: str, sqlite_db: Database, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _err = _run(capsys, "--db", db_arg, "import", "twin-cities", str(SAMPLE))
    assert code == 0
    assert out[:5] == [
        "Rows read: 20",
        "Own municipalities: 4 added, 0 already present",
        "Partner cities: 9 added, 0 already present",
        "Partnerships: 4 added, 0 already present",
        "Twin links between foreign cities: 4 added, 0 already present",
    ]
    assert "Mirrored pairs (B–A after A–B): 3" in out
    assert "Odd rows (not loaded): 6" in out
    assert "  row 16, country2: 'in Italy' is not a country we know" in out

    code, out, _err = _run(capsys, "--db", db_arg, "import", "twin-cities", str(SAMPLE))
    assert out[2] == "Partner cities: 0 added, 9 already present"
    assert Services.for_database(sqlite_db).partners.list().total == 9


def test_messages_follow_the_language(
    db_arg: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _csv(tmp_path / "partners.csv", "name_ru,country_code", "Лусака,XX")
    code = main(["--lang", "ru", "--db", db_arg, "import", "partners", str(path)])
    err = capsys.readouterr().err.splitlines()
    assert code == 2 and len(err) == 1
    assert "country_code" in err[0] and "'XX'" in err[0]
