"""CSV and JSON export/import: byte-identical round trips, all-or-nothing imports that name every
bad row, dry runs, records already present, and the generic serialization underneath."""

from __future__ import annotations

import datetime as dt
import json
import shutil
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import create_engine, text

from mumidesk.db.engine import Database
from mumidesk.domain.agreements import Agreement, AgreementParty, Signatory
from mumidesk.domain.delegations import Delegation, DelegationMember, ProgrammeItem
from mumidesk.domain.enums import (
    AgreementKind,
    AgreementStatus,
    AttachmentKind,
    BodyKind,
    CooperationArea,
    DelegationDirection,
    EventFormat,
    EventKind,
    ExchangeDirection,
    ExchangeKind,
    Gender,
    MunicipalityKind,
    OrganisationKind,
    ParentRelation,
    ParticipantCategory,
    PartnershipKind,
    PartnershipStatus,
    PartySide,
)
from mumidesk.domain.errors import ValidationError
from mumidesk.domain.events import Event
from mumidesk.domain.exchanges import ExchangeProgramme, Participation
from mumidesk.domain.fuzzy_date import FuzzyDate
from mumidesk.domain.municipalities import MunicipalBody, Municipality, Region
from mumidesk.domain.organisations import Membership, Organisation, Person
from mumidesk.domain.partners import Partner, Partnership
from mumidesk.services import serialization as ser
from mumidesk.services.import_export import (
    BUNDLE,
    KIND_SPECS,
    TRANSFER_KINDS,
    ImportExportService,
)
from mumidesk.services.registry import Services
from tests.conftest import TEMPLATE_DB

# Text that breaks naive CSV and encodings: Cyrillic, quotes, commas, semicolons, newlines.
TRICKY = 'Примечание, с "кавычками";\nвторая строка\r\nи «ёлочки» — ok'


