"""Russian declension on real cases: signatories, positions and bodies of agreement preambles."""

from __future__ import annotations

import subprocess
import sys

import pytest

from mumidesk.domain.enums import Gender
from mumidesk.domain.grammar import (
    Case,
    acting_participle,
    decline_body,
    decline_person,
    decline_position,
    guess_gender,
)

M, F = Gender.MALE, Gender.FEMALE
GEN, DAT, ACC, INS, PRE = (
    Case.GENITIVE,
    Case.DATIVE,
    Case.ACCUSATIVE,
    Case.INSTRUMENTAL,
    Case.PREPOSITIONAL,
)


@pytest.mark.parametrize(
    ("name", "gender", "case", "expected"),
    [
        # surname first, as official texts write it; and the other order
        ("Иванов Иван Иванович", M, GEN, "Иванова Ивана Ивановича"),
        ("Иванов Иван Иванович", M, INS, "Ивановым Иваном Ивановичем"),
        ("Иван Иванович Иванов", M, DAT, "Ивану Ивановичу Иванову"),
        ("Петрова Анна Сергеевна", F, GEN, "Петровой Анны Сергеевны"),
        ("Анна Сергеевна Петрова", F, INS, "Анной Сергеевной Петровой"),
        # a woman's surname ending in a consonant does not decline, a man's does
        ("Анна Петровна Шевчук", F, GEN, "Анны Петровны Шевчук"),
        ("Шевчук Анна Петровна", F, DAT, "Шевчук Анне Петровне"),
        ("Шевчук Андрей Петрович", M, GEN, "Шевчука Андрея Петровича"),
        ("Бабич Иван Петрович", M, GEN, "Бабича Ивана Петровича"),
        ("Иван Петрович Бабич", M, INS, "Иваном Петровичем Бабичем"),
        # double surnames decline on both sides
        ("Петров-Водкин Кузьма Сергеевич", M, GEN, "Петрова-Водкина Кузьмы Сергеевича"),
        ("Римская-Корсакова Ольга Николаевна", F, GEN, "Римской-Корсаковой Ольги Николаевны"),
        ("Римская-Корсакова Ольга Николаевна", F, INS, "Римской-Корсаковой Ольгой Николаевной"),
        # indeclinable surnames: -енко, -ко, -ых/-их, -аго, -ово, foreign
        ("Логвиненко Алексей Владимирович", M, GEN, "Логвиненко Алексея Владимировича"),
        ("Алексей Логвиненко", M, GEN, "Алексея Логвиненко"),
        ("Грищенко Любовь Ивановна", F, INS, "Грищенко Любовью Ивановной"),
        ("Бондарко Олег Юрьевич", M, DAT, "Бондарко Олегу Юрьевичу"),
        ("Черных Иван Петрович", M, GEN, "Черных Ивана Петровича"),
        ("Седых Мария Ивановна", F, GEN, "Седых Марии Ивановны"),
        ("Долгих Сергей Николаевич", M, INS, "Долгих Сергеем Николаевичем"),
        ("Живаго Юрий Андреевич", M, GEN, "Живаго Юрия Андреевича"),
        ("Дурново Пётр Николаевич", M, GEN, "Дурново Петра Николаевича"),
        ("Виктор Гюго", M, GEN, "Виктора Гюго"),
        ("Александр Дюма", M, INS, "Александром Дюма"),
        ("Бернард Шоу", M, DAT, "Бернарду Шоу"),
        # two words in either order (the demo's signatories)
        ("Александр Иванов", M, GEN, "Александра Иванова"),
        ("Иванов Александр", M, GEN, "Иванова Александра"),
        # initials stay as written, spacing too
        ("А.В. Островский", M, GEN, "А.В. Островского"),
        ("Островский А. В.", M, DAT, "Островскому А. В."),
        ("А.В.Островская", F, INS, "А.В.Островской"),
        # a Turkic patronymic keeps its form
        ("Алиев Гейдар Алирза оглы", M, GEN, "Алиева Гейдара Алирза оглы"),
        # the nominative is the name as typed
        ("Иванов Иван Иванович", M, Case.NOMINATIVE, "Иванов Иван Иванович"),
        ("Илья Ильич Обломов", M, ACC, "Илью Ильича Обломова"),
        ("Илья Ильич Обломов", M, PRE, "Илье Ильиче Обломове"),
    ],
)
def test_decline_person(name: str, gender: Gender, case: Case, expected: str) -> None:
    assert decline_person(name, case, gender) == expected


