"""The demo data reproduces the numbers and texts of the seeds (runs on SQLite and PostgreSQL)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from mumidesk.domain.deadlines import agreement_deadlines, due_within
from mumidesk.domain.enums import (
    AgreementStatus,
    CooperationArea,
    DeadlineKind,
    EventFormat,
    MunicipalityKind,
    ParticipantCategory,
    PartnershipKind,
    PartySide,
)
from mumidesk.domain.municipalities import Municipality
from mumidesk.services.demo import DemoDataError, demo_id, load_demo
from mumidesk.services.events import EventFilter
from mumidesk.services.exchanges import ExchangeFilter
from mumidesk.services.municipalities import MunicipalityFilter
from mumidesk.services.partners import PartnerFilter, PartnershipFilter
from mumidesk.services.registry import Services

NBSP = "\u00a0"

# The table of seeds/004 row by row: heading, name, place, dates, content, participants —
# the report's line breaks joined into spaces, repeated spaces collapsed, no-break spaces kept.
SMOLENSK_Q2_2020 = [
    (
        "Город Смоленск",
        "Участие в собрании делегатов Международного Ганзейского союза в онлайн-формате",
        "",
        "5 июня",
        "Участники собрания рассмотрели вопросы вступления в Международный союз «ГАНЗА» новых "
        "городов, внесение изменений в Устав Ганзы и в Правила проведения Международных "
        "Ганзейских дней. Обсудили проекты, направленные на укрепление взаимопонимания между "
        "народами",
        f"Сотрудники Администрации г.{NBSP}Смоленска, представители городов-участников "
        "Международного союза «ГАНЗА» из США, Германии, Великобритании, Франции, Израиля, Латвии "
        "и Республики Беларусь",
    ),
    (
        "Город Смоленск",
        "Участие в международной онлайн-конференции «Опыт городов-побратимов по сохранению общей "
        "памяти о Победе над фашизмом во Второй мировой войне»",
        "",
        "23 июня",
        f"Мероприятие{NBSP}организовано Россотрудничеством совместно с Ассоциацией "
        "«Общероссийский Конгресс муниципальных образований». В рамках конференции участники "
        "мероприятия обсудили вопросы сохранения и увековечивания памяти о Второй мировой войне, "
        "развития партнерских отношений в сфере патриотического воспитания и укрепления дружбы",
        "Сотрудники Администрации г. Смоленска, представители российских и зарубежных "
        "городов-побратимов из Республики Беларусь, Великобритании, Германии, Израиля, Словакии, "
        "США, Франции",
    ),
    (
        "Муниципальное образование «город Десногорск» Смоленской области",
        "Участие в X международном онлайн-конкурсе хореографических коллективов «Вдохновение»",
        "г. Санкт-Петербург",
        "8–20 апреля",
        "Мероприятие было организовано Творческим Движением «Вдохновение» (г. Санкт-Петербург) и "
        "проведено с целью обмена участниками творческим опытом, развития дружбы и сотрудничества "
        "с представителями разных стран",
        "В мероприятии принял участие образцовый хореографический коллектив «Каприз» МБУ «ЦК и "
        "МП» г. Десногорска Смоленской области, а также творческие коллективы Республики Беларусь",
    ),
    (
        "Муниципальное образование «город Десногорск» Смоленской области",
        "Участие в международном закрытом грантовом проекте в онлайн-формате «Культурное "
        "достояние»",
        "г. Москва",
        "30 мая",
        "Мероприятие было проведено с целью оказания всесторонней поддержки талантливым детям из "
        "разных стран и повышения профессионального мастерства руководителей творческих "
        "коллективов. Организатором мероприятия выступила межрегиональная общественная "
        "организация творческого развития «Будущее планеты» (г. Москва) при содействии "
        "Международной Федерации развития современного искусства «Звездная волна» (г. Москва)",
        f"В мероприятии принял участие образцовый хореографический коллектив{NBSP}«Каприз» МБУ "
        "«ЦК и МП» г. Десногорска Смоленской области, а также творческие коллективы Республики "
        "Беларусь",
    ),
    (
        "Муниципальное образование «город Десногорск» Смоленской области",
        "Участие в международном конкурсе вокалистов в онлайн-формате «Песни Победы – 2020»",
        "г. Москва",
        "5 июня",
        "Главной целью проведения мероприятия стало патриотическое воспитание подрастающего "
        "поколения, поддержка талантливых детей и молодежи из разных стран. Организатором "
        "мероприятия выступил Институт современного образования «SmartSkills» (г. Москва)",
        "Образцовый вокально-эстрадный коллектив «Колибри» МБУ «ЦК и МП» г. Десногорска, а также "
        "участники из разных стран",
    ),
    (
        "Муниципальное образование «Рославльский район» Смоленской области",
        "Участие в рабочей встрече в формате видеоконференц-связи",
        "",
        "23 июня",
        "В рамках рабочей встречи обсуждались вопросы реализации на территории Смоленской области "
        "инвестиционного проекта, направленного на создание предприятия по возделыванию и "
        "первичной переработке льна",
        "Губернатор Смоленской области А.В. Островский, представители муниципального образования "
        "«Рославльский район» Смоленской области, представители органов исполнительной власти "
        "Смоленской области, инвесторы со стороны Республики Беларусь",
    ),
]


def _municipality(services: Services, name: str) -> Municipality:
    found = services.municipalities.find_by_name(name)
    assert found is not None and found.id is not None
    return found


def test_smolensk_region_q2_2020_reproduces_the_report_row_by_row(services: Services) -> None:
    load_demo(services)
    region = services.regions.find_by_name("Смоленская область")
    assert region is not None
    assert (region.name_ru_genitive, region.code) == ("Смоленской области", "RU-SMO")
    own = services.municipalities.all(MunicipalityFilter(region_id=region.id))
    headings = {m.id: m.heading_ru for m in own}
    # the report's order of municipalities: by kind (city, urban district, district), then name
    kinds = list(MunicipalityKind)
    by_kind = sorted(own, key=lambda m: (kinds.index(m.kind), m.name_ru))
    assert [m.heading_ru for m in by_kind] == list(dict.fromkeys(r[0] for r in SMOLENSK_Q2_2020))
    events = services.events.all(
        EventFilter(
            municipality_ids=tuple(m.id for m in own if m.id is not None),
            date_from=dt.date(2020, 4, 1),
            date_to=dt.date(2020, 6, 30),
        )
    )
    assert len(events) == 6
    order = [row[0] for row in SMOLENSK_Q2_2020]
    events.sort(key=lambda e: (order.index(headings[e.municipality_id]), e.dates.start))
    rows = [
        (
            headings[e.municipality_id],
            e.name,
            e.place,
            e.dates.format("ru"),
            e.content,
            e.participants,
        )
        for e in events
    ]
    assert rows == SMOLENSK_Q2_2020
    assert all(e.format is EventFormat.ONLINE for e in events)
    assert events[0].country_codes == ["US", "DE", "GB", "FR", "IL", "LV", "BY"]
    assert "SK" in events[1].country_codes
    # the texts are searchable, Cyrillic case folded
    assert {h.id for h in services.search.search("КАПРИЗ", kinds=["event"])} == {
        events[2].id,
        events[3].id,
    }


def test_volgograd_has_46_partners_and_780_exchange_participants(services: Services) -> None:
    load_demo(services)
    volgograd = _municipality(services, "Волгоград")
    partners = services.partners.list(PartnerFilter(municipality_id=volgograd.id), limit=500)
    assert partners.total == 46
    links = services.partnerships.all(PartnershipFilter(municipality_id=volgograd.id))
    assert len({p.partner_id for p in links}) == 46
    assert {p.kind for p in links} == {PartnershipKind.TWIN, PartnershipKind.PARTNER}

    programmes = services.exchanges.all(ExchangeFilter(municipality_id=volgograd.id))
    counted = {ParticipantCategory.PUPILS, ParticipantCategory.STUDENTS}
    pupils_and_students = sum(
        p.count
        for programme in programmes
        for p in programme.participations
        if p.category in counted and 2015 <= p.year <= 2020
    )
    assert pupils_and_students == 780
    everyone = sum(programme.total() for programme in programmes)
    assert everyone > 780  # teachers and other years are recorded too: 780 is a query

    katyusha = [e for e in services.events.all() if "«Катюша»" in e.name]
    assert len(katyusha) == 1
    assert katyusha[0].format is EventFormat.ONLINE
    assert katyusha[0].participant_count is not None and katyusha[0].participant_count > 70
    assert "14 иностранных городов" in katyusha[0].participants


def test_statistics_count_the_seed_numbers(services: Services) -> None:
    statistics = pytest.importorskip("mumidesk.services.statistics")
    load_demo(services)
    volgograd = _municipality(services, "Волгоград")
    stats = statistics.StatisticsService(services.db)
    assert stats.partner_count(volgograd.id) == 46
    total = stats.participants_total(
        2015,
        2020,
        categories=(ParticipantCategory.PUPILS, ParticipantCategory.STUDENTS),
        municipality_id=volgograd.id,
    )
    assert total == 780


def test_agreements_reach_their_states_through_the_lifecycle(services: Services) -> None:
    summary = load_demo(services)
    assert summary.steps > 0
    lusaka = services.agreements.get(demo_id("agreement/rostov/lusaka"))
    assert lusaka.status is AgreementStatus.APPROVED
    assert lusaka.approval_decision_date is not None
    assert (lusaka.approval_decision_date.year, lusaka.approval_decision_date.month) == (2022, 10)
    assert lusaka.signed_date is None
    assert lusaka.languages == ["ru", "en"]
    assert set(lusaka.areas) >= {CooperationArea.EDUCATION, CooperationArea.URBAN_DEVELOPMENT}
    own = next(p for p in lusaka.parties if p.side is PartySide.OWN)
    assert own.signatories[0].full_name == "Алексей Логвиненко"

    draft = services.agreements.get(demo_id("agreement/kaluga/mogilev_draft"))
    assert draft.status is AgreementStatus.DRAFT
    assert draft.areas == [
        CooperationArea.CULTURE,
        CooperationArea.SPORT,
        CooperationArea.YOUTH,
        CooperationArea.EDUCATION,
    ]
    assert [p.name_ru for p in draft.parties] == [
        "Городская Дума города Калуги",
        "Могилевский городской Совет депутатов",
    ]

    smolensk = services.agreements.get(demo_id("agreement/kaluga/smolensk_council"))
    tula = services.agreements.get(demo_id("agreement/kaluga/tula_duma"))
    assert smolensk.status is AgreementStatus.REGISTERED
    assert smolensk.expires_on == dt.date(2027, 1, 15)
    assert tula.status is AgreementStatus.PROLONGED
    assert tula.expires_on == dt.date(2026, 12, 19)
    assert "для демонстрации" in smolensk.notes

    # `mumidesk deadlines --within 60` on 2026-11-22 shows these agreements' notices
    due = due_within(
        [d for a in services.agreements.all() for d in agreement_deadlines(a)],
        today=dt.date(2026, 11, 22),
        days=60,
    )
    assert [(d.kind, d.due, d.subject_id) for d in due] == [
        (DeadlineKind.PROLONGATION_NOTICE, dt.date(2026, 12, 12), tula.id),
        (DeadlineKind.EXPIRY_NOTICE, dt.date(2026, 12, 16), smolensk.id),
        (DeadlineKind.EXPIRY_NOTICE, dt.date(2027, 1, 8), smolensk.id),
    ]


def test_a_second_load_adds_nothing(services: Services) -> None:
    first = load_demo(services)
    assert first.added > 200 and first.skipped == 0
    partners_before = services.partners.list().total
    second = load_demo(services.db)
    assert second.nothing_added
    assert second.skipped == first.added
    assert second.steps == 0
    assert services.partners.list().total == partners_before


def _write(folder: Path, name: str, content: dict[str, object]) -> None:
    folder.mkdir(exist_ok=True)
    (folder / name).write_text(json.dumps(content, ensure_ascii=False), encoding="utf-8")


def test_an_interrupted_lifecycle_resumes_where_it_stopped(
    services: Services, tmp_path: Path
) -> None:
    steps = [
        {"status": "sent_for_approval", "approval_requested_on": "2022-08-22"},
        {"status": "approved", "approval_decision_no": "1", "approval_decision_date": "2022-10-20"},
    ]
    record = {"key": "agreement/test", "title": "Соглашение", "lifecycle": steps[:1]}
    _write(tmp_path / "a", "x.json", {"agreements": [record]})
    _write(tmp_path / "b", "x.json", {"agreements": [{**record, "lifecycle": steps}]})

    assert load_demo(services, tmp_path / "a").steps == 1
    resumed = load_demo(services, tmp_path / "b")
    assert (resumed.added, resumed.steps) == (0, 1)
    assert services.agreements.get(demo_id("agreement/test")).status is AgreementStatus.APPROVED


def test_a_reference_to_an_unknown_record_is_refused_and_nothing_is_written(
    services: Services, tmp_path: Path
) -> None:
    _write(
        tmp_path,
        "x.json",
        {
            "regions": [{"key": "region/x", "name_ru": "Область"}],
            "municipalities": [{"key": "m/x", "name_ru": "Город", "region_id": "region/typo"}],
        },
    )
    with pytest.raises(DemoDataError, match="region/typo"):
        load_demo(services, tmp_path)
    assert services.regions.list().total == 0


def test_the_synthetic_generator_loads_counted_searchable_rows(services: Services) -> None:
    from benchmarks.synthetic import SyntheticData, load_synthetic

    data = SyntheticData(seed=7)
    report = load_synthetic(services.db, events=200, partners=60, data=data, batch=32)
    assert (report.events, report.partners, report.partnerships) == (200, 60, 60)
    assert services.events.list().total == 200
    assert services.partners.list().total == 60
    assert services.municipalities.list().total == report.municipalities > 0
    assert report.indexed >= 200 + 60 + report.municipalities

    # a generated Cyrillic word, searched in another case, finds the event that holds it
    event = services.events.list(sort="name", limit=1).items[0]
    word = next(w.strip("«»;.,") for w in event.participants.split() if len(w) >= 6)
    hits = services.search.search(word.upper(), kinds=["event"], limit=1000)
    assert event.id in {h.id for h in hits}
    assert all(q.strip() for q in data.search_queries(5))
    # the same seed gives the same data
    assert SyntheticData(seed=7).search_queries(5) == SyntheticData(seed=7).search_queries(5)
