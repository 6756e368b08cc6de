"""Typed declension overrides are stored with the agreement: create, read, edit, export."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from mumidesk.domain.agreements import Agreement, AgreementParty, Signatory
from mumidesk.domain.enums import AgreementKind, Gender, PartySide
from mumidesk.domain.errors import ValidationError
from mumidesk.services import serialization as ser
from mumidesk.services.import_export import ImportExportService
from mumidesk.services.registry import Services


def draft(name_genitive: str = "", position_genitive: str = "") -> Agreement:
    return Agreement(
        title="Соглашение об установлении побратимских связей",
        kind=AgreementKind.TWINNING,
        parties=[
            AgreementParty(
                side=PartySide.OWN,
                name_ru="Городская Дума города Калуги",
                name_ru_genitive="Городской Думы города Калуги",
                name_ru_instrumental="Городской Думой муниципального образования «Город Калуга»",
                signatories=[
                    Signatory(
                        full_name="Шевчук Анна Петровна",
                        position="Глава городского самоуправления города Калуги",
                        gender=Gender.FEMALE,
                        acts_on_basis_of="Устава",
                        name_genitive=name_genitive,
                        position_genitive=position_genitive,
                    )
                ],
            ),
            AgreementParty(
                side=PartySide.PARTNER,
                name_ru="Могилевский городской Совет депутатов",
                signatories=[Signatory(full_name="(ФИО уточняется)")],
            ),
        ],
    )


def test_overrides_round_trip(services: Services) -> None:
    created = services.agreements.create(
        draft(name_genitive="Шевчук Анны Петровны", position_genitive="Главы города Калуги")
    )

    got = services.agreements.get(created.id)  # type: ignore[arg-type]

    assert got == created
    own, partner = got.parties
    assert own.name_ru_genitive == "Городской Думы города Калуги"
    assert own.name_ru_instrumental == "Городской Думой муниципального образования «Город Калуга»"
    assert own.signatories[0].name_genitive == "Шевчук Анны Петровны"
    assert own.signatories[0].position_genitive == "Главы города Калуги"
    # a party or signatory without overrides reads back empty: the generated form is used
    assert (partner.name_ru_genitive, partner.name_ru_instrumental) == ("", "")
    assert (partner.signatories[0].name_genitive, partner.signatories[0].position_genitive) == (
        "",
        "",
    )


def test_overrides_are_edited_and_cleared(services: Services) -> None:
    created = services.agreements.create(draft(name_genitive="Шевчук Анны Петровны"))
    created.parties[0].signatories[0].name_genitive = ""
    created.parties[0].signatories[0].position_genitive = "Главы городского самоуправления"
    created.parties[1].name_ru_genitive = "Могилёвского городского Совета депутатов"

    services.agreements.update(created)

    got = services.agreements.get(created.id)  # type: ignore[arg-type]
    assert got.parties[0].signatories[0].name_genitive == ""
    assert got.parties[0].signatories[0].position_genitive == "Главы городского самоуправления"
    assert got.parties[1].name_ru_genitive == "Могилёвского городского Совета депутатов"
    assert got.version == created.version + 1


def test_too_long_override_is_refused_by_field(services: Services) -> None:
    with pytest.raises(ValidationError) as info:
        services.agreements.create(draft(name_genitive="Ш" * 301))
    fields = [p.field for p in info.value.problems]
    assert fields == ["parties[0].signatories[0].name_genitive"]
    assert services.agreements.list().total == 0


def test_overrides_travel_in_the_json_export(services: Services, tmp_path: Path) -> None:
    created = services.agreements.create(
        draft(name_genitive="Шевчук Анны Петровны", position_genitive="Главы города Калуги")
    )
    path = tmp_path / "agreements.json"

    ImportExportService(services.db).export("agreements", path, "json")

    records = json.loads(path.read_text(encoding="utf-8"))["records"]
    assert [ser.from_plain(Agreement, r) for r in records] == [created]
