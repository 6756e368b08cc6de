"""Folding text for search: Cyrillic case, ё as е, one space."""

from __future__ import annotations

import unicodedata

import pytest

from mumidesk.domain.text import fold, search_terms


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("Смоленск", "смоленск"),
        ("СМОЛЕНСК", "смоленск"),
        ("Могилёв", "могилев"),
        ("МОГИЛЁВ", "могилев"),
        ("Straße", "strasse"),
        ("  Великий   Новгород\t\n", "великий новгород"),
        ("Rostov-on-Don", "rostov-on-don"),
        ("", ""),
    ],
)
def test_fold(text: str, folded: str) -> None:
    assert fold(text) == folded


def test_fold_composes_decomposed_letters() -> None:
    decomposed = unicodedata.normalize("NFD", "Йошкар-Ола")
    assert decomposed != "Йошкар-Ола"
    assert fold(decomposed) == "йошкар-ола"
    # ё written as е + combining diaeresis is read as е too
    assert fold(unicodedata.normalize("NFD", "Ёлки")) == "елки"


def test_fold_is_idempotent() -> None:
    once = fold("Ёжик В ТУМАНЕ")
    assert fold(once) == once


@pytest.mark.parametrize(
    ("query", "terms"),
    [
        ("Смоленск", ["смоленск"]),
        ('"Ганзейский союз"', ["ганзейский", "союз"]),
        ("могилёв*", ["могилев"]),
        ("a OR (b)", ["a", "or", "b"]),
        ("  ", []),
        ("^{}[]+:'", []),
    ],
)
def test_search_terms(query: str, terms: list[str]) -> None:
    assert search_terms(query) == terms
