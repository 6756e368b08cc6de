"""Import the public list of twin cities (``city1,country1,lat1,lng1,city2,country2,lat2,lng2``).

Data source and attribution (keep it with any copy of the data): the public repository
Hekman/twincities (file app/public/twin_cities.csv, MIT licence), whose rows were collected from
the English Wikipedia lists "List of twin towns and sister cities in <continent>" (text under
CC BY-SA 4.0) and geocoded.

Model: a city of the own country (RU unless told otherwise) becomes an own Municipality (kind
city; its Russian name starts as the English one until someone types it), every other city a
Partner with its coordinates. A pair with an own city becomes a Partnership (twin, active); a pair
of two foreign cities goes to the reference table of known twin links; a pair of two own cities
is counted and left alone. Cities are matched by folded name (and country, for partners), so a
second run adds nothing and says what it skipped.

Real-data flaws are reported, never loaded twice and never fatal: the same line twice, the same
pair from both sides (A–B and B–A), the same pair spelled differently, and odd rows (no country,
"in Italy", a town given as a region, bad coordinates) that are listed with row and reason.

Speed: the file (≈26,000 rows) is read in Python, then everything new is written with bulk
inserts in one transaction and only the new rows are added to the search index.
"""

from __future__ import annotations

import contextlib
import csv
import io
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from mumidesk.db.engine import Database
from mumidesk.db.models import (
    MunicipalityRow,
    PartnerRow,
    PartnershipRow,
    SearchEntryRow,
    TwinLinkRow,
    utcnow,
)
from mumidesk.domain.enums import MunicipalityKind, PartnershipKind, PartnershipStatus
from mumidesk.domain.errors import DomainError, FieldProblem, ValidationError
from mumidesk.domain.municipalities import Municipality
from mumidesk.domain.partners import Partner, Partnership
from mumidesk.domain.text import fold
from mumidesk.domain.validation import Checker, is_country_code
from mumidesk.i18n import _
from mumidesk.services import search_index
from mumidesk.services.country_names import CountryReading, read_country
from mumidesk.services.crud import CrudService
from mumidesk.services.mapping import META_FIELDS, to_row_values
from mumidesk.services.municipalities import MunicipalityService
from mumidesk.services.partners import PartnerService

COLUMNS = ("city1", "country1", "lat1", "lng1", "city2", "country2", "lat2", "lng2")
BATCH = 5000

CityKey = tuple[str, str]  # (folded name, country code); own cities carry the own country


@dataclass
class TwinCitiesReport:
    rows: int = 0  # data rows read
    municipalities_added: int = 0
    municipalities_existing: int = 0  # own cities found in the database
    partners_added: int = 0
    partners_existing: int = 0
    partnerships_added: int = 0
    partnerships_existing: int = 0
    links_added: int = 0  # twin links between two foreign cities
    links_existing: int = 0
    domestic: int = 0  # both cities in the own country: nothing to link
    duplicates: int = 0  # the same line again
    respelled: int = 0  # the same pair again, written differently
    mirrored: int = 0  # the same pair from the other side (B–A after A–B)
    odd_rows: list[FieldProblem] = field(default_factory=list)
    dry_run: bool = False

    @property
    def rows_accounted(self) -> int:
        """Every row lands in exactly one count; this equals ``rows``."""
        return (
            len(self.odd_rows)
            + self.duplicates
            + self.respelled
            + self.mirrored
            + self.domestic
            + self.partnerships_added
            + self.partnerships_existing
            + self.links_added
            + self.links_existing
        )

    @property
    def added(self) -> int:
        return (
            self.municipalities_added
            + self.partners_added
            + self.partnerships_added
            + self.links_added
        )


@dataclass(frozen=True, slots=True)
class _City:
    name: str
    country: CountryReading
    latitude: float
    longitude: float