@pytest.fixture
def empty_db(db: Database, request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Database]:
    """A second, empty database of the same kind as ``db``."""
    if db.is_sqlite:
        path = tmp_path / "second.db"
        shutil.copyfile(request.getfixturevalue("sqlite_template"), path)
        other = Database("sqlite:///" + path.as_posix(), user="someone-else")
        yield other
        other.dispose()
        return
    server = request.getfixturevalue("pg_server")
    name = "t_" + uuid.uuid4().hex[:12]
    admin = create_engine(server.url(), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f"CREATE DATABASE {name} TEMPLATE {TEMPLATE_DB}"))
    other = Database(server.url(name), user="someone-else")
    yield other
    other.dispose()
    with admin.connect() as conn:
        conn.execute(text(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
    admin.dispose()


def fill_every_field(s: Services) -> dict[str, Any]:
    """One or two records of every kind, every field set (lists, nested records, enums …)."""
    region = s.regions.create(
        Region(
            name_ru="Смоленская область",
            name_ru_genitive="Смоленской области",
            name_en="Smolensk Oblast",
            code="RU-SMO",
        )
    )
    town = s.municipalities.create(
        Municipality(
            name_ru="Смоленск",
            name_en="Smolensk",
            official_name_ru='Муниципальное образование "город Смоленск"',
            kind=MunicipalityKind.URBAN_DISTRICT,
            region_id=region.id,
            population=316_570,
            website="https://smoladmin.ru",
            bodies=[
                MunicipalBody(
                    kind=BodyKind.ADMINISTRATION,
                    name_ru="Администрация города Смоленска",
                    name_en="Administration of Smolensk",
                    head_name="Новиков А. А.",
                    head_position="Глава города",
                ),
                MunicipalBody(kind=BodyKind.REPRESENTATIVE, name_ru="Смоленский городской Совет"),
            ],
        )
    )
    hansa = s.organisations.create(
        Organisation(
            name_ru="Международный Ганзейский союз",
            name_en="The Hanseatic League",
            short_name="Ганза",
            kind=OrganisationKind.ASSOCIATION,
            country_code="NL",
            website="https://www.hanse.org",
            email="info@hanse.org",
            phone="+31 38 498 4444",
            notes=TRICKY,
        )
    )
    person = s.people.create(
        Person(
            last_name="Иванова",
            first_name="Мария",
            patronymic="Петровна",
            gender=Gender.FEMALE,
            position="начальник отдела, «международный»",
            organisation_id=hansa.id,
            municipality_id=town.id,
            email="ivanova@example.ru",
            phone="8 (4812) 38-00-00",
            notes=TRICKY,
        )
    )
    membership = s.memberships.create(
        Membership(
            municipality_id=town.id,
            organisation_id=hansa.id,
            since=dt.date(2004, 5, 1),
            until=dt.date(2030, 1, 1),
            role="член",
        )
    )
    hagen = s.partners.create(
        Partner(
            name_ru="Хаген",
            name_en="Hagen",
            name_local="Hagen, Westfalen",
            country_code="de",
            region="Северный Рейн — Вестфалия",
            population=188_814,
            latitude=51.3671,
            longitude=7.4633,
            website="https://www.hagen.de",
            notes=TRICKY,
        )
    )
    mogilev = s.partners.create(Partner(name_ru="Могилёв", country_code="BY"))
    base = s.agreements.create(
        Agreement(
            title='Соглашение о сотрудничестве, "побратимство"',
            kind=AgreementKind.TWINNING,
            municipality_id=town.id,
            subject=TRICKY,
            parties=[
                AgreementParty(
                    side=PartySide.OWN,
                    name_ru="Администрация города Смоленска",
                    name_en="Administration of Smolensk",
                    municipality_id=town.id,
                    body_id=town.bodies[0].id,
                    signatories=[
                        Signatory(
                            full_name="Новиков Андрей Александрович",
                            position="Глава города Смоленска",
                            gender=Gender.MALE,
                            person_id=person.id,
                            acts_on_basis_of="Устава",
                        )
                    ],
                ),
                AgreementParty(
                    side=PartySide.PARTNER,
                    name_en="City of Hagen",
                    partner_id=hagen.id,
                    signatories=[Signatory(full_name="Erik O. Schulz", position="Mayor")],
                ),
                AgreementParty(side=PartySide.THIRD, name_ru="Ганза", organisation_id=hansa.id),
            ],
            areas=[CooperationArea.CULTURE, CooperationArea.EDUCATION, CooperationArea.YOUTH],
            languages=["ru", "de"],
            planned_signing_date=dt.date(2020, 3, 1),
            term_months=60,
            auto_prolongation=True,
            prolongation_months=12,
            notice_lead_days=[120, 30],
            notes=TRICKY,
        )
    )
    assert base.id is not None
    for target, facts in (
        (AgreementStatus.SENT_FOR_APPROVAL, {"approval_requested_on": dt.date(2020, 1, 10)}),
        (
            AgreementStatus.APPROVED,
            {"approval_decision_no": "№ 12-р", "approval_decision_date": dt.date(2020, 2, 1)},
        ),
        (AgreementStatus.SIGNED, {"signed_date": dt.date(2020, 3, 2), "signed_place": "Хаген"}),
        (
            AgreementStatus.SUBMITTED_FOR_REGISTRATION,
            {"registration_submitted_on": dt.date(2020, 3, 10)},
        ),
        (
            AgreementStatus.REGISTERED,
            {"registration_number": "RU-67/2020-1", "registration_date": dt.date(2020, 4, 1)},
        ),
        (AgreementStatus.SUSPENDED, {"suspended_on": dt.date(2021, 1, 1)}),
        (AgreementStatus.TERMINATED, {"ended_on": dt.date(2022, 1, 1)}),
    ):
        base = s.agreements.advance(base.id, target, **facts)
    amendment = s.agreements.create(
        Agreement(
            title="Дополнительное соглашение № 1",
            kind=AgreementKind.AMENDMENT,
            parent_id=base.id,
            parent_relation=ParentRelation.AMENDMENT,
            languages=[],
            notice_lead_days=[],
        )
    )
    partnership = s.partnerships.create(
        Partnership(
            municipality_id=town.id,
            partner_id=hagen.id,
            kind=PartnershipKind.TWIN,
            status=PartnershipStatus.DORMANT,
            since=dt.date(1985, 6, 1),
            until=dt.date(2022, 3, 1),
            agreement_id=base.id,
            notes=TRICKY,
        )
    )
    delegation = s.delegations.create(
        Delegation(
            title="Визит делегации г. Хагена",
            direction=DelegationDirection.INCOMING,
            municipality_id=town.id,
            partner_ids=[hagen.id, mogilev.id],
            start_date=dt.date(2019, 9, 10),
            end_date=dt.date(2019, 9, 12),
            place="Смоленск, ул. Ленина, 1",
            purpose=TRICKY,
            outcome="договорились, что…",
            members=[
                DelegationMember(
                    full_name="Erik O. Schulz",
                    position="Oberbürgermeister",
                    organisation="Stadt Hagen",
                    is_head=True,
                ),
                DelegationMember(full_name="Мария Иванова", person_id=person.id),
            ],
            programme=[
                ProgrammeItem(
                    day=dt.date(2019, 9, 10),
                    start_time=dt.time(10, 0),
                    end_time=dt.time(11, 30, 15),
                    title_ru="Встреча, «круглый стол»",
                    title_en='Meeting "round table"',
                    place="Мэрия",
                    responsible="Отдел, международный",
                ),
                ProgrammeItem(day=dt.date(2019, 9, 11), title_en="Excursion"),
            ],
            agreement_ids=[base.id],
            report_submitted_on=dt.date(2019, 9, 15),
        )
    )
    event = s.events.create(
        Event(
            name="Форум городов-побратимов России и Беларуси",
            municipality_id=town.id,
            kind=EventKind.FORUM,
            format=EventFormat.HYBRID,
            place="Калуга",
            dates=FuzzyDate.range(dt.date(2020, 4, 8), dt.date(2020, 4, 20)),
            content=TRICKY,
            participants="Иванова М. П., начальник отдела;\nансамбль «Смоляне»",
            participant_count=150,
            organiser="Россотрудничество",
            country_codes=["BY", "ru"],
            partner_ids=[mogilev.id],
            agreement_ids=[base.id],
        )
    )
    month_event = s.events.create(
        Event(name="Флешмоб", format=EventFormat.ONLINE, dates=FuzzyDate.month(2020, 5))
    )
    exchange = s.exchanges.create(
        ExchangeProgramme(
            title="Обмен школьниками",
            kind=ExchangeKind.YOUTH,
            municipality_id=town.id,
            partner_ids=[hagen.id],
            start_date=dt.date(2015, 1, 1),
            end_date=dt.date(2020, 12, 31),
            organisations="Гимназия № 1, Gesamtschule Hagen",
            description=TRICKY,
            participations=[
                Participation(
                    year=2019,
                    category=ParticipantCategory.PUPILS,
                    direction=ExchangeDirection.OUTBOUND,
                    count=25,
                ),
                Participation(
                    year=2019,
                    category=ParticipantCategory.TEACHERS,
                    direction=ExchangeDirection.INBOUND,
                    count=3,
                ),
            ],
        )
    )
    # A record edited twice: its version (3) must survive the round trip.
    mogilev.name_en = "Mogilev"
    mogilev = s.partners.update(mogilev)
    mogilev.notes = "второй раз"
    mogilev = s.partners.update(mogilev)
    assert mogilev.version == 3
    return {
        "town": town,
        "hagen": hagen,
        "mogilev": mogilev,
        "base": base,
        "amendment": amendment,
        "partnership": partnership,
        "delegation": delegation,
        "event": event,
        "month_event": month_event,
        "exchange": exchange,
        "membership": membership,
    }


@pytest.mark.parametrize("fmt", ["csv", "json"])
def test_export_reimported_into_an_empty_database_exports_the_same_bytes(
    services: Services, empty_db: Database, tmp_path: Path, fmt: str
) -> None:
    records = fill_every_field(services)
    first = tmp_path / "first"
    second = tmp_path / "second"
    first.mkdir()
    second.mkdir()
    source = ImportExportService(services.db)
    target = ImportExportService(empty_db)
    for kind in TRANSFER_KINDS:  # dependency order: references resolve
        source.export(kind, first / f"{kind}.{fmt}", fmt)
        report = target.import_(kind, first / f"{kind}.{fmt}")
        assert report.already_present == []
    for kind in TRANSFER_KINDS:
        target.export(kind, second / f"{kind}.{fmt}")
        assert (second / f"{kind}.{fmt}").read_bytes() == (first / f"{kind}.{fmt}").read_bytes()

    copy = Services.for_database(empty_db)
    # Ids, versions and stamps were kept although another user imported them.
    assert copy.partners.get(records["mogilev"].id) == records["mogilev"]
    assert copy.agreements.get(records["base"].id) == records["base"]
    assert copy.agreements.get(records["base"].id).status is AgreementStatus.TERMINATED
    assert copy.delegations.get(records["delegation"].id) == records["delegation"]
    assert copy.events.get(records["month_event"].id) == records["month_event"]
    assert copy.exchanges.get(records["exchange"].id) == records["exchange"]
    assert copy.municipalities.get(records["town"].id) == records["town"]
    # The search index was filled as records were created.
    assert [h.id for h in copy.search.search("хаген", kinds=["partner"])] == [records["hagen"].id]


def test_csv_is_utf8_with_bom_and_quotes_what_needs_quoting(
    services: Services, tmp_path: Path
) -> None:
    fill_every_field(services)
    path = tmp_path / "partners.csv"
    assert ImportExportService(services.db).export("partners", path) == 2
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # Excel on Windows needs it to show Cyrillic
    header = raw[3:].split(b"\r\n", 1)[0].decode()
    assert header.startswith("id,version,created_at,created_by,updated_at")
    assert '"Примечание, с ""кавычками"";\nвторая строка\r\nи «ёлочки» — ok"' in raw.decode(
        "utf-8-sig"
    )


def test_bundle_moves_the_whole_database_including_attachment_bytes(
    services: Services, empty_db: Database, tmp_path: Path
) -> None:
    records = fill_every_field(services)
    content = "Скан соглашения".encode() + bytes(range(256))
    scan = services.attachments.attach(
        "agreement", records["base"].id, content, "скан.pdf", kind=AttachmentKind.SIGNED_SCAN
    )
    bundle = tmp_path / "all.json"
    count = ImportExportService(services.db).export(BUNDLE, bundle)
    document = json.loads(bundle.read_text(encoding="utf-8"))
    assert document["kind"] == BUNDLE
    assert list(document["kinds"]) == [spec.name for spec in KIND_SPECS]
    assert count == sum(len(v) for v in document["kinds"].values())

    report = ImportExportService(empty_db).import_(BUNDLE, bundle)
    assert report.total_created == count
    assert report.created["agreements"] == 2
    copy = Services.for_database(empty_db)
    assert copy.attachments.content(scan.id) == content
    assert copy.attachments.get(scan.id) == scan
    again = tmp_path / "again.json"
    ImportExportService(empty_db).export(BUNDLE, again)
    assert again.read_bytes() == bundle.read_bytes()

    # One kind can be taken out of a bundle.
    third = ImportExportService(empty_db).import_("partners", bundle, dry_run=True)
    assert third.created == {"partners": 0}
    assert len(third.already_present) == 2


def test_amendment_listed_before_its_parent_is_imported(
    services: Services, empty_db: Database, tmp_path: Path
) -> None:
    records = fill_every_field(services)
    path = tmp_path / "agreements.json"
    for kind in ("regions", "municipalities", "organisations", "people", "partners"):
        ImportExportService(services.db).export(kind, tmp_path / f"{kind}.json")
        ImportExportService(empty_db).import_(kind, tmp_path / f"{kind}.json")
    ImportExportService(services.db).export("agreements", path)
    document = json.loads(path.read_text(encoding="utf-8"))
    document["records"].sort(key=lambda r: r["parent_id"] is None)  # the amendment first
    assert document["records"][0]["id"] == str(records["amendment"].id)
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    report = ImportExportService(empty_db).import_("agreements", path)
    assert report.created == {"agreements": 2}


def test_records_already_present_are_skipped_and_reported(
    services: Services, tmp_path: Path
) -> None:
    records = fill_every_field(services)
    path = tmp_path / "partners.csv"
    ImportExportService(services.db).export("partners", path)
    new_row = ",,,,,,,,,Brest,,BY,,,,,,\r\n"
    path.write_bytes(path.read_bytes() + new_row.encode())
    report = ImportExportService(services.db).import_("partners", path)
    assert report.created == {"partners": 1}
    assert [(p.kind, p.row, p.id) for p in report.already_present] == [
        ("partners", 2, records["mogilev"].id),  # sorted by Russian name: М before Х
        ("partners", 3, records["hagen"].id),
    ]
    assert services.partners.list().total == 3
    assert services.partners.get(records["mogilev"].id).version == 3  # untouched


def _write_csv(path: Path, lines: list[str], bom: bool = True) -> Path:
    path.write_bytes(("\ufeff" if bom else "").encode() + "\r\n".join(lines).encode() + b"\r\n")
    return path


EVENT_HEADER = "name,kind,format,dates.start,dates.end,dates.precision,country_codes"
GOOD_EVENT = "Форум,forum,online,2020-04-08,2020-04-20,range,BY;RU"


@pytest.mark.parametrize(
    ("kind", "header", "bad", "field", "message"),
    [
        (
            "events",
            EVENT_HEADER,
            "Форум, второй,forum,online,2020-04-08,2020-04-20,range,BY",
            "columns",
            "has 8 values, the header has 7",
        ),
        (
            "events",
            EVENT_HEADER,
            "Встреча,meeting,online,2020-02-30,2020-03-03,range,BY",
            "dates.start",
            "'2020-02-30' is not a date (YYYY-MM-DD)",
        ),
        (
            "events",
            EVENT_HEADER,
            "Встреча,party,online,2020-02-03,2020-02-03,day,BY",
            "kind",
            "unknown code 'party'; allowed: forum, conference",
        ),
        (
            "events",
            EVENT_HEADER,
            "Встреча,meeting,online,2020-02-03,2020-02-03,day,BY;XX",
            "country_codes[1]",
            "'XX' is not an ISO 3166 country code (e.g. RU, BY, ZM)",
        ),
        (
            "partners",
            "name_ru,name_en,country_code,latitude",
            "Лусака,Lusaka,XX,-15.4",
            "country_code",
            "'XX' is not an ISO 3166 country code (e.g. RU, BY, ZM)",
        ),
    ],
)
def test_a_bad_csv_row_is_named_by_row_and_field_and_nothing_is_written(
    services: Services,
    tmp_path: Path,
    kind: str,
    header: str,
    bad: str,
    field: str,
    message: str,
) -> None:
    good = GOOD_EVENT if kind == "events" else "Могилёв,Mogilev,BY,53.9"
    path = _write_csv(tmp_path / f"{kind}.csv", [header, good, bad])
    with pytest.raises(ValidationError) as caught:
        ImportExportService(services.db).import_(kind, path)
    [problem] = caught.value.problems
    assert (problem.row, problem.field) == (3, field)
    assert problem.message.startswith(message)
    assert str(problem).startswith(f"row 3, {field}: {message}")
    # The good row 2 was rolled back with the rest.
    assert services.events.list().total == 0
    assert services.partners.list().total == 0
    assert services.search.search("могилёв") == []


def test_every_bad_row_is_reported_at_once(services: Services, tmp_path: Path) -> None:
    path = _write_csv(
        tmp_path / "partners.csv",
        [
            "name_ru,country_code,population,latitude",
            "Хаген,DE,188814,51.37",
            "Лусака,ZZ,,",  # row 3
            ",BY,,",  # row 4: no name
            "Брест,BY,много,много",  # row 5: two values that are no numbers
            "Гомель,BY,,91",  # row 6: out of range
            "Минск,BY,,53.9",
        ],
    )
    with pytest.raises(ValidationError) as caught:
        ImportExportService(services.db).import_("partners", path)
    found = [(p.row, p.field) for p in caught.value.problems]
    assert found == [
        (3, "country_code"),
        (4, "name_ru"),
        (5, "population"),
        (5, "latitude"),
        (6, "latitude"),
    ]
    assert services.partners.list().total == 0


def test_header_problems_are_reported_on_row_1(services: Services, tmp_path: Path) -> None:
    path = _write_csv(tmp_path / "events.csv", ["name,colour,dates.start", "Форум,red,2020-01-01"])
    with pytest.raises(ValidationError) as caught:
        ImportExportService(services.db).import_("events", path)
    problems = {(p.row, p.field) for p in caught.value.problems}
    assert problems == {(1, "colour"), (1, "dates.end"), (1, "dates.precision")}


def test_dry_run_checks_everything_and_writes_nothing(services: Services, tmp_path: Path) -> None:
    path = _write_csv(
        tmp_path / "events.csv", [EVENT_HEADER, GOOD_EVENT, GOOD_EVENT.replace("Форум", "Слёт")]
    )
    report = ImportExportService(services.db).import_("events", path, dry_run=True)
    assert report.dry_run
    assert report.created == {"events": 2}
    assert services.events.list().total == 0
    assert services.search.search("форум") == []

    bad = _write_csv(tmp_path / "bad.csv", [EVENT_HEADER, GOOD_EVENT.replace("forum", "x")])
    with pytest.raises(ValidationError):
        ImportExportService(services.db).import_("events", bad, dry_run=True)

    report = ImportExportService(services.db).import_("events", path)
    assert report.created == {"events": 2}
    assert services.events.list().total == 2


def test_excel_style_csv_with_semicolons_no_bom_and_dotted_dates(
    services: Services, tmp_path: Path
) -> None:
    path = _write_csv(
        tmp_path / "events.csv",
        [
            "name;kind;format;dates.start;dates.end;dates.precision;participant_count",
            "Форум «Россия — Беларусь»;forum;in_person;08.04.2020;20.04.2020;range;150",
            ";;;;;;",  # the blank line a spreadsheet leaves
        ],
        bom=False,
    )
    report = ImportExportService(services.db).import_("events", path)
    assert report.created == {"events": 1}
    [event] = services.events.all()
    assert event.dates == FuzzyDate.range(dt.date(2020, 4, 8), dt.date(2020, 4, 20))
    assert event.participant_count == 150
    assert event.version == 1 and event.created_by == "tester"


def test_json_problems_name_the_record_and_the_nested_field(
    services: Services, tmp_path: Path
) -> None:
    path = tmp_path / "agreements.json"
    path.write_text(
        json.dumps(
            {
                "format": "mumidesk",
                "format_version": 1,
                "kind": "agreements",
                "records": [
                    {"title": "Хорошее"},
                    {"title": "Плохое", "parties": [{"side": "own", "signatories": [{}]}]},
                    {"title": "Ещё", "colour": "red", "signed_date": "вчера"},
                ],
            },
            ensure_ascii=False,
        ),
        encoding="utf-8",
    )
    with pytest.raises(ValidationError) as caught:
        ImportExportService(services.db).import_("agreements", path)
    assert [(p.row, p.field) for p in caught.value.problems] == [
        (2, "parties[0].signatories[0].full_name"),
        (3, "colour"),
        (3, "signed_date"),
    ]
    assert services.agreements.list().total == 0


@pytest.mark.parametrize(
    ("content", "field"),
    [
        ("{not json", "file"),
        ('{"format": "something else"}', "file"),
        ('{"format": "mumidesk", "format_version": 1, "kind": "events", "records": []}', "kind"),
        ('{"format": "mumidesk", "format_version": 99, "kind": "partners"}', "format_version"),
    ],
)
def test_unreadable_json_files_are_refused(
    services: Services, tmp_path: Path, content: str, field: str
) -> None:
    path = tmp_path / "partners.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ValidationError) as caught:
        ImportExportService(services.db).import_("partners", path)
    assert caught.value.fields == [field]


# --- serialization without a database -----------------------------------------------------------
@dataclass(kw_only=True)
class _Sample:
    words: list[str] = field(default_factory=list)
    when: dt.datetime | None = None
    ratio: float = 0.0
    flag: bool = False
    note: str | None = None


def test_lists_whose_items_hold_the_separator_fall_back_to_a_json_cell() -> None:
    sample = _Sample(words=["a;b", " padded", ""], when=dt.datetime(2020, 1, 2, 3, 4, 5, 6))
    cells = dict(zip(ser.csv_columns(_Sample), ser.to_csv_row(sample), strict=True))
    assert cells["words"] == '["a;b", " padded", ""]'
    assert cells["when"] == "2020-01-02T03:04:05.000006"
    assert ser.from_csv_row(_Sample, cells) == sample
    plain = ser.to_plain(sample)
    assert ser.from_plain(_Sample, json.loads(json.dumps(plain))) == sample


def test_plain_values_are_checked_by_type() -> None:
    with pytest.raises(ValidationError) as caught:
        ser.from_plain(_Sample, {"words": "x", "ratio": True, "flag": "perhaps"}, row=7)
    assert {(p.field, p.row) for p in caught.value.problems} == {
        ("words", 7),
        ("ratio", 7),
        ("flag", 7),
    }
    assert ser.from_plain(_Sample, {"ratio": 2, "flag": "да", "note": ""}) == _Sample(
        ratio=2.0, flag=True, note=""
    )


def test_a_reference_no_check_covers_still_names_the_row(
    services: Services, tmp_path: Path
) -> None:
    """A signatory's person is enforced only by the database: the row is still named."""
    path = tmp_path / "agreements.json"
    ghost = str(uuid.uuid4())
    records = [
        {"title": "Первое"},
        {"title": "Второе", "parties": [{"side": "own", "signatories": [
            {"full_name": "Никто", "person_id": ghost}
        ]}]},
    ]  # fmt: skip
    path.write_text(json.dumps(records, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(ValidationError) as caught:
        ImportExportService(services.db).import_("agreements", path)
    [problem] = caught.value.problems
    assert (problem.row, problem.field) == (2, "record")
    assert services.agreements.list().total == 0
