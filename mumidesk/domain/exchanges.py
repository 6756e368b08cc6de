"""Exchange programmes and their participants counted by year, category and direction."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass, field

from mumidesk.domain.enums import ExchangeDirection, ExchangeKind, ParticipantCategory
from mumidesk.domain.records import Record
from mumidesk.domain.validation import TEXT_MAX, TITLE_MAX, Checker
from mumidesk.i18n import _


@dataclass(kw_only=True)
class Participation:
    year: int
    category: ParticipantCategory
    direction: ExchangeDirection
    count: int


@dataclass(kw_only=True)
class ExchangeProgramme(Record):
    title: str
    kind: ExchangeKind = ExchangeKind.EDUCATIONAL
    municipality_id: uuid.UUID | None = None
    partner_ids: list[uuid.UUID] = field(default_factory=list)
    start_date: dt.date | None = None
    end_date: dt.date | None = None
    organisations: str = ""  # schools, universities, ensembles taking part
    description: str = ""
    participations: list[Participation] = field(default_factory=list)

    def total(self) -> int:
        return sum(p.count for p in self.participations)

    def check(self, c: Checker) -> None:
        c.text("title", self.title, TITLE_MAX, required=True)
        c.date_order("start_date", self.start_date, "end_date", self.end_date)
        c.length("organisations", self.organisations, TEXT_MAX)
        c.length("description", self.description, TEXT_MAX)
        seen: set[tuple[int, str, str]] = set()
        for i, p in enumerate(self.participations):
            c.in_range(f"participations[{i}].year", p.year, 1945, 2100)
            c.non_negative(f"participations[{i}].count", p.count)
            key = (p.year, p.category.value, p.direction.value)
            if key in seen:
                c.fail(f"participations[{i}]", _("the same year, category and direction twice"))
            seen.add(key)
            if (
                self.start_date
                and self.end_date
                and not (self.start_date.year <= p.year <= self.end_date.year)
            ):
                c.fail(
                    f"participations[{i}].year",
                    _("{year} is outside the programme period").format(year=p.year),
                )