class _Store:
    """What the database already holds and what this run adds, keyed the way rows match."""

    def __init__(self, session: Session, own_country: str) -> None:
        self.own_country = own_country
        self.municipalities: dict[str, uuid.UUID] = {}
        for key, *names in session.execute(
            select(
                MunicipalityRow.id,
                MunicipalityRow.name_ru,
                MunicipalityRow.name_en,
                MunicipalityRow.official_name_ru,
            ).where(MunicipalityRow.deleted_at.is_(None))
        ):
            for name in names:
                if name:
                    self.municipalities.setdefault(fold(name), key)
        self.partners: dict[CityKey, uuid.UUID] = {}
        for key, country, *names in session.execute(
            select(
                PartnerRow.id,
                PartnerRow.country_code,
                PartnerRow.name_ru,
                PartnerRow.name_en,
                PartnerRow.name_local,
            ).where(PartnerRow.deleted_at.is_(None))
        ):
            for name in names:
                if name:
                    self.partners.setdefault((fold(name), country.upper()), key)
        live = select(PartnershipRow.municipality_id, PartnershipRow.partner_id).where(
            PartnershipRow.deleted_at.is_(None)
        )  # any live partnership counts, whatever its kind
        self.partnerships: set[tuple[uuid.UUID, uuid.UUID]] = {
            (m, p) for m, p in session.execute(live)
        }
        links = select(TwinLinkRow.partner_a_id, TwinLinkRow.partner_b_id)
        self.links: set[tuple[uuid.UUID, uuid.UUID]] = {(a, b) for a, b in session.execute(links)}
        self.new_municipalities: list[Municipality] = []
        self.new_partners: list[Partner] = []
        self.new_partnerships: list[Partnership] = []
        self.new_links: list[tuple[uuid.UUID, uuid.UUID]] = []
        self.seen_cities: set[CityKey] = set()

    def is_own(self, city: _City) -> bool:
        return city.country.code == self.own_country

    def key(self, city: _City) -> CityKey:
        return fold(city.name), city.country.code

    def known(self, key: CityKey) -> bool:
        if key[1] == self.own_country:
            return key[0] in self.municipalities
        return key in self.partners

    def candidate(self, city: _City) -> Municipality | Partner:
        if self.is_own(city):
            # The list has English names only: the Russian one starts as it, to be corrected.
            return Municipality(name_ru=city.name, name_en=city.name, kind=MunicipalityKind.CITY)
        return Partner(
            name_en=city.name,
            country_code=city.country.code,
            region=city.country.region,
            latitude=city.latitude,
            longitude=city.longitude,
        )

    def add(self, key: CityKey, item: Municipality | Partner) -> uuid.UUID:
        item.id = uuid.uuid4()
        if isinstance(item, Municipality):
            self.municipalities[key[0]] = item.id
            self.new_municipalities.append(item)
        else:
            self.partners[key] = item.id
            self.new_partners.append(item)
        return item.id

    def id_of(self, key: CityKey) -> uuid.UUID:
        if key[1] == self.own_country:
            return self.municipalities[key[0]]
        return self.partners[key]


def import_twin_cities(
    db: Database, path: Path, own_country: str = "RU", dry_run: bool = False
) -> TwinCitiesReport:
    """Load the twin-cities list; rows are matched, never duplicated. See the module text."""
    own_country = own_country.strip().upper()
    if not is_country_code(own_country):
        raise ValidationError.single(
            "own_country",
            _("{code!r} is not an ISO 3166 country code (e.g. RU, BY, ZM)").format(
                code=own_country
            ),
        )
    table = _read_table(path)
    report = TwinCitiesReport(dry_run=dry_run)
    with _unit(db, dry_run) as session:
        store = _Store(session, own_country)
        _match_rows(table, store, report)
        if not dry_run:
            _write(session, store, db, path.name)
    return report


@contextlib.contextmanager
def _unit(db: Database, dry_run: bool) -> Iterator[Session]:
    if dry_run:
        with db.reading() as session:  # rolled back at the end
            yield session
    else:
        with db.transaction() as session:
            yield session


