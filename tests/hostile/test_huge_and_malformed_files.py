"""Malformed, huge and wrongly encoded files through every importer: always a clear error that
names the row and field, or the file — never a crash, never a partial write (every table of
the database is counted before and after).

Measures guarded (each test fails without it):
- MAX_IMPORT_BYTES: a file too large to read whole is refused before it is read
  (test_file_over_the_limit_is_refused_unread);
- xlsx_transfer.check_zip: a workbook that would unpack to more than MAX_UNPACKED_BYTES is
  refused before anything is unpacked (test_zip_bomb_workbook);
- reset_dimensions and the header-wide rows: a sheet claiming 16,384 × 1,048,576 cells is read
  by its real rows (test_sheet_claiming_a_huge_size);
- RecursionError caught in the JSON reader and in CSV list cells (test_json_nested_10000_deep);
- the catch of zip/XML/openpyxl errors: any damaged workbook is "not a readable Excel workbook"
  (test_damaged_workbooks);
- one transaction per import: test_bad_last_row_writes_nothing.
"""

from __future__ import annotations

import csv
import io
import json
import os
import uuid
import zipfile
from pathlib import Path

import pytest
from hypothesis import example, given
from hypothesis import strategies as st
from openpyxl.utils import get_column_letter

from mumidesk.db.engine import Database
from mumidesk.domain.errors import ValidationError
from mumidesk.domain.partners import Partner
from mumidesk.services import serialization as ser
from mumidesk.services import xlsx_transfer
from mumidesk.services.import_export import MAX_IMPORT_BYTES, ImportExportService
from mumidesk.services.xlsx_transfer import MAX_UNPACKED_BYTES
from tests.hostile.db_state import table_counts
from tests.hostile.strategies import counted, hostile_text, invalid_utf8, scaled

HEADER = ser.csv_columns(Partner)
MB = 2**20


def _column(index: int) -> str:
    return get_column_letter(index + 1)


def partner_row(name: str = "Брест") -> list[str]:
    return ser.to_csv_row(Partner(id=uuid.uuid4(), name_ru=name, country_code="BY"))


def csv_bytes(rows: list[list[str]], header: list[str] = HEADER) -> bytes:
    buffer = io.StringIO(newline="")
    csv.writer(buffer).writerows([header, *rows])
    return buffer.getvalue().encode("utf-8-sig")


def xlsx_bytes(rows: list[list[str]]) -> bytes:
    return xlsx_transfer.write_workbook([("partners", HEADER, rows)])


GOOD_WORKBOOK = xlsx_transfer.write_workbook(
    [
        (
            "partners",
            HEADER,
            [ser.to_csv_row(Partner(id=uuid.UUID(int=7), name_ru="Брест", country_code="BY"))],
        )
    ]
)


def refused(db: Database, path: Path, kind: str = "partners") -> ValidationError:
    """Import ``path``: it must be refused with named problems and nothing written."""
    before = table_counts(db)
    with pytest.raises(ValidationError) as caught:
        ImportExportService(db).import_(kind, path)
    assert caught.value.problems
    assert all(p.field and p.message for p in caught.value.problems)
    assert table_counts(db) == before
    return caught.value


@pytest.fixture(params=["sqlite", "postgresql"])
def both_db(request: pytest.FixtureRequest) -> Database:
    return request.getfixturevalue("sqlite_db" if request.param == "sqlite" else "pg_db")


@pytest.mark.parametrize("fmt", ["csv", "xlsx", "json"])
def test_bad_last_row_writes_nothing(both_db: Database, tmp_path: Path, fmt: str) -> None:
    """500 good rows and one bad one at the end: refused whole, the bad row named."""
    rows = [partner_row(f"Город {n}") for n in range(500)]
    bad = partner_row()
    bad[HEADER.index("country_code")] = "XX"
    rows.append(bad)
    path = tmp_path / f"partners.{fmt}"
    if fmt == "csv":
        path.write_bytes(csv_bytes(rows))
    elif fmt == "xlsx":
        path.write_bytes(xlsx_bytes(rows))
    else:
        records = [
            ser.to_plain(ser.from_csv_row(Partner, dict(zip(HEADER, r, strict=True)))) for r in rows
        ]
        records[-1]["country_code"] = "XX"
        path.write_text(json.dumps(records, ensure_ascii=False), encoding="utf-8")
    error = refused(both_db, path)
    expected_row = 501 if fmt == "json" else 502  # JSON counts records, sheets count the header
    assert [(p.field, p.row) for p in error.problems] == [("country_code", expected_row)]


