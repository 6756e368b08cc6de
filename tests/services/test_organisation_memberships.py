"""An organisation saved with the memberships of our municipalities in one transaction, people
sorted and searched by what the people page shows."""

from __future__ import annotations

import datetime as dt
import uuid

import pytest

from mumidesk.domain.errors import ValidationError
from mumidesk.domain.municipalities import Municipality
from mumidesk.domain.organisations import Membership, Organisation, Person
from mumidesk.services.organisations import OrganisationFilter, PersonFilter
from mumidesk.services.registry import Services

NEW = uuid.UUID(int=0)  # the organisation being created: the service links it


def test_create_update_and_drop_memberships_together(services: Services) -> None:
    smolensk = services.municipalities.create(Municipality(name_ru="Смоленск"))
    roslavl = services.municipalities.create(Municipality(name_ru="Рославль"))
    hanse = services.organisations.save_with_memberships(
        Organisation(name_ru="Ганзейский союз", short_name="Ганза"),
        [Membership(municipality_id=smolensk.id, organisation_id=NEW, role="Участник")],
    )
    assert hanse.id is not None and hanse.version == 1
    [first] = services.organisations.memberships_of(hanse.id)
    assert (first.organisation_id, first.role) == (hanse.id, "Участник")

    edited = Membership(**{**first.__dict__, "role": "Город-участник"})
    added = Membership(
        municipality_id=roslavl.id,
        organisation_id=hanse.id,
        since=dt.date(2021, 3, 1),
    )
    renamed = Organisation(**{**hanse.__dict__, "name_en": "Hanse"})
    saved = services.organisations.save_with_memberships(renamed, [edited, added])
    assert saved.name_en == "Hanse" and saved.version == 2
    now = {m.municipality_id: m for m in services.organisations.memberships_of(hanse.id)}
    assert now[smolensk.id].id == first.id and now[smolensk.id].role == "Город-участник"
    assert now[roslavl.id].since == dt.date(2021, 3, 1)
    assert services.search.search("Hanse", kinds=["organisation"])[0].id == hanse.id

    services.organisations.save_with_memberships(saved, [now[roslavl.id]])
    [left] = services.organisations.memberships_of(hanse.id)
    assert left.municipality_id == roslavl.id
    # The dropped one is a tombstone, not gone: it can be merged and restored.
    assert services.memberships.get(first.id, include_deleted=True).is_deleted


def test_a_bad_membership_writes_nothing_and_names_its_row(services: Services) -> None:
    smolensk = services.municipalities.create(Municipality(name_ru="Смоленск"))
    with pytest.raises(ValidationError) as caught:
        services.organisations.save_with_memberships(
            Organisation(name_ru="", email="нет"),
            [
                Membership(municipality_id=smolensk.id, organisation_id=NEW),
                Membership(
                    municipality_id=uuid.uuid4(),
                    organisation_id=NEW,
                    since=dt.date(2020, 1, 1),
                    until=dt.date(2019, 1, 1),
                ),
            ],
        )
    problems = {(p.field, p.row) for p in caught.value.problems}
    assert problems == {("name_ru", None), ("email", None), ("memberships", 2)}
    messages = [p.message for p in caught.value.problems if p.field == "memberships"]
    assert any(m.startswith("Municipality: refers to a record") for m in messages)
    assert any(m.startswith("Member until:") for m in messages)
    assert services.organisations.list().total == 0
    assert services.memberships.list().total == 0


def test_people_sort_by_organisation_name_and_filter_by_text(services: Services) -> None:
    zeta = services.organisations.create(Organisation(name_ru="Ярославский союз"))
    alpha = services.organisations.create(Organisation(name_ru="Агентство", short_name="АГ"))
    for last, org in (("Борисов", zeta.id), ("Васильев", alpha.id), ("Андреев", None)):
        services.people.create(Person(last_name=last, organisation_id=org, position="Эксперт"))
    by_org = services.people.list(sort="organisation").items
    assert [p.last_name for p in by_org] == ["Васильев", "Борисов", "Андреев"]  # none last
    found = services.people.list(PersonFilter(text="васил")).items
    assert [p.last_name for p in found] == ["Васильев"]
    assert services.organisations.names([alpha.id, zeta.id]) == {
        alpha.id: "АГ",
        zeta.id: "Ярославский союз",
    }
    assert services.organisations.list(OrganisationFilter(text="ярослав")).items == [zeta]
