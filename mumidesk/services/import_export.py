"""Export records to CSV, JSON or Excel (XLSX) files and import them back, all or nothing.

An export keeps ids, versions and the created/updated stamps, so that a file imported into an
empty database exports byte for byte the same again; "all" writes every kind into one JSON
bundle (a whole-database transfer, attachments included). An import runs in one transaction:
every bad row is reported (row, field, reason) and then nothing is written; a record whose id
is already in the database is skipped and reported as already present; a dry run checks
everything and writes nothing.

CSV is written as UTF-8 with a byte-order mark, which Excel on Windows needs to show Cyrillic;
it is read with or without one, comma- or semicolon-separated (Excel with Russian settings saves
with semicolons). A workbook has one sheet per kind with the CSV's columns (xlsx_transfer).
Files come from anywhere: one larger than MAX_IMPORT_BYTES is refused before it is read, and a
JSON nested deeper than Python can parse is a clear error, not a crash.
"""

from __future__ import annotations

import base64
import binascii
import contextlib
import csv
import io
import json
import os
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from mumidesk.db.engine import Database
from mumidesk.db.models import AttachmentContentRow
from mumidesk.domain.agreements import Agreement
from mumidesk.domain.attachments import Attachment
from mumidesk.domain.delegations import Delegation
from mumidesk.domain.errors import DomainError, FieldProblem, ValidationError
from mumidesk.domain.events import Event
from mumidesk.domain.exchanges import ExchangeProgramme
from mumidesk.domain.municipalities import Municipality, Region
from mumidesk.domain.organisations import Membership, Organisation, Person
from mumidesk.domain.partners import Partner, Partnership
from mumidesk.i18n import _
from mumidesk.services import serialization as ser
from mumidesk.services import xlsx_transfer
from mumidesk.services.crud import CrudService
from mumidesk.services.registry import Services

FORMATS = ("csv", "json", "xlsx")
BUNDLE = "all"
FILE_FORMAT = "mumidesk"
FORMAT_VERSION = 1
CSV_ENCODING = "utf-8-sig"  # writes the BOM Excel needs; reads files with or without it
MAX_IMPORT_BYTES = 200 * 2**20  # a file read whole into memory; the demo bundle is ≈ 2 MB


@dataclass(frozen=True)
class KindSpec:
    name: str  # the word on the command line and in the bundle
    service: str  # attribute of Services
    domain_cls: type[Any]
    csv: bool = True  # also XLSX; attachments carry bytes: JSON bundle only


# In dependency order: a bundle is imported top to bottom, so references resolve.
KIND_SPECS: tuple[KindSpec, ...] = (
    KindSpec("regions", "regions", Region),
    KindSpec("municipalities", "municipalities", Municipality),
    KindSpec("organisations", "organisations", Organisation),
    KindSpec("people", "people", Person),
    KindSpec("memberships", "memberships", Membership),
    KindSpec("partners", "partners", Partner),
    KindSpec("agreements", "agreements", Agreement),
    KindSpec("partnerships", "partnerships", Partnership),
    KindSpec("delegations", "delegations", Delegation),
    KindSpec("events", "events", Event),
    KindSpec("exchanges", "exchanges", ExchangeProgramme),
    KindSpec("attachments", "attachments", Attachment, csv=False),
)
SPECS = {spec.name: spec for spec in KIND_SPECS}
# The kinds one file can hold on its own (attachments travel only inside a bundle).
TRANSFER_KINDS: tuple[str, ...] = tuple(s.name for s in KIND_SPECS if s.csv)


class TransferError(DomainError):
    """The file cannot be read or written at all (not found, no permission …)."""


@dataclass(frozen=True)
class AlreadyPresent:
    kind: str
    row: int
    id: uuid.UUID


@dataclass
class ImportReport:
    kind: str
    fmt: str
    dry_run: bool = False
    created: dict[str, int] = field(default_factory=dict)  # per kind, in import order
    already_present: list[AlreadyPresent] = field(default_factory=list)

    @property
    def total_created(self) -> int:
        return sum(self.created.values())

    @property
    def total_read(self) -> int:
        return self.total_created + len(self.already_present)


