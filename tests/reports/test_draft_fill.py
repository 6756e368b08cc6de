"""Filling a template from an agreement: the demo agreements in ru|en, ru|de and ru|zh with the
declined Russian preamble, area articles only for the chosen areas, the term variants, typed
forms winning over the grammar, the draft mark, and clear errors for what a template lacks."""

from __future__ import annotations

import datetime as dt
import shutil
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from mumidesk.db.engine import Database
from mumidesk.domain.agreements import Agreement, AgreementParty, Signatory
from mumidesk.domain.enums import AgreementStatus, CooperationArea, Gender, PartySide
from mumidesk.domain.errors import ValidationError
from mumidesk.reports.drafts.fill import BLANK, fill_draft, list_templates
from mumidesk.reports.drafts.model import DraftDocument
from mumidesk.reports.drafts.templates import user_dir
from mumidesk.services.demo import demo_id, load_demo
from mumidesk.services.registry import Services

LUSAKA = "agreement/rostov/lusaka"
MOGILEV = "agreement/kaluga/mogilev_draft"
SMOLENSK = "agreement/kaluga/smolensk_council"  # signed and registered in the demo

ROSTOV_PREAMBLE = (
    "Администрация города Ростова-на-Дону (Российская Федерация) в лице Главы администрации "
    "города Ростова-на-Дону Логвиненко Алексея, действующего на основании Устава, с одной "
    "стороны, и Городской совет Лусаки (Замбия) в лице Мэра города Лусаки (ФИО уточняется), "
    "действующего на основании Устава, с другой стороны"
)
KALUGA_PREAMBLE = (
    "Городская Дума города Калуги (Российская Федерация) в лице Главы городского самоуправления "
    "города Калуги Иванова Александра, действующего на основании Устава, с одной стороны, и "
    "Могилевский городской Совет депутатов (Беларусь) в лице Председателя Могилевского "
    "городского Совета депутатов (ФИО уточняется), действующего на основании Устава"
)


@pytest.fixture(scope="module")
def demo(sqlite_template: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Services]:
    """The demo data, loaded once for the module: filling a draft only reads."""
    path = tmp_path_factory.mktemp("demo") / "demo.db"
    shutil.copyfile(sqlite_template, path)
    db = Database("sqlite:///" + path.as_posix(), user="tester")
    services = Services.for_database(db)
    load_demo(services)
    yield services
    db.dispose()


def article_titles(doc: DraftDocument, lang: str = "ru") -> list[str]:
    return [a.title[lang] for a in doc.articles]


def full_text(doc: DraftDocument, lang: str) -> str:
    parts = [doc.title[lang], doc.preamble[lang]]
    for article in doc.articles:
        parts += [article.title[lang], *article.paragraphs[lang]]
    parts.append(doc.closing[lang])
    for block in doc.signatures:
        parts += [block.body[lang], block.position[lang], block.name[lang]]
    return "\n".join(parts)


def test_list_templates_gives_the_shipped_ones() -> None:
    ids = [t.id for t in list_templates()]
    assert ids == sorted(ids)
    assert {
        "twinning",
        "cooperation",
        "representative_bodies",
        "memorandum",
        "joint_events_plan",
    } <= set(ids)


# --- the demo agreements ---------------------------------------------------------------------


