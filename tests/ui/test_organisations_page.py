from __future__ import annotations

import datetime as dt
import uuid

from pytestqt.qtbot import QtBot

from mumidesk.domain.enums import Gender, OrganisationKind
from mumidesk.domain.municipalities import Municipality
from mumidesk.domain.organisations import Membership, Organisation, Person
from mumidesk.services.organisations import MembershipFilter, PersonFilter
from mumidesk.services.registry import Services
from mumidesk.ui.editors.organisation_editor import OrganisationEditor
from mumidesk.ui.editors.person_editor import PersonEditor
from mumidesk.ui.pages.organisations_page import OrganisationsAndPeoplePage
from tests.ui.helpers import agree, click_save, shown
from tests.ui.typing_helper import type_text


def _page(qtbot: QtBot, services: Services) -> OrganisationsAndPeoplePage:
    page = shown(qtbot, OrganisationsAndPeoplePage(services, confirm=agree))
    page.resize(1200, 700)
    return page


def test_person_typed_in_cyrillic_with_a_bad_e_mail_is_marked_then_saved(
    qtbot: QtBot, services: Services
) -> None:
    hanse = services.organisations.create(
        Organisation(name_ru="Международный Ганзейский союз", kind=OrganisationKind.ASSOCIATION)
    )
    smolensk = services.municipalities.create(Municipality(name_ru="Смоленск"))
    page = _page(qtbot, services)
    page.set_current_kind("person")
    editor = page.new_record()
    assert editor.isVisible()
    type_text(editor.inputs["last_name"], "Иванова")
    type_text(editor.inputs["first_name"], "Мария")
    type_text(editor.inputs["patronymic"], "Петровна")
    editor.gender.setCurrentIndex(editor.gender.findData(Gender.FEMALE.value))
    type_text(editor.inputs["position"], "Главный специалист отдела международных связей")
    type_text(editor.organisation, "ганзей")
    assert editor.organisation.candidates() == ["Международный Ганзейский союз"]
    editor.organisation.choose("Международный Ганзейский союз")
    editor.municipality.setCurrentIndex(editor.municipality.findData(str(smolensk.id)))
    type_text(editor.inputs["phone"], "8 (4812) 38-10-25")
    type_text(editor.inputs["email"], "иванова@")
    click_save(editor)

    assert editor.isVisible()  # not saved, nothing typed lost
    assert editor.errors.has_error("email")
    assert "not a valid e-mail address" in editor.errors.message("email")
    assert not editor.errors.has_error("last_name")
    assert editor.inputs["email"].text() == "иванова@"
    assert editor.inputs["last_name"].text() == "Иванова"
    assert services.people.list().total == 0

    editor.inputs["email"].clear()
    type_text(editor.inputs["email"], "ivanova@admin-smolensk.ru")
    assert not editor.errors.has_error("email")  # corrected: the mark goes away
    click_save(editor)
    assert not editor.isVisible()

    [person] = services.people.list().items
    assert person.full_name == "Иванова Мария Петровна"
    assert person.gender is Gender.FEMALE
    assert person.organisation_id == hanse.id
    assert person.municipality_id == smolensk.id
    assert person.phone == "+74812381025"  # one form for every phone
    assert person.email == "ivanova@admin-smolensk.ru"
    people = page.people_page
    assert people.selected_record() == person
    assert people.card.title.text() == "Иванова Мария Петровна"
    assert "Международный Ганзейский союз" in people.card.value("organisation")
    assert people.card.value("phone") == "+7 481 238-10-25"
    # The table names the organisation and the municipality, not their ids.
    assert people.model.index(0, 2).data() == "Международный Ганзейский союз"
    assert people.model.index(0, 3).data() == "Смоленск"


def test_a_bad_phone_and_a_missing_name_are_reported_together(
    qtbot: QtBot, services: Services
) -> None:
    page = _page(qtbot, services)
    page.set_current_kind("person")
    editor = page.new_record()
    type_text(editor.inputs["phone"], "12")
    type_text(editor.organisation, "нет такой")
    click_save(editor)
    assert editor.isVisible()
    assert editor.errors.message("last_name") == "is required"
    assert editor.errors.has_error("phone")
    assert editor.errors.message("organisation_id") == "choose an organisation from the list"
    assert services.people.list().total == 0


