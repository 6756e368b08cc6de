"""Coded enums: the stored codes never change, every member has a label, parsing is forgiving."""

from __future__ import annotations

import re

import pytest

from mumidesk.domain import enums
from mumidesk.domain.enums import AgreementStatus, CodedEnum, CooperationArea, DatePrecision
from mumidesk.i18n import language

ALL_ENUMS = sorted(
    (
        obj
        for obj in vars(enums).values()
        if isinstance(obj, type) and issubclass(obj, CodedEnum) and obj is not CodedEnum
    ),
    key=lambda cls: cls.__name__,
)

# The codes are written to databases and export files: changing one breaks old data.
STABLE_CODES = {
    "AgreementStatus": [
        "draft",
        "sent_for_approval",
        "approved",
        "signed",
        "submitted_for_registration",
        "registered",
        "prolonged",
        "suspended",
        "terminated",
        "expired",
        "rejected",
    ],
    "DelegationDirection": ["incoming", "outgoing", "online"],
    "EventFormat": ["in_person", "online", "hybrid"],
    "DatePrecision": ["day", "range", "month"],
    "ExchangeDirection": ["inbound", "outbound"],
    "PartySide": ["own", "partner", "third"],
    "PartnershipKind": ["twin", "partner", "cooperation"],
    "PartnershipStatus": ["active", "dormant", "suspended", "ended"],
    "ParentRelation": ["amendment", "prolongation"],
    "Gender": ["male", "female", "unknown"],
    "BodyKind": ["administration", "representative", "head"],
}


def test_there_are_enums_to_check() -> None:
    assert len(ALL_ENUMS) >= 20


@pytest.mark.parametrize("name", sorted(STABLE_CODES))
def test_stored_codes_are_stable(name: str) -> None:
    assert [m.value for m in getattr(enums, name)] == STABLE_CODES[name]


@pytest.mark.parametrize("cls", ALL_ENUMS, ids=lambda c: c.__name__)
def test_codes_are_snake_case_and_unique(cls: type[CodedEnum]) -> None:
    values = [m.value for m in cls]
    assert len(set(values)) == len(values)
    for value in values:
        assert re.fullmatch(r"[a-z][a-z_]*", value), value


@pytest.mark.parametrize("cls", ALL_ENUMS, ids=lambda c: c.__name__)
def test_every_member_has_its_own_label(cls: type[CodedEnum]) -> None:
    labels = cls._labels()
    assert set(labels) == {m.value for m in cls}
    for member in cls:
        assert member.label() == labels[member.value]
        assert member.label() != member.value  # a real label, not the code


@pytest.mark.parametrize("cls", ALL_ENUMS, ids=lambda c: c.__name__)
def test_parse_every_code(cls: type[CodedEnum]) -> None:
    for member in cls:
        assert cls.parse(member.value) is member
        assert cls.parse(f"  {member.value.upper()} ") is member


def test_parse_unknown_code_names_the_allowed_ones() -> None:
    with pytest.raises(ValueError) as info:
        DatePrecision.parse("week")
    message = str(info.value)
    assert "'week'" in message
    assert "day, range, month" in message


def test_members_are_strings_equal_to_their_codes() -> None:
    assert AgreementStatus.REGISTERED == "registered"
    assert f"{CooperationArea.YOUTH}" == "youth"
    assert AgreementStatus("signed") is AgreementStatus.SIGNED


def test_labels_follow_the_language() -> None:
    with language("en"):
        assert AgreementStatus.DRAFT.label() == "Draft"
        assert CooperationArea.YOUTH.label() == "Youth policy"
