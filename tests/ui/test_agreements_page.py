"""The Agreements page: the editor with parties and signatories, inline validation, filters,
the detail card with its links, delete with undo, and the draft choice for Ctrl+P."""

from __future__ import annotations

import datetime as dt
import uuid

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from mumidesk.domain.agreements import Agreement, AgreementParty, Signatory
from mumidesk.domain.delegations import Delegation
from mumidesk.domain.enums import (
    AgreementKind,
    AgreementStatus,
    BodyKind,
    CooperationArea,
    ParentRelation,
    PartySide,
)
from mumidesk.domain.municipalities import MunicipalBody, Municipality
from mumidesk.domain.partners import Partner
from mumidesk.services.agreements import AgreementFilter
from mumidesk.services.registry import Services
from mumidesk.ui.editors.agreement_editor import AgreementEditor
from mumidesk.ui.models.agreement_table import COL_OWN, COL_PARTNERS, COL_STATUS, COL_TITLE
from mumidesk.ui.pages.agreements_page import AgreementsPage
from tests.ui.helpers import agree, click_save, column_texts, shown
from tests.ui.typing_helper import type_text


def _page(qtbot: QtBot, services: Services) -> AgreementsPage:
    return shown(qtbot, AgreementsPage(services, confirm=agree))


def _smolensk(services: Services) -> Municipality:
    return services.municipalities.create(
        Municipality(
            name_ru="Смоленск",
            bodies=[
                MunicipalBody(
                    kind=BodyKind.REPRESENTATIVE,
                    name_ru="Смоленский городской Совет",
                    name_en="Smolensk City Council",
                )
            ],
        )
    )


def _titles(page: AgreementsPage) -> list[str]:
    return column_texts(page.model, COL_TITLE)


def test_create_agreement_with_parties_typed_in_cyrillic(qtbot: QtBot, services: Services) -> None:
    town = _smolensk(services)
    mogilev = services.partners.create(Partner(name_ru="Могилёв", country_code="BY"))
    page = _page(qtbot, services)
    editor = page.new_record()
    assert isinstance(editor, AgreementEditor) and editor.isVisible()
    assert editor.status.text() == "Draft"  # shown, not editable
    type_text(editor.texts["title"], "Соглашение о побратимстве со Смоленском")
    editor.kind.setCurrentIndex(editor.kind.findData(AgreementKind.TWINNING.value))
    editor.municipality.setCurrentIndex(editor.municipality.findData(str(town.id)))
    type_text(editor.subject, "Дружба и сотрудничество")

    own = editor.parties.add_party(PartySide.OWN)
    own.municipality.setCurrentIndex(own.municipality.findData(str(town.id)))
    own.body.setCurrentIndex(1)  # the council names the party when nothing is typed
    assert own.names["name_ru"].text() == "Смоленский городской Совет"
    row = own.signatories.add_row()
    own.signatories.set_value(row, "full_name", "Новиков Андрей Александрович")
    own.signatories.set_value(row, "position", "Глава города Смоленска")
    own.signatories.set_value(row, "gender", "male")
    type_text(own.names["name_ru_genitive"], "Смоленского городского Совета")

    partner = editor.parties.add_party(PartySide.PARTNER)
    type_text(partner.partner, "Могил")
    assert "Могилёв" in partner.partner.candidates()
    partner.partner.choose("Могилёв")
    assert editor.parties.list.item(1).text() == "Partner side: Могилёв"

    editor.areas.set_checked(CooperationArea.CULTURE.value, True)
    editor.languages.set_checked("be", True)
    type_text(editor.term_months, "60")
    editor.auto_prolongation.setChecked(True)
    click_save(editor)

    assert not editor.isVisible()
    [stored] = services.agreements.all()
    assert stored.title == "Соглашение о побратимстве со Смоленском"
    assert (stored.kind, stored.status) == (AgreementKind.TWINNING, AgreementStatus.DRAFT)
    assert stored.municipality_id == town.id
    assert stored.subject == "Дружба и сотрудничество"
    assert [p.side for p in stored.parties] == [PartySide.OWN, PartySide.PARTNER]
    assert stored.parties[0].body_id == town.bodies[0].id
    assert stored.parties[0].name_ru_genitive == "Смоленского городского Совета"
    assert stored.parties[0].signatories[0].full_name == "Новиков Андрей Александрович"
    assert stored.parties[0].signatories[0].gender.value == "male"
    assert stored.parties[1].partner_id == mogilev.id
    assert stored.areas == [CooperationArea.CULTURE]
    assert stored.languages == ["ru", "be"]
    assert (stored.term_months, stored.auto_prolongation) == (60, True)
    assert page.selected_record() == stored
    model = page.model
    assert model.data(model.index(0, COL_PARTNERS)) == "Могилёв"
    assert model.data(model.index(0, COL_OWN)) == "Смоленский городской Совет"
    assert "Могилёв" in page.card.value("parties")

    again = page.edit_record()  # everything comes back into the editor
    assert isinstance(again, AgreementEditor)
    editor = again
    assert editor.parties.forms[1].partner.text() == "Могилёв"
    assert editor.parties.forms[0].signatories.rows()[0]["position"] == "Глава города Смоленска"
    assert not editor.is_dirty()


