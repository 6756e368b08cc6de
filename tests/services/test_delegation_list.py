"""What the Delegations page asks of the service: the partner-country and free-text filters, the
sorts by municipality name and by member count, and the titles of linked records in one query."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from mumidesk.domain.delegations import Delegation, DelegationMember
from mumidesk.domain.municipalities import Municipality
from mumidesk.domain.partners import Partner
from mumidesk.services.delegations import DelegationFilter
from mumidesk.services.registry import Services


@pytest.fixture
def world(services: Services) -> dict[str, Any]:
    smolensk = services.municipalities.create(Municipality(name_ru="Смоленск"))
    kaluga = services.municipalities.create(Municipality(name_ru="Калуга"))
    mogilev = services.partners.create(Partner(name_ru="Могилёв", country_code="BY"))
    erfurt = services.partners.create(Partner(name_ru="Эрфурт", country_code="DE"))

    def visit(title: str, municipality: Any, partners: list[Any], members: list[str]) -> Any:
        return services.delegations.create(
            Delegation(
                title=title,
                municipality_id=municipality.id if municipality else None,
                partner_ids=[p.id for p in partners],
                start_date=dt.date(2024, 5, 1),
                end_date=dt.date(2024, 5, 2),
                members=[DelegationMember(full_name=name) for name in members],
            )
        )

    return {
        "smolensk": smolensk,
        "kaluga": kaluga,
        "mogilev": mogilev,
        "erfurt": erfurt,
        "a": visit("Визит из Могилёва", smolensk, [mogilev], ["Иванов", "Петрова"]),
        "b": visit("Поездка в Эрфурт", kaluga, [erfurt, mogilev], ["Сидоров"]),
        "c": visit("Онлайн-встреча", None, [], ["Орлов", "Лебедева", "Козлов"]),
    }


def _titles(services: Services, flt: DelegationFilter | None = None, **kw: Any) -> list[str]:
    return [d.title for d in services.delegations.list(flt, **kw).items]


def test_partner_country_filter(services: Services, world: dict[str, Any]) -> None:
    by_country = DelegationFilter(country_code="de")
    assert _titles(services, by_country) == ["Поездка в Эрфурт"]
    assert sorted(_titles(services, DelegationFilter(country_code="BY"))) == [
        "Визит из Могилёва",
        "Поездка в Эрфурт",
    ]
    assert _titles(services, DelegationFilter(country_code="FR")) == []


def test_free_text_finds_members(services: Services, world: dict[str, Any]) -> None:
    assert _titles(services, DelegationFilter(text="лебедев")) == ["Онлайн-встреча"]
    assert _titles(services, DelegationFilter(text="эрфурт")) == ["Поездка в Эрфурт"]


def test_sort_by_municipality_name_and_member_count(
    services: Services, world: dict[str, Any]
) -> None:
    # no municipality goes last both ways
    assert _titles(services, sort="municipality") == [
        "Поездка в Эрфурт",
        "Визит из Могилёва",
        "Онлайн-встреча",
    ]
    assert _titles(services, sort="municipality", descending=True) == [
        "Визит из Могилёва",
        "Поездка в Эрфурт",
        "Онлайн-встреча",
    ]
    assert _titles(services, sort="members") == [
        "Поездка в Эрфурт",
        "Визит из Могилёва",
        "Онлайн-встреча",
    ]
    assert _titles(services, sort="members", descending=True)[0] == "Онлайн-встреча"


def test_sort_by_report_date(services: Services, world: dict[str, Any]) -> None:
    for key, day in (("a", dt.date(2024, 5, 10)), ("b", dt.date(2024, 5, 6))):
        services.delegations.update(
            Delegation(**{**world[key].__dict__, "report_submitted_on": day})
        )
    order = ["Поездка в Эрфурт", "Визит из Могилёва", "Онлайн-встреча"]  # none: last
    assert _titles(services, sort="report") == order
    assert _titles(services, sort="report", descending=True) == [order[1], order[0], order[2]]


def test_titles_of_linked_records(services: Services, world: dict[str, Any]) -> None:
    keys = [world["mogilev"].id, world["erfurt"].id, world["smolensk"].id]
    assert services.delegations.titles(keys) == {
        world["mogilev"].id: "Могилёв",
        world["erfurt"].id: "Эрфурт",
        world["smolensk"].id: "Смоленск",
    }
    assert services.delegations.titles([]) == {}