@scaled(40)
@given(junk=st.one_of(st.binary(max_size=300), invalid_utf8(), hostile_text().map(str.encode)))
@example(junk=b'id,name_ru\n"unterminated,1\n')
@example(junk="Смоленск;Брест".encode("cp1251"))
@example(junk="id,name_ru\n".encode("utf-16"))
@example(junk=b"\xef\xbb\xbf")
@example(junk=b"")
def test_junk_csv_and_json(sqlite_db: Database, tmp_path: Path, junk: bytes) -> None:
    """Any bytes as a CSV or JSON file, and after a valid header: a clear error."""
    record = counted("files: junk csv/json")
    for name, data in (
        ("junk.csv", junk),
        ("junk.json", junk),
        ("after-header.csv", csv_bytes([]) + junk),
    ):
        path = tmp_path / name
        path.write_bytes(data)
        before = table_counts(sqlite_db)
        try:
            report = ImportExportService(sqlite_db).import_("partners", path)
        except ValidationError as exc:
            assert exc.problems and all(p.message for p in exc.problems)
            assert table_counts(sqlite_db) == before
            record(True)
        else:  # junk that happens to be a valid (empty) file
            assert report.total_created == 0
            record(False)


@scaled(40)
@given(data=st.data())
def test_damaged_workbooks(sqlite_db: Database, tmp_path: Path, data: st.DataObject) -> None:
    """A valid workbook cut short, with bytes overwritten, or with a part missing or replaced
    by junk: "not a readable Excel workbook", or read correctly if the damage missed."""
    record = counted("files: damaged xlsx")
    good = GOOD_WORKBOOK
    how = data.draw(st.sampled_from(["cut", "flip", "part"]))
    if how == "cut":
        damaged = good[: data.draw(st.integers(0, len(good) - 1))]
    elif how == "flip":
        damaged = bytearray(good)
        for _ in range(data.draw(st.integers(1, 8))):
            damaged[data.draw(st.integers(0, len(good) - 1))] = data.draw(st.integers(0, 255))
        damaged = bytes(damaged)
    else:
        source = zipfile.ZipFile(io.BytesIO(good))
        names = source.namelist()
        victim = data.draw(st.sampled_from(names))
        replacement = data.draw(
            st.one_of(st.none(), st.binary(max_size=200), hostile_text().map(str.encode))
        )
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w") as target:
            for name in names:
                if name != victim:
                    target.writestr(name, source.read(name))
                elif replacement is not None:
                    target.writestr(name, replacement)
        damaged = buffer.getvalue()
    path = tmp_path / "damaged.xlsx"
    path.write_bytes(damaged)
    before = table_counts(sqlite_db)
    try:
        report = ImportExportService(sqlite_db).import_("partners", path, dry_run=True)
    except ValidationError as exc:
        assert exc.problems and all(p.message for p in exc.problems)
        record(True)
    else:
        assert report.total_read <= 1
        record(False)
    assert table_counts(sqlite_db) == before