@pytest.mark.parametrize("second", ["en", "de", "zh"])
def test_rostov_lusaka_fills_in_two_languages(demo: Services, second: str) -> None:
    doc = fill_draft(demo, demo_id(LUSAKA), "cooperation", ("ru", second))
    assert doc.languages == ("ru", second)
    assert doc.is_bilingual and doc.is_draft  # approved, signing pending
    assert doc.template_id == "cooperation"
    assert ROSTOV_PREAMBLE in doc.preamble["ru"]
    assert doc.title["ru"] == (
        "Соглашение о сотрудничестве между городом Ростовом-на-Дону (Российская Федерация) и "
        "городом Лусакой (Замбия)"
    )
    assert doc.meta_title == doc.title["ru"]
    # the articles line up: each has both languages, numbered straight through
    assert [a.number for a in doc.articles] == list(range(1, len(doc.articles) + 1))
    for article in doc.articles:
        assert article.title["ru"] and article.title[second]
        assert len(article.paragraphs["ru"]) == len(article.paragraphs[second])
    text = full_text(doc, second)
    assert "{{" not in text and "}}" not in text
    assert "{{" not in full_text(doc, "ru")
    # the own signatory in Latin letters where the language is not written in Cyrillic
    assert "Logvinenko Aleksei" in doc.preamble[second]
    assert doc.signatures[0].name["ru"] == "А. Логвиненко"
    assert doc.signatures[0].name[second] == "A. Logvinenko"
    # the partner's signatory is not known yet: a note in Russian, a blank elsewhere
    assert doc.signatures[1].name["ru"] == "(ФИО уточняется)"
    assert doc.signatures[1].name[second] == BLANK


def test_rostov_lusaka_texts_per_language(demo: Services) -> None:
    en = fill_draft(demo, demo_id(LUSAKA), "cooperation", ("ru", "en"))
    assert en.preamble["en"].startswith(
        "The Administration of the City of Rostov-on-Don (Russian Federation), represented by"
    )
    assert "acting on the basis of the Charter" in en.preamble["en"]
    assert "the Lusaka City Council (Zambia)" in en.preamble["en"]
    areas = "education, sport, culture, economy, urban development, and tourism"
    assert areas in en.articles[0].paragraphs["en"][0]
    assert (
        "образование, спорт, культура, экономика, градостроительство и туризм"
        in en.articles[0].paragraphs["ru"][0]
    )
    assert en.closing["ru"] == (
        f"Совершено в {BLANK} {BLANK} в двух экземплярах, каждый на русском и английском языках, "
        "причём все тексты имеют одинаковую силу."
    )
    assert "each in the Russian and English languages" in en.closing["en"]

    de = fill_draft(demo, demo_id(LUSAKA), "cooperation", ("ru", "de"))
    assert (
        "Bildung, Sport, Kultur, Wirtschaft, Stadtentwicklung und Tourismus"
        in (de.articles[0].paragraphs["de"][0])
    )
    assert "handelnd auf Grundlage der Satzung" in de.preamble["de"]
    assert "(Sambia)" in de.preamble["de"]
    assert "jede in russischer und deutscher Sprache" in de.closing["de"]
    assert "каждый на русском и немецком языках" in de.closing["ru"]

    zh = fill_draft(demo, demo_id(LUSAKA), "cooperation", ("ru", "zh"))
    assert zh.articles[0].paragraphs["zh"][0] == (
        "双方在以下领域开展互利合作：教育、体育、文化、经济、城市发展和旅游。"
    )
    assert "（赞比亚）" in zh.preamble["zh"]
    assert "每份均用俄文和中文写成" in zh.closing["zh"]
    assert " " not in zh.articles[1].paragraphs["zh"][0]  # wrapped CJK lines joined without space


def test_area_articles_follow_the_chosen_areas(demo: Services) -> None:
    doc = fill_draft(demo, demo_id(LUSAKA), "cooperation", ("ru", "en"))
    titles = article_titles(doc)
    for chosen in (
        "Экономическое сотрудничество",
        "Сотрудничество в области образования",
        "Сотрудничество в области культуры",
        "Сотрудничество в области физической культуры и спорта",
        "Сотрудничество в сфере туризма",
        "Городское развитие",
    ):
        assert chosen in titles
    for not_chosen in (
        "Научное сотрудничество",
        "Инвестиционное сотрудничество",
        "Молодёжная политика",
        "Сотрудничество в сфере здравоохранения",
        "Муниципальное управление",
    ):
        assert not_chosen not in titles
    # the standard final clauses close the document; the term: Lusaka's has none
    assert titles[-4:] == [
        "Изменения и дополнения",
        "Разрешение споров",
        "Срок действия Соглашения",
        "Заключительные положения",
    ]
    term = doc.articles[-2].paragraphs["ru"][0]
    assert term.endswith("и заключается на неопределённый срок.")
    assert titles.count("Срок действия Соглашения") == 1


