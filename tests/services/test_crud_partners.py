"""Partners and partnerships: the generic CRUD use cases on both databases."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

import pytest
from sqlalchemy import func, select, update

from mumidesk.db.models import PartnerRow, PartnershipRow
from mumidesk.domain.enums import PartnershipKind, PartnershipStatus
from mumidesk.domain.errors import ConcurrentEditError, NotFoundError, ValidationError
from mumidesk.domain.municipalities import Municipality
from mumidesk.domain.partners import Partner, Partnership
from mumidesk.services.partners import PartnerFilter, PartnerService, PartnershipFilter
from mumidesk.services.registry import Services

D = dt.date


def names(items: list[Any]) -> list[str]:
    return [i.name_ru for i in items]


@pytest.fixture
def partners(services: Services) -> dict[str, Partner]:
    rows = [
        Partner(name_ru="Могилёв", name_en="Mogilev", country_code="BY", region="Могилёвская",
                population=357_000),
        Partner(name_ru="Лусака", name_en="Lusaka", country_code="ZM", region="Lusaka",
                population=None),
        Partner(name_ru="Гомель", name_en="Gomel", country_code="by", region="Гомельская",
                population=510_000),
        Partner(name_ru="Ганновер", name_en="Hanover", country_code="DE", region="Niedersachsen",
                population=535_000),
    ]  # fmt: skip
    return {p.name_ru: services.partners.create(p) for p in rows}


def test_create_stamps_identity_audit_and_version(
    services: Services, partners: dict[str, Partner]
) -> None:
    p = partners["Могилёв"]
    assert isinstance(p.id, uuid.UUID)
    assert p.version == 1
    assert p.created_by == p.updated_by == "tester"
    assert p.created_at is not None and p.updated_at is not None
    assert p.deleted_at is None and p.deleted_by is None
    assert partners["Гомель"].country_code == "BY"  # stored upper-case
    got = services.partners.get(p.id)
    assert got == p


def test_get_unknown_is_not_found(services: Services) -> None:
    key = uuid.uuid4()
    with pytest.raises(NotFoundError) as info:
        services.partners.get(key)
    assert info.value.key == key
    assert str(key) in str(info.value)
    assert "Partner" in str(info.value)


def test_update_increments_version_and_stamps_the_user(
    services: Services, partners: dict[str, Partner], db: Any
) -> None:
    p = partners["Лусака"]
    p.name_ru = "Лусака (Замбия)"
    p.population = 2_700_000
    other = PartnerService(type(db)(db.url.render_as_string(hide_password=False), user="editor"))
    try:
        saved = other.update(p)
    finally:
        other.db.dispose()
    assert saved.version == 2
    assert saved.updated_by == "editor"
    assert saved.created_by == "tester"
    assert saved.updated_at is not None and p.updated_at is not None
    assert saved.updated_at >= p.updated_at
    again = services.partners.get(p.id)  # type: ignore[arg-type]
    assert (again.name_ru, again.population, again.version) == ("Лусака (Замбия)", 2_700_000, 2)
    saved.notes = "столица"
    assert services.partners.update(saved).version == 3


def test_stale_version_is_refused(services: Services, partners: dict[str, Partner]) -> None:
    first = services.partners.get(partners["Гомель"].id)  # type: ignore[arg-type]
    second = services.partners.get(partners["Гомель"].id)  # type: ignore[arg-type]
    first.population = 511_000
    services.partners.update(first)
    second.population = 1
    with pytest.raises(ConcurrentEditError) as info:
        services.partners.update(second)
    assert (info.value.expected, info.value.actual) == (1, 2)
    assert services.partners.get(second.id).population == 511_000  # type: ignore[arg-type]
    with pytest.raises(ConcurrentEditError):
        services.partners.delete(second.id, expected_version=1)  # type: ignore[arg-type]


def test_a_race_past_the_version_check_is_a_concurrent_edit(
    services: Services, partners: dict[str, Partner], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Two saves that both read version 1: the second must not overwrite the first."""
    target = partners["Ганновер"]
    assert target.id is not None

    def meddle(self: Any, session: Any, old: Any, item: Any) -> None:
        # Another user saves between our version check and our write.
        with services.db.transaction() as other:
            other.execute(
                update(PartnerRow)
                .where(PartnerRow.id == target.id)
                .values(version=PartnerRow.version + 1, notes="их правка")
            )

    monkeypatch.setattr(PartnerService, "guard", meddle)
    target.notes = "наша правка"
    with pytest.raises(ConcurrentEditError):
        services.partners.update(target)
    monkeypatch.undo()
    assert services.partners.get(target.id).notes == "их правка"