def test_zip_bomb_workbook(sqlite_db: Database, tmp_path: Path) -> None:
    """A 3 MB workbook whose sheet unpacks to 600 MB: refused from its zip directory, before
    anything is unpacked."""
    good = zipfile.ZipFile(io.BytesIO(xlsx_bytes([partner_row()])))
    path = tmp_path / "bomb.xlsx"
    chunk = b"<row/>" * 200_000
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as bomb:
        for name in good.namelist():
            if name != "xl/worksheets/sheet1.xml":
                bomb.writestr(name, good.read(name))
        with bomb.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as sheet:
            for _ in range((MAX_UNPACKED_BYTES + 88 * MB) // len(chunk)):
                sheet.write(chunk)
    assert path.stat().st_size < 5 * MB
    error = refused(sqlite_db, path)
    assert error.fields == ["file"] and "more than the 512 MB" in str(error)


@pytest.mark.parametrize("stray", ["XFD", _column(len(HEADER))])
def test_sheet_claiming_a_huge_size(sqlite_db: Database, tmp_path: Path, stray: str) -> None:
    """A sheet whose dimension says A1:XFD1048576 and whose one data row sits at row 1,048,576
    with a stray value: read by its real rows (not 16,384 × 1,048,576 cells). A value right of
    the last column is named; one far beyond it is not read at all (rows are read only one
    cell wider than the header, so a hostile row cannot be spread over 16,384 columns)."""
    good = zipfile.ZipFile(io.BytesIO(xlsx_bytes([])))
    sheet = good.read("xl/worksheets/sheet1.xml").decode()
    row = partner_row()
    cells = "".join(
        f'<c r="{_column(i)}1048576" t="inlineStr"><is><t>{v}</t></is></c>'
        for i, v in enumerate(row)
        if v
    )
    cells += f'<c r="{stray}1048576" t="inlineStr"><is><t>stray</t></is></c>'
    sheet = sheet.replace("</sheetData>", f'<row r="1048576">{cells}</row></sheetData>')
    sheet = sheet.replace("<sheetData>", '<dimension ref="A1:XFD1048576"/><sheetData>', 1)
    path = tmp_path / "huge.xlsx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for name in good.namelist():
            data = sheet.encode() if name == "xl/worksheets/sheet1.xml" else good.read(name)
            target.writestr(name, data)
    if stray == "XFD":
        report = ImportExportService(sqlite_db).import_("partners", path, dry_run=True)
        assert report.total_read == 1
        return
    error = refused(sqlite_db, path)
    assert [(p.field, p.row) for p in error.problems] == [("columns", 1_048_576)]


@pytest.mark.parametrize("fmt", ["csv", "json", "xlsx"])
def test_file_over_the_limit_is_refused_unread(
    sqlite_db: Database, tmp_path: Path, fmt: str
) -> None:
    """A file over MAX_IMPORT_BYTES (sparse: no disk is used) is refused by its size."""
    path = tmp_path / f"huge.{fmt}"
    with path.open("wb") as fh:
        fh.truncate(MAX_IMPORT_BYTES + 1)
    error = refused(sqlite_db, path)
    assert error.fields == ["file"] and f"at most {MAX_IMPORT_BYTES // MB} MB" in str(error)


def test_fifty_megabyte_files(both_db: Database, tmp_path: Path) -> None:
    """50 MB in one cell, one JSON string and random bytes: each a clear error naming where."""
    big = "я" * (25 * MB)  # 50 MB in UTF-8
    path = tmp_path / "big.csv"
    path.write_bytes(csv_bytes([[*partner_row()[:-1], big]]))
    assert path.stat().st_size > 50 * MB
    error = refused(both_db, path)
    # The cell reaches the field's own check, which names the column as well as the row.
    assert [(p.field, p.row) for p in error.problems] == [("notes", 2)]
    assert "too long" in str(error)
    record = ser.to_plain(Partner(id=uuid.uuid4(), name_ru="Брест", country_code="BY"))
    record["notes"] = big
    path = tmp_path / "big.json"
    path.write_text(json.dumps([record], ensure_ascii=False), encoding="utf-8")
    error = refused(both_db, path)
    assert [(p.field, p.row) for p in error.problems] == [("notes", 1)]
    assert "too long" in str(error)
    path = tmp_path / "random.csv"
    path.write_bytes(os.urandom(50 * MB))
    assert refused(both_db, path).fields == ["file"]


def test_json_nested_10000_deep(sqlite_db: Database, tmp_path: Path) -> None:
    """[[[[…]]]] 10,000 deep as the whole file and inside a CSV list cell."""
    deep = "[" * 10_000 + "]" * 10_000
    path = tmp_path / "deep.json"
    path.write_text(deep, encoding="utf-8")
    error = refused(sqlite_db, path)
    assert error.fields == ["file"] and "nested too deeply" in str(error)
    path.write_text(
        '{"format": "mumidesk", "format_version": 1, "kind": "partners", '
        f'"records": [{{"notes": {deep}}}]}}',
        encoding="utf-8",
    )
    assert "nested too deeply" in str(refused(sqlite_db, path))
    header = ser.csv_columns(type(_event()))
    row = ser.to_csv_row(_event())
    row[header.index("country_codes")] = deep
    path = tmp_path / "deep.csv"
    path.write_bytes(csv_bytes([row], header))
    error = refused(sqlite_db, path, "events")
    assert [(p.field, p.row) for p in error.problems] == [("country_codes", 2)]


def _event():  # type: ignore[no-untyped-def]
    import datetime as dt

    from mumidesk.domain.events import Event
    from mumidesk.domain.fuzzy_date import FuzzyDate

    return Event(id=uuid.uuid4(), name="Форум", dates=FuzzyDate.day(dt.date(2020, 6, 5)))


@pytest.mark.parametrize(
    ("encoding", "fmt"),
    [("cp1251", "csv"), ("utf-16", "csv"), ("koi8-r", "json"), ("utf-32", "json")],
)
def test_wrong_encodings(sqlite_db: Database, tmp_path: Path, encoding: str, fmt: str) -> None:
    """Text saved in another encoding: named as not UTF-8, with how to save it right."""
    path = tmp_path / f"partners.{fmt}"
    if fmt == "csv":
        text = csv_bytes([partner_row("Смоленск")]).decode("utf-8-sig")
    else:
        text = json.dumps([{"name_ru": "Смоленск", "country_code": "BY"}], ensure_ascii=False)
    path.write_bytes(text.encode(encoding))
    error = refused(sqlite_db, path)
    assert error.fields == ["file"] and "UTF-8" in str(error)
