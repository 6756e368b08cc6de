"""The few fixed words a draft's layout adds in each text language: the "ПРОЕКТ / DRAFT" mark,
"Статья 1." before an article's title, "М.П." / "L.S." where the seal goes.

Russian and English come from the catalog (the languages of the application); a partner
language has its words in a small table, which also holds the Russian words for a catalog that
lacks them (a Russian document never prints an English word). A language the table lacks gets
the English mark, the bare article number and "L.S." (locus sigilli, understood everywhere).
"""

from __future__ import annotations

from collections.abc import Iterable

from mumidesk import i18n
from mumidesk.i18n import N_, _

SEPARATOR = " / "  # between the same word in the two languages: "ПРОЕКТ / DRAFT"

DRAFT = N_("Draft")
ARTICLE = N_("Article {number}.")
SEAL = N_("L.S.")

# Partner languages, and Russian where the catalog has no translation yet.
_DRAFT_WORDS = {
    "ru": "Проект",
    "be": "Праект",
    "bg": "Проект",
    "cs": "Návrh",
    "de": "Entwurf",
    "es": "Proyecto",
    "fr": "Projet",
    "it": "Bozza",
    "ja": "草案",
    "ko": "초안",
    "pl": "Projekt",
    "pt": "Minuta",
    "sr": "Нацрт",
    "tr": "Taslak",
    "uk": "Проєкт",
    "zh": "草案",
}
_ARTICLE_WORDS = {
    "ru": "Статья {number}.",
    "be": "Артыкул {number}.",
    "bg": "Член {number}.",
    "cs": "Článek {number}.",
    "de": "Artikel {number}.",
    "es": "Artículo {number}.",
    "fr": "Article {number}.",
    "it": "Articolo {number}.",
    "ja": "第{number}条",
    "ko": "제{number}조",
    "pl": "Artykuł {number}.",
    "pt": "Artigo {number}.",
    "sr": "Члан {number}.",
    "tr": "Madde {number}.",
    "uk": "Стаття {number}.",
    "zh": "第{number}条",
}
_SEAL_WORDS = {"ru": "М.П.", "be": "М.П.", "bg": "М.П.", "sr": "М.П.", "uk": "М.П."}
_BARE_NUMBER = "{number}."


def _base(language: str) -> str:
    return language.split("-")[0].split("_")[0].lower()


def _catalog(language: str, message: str) -> str | None:
    """``message`` translated into ``language`` if the application speaks it (and its catalog
    has the translation)."""
    if language not in i18n.SUPPORTED:
        return None
    with i18n.language(language):
        translated = _(message)
    if translated == message and language != "en":
        return None
    return translated


def draft_word(language: str) -> str:
    """The mark of an unsigned draft in one language: "ПРОЕКТ", "DRAFT", "草案"."""
    code = _base(language)
    word = _catalog(code, DRAFT) or _DRAFT_WORDS.get(code) or _catalog("en", DRAFT) or DRAFT
    return word.upper()


def draft_mark(languages: Iterable[str]) -> str:
    """The whole mark: "ПРОЕКТ / DRAFT", "ПРОЕКТ / 草案", "ПРОЕКТ" for a Russian text."""
    return joined([draft_word(language) for language in languages])


def article_heading(language: str, number: int, title: str = "") -> str:
    """ "Статья 1. Предмет соглашения", "Article 1. Subject", "第1条 合作领域"."""
    code = _base(language)
    pattern = _catalog(code, ARTICLE) or _ARTICLE_WORDS.get(code, _BARE_NUMBER)
    head = pattern.format(number=number)
    return f"{head} {title}" if title.strip() else head


def seal_place(language: str) -> str:
    """Where the seal goes under a signature: "М.П." in Russian, "L.S." in English."""
    code = _base(language)
    return _catalog(code, SEAL) or _SEAL_WORDS.get(code, "L.S.")


def joined(words: list[str]) -> str:
    """The same word in each language once: "ПРОЕКТ / DRAFT", "L.S." (not "L.S. / L.S.")."""
    return SEPARATOR.join(dict.fromkeys(word for word in words if word))


def distinct_texts(texts: dict[str, str], languages: Iterable[str]) -> list[tuple[str, str]]:
    """(language, text) for each language whose text is not the same as an earlier one's."""
    seen: set[str] = set()
    found: list[tuple[str, str]] = []
    for language in languages:
        text = texts.get(language, "").strip()
        if text and text not in seen:
            seen.add(text)
            found.append((language, text))
    return found
