"""The annual report of international ties: the numbers of the demo data, the PDF read back in
Russian and English (counts, countries, agreements of the year, month names on the chart),
fonts, metadata, an empty year, and the report of a region or of chosen municipalities."""

from __future__ import annotations

import datetime as dt
import shutil
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from pypdf.generic import ContentStream

from mumidesk import i18n
from mumidesk.db.engine import Database
from mumidesk.domain.agreements import Agreement
from mumidesk.domain.enums import AgreementStatus, PartnershipKind, PartnershipStatus
from mumidesk.domain.errors import ValidationError
from mumidesk.domain.lifecycle import path as lifecycle_path
from mumidesk.domain.municipalities import Municipality, Region
from mumidesk.domain.partners import Partner, Partnership
from mumidesk.reports.annual import AnnualReport, Count, build_annual
from mumidesk.reports.annual_pdf import write_annual_pdf
from mumidesk.services.demo import demo_id, load_demo
from mumidesk.services.registry import Services

TODAY = dt.date(2025, 1, 10)  # the report is printed before the 15 January deadline
SMOLENSK_REGION = demo_id("region/smolensk")
SMOLENSK = demo_id("municipality/smolensk")
DESNOGORSK = demo_id("municipality/desnogorsk")
KALUGA = demo_id("municipality/kaluga")
TULA_TITLE = (
    "Соглашение о сотрудничестве между Городской Думой города Калуги и Тульской городской Думой"
)
SMOLENSK_TITLE = (
    "Соглашение о сотрудничестве между Городской Думой города Калуги и Смоленским городским Советом"
)


def flat(text: str) -> str:
    """Extracted text with every run of spaces and line breaks as one space (cells wrap)."""
    return " ".join(text.split())


def pdf_text(path: Path) -> str:
    return flat(" ".join(page.extract_text() for page in PdfReader(path).pages))


def fonts_showing_text(path: Path) -> set[str]:
    """The fonts every text-showing operator of every page draws with."""
    reader = PdfReader(path)
    used: set[str] = set()
    for page in reader.pages:
        fonts: Any = page["/Resources"]
        fonts = fonts["/Font"]
        current = ""
        for operands, operator in ContentStream(page.get_contents(), reader).operations:
            if operator == b"Tf":
                current = str(fonts[operands[0]]["/BaseFont"])
            elif operator in (b"Tj", b"TJ", b"'", b'"'):
                used.add(current)
    return used


