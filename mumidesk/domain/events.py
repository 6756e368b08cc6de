"""International events: the rows of the quarterly report."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field

from mumidesk.domain.enums import DatePrecision, EventFormat, EventKind
from mumidesk.domain.fuzzy_date import FuzzyDate
from mumidesk.domain.records import Record
from mumidesk.domain.validation import NAME_MAX, TEXT_MAX, TITLE_MAX, Checker
from mumidesk.i18n import _


@dataclass(kw_only=True)
class Event(Record):
    name: str
    municipality_id: uuid.UUID | None = None
    kind: EventKind = EventKind.OTHER
    format: EventFormat = EventFormat.IN_PERSON
    place: str = ""  # may be empty: online events have none
    dates: FuzzyDate
    content: str = ""
    participants: str = ""  # names and positions, or collectives, as the report writes them
    participant_count: int | None = None
    organiser: str = ""
    country_codes: list[str] = field(default_factory=list)
    partner_ids: list[uuid.UUID] = field(default_factory=list)
    agreement_ids: list[uuid.UUID] = field(default_factory=list)

    def check(self, c: Checker) -> None:
        c.text("name", self.name, TITLE_MAX, required=True)
        c.length("place", self.place, NAME_MAX)
        c.length("content", self.content, TEXT_MAX)
        c.length("participants", self.participants, TEXT_MAX)
        c.length("organiser", self.organiser, TITLE_MAX)
        c.non_negative("participant_count", self.participant_count)
        if self.dates.end < self.dates.start:
            c.fail(
                "end_date",
                _("{end} is before start_date {start}").format(
                    end=self.dates.end.isoformat(), start=self.dates.start.isoformat()
                ),
            )
        if self.dates.precision is DatePrecision.DAY and self.dates.start != self.dates.end:
            c.fail("end_date", _("a one-day event ends on its start date"))
        for i, code in enumerate(self.country_codes):
            c.country(f"country_codes[{i}]", code)