def resolve_format(path: Path, fmt: str | None) -> str:
    """The format asked for, else the one the file name ends with."""
    if fmt:
        if fmt.lower() not in FORMATS:
            raise ValidationError.single(
                "format",
                _("unknown format {fmt!r}; use csv, json or xlsx").format(fmt=fmt),
            )
        return fmt.lower()
    suffix = path.suffix.lower().lstrip(".")
    if suffix in FORMATS:
        return suffix
    raise ValidationError.single(
        "format",
        _(
            "cannot tell the format from {name!r}; name the file .csv, .json or .xlsx "
            "or give --format"
        ).format(name=path.name),
    )


class ImportExportService:
    def __init__(self, db: Database) -> None:
        self.db = db
        self.services = Services.for_database(db)

    # --- export ----------------------------------------------------------------------------
    def export(self, kind: str, path: Path, fmt: str | None = None) -> int:
        """Write every live record of a kind (or of every kind: "all") to a file; the count."""
        fmt = resolve_format(path, fmt)
        if kind == BUNDLE:
            if fmt != "json":
                raise ValidationError.single(
                    "format", _("a whole-database export is written as JSON only")
                )
            kinds = {spec.name: self._plain_records(spec) for spec in KIND_SPECS}
            document: dict[str, Any] = self._envelope(BUNDLE)
            document["kinds"] = kinds
            _write_text(path, _json_text(document), "utf-8")
            return sum(len(records) for records in kinds.values())
        spec = self._spec(kind)
        self._check_csv_allowed(spec, fmt)
        if fmt == "json":
            document = self._envelope(kind)
            document["records"] = self._plain_records(spec)
            _write_text(path, _json_text(document), "utf-8")
            return len(document["records"])
        items = self._service(spec).all()
        if fmt == "xlsx":
            rows = [ser.to_csv_row(item) for item in items]
            header = ser.csv_columns(spec.domain_cls)
            _write_bytes(path, xlsx_transfer.write_workbook([(spec.name, header, rows)]))
            return len(items)
        buffer = io.StringIO(newline="")
        writer = csv.writer(buffer)
        writer.writerow(ser.csv_columns(spec.domain_cls))
        writer.writerows(ser.to_csv_row(item) for item in items)
        _write_text(path, buffer.getvalue(), CSV_ENCODING)
        return len(items)

    def _envelope(self, kind: str) -> dict[str, Any]:
        return {"format": FILE_FORMAT, "format_version": FORMAT_VERSION, "kind": kind}

    def _plain_records(self, spec: KindSpec) -> list[dict[str, Any]]:
        records = []
        for item in self._service(spec).all():
            plain = ser.to_plain(item)
            if spec.domain_cls is Attachment:
                content = self.services.attachments.content(item.id)
                plain["content"] = base64.b64encode(content).decode("ascii")
            records.append(plain)
        return records

    # --- import ----------------------------------------------------------------------------
    def import_(
        self, kind: str, path: Path, fmt: str | None = None, dry_run: bool = False
    ) -> ImportReport:
        """Read a file and create its records in one transaction; ValidationError lists every
        bad row and then nothing is written."""
        fmt = resolve_format(path, fmt)
        if kind != BUNDLE:
            self._check_csv_allowed(self._spec(kind), fmt)
        problems: list[FieldProblem] = []
        if fmt == "csv":
            spec = self._spec(kind)
            rows, problems = _read_csv(path, spec)
            batches = [(spec, rows)]
        elif fmt == "xlsx":
            batches, problems = _read_xlsx(path, kind)
        else:
            batches = _read_json(path, kind)
        report = ImportReport(kind=kind, fmt=fmt, dry_run=dry_run)
        with self._unit(dry_run) as session:
            session.info["preserve_audit"] = True  # keep the exported ids, versions and stamps
            for spec, rows in batches:
                prefix = f"{spec.name}." if kind == BUNDLE else ""
                problems += self._import_kind(session, spec, rows, fmt, prefix, report)
            if problems:
                raise ValidationError(problems if kind == BUNDLE else sorted(problems, key=_by_row))
        return report

    @contextlib.contextmanager
    def _unit(self, dry_run: bool) -> Iterator[Session]:
        """One transaction; a dry run's is always rolled back (Database.reading rolls back)."""
        if dry_run:
            with self.db.reading() as session:
                session.info["user"] = self.db.user
                yield session
        else:
            with self.db.transaction() as session:
                yield session
            self.db.refresh_statistics()  # an import can multiply a table's size

    def _import_kind(
        self,
        session: Session,
        spec: KindSpec,
        rows: list[tuple[int, Any]],
        fmt: str,
        prefix: str,
        report: ImportReport,
    ) -> list[FieldProblem]:
        problems: list[FieldProblem] = []
        items: list[tuple[int, Any, bytes | None]] = []
        for row_no, raw in rows:
            try:
                if fmt != "json":  # CSV and XLSX: cells of text
                    items.append((row_no, ser.from_csv_row(spec.domain_cls, raw, row_no), None))
                else:
                    items.append((row_no, *self._from_json(spec, raw, row_no)))
            except ValidationError as exc:
                problems += exc.problems
        service = self._service(spec)
        present = _existing_ids(session, service.row_cls, [i.id for _r, i, _c in items if i.id])
        created = 0
        for row_no, item, content in _parents_first(items):
            if item.id in present:
                report.already_present.append(AlreadyPresent(spec.name, row_no, item.id))
                continue
            try:
                saved = service.create_in(session, item, row_no)
            except ValidationError as exc:
                problems += exc.problems
                continue
            except IntegrityError as exc:
                # A reference no check covers (e.g. a signatory's person): the transaction is
                # spoilt, so stop here and name the row.
                reason = str(exc.orig).strip().splitlines()[0]
                problems.append(
                    FieldProblem(
                        "record",
                        _("breaks a rule of the database: {reason}").format(reason=reason),
                        row_no,
                    )
                )
                raise ValidationError(_with_prefix(sorted(problems, key=_by_row), prefix)) from None
            if content is not None:
                session.add(AttachmentContentRow(attachment_id=saved.id, data=content))
            created += 1
        report.created[spec.name] = created
        return _with_prefix(sorted(problems, key=_by_row), prefix)

    def _from_json(self, spec: KindSpec, raw: Any, row_no: int) -> tuple[Any, bytes | None]:
        if isinstance(raw, dict) and spec.domain_cls is Attachment and "content" in raw:
            raw = dict(raw)
            encoded = raw.pop("content")
            item = ser.from_plain(spec.domain_cls, raw, row_no)
            try:
                return item, base64.b64decode(str(encoded), validate=True)
            except (binascii.Error, ValueError):
                raise ValidationError.single(
                    "content", _("is not base64-encoded data"), row_no
                ) from None
        return ser.from_plain(spec.domain_cls, raw, row_no), None

    def _check_csv_allowed(self, spec: KindSpec, fmt: str) -> None:
        if fmt != "json" and not spec.csv:
            raise ValidationError.single(
                "format",
                _("{kind} travel only as JSON, inside a bundle (kind {bundle})").format(
                    kind=spec.name, bundle=BUNDLE
                ),
            )

    def _spec(self, kind: str) -> KindSpec:
        spec = SPECS.get(kind)
        if spec is None:
            raise ValidationError.single(
                "kind",
                _("unknown kind {kind!r}; choose one of: {allowed}").format(
                    kind=kind, allowed=", ".join([*SPECS, BUNDLE])
                ),
            )
        return spec

    def _service(self, spec: KindSpec) -> CrudService[Any, Any, Any]:
        service: CrudService[Any, Any, Any] = getattr(self.services, spec.service)
        return service


