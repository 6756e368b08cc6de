"""Regions and own municipalities with their bodies, on both databases."""

from __future__ import annotations

import uuid

import pytest

from mumidesk.domain.enums import BodyKind, MunicipalityKind
from mumidesk.domain.errors import ConcurrentEditError, NotFoundError, ValidationError
from mumidesk.domain.municipalities import MunicipalBody, Municipality, Region
from mumidesk.services.municipalities import MunicipalityFilter, RegionFilter
from mumidesk.services.registry import Services


@pytest.fixture
def smolensk_region(services: Services) -> Region:
    return services.regions.create(
        Region(
            name_ru="Смоленская область",
            name_ru_genitive="Смоленской области",
            name_en="Smolensk Oblast",
            code="RU-SMO",
        )
    )


def bodies() -> list[MunicipalBody]:
    return [
        MunicipalBody(
            kind=BodyKind.ADMINISTRATION,
            name_ru="Администрация города Смоленска",
            head_name="Новиков А. А.",
            head_position="Глава города",
        ),
        MunicipalBody(kind=BodyKind.REPRESENTATIVE, name_ru="Смоленский городской Совет"),
    ]


def test_region_crud(services: Services, smolensk_region: Region) -> None:
    assert smolensk_region.version == 1
    assert smolensk_region.created_by == "tester"
    got = services.regions.get(smolensk_region.id)  # type: ignore[arg-type]
    assert got == smolensk_region
    got.name_en = "Smolensk Region"
    saved = services.regions.update(got)
    assert saved.version == 2
    assert services.regions.find_by_name("smolensk region") == saved
    assert services.regions.find_by_name("RU-SMO") == saved
    assert services.regions.find_by_name("Тверская область") is None
    services.regions.delete(saved.id)  # type: ignore[arg-type]
    assert services.regions.list().total == 0
    assert services.regions.find_by_name("RU-SMO") is None
    services.regions.restore(saved.id)  # type: ignore[arg-type]
    assert services.regions.list(RegionFilter()).total == 1


def test_region_name_filter(services: Services, smolensk_region: Region) -> None:
    services.regions.create(Region(name_ru="Калужская область", name_en="Kaluga Oblast"))

    def names(prefix: str) -> list[str]:
        return [r.name_ru for r in services.regions.list(RegionFilter(name=prefix)).items]

    assert names("Смол") == ["Смоленская область"]
    assert names("Kaluga") == ["Калужская область"]
    assert names("") == ["Калужская область", "Смоленская область"]
    assert names("область") == []  # a prefix, not a substring
    assert names("%") == []  # wildcards are letters


def test_region_sorts(services: Services) -> None:
    for name, code in [("Тверская область", "RU-TVE"), ("Калужская область", "RU-KLU")]:
        services.regions.create(Region(name_ru=name, code=code))
    services.regions.create(Region(name_ru="Брянская область", code="RU-BRY"))

    def order(sort: str, descending: bool = False) -> list[str]:
        return [r.code for r in services.regions.list(sort=sort, descending=descending).items]

    assert order("name") == ["RU-BRY", "RU-KLU", "RU-TVE"]
    assert order("name", True) == ["RU-TVE", "RU-KLU", "RU-BRY"]
    assert order("code") == ["RU-BRY", "RU-KLU", "RU-TVE"]
    assert order("code", True) == ["RU-TVE", "RU-KLU", "RU-BRY"]


def test_municipality_with_bodies_round_trips_in_order(
    services: Services, smolensk_region: Region
) -> None:
    m = services.municipalities.create(
        Municipality(
            name_ru="Смоленск",
            name_en="Smolensk",
            official_name_ru="Муниципальное образование «город Смоленск»",
            kind=MunicipalityKind.URBAN_DISTRICT,
            region_id=smolensk_region.id,
            population=320_991,
            bodies=bodies(),
        )
    )
    got = services.municipalities.get(m.id)  # type: ignore[arg-type]
    assert got == m
    assert [b.kind for b in got.bodies] == [BodyKind.ADMINISTRATION, BodyKind.REPRESENTATIVE]
    assert got.bodies[0].head_name == "Новиков А. А."
    assert all(isinstance(b.id, uuid.UUID) for b in got.bodies)
    assert got.heading_ru == "Муниципальное образование «город Смоленск»"
    assert services.municipalities.body(got, BodyKind.REPRESENTATIVE) == got.bodies[1]
    assert services.municipalities.body(got, BodyKind.HEAD) is None


