"""The audit trail as people read it: per record, newest first, or the latest changes of every
kind; each change as "field: old → new" with the field's label, dates, choices, countries and
linked records in words of the current language.

The log itself is written by db.audit; this module only reads it. A record's log outlives the
record (no foreign key), so the history of a deleted or purged record is still there.
"""

from __future__ import annotations

import datetime as dt
import enum
import re
import typing
import uuid
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from babel.dates import format_date, format_datetime
from babel.numbers import format_decimal
from sqlalchemy import Select, select

from mumidesk.db.engine import Database
from mumidesk.db.models import AuditAction, AuditLogRow, MunicipalBodyRow, SearchEntryRow
from mumidesk.domain.agreements import Agreement
from mumidesk.domain.attachments import Attachment
from mumidesk.domain.delegations import Delegation
from mumidesk.domain.enums import DatePrecision
from mumidesk.domain.errors import ValidationError
from mumidesk.domain.events import Event
from mumidesk.domain.exchanges import ExchangeProgramme
from mumidesk.domain.municipalities import Municipality, Region
from mumidesk.domain.organisations import Membership, Organisation, Person
from mumidesk.domain.partners import Partner, Partnership
from mumidesk.i18n import _, current_locale
from mumidesk.services.field_labels import field_label
from mumidesk.services.mapping import enum_type, hints, unwrap_optional

__all__ = [
    "AuditAction",
    "FieldChange",
    "HistoryEntry",
    "HistoryService",
    "action_text",
]

DEFAULT_LIMIT = 50
MAX_LIMIT = 1000

# The domain class of each kind: its type hints say which stored codes are choices or dates.
DOMAIN_CLASSES: Mapping[str, type] = {
    "region": Region,
    "municipality": Municipality,
    "partner": Partner,
    "partnership": Partnership,
    "agreement": Agreement,
    "delegation": Delegation,
    "event": Event,
    "exchange": ExchangeProgramme,
    "organisation": Organisation,
    "person": Person,
    "membership": Membership,
    "attachment": Attachment,
}
# Stored columns the domain class names otherwise (an event's dates are one FuzzyDate).
_EXTRA_ENUMS: Mapping[str, type[enum.Enum]] = {"date_precision": DatePrecision}
_DATE_FIELDS = frozenset({"start_date", "end_date"})
_PLAIN_NUMBERS = frozenset({"year", "term_months", "prolongation_months"})
_UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_ISO_TIME = re.compile(r"^\d{2}:\d{2}(:\d{2}(\.\d+)?)?$")


@dataclass(frozen=True, slots=True)
class FieldChange:
    field: str  # the stored name: "title", "members" …
    label: str  # translated: "Title", "Members" …
    old: str  # in words; for a list, the items that went (all of it if only the order moved)
    new: str  # in words; for a list, the items that came


@dataclass(frozen=True, slots=True)
class HistoryEntry:
    id: int
    at: dt.datetime  # naive UTC, as stored
    user: str
    kind: str
    entity_id: uuid.UUID | None  # None: a summary of a bulk load
    action: AuditAction
    version: int | None
    title: str
    changes: tuple[FieldChange, ...]


def action_text(action: AuditAction) -> str:
    return {
        AuditAction.CREATE: _("Created"),
        AuditAction.UPDATE: _("Edited"),
        AuditAction.DELETE: _("Deleted"),
        AuditAction.RESTORE: _("Restored"),
        AuditAction.IMPORT: _("Imported"),
        AuditAction.PURGE: _("Removed for good"),
        AuditAction.BULK_LOAD: _("Loaded in bulk"),
    }[action]


class HistoryService:
    def __init__(self, db: Database) -> None:
        self.db = db

    def history(self, kind: str, key: uuid.UUID) -> list[HistoryEntry]:
        """Every entry of one record, newest first (also of a deleted or purged record)."""
        stmt = select(AuditLogRow).where(
            AuditLogRow.entity_kind == kind, AuditLogRow.entity_id == key
        )
        return self._read(stmt.order_by(AuditLogRow.at.desc(), AuditLogRow.id.desc()))

    def recent(
        self, limit: int = DEFAULT_LIMIT, *, kinds: Collection[str] | None = None
    ) -> list[HistoryEntry]:
        """The latest entries across every kind (or the given ones), newest first."""
        if not 1 <= limit <= MAX_LIMIT:
            raise ValidationError.single(
                "limit", _("must be from 1 to {limit}").format(limit=MAX_LIMIT)
            )
        stmt = select(AuditLogRow)
        if kinds is not None:
            stmt = stmt.where(AuditLogRow.entity_kind.in_(list(kinds)))
        return self._read(stmt.order_by(AuditLogRow.at.desc(), AuditLogRow.id.desc()).limit(limit))

    def _read(self, stmt: Select[Any]) -> list[HistoryEntry]:
        with self.db.reading() as session:
            rows = list(session.scalars(stmt))
            names = _Names(self._names(session, _ids_in(r.changes for r in rows)))
            # Built inside the look: the rows expire when it ends.
            return [
                HistoryEntry(
                    id=row.id,
                    at=row.at,
                    user=row.user_name,
                    kind=row.entity_kind,
                    entity_id=row.entity_id,
                    action=_parse_action(row.action),
                    version=row.version,
                    title=row.title,
                    changes=_field_changes(row.entity_kind, row.changes or {}, names),
                )
                for row in rows
            ]

    @staticmethod
    def _names(session: Any, ids: set[uuid.UUID]) -> dict[str, str]:
        """The names of linked records: the search index, then a body, then the log's last
        title (a deleted record has left the index but not the log)."""
        if not ids:
            return {}
        found: dict[str, str] = {}
        stmt_index = select(SearchEntryRow.entity_id, SearchEntryRow.title).where(
            SearchEntryRow.entity_id.in_(ids)
        )
        for key, title in session.execute(stmt_index):
            found[str(key)] = title
        rest = {k for k in ids if str(k) not in found}
        if rest:
            stmt_body = select(MunicipalBodyRow.id, MunicipalBodyRow.name_ru).where(
                MunicipalBodyRow.id.in_(rest)
            )
            for key, name in session.execute(stmt_body):
                found[str(key)] = name
        rest = {k for k in ids if str(k) not in found}
        if rest:
            stmt_log = (
                select(AuditLogRow.entity_id, AuditLogRow.title)
                .where(AuditLogRow.entity_id.in_(rest), AuditLogRow.title != "")
                .order_by(AuditLogRow.id)
            )
            for key, title in session.execute(stmt_log):
                found[str(key)] = title  # the newest wins
        return found