def _existing_ids(session: Session, row_cls: Any, keys: list[uuid.UUID]) -> set[uuid.UUID]:
    """Which of these ids the database already holds (deleted records included)."""
    found: set[uuid.UUID] = set()
    for start in range(0, len(keys), 500):
        chunk = keys[start : start + 500]
        found.update(session.scalars(select(row_cls.id).where(row_cls.id.in_(chunk))))
    return found


def _with_prefix(problems: list[FieldProblem], prefix: str) -> list[FieldProblem]:
    return [FieldProblem(prefix + p.field, p.message, p.row) for p in problems]


def _by_row(problem: FieldProblem) -> int:
    return problem.row or 0


def _parents_first(
    items: list[tuple[int, Any, bytes | None]],
) -> list[tuple[int, Any, bytes | None]]:
    """An amendment may come before the agreement it amends: create the parent first."""
    pending = list(items)
    ordered: list[tuple[int, Any, bytes | None]] = []
    while pending:
        waiting = {getattr(item, "id", None) for _row, item, _c in pending}
        ready = [e for e in pending if getattr(e[1], "parent_id", None) not in waiting]
        if not ready:  # a cycle: let validation report it
            ordered += pending
            break
        ordered += ready
        pending = [e for e in pending if e not in ready]
    return ordered


