"""The other-language column names the signatories' positions in that language, not Russian."""

from __future__ import annotations

from mumidesk.domain.agreements import Agreement
from mumidesk.reports.drafts.fill import fill_draft
from mumidesk.services.demo import demo_id, load_demo
from mumidesk.services.registry import Services


def test_english_preamble_uses_the_english_positions(services: Services) -> None:
    load_demo(services)
    key = demo_id("agreement/rostov/lusaka")
    doc = fill_draft(services, key, "cooperation", ("ru", "en"))
    english = doc.preamble["en"]
    assert "Head of the Administration of the City of Rostov-on-Don" in english
    assert "Mayor of the City of Lusaka" in english
    assert "Глава" not in english and "Мэр" not in english
    assert "Главы администрации города Ростова-на-Дону" in doc.preamble["ru"]


def test_position_en_round_trips(services: Services) -> None:
    load_demo(services)
    agreement: Agreement = services.agreements.get(demo_id("agreement/rostov/lusaka"))
    own = agreement.parties[0].signatories[0]
    assert own.position_en == "Head of the Administration of the City of Rostov-on-Don"
