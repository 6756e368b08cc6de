from __future__ import annotations

import datetime as dt

from mumidesk.domain.events import Event
from mumidesk.domain.fuzzy_date import FuzzyDate
from mumidesk.domain.municipalities import Municipality
from mumidesk.domain.partners import Partner
from mumidesk.services.registry import Services


def test_cyrillic_search_is_case_insensitive_and_finds_substrings(services: Services) -> None:
    smolensk = services.municipalities.create(Municipality(name_ru="Смоленск", name_en="Smolensk"))
    services.partners.create(Partner(name_ru="Могилёв", name_en="Mogilev", country_code="BY"))
    event = services.events.create(
        Event(
            name="Участие в собрании делегатов Международного Ганзейского союза",
            municipality_id=smolensk.id,
            dates=FuzzyDate.day(dt.date(2020, 6, 5)),
            participants="Сотрудники Администрации г. Смоленска",
        )
    )

    kinds = {(h.kind, h.title) for h in services.search.search("смоленск")}
    assert ("municipality", "Смоленск") in kinds
    assert ("event", event.name) in kinds
    # ё is read as е, upper case as lower case
    assert [h.title for h in services.search.search("МОГИЛЕВ")] == ["Могилёв"]
    # a substring inside a word
    assert [h.id for h in services.search.search("ганзей")] == [event.id]
    # two words must both match
    assert services.search.search("ганзейского смоленска")[0].id == event.id
    assert services.search.search("ганзейского минска") == []


def test_search_follows_updates_and_soft_deletes(services: Services) -> None:
    partner = services.partners.create(Partner(name_ru="Лусака", country_code="ZM"))
    partner.name_ru = "Лусака (столица Замбии)"
    services.partners.update(partner)
    assert services.search.search("замбии")[0].id == partner.id
    assert partner.id is not None
    services.partners.delete(partner.id)
    assert services.search.search("лусака") == []
    services.partners.restore(partner.id)
    assert services.search.search("лусака")[0].id == partner.id