def test_organisation_with_two_people_and_a_membership(qtbot: QtBot, services: Services) -> None:
    smolensk = services.municipalities.create(Municipality(name_ru="Смоленск"))
    page = _page(qtbot, services)
    orgs = page.organisations_page
    editor = page.new_record()
    type_text(editor.inputs["name_ru"], "Ассоциация городов-побратимов")
    type_text(editor.inputs["short_name"], "АГП")
    editor.kind.setCurrentIndex(editor.kind.findData(OrganisationKind.ASSOCIATION.value))
    type_text(editor.inputs["email"], "info@twin-cities.ru")
    editor.tabs.setCurrentIndex(1)
    row = editor.members.add_row()
    assert editor.members.rows()[row]["municipality"] == str(smolensk.id)
    editor.members.set_value(row, "role", "Член правления")
    editor.members.set_value(row, "since", dt.date(2020, 5, 1))
    editor.members.set_value(row, "until", dt.date(2019, 1, 1))
    editor.tabs.setCurrentIndex(0)
    click_save(editor)

    assert editor.isVisible()  # "until" before "since": refused, the table says which row
    assert editor.errors.has_error("memberships")
    assert editor.errors.message("memberships").startswith("row 1: Member until:")
    assert editor.tabs.currentIndex() == 1  # the tab of the bad field is brought to front
    assert services.organisations.list().total == 0  # nothing partial
    editor.members.set_value(row, "until", None)
    click_save(editor)
    assert not editor.isVisible()

    [organisation] = services.organisations.list().items
    assert organisation.short_name == "АГП"
    [membership] = services.memberships.all(MembershipFilter(organisation_id=organisation.id))
    assert (membership.municipality_id, membership.role) == (smolensk.id, "Член правления")
    assert (membership.since, membership.until) == (dt.date(2020, 5, 1), None)

    for last, first in (("Петров", "Пётр"), ("Сидорова", "Анна")):
        services.people.create(
            Person(
                last_name=last,
                first_name=first,
                position="Эксперт",
                organisation_id=organisation.id,
            )
        )
    services.people.create(Person(last_name="Посторонний"))
    page.refresh()
    assert orgs.selected_record() == organisation
    people_text = orgs.card.people_text()
    assert "Петров Пётр" in people_text and "Сидорова Анна" in people_text
    assert "Посторонний" not in people_text
    assert orgs.card.people_heading.text() == "People (2)"
    assert "Смоленск</a> — Член правления (since May 1, 2020)" in orgs.card.members.text()
    # Municipalities are shown by the main window (the reference of our municipalities).
    asked: list[tuple[str, object]] = []
    page.open_record.connect(lambda kind, key: asked.append((kind, key)))
    orgs.card.members.linkActivated.emit(f"municipality:{smolensk.id}")
    assert asked == [("municipality", smolensk.id)]

    # A click on a person on the card goes to that person in the People tab.
    anna = services.people.list(PersonFilter(text="Сидорова")).items[0]
    orgs.card.people.linkActivated.emit(f"person:{anna.id}")
    assert page.current_page() is page.people_page
    assert page.people_page.selected_record() == anna
    # … and the person's organisation link leads back.
    page.people_page.card.values["organisation"].linkActivated.emit(
        f"organisation:{organisation.id}"
    )
    assert page.current_page() is orgs
    assert orgs.selected_record() == organisation

    # "Add a person…" on the card: the editor starts at this organisation.
    orgs.card.people.linkActivated.emit(f"new-person:{organisation.id}")
    assert page.current_page() is page.people_page
    new_editor = page.people_page.editor
    assert isinstance(new_editor, PersonEditor)
    assert new_editor.organisation.record_id() == organisation.id
    type_text(new_editor.inputs["last_name"], "Кузнецов")
    click_save(new_editor)
    assert services.people.list(PersonFilter(organisation_id=organisation.id)).total == 3
    assert page.people_page.model.rowCount() == 3  # the people of this organisation
    page.show_record_of("organisation", organisation.id)

    # The membership is edited in place (same record, new version), not added again.
    editor = page.edit_record()
    assert editor is not None
    editor.members.set_value(0, "role", "Председатель")
    click_save(editor)
    assert not editor.isVisible()
    [edited] = services.memberships.all(MembershipFilter(organisation_id=organisation.id))
    assert (edited.id, edited.role, edited.version) == (membership.id, "Председатель", 2)