@pytest.mark.parametrize("second", ["en", "de"])
def test_kaluga_mogilev_representative_bodies(demo: Services, second: str) -> None:
    doc = fill_draft(demo, demo_id(MOGILEV), "representative_bodies", ("ru", second))
    assert doc.is_draft
    assert doc.title["ru"] == (
        "Соглашение о сотрудничестве между Городской Думой города Калуги (Российская Федерация) "
        "и Могилевским городским Советом депутатов (Беларусь)"
    )
    assert KALUGA_PREAMBLE in doc.preamble["ru"]
    assert "между городами Калугой и Могилёвом" in doc.preamble["ru"]
    titles = article_titles(doc)
    assert {"Культура", "Образование", "Физическая культура и спорт", "Молодёжная политика"} <= set(
        titles
    )
    assert "Экономика" not in titles
    term = next(a for a in doc.articles if a.title["ru"] == "Срок действия Соглашения")
    assert "заключается сроком на 5 лет." in term.paragraphs["ru"][0]
    assert "автоматически продлевается каждый раз на 5 лет" in term.paragraphs["ru"][1]
    expected = {"en": "for a period of 5 years", "de": "für 5 Jahre"}[second]
    assert expected in term.paragraphs[second][0]
    assert doc.signatures[0].name[second] == "A. Ivanov"
    assert doc.signatures[0].body[second] == "Kaluga City Duma"


@pytest.mark.parametrize("langs", [("ru", "en"), ("ru", "de"), ("ru", "zh")])
def test_kaluga_mogilev_cooperation_in_every_demo_pair(
    demo: Services, langs: tuple[str, str]
) -> None:
    doc = fill_draft(demo, demo_id(MOGILEV), "cooperation", langs)
    assert KALUGA_PREAMBLE in doc.preamble["ru"]
    second = langs[1]
    assert "{{" not in full_text(doc, second)
    term = next(a for a in doc.articles if a.title["ru"] == "Срок действия Соглашения")
    assert {"en": "5 years", "de": "5 Jahre", "zh": "5年"}[second] in term.paragraphs[second][0]


def test_every_shipped_template_fills_the_demo_agreements(demo: Services) -> None:
    for template in list_templates():
        for key in (LUSAKA, MOGILEV, SMOLENSK):
            for lang in template.languages:
                langs = ("ru",) if lang == "ru" else ("ru", lang)
                doc = fill_draft(demo, demo_id(key), template.id, langs)
                for code in langs:
                    assert "{{" not in full_text(doc, code), (template.id, key, code)


def test_one_language_draft_names_the_agreements_languages(demo: Services) -> None:
    doc = fill_draft(demo, demo_id(LUSAKA), "twinning", ("ru",))
    assert doc.languages == ("ru",) and not doc.is_bilingual
    assert set(doc.preamble) == {"ru"}
    assert "каждый на русском и английском языках" in doc.closing["ru"]
    kaluga = fill_draft(demo, demo_id(MOGILEV), "twinning", ("ru",))
    assert "в двух экземплярах, на русском языке, причём оба экземпляра" in kaluga.closing["ru"]


def test_signed_agreement_is_no_draft_and_names_place_and_date(demo: Services) -> None:
    agreement = demo.agreements.get(demo_id(SMOLENSK))
    assert agreement.status not in (AgreementStatus.DRAFT, AgreementStatus.APPROVED)
    doc = fill_draft(demo, agreement.id, "representative_bodies", ("ru", "en"))
    assert not doc.is_draft
    assert doc.closing["ru"].startswith("Совершено в г. Калуга 15 декабря 2016\u202fг.")
    assert "on December 15, 2016" in doc.closing["en"]
    # a Russian partner: its city and country come from the municipality
    assert "Смоленский городской Совет (Россия)" in doc.preamble["ru"]
    # no signatory on the partner side yet: lines to write on
    assert f"в лице {BLANK} {BLANK}, действующего" in doc.preamble["ru"]


