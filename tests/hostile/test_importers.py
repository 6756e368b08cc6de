"""Every importer (CSV, JSON, XLSX) under hostile input: records with hostile text come back
exactly after an export and an import, and a file with hostile values anywhere is either
imported whole or refused with every problem naming its row and field — and then the database
is unchanged, table by table. SQLite and PostgreSQL both.

Measures guarded (each test fails without it):
- the XLSX importer and exporter (import_export + xlsx_transfer): test_round_trip[xlsx],
  test_hostile_cells_in_a_file[xlsx];
- an XLSX export refuses text a workbook cannot hold (control characters, cells over 32,767
  characters) instead of crashing in openpyxl: test_round_trip[xlsx];
- Checker refuses NUL and lone surrogates (JSON "\\u0000", "\\ud800"): test_hostile_json_values
  on PostgreSQL / both;
- a CSV cell holding JSON nested too deeply is a problem of its row, not a RecursionError:
  test_hostile_cells_in_a_file[csv] (example).
"""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import io
import json
import shutil
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import example, given
from hypothesis import strategies as st
from openpyxl import Workbook

from mumidesk.db.engine import Database
from mumidesk.domain.agreements import Agreement, AgreementParty, Signatory
from mumidesk.domain.enums import EventKind, PartySide
from mumidesk.domain.errors import ValidationError
from mumidesk.domain.events import Event
from mumidesk.domain.fuzzy_date import FuzzyDate
from mumidesk.domain.partners import Partner
from mumidesk.services import serialization as ser
from mumidesk.services.import_export import ImportExportService
from mumidesk.services.registry import Services
from mumidesk.services.xlsx_transfer import UNWRITABLE_RE
from tests.hostile.db_state import table_counts
from tests.hostile.strategies import counted, hostile_text, long_text, scaled

FORMATS = ("csv", "json", "xlsx")
KINDS = ("partners", "events", "agreements")


@pytest.fixture(params=["sqlite", "postgresql"])
def both_db(request: pytest.FixtureRequest) -> Database:
    return request.getfixturevalue("sqlite_db" if request.param == "sqlite" else "pg_db")


@pytest.fixture
def second_sqlite(sqlite_template: Path, tmp_path: Path) -> Iterator[Database]:
    path = tmp_path / "second.db"
    shutil.copyfile(sqlite_template, path)
    other = Database("sqlite:///" + path.as_posix(), user="importer")
    yield other
    other.dispose()


def valid_record(kind: str, text: str = "Брест") -> Any:
    """A record of the kind that imports cleanly (no references to other records)."""
    if kind == "partners":
        return Partner(id=uuid.uuid4(), name_ru=text, country_code="BY", notes=text)
    if kind == "events":
        return Event(
            id=uuid.uuid4(),
            name=text,
            kind=EventKind.FORUM,
            dates=FuzzyDate.range(dt.date(2020, 4, 8), dt.date(2020, 4, 20)),
            place=text,
            content=text,
            participants=text,
            country_codes=["BY", "RU"],
        )
    return Agreement(
        id=uuid.uuid4(),
        title=text,
        subject=text,
        languages=["ru", "be"],
        parties=[
            AgreementParty(
                side=PartySide.OWN,
                name_ru=text,
                signatories=[Signatory(full_name=text, position=text)],
            ),
            AgreementParty(side=PartySide.PARTNER, name_ru="Брестский горисполком"),
        ],
    )


def text_fields(item: Any) -> list[str]:
    return [
        f.name
        for f in ser.init_fields(type(item))
        if ser.hints(type(item))[f.name] is str and f.name not in ("country_code",)
    ]


def write(path: Path, fmt: str, kind: str, header: list[str], rows: list[list[Any]]) -> None:
    """A file as a user's spreadsheet or script would write it."""
    if fmt == "csv":
        buffer = io.StringIO(newline="")
        csv.writer(buffer).writerows([header, *rows])
        path.write_text(buffer.getvalue(), encoding="utf-8-sig", newline="")
    elif fmt == "xlsx":
        book = Workbook()
        sheet = book.active
        assert sheet is not None
        sheet.title = kind
        for row in [header, *rows]:
            sheet.append([UNWRITABLE_RE.sub("", v) if isinstance(v, str) else v for v in row])
        book.save(path)
    else:
        records = [dict(zip(header, row, strict=True)) for row in rows]
        document = {"format": "mumidesk", "format_version": 1, "kind": kind, "records": records}
        path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")


