"""The visit programme of a delegation (document 5), to hand to the guests: bilingual, Russian and
a second language (English, or the partner's language), day by day. Content only.

Programme items carry their titles in Russian and English. For another partner language the
English title is used where there is one and the Russian one otherwise; the dates and day
headings follow the partner language itself (Babel knows its month and weekday names). The
document's labels come from gettext: in the second language when the catalogs have it, else in
English.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass

from babel import Locale, UnknownLocaleError
from babel.dates import format_date, format_interval, format_time

from mumidesk.domain.delegations import Delegation, DelegationMember, ProgrammeItem
from mumidesk.domain.enums import DelegationDirection
from mumidesk.domain.errors import NotFoundError, ValidationError
from mumidesk.domain.fuzzy_date import EN_DASH, FuzzyDate
from mumidesk.domain.partners import Partner
from mumidesk.i18n import SUPPORTED, _
from mumidesk.services.registry import Services

RUSSIAN = "ru"
ENGLISH = "en"


@dataclass(frozen=True)
class ProgrammeLine:
    time: str  # "09:00–10:30", "09:00", or empty
    title_ru: str
    title_second: str
    place: str
    responsible: str


@dataclass(frozen=True)
class ProgrammeDay:
    day: dt.date
    heading_ru: str  # "23 июня 2020 г., вторник"
    heading_second: str  # "Tuesday, June 23, 2020"
    items: tuple[ProgrammeLine, ...]


@dataclass(frozen=True)
class Member:
    full_name: str
    position: str
    organisation: str
    is_head: bool


@dataclass(frozen=True)
class NamePair:
    ru: str
    second: str


@dataclass(frozen=True)
class VisitProgramme:
    title: str  # the delegation's title, as entered
    second_language: str  # the partner language (a Babel locale code): dates and day headings
    label_language: str  # the language of the second half of every label (gettext: ru or en)
    text_language: str  # the language of the second column of item titles
    direction: DelegationDirection
    dates_ru: str
    dates_second: str
    place: str
    municipality: NamePair | None
    partners: tuple[NamePair, ...]
    members: tuple[Member, ...]  # the head first
    days: tuple[ProgrammeDay, ...]

    @property
    def head(self) -> Member | None:
        return next((m for m in self.members if m.is_head), None)

    @property
    def is_bilingual(self) -> bool:
        return self.second_language != RUSSIAN

    @property
    def has_responsible(self) -> bool:
        return any(item.responsible for day in self.days for item in day.items)


def second_language_locale(code: str) -> Locale:
    """The Babel locale of a partner language code; ValidationError if Babel knows none."""
    try:
        return Locale.parse(code.strip().replace("-", "_"))
    except (UnknownLocaleError, ValueError, TypeError):
        raise ValidationError.single(
            "second_language",
            _("{code!r} is not a language code (ru, en, de, zh …)").format(code=code),
        ) from None


def build_programme(
    services: Services, delegation_id: uuid.UUID, second_language: str = ENGLISH
) -> VisitProgramme:
    second = second_language_locale(second_language)
    code = str(second)
    delegation = services.delegations.get(delegation_id)
    text_language = RUSSIAN if second.language == RUSSIAN else ENGLISH
    return VisitProgramme(
        title=delegation.title,
        second_language=code if second.language != RUSSIAN else RUSSIAN,
        label_language=second.language if second.language in SUPPORTED else ENGLISH,
        text_language=text_language,
        direction=delegation.direction,
        dates_ru=_dates(delegation, Locale.parse(RUSSIAN)),
        dates_second=_dates(delegation, second),
        place=delegation.place,
        municipality=_municipality(services, delegation),
        partners=tuple(_partners(services, delegation, second)),
        members=tuple(_member(m) for m in _head_first(delegation.members)),
        days=tuple(_days(delegation.programme, second, text_language)),
    )


def _dates(delegation: Delegation, locale: Locale) -> str:
    start, end = delegation.start_date, delegation.end_date
    if locale.language in (RUSSIAN, ENGLISH):  # full month names, as the reports write them
        return FuzzyDate.range(start, end).format(locale, with_year=True)
    if start == end:
        return format_date(start, "long", locale=locale)
    return format_interval(start, end, "yMMMMd", locale=locale)  # CLDR: "23.–24. Juni 2020"


def _municipality(services: Services, delegation: Delegation) -> NamePair | None:
    if delegation.municipality_id is None:
        return None
    municipality = services.municipalities.get(delegation.municipality_id)
    return NamePair(municipality.name_ru, municipality.name_en or municipality.name_ru)


def _partners(services: Services, delegation: Delegation, second: Locale) -> list[NamePair]:
    pairs = []
    for key in delegation.partner_ids:
        try:
            partner = services.partners.get(key)
        except NotFoundError:  # deleted after the visit was recorded
            continue
        pairs.append(NamePair(_partner_ru(partner), _partner_second(partner, second)))
    return pairs


def _partner_ru(partner: Partner) -> str:
    return partner.name_ru or partner.name_en or partner.name_local


def _partner_second(partner: Partner, second: Locale) -> str:
    if second.language == RUSSIAN:
        return _partner_ru(partner)
    if second.language == ENGLISH:
        return partner.name_en or partner.name_local or partner.name_ru
    # Another partner language: the city's own name is written in it.
    return partner.name_local or partner.name_en or partner.name_ru


def _head_first(members: list[DelegationMember]) -> list[DelegationMember]:
    return sorted(members, key=lambda m: not m.is_head)  # stable: the others keep their order


def _member(member: DelegationMember) -> Member:
    return Member(member.full_name, member.position, member.organisation, member.is_head)


def _days(programme: list[ProgrammeItem], second: Locale, text_language: str) -> list[ProgrammeDay]:
    by_day: dict[dt.date, list[ProgrammeItem]] = {}
    for item in programme:
        by_day.setdefault(item.day, []).append(item)
    return [
        ProgrammeDay(
            day=day,
            heading_ru=day_heading(day, Locale.parse(RUSSIAN)),
            heading_second=day_heading(day, second),
            items=tuple(_line(item, text_language) for item in _in_time_order(by_day[day])),
        )
        for day in sorted(by_day)
    ]


def _in_time_order(items: list[ProgrammeItem]) -> list[ProgrammeItem]:
    """Items by their start time; an item without a time stays after the item entered before
    it ("Transfer to the hotel" after the arrival), the first ones at the start of the day."""
    keyed = []
    carried = dt.time.min
    for index, item in enumerate(items):
        carried = item.start_time or item.end_time or carried
        keyed.append((carried, index, item))
    return [item for _time, _index, item in sorted(keyed, key=lambda k: (k[0], k[1]))]


def day_heading(day: dt.date, locale: Locale) -> str:
    """The day as a programme heads it: "23 июня 2020 г., вторник", "Tuesday, June 23, 2020"."""
    if locale.language == RUSSIAN:  # Russian programmes put the weekday after the date
        return format_date(day, locale.date_formats["long"].pattern + ", EEEE", locale=locale)
    return format_date(day, "full", locale=locale)


def _line(item: ProgrammeItem, text_language: str) -> ProgrammeLine:
    russian = item.title_ru or item.title_en
    # English titles are what the data has for every partner language.
    second = russian if text_language == RUSSIAN else item.title_en or item.title_ru
    return ProgrammeLine(
        time=_time_range(item.start_time, item.end_time),
        title_ru=russian,
        title_second=second,
        place=item.place,
        responsible=item.responsible,
    )


def _time_range(start: dt.time | None, end: dt.time | None) -> str:
    # The Russian short format (24 hours, "09:00") is read alike by every guest.
    def clock(t: dt.time) -> str:
        return format_time(t, "short", locale=RUSSIAN)

    if start and end:
        return f"{clock(start)}{EN_DASH}{clock(end)}"
    if start:
        return clock(start)
    if end:
        return f"{EN_DASH}{clock(end)}"
    return ""