# --- files --------------------------------------------------------------------------------------
def _json_text(document: Any) -> str:
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def _write_text(path: Path, text: str, encoding: str) -> None:
    _write_bytes(path, text.encode(encoding))


def _write_bytes(path: Path, data: bytes) -> None:
    """Write beside the target and rename, so a failed export never leaves half a file."""
    tmp = path.with_name(path.name + ".part")
    try:
        tmp.write_bytes(data)
        os.replace(tmp, path)
    except OSError as exc:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise TransferError(
            _("cannot write {path}: {reason}").format(path=path, reason=exc.strerror or exc)
        ) from exc


def _check_size(path: Path) -> None:
    """Refuse a file too large to read whole, before reading it."""
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise TransferError(
            _("cannot read {path}: {reason}").format(path=path, reason=exc.strerror or exc)
        ) from exc
    if size > MAX_IMPORT_BYTES:
        raise ValidationError.single(
            "file",
            _("is {size} MB; a file to import may have at most {limit} MB").format(
                size=size // 2**20, limit=MAX_IMPORT_BYTES // 2**20
            ),
        )


def _read_text(path: Path, encoding: str) -> str:
    _check_size(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise TransferError(
            _("cannot read {path}: {reason}").format(path=path, reason=exc.strerror or exc)
        ) from exc
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise ValidationError.single(
            "file",
            _(
                "is not UTF-8 text (byte {position}); save it from Excel as "
                "“CSV UTF-8” or from LibreOffice with the UTF-8 character set"
            ).format(position=exc.start),
        ) from None


# Python's csv module refuses cells over 128 KiB; a long cell must reach the field's own length
# check instead ("is too long: … characters"), which names the row and the column. The file
# size limit (MAX_IMPORT_BYTES) bounds it. 2**31 - 1: a C long on Windows too.
csv.field_size_limit(2**31 - 1)


def _read_csv(path: Path, spec: KindSpec) -> tuple[list[tuple[int, Any]], list[FieldProblem]]:
    """The data rows as (spreadsheet row number, {column: cell}) — the header is row 1 — and
    the rows whose number of values does not match the header."""
    text = _read_text(path, CSV_ENCODING)
    first_line = text.split("\n", 1)[0]
    delimiter = ";" if first_line.count(";") > first_line.count(",") else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    table: list[list[str]] = []
    try:
        for row in reader:
            table.append(row)
    except csv.Error as exc:
        # The spreadsheet row (records, not lines: a cell may hold line breaks).
        raise ValidationError.single(
            "file", _("is not valid CSV: {reason}").format(reason=exc), len(table) + 1
        ) from None
    return _table_rows(spec, list(enumerate(table, start=1)))


def _table_rows(
    spec: KindSpec, table: list[tuple[int, list[str]]]
) -> tuple[list[tuple[int, Any]], list[FieldProblem]]:
    """A header row and data rows, numbered as in the file, as {column: cell} per row, and the
    rows whose number of values does not match the header."""
    if not table:
        raise ValidationError.single("file", _("is empty"))
    header = [cell.strip() for cell in table[0][1]]
    _check_header(spec, header)
    rows: list[tuple[int, Any]] = []
    problems: list[FieldProblem] = []
    for number, cells in table[1:]:
        if not any(cell.strip() for cell in cells):
            continue  # blank lines that spreadsheets leave at the end
        if len(cells) != len(header):
            problems.append(
                FieldProblem(
                    "columns",
                    _("has {found} values, the header has {expected}").format(
                        found=len(cells), expected=len(header)
                    ),
                    number,
                )
            )
            continue
        rows.append((number, dict(zip(header, cells, strict=True))))
    return rows, problems


def _check_header(spec: KindSpec, header: list[str]) -> None:
    known = ser.csv_columns(spec.domain_cls)
    problems = [
        FieldProblem(
            column or "?",
            _("is not a column of {kind}; expected: {columns}").format(
                kind=spec.name, columns=", ".join(known)
            ),
            1,
        )
        for column in header
        if column not in known
    ]
    problems += [
        FieldProblem(column, _("the column is missing"), 1)
        for column in header_required(spec.domain_cls)
        if column not in header
    ]
    duplicates = {c for c in header if header.count(c) > 1}
    problems += [FieldProblem(c, _("the column appears twice"), 1) for c in sorted(duplicates)]
    if problems:
        raise ValidationError(problems)


def header_required(cls: type[Any]) -> list[str]:
    """The columns a CSV of this kind must have: fields without a default."""
    h = ser.hints(cls)
    required: list[str] = []
    for f in ser.init_fields(cls):
        if ser.has_default(f):
            continue
        nested = ser.record_type(h[f.name])
        if nested is not None:
            required += [f"{f.name}.{c}" for c in header_required(nested)]
        else:
            required.append(f.name)
    return required


def _read_xlsx(
    path: Path, kind: str
) -> tuple[list[tuple[KindSpec, list[tuple[int, Any]]]], list[FieldProblem]]:
    """The sheet of the kind (or the only sheet), or for a bundle every sheet named after a
    kind, in import order; problems of a bundle's sheets carry the kind, as JSON bundles do."""
    _check_size(path)
    tables = xlsx_transfer.sheet_tables(path)
    if kind != BUNDLE:
        table = tables.get(kind)
        if table is None and len(tables) == 1:
            table = next(iter(tables.values()))
        if table is None:
            raise ValidationError.single(
                "file",
                _("has no sheet named {kind}; its sheets: {sheets}").format(
                    kind=kind, sheets=", ".join(tables)
                ),
            )
        rows, problems = _table_rows(SPECS[kind], table)
        return [(SPECS[kind], rows)], problems
    unknown = [name for name in tables if name not in TRANSFER_KINDS]
    if unknown:
        raise ValidationError.single(
            "file",
            _("sheets that are no kind of record: {sheets}; expected: {kinds}").format(
                sheets=", ".join(unknown), kinds=", ".join(TRANSFER_KINDS)
            ),
        )
    batches: list[tuple[KindSpec, list[tuple[int, Any]]]] = []
    problems = []
    for spec in KIND_SPECS:
        if spec.name in tables:
            try:
                rows, found = _table_rows(spec, tables[spec.name])
            except ValidationError as exc:
                raise ValidationError(_with_prefix(exc.problems, f"{spec.name}.")) from None
            batches.append((spec, rows))
            problems += _with_prefix(found, f"{spec.name}.")
    return batches, problems


def _read_json(path: Path, kind: str) -> list[tuple[KindSpec, list[tuple[int, Any]]]]:
    text = _read_text(path, "utf-8-sig")
    try:
        document = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ValidationError.single(
            "file",
            _("is not valid JSON: {reason} (line {line}, column {column})").format(
                reason=exc.msg, line=exc.lineno, column=exc.colno
            ),
        ) from None
    except RecursionError:  # [[[[…]]]] thousands deep: Python's parser gives up
        raise ValidationError.single("file", _("is nested too deeply to be read")) from None
    if isinstance(document, list):  # a bare list of records
        if kind == BUNDLE:
            raise ValidationError.single("file", _("is a list of records, not a bundle"))
        return [(SPECS[kind], _numbered(document))]
    if not isinstance(document, dict) or document.get("format") != FILE_FORMAT:
        raise ValidationError.single("file", _("is not a mumidesk export"))
    version = document.get("format_version")
    if not isinstance(version, int) or version > FORMAT_VERSION:
        raise ValidationError.single(
            "format_version",
            _(
                "the file was written by a newer mumidesk (format {version}); update mumidesk"
            ).format(version=version),
        )
    found = document.get("kind")
    if found == BUNDLE:
        kinds = document.get("kinds")
        if not isinstance(kinds, dict):
            raise ValidationError.single("kinds", _("must be an object {…}"))
        unknown = [k for k in kinds if k not in SPECS]
        if unknown:
            raise ValidationError.single(
                "kinds", _("unknown kinds: {kinds}").format(kinds=", ".join(map(str, unknown)))
            )
        wanted = [s for s in KIND_SPECS if s.name in kinds and kind in (BUNDLE, s.name)]
        return [(spec, _numbered(kinds[spec.name])) for spec in wanted]
    if kind != BUNDLE and found != kind:
        raise ValidationError.single(
            "kind",
            _("the file holds {found}, not {kind}").format(found=found, kind=kind),
        )
    if kind == BUNDLE:
        if found not in SPECS:
            raise ValidationError.single("kind", _("unknown kind {kind!r}").format(kind=found))
        kind = str(found)
    return [(SPECS[kind], _numbered(document.get("records")))]


def _numbered(records: Any) -> list[tuple[int, Any]]:
    if not isinstance(records, list):
        raise ValidationError.single("records", _("must be a list […]"))
    return list(enumerate(records, start=1))