def test_update_of_unknown_or_deleted_record(
    services: Services, partners: dict[str, Partner]
) -> None:
    with pytest.raises(NotFoundError):
        services.partners.update(Partner(id=uuid.uuid4(), name_ru="X", country_code="BY"))
    with pytest.raises(ValidationError) as info:
        services.partners.update(Partner(name_ru="X", country_code="BY"))
    assert info.value.fields == ["id"]
    p = partners["Гомель"]
    services.partners.delete(p.id)  # type: ignore[arg-type]
    with pytest.raises(NotFoundError):
        services.partners.update(p)


def test_soft_delete_leaves_a_tombstone_and_restore_brings_it_back(
    services: Services, partners: dict[str, Partner]
) -> None:
    p = partners["Могилёв"]
    assert p.id is not None
    services.partners.delete(p.id)
    with pytest.raises(NotFoundError):
        services.partners.get(p.id)
    tomb = services.partners.get(p.id, include_deleted=True)
    assert tomb.deleted_at is not None
    assert tomb.deleted_by == "tester"
    assert tomb.is_deleted
    assert tomb.version == 2
    assert "Могилёв" not in names(services.partners.list().items)
    assert services.partners.list().total == 3
    assert "Могилёв" in names(services.partners.list(include_deleted=True).items)
    with pytest.raises(NotFoundError):
        services.partners.delete(p.id)  # already deleted
    with services.db.reading() as session:  # the row is still there
        assert session.scalar(select(func.count()).select_from(PartnerRow)) == 4

    back = services.partners.restore(p.id)
    assert back.deleted_at is None and back.deleted_by is None
    assert back.version == 3
    assert services.partners.get(p.id).name_ru == "Могилёв"
    assert services.partners.list().total == 4
    with pytest.raises(NotFoundError):
        services.partners.restore(uuid.uuid4())


def test_list_filters(services: Services, partners: dict[str, Partner]) -> None:
    by = services.partners.list(PartnerFilter(country_code="by"))
    assert sorted(names(by.items)) == ["Гомель", "Могилёв"]
    assert by.total == 2
    assert names(services.partners.list(PartnerFilter(name="Гом")).items) == ["Гомель"]
    assert names(services.partners.list(PartnerFilter(name="Luss")).items) == []
    assert names(services.partners.list(PartnerFilter(name="Lus")).items) == ["Лусака"]
    assert services.partners.list(PartnerFilter(country_code="FR")).items == []

    smolensk = services.municipalities.create(Municipality(name_ru="Смоленск"))
    kaluga = services.municipalities.create(Municipality(name_ru="Калуга"))
    services.partnerships.create(
        Partnership(municipality_id=smolensk.id, partner_id=partners["Могилёв"].id)  # type: ignore[arg-type]
    )
    link = services.partnerships.create(
        Partnership(municipality_id=smolensk.id, partner_id=partners["Лусака"].id)  # type: ignore[arg-type]
    )
    services.partnerships.create(
        Partnership(municipality_id=kaluga.id, partner_id=partners["Гомель"].id)  # type: ignore[arg-type]
    )
    of_smolensk = services.partners.list(PartnerFilter(municipality_id=smolensk.id), sort="name")
    assert names(of_smolensk.items) == ["Лусака", "Могилёв"]
    services.partnerships.delete(link.id)  # type: ignore[arg-type]
    of_smolensk = services.partners.list(PartnerFilter(municipality_id=smolensk.id))
    assert names(of_smolensk.items) == ["Могилёв"]
    both = PartnerFilter(country_code="BY", municipality_id=kaluga.id)
    assert names(services.partners.list(both).items) == ["Гомель"]


def test_name_filter_takes_wildcards_literally(services: Services) -> None:
    services.partners.create(Partner(name_en="A_1", country_code="DE"))
    services.partners.create(Partner(name_en="AB1", country_code="DE"))
    services.partners.create(Partner(name_en="100% Town", country_code="DE"))
    services.partners.create(Partner(name_en="1000 Town", country_code="DE"))
    found = services.partners.list(PartnerFilter(name="A_"))
    assert [p.name_en for p in found.items] == ["A_1"]
    found = services.partners.list(PartnerFilter(name="100%"))
    assert [p.name_en for p in found.items] == ["100% Town"]