def _read_table(path: Path) -> list[list[str]]:
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except OSError as exc:
        raise DomainError(
            _("cannot read {path}: {reason}").format(path=path, reason=exc.strerror or exc)
        ) from exc
    except UnicodeDecodeError as exc:
        raise ValidationError.single(
            "file", _("is not UTF-8 text (byte {position})").format(position=exc.start)
        ) from None
    try:
        table = list(csv.reader(io.StringIO(text, newline="")))
    except csv.Error as exc:
        raise ValidationError.single(
            "file", _("is not valid CSV: {reason}").format(reason=exc)
        ) from None
    header = [c.strip().lower() for c in table[0]] if table else []
    if tuple(header) != COLUMNS:
        raise ValidationError.single(
            "file",
            _("the first line must be the header {expected}").format(expected=",".join(COLUMNS)),
            1,
        )
    return table[1:]


def _match_rows(table: list[list[str]], store: _Store, report: TwinCitiesReport) -> None:
    seen_lines: set[tuple[str, ...]] = set()
    seen_pairs: dict[frozenset[CityKey], tuple[CityKey, CityKey]] = {}
    readings: dict[str, CountryReading | str] = {}  # a few hundred distinct country texts
    for row_no, cells in enumerate(table, start=2):
        if not any(c.strip() for c in cells):
            continue
        report.rows += 1
        if len(cells) != len(COLUMNS):
            report.odd_rows.append(
                FieldProblem(
                    "columns",
                    _("has {found} values, the header has {expected}").format(
                        found=len(cells), expected=len(COLUMNS)
                    ),
                    row_no,
                )
            )
            continue
        line = tuple(c.strip() for c in cells)
        if line in seen_lines:
            report.duplicates += 1
            continue
        seen_lines.add(line)
        try:
            first = _city(line[:4], "1", row_no, readings)
            second = _city(line[4:], "2", row_no, readings)
            keys = (store.key(first), store.key(second))
            if keys[0] == keys[1]:
                raise ValidationError.single("city2", _("is the same city as city1"), row_no)
            _check_new(store, (first, second), keys, row_no)
        except ValidationError as exc:
            report.odd_rows.append(exc.problems[0])
            continue
        pair = frozenset(keys)
        earlier = seen_pairs.get(pair)
        if earlier is not None:
            if earlier == keys:
                report.respelled += 1
            else:
                report.mirrored += 1
            continue
        seen_pairs[pair] = keys
        _register(store, (first, second), keys, report)


def _city(
    cells: tuple[str, ...], side: str, row_no: int, readings: dict[str, CountryReading | str]
) -> _City:
    name, country_text, lat, lng = cells
    if not name:
        raise ValidationError.single(f"city{side}", _("is empty"), row_no)
    reading = readings.get(country_text)
    if reading is None:
        try:
            reading = read_country(country_text)
        except ValueError as exc:
            reading = str(exc)
        readings[country_text] = reading
    if isinstance(reading, str):
        raise ValidationError.single(f"country{side}", reading, row_no)
    return _City(
        name=name,
        country=reading,
        latitude=_coordinate(lat, f"lat{side}", 90, row_no),
        longitude=_coordinate(lng, f"lng{side}", 180, row_no),
    )


def _coordinate(text: str, column: str, limit: float, row_no: int) -> float:
    try:
        value = float(text)
    except ValueError:
        raise ValidationError.single(
            column, _("{value!r} is not a number").format(value=text), row_no
        ) from None
    if not -limit <= value <= limit:
        raise ValidationError.single(
            column, _("must be between {low} and {high}").format(low=-limit, high=limit), row_no
        )
    return value


def _check_new(
    store: _Store, cities: tuple[_City, _City], keys: tuple[CityKey, CityKey], row_no: int
) -> None:
    """A city not met before must make a valid record (name length, ranges …)."""
    for city, key in zip(cities, keys, strict=True):
        if store.known(key):
            continue
        c = Checker(row_no)
        store.candidate(city).check(c)
        c.raise_if_any()