@pytest.mark.parametrize(
    ("name", "case", "expected"),
    [
        ("Иванов Иван Иванович", GEN, "Иванова Ивана Ивановича"),
        ("Анна Петровна Шевчук", GEN, "Анны Петровны Шевчук"),
        ("Шевчук Андрей Петрович", GEN, "Шевчука Андрея Петровича"),
        ("Римская-Корсакова Ольга Николаевна", DAT, "Римской-Корсаковой Ольге Николаевне"),
        ("Алексей Логвиненко", INS, "Алексеем Логвиненко"),
        ("А.В. Островский", GEN, "А.В. Островского"),
        ("А. В. Островская", GEN, "А. В. Островской"),
    ],
)
def test_decline_person_guesses_the_gender(name: str, case: Case, expected: str) -> None:
    assert decline_person(name, case) == expected
    assert decline_person(name, case, Gender.UNKNOWN) == expected


@pytest.mark.parametrize(
    "name",
    [
        "(ФИО уточняется)",  # the demo's placeholder for a partner's signatory
        "Miles Sampa",  # Latin: not for Russian rules
        "",
        "Шевчук",  # her or him? the form differs, so it stays
        "Мария Луиза Фернандес Гарсия",  # four words without a patronymic
    ],
)
def test_what_the_rules_cannot_read_stays_as_written(name: str) -> None:
    assert decline_person(name, GEN) == name


def test_an_explicit_gender_wins_over_the_guess() -> None:
    assert decline_person("Шевчук", GEN, M) == "Шевчука"
    assert decline_person("Шевчук", GEN, F) == "Шевчук"
    assert decline_person("Саша Грей", GEN, F) == "Саши Грей"


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Иванов Иван Иванович", M),
        ("Иван Иванович Иванов", M),
        ("Анна Петровна Шевчук", F),
        ("Шевчук Андрей Петрович", M),
        ("Петрова Анна", F),
        ("Александр Иванов", M),
        ("Алексей Логвиненко", M),
        ("Логвиненко Алексей", M),
        ("Живаго Юрий Андреевич", M),
        ("Грищенко Любовь Ивановна", F),
        ("А.В. Островский", M),
        ("Островская А.В.", F),
        ("Мамедова Севиль Ахмед кызы", F),
        ("Алиев Гейдар Алирза оглы", M),
        ("Шевчук", Gender.UNKNOWN),
        ("(ФИО уточняется)", Gender.UNKNOWN),
        ("", Gender.UNKNOWN),
    ],
)
def test_guess_gender(name: str, expected: Gender) -> None:
    assert guess_gender(name) is expected


@pytest.mark.parametrize(
    ("position", "case", "expected"),
    [
        (
            "Глава администрации города Ростова-на-Дону",
            GEN,
            "Главы администрации города Ростова-на-Дону",
        ),
        (
            "Глава администрации города Ростова-на-Дону",
            INS,
            "Главой администрации города Ростова-на-Дону",
        ),
        ("Председатель Городской Думы", GEN, "Председателя Городской Думы"),
        ("Председатель Городской Думы", INS, "Председателем Городской Думы"),
        ("Глава города Смоленска", GEN, "Главы города Смоленска"),
        ("Глава города Смоленска", DAT, "Главе города Смоленска"),
        ("Мэр города", GEN, "Мэра города"),
        ("Мэр города Лусаки", INS, "Мэром города Лусаки"),
        (
            "Председатель городского Совета депутатов",
            GEN,
            "Председателя городского Совета депутатов",
        ),
        (
            "Председатель Могилевского городского Совета депутатов",
            GEN,
            "Председателя Могилевского городского Совета депутатов",
        ),
        ("Губернатор Смоленской области", GEN, "Губернатора Смоленской области"),
        (
            "Глава городского самоуправления города Калуги",
            GEN,
            "Главы городского самоуправления города Калуги",
        ),
        # the participle declines, its object "обязанности" does not
        (
            "Исполняющий обязанности главы города Смоленска",
            GEN,
            "Исполняющего обязанности главы города Смоленска",
        ),
        (
            "Исполняющая обязанности главы администрации",
            GEN,
            "Исполняющей обязанности главы администрации",
        ),
        (
            "Исполняющая обязанности главы администрации",
            ACC,
            "Исполняющую обязанности главы администрации",
        ),
        (
            "Временно исполняющий обязанности Губернатора Смоленской области",
            INS,
            "Временно исполняющим обязанности Губернатора Смоленской области",
        ),
        # adjective + noun: both decline; the accusative of a person is animate
        ("Первый заместитель главы города", GEN, "Первого заместителя главы города"),
        ("Первый заместитель главы города", ACC, "Первого заместителя главы города"),
        ("Главный специалист-эксперт", ACC, "Главного специалиста-эксперта"),
        ("Городской Голова", GEN, "Городского Головы"),
        ("Городской Голова", ACC, "Городского Голову"),
        ("Вице-губернатор Смоленской области", GEN, "Вице-губернатора Смоленской области"),
        ("Уполномоченный по правам человека", DAT, "Уполномоченному по правам человека"),
        ("ГЛАВА ГОРОДА", GEN, "ГЛАВЫ ГОРОДА"),
        ("Глава города Смоленска", Case.NOMINATIVE, "Глава города Смоленска"),
        # not Russian, or an abbreviation: as written
        ("Mayor of Lusaka", GEN, "Mayor of Lusaka"),
        ("И.о. главы города", GEN, "И.о. главы города"),
        ("", GEN, ""),
    ],
)
def test_decline_position(position: str, case: Case, expected: str) -> None:
    assert decline_position(position, case) == expected