def _parse_action(code: str) -> AuditAction:
    try:
        return AuditAction(code)
    except ValueError:  # written by a newer mumidesk: show it as an edit
        return AuditAction.UPDATE


def _ids_in(values: Iterable[Any]) -> set[uuid.UUID]:
    found: set[uuid.UUID] = set()

    def walk(value: Any) -> None:
        if isinstance(value, str):
            if _UUID.match(value):
                found.add(uuid.UUID(value))
        elif isinstance(value, list | tuple):
            for v in value:
                walk(v)
        elif isinstance(value, dict):
            for v in value.values():
                walk(v)

    for value in values:
        walk(value)
    return found


class _Names:
    def __init__(self, names: dict[str, str]) -> None:
        self.names = names

    def get(self, key: str) -> str:
        return self.names.get(key) or _("(record {key})").format(key=key[:8])


# --- values in words ----------------------------------------------------------------------
def _field_hint(cls: type | None, field: str) -> Any:
    if cls is None:
        return None
    try:
        return hints(cls).get(field)
    except (TypeError, NameError):
        return None


def _element_class(cls: type | None, field: str) -> type | None:
    """The class of one item of a list field (``members`` → DelegationMember)."""
    hint = _field_hint(cls, field)
    args = typing.get_args(hint)
    if args and isinstance(args[0], type):
        return args[0]
    return None


def _text(cls: type | None, field: str, value: Any, names: _Names) -> str:
    if value is None or value == "" or value == []:
        return ""
    if isinstance(value, dict):
        return _row_text(cls, value, names)
    if isinstance(value, list):
        item_cls = _element_class(cls, field)
        texts = [_item_text(item_cls, field, v, names) for v in value]
        return "; ".join(t for t in texts if t)
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if isinstance(value, int | float):
        if field in _PLAIN_NUMBERS:
            return str(value)
        return str(format_decimal(value, locale=current_locale()))
    text = str(value)
    member = enum_type(_field_hint(cls, field)) or _EXTRA_ENUMS.get(field)
    if member is not None:
        return _choice(member, text)
    if field == "country_code":
        return str(current_locale().territories.get(text.upper(), text))
    if _UUID.match(text):
        return names.get(text)
    hint = unwrap_optional(_field_hint(cls, field))
    if _ISO_DATE.match(text) and (hint is dt.date or field in _DATE_FIELDS or hint is None):
        return format_date(dt.date.fromisoformat(text), "medium", locale=current_locale())
    if _ISO_TIME.match(text) and hint in (dt.time, None):
        return text[:5]
    if "T" in text and hint is dt.datetime:
        stamp = dt.datetime.fromisoformat(text)
        return str(format_datetime(stamp, "short", locale=current_locale()))
    return text


def _item_text(item_cls: type | None, field: str, value: Any, names: _Names) -> str:
    """One item of a list: a child row, or a single value (an area code, a partner's id)."""
    if isinstance(value, dict):
        return _row_text(item_cls, value, names)
    if isinstance(item_cls, type) and issubclass(item_cls, enum.Enum):
        return _choice(item_cls, str(value))
    if field == "countries":
        return str(current_locale().territories.get(str(value).upper(), value))
    if field == "languages":
        return str(current_locale().languages.get(str(value), value))
    return _text(None, field, value, names)


def _row_text(cls: type | None, row: Mapping[str, Any], names: _Names) -> str:
    """A child row in one line: its values in order, a flag by its label, children in (…)."""
    parts: list[str] = []
    for field, value in row.items():
        if value is True:
            parts.append(field_label(field).lower())
        elif isinstance(value, list):
            inner = _text(cls, field, value, names)
            if inner:
                parts.append(f"({inner})")
        else:
            text = _text(cls, field, value, names)
            if text:
                parts.append(text)
    return ", ".join(parts)


def _choice(member: type[enum.Enum], code: str) -> str:
    try:
        choice = member(code)
    except ValueError:
        return code
    label = getattr(choice, "label", None)
    return str(label()) if callable(label) else code


def _field_changes(kind: str, changes: Mapping[str, Any], names: _Names) -> tuple[FieldChange, ...]:
    cls = DOMAIN_CLASSES.get(kind)
    out: list[FieldChange] = []
    for field, pair in changes.items():
        if not isinstance(pair, list) or len(pair) != 2:
            # A summary value (a bulk load's row count), not a change.
            out.append(FieldChange(field, field_label(field), "", _text(cls, field, pair, names)))
            continue
        old, new = pair
        if isinstance(old, list) or isinstance(new, list):
            old_items, new_items = list(old or []), list(new or [])
            gone = [v for v in old_items if v not in new_items]
            came = [v for v in new_items if v not in old_items]
            if gone or came:
                old, new = gone, came
        out.append(
            FieldChange(
                field,
                field_label(field),
                _text(cls, field, old, names),
                _text(cls, field, new, names),
            )
        )
    return tuple(out)