def test_filters_search_and_show_record(qtbot: QtBot, services: Services) -> None:
    okmo = services.organisations.create(
        Organisation(
            name_ru="Общероссийский Конгресс муниципальных образований",
            short_name="ОКМО",
            kind=OrganisationKind.ASSOCIATION,
        )
    )
    services.organisations.create(
        Organisation(name_ru="Гимназия № 1", kind=OrganisationKind.SCHOOL)
    )
    services.organisations.create(Organisation(name_ru="Der Deutsche Städtetag", country_code="DE"))
    person = services.people.create(
        Person(last_name="Асланова", first_name="Дарья", organisation_id=okmo.id)
    )
    page = _page(qtbot, services)
    orgs = page.organisations_page
    assert orgs.model.rowCount() == 3
    orgs.kind_filter.setCurrentIndex(orgs.kind_filter.findData("school"))
    assert [orgs.model.record_at(0).name_ru] == ["Гимназия № 1"]
    assert orgs.model.rowCount() == 1
    orgs.clear_filters()
    orgs.country_filter.set_country_code("DE")
    assert orgs.model.rowCount() == 1
    orgs.clear_filters()
    type_text(orgs.text_filter, "конгресс")
    assert orgs.model.rowCount() == 1
    assert orgs.model.record_at(0) == okmo

    # People: the organisation filter picks from the search index.
    people = page.people_page
    type_text(people.organisation_filter, "окмо")
    people.organisation_filter.choose(people.organisation_filter.candidates()[0])
    assert people.current_filter().organisation_id == okmo.id
    assert people.model.rowCount() == 1

    # The main window jumps by id; the kind is found, a hiding filter is cleared.
    assert page.show_record(person.id)
    assert page.current_page() is people and people.selected_record() == person
    orgs.kind_filter.setCurrentIndex(orgs.kind_filter.findData("school"))
    assert page.show_record_of("organisation", okmo.id)
    assert page.current_page() is orgs and orgs.selected_record() == okmo
    assert orgs.kind_filter.currentIndex() == 0  # cleared: the record was hidden by it


def test_delete_and_undo_an_organisation(qtbot: QtBot, services: Services) -> None:
    services.organisations.create(Organisation(name_ru="Союз российских городов"))
    page = _page(qtbot, services)
    changed: list[bool] = []
    page.changed.connect(lambda: changed.append(True))
    page.organisations_page.table.selectRow(0)
    assert page.delete_record()
    assert services.organisations.list().total == 0
    assert page.model.rowCount() == 0
    page.undo_delete()
    assert services.organisations.list().total == 1
    assert page.selected_record().name_ru == "Союз российских городов"
    assert len(changed) == 2


def test_member_rows_may_be_removed(qtbot: QtBot, services: Services) -> None:
    smolensk = services.municipalities.create(Municipality(name_ru="Смоленск"))
    roslavl = services.municipalities.create(Municipality(name_ru="Рославль"))
    placeholder = uuid.UUID(int=0)  # the service links the memberships to the new record
    hanse = services.organisations.save_with_memberships(
        Organisation(name_ru="Ганза"),
        [
            Membership(municipality_id=smolensk.id, organisation_id=placeholder, role="Участник"),
            Membership(municipality_id=roslavl.id, organisation_id=placeholder),
        ],
    )
    assert hanse.id is not None
    assert len(services.organisations.memberships_of(hanse.id)) == 2
    page = _page(qtbot, services)
    page.organisations_page.table.selectRow(0)
    editor = page.edit_record()
    assert editor is not None
    assert isinstance(editor, OrganisationEditor)
    rows = editor.members.rows()
    editor.members.table.selectRow(
        next(i for i, r in enumerate(rows) if r["municipality"] == str(smolensk.id))
    )
    editor.members.remove_selected()
    click_save(editor)
    assert not editor.isVisible()
    left = services.organisations.memberships_of(hanse.id)
    assert [m.municipality_id for m in left] == [roslavl.id]
