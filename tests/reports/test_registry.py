"""The registry of agreements: filters, order, wording, and the PDF and XLSX holding its rows."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
import pytest
from pypdf import PdfReader

from mumidesk.cli import main
from mumidesk.domain.agreements import Agreement, AgreementParty
from mumidesk.domain.enums import AgreementStatus, CooperationArea, PartySide
from mumidesk.domain.partners import Partner
from mumidesk.i18n import language
from mumidesk.reports.period import Period
from mumidesk.reports.registry import Registry, build_registry, term_text
from mumidesk.reports.registry_pdf import write_registry_pdf
from mumidesk.reports.registry_xlsx import write_registry_xlsx
from mumidesk.services.demo import demo_id, load_demo
from mumidesk.services.registry import Services

TULA = "Соглашение о сотрудничестве между Городской Думой города Калуги и Тульской городской Думой"
SMOLENSK = (
    "Соглашение о сотрудничестве между Городской Думой города Калуги и Смоленским городским Советом"
)
AS_OF = dt.date(2026, 11, 22)


@pytest.fixture
def demo(services: Services) -> Services:
    load_demo(services)
    return services


def titles(registry: Registry) -> list[str]:
    return [row.title for row in registry.rows]


def flat(text: str) -> str:
    return " ".join(text.split())


def pdf_text(path: Path) -> str:
    return flat(" ".join(page.extract_text() for page in PdfReader(path).pages))


# --- the model -------------------------------------------------------------------------------


def test_rows_are_ordered_by_registration_then_signing_and_numbered(demo: Services) -> None:
    registry = build_registry(demo, as_of=AS_OF)

    assert [row.number for row in registry.rows] == [1, 2, 3, 4]
    assert titles(registry)[:2] == [TULA, SMOLENSK]  # registered 20 Dec 2016, 16 Jan 2017
    assert {row.status for row in registry.rows[2:]} == {
        "Draft",
        "Approved (decision to sign)",
    }
    tula, smolensk = registry.rows[:2]
    assert tula.registration == "No. 14-МС/2016 of December 20, 2016"
    assert tula.parties == "Kaluga City Duma — Tula City Duma"  # no country known
    assert tula.signing == "November 25, 2016, г. Тула"
    assert tula.term == "5 years, prolonged automatically for 5 years"
    assert tula.expires == "until December 19, 2026"
    assert tula.status == "Prolonged"
    assert smolensk.parties == "Kaluga City Duma — Smolensk City Council (Russia)"
    assert smolensk.term == "10 years"
    assert smolensk.areas == "Municipal governance"
    assert smolensk.status == "Registered, in force"
    assert registry.title == "Registry of agreements"
    assert registry.subtitle == "as of November 22, 2026"
    assert len(registry.columns) == len(smolensk.cells()) == 8


def test_russian_registry_names_the_partner_country_in_russian(demo: Services) -> None:
    with language("ru"):
        registry = build_registry(demo, partner_id=demo_id("partner/mogilev"))
    (row,) = registry.rows
    assert row.parties == (
        "Городская Дума города Калуги — Могилевский городской Совет депутатов (Беларусь)"
    )
    assert row.registration == row.signing == ""  # a draft: neither registered nor signed


def test_filters_by_status_partner_municipality_and_period(demo: Services) -> None:
    in_force = (AgreementStatus.REGISTERED, AgreementStatus.PROLONGED)
    assert titles(build_registry(demo, statuses=in_force)) == [TULA, SMOLENSK]
    assert titles(build_registry(demo, statuses=(AgreementStatus.EXPIRED,))) == []

    (lusaka,) = build_registry(demo, partner_id=demo_id("partner/lusaka")).rows
    assert "Лусакой" in lusaka.title
    assert lusaka.parties.endswith("Lusaka City Council (Zambia)")
    assert lusaka.term == "indefinite"

    rostov = build_registry(demo, municipality_id=demo_id("municipality/rostov"))
    assert titles(rostov) == [lusaka.title]
    assert len(build_registry(demo, municipality_id=demo_id("municipality/kaluga")).rows) == 3

    signed_2016 = build_registry(demo, period=Period.of_year(2016), as_of=AS_OF)
    assert titles(signed_2016) == [TULA, SMOLENSK]
    assert signed_2016.title == "Registry of agreements signed in 2016"
    assert build_registry(demo, period=Period.of_year(2017)).rows == ()

    both = build_registry(
        demo,
        statuses=(AgreementStatus.REGISTERED,),
        municipality_id=demo_id("municipality/kaluga"),
        partner_id=demo_id("partner/lusaka"),
    )
    assert both.rows == ()
    assert both.subtitle.startswith("Municipality: Kaluga; Partner: Lusaka; Status: Registered")


@pytest.mark.parametrize(
    ("term", "auto", "extension", "expected"),
    [
        (60, True, 60, "5 years, prolonged automatically for 5 years"),
        (60, True, None, "5 years, prolonged automatically for 5 years"),
        (120, False, None, "10 years"),
        (12, False, None, "1 year"),
        (18, True, 12, "18 months, prolonged automatically for 1 year"),
        (1, False, None, "1 month"),
        (None, False, None, "indefinite"),
        (None, True, 36, "indefinite, prolonged automatically for 3 years"),
    ],
)
def test_term_wording(term: int | None, auto: bool, extension: int | None, expected: str) -> None:
    agreement = Agreement(
        title="x", term_months=term, auto_prolongation=auto, prolongation_months=extension
    )
    assert term_text(agreement) == expected


# --- the files -------------------------------------------------------------------------------


def test_pdf_holds_every_row_in_order(demo: Services, tmp_path: Path) -> None:
    registry = build_registry(demo)
    path = tmp_path / "registry.pdf"
    write_registry_pdf(registry, path)

    text = pdf_text(path)
    assert flat(" ".join(registry.columns)) in text
    for row in registry.rows:  # cell after cell, as the table draws them
        assert flat(" ".join(row.cells())) in text
    positions = [text.index(flat(row.title)) for row in registry.rows]
    assert positions == sorted(positions)
    reader = PdfReader(path)
    assert reader.metadata is not None and reader.metadata.title == registry.title
    width, height = reader.pages[0].mediabox.width, reader.pages[0].mediabox.height
    assert width > height  # landscape


def test_xlsx_holds_the_same_rows(demo: Services, tmp_path: Path) -> None:
    with language("ru"):
        registry = build_registry(demo)
        write_registry_xlsx(registry, tmp_path / "registry.xlsx")

    sheet = openpyxl.load_workbook(tmp_path / "registry.xlsx").active
    assert sheet is not None
    values = [
        tuple("" if v is None else v for v in row) for row in sheet.iter_rows(values_only=True)
    ]
    assert values[0][0] == registry.title
    assert values[1][0] == registry.subtitle
    assert values[2] == registry.columns
    assert values[3:] == [(row.number, *row.cells()[1:]) for row in registry.rows]
    assert sheet.print_title_rows == "$3:$3"
    assert sheet.page_setup.orientation == "landscape"


def test_an_empty_registry_says_so(services: Services, tmp_path: Path) -> None:
    registry = build_registry(services)
    write_registry_pdf(registry, tmp_path / "empty.pdf")
    write_registry_xlsx(registry, tmp_path / "empty.xlsx")
    assert "No agreements match." in pdf_text(tmp_path / "empty.pdf")


# --- hostile text ----------------------------------------------------------------------------

HOSTILE = "Город «Ёлки & Палки» <b>\"не жирный\"</b> 'Ўзда' Straße Élancourt"


def test_hostile_text_and_missing_parts_print_literally(services: Services, tmp_path: Path) -> None:
    partner = services.partners.create(Partner(name_ru=HOSTILE, country_code="BY"))
    long_subject = ("Обмен & <опытом> «муниципальными» практиками; " * 500)[:20_000]
    services.agreements.create(
        Agreement(
            title="Соглашение <i>№ 1</i> & «протокол»",
            subject=long_subject,
            areas=[CooperationArea.CULTURE],
            parties=[
                AgreementParty(side=PartySide.OWN, name_ru="Администрация & <Совет>"),
                AgreementParty(side=PartySide.PARTNER, partner_id=partner.id),
            ],
            term_months=60,
        )
    )
    services.agreements.create(Agreement(title="Без сторон"))  # no parties, nothing else
    with language("ru"):
        registry = build_registry(services)
        write_registry_pdf(registry, tmp_path / "h.pdf")
        write_registry_xlsx(registry, tmp_path / "h.xlsx")

    by_title = {row.title: row for row in registry.rows}
    hostile = by_title["Соглашение <i>№ 1</i> & «протокол»"]
    assert hostile.parties == f"Администрация & <Совет> — {HOSTILE} (Беларусь)"
    assert by_title["Без сторон"].parties == ""

    text = pdf_text(tmp_path / "h.pdf")
    assert len(PdfReader(tmp_path / "h.pdf").pages) > 1  # the long row split over pages
    assert "Соглашение <i>№ 1</i> & «протокол»" in text
    assert flat(hostile.parties) in text
    assert "Обмен & <опытом> «муниципальными» практиками;" in text
    assert "Без сторон" in text

    sheet = openpyxl.load_workbook(tmp_path / "h.xlsx").active
    assert sheet is not None
    cells = {str(v) for row in sheet.iter_rows(values_only=True) for v in row if v}
    assert hostile.parties in cells
    assert any(c.startswith(long_subject) for c in cells)


# --- command line ----------------------------------------------------------------------------


def test_command_filters_and_writes_pdf_or_xlsx(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(tmp_path / "demo.db")
    assert main(["--db", db, "demo"]) == 0
    base = ["--db", db, "report", "registry"]

    out = tmp_path / "in_force.xlsx"
    assert main([*base, "--status", "registered", "--status", "prolonged", "-o", str(out)]) == 0
    sheet = openpyxl.load_workbook(out).active
    assert sheet is not None
    assert [r[2] for r in sheet.iter_rows(min_row=4, values_only=True)] == [TULA, SMOLENSK]

    out = tmp_path / "mogilev.pdf"
    assert main([*base, "--partner", "МОГИЛЁВ", "--year", "2016", "-o", str(out)]) == 0
    assert "No agreements match." in pdf_text(out)  # the Mogilev draft is not signed
    out = tmp_path / "mogilev.xlsx"
    assert main([*base, "--partner", "Mogilev", "--country", "by", "-o", str(out)]) == 0
    sheet = openpyxl.load_workbook(out).active
    assert sheet is not None
    assert len(list(sheet.iter_rows(min_row=4))) == 1

    out = tmp_path / "kaluga.pdf"
    assert (
        main(
            [
                *base,
                "--municipality",
                "Калуга",
                "--from",
                "2016-01-01",
                "--to",
                "2016-12-31",
                "-o",
                str(out),
            ]
        )
        == 0
    )
    assert TULA.split()[0] in pdf_text(out)
    capsys.readouterr()

    assert main([*base, "--partner", "Атлантида", "-o", str(out)]) == 2
    assert "Атлантида" in capsys.readouterr().err
    assert main([*base, "-o", str(tmp_path / "r.docx")]) == 2
    assert ".pdf, .xlsx" in capsys.readouterr().err