def test_bad_input_is_marked_inline_and_nothing_typed_is_lost(
    qtbot: QtBot, services: Services
) -> None:
    page = _page(qtbot, services)
    editor = page.new_record()
    assert isinstance(editor, AgreementEditor)
    type_text(editor.term_months, "пять лет")
    type_text(editor.notice_lead_days, "90, месяц")
    partner = editor.parties.add_party(PartySide.PARTNER)  # neither a partner nor a name
    signatory = partner.signatories.add_row()
    partner.signatories.set_value(signatory, "position", "Мэр")  # but no name
    click_save(editor)

    assert editor.isVisible()
    assert editor.errors.message("title") == "is required"
    assert editor.errors.message("term_months") == "must be a whole number of months"
    assert editor.errors.has_error("notice_lead_days")
    assert editor.errors.has_error("parties")
    assert "the partner side needs a partner or a name" in partner.errors.message("partner_id")
    assert "row 1, Full name: is required" in partner.errors.message("signatories")
    assert editor.term_months.text() == "пять лет"  # kept as typed
    assert partner.signatories.rows()[0]["position"] == "Мэр"
    assert editor.tabs.currentIndex() == 0  # the first bad field's tab is in front
    assert services.agreements.list().total == 0

    type_text(editor.texts["title"], "Меморандум")
    editor.term_months.clear()
    editor.notice_lead_days.setText("30")
    type_text(partner.names["name_ru"], "Мэрия города Лусаки")
    assert not partner.errors.has_error("partner_id")
    partner.signatories.set_value(0, "full_name", "Майлз Сампа")
    click_save(editor)
    assert not editor.isVisible()
    [stored] = services.agreements.all()
    assert stored.notice_lead_days == [30]
    assert stored.parties[0].signatories[0].full_name == "Майлз Сампа"


def test_unmatched_partner_text_asks_to_choose(qtbot: QtBot, services: Services) -> None:
    page = _page(qtbot, services)
    editor = page.new_record()
    assert isinstance(editor, AgreementEditor)
    type_text(editor.texts["title"], "Соглашение")
    partner = editor.parties.add_party(PartySide.PARTNER)
    type_text(partner.partner, "Нигдеград")
    click_save(editor)
    assert editor.isVisible()
    assert partner.errors.message("partner_id") == "choose a partner from the list"
    assert editor.tabs.currentWidget() is editor.field_widget("parties").parentWidget()


