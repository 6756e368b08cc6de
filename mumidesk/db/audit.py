"""Stamps who, when and the next version on every flushed record, so no service can forget it,
and writes the audit trail (db.models.audit_log) from the same hook: who created, changed,
deleted or restored which record, with the old and new value of every changed field.

An import that restores records from an export sets ``session.info["preserve_audit"]``: then
only missing stamps are filled and the exported ones are kept as they were; its records are
logged as "import" entries by the user who imported them.

The old values come from SQLAlchemy's attribute history, read before the flush. Child rows
(members, programme items, parties with their signatories …) are summarised into their parent's
entry as lists of their values, old and new; a service that replaces the children wholesale and
one that edits them in place are logged alike. Entries are collected per flush and inserted in
one statement when the transaction commits: a 1,000-record import pays one insert, not 1,000.
Loads that bypass the ORM (services.bulk_load) are not seen here; see ``log_bulk_load``.
"""

from __future__ import annotations

import datetime as dt
import enum
import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import LargeBinary, event, insert, inspect
from sqlalchemy.orm import Mapper, Session, sessionmaker
from sqlalchemy.orm.state import InstanceState

from mumidesk.db.models.audit_log import AuditAction, AuditLogRow
from mumidesk.db.models.base import TITLE, Base, RecordMixin, utcnow
from mumidesk.db.models.municipalities import MunicipalityRow
from mumidesk.db.models.organisations import OrganisationRow
from mumidesk.db.models.partners import PartnerRow

PENDING = "audit_pending"
_LOG_TABLE = Base.metadata.tables[
    AuditLogRow.__tablename__
]  # session.info key: the entries waiting for the commit

# The kind of record each table holds, as the services and the search index name it.
KIND_OF_TABLE: Mapping[str, str] = {
    "regions": "region",
    "municipalities": "municipality",
    "partners": "partner",
    "partnerships": "partnership",
    "agreements": "agreement",
    "delegations": "delegation",
    "events": "event",
    "exchange_programmes": "exchange",
    "organisations": "organisation",
    "people": "person",
    "memberships": "membership",
    "attachments": "attachment",
}

# Stamps and tombstones are the entry's own who/when/action, not changes of the record.
_META = frozenset(
    {"id", "version", "created_at", "created_by", "updated_at", "updated_by"}
    | {"deleted_at", "deleted_by", "sort_order"}
)
_NAME_ATTRIBUTES = ("title", "name_ru", "name", "name_en", "short_name", "file_name")


def kind_of(row_cls: type[Any]) -> str:
    table = str(row_cls.__tablename__)
    return KIND_OF_TABLE.get(table, table)


# --- what to compare, per mapped class (worked out once) -------------------------------------
@dataclass(frozen=True)
class _Plan:
    columns: tuple[str, ...]  # compared and summarised
    binary: frozenset[str]  # compared, but logged as a size, never as bytes
    defaults: Mapping[str, Any]  # a child's value equal to its default says nothing
    children: tuple[tuple[str, _Plan], ...]  # owned collections: key, plan of the child rows


_PLANS: dict[tuple[type[Any], frozenset[str]], _Plan] = {}


def _plan(cls: type[Any], skip: frozenset[str] = frozenset()) -> _Plan:
    plan = _PLANS.get((cls, skip))
    if plan is None:
        plan = _PLANS[cls, skip] = _make_plan(cls, skip)
    return plan


def _make_plan(cls: type[Any], skip: frozenset[str]) -> _Plan:
    mapper: Mapper[Any] = inspect(cls)
    columns = tuple(a.key for a in mapper.column_attrs if a.key not in _META and a.key not in skip)
    binary = frozenset(
        a.key for a in mapper.column_attrs if isinstance(a.columns[0].type, LargeBinary)
    )
    defaults = {
        a.key: a.columns[0].default.arg
        for a in mapper.column_attrs
        if a.columns[0].default is not None and a.columns[0].default.is_scalar
    }
    children = []
    for rel in mapper.relationships:
        if not (rel.uselist and "delete-orphan" in rel.cascade):
            continue  # only collections the record owns are part of it
        # The child's key to its parent is the same for every child: leave it out.
        parent_keys = frozenset(rel.mapper.get_property_by_column(c).key for c in rel.remote_side)
        children.append((rel.key, _plan(rel.mapper.class_, parent_keys)))
    return _Plan(columns, binary, defaults, tuple(children))


