"""Domain records as plain JSON values and as flat CSV rows, and back, driven by type hints.

Nothing here knows a particular entity: the dataclass fields and their hints decide. Enums are
written as their stable codes, dates and times in ISO form, UUIDs as text, nested records
(agreement parties with signatories, delegation members, the event's FuzzyDate …) recursively.

CSV has one flat row per record: scalars as text, lists of scalars joined with ";", a nested
record as dotted columns (``dates.start``) and lists of records as one JSON cell. Reading back
collects every bad value of a record as FieldProblem(field, reason, row) and raises them together.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import enum
import json
import math
import re
import typing
import uuid
from collections.abc import Callable, Mapping
from typing import Any, TypeVar

from mumidesk.domain.enums import CodedEnum
from mumidesk.domain.errors import FieldProblem, ValidationError
from mumidesk.i18n import N_, _
from mumidesk.services.mapping import hints as _cached_hints
from mumidesk.services.mapping import unwrap_optional

T = TypeVar("T")

LIST_SEPARATOR = ";"
TRUE_WORDS = frozenset({"true", "yes", "1", "да"})
FALSE_WORDS = frozenset({"false", "no", "0", "нет"})
_DOTTED_DATE = re.compile(r"(\d{1,2})\.(\d{1,2})\.(\d{4})")


class _Bad:
    """Marks a value that could not be read (its problem is already recorded)."""


BAD = _Bad()
DEFAULT = _Bad()  # an empty cell: the field keeps its default


# --- type hints ---------------------------------------------------------------------------------
def hints(cls: type) -> dict[str, Any]:
    """The resolved type hints of a dataclass (cached by mapping)."""
    return _cached_hints(cls)


def is_optional(hint: Any) -> bool:
    return unwrap_optional(hint) is not hint


def list_item(hint: Any) -> Any | None:
    """``list[X]`` → X; None for anything that is not a list."""
    inner = unwrap_optional(hint)
    if typing.get_origin(inner) is list:
        return typing.get_args(inner)[0]
    return None


def record_type(hint: Any) -> type | None:
    inner = unwrap_optional(hint)
    if isinstance(inner, type) and dataclasses.is_dataclass(inner):
        return inner
    return None


def init_fields(cls: type) -> list[dataclasses.Field[Any]]:
    return [f for f in dataclasses.fields(cls) if f.init]


def has_default(f: dataclasses.Field[Any]) -> bool:
    return f.default is not dataclasses.MISSING or f.default_factory is not dataclasses.MISSING


# --- writing ------------------------------------------------------------------------------------
def to_plain(item: Any) -> dict[str, Any]:
    """A dataclass as a dict of JSON values, fields in declaration order."""
    h = hints(type(item))
    return {f.name: plain_value(getattr(item, f.name), h[f.name]) for f in init_fields(type(item))}


def plain_value(value: Any, hint: Any) -> Any:
    if value is None:
        return None
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, dt.date | dt.time):  # datetime is a date too
        return value.isoformat()
    if isinstance(value, uuid.UUID):
        return str(value)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return to_plain(value)
    if isinstance(value, list):
        item_hint = list_item(hint)
        return [plain_value(v, item_hint) for v in value]
    return value


def csv_columns(cls: type) -> list[str]:
    """The CSV header of a kind: its fields, a nested record spread over dotted columns."""
    h = hints(cls)
    columns: list[str] = []
    for f in init_fields(cls):
        nested = record_type(h[f.name])
        if nested is not None:
            columns += [f"{f.name}.{c}" for c in csv_columns(nested)]
        else:
            columns.append(f.name)
    return columns


def to_csv_row(item: Any) -> list[str]:
    """The cells of one record, in the order of csv_columns()."""
    h = hints(type(item))
    cells: list[str] = []
    for f in init_fields(type(item)):
        value = getattr(item, f.name)
        nested = record_type(h[f.name])
        if nested is not None:
            cells += to_csv_row(value) if value is not None else [""] * len(csv_columns(nested))
        else:
            cells.append(cell_text(value, h[f.name]))
    return cells


def cell_text(value: Any, hint: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    item_hint = list_item(hint)
    if item_hint is not None:
        if not value:
            return ""
        if record_type(item_hint) is not None:
            return _json_cell(plain_value(value, hint))
        texts = [cell_text(v, item_hint) for v in value]
        if any(_needs_json(t) for t in texts):  # the separator would be ambiguous
            return _json_cell(plain_value(value, hint))
        return LIST_SEPARATOR.join(texts)
    plain = plain_value(value, hint)
    return plain if isinstance(plain, str) else str(plain)


def _needs_json(text: str) -> bool:
    return not text or LIST_SEPARATOR in text or text != text.strip() or text.startswith("[")


def _json_cell(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


# --- reading ------------------------------------------------------------------------------------
class Problems:
    """Every bad value of one record (and its row), so the user sees them all at once."""

    def __init__(self, row: int | None = None) -> None:
        self.row = row
        self.items: list[FieldProblem] = []

    def fail(self, field: str, message: str) -> _Bad:
        self.items.append(FieldProblem(field, message, self.row))
        return BAD

    def raise_if_any(self) -> None:
        if self.items:
            raise ValidationError(list(self.items))


def from_plain(cls: type[T], data: Any, row: int | None = None) -> T:
    """A dataclass from JSON values; ValidationError lists every bad field."""
    problems = Problems(row)
    result = _record_from_plain(cls, data, "", problems)
    problems.raise_if_any()
    assert not isinstance(result, _Bad)
    return result


def from_csv_row(cls: type[T], cells: Mapping[str, str], row: int | None = None) -> T:
    """A dataclass from the cells of one CSV row keyed by column; absent columns keep defaults."""
    problems = Problems(row)
    result = _record_from_cells(cls, cells, "", problems)
    problems.raise_if_any()
    assert not isinstance(result, _Bad)
    return result


def _build(
    cls: type[T],
    present: Callable[[str], bool],
    read: Callable[[str, Any, str], Any],
    prefix: str,
    problems: Problems,
) -> T | _Bad:
    before = len(problems.items)
    h = hints(cls)
    kwargs: dict[str, Any] = {}
    for f in init_fields(cls):
        path = prefix + f.name
        if not present(f.name):
            if not has_default(f):
                problems.fail(path, _("is required"))
            continue
        value = read(f.name, h[f.name], path)
        if value is DEFAULT:
            if not has_default(f):
                problems.fail(path, _("is required"))
        elif value is not BAD:
            kwargs[f.name] = value
    if len(problems.items) > before:
        return BAD
    try:
        return cls(**kwargs)
    except (TypeError, ValueError) as exc:  # a constructor that checks its own arguments
        return problems.fail(prefix.rstrip(".") or cls.__name__, str(exc))


def _record_from_plain(cls: type[T], data: Any, prefix: str, problems: Problems) -> T | _Bad:
    if not isinstance(data, Mapping):
        return problems.fail(prefix.rstrip(".") or "record", _("must be an object {…}"))
    known = {f.name for f in init_fields(cls)}
    for name in data:
        if name not in known:
            problems.fail(prefix + str(name), _("is not a field of this kind of record"))
    return _build(
        cls,
        lambda name: name in data,
        lambda name, hint, path: _value_from_plain(data[name], hint, path, problems),
        prefix,
        problems,
    )


def _value_from_plain(value: Any, hint: Any, path: str, problems: Problems) -> Any:
    if value is None:
        return None if is_optional(hint) else problems.fail(path, _("is required"))
    item_hint = list_item(hint)
    if item_hint is not None:
        if not isinstance(value, list):
            return problems.fail(path, _("must be a list […]"))
        items = [
            _value_from_plain(v, item_hint, f"{path}[{i}]", problems) for i, v in enumerate(value)
        ]
        return BAD if any(v is BAD for v in items) else items
    nested = record_type(hint)
    if nested is not None:
        return _record_from_plain(nested, value, path + ".", problems)
    inner = unwrap_optional(hint)
    if isinstance(value, str):
        if not value and is_optional(hint) and inner is not str:
            return None
        return _scalar_from_text(value, hint, path, problems)
    if inner is bool and isinstance(value, bool):
        return value
    if inner is int and isinstance(value, int) and not isinstance(value, bool):
        return value
    if inner is float and isinstance(value, int | float) and not isinstance(value, bool):
        if not math.isfinite(value):
            return problems.fail(path, _("is not a number"))
        return float(value)
    return problems.fail(
        path, _("has the wrong type: {value!r}").format(value=json.dumps(value, ensure_ascii=False))
    )


def _record_from_cells(
    cls: type[T], cells: Mapping[str, str], prefix: str, problems: Problems
) -> T | _Bad:
    h = hints(cls)

    def present(name: str) -> bool:
        if record_type(h[name]) is not None:
            return any(c.startswith(prefix + name + ".") for c in cells)
        return prefix + name in cells

    def read(name: str, hint: Any, path: str) -> Any:
        nested = record_type(hint)
        if nested is not None:
            own = [v for c, v in cells.items() if c.startswith(path + ".")]
            if is_optional(hint) and not any(v.strip() for v in own):
                return None
            return _record_from_cells(nested, cells, path + ".", problems)
        return _value_from_cell(cells[path], hint, path, problems)

    return _build(cls, present, read, prefix, problems)


def _value_from_cell(text: str, hint: Any, path: str, problems: Problems) -> Any:
    item_hint = list_item(hint)
    if item_hint is not None:
        if not text.strip():
            return []
        if record_type(item_hint) is not None or text.lstrip().startswith("["):
            try:
                value = json.loads(text)
            except RecursionError:  # a cell of [[[[…]]]] thousands deep
                return problems.fail(path, _("is nested too deeply to be read"))
            except ValueError as exc:
                return problems.fail(
                    path, _("is not a valid JSON list: {reason}").format(reason=exc)
                )
            return _value_from_plain(value, hint, path, problems)
        parts = [p.strip() for p in text.split(LIST_SEPARATOR)]
        items = [
            _scalar_from_text(p, item_hint, f"{path}[{i}]", problems) for i, p in enumerate(parts)
        ]
        return BAD if any(v is BAD for v in items) else items
    inner = unwrap_optional(hint)
    if inner is str:
        return None if (not text and is_optional(hint)) else text
    if not text.strip():
        return None if is_optional(hint) else DEFAULT
    return _scalar_from_text(text, hint, path, problems)


def _scalar_from_text(text: str, hint: Any, path: str, problems: Problems) -> Any:
    inner = unwrap_optional(hint)
    try:
        return parse_scalar(text, inner)
    except ValueError as exc:
        return problems.fail(path, str(exc))


def parse_scalar(text: str, kind: Any) -> Any:
    """One value of a scalar type from its text; ValueError carries a translated reason."""
    if kind is str:
        return text
    raw = text.strip()
    if isinstance(kind, type) and issubclass(kind, CodedEnum):
        return kind.parse(raw)
    if isinstance(kind, type) and issubclass(kind, enum.Enum):
        try:
            return kind(raw)
        except ValueError:
            raise ValueError(_("unknown code {value!r}").format(value=raw)) from None
    reader = _READERS.get(kind)
    if reader is None:
        raise ValueError(_("cannot be read from text"))
    try:
        return reader(raw)
    except (ValueError, OverflowError):
        message = _FORMAT_HINTS.get(kind, N_("{value!r} is not a valid value"))
        raise ValueError(_(message).format(value=raw)) from None


def _read_bool(raw: str) -> bool:
    word = raw.casefold()
    if word in TRUE_WORDS:
        return True
    if word in FALSE_WORDS:
        return False
    raise ValueError(raw)


def _read_float(raw: str) -> float:
    value = float(raw.replace(",", ".")) if raw.count(",") == 1 and "." not in raw else float(raw)
    if not math.isfinite(value):
        raise ValueError(raw)
    return value


def _read_date(raw: str) -> dt.date:
    # Excel set to Russian turns ISO dates into 05.06.2020 when it saves a CSV: read both.
    dotted = _DOTTED_DATE.fullmatch(raw)
    if dotted:
        day, month, year = (int(g) for g in dotted.groups())
        return dt.date(year, month, day)
    return dt.date.fromisoformat(raw)


_READERS: dict[Any, Callable[[str], Any]] = {
    bool: _read_bool,
    int: int,
    float: _read_float,
    dt.datetime: dt.datetime.fromisoformat,
    dt.date: _read_date,
    dt.time: dt.time.fromisoformat,
    uuid.UUID: uuid.UUID,
}

# Format hints are marked here and translated where they are raised.
_FORMAT_HINTS: dict[Any, str] = {
    bool: N_("{value!r} is not true or false"),
    int: N_("{value!r} is not a whole number"),
    float: N_("{value!r} is not a number"),
    dt.datetime: N_("{value!r} is not a date and time (YYYY-MM-DDTHH:MM:SS)"),
    dt.date: N_("{value!r} is not a date (YYYY-MM-DD)"),
    dt.time: N_("{value!r} is not a time (HH:MM)"),
    uuid.UUID: N_("{value!r} is not an id (UUID)"),
}
