"""The partner dossier: card, partnerships, known twins and the chronicle in time order, read
back from the PDF; the demo partners (Mogilev, Victoria); the command line."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from pypdf import PdfReader

from mumidesk import i18n
from mumidesk.cli import main
from mumidesk.domain.agreements import Agreement, AgreementParty
from mumidesk.domain.delegations import Delegation, DelegationMember
from mumidesk.domain.enums import (
    AgreementKind,
    AgreementStatus,
    CooperationArea,
    DelegationDirection,
    ExchangeDirection,
    ExchangeKind,
    ParticipantCategory,
    PartnershipKind,
    PartySide,
)
from mumidesk.domain.events import Event
from mumidesk.domain.exchanges import ExchangeProgramme, Participation
from mumidesk.domain.fuzzy_date import FuzzyDate
from mumidesk.domain.municipalities import Municipality
from mumidesk.domain.partners import Partner, Partnership
from mumidesk.reports.dossier import Dossier, build_dossier
from mumidesk.reports.dossier_pdf import write_dossier_pdf
from mumidesk.services.demo import demo_id, load_demo
from mumidesk.services.registry import Services
from mumidesk.services.twin_cities import import_twin_cities

HOSTILE = "Tom & Jerry <b>not bold</b> «ёлки» \"q\" 'a' ў і ї є ß ä é ç"
TODAY = dt.date(2024, 3, 1)


def flat(text: str) -> str:
    """Extracted text with every run of spaces and line breaks as one space (cells wrap)."""
    return " ".join(text.split())


def pdf_text(path: Path) -> str:
    return flat(" ".join(page.extract_text() for page in PdfReader(path).pages))


def in_order(text: str, *parts: str) -> None:
    positions = []
    for part in parts:
        assert flat(part) in text, part
        positions.append(text.index(flat(part)))
    assert positions == sorted(positions), list(zip(parts, positions, strict=True))


def make_partner(services: Services) -> Partner:
    """Hagen-like partner with one of everything, entered out of time order."""
    own = services.municipalities.create(Municipality(name_ru="Смоленск", name_en="Smolensk"))
    partner = services.partners.create(
        Partner(
            name_ru="Брест " + HOSTILE,
            name_en="Brest",
            name_local="Брэст",
            country_code="BY",
            region="Брестская область",
            population=357100,
            latitude=52.0976,
            longitude=23.7341,
            website="https://city.brest.by/?a=1&b=2",
            notes="Notes: " + HOSTILE,
        )
    )
    assert own.id and partner.id
    services.partnerships.create(
        Partnership(
            municipality_id=own.id,
            partner_id=partner.id,
            kind=PartnershipKind.TWIN,
            since=dt.date(1990, 5, 1),
        )
    )
    parties = [
        AgreementParty(side=PartySide.OWN, name_ru="Администрация города Смоленска"),
        AgreementParty(side=PartySide.PARTNER, partner_id=partner.id),
    ]
    draft = Agreement(
        title="Draft programme of joint events " + HOSTILE,
        kind=AgreementKind.PROGRAMME,
        municipality_id=own.id,
        parties=parties,
        planned_signing_date=dt.date(2025, 9, 1),
    )
    services.agreements.create(draft)
    signed = services.agreements.create(
        Agreement(
            title="Agreement on cooperation Smolensk–Brest",
            municipality_id=own.id,
            parties=parties,
            areas=[CooperationArea.CULTURE, CooperationArea.SPORT],
        )
    )
    assert signed.id
    steps: list[tuple[AgreementStatus, dict[str, object]]] = [
        (AgreementStatus.SENT_FOR_APPROVAL, {"approval_requested_on": dt.date(2015, 3, 2)}),
        (
            AgreementStatus.APPROVED,
            {"approval_decision_no": "7-р", "approval_decision_date": dt.date(2015, 4, 20)},
        ),
        (AgreementStatus.SIGNED, {"signed_date": dt.date(2015, 6, 5), "signed_place": "Брест"}),
    ]
    for target, facts in steps:
        services.agreements.advance(signed.id, target, **facts)
    services.exchanges.create(
        ExchangeProgramme(
            title="School exchange «Друзья»",
            kind=ExchangeKind.EDUCATIONAL,
            municipality_id=own.id,
            partner_ids=[partner.id],
            start_date=dt.date(2020, 9, 1),
            end_date=dt.date(2021, 5, 31),
            participations=[
                Participation(
                    year=2020,
                    category=ParticipantCategory.PUPILS,
                    direction=ExchangeDirection.OUTBOUND,
                    count=24,
                )
            ],
        )
    )
    services.delegations.create(
        Delegation(
            title="Visit of the Brest delegation",
            direction=DelegationDirection.INCOMING,
            municipality_id=own.id,
            partner_ids=[partner.id],
            start_date=dt.date(2019, 6, 23),
            end_date=dt.date(2019, 6, 24),
            place="Smolensk",
            members=[
                DelegationMember(full_name="Jürgen Größe", position="deputy"),
                DelegationMember(full_name="Алесь Ўладзіміраў", position="mayor", is_head=True),
            ],
        )
    )
    services.events.create(
        Event(
            name="Forum of twin cities " + HOSTILE,
            municipality_id=own.id,
            place="Брест",
            dates=FuzzyDate.range(dt.date(2017, 3, 30), dt.date(2017, 3, 31)),
            content="Ключевые договорённости: «культура» & спорт",
            partner_ids=[partner.id],
        )
    )
    return partner


def write(dossier: Dossier, tmp_path: Path, name: str = "dossier.pdf") -> str:
    path = tmp_path / name
    write_dossier_pdf(dossier, path)
    return pdf_text(path)


def test_card_partnerships_and_chronicle_in_time_order(services: Services, tmp_path: Path) -> None:
    partner = make_partner(services)
    assert partner.id
    dossier = build_dossier(services, partner.id, today=TODAY)
    assert [e.start for e in dossier.chronicle] == sorted(e.start for e in dossier.chronicle)
    text = write(dossier, tmp_path)

    assert "Partner dossier" in text
    assert flat("Prepared on March 1, 2024") in text
    for label, value in [
        ("Name in Russian", "Брест " + HOSTILE),
        ("Name in English", "Brest"),
        ("Name in the local language", "Брэст"),
        ("Country", "Belarus"),
        ("Region", "Брестская область"),
        ("Population", "357,100"),
        ("Coordinates", "52.0976° N, 23.7341° E"),
        ("Website", "https://city.brest.by/?a=1&b=2"),
    ]:
        assert flat(f"{label} {value}") in text
    assert flat("Notes: " + HOSTILE) in text
    assert flat("Smolensk Twin city Active since May 1, 1990") in text
    in_order(
        text,
        "Chronicle",
        "June 5, 2015 Agreement Agreement on cooperation Smolensk–Brest",
        "March 30–31, 2017 Event Forum of twin cities " + HOSTILE,
        "June 23–24, 2019 Delegation Visit of the Brest delegation",
        "September 1, 2020 – May 31, 2021 Exchange programme School exchange «Друзья»",
        "September 1, 2025 Agreement Draft programme of joint events " + HOSTILE,
    )
    assert flat("Signed; signed on June 5, 2015, Брест; areas: Culture, Sport") in text
    assert "Draft; signing planned" in text
    assert flat("Incoming; Smolensk; head: Алесь Ўладзіміраў; 1 more member") in text
    assert "Educational; participants: 24" in text
    assert flat("In person; Брест; Ключевые договорённости: «культура» & спорт") in text

    meta = PdfReader(tmp_path / "dossier.pdf").metadata
    assert meta is not None and meta.title == "Partner dossier: Brest"


def test_dossier_in_russian_formats_with_babel(services: Services, tmp_path: Path) -> None:
    partner = make_partner(services)
    assert partner.id
    with i18n.language("ru"):
        dossier = build_dossier(services, partner.id, today=TODAY)
        text = write(dossier, tmp_path)
    assert dossier.name == "Брест " + HOSTILE
    assert dossier.country == "Беларусь"
    population = next(line.value for line in dossier.card if line.value.startswith("357"))
    assert population == "357\u00a0100"
    assert flat("5 июня 2015\u202fг.") in text
    assert flat("30–31 марта 2017\u00a0г.") in text
    assert "Беларусь" in text


def test_known_twins_from_the_public_list(services: Services, tmp_path: Path) -> None:
    partner = make_partner(services)
    assert partner.id
    csv_path = tmp_path / "twins.csv"
    csv_path.write_text(
        "city1,country1,lat1,lng1,city2,country2,lat2,lng2\n"
        "Brest,Belarus,52.1,23.7,Gabrovo,Bulgaria,42.87,25.32\n"
        "Terespol,Poland,52.07,23.61,Brest,Belarus,52.1,23.7\n",
        encoding="utf-8",
    )
    import_twin_cities(services.db, csv_path)
    dossier = build_dossier(services, partner.id, today=TODAY)
    assert dossier.twins == ("Gabrovo (Bulgaria)", "Terespol (Poland)")
    text = write(dossier, tmp_path)
    assert flat("Its other twin cities (public list) Gabrovo (Bulgaria); Terespol (Poland)") in text


def test_bare_partner_and_huge_notes_make_a_document(services: Services, tmp_path: Path) -> None:
    bare = services.partners.create(Partner(name_en="Nowhere", country_code="ZM"))
    assert bare.id
    text = write(build_dossier(services, bare.id, today=TODAY), tmp_path, "bare.pdf")
    assert "Nothing recorded yet." in text
    assert "No partnership recorded." in text
    assert "Population" not in text

    long_notes = ("Ґанок і ґаўбіца «двор» <i>ї</i> & гэтак далей. " * 430).strip()  # 20,000
    bare.notes = long_notes
    services.partners.update(bare)
    path = tmp_path / "long.pdf"
    write_dossier_pdf(build_dossier(services, bare.id, today=TODAY), path)
    assert len(PdfReader(path).pages) > 2
    assert flat(long_notes[:200]) in pdf_text(path)


@pytest.mark.parametrize(
    ("key", "expected"),
    [
        (
            "partner/mogilev",
            [
                "Mogilev (Belarus)",
                "Name in the local language Магілёў",
                "Kaluga Partner city Active",
                "Smolensk Twin city Active",
                "March 30–31, 2017 Delegation Участие делегации Калуги",
                "March 30–31, 2017 Event Девятый форум городов-побратимов России и Белоруссии",
                "Agreement Соглашение о сотрудничестве между Городской Думой города Калуги",
                "Draft; recorded",
            ],
        ),
        (
            "partner/victoria",
            [
                "Victoria (Seychelles)",
                "4.6191° S, 55.4513° E",
                "Rostov-on-Don Twin city Active",
                "July 2023 Event Деловая сессия",
            ],
        ),
    ],
)
def test_demo_partners(services: Services, tmp_path: Path, key: str, expected: list[str]) -> None:
    load_demo(services)
    text = write(build_dossier(services, demo_id(key), today=TODAY), tmp_path)
    for part in expected:
        assert flat(part) in text


def test_command_finds_the_partner_by_any_name(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(tmp_path / "demo.db")
    assert main(["--db", db, "--lang", "en", "demo"]) == 0
    out = tmp_path / "mogilev.pdf"
    for name in ("Магілёў", "могилев", "Mogilev"):
        capsys.readouterr()
        assert main(["--db", db, "--lang", "en", "report", "dossier", name, "-o", str(out)]) == 0
        assert "Written:" in capsys.readouterr().out
        assert flat("Mogilev (Belarus)") in pdf_text(out)
    args = ["--db", db, "--lang", "en", "report", "dossier"]
    assert main([*args, "Victoria", "--country", "SC", "-o", str(out)]) == 0
    assert flat("Victoria (Seychelles)") in pdf_text(out)
    capsys.readouterr()
    assert main([*args, "Victoria", "--country", "BY", "-o", str(out)]) == 2
    assert "no partner called 'Victoria'" in capsys.readouterr().err
    assert main([*args, "Mogilev", "-o", str(tmp_path / "x.xlsx")]) == 2
    assert "write a .pdf file" in capsys.readouterr().err


def test_command_lists_the_choices_when_the_name_is_shared(
    services: Services, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    services.partners.create(Partner(name_ru="Виктория", name_en="Victoria", country_code="SC"))
    services.partners.create(Partner(name_en="Victoria", country_code="CA", region="BC"))
    db = str(services.db.engine.url.database)
    services.db.dispose()
    out = tmp_path / "v.pdf"
    args = ["--db", db, "--lang", "en", "report", "dossier", "victoria"]
    assert main([*args, "-o", str(out)]) == 2
    err = flat(capsys.readouterr().err)
    assert "2 partners are called 'victoria'" in err
    assert "Victoria (Canada, CA)" in err and "Victoria (Seychelles, SC)" in err
    assert main([*args, "--country", "ca", "-o", str(out)]) == 0
    assert flat("Victoria (Canada)") in pdf_text(out)