def _register(
    store: _Store,
    cities: tuple[_City, _City],
    keys: tuple[CityKey, CityKey],
    report: TwinCitiesReport,
) -> None:
    ids: list[uuid.UUID] = []
    for city, key in zip(cities, keys, strict=True):
        first_time = key not in store.seen_cities
        store.seen_cities.add(key)
        own = store.is_own(city)
        if store.known(key):
            if first_time:
                if own:
                    report.municipalities_existing += 1
                else:
                    report.partners_existing += 1
            ids.append(store.id_of(key))
            continue
        ids.append(store.add(key, store.candidate(city)))
        if own:
            report.municipalities_added += 1
        else:
            report.partners_added += 1
    own_sides = [store.is_own(c) for c in cities]
    if all(own_sides):
        report.domestic += 1
    elif any(own_sides):
        municipality_id, partner_id = (ids[0], ids[1]) if own_sides[0] else (ids[1], ids[0])
        if (municipality_id, partner_id) in store.partnerships:
            report.partnerships_existing += 1
            return
        store.partnerships.add((municipality_id, partner_id))
        store.new_partnerships.append(
            Partnership(
                id=uuid.uuid4(),
                municipality_id=municipality_id,
                partner_id=partner_id,
                kind=PartnershipKind.TWIN,
                status=PartnershipStatus.ACTIVE,
            )
        )
        report.partnerships_added += 1
    else:
        link = (min(ids), max(ids))
        if link in store.links:
            report.links_existing += 1
            return
        store.links.add(link)
        store.new_links.append(link)
        report.links_added += 1


def _write(session: Session, store: _Store, db: Database, source: str) -> None:
    now = utcnow()
    user = db.user
    stamps = {
        "version": 1,
        "created_at": now,
        "created_by": user,
        "updated_at": now,
        "updated_by": user,
        "deleted_at": None,
        "deleted_by": None,
    }
    assert set(stamps) | {"id"} == set(META_FIELDS)

    def rows(items: list[Any], row_cls: type[Any]) -> list[dict[str, Any]]:
        return [{"id": i.id, **to_row_values(i, row_cls), **stamps} for i in items]

    _bulk(session, MunicipalityRow, rows(store.new_municipalities, MunicipalityRow))
    _bulk(session, PartnerRow, rows(store.new_partners, PartnerRow))
    _bulk(session, PartnershipRow, rows(store.new_partnerships, PartnershipRow))
    _bulk(
        session,
        TwinLinkRow,
        [
            {"id": uuid.uuid4(), "partner_a_id": a, "partner_b_id": b, "source": source[:300]}
            | {"created_at": now}
            for a, b in store.new_links
        ],
    )
    # Only the new records join the search index (the services index one record at a time).
    entries = _search_entries(MunicipalityService(db), store.new_municipalities)
    entries += _search_entries(PartnerService(db), store.new_partners)
    _bulk(session, SearchEntryRow, entries)


def _search_entries(service: CrudService[Any, Any, Any], items: list[Any]) -> list[dict[str, Any]]:
    entries = []
    for item in items:
        title, parts = service.search_text(item)
        entries.append(
            {
                "entity_kind": service.kind,
                "entity_id": item.id,
                "title": title[:1000],
                "folded": search_index.folded_text(title, parts),
            }
        )
    return entries


def _bulk(session: Session, row_cls: type[Any], values: list[dict[str, Any]]) -> None:
    for start in range(0, len(values), BATCH):
        session.execute(insert(row_cls), values[start : start + BATCH])


def known_twins(db: Database, partner_id: uuid.UUID) -> list[uuid.UUID]:
    """The other foreign cities the list names as twins of a partner (for its dossier)."""
    with db.reading() as session:
        rows = session.execute(
            select(TwinLinkRow.partner_a_id, TwinLinkRow.partner_b_id).where(
                (TwinLinkRow.partner_a_id == partner_id) | (TwinLinkRow.partner_b_id == partner_id)
            )
        )
        return sorted(b if a == partner_id else a for a, b in rows)
