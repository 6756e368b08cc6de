"""Agreement drafts built by hand for the renderer tests: known texts in Russian, English,
German and Chinese, hostile characters in the preamble, and one article long enough to run
over a page break."""

from __future__ import annotations

import re

from mumidesk.reports.drafts.model import DraftArticle, DraftDocument, SignatureBlock

HOSTILE = "Tom & Jerry <b>не жирный</b> «ёлки»"
LONG_ARTICLE = 3
END_MARK = "[3999]"  # ends the long article's last paragraph in every language
ARTICLES = 5

_TEXTS: dict[str, dict[str, str]] = {
    "ru": {
        "title": "Соглашение о сотрудничестве между городом Ростовом-на-Дону "
        "(Российская Федерация) и городом Лусакой (Республика Замбия)",
        "preamble": "Администрация города Ростова-на-Дону в лице Главы администрации "
        "города Ростова-на-Дону Логвиненко Алексея Владимировича, действующего на основании "
        "Устава, с одной стороны, и Городской совет Лусаки, с другой стороны, далее "
        "именуемые «Стороны», договорились о нижеследующем: " + HOSTILE,
        "article": "Предмет соглашения",
        "text": "Стороны развивают сотрудничество в области образования, спорта и культуры.",
        "long": "Стороны содействуют связям между учреждениями образования, культуры и спорта, "
        "обмену делегациями, опытом и информацией.",
        "closing": "Совершено в двух экземплярах, каждый на русском и втором языках, причём оба "
        "текста имеют одинаковую силу.",
        "body": "Администрация города Ростова-на-Дону",
        "position": "Глава администрации города Ростова-на-Дону",
        "name": "А. В. Логвиненко",
        "partner_body": "Городской совет Лусаки",
        "partner_position": "Мэр города Лусаки",
        "partner_name": "(ФИО уточняется)",
    },
    "en": {
        "title": "Agreement on cooperation between the City of Rostov-on-Don (Russian "
        "Federation) and the City of Lusaka (Republic of Zambia)",
        "preamble": "The Administration of the City of Rostov-on-Don represented by the Head "
        "of the Administration Alexey Logvinenko, acting on the basis of the Charter, and "
        "Lusaka City Council, hereinafter the Parties, have agreed as follows: " + HOSTILE,
        "article": "Subject of the agreement",
        "text": "The Parties develop cooperation in education, sport and culture.",
        "long": "The Parties promote ties between institutions of education, culture and sport, "
        "the exchange of delegations, experience and information.",
        "closing": "Done in two copies, each in Russian and in the second language, both texts "
        "being equally authentic.",
        "body": "Administration of the City of Rostov-on-Don",
        "position": "Head of the Administration of the City of Rostov-on-Don",
        "name": "Alexey Logvinenko",
        "partner_body": "Lusaka City Council",
        "partner_position": "Mayor of Lusaka",
        "partner_name": "(name to be confirmed)",
    },
    "de": {
        "title": "Vereinbarung über die Zusammenarbeit zwischen der Stadt Rostow am Don und "
        "der Stadt Lusaka",
        "preamble": "Die Verwaltung der Stadt Rostow am Don, vertreten durch den Leiter der "
        "Verwaltung Alexej Logwinenko, und der Stadtrat von Lusaka, im Folgenden die Parteien, "
        "sind wie folgt übereingekommen: " + HOSTILE,
        "article": "Gegenstand der Vereinbarung",
        "text": "Die Parteien entwickeln die Zusammenarbeit in Bildung, Sport und Kultur.",
        "long": "Die Parteien fördern die Verbindungen zwischen Einrichtungen der Bildung, "
        "Kultur und des Sports, den Austausch von Delegationen und Erfahrungen.",
        "closing": "Geschehen in zwei Exemplaren, jedes in russischer und deutscher Sprache.",
        "body": "Verwaltung der Stadt Rostow am Don",
        "position": "Leiter der Verwaltung der Stadt Rostow am Don",
        "name": "Alexej Logwinenko",
        "partner_body": "Stadtrat von Lusaka",
        "partner_position": "Bürgermeister von Lusaka",
        "partner_name": "(Name folgt)",
    },
    "zh": {
        "title": "顿河畔罗斯托夫市与卢萨卡市合作协议",
        "preamble": "顿河畔罗斯托夫市政府与卢萨卡市议会（以下简称“双方”）达成如下协议：" + HOSTILE,
        "article": "协议主题",
        "text": "双方在平等互利的基础上发展教育、体育和文化领域的合作。",
        "long": "双方促进教育、文化和体育机构之间的联系，交流代表团、经验和信息。",
        "closing": "本协议一式两份，每份均用俄文和中文写成，两种文本同等作准。",
        "body": "顿河畔罗斯托夫市政府",
        "position": "顿河畔罗斯托夫市政府首脑",
        "name": "阿列克谢·洛格维年科",
        "partner_body": "卢萨卡市议会",
        "partner_position": "卢萨卡市长",
        "partner_name": "（姓名待定）",
    },
}


def text(language: str, key: str) -> str:
    return _TEXTS[language][key]


def _paragraphs(language: str, number: int, long_repeat: int) -> tuple[str, ...]:
    t = _TEXTS[language]
    if number != LONG_ARTICLE:
        return (f"{number}.1 {t['text']}", f"{number}.2 {t['text']}")
    sep = "" if language == "zh" else " "
    body = sep.join([t["long"]] * long_repeat)
    return (f"{number}.1 {body}", f"{number}.2 {body}", f"{number}.3 {body} {END_MARK}")


def sample_draft(
    languages: tuple[str, ...] = ("ru", "en"), *, is_draft: bool = True, long_repeat: int = 12
) -> DraftDocument:
    """A draft of ARTICLES articles; article LONG_ARTICLE has three paragraphs of
    ``long_repeat`` sentences each, the last ending with END_MARK."""

    def each(key: str) -> dict[str, str]:
        return {lang: _TEXTS[lang][key] for lang in languages}

    articles = tuple(
        DraftArticle(
            number=number,
            title=each("article"),
            paragraphs={lang: _paragraphs(lang, number, long_repeat) for lang in languages},
        )
        for number in range(1, ARTICLES + 1)
    )
    return DraftDocument(
        template_id="sample",
        languages=languages,
        title=each("title"),
        preamble=each("preamble"),
        articles=articles,
        signatures=(
            SignatureBlock(body=each("body"), position=each("position"), name=each("name")),
            SignatureBlock(
                body=each("partner_body"),
                position=each("partner_position"),
                name=each("partner_name"),
            ),
        ),
        closing=each("closing"),
        is_draft=is_draft,
        meta_title=_TEXTS[languages[0]]["title"],
    )


_JOINERS = re.compile(r"[\s\-\u00ad]+")


def letters(text: str) -> str:
    """Text without whitespace and hyphens: a justified column hyphenates words at line ends
    ("Ростова-\\nна-Дону", "Владимиро-\\nвича"), so texts are compared without both."""
    return _JOINERS.sub("", text)
