"""Records as Excel workbooks: one sheet per kind, the same columns as the CSV files.

Cells are written as text, so a workbook exported and imported again gives back exactly the
same values; cells a user typed in Excel (numbers, dates, true/false) are read as the text the
CSV reader understands. A workbook is a zip of XML files and comes from anywhere, so it is
opened in read-only (streaming) mode after its zip directory has been checked: a file that
would unpack to more than MAX_UNPACKED_BYTES (a "zip bomb") is refused before anything is
unpacked, and a sheet claiming a huge size is read by its real rows, not by its claim.
"""

from __future__ import annotations

import datetime as dt
import io
import lzma
import re
import zipfile
import zlib
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any
from xml.etree.ElementTree import ParseError

from lxml.etree import LxmlError  # openpyxl parses some parts with lxml when it is installed
from openpyxl import Workbook, load_workbook
from openpyxl.utils.exceptions import InvalidFileException

from mumidesk.domain.errors import FieldProblem, ValidationError
from mumidesk.i18n import _

MAX_UNPACKED_BYTES = 512 * 2**20  # a workbook of 100,000 records unpacks to ≈ 60 MB
CELL_MAX = 32_767  # characters Excel keeps in one cell; longer text would be cut when opened

# What openpyxl and the zip and XML readers raise for a damaged or foreign file.
_UNREADABLE = (
    zipfile.BadZipFile,
    zipfile.LargeZipFile,
    InvalidFileException,
    ParseError,
    LxmlError,
    KeyError,  # a part the workbook's manifest names is missing
    ValueError,
    TypeError,
    AttributeError,
    IndexError,
    EOFError,
    NotImplementedError,  # e.g. a compression method zipfile does not know
    RuntimeError,  # an encrypted member
    zlib.error,  # a damaged deflate stream
    lzma.LZMAError,  # a member claiming LZMA compression
    OSError,  # bz2's "Invalid data stream" (the file itself was opened by check_zip)
)

# What an XML 1.0 document (a workbook's sheet) cannot hold: control characters, surrogates and
# the non-characters U+FFFE/U+FFFF. openpyxl's own ILLEGAL_CHARACTERS_RE misses the last two,
# and lxml then refuses the whole file.
UNWRITABLE_RE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def write_workbook(sheets: Sequence[tuple[str, list[str], list[list[str]]]]) -> bytes:
    """A workbook of (sheet name, header, rows of cell texts); ValidationError names every cell
    a workbook cannot hold (control characters, text over CELL_MAX characters)."""
    problems = [p for _n, _h, rows in sheets for p in _unwritable(rows)]
    if problems:
        raise ValidationError(problems)
    book = Workbook(write_only=True)
    for name, header, rows in sheets:
        sheet = book.create_sheet(name)
        sheet.append(header)
        for row in rows:
            sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _unwritable(rows: list[list[str]]) -> Iterator[FieldProblem]:
    for number, row in enumerate(rows, start=2):
        for column, text in enumerate(row[1:], start=1):  # column 0 is the record's id
            if len(text) > CELL_MAX:
                yield FieldProblem(
                    _column_name(column),
                    _(
                        "record {id}: {length} characters, an Excel cell holds at most "
                        "{maximum}; export it as CSV or JSON"
                    ).format(id=row[0], length=len(text), maximum=CELL_MAX),
                    number,
                )
            elif UNWRITABLE_RE.search(text):
                yield FieldProblem(
                    _column_name(column),
                    _(
                        "record {id}: holds control characters an Excel cell cannot hold; "
                        "export it as CSV or JSON"
                    ).format(id=row[0]),
                    number,
                )


def _column_name(index: int) -> str:
    from openpyxl.utils import get_column_letter

    return get_column_letter(index + 1)


def check_zip(path: Path) -> None:
    """Refuse a file that is not a zip, or whose members would unpack to too much."""
    try:
        with zipfile.ZipFile(path) as archive:
            unpacked = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError, zlib.error) as exc:
        raise _unreadable(exc) from None
    except OSError as exc:
        raise ValidationError.single(
            "file", _("cannot be read: {reason}").format(reason=exc.strerror or exc)
        ) from None
    if unpacked > MAX_UNPACKED_BYTES:
        raise ValidationError.single(
            "file",
            _("unpacks to {size} MB, more than the {limit} MB a workbook may hold").format(
                size=unpacked // 2**20, limit=MAX_UNPACKED_BYTES // 2**20
            ),
        )


def sheet_tables(path: Path) -> dict[str, list[tuple[int, list[str]]]]:
    """Every worksheet as (row number, cell texts) for its non-blank rows, header included.

    Rows are only as wide as the header plus one cell: enough to see a value beyond the last
    column without unpacking a row a hostile sheet spreads over 16,384 columns."""
    check_zip(path)
    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except _UNREADABLE as exc:
        raise _unreadable(exc) from None
    try:
        tables: dict[str, list[tuple[int, list[str]]]] = {}
        for sheet in book.worksheets:
            sheet.reset_dimensions()  # its stated size may be a lie: read the rows there are
            tables[sheet.title] = _sheet_rows(sheet)
        return tables
    except _UNREADABLE as exc:
        raise _unreadable(exc) from None
    finally:
        book.close()


def _sheet_rows(sheet: Any) -> list[tuple[int, list[str]]]:
    header: list[str] = []
    header_row = 0
    for number, values in enumerate(sheet.iter_rows(values_only=True), start=1):
        header = [cell_text(v) for v in values]
        while header and not header[-1].strip():
            header.pop()
        if header:
            header_row = number
            break
    if not header:
        return []  # an empty sheet
    return [(header_row, header), *_rows_after(sheet, header_row, len(header))]


def _rows_after(sheet: Any, header_row: int, width: int) -> list[tuple[int, list[str]]]:
    rows: list[tuple[int, list[str]]] = []
    for number, values in enumerate(
        sheet.iter_rows(min_row=header_row + 1, max_col=width + 1, values_only=True),
        start=header_row + 1,
    ):
        cells = [cell_text(v) for v in values]
        if any(cell.strip() for cell in cells):
            while len(cells) > width and not cells[-1].strip():
                cells.pop()
            rows.append((number, cells))
    return rows


def cell_text(value: Any) -> str:
    """A cell's value as the text a CSV cell would hold."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat()
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    return str(value)


def _unreadable(exc: BaseException) -> ValidationError:
    reason = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    return ValidationError.single(
        "file", _("is not a readable Excel workbook (.xlsx): {reason}").format(reason=reason)
    )