def check_import(db: Database, path: Path, kind: str, rows: int, name: str) -> None:
    """Imported whole, or refused with rows and fields named and the database unchanged."""
    record = counted(name)
    before = table_counts(db)
    try:
        report = ImportExportService(db).import_(kind, path)
    except ValidationError as exc:
        assert exc.problems
        for problem in exc.problems:
            assert problem.field and problem.message
            assert problem.row is None or 1 <= problem.row <= rows + 1
        assert table_counts(db) == before
        record(True)
        return
    assert report.total_read == rows
    after = table_counts(db)
    assert after[kind] == before[kind] + rows
    record(False)


@pytest.mark.parametrize("fmt", FORMATS)
@scaled(8)
@given(
    kind=st.sampled_from(KINDS),
    texts=st.lists(st.one_of(hostile_text(nul=False), long_text(1, 40_000)), min_size=1),
)
@example(kind="partners", texts=["\u202eexe.gpj <b>&amp;</b> {{ x }} %s\r\n\t\x0b\x1f"])
@example(kind="events", texts=["x" * 33_000])
@example(kind="partners", texts=["строка\r\nвторая\rтретья\tтаб  "])
def test_round_trip(
    sqlite_db: Database,
    second_sqlite: Database,
    tmp_path: Path,
    fmt: str,
    kind: str,
    texts: list[str],
) -> None:
    """Hostile text in every text field, exported and imported into another database: the
    same records, character for character; or, for a workbook, a clear refusal naming the
    cell when the text is more than a workbook can hold."""
    record = counted(f"importers: round trip {fmt}")
    source = Services.for_database(sqlite_db)
    service = getattr(source, kind)
    saved = []
    for text in texts:
        item = valid_record(kind)
        for name in text_fields(item):
            setattr(item, name, text)
        if kind == "agreements":
            item.parties[0] = dataclasses.replace(item.parties[0], name_ru=text)
        try:
            saved.append(service.create(item))
            continue
        except ValidationError as exc:
            # Too long or blank for a name or title: keep the hostile text, shorter, there.
            for name in {f for f in exc.fields if f in text_fields(item)}:
                setattr(item, name, "Брест " + text[:80])
            if any(f.startswith("parties[0].") for f in exc.fields):
                item.parties[0] = dataclasses.replace(item.parties[0], name_ru=text[:80] + ".")
        saved.append(service.create(item))
    path = tmp_path / f"{kind}-{uuid.uuid4().hex}.{fmt}"
    try:
        ImportExportService(sqlite_db).export(kind, path)
    except ValidationError as exc:
        assert fmt == "xlsx" and exc.problems
        assert all(p.row and p.field for p in exc.problems)
        assert not path.exists()
        record(True)
        for item in saved:  # leave the source as the next example expects it: exportable
            service.delete(item.id, item.version)
        return
    ImportExportService(second_sqlite).import_(kind, path)
    target = getattr(Services.for_database(second_sqlite), kind)
    for item in saved:
        back = target.get(item.id)
        assert ser.to_plain(back) == ser.to_plain(item)
    record(False)


JSON_SCALARS = st.one_of(
    hostile_text(),
    st.none(),
    st.booleans(),
    st.integers(-(2**70), 2**70),
    st.floats(allow_nan=False),
    st.sampled_from(["\ud800", "\x00", "2020-02-30", "9999-12-31", "not-a-uuid", "1e400"]),
)
JSON_VALUES = st.recursive(
    JSON_SCALARS,
    lambda inner: st.one_of(
        st.lists(inner, max_size=3), st.dictionaries(hostile_text(2), inner, max_size=3)
    ),
    max_leaves=8,
)


