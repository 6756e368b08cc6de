from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest

from mumidesk.cli import main
from mumidesk.db import migrate
from mumidesk.db.engine import Database
from mumidesk.domain.agreements import Agreement
from mumidesk.domain.delegations import Delegation
from mumidesk.domain.enums import (
    AgreementStatus,
    DelegationDirection,
    ExchangeDirection,
    ParticipantCategory,
    PartnershipKind,
)
from mumidesk.domain.events import Event
from mumidesk.domain.exchanges import ExchangeProgramme, Participation
from mumidesk.domain.fuzzy_date import FuzzyDate
from mumidesk.domain.municipalities import Municipality
from mumidesk.domain.partners import Partner, Partnership
from mumidesk.services.registry import Services
from tests.services.test_statistics import conclude

D = dt.date


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "x.db"


@pytest.fixture
def filled(db_path: Path) -> Iterator[Path]:
    """A database file with a little of everything, written through the services."""
    db = Database("sqlite:///" + db_path.as_posix(), user="tester")
    migrate.prepare(db)
    s = Services.for_database(db)
    volgograd = s.municipalities.create(Municipality(name_ru="Волгоград", name_en="Volgograd"))
    kaluga = s.municipalities.create(Municipality(name_ru="Калуга", name_en="Kaluga"))
    assert volgograd.id and kaluga.id
    for name_ru, name_en, country, kind in (
        ("Кёльн", "Cologne", "DE", PartnershipKind.TWIN),
        ("Ковентри", "Coventry", "GB", PartnershipKind.TWIN),
        ("Чэнду", "Chengdu", "CN", PartnershipKind.PARTNER),
    ):
        partner = s.partners.create(Partner(name_ru=name_ru, name_en=name_en, country_code=country))
        assert partner.id is not None
        s.partnerships.create(
            Partnership(municipality_id=volgograd.id, partner_id=partner.id, kind=kind)
        )
    mogilev = s.partners.create(Partner(name_ru="Могилёв", name_en="Mogilev", country_code="BY"))
    assert mogilev.id is not None
    s.partnerships.create(Partnership(municipality_id=kaluga.id, partner_id=mogilev.id))

    conclude(
        s,
        Agreement(title="Соглашение с Кёльном", municipality_id=volgograd.id),
        AgreementStatus.REGISTERED,
        D(2024, 3, 1),
    )
    conclude(
        s,
        Agreement(title="Соглашение с Могилёвом", municipality_id=kaluga.id),
        AgreementStatus.SIGNED,
        D(2025, 4, 28),
    )
    s.delegations.create(
        Delegation(
            title="Поездка в Могилёв",
            direction=DelegationDirection.OUTGOING,
            municipality_id=kaluga.id,
            start_date=D(2025, 4, 28),
            end_date=D(2025, 4, 30),
        )
    )
    s.delegations.create(
        Delegation(
            title="Поездка в Кёльн",
            direction=DelegationDirection.OUTGOING,
            municipality_id=volgograd.id,
            start_date=D(2025, 3, 1),
            end_date=D(2025, 3, 3),
        )
    )
    s.events.create(
        Event(
            name="Форум городов-побратимов России и Беларуси",
            municipality_id=kaluga.id,
            dates=FuzzyDate.range(D(2024, 3, 30), D(2024, 3, 31)),
        )
    )
    s.exchanges.create(
        ExchangeProgramme(
            title="Школьный обмен",
            municipality_id=volgograd.id,
            participations=[
                Participation(
                    year=2024,
                    category=ParticipantCategory.PUPILS,
                    direction=ExchangeDirection.INBOUND,
                    count=1250,
                )
            ],
        )
    )
    db.dispose()
    yield db_path


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_stats_of_an_empty_database(db_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--db", str(db_path), "--lang", "en", "stats")
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == "Statistics"
    assert "Own municipalities: 0" in lines
    assert "Partners: 0 in 0 countries" in lines


def test_stats_of_a_year(filled: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--db", str(filled), "--lang", "en", "stats", "--year", "2024")
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == "Statistics for 2024"
    assert "Own municipalities: 2" in lines
    assert "Partners: 4 in 4 countries" in lines
    assert "Agreements concluded in 2024: 1" in lines
    assert "International events: 1" in lines
    assert "Exchange participants: 1,250" in lines
    assert "  Volgograd: 3 (Twin city: 2, Partner city: 1)" in lines
    assert "  Kaluga: 1 (Twin city: 1)" in lines
    assert "  Europe: 3 (3 countries)" in lines
    assert "  Asia: 1 (1 country)" in lines
    assert "  1st quarter 2024: 1" in lines
    assert "  2nd quarter 2024: 0" in lines
    assert "  Pupils: 1,250" in lines
    assert "  March 1, 2024 · Соглашение с Кёльном" in lines


def test_stats_of_one_municipality_in_russian(
    filled: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(
        capsys, "--db", str(filled), "--lang", "ru", "stats", "--municipality", "волгоград"
    )
    assert code == 0
    assert "Волгоград" in out.splitlines()[0]  # the stored name, not the one typed
    assert "  Германия (DE): 1" in out.splitlines()
    assert "Европа" in out
    assert "1\u00a0250" in out  # Russian groups digits with a no-break space


def test_deadlines_in_english(filled: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(
        capsys,
        "--db",
        str(filled),
        "--lang",
        "en",
        "deadlines",
        "--within",
        "15",
        "--today",
        "2025-05-01",
    )
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == "Deadlines from May 1, 2025 to May 16, 2025"
    assert lines[1] == "1 deadline is overdue."
    assert lines[2:] == [
        "! March 6, 2025 · Delegation report: Поездка в Кёльн (returned on March 3, 2025)"
        " — overdue by 56 days",
        "  May 7, 2025 · Delegation report: Поездка в Могилёв (returned on April 30, 2025)"
        " — in 6 days",
        "  May 16, 2025 · Submit for registration: Соглашение с Могилёвом"
        " (signed on April 28, 2025) — in 15 days",
    ]


def test_deadlines_singular_today_and_reports(
    filled: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    base = ["--db", str(filled), "--lang", "en", "deadlines", "--municipality", "Kaluga"]
    code, out, _ = run(capsys, *base, "--within", "1", "--today", "2025-05-06")
    assert code == 0
    assert out.splitlines()[0] == "Deadlines of Kaluga from May 6, 2025 to May 7, 2025"
    assert out.splitlines()[1:] == [
        "  May 7, 2025 · Delegation report: Поездка в Могилёв (returned on April 30, 2025)"
        " — in 1 day",
    ]
    code, out, _ = run(capsys, *base, "--within", "0", "--today", "2025-07-10")
    assert out.splitlines()[1:] == [
        "2 deadlines are overdue.",
        "! May 7, 2025 · Delegation report: Поездка в Могилёв (returned on April 30, 2025)"
        " — overdue by 64 days",
        "! May 16, 2025 · Submit for registration: Соглашение с Могилёвом"
        " (signed on April 28, 2025) — overdue by 55 days",
        "  July 10, 2025 · Quarterly report of international events: 2nd quarter 2025 — today",
    ]


def test_deadlines_in_russian(filled: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(
        capsys,
        "--db",
        str(filled),
        "--lang",
        "ru",
        "deadlines",
        "--within",
        "20",
        "--today",
        "2025-05-01",
        "--municipality",
        "Калуга",
    )
    assert code == 0
    # Babel's long Russian date: genitive month and "г." after a narrow no-break space.
    lines = out.splitlines()
    assert "1 мая 2025\u202fг." in lines[0]
    assert any("16 мая 2025" in line for line in lines)
    assert any("7 мая 2025" in line and "30 апреля 2025" in line for line in lines)


def test_nothing_due(db_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(
        capsys,
        "--db",
        str(db_path),
        "--lang",
        "en",
        "deadlines",
        "--within",
        "5",
        "--today",
        "2025-05-01",
    )
    assert code == 0
    assert out.splitlines()[-1] == "Nothing falls due."


@pytest.mark.parametrize(
    ("args", "option"),
    [
        (["deadlines", "--within", "-1"], "--within"),
        (["deadlines", "--within", "5", "--today", "2025-02-30"], "--today"),
        (["deadlines", "--within", "5", "--today", "tomorrow"], "--today"),
        (["deadlines", "--within", "5", "--municipality", "Атлантида"], "--municipality"),
        (["stats", "--municipality", "Атлантида"], "--municipality"),
        (["stats", "--year", "20"], "--year"),
        (["search", "смоленск", "--limit", "0"], "--limit"),
    ],
)
def test_bad_input_is_one_line_naming_the_option(
    db_path: Path, capsys: pytest.CaptureFixture[str], args: list[str], option: str
) -> None:
    code, out, err = run(capsys, "--db", str(db_path), "--lang", "en", *args)
    assert code == 2
    assert out == ""
    assert len(err.splitlines()) == 1
    assert err.startswith(f"error: {option}: ")


def test_search(filled: Path, capsys: pytest.CaptureFixture[str]) -> None:
    base = ["--db", str(filled), "--lang", "en", "search"]
    code, out, _ = run(capsys, *base, "могилев")
    assert code == 0
    lines = out.splitlines()
    titles = {line.split("  [")[0] for line in lines}
    assert titles == {
        "Partner: Могилёв",
        "Agreement: Соглашение с Могилёвом",
        "Delegation: Поездка в Могилёв",
    }
    code, out, _ = run(capsys, *base, "могилев", "--kind", "partner")
    assert [line.split("  [")[0] for line in out.splitlines()] == ["Partner: Могилёв"]
    code, out, _ = run(capsys, *base, "могилев", "--limit", "1")
    assert len(out.splitlines()) == 1
    code, out, _ = run(capsys, *base, "атлантида")
    assert (code, out) == (0, "Nothing found for “атлантида”.\n")
