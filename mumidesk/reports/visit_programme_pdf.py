"""The visit programme as a portrait A4 PDF for the guests: every label in Russian and in the
second language, the delegation's members (head first), and the items day by day in a paged
table — time · Russian · second language · place (· responsible, when any item names one)."""

from __future__ import annotations

from pathlib import Path
from typing import IO

from babel import Locale
from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, Paragraph, Spacer, Table

from mumidesk import i18n
from mumidesk.i18n import N_, _
from mumidesk.reports.kit.card import card_table
from mumidesk.reports.kit.document import PdfMeta, build_pdf, frame_size
from mumidesk.reports.kit.fonts import SERIF
from mumidesk.reports.kit.paged_table import Column, GroupHeading, PagedTable, TableLook
from mumidesk.reports.kit.styles import styles
from mumidesk.reports.kit.text import escape
from mumidesk.reports.visit_programme import RUSSIAN, Member, NamePair, VisitProgramme

HEADING_ROOM = 35 * mm  # the heading, a table header and a row or two
TABLE_LOOK = TableLook(font=SERIF, size=9, leading=11, padding=3)
INFO_LABEL_WIDTH = 55 * mm
SEPARATOR = " / "  # between the Russian and the second-language text of one label

# Labels, translated at print time into both languages.
VISIT_PROGRAMME = N_("Visit programme")
DATES = N_("Dates")
PLACE = N_("Place")
MUNICIPALITY = N_("Municipality")
PARTNERS = N_("Partner cities")
HEAD = N_("Head of the delegation")
MEMBERS = N_("Members of the delegation")
PROGRAMME = N_("Programme")
NUMBER = N_("No.")
FULL_NAME = N_("Full name")
POSITION = N_("Position, organisation")
TIME = N_("Time")
ITEM = N_("Programme item")
RESPONSIBLE = N_("Responsible")
NO_ITEMS = N_("The programme has not been drawn up yet.")


def _label(programme: VisitProgramme, message: str) -> str:
    """A label in Russian and, for a bilingual programme, in the second language too."""
    with i18n.language(RUSSIAN):
        russian = _(message)
    if not programme.is_bilingual:
        return russian
    with i18n.language(programme.label_language):
        other = _(message)
    return russian if other == russian else russian + SEPARATOR + other


def _pair(programme: VisitProgramme, ru: str, second: str) -> str:
    if not programme.is_bilingual or not second or second == ru:
        return ru or second
    return ru + SEPARATOR + second


def _language_title(programme: VisitProgramme, code: str) -> str:
    """The name of a text language as a column title: "Английский / English"."""
    names = [Locale.parse(RUSSIAN).languages.get(code, code)]
    names.append(Locale.parse(programme.label_language).languages.get(code, code))
    unique = list(dict.fromkeys(n[:1].upper() + n[1:] for n in names))
    return SEPARATOR.join(unique)


def _heading(text: str) -> list[Flowable]:
    """A heading that starts a new page rather than stand at the foot of one. (keepWithNext
    would move a long table whole to the next page.)"""
    return [CondPageBreak(HEADING_ROOM), Paragraph(escape(text), styles().heading)]


def _person(member: Member) -> str:
    return ", ".join(part for part in (member.full_name, member.position) if part)


def _info(programme: VisitProgramme) -> Table | None:
    lines: list[tuple[str, str]] = [
        (DATES, _pair(programme, programme.dates_ru, programme.dates_second)),
        (PLACE, programme.place),
    ]
    if programme.municipality is not None:
        lines.append((MUNICIPALITY, _names(programme, [programme.municipality])))
    if programme.partners:
        lines.append((PARTNERS, _names(programme, list(programme.partners))))
    head = programme.head
    if head is not None:
        lines.append((HEAD, _person(head)))
    width, _height = frame_size(is_landscape=False)
    labelled = [(_label(programme, label), text) for label, text in lines]
    return card_table(labelled, INFO_LABEL_WIDTH, width)


def _names(programme: VisitProgramme, pairs: list[NamePair]) -> str:
    return "; ".join(_pair(programme, p.ru, p.second) for p in pairs)


def _members_table(programme: VisitProgramme) -> PagedTable:
    width, _height = frame_size(is_landscape=False)
    widths = [12 * mm, 60 * mm]
    columns = [
        Column(_label(programme, NUMBER), widths[0], "CENTER"),
        Column(_label(programme, FULL_NAME), widths[1]),
        Column(_label(programme, POSITION), width - sum(widths)),
    ]
    rows = [
        [f"{number}.", m.full_name, ", ".join(p for p in (m.position, m.organisation) if p)]
        for number, m in enumerate(programme.members, start=1)
    ]
    return PagedTable(columns, rows, TABLE_LOOK)


def _items_table(programme: VisitProgramme) -> PagedTable:
    width, _height = frame_size(is_landscape=False)
    time_width, place_width = 22 * mm, 34 * mm
    responsible_width = 30 * mm if programme.has_responsible else 0.0
    title_space = width - time_width - place_width - responsible_width
    columns = [Column(_label(programme, TIME), time_width, "CENTER")]
    if programme.is_bilingual:
        columns += [
            Column(_language_title(programme, RUSSIAN), title_space / 2),
            Column(_language_title(programme, programme.text_language), title_space / 2),
        ]
    else:
        columns.append(Column(_label(programme, ITEM), title_space))
    columns.append(Column(_label(programme, PLACE), place_width))
    if programme.has_responsible:
        columns.append(Column(_label(programme, RESPONSIBLE), responsible_width))
    rows: list[list[str] | GroupHeading] = []
    for day in programme.days:
        rows.append(GroupHeading(_pair(programme, day.heading_ru, day.heading_second)))
        for item in day.items:
            cells = [item.time, item.title_ru]
            if programme.is_bilingual:
                cells.append(item.title_second)
            cells.append(item.place)
            if programme.has_responsible:
                cells.append(item.responsible)
            rows.append(cells)
    return PagedTable(columns, rows, TABLE_LOOK)


def programme_story(programme: VisitProgramme) -> list[Flowable]:
    s = styles()
    story: list[Flowable] = [
        Paragraph(escape(_label(programme, VISIT_PROGRAMME)), s.title),
        Paragraph(escape(programme.title), s.subtitle),
        Spacer(1, 3 * mm),
    ]
    info = _info(programme)
    if info is not None:
        story.append(info)
    if programme.members:
        story += [*_heading(_label(programme, MEMBERS)), _members_table(programme)]
    story += _heading(_label(programme, PROGRAMME))
    if programme.days:
        story.append(_items_table(programme))
    else:
        story.append(Paragraph(escape(_label(programme, NO_ITEMS)), s.body))
    return story


def write_programme_pdf(programme: VisitProgramme, target: Path | IO[bytes]) -> None:
    meta = PdfMeta(
        title=_("{document}: {title}").format(
            document=_label(programme, VISIT_PROGRAMME), title=programme.title
        ),
        subject=_label(programme, VISIT_PROGRAMME),
        keywords="; ".join(_pair(programme, p.ru, p.second) for p in programme.partners),
    )
    build_pdf(target, programme_story(programme), meta)
