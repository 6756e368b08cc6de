"""Partners imported from the English twin-cities list have no Russian name yet: sorting by
name uses the name shown (Russian, else English), and never puts blanks first."""

from __future__ import annotations

from mumidesk.domain.partners import Partner
from mumidesk.services.registry import Services


def test_sort_by_name_uses_the_shown_name(services: Services) -> None:
    services.partners.create(Partner(name_ru="Могилёв", name_en="Mogilev", country_code="BY"))
    services.partners.create(Partner(name_en="Lusaka", country_code="ZM"))
    services.partners.create(Partner(name_local="Ostrava", country_code="CZ"))
    up = [p.display_name for p in services.partners.list(sort="name").items]
    assert up == ["Lusaka", "Ostrava", "Могилёв"]
    down = [p.display_name for p in services.partners.list(sort="name", descending=True).items]
    assert down == ["Могилёв", "Ostrava", "Lusaka"]


def test_blank_russian_names_sort_last(services: Services) -> None:
    services.partners.create(Partner(name_en="Lusaka", country_code="ZM"))
    services.partners.create(Partner(name_ru="Виктория", name_en="Victoria", country_code="SC"))
    assert [p.name_en for p in services.partners.list(sort="name_en").items] == [
        "Lusaka",
        "Victoria",
    ]
    # sorting by the English name: a partner without one goes last both ways
    services.partners.create(Partner(name_ru="Брест", country_code="BY"))
    for descending in (False, True):
        page = services.partners.list(sort="name_en", descending=descending)
        assert page.items[-1].name_ru == "Брест"
