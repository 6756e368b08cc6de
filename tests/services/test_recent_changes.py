"""Recent changes across kinds, from the audit columns, on SQLite and PostgreSQL."""

from __future__ import annotations

import dataclasses

import pytest

from mumidesk.domain.agreements import Agreement
from mumidesk.domain.errors import ValidationError
from mumidesk.domain.municipalities import Municipality
from mumidesk.domain.organisations import Membership, Organisation, Person
from mumidesk.domain.partners import Partner, Partnership
from mumidesk.i18n import language
from mumidesk.services.recent_changes import ChangeAction, RecentChangesService
from mumidesk.services.registry import Services


def test_newest_first_with_action_user_and_target(services: Services) -> None:
    recent = RecentChangesService(services.db)
    assert recent.recent() == []

    smolensk = services.municipalities.create(Municipality(name_ru="Смоленск", name_en="Smolensk"))
    hagen = services.partners.create(Partner(name_ru="Хаген", name_en="Hagen", country_code="DE"))
    link = services.partnerships.create(
        Partnership(municipality_id=smolensk.id, partner_id=hagen.id)  # type: ignore[arg-type]
    )
    draft = services.agreements.create(Agreement(title="Соглашение о сотрудничестве"))
    services.agreements.update(dataclasses.replace(draft, subject="культура"))
    person = services.people.create(Person(last_name="Иванов", first_name="Иван"))
    services.people.delete(person.id)  # type: ignore[arg-type]

    changes = recent.recent()
    assert [(c.kind, c.title, c.action) for c in changes] == [
        ("person", "Иванов Иван", ChangeAction.DELETED),
        ("agreement", "Соглашение о сотрудничестве", ChangeAction.UPDATED),
        ("partnership", "Smolensk — Hagen", ChangeAction.CREATED),
        ("partner", "Hagen", ChangeAction.CREATED),
        ("municipality", "Smolensk", ChangeAction.CREATED),
    ]
    assert all(c.by == "tester" for c in changes)
    assert changes[0].is_deleted
    assert [c.at for c in changes] == sorted((c.at for c in changes), reverse=True)
    # A partnership opens its partner; everything else opens itself.
    assert (changes[2].target_kind, changes[2].target_id) == ("partner", hagen.id)
    assert (changes[1].target_kind, changes[1].target_id) == ("agreement", draft.id)
    assert changes[2].id == link.id
    assert changes[1].version == 2


def test_limit_kinds_deleted_and_language(services: Services) -> None:
    recent = RecentChangesService(services.db)
    kaluga = services.municipalities.create(Municipality(name_ru="Калуга", name_en="Kaluga"))
    union = services.organisations.create(
        Organisation(name_ru="Союз городов", name_en="Union of Towns")
    )
    services.memberships.create(
        Membership(municipality_id=kaluga.id, organisation_id=union.id)  # type: ignore[arg-type]
    )
    for name in ("Гомель", "Могилёв", "Брест"):
        services.partners.create(Partner(name_ru=name, country_code="BY"))
    gone = services.partners.create(Partner(name_ru="Лусака", country_code="ZM"))
    services.partners.delete(gone.id)  # type: ignore[arg-type]

    assert [c.title for c in recent.recent(3)] == ["Лусака", "Брест", "Могилёв"]
    only_live = recent.recent(2, kinds=["partner"], include_deleted=False)
    assert [c.title for c in only_live] == ["Брест", "Могилёв"]
    with language("ru"):
        membership = recent.recent(1, kinds=["membership"])[0]
    assert membership.title == "Калуга — Союз городов"
    assert (membership.target_kind, membership.target_id) == ("organisation", union.id)

    restored = services.partners.restore(gone.id)  # type: ignore[arg-type]
    newest = recent.recent(1)[0]
    assert (newest.id, newest.action) == (restored.id, ChangeAction.UPDATED)


def test_bad_arguments_name_the_field(services: Services) -> None:
    recent = RecentChangesService(services.db)
    with pytest.raises(ValidationError) as info:
        recent.recent(0)
    assert info.value.problems[0].field == "limit"
    with pytest.raises(ValidationError) as info:
        recent.recent(kinds=["planet"])
    assert info.value.problems[0].field == "kinds"
