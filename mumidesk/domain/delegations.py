"""Delegation visits: incoming, outgoing or online, with members and a day-by-day programme."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass, field

from mumidesk.domain.enums import DatePrecision, DelegationDirection, EventFormat, EventKind
from mumidesk.domain.events import Event
from mumidesk.domain.fuzzy_date import FuzzyDate
from mumidesk.domain.records import Record
from mumidesk.domain.validation import NAME_MAX, TEXT_MAX, TITLE_MAX, Checker
from mumidesk.i18n import _


@dataclass(kw_only=True)
class DelegationMember:
    full_name: str
    position: str = ""
    organisation: str = ""
    is_head: bool = False
    person_id: uuid.UUID | None = None


@dataclass(kw_only=True)
class ProgrammeItem:
    day: dt.date
    start_time: dt.time | None = None
    end_time: dt.time | None = None
    title_ru: str = ""
    title_en: str = ""
    place: str = ""
    responsible: str = ""


@dataclass(kw_only=True)
class Delegation(Record):
    title: str
    direction: DelegationDirection = DelegationDirection.INCOMING
    municipality_id: uuid.UUID | None = None
    partner_ids: list[uuid.UUID] = field(default_factory=list)
    start_date: dt.date
    end_date: dt.date
    place: str = ""
    purpose: str = ""
    outcome: str = ""
    members: list[DelegationMember] = field(default_factory=list)
    programme: list[ProgrammeItem] = field(default_factory=list)
    agreement_ids: list[uuid.UUID] = field(default_factory=list)
    report_submitted_on: dt.date | None = None

    @property
    def head(self) -> DelegationMember | None:
        return next((m for m in self.members if m.is_head), None)

    def check(self, c: Checker) -> None:
        c.text("title", self.title, TITLE_MAX, required=True)
        c.required("start_date", self.start_date)
        c.required("end_date", self.end_date)
        c.date_order("start_date", self.start_date, "end_date", self.end_date)
        c.length("place", self.place, NAME_MAX)
        c.length("purpose", self.purpose, TEXT_MAX)
        c.length("outcome", self.outcome, TEXT_MAX)
        if sum(1 for m in self.members if m.is_head) > 1:
            c.fail("members", _("a delegation has one head"))
        for i, m in enumerate(self.members):
            c.text(f"members[{i}].full_name", m.full_name, NAME_MAX, required=True)
            c.length(f"members[{i}].position", m.position, TITLE_MAX)
            c.length(f"members[{i}].organisation", m.organisation, TITLE_MAX)
        for i, item in enumerate(self.programme):
            c.required(f"programme[{i}].day", item.day)
            if not (item.title_ru or item.title_en).strip():
                c.fail(f"programme[{i}].title_ru", _("is required"))
            c.length(f"programme[{i}].title_ru", item.title_ru, TITLE_MAX)
            c.length(f"programme[{i}].title_en", item.title_en, TITLE_MAX)
            c.length(f"programme[{i}].place", item.place, NAME_MAX)
            c.length(f"programme[{i}].responsible", item.responsible, NAME_MAX)
            if (
                self.start_date
                and self.end_date
                and item.day
                and not (self.start_date <= item.day <= self.end_date)
            ):
                c.fail(
                    f"programme[{i}].day",
                    _("{day} is outside the visit dates").format(day=item.day.isoformat()),
                )
            if item.start_time and item.end_time and item.end_time < item.start_time:
                c.fail(f"programme[{i}].end_time", _("ends before it starts"))


def event_of(delegation: Delegation) -> Event:
    """The visit as a row of the quarterly report of international events: the report lists
    events, and a delegation received or sent is one (kind "visit"). The staff review it before
    saving; nothing links the two afterwards, so a second call would make a second event."""
    members = sorted(delegation.members, key=lambda m: not m.is_head)  # the head first
    participants = "; ".join(
        ", ".join(part for part in (m.full_name, m.position, m.organisation) if part)
        for m in members
    )
    single_day = delegation.start_date == delegation.end_date
    dates = FuzzyDate(
        delegation.start_date,
        delegation.end_date,
        DatePrecision.DAY if single_day else DatePrecision.RANGE,
    )
    online = delegation.direction is DelegationDirection.ONLINE
    return Event(
        name=delegation.title,
        municipality_id=delegation.municipality_id,
        kind=EventKind.VISIT,
        format=EventFormat.ONLINE if online else EventFormat.IN_PERSON,
        place=delegation.place,
        dates=dates,
        content="\n".join(part for part in (delegation.purpose, delegation.outcome) if part),
        participants=participants,
        participant_count=len(delegation.members) or None,
        partner_ids=list(delegation.partner_ids),
        agreement_ids=list(delegation.agreement_ids),
    )