def test_sort_columns(services: Services, partners: dict[str, Partner]) -> None:
    def order(sort: str, descending: bool = False) -> list[str]:
        return names(services.partners.list(sort=sort, descending=descending).items)

    for sort, ascending in [
        ("name", ["Ганновер", "Гомель", "Лусака", "Могилёв"]),
        ("name_en", ["Гомель", "Ганновер", "Лусака", "Могилёв"]),
        ("region", ["Лусака", "Ганновер", "Гомель", "Могилёв"]),  # Latin before Cyrillic
    ]:
        assert order(sort) == ascending, sort
        assert order(sort, descending=True) == ascending[::-1], sort
    # the unknown population stays last both ways
    assert order("population") == ["Могилёв", "Гомель", "Ганновер", "Лусака"]
    assert order("population", descending=True) == ["Ганновер", "Гомель", "Могилёв", "Лусака"]
    # BY twice: the tie is broken the same way both ways
    up, down = order("country"), order("country", descending=True)
    assert sorted(up[:2]) == ["Гомель", "Могилёв"] and up[2:] == ["Ганновер", "Лусака"]
    assert down == ["Лусака", "Ганновер", *up[:2]]


def test_sort_by_updated(services: Services, partners: dict[str, Partner]) -> None:
    p = partners["Гомель"]
    p.notes = "изменён последним"
    services.partners.update(p)
    assert names(services.partners.list(sort="updated").items)[-1] == "Гомель"
    assert names(services.partners.list(sort="updated", descending=True).items)[0] == "Гомель"


def test_unknown_sort_column_names_sort(services: Services) -> None:
    with pytest.raises(ValidationError) as info:
        services.partners.list(sort="colour")
    assert info.value.fields == ["sort"]
    assert "name_en" in str(info.value)


def test_paging(services: Services) -> None:
    for i in range(25):
        services.partners.create(Partner(name_ru=f"Город {i:02d}", country_code="DE"))
    first = services.partners.list(limit=10)
    assert (first.total, first.offset, first.limit, len(first.items)) == (25, 0, 10, 10)
    assert first.has_more
    third = services.partners.list(offset=20, limit=10)
    assert len(third.items) == 5
    assert not third.has_more
    seen = [
        p.name_ru
        for offset in (0, 10, 20)
        for p in services.partners.list(offset=offset, limit=10).items
    ]
    assert seen == [f"Город {i:02d}" for i in range(25)]
    beyond = services.partners.list(offset=100, limit=10)
    assert beyond.items == [] and beyond.total == 25 and not beyond.has_more
    clamped = services.partners.list(offset=-5, limit=0)
    assert (clamped.offset, clamped.limit, len(clamped.items)) == (0, 1, 1)
    assert len(services.partners.all()) == 25


def test_create_with_a_given_id_and_duplicate_ids(services: Services) -> None:
    key = uuid.uuid4()
    p = services.partners.create(Partner(id=key, name_ru="Брест", country_code="BY"))
    assert p.id == key
    with pytest.raises(ValidationError) as info:
        services.partners.create(Partner(id=key, name_ru="Брест-2", country_code="BY"))
    assert info.value.fields == ["id"]
    assert services.partners.list().total == 1


# --- partnerships ---------------------------------------------------------------------------


@pytest.fixture
def smolensk(services: Services) -> Municipality:
    return services.municipalities.create(Municipality(name_ru="Смоленск"))


def test_partnership_crud(
    services: Services, partners: dict[str, Partner], smolensk: Municipality
) -> None:
    link = services.partnerships.create(
        Partnership(
            municipality_id=smolensk.id,  # type: ignore[arg-type]
            partner_id=partners["Могилёв"].id,  # type: ignore[arg-type]
            kind=PartnershipKind.TWIN,
            since=D(1998, 5, 12),
        )
    )
    assert link.version == 1 and link.created_by == "tester"
    got = services.partnerships.get(link.id)  # type: ignore[arg-type]
    assert (got.kind, got.status, got.since) == (
        PartnershipKind.TWIN,
        PartnershipStatus.ACTIVE,
        D(1998, 5, 12),
    )
    got.status = PartnershipStatus.DORMANT
    saved = services.partnerships.update(got)
    assert saved.version == 2 and saved.status is PartnershipStatus.DORMANT
    services.partnerships.delete(link.id)  # type: ignore[arg-type]
    assert services.partnerships.list().total == 0
    services.partnerships.restore(link.id)  # type: ignore[arg-type]
    assert services.partnerships.list().total == 1