# --- values as JSON ---------------------------------------------------------------------------
def _plain(value: Any) -> Any:
    if value is None or isinstance(value, str | bool | int | float):
        return value
    if isinstance(value, dt.date | dt.datetime | dt.time):
        return value.isoformat()
    if isinstance(value, uuid.UUID | enum.Enum):
        return str(value.value if isinstance(value, enum.Enum) else value)
    if isinstance(value, bytes):
        return len(value)
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    return str(value)


def _committed(state: InstanceState[Any], key: str) -> Any:
    """The value as loaded from the database (the current one if it was never loaded)."""
    history = state.attrs[key].history
    if history.deleted:
        return history.deleted[0]
    if history.unchanged:
        return history.unchanged[0]
    return history.added[0] if history.added else None


def _collection(state: InstanceState[Any], key: str, old: bool) -> list[Any]:
    if not old:
        return list(getattr(state.obj(), key))
    history = state.attrs[key].history
    rows = [*history.unchanged, *history.deleted]
    # The stored order: the children's own sort_order as it was loaded.
    rows.sort(key=lambda r: _committed(inspect(r), "sort_order") or 0)
    return rows


def _summary(row: Any, plan: _Plan, old: bool) -> Any:
    """One child row as a value (a row of one column) or a dict of its non-empty values."""
    state = inspect(row)
    values: dict[str, Any] = {}
    for key in plan.columns:
        value = _committed(state, key) if old else getattr(row, key)
        if value is None or value == "" or value is False or value == plan.defaults.get(key):
            continue  # the defaults make long lists unreadable and say nothing
        values[key] = len(value) if key in plan.binary else _plain(value)
    for key, child_plan in plan.children:
        children = [_summary(c, child_plan, old) for c in _collection(state, key, old)]
        if children:
            values[key] = children
    if len(plan.columns) == 1 and not plan.children:
        return values.get(plan.columns[0])
    return values


def record_changes(obj: Any) -> dict[str, list[Any]]:
    """field → [old, new] of every column and owned collection that changed in ``obj``."""
    state = inspect(obj)
    plan = _plan(type(obj))
    changes: dict[str, list[Any]] = {}
    for key in plan.columns:
        history = state.attrs[key].history
        if not history.added and not history.deleted:
            continue
        old = history.deleted[0] if history.deleted else None
        new = history.added[0] if history.added else None
        if old == new:
            continue
        if key in plan.binary:
            changes[key] = [None if old is None else len(old), None if new is None else len(new)]
        else:
            changes[key] = [_plain(old), _plain(new)]
    for key, child_plan in plan.children:
        attr = state.attrs[key]
        if not attr.history.has_changes() and not any(
            inspect(c).modified for c in getattr(obj, key)
        ):
            continue
        before = [_summary(c, child_plan, True) for c in _collection(state, key, True)]
        after = [_summary(c, child_plan, False) for c in _collection(state, key, False)]
        if before != after:
            changes[key] = [before, after]
    return changes


# --- the record's name, kept with each entry --------------------------------------------------
def _name_of(session: Session, row_cls: type[Any], key: Any) -> str:
    if key is None:
        return ""
    row = session.get(row_cls, key)  # the identity map first: loaded when it was checked
    if row is None:
        return ""
    return str(getattr(row, "name_ru", "") or getattr(row, "name_en", "") or "")


_LINK_TITLES: Mapping[str, Callable[[Session, Any], list[str]]] = {
    "partnerships": lambda s, o: [
        _name_of(s, MunicipalityRow, o.municipality_id),
        _name_of(s, PartnerRow, o.partner_id),
    ],
    "memberships": lambda s, o: [
        _name_of(s, MunicipalityRow, o.municipality_id),
        _name_of(s, OrganisationRow, o.organisation_id),
    ],
    "people": lambda _s, o: [" ".join(p for p in (o.last_name, o.first_name, o.patronymic) if p)],
}