@pytest.mark.parametrize(
    ("body", "case", "expected"),
    [
        ("Администрация города Смоленска", GEN, "Администрации города Смоленска"),
        ("Администрация города Смоленска", INS, "Администрацией города Смоленска"),
        ("Городская Дума города Калуги", INS, "Городской Думой города Калуги"),
        ("Городская Дума города Калуги", GEN, "Городской Думы города Калуги"),
        (
            "Могилевский городской Совет депутатов",
            GEN,
            "Могилевского городского Совета депутатов",
        ),
        (
            "Могилевский городской Совет депутатов",
            INS,
            "Могилевским городским Советом депутатов",
        ),
        # an inanimate body's accusative is its nominative
        ("Смоленский городской Совет", ACC, "Смоленский городской Совет"),
        ("Тульская городская Дума", ACC, "Тульскую городскую Думу"),
        ("Ростовская-на-Дону городская Дума", GEN, "Ростовской-на-Дону городской Думы"),
        ("Городской совет Лусаки", INS, "Городским советом Лусаки"),
        (
            "Минский городской исполнительный комитет",
            PRE,
            "Минском городском исполнительном комитете",
        ),
        # ё stays as the author wrote it, and so does е
        ("Могилёвский городской Совет депутатов", GEN, "Могилёвского городского Совета депутатов"),
        (
            "Администрация муниципального образования «город Десногорск» Смоленской области",
            GEN,
            "Администрации муниципального образования «город Десногорск» Смоленской области",
        ),
        ("Правительство Москвы", INS, "Правительством Москвы"),
    ],
)
def test_decline_body(body: str, case: Case, expected: str) -> None:
    assert decline_body(body, case) == expected


def test_acting_participle_follows_the_gender() -> None:
    assert acting_participle(Gender.MALE) == "действующего"
    assert acting_participle(Gender.FEMALE) == "действующей"
    assert acting_participle(Gender.UNKNOWN) == "действующего"


def test_preamble_for_a_female_signatory() -> None:
    name = "Шевчук Анна Петровна"
    gender = guess_gender(name)
    text = (
        f"{decline_body('Администрация города Смоленска', Case.NOMINATIVE)} в лице "
        f"{decline_position('Глава города Смоленска', GEN)} {decline_person(name, GEN)}, "
        f"{acting_participle(gender)} на основании Устава"
    )
    assert text == (
        "Администрация города Смоленска в лице Главы города Смоленска Шевчук Анны Петровны, "
        "действующей на основании Устава"
    )


def test_case_codes_are_stable() -> None:
    assert [c.value for c in Case] == [
        "nominative",
        "genitive",
        "dative",
        "accusative",
        "instrumental",
        "prepositional",
    ]
    assert Case("genitive") is Case.GENITIVE


def test_importing_loads_no_analyser() -> None:
    # Start-up cost: the dictionaries load on the first declension, not on import.
    code = (
        "import sys, mumidesk.domain.grammar as g;"
        "assert 'pymorphy3' not in sys.modules and 'pytrovich' not in sys.modules;"
        "g.decline_position('Мэр города', g.Case.GENITIVE);"
        "assert 'pymorphy3' in sys.modules"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