# --- an agreement built here: gender, overrides, months, hostile text -------------------------


def make_agreement(services: Services, **changes: object) -> uuid.UUID:
    own = AgreementParty(
        side=PartySide.OWN,
        name_ru="Администрация города Смоленска",
        name_en="Smolensk City Administration",
        signatories=[
            Signatory(
                full_name="Щукина Наталья Викторовна",
                position="Глава города Смоленска",
                gender=Gender.FEMALE,
            )
        ],
    )
    partner = AgreementParty(
        side=PartySide.PARTNER,
        name_ru="Брестский городской исполнительный комитет",
        name_en="Brest City Executive Committee",
        signatories=[Signatory(full_name="Рогачук Александр Степанович", position="Председатель")],
    )
    agreement = Agreement(
        title="Соглашение о сотрудничестве",
        parties=[own, partner],
        areas=[CooperationArea.CULTURE],
        languages=["ru", "en"],
        term_months=18,
        auto_prolongation=True,
        prolongation_months=12,
    )
    for name, value in changes.items():
        setattr(agreement, name, value)
    return services.agreements.create(agreement).id


def test_female_signatory_and_guessed_gender(services: Services) -> None:
    doc = fill_draft(services, make_agreement(services), "cooperation", ("ru", "en"))
    assert (
        "Администрация города Смоленска (Российская Федерация) в лице Главы города Смоленска "
        "Щукиной Натальи Викторовны, действующей на основании Устава"
    ) in doc.preamble["ru"]
    # the partner's gender is not recorded: the patronymic tells it
    assert (
        "в лице Председателя Рогачука Александра Степановича, действующего" in (doc.preamble["ru"])
    )
    assert "Shchukina Natalia Viktorovna" in doc.preamble["en"]
    # as entered in every other language: the partner's name is not transliterated
    assert "Рогачук Александр Степанович" in doc.preamble["en"]


def test_area_articles_only_for_the_chosen_area(services: Services) -> None:
    doc = fill_draft(services, make_agreement(services), "cooperation", ("ru",))
    area_titles = {"Сотрудничество в области культуры", "Экономическое сотрудничество"}
    assert set(article_titles(doc)) & area_titles == {"Сотрудничество в области культуры"}


def test_months_and_prolongation(services: Services) -> None:
    doc = fill_draft(services, make_agreement(services), "cooperation", ("ru", "de"))
    term = next(a for a in doc.articles if a.title["ru"] == "Срок действия Соглашения")
    assert "сроком на 18 месяцев." in term.paragraphs["ru"][0]
    assert "каждый раз на 1 год," in term.paragraphs["ru"][1]
    assert "für 18 Monate" in term.paragraphs["de"][0]
    assert "um 1 Jahr," in term.paragraphs["de"][1]
    fixed = fill_draft(
        services,
        make_agreement(services, auto_prolongation=False, term_months=24),
        "cooperation",
        ("ru", "zh"),
    )
    term = next(a for a in fixed.articles if a.title["ru"] == "Срок действия Соглашения")
    assert "сроком на 2 года. Срок его действия может быть продлён" in term.paragraphs["ru"][0]
    assert "有效期为2年" in term.paragraphs["zh"][0]


def test_typed_forms_win_over_the_grammar(services: Services) -> None:
    agreement_id = make_agreement(services)
    agreement = services.agreements.get(agreement_id)
    own = agreement.parties[0]
    own.name_ru_instrumental = "Администрацией муниципального образования «город Смоленск»"
    own.signatories[0].name_genitive = "Щукиной Н. В."
    own.signatories[0].position_genitive = "Главы муниципального образования"
    services.agreements.update(agreement)
    doc = fill_draft(services, agreement_id, "representative_bodies", ("ru",))
    assert doc.title["ru"].startswith(
        "Соглашение о сотрудничестве между Администрацией муниципального образования "
        "«город Смоленск» (Российская Федерация)"
    )
    assert (
        "в лице Главы муниципального образования Щукиной Н. В., действующей" in (doc.preamble["ru"])
    )


