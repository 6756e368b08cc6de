"""What changed lately, across every kind of record, read from the records' own audit columns.

Every top-level row carries created/updated stamps, a version and a deletion tombstone
(db.models.base.RecordMixin), so "who changed what and when" needs no separate log: one small
query per kind picks its newest rows (``updated_at`` moves on create, edit, delete and restore),
and the few dozen candidates are merged newest first.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from sqlalchemy import Select, select
from sqlalchemy.orm import aliased

from mumidesk.db.engine import Database
from mumidesk.db.models import (
    AgreementRow,
    AttachmentRow,
    DelegationRow,
    EventRow,
    ExchangeProgrammeRow,
    MembershipRow,
    MunicipalityRow,
    OrganisationRow,
    PartnerRow,
    PartnershipRow,
    PersonRow,
    RegionRow,
)
from mumidesk.domain.errors import ValidationError
from mumidesk.i18n import _, current_language

DEFAULT_LIMIT = 20
MAX_LIMIT = 500


class ChangeAction(StrEnum):
    CREATED = "created"
    UPDATED = "updated"
    DELETED = "deleted"


@dataclass(frozen=True, slots=True)
class RecentChange:
    kind: str  # the service's stable code: "partner", "agreement" …
    id: uuid.UUID
    title: str  # in the current language where the record has two names
    action: ChangeAction
    at: dt.datetime  # naive UTC, as stored
    by: str
    version: int
    # Where a click leads: a partnership opens its partner, an attachment its owner.
    target_kind: str
    target_id: uuid.UUID | None

    @property
    def is_deleted(self) -> bool:
        return self.action is ChangeAction.DELETED


def _localised(name_ru: str | None, name_en: str | None, *others: str | None) -> str:
    first, second = (name_en, name_ru) if current_language() != "ru" else (name_ru, name_en)
    for name in (first, second, *others):
        if name:
            return name
    return ""


def _joined(*parts: str | None) -> str:
    return " ".join(p for p in parts if p)


def _pair(left: str, right: str) -> str:
    return " — ".join(p for p in (left, right) if p)


@dataclass(frozen=True)
class _KindQuery:
    """How to read one kind: its row, the columns its title is made of, and the joins they
    need; ``title`` turns those columns into text, ``target`` names the record a click opens."""

    kind: str
    row: Any
    columns: Callable[[], Sequence[Any]]
    title: Callable[[Sequence[Any]], str]
    joins: Callable[[Select[Any]], Select[Any]] = lambda stmt: stmt
    target: Callable[[uuid.UUID, Sequence[Any]], tuple[str, uuid.UUID | None]] | None = None


_PartnerOfLink = aliased(PartnerRow)
_MunicipalityOfLink = aliased(MunicipalityRow)
_MunicipalityOfMembership = aliased(MunicipalityRow)
_OrganisationOfMembership = aliased(OrganisationRow)

_QUERIES: tuple[_KindQuery, ...] = (
    _KindQuery(
        "region",
        RegionRow,
        lambda: (RegionRow.name_ru, RegionRow.name_en),
        lambda c: _localised(c[0], c[1]),
    ),
    _KindQuery(
        "municipality",
        MunicipalityRow,
        lambda: (MunicipalityRow.name_ru, MunicipalityRow.name_en),
        lambda c: _localised(c[0], c[1]),
    ),
    _KindQuery(
        "partner",
        PartnerRow,
        lambda: (PartnerRow.name_ru, PartnerRow.name_en, PartnerRow.name_local),
        lambda c: _localised(c[0], c[1], c[2]),
    ),
    _KindQuery(
        "partnership",
        PartnershipRow,
        lambda: (
            _MunicipalityOfLink.name_ru,
            _MunicipalityOfLink.name_en,
            _PartnerOfLink.name_ru,
            _PartnerOfLink.name_en,
            _PartnerOfLink.name_local,
            PartnershipRow.partner_id,
        ),
        lambda c: _pair(_localised(c[0], c[1]), _localised(c[2], c[3], c[4])),
        lambda stmt: stmt.join(
            _MunicipalityOfLink, _MunicipalityOfLink.id == PartnershipRow.municipality_id
        ).join(_PartnerOfLink, _PartnerOfLink.id == PartnershipRow.partner_id),
        lambda _key, c: ("partner", c[5]),
    ),
    _KindQuery("agreement", AgreementRow, lambda: (AgreementRow.title,), lambda c: c[0] or ""),
    _KindQuery("delegation", DelegationRow, lambda: (DelegationRow.title,), lambda c: c[0] or ""),
    _KindQuery("event", EventRow, lambda: (EventRow.name,), lambda c: c[0] or ""),
    _KindQuery(
        "exchange",
        ExchangeProgrammeRow,
        lambda: (ExchangeProgrammeRow.title,),
        lambda c: c[0] or "",
    ),
    _KindQuery(
        "organisation",
        OrganisationRow,
        lambda: (OrganisationRow.name_ru, OrganisationRow.name_en, OrganisationRow.short_name),
        lambda c: _localised(c[0], c[1], c[2]),
    ),
    _KindQuery(
        "person",
        PersonRow,
        lambda: (PersonRow.last_name, PersonRow.first_name, PersonRow.patronymic),
        lambda c: _joined(c[0], c[1], c[2]),
    ),
    _KindQuery(
        "membership",
        MembershipRow,
        lambda: (
            _MunicipalityOfMembership.name_ru,
            _MunicipalityOfMembership.name_en,
            _OrganisationOfMembership.name_ru,
            _OrganisationOfMembership.name_en,
            MembershipRow.organisation_id,
        ),
        lambda c: _pair(_localised(c[0], c[1]), _localised(c[2], c[3])),
        lambda stmt: stmt.join(
            _MunicipalityOfMembership,
            _MunicipalityOfMembership.id == MembershipRow.municipality_id,
        ).join(
            _OrganisationOfMembership,
            _OrganisationOfMembership.id == MembershipRow.organisation_id,
        ),
        lambda _key, c: ("organisation", c[4]),
    ),
    _KindQuery(
        "attachment",
        AttachmentRow,
        lambda: (AttachmentRow.file_name, AttachmentRow.owner_kind, AttachmentRow.owner_id),
        lambda c: c[0] or "",
        target=lambda _key, c: (c[1], c[2]),
    ),
)
KINDS: tuple[str, ...] = tuple(q.kind for q in _QUERIES)


def _action(deleted_at: dt.datetime | None, version: int) -> ChangeAction:
    if deleted_at is not None:
        return ChangeAction.DELETED
    return ChangeAction.CREATED if version <= 1 else ChangeAction.UPDATED


class RecentChangesService:
    def __init__(self, db: Database) -> None:
        self.db = db

    def recent(
        self,
        limit: int = DEFAULT_LIMIT,
        *,
        kinds: Collection[str] | None = None,
        include_deleted: bool = True,
    ) -> list[RecentChange]:
        """The ``limit`` most recently created, changed or deleted records, newest first."""
        if not 1 <= limit <= MAX_LIMIT:
            raise ValidationError.single(
                "limit", _("must be from 1 to {limit}").format(limit=MAX_LIMIT)
            )
        if kinds is not None:
            unknown = sorted(set(kinds) - set(KINDS))
            if unknown:
                raise ValidationError.single(
                    "kinds",
                    _("unknown kind {kind!r}; choose one of: {allowed}").format(
                        kind=unknown[0], allowed=", ".join(KINDS)
                    ),
                )
        found: list[RecentChange] = []
        with self.db.reading() as session:
            for query in _QUERIES:
                if kinds is not None and query.kind not in kinds:
                    continue
                stmt = self._statement(query, limit, include_deleted)
                found.extend(_change(query, row) for row in session.execute(stmt))
        found.sort(key=lambda c: (c.at, c.kind, c.id.hex), reverse=True)
        return found[:limit]

    @staticmethod
    def _statement(query: _KindQuery, limit: int, include_deleted: bool) -> Select[Any]:
        row = query.row
        stmt: Select[Any] = select(
            row.id,
            row.updated_at,
            row.updated_by,
            row.deleted_at,
            row.deleted_by,
            row.version,
            *query.columns(),
        ).select_from(row)
        stmt = query.joins(stmt)
        if not include_deleted:
            stmt = stmt.where(row.deleted_at.is_(None))
        return stmt.order_by(row.updated_at.desc(), row.id.desc()).limit(limit)


def _change(query: _KindQuery, row: Any) -> RecentChange:
    key, updated_at, updated_by, deleted_at, deleted_by, version, *columns = row
    action = _action(deleted_at, int(version))
    if query.target is not None:
        target_kind, target_id = query.target(key, columns)
    else:
        target_kind, target_id = query.kind, key
    at = max(updated_at, deleted_at) if deleted_at is not None else updated_at
    return RecentChange(
        kind=query.kind,
        id=key,
        title=query.title(columns),
        action=action,
        at=at,
        by=(deleted_by if deleted_at is not None and deleted_by else updated_by) or "",
        version=int(version),
        target_kind=target_kind,
        target_id=target_id,
    )
