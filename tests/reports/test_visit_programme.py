"""The visit programme: bilingual day headings and items in time order, the head of the
delegation first, hostile text printed literally; the demo delegation; the command line."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from pypdf import PdfReader

from mumidesk import i18n
from mumidesk.cli import main
from mumidesk.domain.delegations import Delegation, DelegationMember, ProgrammeItem
from mumidesk.domain.enums import DelegationDirection
from mumidesk.domain.errors import ValidationError
from mumidesk.domain.municipalities import Municipality
from mumidesk.domain.partners import Partner
from mumidesk.reports.visit_programme import build_programme
from mumidesk.reports.visit_programme_pdf import write_programme_pdf
from mumidesk.services.demo import demo_id, load_demo
from mumidesk.services.registry import Services

HOSTILE = "Tom & Jerry <b>not bold</b> «ёлки» \"q\" 'a' ў і ї є ß ä é ç"
TITLE = "Визит делегации города Бреста " + HOSTILE


def flat(text: str) -> str:
    """Extracted text with every run of spaces and line breaks as one space (cells wrap)."""
    return " ".join(text.split())


def page_texts(path: Path) -> list[str]:
    return [flat(page.extract_text()) for page in PdfReader(path).pages]


def in_order(text: str, *parts: str) -> None:
    positions = []
    for part in parts:
        assert flat(part) in text, part
        positions.append(text.index(flat(part)))
    assert positions == sorted(positions), list(zip(parts, positions, strict=True))


def make_delegation(services: Services, extra_items: int = 0) -> Delegation:
    own = services.municipalities.create(Municipality(name_ru="Смоленск", name_en="Smolensk"))
    partner = services.partners.create(
        Partner(name_ru="Брест", name_en="Brest", name_local="Брэст", country_code="BY")
    )
    assert own.id and partner.id
    day1, day2 = dt.date(2020, 6, 23), dt.date(2020, 6, 24)
    items = [  # entered out of order; the untimed transfer follows the arrival
        ProgrammeItem(
            day=day2,
            start_time=dt.time(10),
            end_time=dt.time(12),
            title_ru="Экскурсия по крепостной стене",
            title_en="Tour of the fortress wall",
            place="Крепостная стена",
        ),
        ProgrammeItem(
            day=day1,
            start_time=dt.time(11),
            end_time=dt.time(12, 30),
            title_ru="Встреча с Главой города " + HOSTILE,
            title_en="Meeting with the Head of the city " + HOSTILE,
            place="Администрация & Co",
            responsible="Иванова И. И.",
        ),
        ProgrammeItem(
            day=day1,
            start_time=dt.time(8, 5),
            title_ru="Прибытие делегации",
            title_en="Arrival of the delegation",
            place="Вокзал",
        ),
        ProgrammeItem(day=day1, title_ru="Трансфер в гостиницу"),  # no English title
    ]
    items += [
        ProgrammeItem(
            day=day2,
            start_time=dt.time(13, n % 60),
            title_ru=f"Встреча номер {n} с представителями общественности",
            title_en=f"Meeting number {n} with the public",
            place="Дом дружбы",
        )
        for n in range(extra_items)
    ]
    return services.delegations.create(
        Delegation(
            title=TITLE,
            direction=DelegationDirection.INCOMING,
            municipality_id=own.id,
            partner_ids=[partner.id],
            start_date=day1,
            end_date=day2,
            place="г. Смоленск",
            members=[
                DelegationMember(full_name="Jürgen Größe", position="Berater", organisation="Ç&Ä"),
                DelegationMember(
                    full_name="Алесь Ўладзіміраў", position="мэр горада Брэста", is_head=True
                ),
                DelegationMember(full_name="Олена Їжак", position="перекладачка"),
            ],
            programme=items,
        )
    )


def write(services: Services, delegation: Delegation, path: Path, second: str = "en") -> str:
    assert delegation.id
    write_programme_pdf(build_programme(services, delegation.id, second), path)
    return " ".join(page_texts(path))


def test_bilingual_programme_day_by_day(services: Services, tmp_path: Path) -> None:
    delegation = make_delegation(services)
    path = tmp_path / "programme.pdf"
    with i18n.language("ru"):  # the session's language does not change the document
        text = write(services, delegation, path)
    assert flat(TITLE) in text
    assert flat("23–24 июня 2020\u00a0г. / June 23–24, 2020") in text
    assert flat("Смоленск / Smolensk") in text
    assert flat("Брест / Brest") in text
    assert flat("Head of the delegation Алесь Ўладзіміраў, мэр горада Брэста") in text
    in_order(
        text,
        "Members of the delegation",
        "1. Алесь Ўладзіміраў мэр горада Брэста",
        "2. Jürgen Größe Berater, Ç&Ä",
        "3. Олена Їжак перекладачка",
    )
    assert flat("Русский / Russian Английский / English") in text
    in_order(
        text,
        "Programme",
        "23 июня 2020\u202fг., вторник / Tuesday, June 23, 2020",
        "08:05 Прибытие делегации Arrival of the delegation Вокзал",
        "Трансфер в гостиницу Трансфер в гостиницу",  # falls back to Russian
        "11:00–12:30 Встреча с Главой города " + HOSTILE,
        "Meeting with the Head of the city " + HOSTILE + " Администрация & Co Иванова И. И.",
        "24 июня 2020\u202fг., среда / Wednesday, June 24, 2020",
        "10:00–12:00 Экскурсия по крепостной стене Tour of the fortress wall Крепостная стена",
    )
    meta = PdfReader(path).metadata
    assert meta is not None and meta.title is not None and flat(TITLE) in flat(meta.title)


def test_another_partner_language(services: Services, tmp_path: Path) -> None:
    delegation = make_delegation(services)
    assert delegation.id
    programme = build_programme(services, delegation.id, "de")
    assert programme.days[0].heading_second == "Dienstag, 23. Juni 2020"
    assert programme.dates_second == "23.–24. Juni 2020"
    assert programme.partners[0].second == "Брэст"  # the city's own name
    assert programme.days[0].items[0].title_second == "Arrival of the delegation"
    assert programme.label_language == "en"
    text = write(services, delegation, tmp_path / "de.pdf", "de")
    assert flat("23 июня 2020\u202fг., вторник / Dienstag, 23. Juni 2020") in text


def test_russian_only_programme(services: Services, tmp_path: Path) -> None:
    delegation = make_delegation(services)
    text = write(services, delegation, tmp_path / "ru.pdf", "ru")
    assert "English" not in text
    assert "Tuesday" not in text
    assert flat("23 июня 2020\u202fг., вторник 08:05 Прибытие делегации Вокзал") in text


def test_bad_second_language(services: Services) -> None:
    delegation = make_delegation(services)
    assert delegation.id
    with pytest.raises(ValidationError) as caught:
        build_programme(services, delegation.id, "zz-nowhere")
    assert caught.value.fields == ["second_language"]


def test_long_programme_repeats_the_header(services: Services, tmp_path: Path) -> None:
    delegation = make_delegation(services, extra_items=60)
    path = tmp_path / "long.pdf"
    write(services, delegation, path)
    pages = page_texts(path)
    assert len(pages) >= 2
    for page in pages[1:]:
        assert flat("Время / Time Русский / Russian Английский / English Место / Place") in page
    assert flat("Meeting number 59 with the public") in " ".join(pages)


def test_demo_delegation_without_items(services: Services, tmp_path: Path) -> None:
    load_demo(services)
    key = demo_id("delegation/kaluga/2017-03_mogilev_forum")
    programme = build_programme(services, key)
    assert programme.head is not None and programme.head.full_name == "Александр Иванов"
    path = tmp_path / "demo.pdf"
    write_programme_pdf(programme, path)
    text = " ".join(page_texts(path))
    assert flat("Участие делегации Калуги в девятом форуме городов-побратимов") in text
    assert flat("30–31 марта 2017\u00a0г. / March 30–31, 2017") in text
    assert flat("Могилёв / Mogilev") in text
    assert flat("Head of the delegation Александр Иванов") in text
    assert "The programme has not been drawn up yet." in text


def test_command_by_title_part_or_id(
    services: Services, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    delegation = make_delegation(services)
    services.delegations.create(
        Delegation(
            title="Визит делегации Тулы",
            start_date=dt.date(2021, 5, 1),
            end_date=dt.date(2021, 5, 2),
        )
    )
    db = str(services.db.engine.url.database)
    services.db.dispose()
    out = tmp_path / "p.pdf"
    args = ["--db", db, "--lang", "en", "report", "programme"]
    assert main([*args, "города Бреста", "-o", str(out)]) == 0
    assert flat("Tuesday, June 23, 2020") in " ".join(page_texts(out))
    assert main([*args, str(delegation.id), "--second-language", "de", "-o", str(out)]) == 0
    assert flat("Dienstag, 23. Juni 2020") in " ".join(page_texts(out))
    capsys.readouterr()
    assert main([*args, "Визит делегации", "-o", str(out)]) == 2
    err = flat(capsys.readouterr().err)
    assert "2 delegations match 'Визит делегации'" in err
    assert f"id {delegation.id}" in err and "Визит делегации Тулы (May 1–2, 2021" in err
    assert main([*args, "Нигде", "-o", str(out)]) == 2
    assert "no delegation called 'Нигде'" in capsys.readouterr().err
    assert main([*args, "Тулы", "--second-language", "zz-nowhere", "-o", str(out)]) == 2
    assert "second_language" in capsys.readouterr().err