def test_hostile_values_are_printed_literally(services: Services) -> None:
    agreement_id = make_agreement(services)
    agreement = services.agreements.get(agreement_id)
    agreement.parties[1].name_ru = "Совет {{ own_body }} & <b>Ко</b> {{{{"
    agreement.signed_place = "{{ __import__('os') }}"
    services.agreements.update(agreement)
    doc = fill_draft(services, agreement_id, "cooperation", ("ru", "en"))
    assert f"и Совет {{{{ own_body }}}} & <b>Ко</b> {{{{{{{{ ({BLANK}) в лице" in doc.preamble["ru"]
    assert doc.closing["ru"].startswith("Совершено в {{ __import__('os') }} ")


# --- what a template or a request lacks -------------------------------------------------------


def test_a_language_the_template_lacks_is_named(demo: Services) -> None:
    with pytest.raises(ValidationError) as caught:
        fill_draft(demo, demo_id(LUSAKA), "twinning", ("ru", "de"))
    assert caught.value.fields == ["languages"]
    message = str(caught.value)
    assert "twinning" in message and "twinning.toml" in message and "de" in message


def test_a_missing_wording_table_is_named(services: Services, tmp_path: Path) -> None:
    source = (Path(__file__).parents[2] / "resources" / "templates" / "memorandum.toml").read_text(
        encoding="utf-8"
    )
    # a French memorandum: French texts everywhere, but no [areas.fr] table
    french = source.replace('id = "memorandum"', 'id = "memo_fr"')
    french = french.replace("\nen = ", "\nfr = ").replace(".en = ", ".fr = ")
    french = french.replace("[text_languages.en]", "[text_languages.fr]")
    user_dir().mkdir(parents=True, exist_ok=True)
    (user_dir() / "memo_fr.toml").write_text(french, encoding="utf-8")
    with pytest.raises(ValidationError) as caught:
        fill_draft(services, make_agreement(services), "memo_fr", ("ru", "fr"))
    assert "memo_fr" in str(caught.value) and "[areas.fr]" in str(caught.value)


@pytest.mark.parametrize("languages", [("ru", "en", "de"), (), ("xx-not-a-language",), ("ru", "1")])
def test_bad_language_lists_are_refused(demo: Services, languages: tuple[str, ...]) -> None:
    with pytest.raises(ValidationError) as caught:
        fill_draft(demo, demo_id(LUSAKA), "cooperation", languages)
    assert caught.value.fields == ["languages"]


def test_russian_goes_first_and_unknown_template_is_refused(demo: Services) -> None:
    doc = fill_draft(demo, demo_id(LUSAKA), "cooperation", ("en", "ru"))
    assert doc.languages == ("ru", "en")
    chinese = fill_draft(demo, demo_id(LUSAKA), "cooperation", ("zh-Hans", "ru"))
    assert chinese.languages == ("ru", "zh")
    with pytest.raises(ValidationError) as caught:
        fill_draft(demo, demo_id(LUSAKA), "no_such_template", ("ru",))
    assert caught.value.fields == ["template"]


def test_draft_of_a_date_signed_agreement_uses_babel_dates(services: Services) -> None:
    agreement_id = make_agreement(services)
    agreement = services.agreements.get(agreement_id)
    agreement.signed_date = dt.date(2024, 3, 5)  # as the signing step records it
    services.agreements.update(agreement)
    doc = fill_draft(services, agreement_id, "cooperation", ("ru", "zh"))
    assert "5 марта 2024\u202fг." in doc.closing["ru"]
    assert doc.closing["zh"].startswith("本协议于2024年3月5日在")