def title_of(session: Session, obj: Any) -> str:
    link = _LINK_TITLES.get(str(obj.__tablename__))
    if link is not None:
        return " — ".join(p for p in link(session, obj) if p)[:TITLE]
    for name in _NAME_ATTRIBUTES:
        value = getattr(obj, name, None)
        if isinstance(value, str) and value:
            return value[:TITLE]
    return ""


# --- the hook ---------------------------------------------------------------------------------
def _entry(
    session: Session,
    obj: Any,
    action: AuditAction,
    changes: dict[str, Any],
    user: str,
    at: dt.datetime,
) -> dict[str, Any]:
    return {
        "at": at,
        "user_name": user,
        "entity_kind": kind_of(type(obj)),
        "entity_id": obj.id,
        "action": action.value,
        "version": obj.version,
        "title": title_of(session, obj),
        "changes": changes,
    }


def _action(obj: Any) -> AuditAction:
    """A tombstone set is a delete, a tombstone lifted a restore, anything else an update."""
    history = inspect(obj).attrs.deleted_at.history
    old = history.deleted[0] if history.deleted else None
    new = history.added[0] if history.added else None
    if old is None and new is not None:
        return AuditAction.DELETE
    if old is not None and new is None and history.added:
        return AuditAction.RESTORE
    return AuditAction.UPDATE


def _stamp(session: Session, _context: Any, _instances: Any) -> None:
    user = str(session.info.get("user", ""))
    preserve = bool(session.info.get("preserve_audit"))
    now = utcnow()
    log: list[dict[str, Any]] = session.info.setdefault(PENDING, [])
    for obj in session.new:
        if isinstance(obj, RecordMixin):
            if (
                obj.id is None
            ):  # the column default comes only with the INSERT: the log needs it now
                obj.id = uuid.uuid4()
            obj.version = obj.version or 1
            obj.created_at = obj.created_at or now
            obj.created_by = obj.created_by or user
            if not (preserve and obj.updated_at):
                obj.updated_at = now
                obj.updated_by = user
            action = AuditAction.IMPORT if preserve else AuditAction.CREATE
            log.append(_entry(session, obj, action, {}, user, now))
    for obj in session.dirty:
        if not isinstance(obj, RecordMixin):
            continue
        changes = record_changes(obj)
        action = _action(obj)
        # A child edited in place leaves the parent's own columns alone: still a change.
        if not (changes or session.is_modified(obj, include_collections=True)):
            continue
        if not preserve:
            obj.updated_at = now
            obj.updated_by = user
            obj.version = obj.version + 1
        if changes or action is not AuditAction.UPDATE:
            if preserve:
                action = AuditAction.IMPORT
            log.append(_entry(session, obj, action, changes, user, now))
    for obj in session.deleted:
        if isinstance(obj, RecordMixin):
            # The row goes for good: its last values stay readable in the log.
            state = inspect(obj)
            snapshot = {
                key: [_plain(_committed(state, key)), None]
                for key in _plan(type(obj)).columns
                if _committed(state, key) not in (None, "")
            }
            log.append(_entry(session, obj, AuditAction.PURGE, snapshot, user, now))


def _write(session: Session) -> None:
    """Insert the transaction's entries in one statement, after its last flush."""
    session.flush()
    entries = session.info.pop(PENDING, None)
    if entries:
        session.execute(insert(_LOG_TABLE), entries)


def _forget(session: Session, *_args: Any) -> None:
    session.info.pop(PENDING, None)  # rolled back: nothing happened, nothing to log


def log_bulk_load(session: Session, counts: Mapping[str, int], note: str = "") -> None:
    """One summary entry per table for a load that bypassed the ORM (services.bulk_load)."""
    user = str(session.info.get("user", ""))
    now = utcnow()
    entries = [
        {
            "at": now,
            "user_name": user,
            "entity_kind": KIND_OF_TABLE.get(table, table),
            "entity_id": None,
            "action": AuditAction.BULK_LOAD.value,
            "version": None,
            "title": note[:TITLE],
            "changes": {"rows": count},
        }
        for table, count in counts.items()
        if count
    ]
    if entries:
        session.execute(insert(_LOG_TABLE), entries)


def install(factory: sessionmaker[Session]) -> None:
    event.listen(factory, "before_flush", _stamp)
    event.listen(factory, "before_commit", _write)
    event.listen(factory, "after_rollback", _forget)