def test_partnership_references_are_checked_by_field(
    services: Services, partners: dict[str, Partner], smolensk: Municipality
) -> None:
    with pytest.raises(ValidationError) as info:
        services.partnerships.create(
            Partnership(
                municipality_id=uuid.uuid4(),
                partner_id=uuid.uuid4(),
                agreement_id=uuid.uuid4(),
            )
        )
    assert info.value.fields == ["municipality_id", "partner_id", "agreement_id"]
    gone = partners["Лусака"]
    services.partners.delete(gone.id)  # type: ignore[arg-type]
    with pytest.raises(ValidationError) as info:
        services.partnerships.create(
            Partnership(municipality_id=smolensk.id, partner_id=gone.id)  # type: ignore[arg-type]
        )
    assert info.value.fields == ["partner_id"]
    assert str(gone.id) in str(info.value)
    with services.db.reading() as session:
        assert session.scalar(select(func.count()).select_from(PartnershipRow)) == 0


def test_the_same_partnership_twice_is_refused(
    services: Services, partners: dict[str, Partner], smolensk: Municipality
) -> None:
    pair = {"municipality_id": smolensk.id, "partner_id": partners["Гомель"].id}
    first = services.partnerships.create(Partnership(**pair))  # type: ignore[arg-type]
    with pytest.raises(ValidationError) as info:
        services.partnerships.create(Partnership(**pair))  # type: ignore[arg-type]
    assert info.value.fields == ["partner_id"]
    # another kind of tie between the same two is a different partnership
    services.partnerships.create(Partnership(**pair, kind=PartnershipKind.COOPERATION))  # type: ignore[arg-type]
    # editing the first one is not a duplicate of itself
    first.notes = "договор 1998 г."
    services.partnerships.update(first)
    # after a soft delete the tie may be recorded anew
    services.partnerships.delete(first.id)  # type: ignore[arg-type]
    services.partnerships.create(Partnership(**pair))  # type: ignore[arg-type]


def test_partnership_filters_and_sorts(
    services: Services, partners: dict[str, Partner], smolensk: Municipality
) -> None:
    kaluga = services.municipalities.create(Municipality(name_ru="Калуга"))
    made = [
        services.partnerships.create(
            Partnership(
                municipality_id=m.id,  # type: ignore[arg-type]
                partner_id=partners[p].id,  # type: ignore[arg-type]
                kind=kind,
                status=status,
                since=since,
            )
        )
        for m, p, kind, status, since in [
            (smolensk, "Могилёв", PartnershipKind.TWIN, PartnershipStatus.ACTIVE, D(1998, 1, 1)),
            (smolensk, "Лусака", PartnershipKind.PARTNER, PartnershipStatus.DORMANT, D(2019, 1, 1)),
            (kaluga, "Могилёв", PartnershipKind.COOPERATION, PartnershipStatus.ENDED, None),
        ]
    ]
    ids = [m.id for m in made]

    def found(flt: PartnershipFilter) -> set[uuid.UUID | None]:
        return {i.id for i in services.partnerships.list(flt).items}

    assert found(PartnershipFilter(municipality_id=smolensk.id)) == {ids[0], ids[1]}
    assert found(PartnershipFilter(partner_id=partners["Могилёв"].id)) == {ids[0], ids[2]}
    assert found(PartnershipFilter(kind=PartnershipKind.PARTNER)) == {ids[1]}
    assert found(PartnershipFilter(status=PartnershipStatus.ENDED)) == {ids[2]}

    def order(sort: str, descending: bool = False) -> list[uuid.UUID | None]:
        return [i.id for i in services.partnerships.list(sort=sort, descending=descending).items]

    assert order("since") == [ids[0], ids[1], ids[2]]
    assert order("since", descending=True) == [ids[1], ids[0], ids[2]]
    assert order("kind") == [ids[2], ids[1], ids[0]]  # cooperation, partner, twin
    assert order("kind", descending=True) == [ids[0], ids[1], ids[2]]
    assert order("status") == [ids[0], ids[1], ids[2]]  # active, dormant, ended
    assert order("status", descending=True) == [ids[2], ids[1], ids[0]]