@scaled(30)
@given(data=st.data(), kind=st.sampled_from(KINDS), count=st.integers(1, 3))
def test_hostile_json_values(
    both_db: Database, tmp_path: Path, data: st.DataObject, kind: str, count: int
) -> None:
    """JSON records with hostile values of any type in any field (unknown fields too)."""
    rows: list[dict[str, Any]] = []
    for _ in range(count):
        plain = ser.to_plain(valid_record(kind))
        for name in data.draw(st.lists(st.sampled_from([*plain, "extra"]), max_size=4)):
            plain[name] = data.draw(JSON_VALUES)
        rows.append(plain)
    target = tmp_path / f"{uuid.uuid4().hex}.json"
    document = {"format": "mumidesk", "format_version": 1, "kind": kind, "records": rows}
    try:
        target.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    except UnicodeEncodeError:  # a lone surrogate goes into the file as its \ud800 escape
        target.write_text(json.dumps(document), encoding="ascii")
    try:
        name = "sqlite" if both_db.is_sqlite else "postgresql"
        check_import(both_db, target, kind, count, f"importers: JSON values ({name})")
    finally:
        target.unlink()


CELLS = st.one_of(
    hostile_text(),
    long_text(1, 150_000),
    st.sampled_from(
        [
            "",
            "[" * 5000 + "]" * 5000,  # a list cell nested deeper than Python's parser goes
            '[{"full_name": "\\u0000"}]',
            "2020-02-30",
            "05.06.2020",
            "1e400",
            "-0",
            "да",
            "maybe",
            "BY;RU;XX",
            "00000000-0000-0000-0000-000000000000",
        ]
    ),
)
TYPED = st.one_of(
    st.integers(-(2**40), 2**40),
    st.floats(allow_nan=False, allow_infinity=False),
    st.booleans(),
    st.datetimes(min_value=dt.datetime(1900, 1, 1)),
    st.dates(),
    st.times(),
)


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
@scaled(25)
@given(data=st.data(), kind=st.sampled_from(KINDS), count=st.integers(1, 3))
def test_hostile_cells_in_a_file(
    sqlite_db: Database, tmp_path: Path, fmt: str, data: st.DataObject, kind: str, count: int
) -> None:
    """Spreadsheet files with hostile text — and, in a workbook, typed numbers, dates and
    booleans — in any cell, rows too short or too long, blank rows."""
    header = ser.csv_columns(type(valid_record(kind)))
    rows: list[list[Any]] = []
    for _ in range(count):
        cells: list[Any] = ser.to_csv_row(valid_record(kind))
        for index in data.draw(st.lists(st.integers(0, len(cells) - 1), max_size=4)):
            cells[index] = data.draw(st.one_of(CELLS, TYPED) if fmt == "xlsx" else CELLS)
        cut = data.draw(st.sampled_from([None, None, None, -1, len(cells) + 1]))
        if cut == -1:
            cells = cells[:-1]
        elif cut:
            cells = [*cells, "extra"]
        rows.append(cells)
    path = tmp_path / f"{uuid.uuid4().hex}.{fmt}"
    write(path, fmt, kind, header, rows)
    check_import(sqlite_db, path, kind, count, f"importers: {fmt} cells")


def test_command_line_takes_xlsx(
    sqlite_db: Database, second_sqlite: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`mumidesk export partners -o f.xlsx` and `mumidesk import partners f.xlsx`; a workbook
    holding text Excel cannot keep is refused by the export with the row and column named."""
    from mumidesk.cli import main

    services = Services.for_database(sqlite_db)
    services.partners.create(Partner(name_ru="Могилёв <b>&amp;</b>", country_code="BY"))
    book = tmp_path / "partners.xlsx"
    source, target = str(sqlite_db.sqlite_path), str(second_sqlite.sqlite_path)
    assert main(["--lang", "en", "--db", source, "export", "partners", "-o", str(book)]) == 0
    assert main(["--lang", "en", "--db", target, "import", "partners", str(book)]) == 0
    out, _err = capsys.readouterr()
    assert "partners: 1 record imported" in out
    names = [p.name_ru for p in Services.for_database(second_sqlite).partners.all()]
    assert names == ["Могилёв <b>&amp;</b>"]
    services.partners.create(Partner(name_ru="Брест", country_code="BY", notes="a\x0bb"))
    assert main(["--lang", "en", "--db", source, "export", "partners", "-o", str(book)]) == 2
    _out, err = capsys.readouterr()
    assert "control characters" in err and "row " in err