@pytest.fixture(scope="module")
def demo_file(sqlite_template: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo data loaded once; each test works on its own copy."""
    path = tmp_path_factory.mktemp("annual") / "demo.db"
    shutil.copyfile(sqlite_template, path)
    db = Database("sqlite:///" + path.as_posix(), user="tester")
    load_demo(Services.for_database(db))
    with db.engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    db.dispose()
    return path


@pytest.fixture
def demo(demo_file: Path, tmp_path: Path) -> Iterator[Services]:
    path = tmp_path / "demo.db"
    shutil.copyfile(demo_file, path)
    db = Database("sqlite:///" + path.as_posix(), user="tester")
    yield Services.for_database(db)
    db.dispose()


def counts(items: tuple[Count, ...]) -> dict[str, int]:
    return {item.label: item.count for item in items}


def write(report: AnnualReport, tmp_path: Path, name: str) -> Path:
    target = tmp_path / name
    write_annual_pdf(report, target)
    return target


# --- the model ---------------------------------------------------------------------------------


def test_numbers_of_the_demo_year_2020(demo: Services) -> None:
    report = build_annual(demo, 2020, today=TODAY)
    assert report.title == "Report on the international ties for 2020"
    assert report.scope == ""
    assert report.municipality_count == 6
    # The six Smolensk-region events of Q2 and the Volgograd flash-mob of May.
    assert report.event_count == 7
    assert {m.name: m.count for m in report.events_by_month if m.count} == {
        "April": 1,
        "May": 2,
        "June": 4,
    }
    assert [m.short for m in report.events_by_month][:3] == ["Jan", "Feb", "Mar"]
    assert counts(report.events_by_format) == {"In person": 0, "Online": 7, "Hybrid": 0}
    assert sum(c.count for c in report.events_by_kind) == 7
    assert counts(report.events_by_municipality) == {
        "Desnogorsk": 3,
        "Kaluga": 0,
        "Roslavl District": 1,
        "Rostov-on-Don": 0,
        "Smolensk": 2,
        "Volgograd": 1,
    }
    # Volgograd's student exchanges with Chemnitz (2 + 3) and Dijon (14 + 15).
    assert [(p.category, p.inbound, p.outbound) for p in report.participants] == [
        ("Students", 16, 18)
    ]
    assert report.participant_count == 34
    # Partnerships and partners are as they stand; the same numbers as the statistics.
    stats = demo.statistics
    assert counts(report.partnerships_by_kind) == {
        "Twin city": 48,
        "Partner city": 23,
        "Cooperation": 0,
    }
    all_kinds = tuple(PartnershipKind)
    assert report.partner_count == stats.partner_count(kinds=all_kinds)
    assert report.country_count == len(stats.partners_by_country(kinds=all_kinds))
    assert report.partners_by_country[0].name == "Russia"
    assert report.delegation_count == 0
    assert report.delegations == ()
    assert report.concluded == () and report.expired == ()


def test_agreements_and_delegations_of_the_demo(demo: Services, tmp_path: Path) -> None:
    concluded = build_annual(demo, 2016, today=TODAY).concluded
    assert [a.title for a in concluded] == [TULA_TITLE, SMOLENSK_TITLE]
    assert concluded[0].signed == "November 25, 2016, г. Тула"
    assert concluded[0].registration == "No. 14-МС/2016 of December 20, 2016"
    assert concluded[0].status == "Prolonged"

    report = build_annual(demo, 2017, today=TODAY)
    assert report.concluded == ()  # registered in 2017, concluded (signed) in 2016
    (kaluga,) = report.delegations
    assert kaluga.dates == "March 30\u201331"
    assert kaluga.direction == "Outgoing"
    assert kaluga.partners == "Mogilev (Belarus)"
    assert counts(report.delegations_by_direction) == {"Incoming": 0, "Outgoing": 1, "Online": 0}
    assert report.event_count == 1
    text = pdf_text(write(report, tmp_path, "2017.pdf"))
    assert "Delegations in 2017" in text
    assert "Outgoing 1" in text
    assert "Mogilev (Belarus)" in text
    assert "March 30–31" in text


def conclude(
    services: Services, title: str, signed: dt.date, municipality: uuid.UUID, **last: Any
) -> Agreement:
    """An agreement walked to registration with plausible facts."""
    facts: dict[AgreementStatus, dict[str, Any]] = {
        AgreementStatus.SENT_FOR_APPROVAL: {"approval_requested_on": signed - dt.timedelta(60)},
        AgreementStatus.APPROVED: {
            "approval_decision_no": "7-р",
            "approval_decision_date": signed - dt.timedelta(10),
        },
        AgreementStatus.SIGNED: {"signed_date": signed, "signed_place": "г. Смоленск"},
        AgreementStatus.SUBMITTED_FOR_REGISTRATION: {
            "registration_submitted_on": signed + dt.timedelta(3)
        },
        AgreementStatus.REGISTERED: {
            "registration_number": "3-МС/2019",
            "registration_date": signed + dt.timedelta(5),
            **last,
        },
    }
    saved = services.agreements.create(
        Agreement(title=title, municipality_id=municipality, term_months=24)
    )
    key = saved.id
    assert key is not None
    for step in lifecycle_path(AgreementStatus.DRAFT, AgreementStatus.REGISTERED):
        saved = services.agreements.advance(key, step, **facts.get(step, {}))
    return saved


def test_expired_agreements_of_a_year(demo: Services, tmp_path: Path) -> None:
    title = "Соглашение & «протокол» <о намерениях> с Гомелем"
    conclude(demo, title, dt.date(2019, 3, 4), SMOLENSK, expires_on=dt.date(2021, 3, 3))
    report = build_annual(demo, 2021, today=TODAY)
    (expired,) = report.expired
    assert (expired.title, expired.ran_out) == (title, "March 3, 2021")
    assert build_annual(demo, 2021, today=dt.date(2021, 3, 1)).expired == ()  # not yet
    assert [a.title for a in build_annual(demo, 2019, today=TODAY).concluded] == [title]

    text = pdf_text(write(report, tmp_path, "2021.pdf"))
    assert "Agreements expired in 2021" in text
    assert flat(title) in text  # markup characters print literally
    assert "March 3, 2021" in text
    assert "Agreements expired 1" in text  # the overview counts it


def test_scope_of_a_region_and_of_municipalities(demo: Services) -> None:
    # A partner shared by two municipalities of the region counts once.
    gomel = demo.partners.create(Partner(name_ru="Гомель", name_en="Gomel", country_code="BY"))
    assert gomel.id is not None
    for municipality in (SMOLENSK, DESNOGORSK):
        demo.partnerships.create(
            Partnership(
                municipality_id=municipality, partner_id=gomel.id, kind=PartnershipKind.TWIN
            )
        )
    region = build_annual(demo, 2020, region_id=SMOLENSK_REGION, today=TODAY)
    assert region.title == (
        "Report on the international ties of the municipalities of Smolensk Oblast for 2020"
    )
    assert region.scope == "Smolensk Oblast: Desnogorsk, Roslavl District, Smolensk"
    assert region.municipality_count == 3
    assert region.event_count == 6  # Volgograd's flash-mob is not the region's
    belarus = next(c for c in region.partners_by_country if c.code == "BY")
    smolensk_only = build_annual(demo, 2020, municipality_ids=(SMOLENSK,), today=TODAY)
    smolensk_belarus = next(c for c in smolensk_only.partners_by_country if c.code == "BY")
    assert belarus.count == smolensk_belarus.count  # Gomel once, though Desnogorsk has it too
    assert counts(region.partnerships_by_kind)["Twin city"] == (
        counts(smolensk_only.partnerships_by_kind)["Twin city"] + 1
    )
    assert smolensk_only.scope == "Smolensk"
    assert counts(smolensk_only.events_by_municipality) == {"Smolensk": 2}

    # The Kaluga–Smolensk agreement names both: once in a report on the two.
    both = build_annual(demo, 2016, municipality_ids=(KALUGA, SMOLENSK), today=TODAY)
    assert [a.title for a in both.concluded] == [TULA_TITLE, SMOLENSK_TITLE]
    assert (
        both.agreement_count == build_annual(demo, 2016, municipality_ids=(KALUGA,)).agreement_count
    )


def test_a_region_without_municipalities_is_refused(demo: Services) -> None:
    empty = demo.regions.create(Region(name_ru="Тульская область"))
    assert empty.id is not None
    with pytest.raises(ValidationError) as err:
        build_annual(demo, 2020, region_id=empty.id)
    assert err.value.fields == ["region"]
    with pytest.raises(ValidationError) as err:
        build_annual(demo, 0)
    assert err.value.fields == ["year"]


# --- the PDF -----------------------------------------------------------------------------------


def test_pdf_in_russian_and_english(demo: Services, tmp_path: Path) -> None:
    with i18n.language("ru"):
        ru_report = build_annual(demo, 2020, today=TODAY)
        ru = write(ru_report, tmp_path, "ru.pdf")
    en_report = build_annual(demo, 2020, today=TODAY)
    en = write(en_report, tmp_path, "en.pdf")
    ru_text, en_text = pdf_text(ru), pdf_text(en)

    for text, report in ((ru_text, ru_report), (en_text, en_report)):
        assert flat(report.title) in text
        # The top countries are on the chart and in the table: twice.
        for country in report.partners_by_country[:15]:
            assert text.count(flat(country.name)) >= 2, country.name
        for month in report.events_by_month:  # the chart's labels
            assert flat(month.short) in text, month.short
    for name in ("Беларусь", "Германия", "Китай", "Сейшельские о-ва"):
        assert name in ru_text
    for name in ("Belarus", "Germany", "China", "Seychelles"):
        assert name in en_text
    assert "Янв." in ru_text and "Дек." in ru_text
    assert "Jan" in en_text and "Dec" in en_text

    # The counts: overview, per municipality, per month (full names), participants.
    for line in (
        "Own municipalities covered 6",
        "Partner cities (current partnerships) 67",
        "Countries of the partner cities 31",
        "Twin city 48",
        "Partner city 23",
        "Partnerships in total 71",
        "International events 7",
        "Participants of exchange programmes 34",
        "Desnogorsk 3",
        "Roslavl District 1",
        "April 1",
        "May 2",
        "June 4",
        "Events in total 7",
        "Students 16 18 34",
        "Agreements concluded in 2020 None.",
    ):
        assert line in en_text, line
    assert "Десногорск 3" in ru_text
    assert "Июнь 4" in ru_text

    reader = PdfReader(en)
    assert reader.metadata is not None
    assert reader.metadata.title == "Report on the international ties for 2020"
    assert reader.metadata.subject == "Annual report of international ties"
    ru_meta = PdfReader(ru).metadata
    assert ru_meta is not None and ru_meta.title == ru_report.title
    assert ru_meta.subject == i18n_subject("ru")


def i18n_subject(lang: str) -> str:
    with i18n.language(lang):
        return i18n._("Annual report of international ties")


def test_concluded_agreements_in_the_pdf(demo: Services, tmp_path: Path) -> None:
    with i18n.language("ru"):
        ru = write(build_annual(demo, 2016, today=TODAY), tmp_path, "ru.pdf")
    en = write(build_annual(demo, 2016, today=TODAY), tmp_path, "en.pdf")
    for text in (pdf_text(ru), pdf_text(en)):
        assert flat(TULA_TITLE) in text
        assert flat(SMOLENSK_TITLE) in text
        assert text.index(flat(TULA_TITLE)) < text.index(flat(SMOLENSK_TITLE))  # by signing
        assert "14-МС/2016" in text and "1-МС/2017" in text
    assert "25 ноября 2016" in pdf_text(ru)
    assert "November 25, 2016" in pdf_text(en)
    assert "Agreements concluded 2" in pdf_text(en)


def test_charts_use_the_kit_fonts_only(demo: Services, tmp_path: Path) -> None:
    with i18n.language("ru"):
        target = write(build_annual(demo, 2020, today=TODAY), tmp_path, "ru.pdf")
    used = fonts_showing_text(target)
    assert used, "no text found"
    assert all("Liberation" in name for name in used), used  # never Helvetica: black boxes


def test_an_empty_year_and_an_empty_database(
    demo: Services, services: Services, tmp_path: Path
) -> None:
    text = pdf_text(write(build_annual(demo, 1990, today=TODAY), tmp_path, "1990.pdf"))
    for line in (
        "Report on the international ties for 1990",
        "International events 0",
        "No events in 1990.",
        "Agreements concluded in 1990 None.",
        "Agreements expired in 1990 None.",
        "No exchange participants recorded.",
        "Incoming 0",
    ):
        assert line in text, line

    nothing = build_annual(services, 2020)  # a database with no records at all
    assert (nothing.municipality_count, nothing.partner_count, nothing.event_count) == (0, 0, 0)
    assert nothing.events_by_municipality == ()
    text = pdf_text(write(nothing, tmp_path, "nothing.pdf"))
    assert "No partner cities with a current partnership." in text
    assert "page 1 of" in text


def test_long_country_names_wrap_on_the_chart(services: Services, tmp_path: Path) -> None:
    smolensk = services.municipalities.create(Municipality(name_ru="Смоленск"))
    assert smolensk.id is not None
    for index, country in enumerate(("SH", "VC", "GS", "BY")):
        partner = services.partners.create(Partner(name_ru=f"Город {index}", country_code=country))
        assert partner.id is not None
        services.partnerships.create(
            Partnership(
                municipality_id=smolensk.id,
                partner_id=partner.id,
                status=PartnershipStatus.DORMANT,
            )
        )
    with i18n.language("ru"):
        report = build_annual(services, 2020)
        text = pdf_text(write(report, tmp_path, "long.pdf"))
    assert report.partner_count == 4
    # On the chart (wrapped) and in the table.
    assert text.count("Южная Георгия и Южные Сандвичевы") == 2
    assert text.count("Сент-Винсент и Гренадины") == 2