def test_body_ids_survive_edits(services: Services) -> None:
    m = services.municipalities.create(Municipality(name_ru="Смоленск", bodies=bodies()))
    admin_id, council_id = (b.id for b in m.bodies)
    m.bodies.reverse()
    m.bodies[0].name_ru = "Смоленский городской Совет (VII созыв)"
    m.bodies.append(MunicipalBody(kind=BodyKind.HEAD, name_ru="Глава города Смоленска"))
    saved = services.municipalities.update(m)
    assert saved.version == 2
    assert [b.id for b in saved.bodies][:2] == [council_id, admin_id]
    assert [b.kind for b in saved.bodies] == [
        BodyKind.REPRESENTATIVE,
        BodyKind.ADMINISTRATION,
        BodyKind.HEAD,
    ]
    assert saved.bodies[0].name_ru == "Смоленский городской Совет (VII созыв)"
    saved.bodies = saved.bodies[1:2]
    trimmed = services.municipalities.update(saved)
    assert [b.id for b in trimmed.bodies] == [admin_id]
    assert services.municipalities.get(m.id).bodies == trimmed.bodies  # type: ignore[arg-type]


def test_municipality_region_must_exist(services: Services, smolensk_region: Region) -> None:
    with pytest.raises(ValidationError) as info:
        services.municipalities.create(Municipality(name_ru="Рославль", region_id=uuid.uuid4()))
    assert info.value.fields == ["region_id"]
    services.regions.delete(smolensk_region.id)  # type: ignore[arg-type]
    with pytest.raises(ValidationError) as info:
        services.municipalities.create(
            Municipality(name_ru="Рославль", region_id=smolensk_region.id)
        )
    assert info.value.fields == ["region_id"]
    assert services.municipalities.list().total == 0


def test_municipality_delete_restore_version(services: Services) -> None:
    m = services.municipalities.create(Municipality(name_ru="Десногорск"))
    assert m.id is not None
    stale = services.municipalities.get(m.id)
    m.population = 27_000
    services.municipalities.update(m)
    stale.population = 1
    with pytest.raises(ConcurrentEditError):
        services.municipalities.update(stale)
    services.municipalities.delete(m.id)
    tomb = services.municipalities.get(m.id, include_deleted=True)
    assert tomb.deleted_by == "tester" and tomb.deleted_at is not None
    with pytest.raises(NotFoundError):
        services.municipalities.get(m.id)
    assert services.municipalities.find_by_name("Десногорск") is None
    services.municipalities.restore(m.id)
    found = services.municipalities.find_by_name("десногорск")
    assert found is not None and found.population == 27_000


def test_municipality_filters_sorts_and_paging(services: Services, smolensk_region: Region) -> None:
    kaluga_region = services.regions.create(Region(name_ru="Калужская область"))
    specs = [
        ("Смоленск", "Smolensk", MunicipalityKind.URBAN_DISTRICT, smolensk_region),
        ("Рославльский район", "Roslavl District", MunicipalityKind.MUNICIPAL_DISTRICT,
         smolensk_region),
        ("Десногорск", "Desnogorsk", MunicipalityKind.URBAN_DISTRICT, smolensk_region),
        ("Калуга", "Kaluga", MunicipalityKind.CITY, kaluga_region),
    ]  # fmt: skip
    for name_ru, name_en, kind, region in specs:
        services.municipalities.create(
            Municipality(name_ru=name_ru, name_en=name_en, kind=kind, region_id=region.id)
        )

    def order(flt: MunicipalityFilter | None = None, **kw: object) -> list[str]:
        return [m.name_en for m in services.municipalities.list(flt, **kw).items]  # type: ignore[arg-type]

    assert order(MunicipalityFilter(region_id=smolensk_region.id)) == [
        "Desnogorsk",
        "Roslavl District",
        "Smolensk",
    ]
    assert order(MunicipalityFilter(kind=MunicipalityKind.URBAN_DISTRICT)) == [
        "Desnogorsk",
        "Smolensk",
    ]
    assert order(MunicipalityFilter(region_id=kaluga_region.id, kind=MunicipalityKind.CITY)) == [
        "Kaluga"
    ]
    assert order(sort="name") == ["Desnogorsk", "Kaluga", "Roslavl District", "Smolensk"]
    assert order(sort="name", descending=True) == [
        "Smolensk",
        "Roslavl District",
        "Kaluga",
        "Desnogorsk",
    ]
    assert order(sort="name_en") == ["Desnogorsk", "Kaluga", "Roslavl District", "Smolensk"]
    assert order(sort="name_en", descending=True)[0] == "Smolensk"
    by_kind = order(sort="kind")  # city < municipal_district < urban_district
    assert by_kind[:2] == ["Kaluga", "Roslavl District"]
    assert sorted(by_kind[2:]) == ["Desnogorsk", "Smolensk"]
    assert order(sort="kind", descending=True)[2:] == ["Roslavl District", "Kaluga"]
    page = services.municipalities.list(sort="name", offset=1, limit=2)
    assert [m.name_en for m in page.items] == ["Kaluga", "Roslavl District"]
    assert page.total == 4 and page.has_more
