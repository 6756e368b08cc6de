"""Copying between domain dataclasses and ORM rows by field name, with enum codes converted.

Only same-named scalar fields are copied; lists of children are each service's own business.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import enum
import types
import typing
import uuid
from functools import cache
from typing import Any

META_FIELDS = (
    "id",
    "version",
    "created_at",
    "created_by",
    "updated_at",
    "updated_by",
    "deleted_at",
    "deleted_by",
)
SCALARS = (str, int, float, bool, dt.date, dt.datetime, dt.time, uuid.UUID)


@cache
def hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


def unwrap_optional(hint: Any) -> Any:
    """``X | None`` → X; anything else unchanged."""
    if isinstance(hint, types.UnionType) or typing.get_origin(hint) is typing.Union:
        args = [a for a in typing.get_args(hint) if a is not type(None)]
        if len(args) == 1:
            return args[0]
    return hint


def enum_type(hint: Any) -> type[enum.Enum] | None:
    inner = unwrap_optional(hint)
    if isinstance(inner, type) and issubclass(inner, enum.Enum):
        return inner
    return None


def is_scalar(hint: Any) -> bool:
    inner = unwrap_optional(hint)
    return enum_type(hint) is not None or inner in SCALARS


@cache
def scalar_fields(cls: type) -> tuple[str, ...]:
    """Fields of a dataclass that hold one value (not lists, not nested records)."""
    h = hints(cls)
    return tuple(f.name for f in dataclasses.fields(cls) if is_scalar(h[f.name]))


def to_row_values(item: Any, row_cls: type, skip: tuple[str, ...] = ()) -> dict[str, Any]:
    """Column values for a row from a dataclass: enums become their codes."""
    columns = set(row_cls.__table__.columns.keys())  # type: ignore[attr-defined]
    values: dict[str, Any] = {}
    for name in scalar_fields(type(item)):  # type: ignore[arg-type]
        if name in columns and name not in skip and name not in META_FIELDS:
            value = getattr(item, name)
            values[name] = value.value if isinstance(value, enum.Enum) else value
    return values


def apply_to_row(row: Any, item: Any, skip: tuple[str, ...] = ()) -> None:
    for name, value in to_row_values(item, type(row), skip).items():
        if getattr(row, name) != value:
            setattr(row, name, value)


@cache
def _row_plan(cls: type, include_meta: bool) -> tuple[tuple[str, type[enum.Enum] | None], ...]:
    """Per dataclass, once: which scalar fields to read and the enum each one converts to."""
    h = hints(cls)
    return tuple(
        (name, enum_type(h[name]))
        for name in scalar_fields(cls)
        if include_meta or name not in META_FIELDS
    )


def from_row(row: Any, cls: type, include_meta: bool = True) -> dict[str, Any]:
    """Keyword arguments for a dataclass from a row's same-named columns (codes → enums)."""
    values: dict[str, Any] = {}
    for name, member in _row_plan(cls, include_meta):
        if not hasattr(row, name):
            continue
        value = getattr(row, name)
        if member is not None and value is not None:
            value = member(value)
        values[name] = value
    return values