def test_filters_query_the_service(qtbot: QtBot, services: Services) -> None:
    town = _smolensk(services)
    minsk = services.partners.create(Partner(name_ru="Минск", country_code="BY"))
    lusaka = services.partners.create(Partner(name_ru="Лусака", country_code="ZM"))
    services.agreements.create(
        Agreement(
            title="Соглашение с Минском",
            municipality_id=town.id,
            parties=[AgreementParty(side=PartySide.PARTNER, partner_id=minsk.id)],
        )
    )
    memo = services.agreements.create(
        Agreement(
            title="Меморандум с Лусакой",
            kind=AgreementKind.MEMORANDUM,
            parties=[
                AgreementParty(
                    side=PartySide.PARTNER,
                    partner_id=lusaka.id,
                    signatories=[Signatory(full_name="Майлз Сампа")],
                )
            ],
        )
    )
    assert memo.id is not None
    services.agreements.advance(
        memo.id, AgreementStatus.SENT_FOR_APPROVAL, approval_requested_on=dt.date(2024, 1, 9)
    )
    page = _page(qtbot, services)
    assert page.model.rowCount() == 2

    page.set_status(AgreementStatus.SENT_FOR_APPROVAL)
    assert _titles(page) == ["Меморандум с Лусакой"]
    model = page.model
    assert model.data(model.index(0, COL_STATUS)) == "Sent for regional approval"
    assert model.data(model.index(0, COL_STATUS), Qt.ItemDataRole.ForegroundRole) is not None
    page.status_filter.setCurrentIndex(page.status_filter.findText("In preparation"))
    assert len(_titles(page)) == 2
    page.set_status(AgreementStatus.REGISTERED)
    assert _titles(page) == []
    page.set_status(None)

    page.kind_filter.setCurrentIndex(page.kind_filter.findData(AgreementKind.MEMORANDUM.value))
    assert _titles(page) == ["Меморандум с Лусакой"]
    page.kind_filter.setCurrentIndex(0)
    page.country_filter.set_country_code("BY")
    assert _titles(page) == ["Соглашение с Минском"]
    page.country_filter.set_country_code("")
    page.set_municipality(town.id)
    assert _titles(page) == ["Соглашение с Минском"]
    page.set_municipality(None)
    type_text(page.search, "Сампа")  # a signatory's name
    assert _titles(page) == ["Меморандум с Лусакой"]
    page.clear_filters()
    assert page.model.rowCount() == 2
    assert page.current_filter() == AgreementFilter()


def test_signed_period_filter(qtbot: QtBot, services: Services) -> None:
    item = services.agreements.create(Agreement(title="Подписанное в 2020"))
    services.agreements.create(Agreement(title="Проект"))
    assert item.id is not None
    for target, facts in (
        (AgreementStatus.SENT_FOR_APPROVAL, {"approval_requested_on": dt.date(2020, 1, 9)}),
        (
            AgreementStatus.APPROVED,
            {"approval_decision_no": "1", "approval_decision_date": dt.date(2020, 2, 1)},
        ),
        (AgreementStatus.SIGNED, {"signed_date": dt.date(2020, 5, 5), "signed_place": "Калуга"}),
    ):
        services.agreements.advance(item.id, target, **facts)
    page = _page(qtbot, services)
    page.signed_from.set_value(dt.date(2020, 1, 1))
    page.signed_to.set_value(dt.date(2020, 12, 31))
    assert _titles(page) == ["Подписанное в 2020"]
    page.signed_from.set_value(dt.date(2021, 1, 1))
    page.signed_to.clear_value()
    assert _titles(page) == []


def test_detail_links_open_delegations(qtbot: QtBot, services: Services) -> None:
    parent = services.agreements.create(Agreement(title="Основное соглашение"))
    child = services.agreements.create(
        Agreement(
            title="Дополнительное соглашение",
            parent_id=parent.id,
            parent_relation=ParentRelation.AMENDMENT,
        )
    )
    assert parent.id is not None and child.id is not None
    visit = services.delegations.create(
        Delegation(
            title="Визит делегации Могилёва",
            start_date=dt.date(2024, 5, 1),
            end_date=dt.date(2024, 5, 3),
            agreement_ids=[parent.id],
        )
    )
    page = _page(qtbot, services)
    assert page.select_record(parent.id)
    assert page.card.link_targets() == [f"agreement:{child.id}", f"delegation:{visit.id}"]
    opened: list[tuple[str, uuid.UUID]] = []
    page.open_record.connect(lambda kind, key: opened.append((kind, key)))
    page.card.links.linkActivated.emit(f"delegation:{visit.id}")
    assert opened == [("delegation", visit.id)]
    assert page.select_record(child.id)
    assert page.card.link_targets() == [f"agreement:{parent.id}"]


def test_delete_then_undo_and_document_choice(qtbot: QtBot, services: Services) -> None:
    kept = services.agreements.create(Agreement(title="Соглашение с Брестом"))
    services.agreements.create(Agreement(title="Соглашение с Гомелем"))
    page = _page(qtbot, services)
    assert page.document_choice() is None  # nothing selected
    assert kept.id is not None and page.select_record(kept.id)
    assert page.document_choice() == ("draft", kept.id)

    assert page.delete_record()
    assert services.agreements.list().total == 1
    assert _titles(page) == ["Соглашение с Гомелем"]
    assert page.undo_button.isVisible()
    QTest.mouseClick(page.undo_button, Qt.MouseButton.LeftButton)
    assert services.agreements.list().total == 2
    selected = page.selected_record()
    assert selected is not None and selected.id == kept.id
