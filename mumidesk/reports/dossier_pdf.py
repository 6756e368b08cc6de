"""The partner dossier as a portrait A4 PDF: the card as a label/value table, the partnerships,
the known twins, and the chronicle as a paged table."""

from __future__ import annotations

from pathlib import Path
from typing import IO

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, Paragraph, Spacer, Table

from mumidesk.i18n import _
from mumidesk.reports.dossier import Dossier
from mumidesk.reports.kit.card import card_table
from mumidesk.reports.kit.document import PdfMeta, build_pdf, frame_size
from mumidesk.reports.kit.fonts import SERIF
from mumidesk.reports.kit.paged_table import Column, PagedTable, TableLook
from mumidesk.reports.kit.styles import styles
from mumidesk.reports.kit.text import escape

HEADING_ROOM = 35 * mm  # the heading, a table header and a row or two
TABLE_LOOK = TableLook(font=SERIF, size=9, leading=11, padding=3)
CARD_LABEL_WIDTH = 50 * mm


def _heading(text: str) -> list[Flowable]:
    """A heading that starts a new page rather than stand at the foot of one. (keepWithNext
    would move a long table whole to the next page.)"""
    return [CondPageBreak(HEADING_ROOM), Paragraph(escape(text), styles().heading)]


def _card(dossier: Dossier) -> Table | None:
    width, _height = frame_size(is_landscape=False)
    return card_table([(line.label, line.value) for line in dossier.card], CARD_LABEL_WIDTH, width)


def _partnership_table(dossier: Dossier) -> PagedTable:
    width, _height = frame_size(is_landscape=False)
    widths = [60 * mm, 35 * mm, 35 * mm]
    columns = [
        Column(_("Own municipality"), widths[0]),
        Column(_("Kind"), widths[1]),
        Column(_("Status"), widths[2]),
        Column(_("Since"), width - sum(widths)),
    ]
    rows = [[p.municipality, p.kind, p.status, p.since] for p in dossier.partnerships]
    return PagedTable(columns, rows, TABLE_LOOK)


def _chronicle_table(dossier: Dossier) -> PagedTable:
    width, _height = frame_size(is_landscape=False)
    widths = [30 * mm, 24 * mm, 53 * mm]
    columns = [
        Column(_("Date"), widths[0]),
        Column(_("Record"), widths[1]),
        Column(_("Title"), widths[2]),
        Column(_("Details"), width - sum(widths)),
    ]
    rows = [[e.when, e.record, e.title, e.detail] for e in dossier.chronicle]
    return PagedTable(columns, rows, TABLE_LOOK)


def dossier_story(dossier: Dossier) -> list[Flowable]:
    s = styles()
    story: list[Flowable] = [
        Paragraph(escape(_("Partner dossier")), s.title),
        Paragraph(
            escape(_("{name} ({country})").format(name=dossier.name, country=dossier.country)),
            s.subtitle,
        ),
        Paragraph(escape(_("Prepared on {date}").format(date=dossier.prepared_on)), s.note),
        Spacer(1, 4 * mm),
    ]
    card = _card(dossier)
    if card is not None:
        story.append(card)
    if dossier.notes.strip():
        story += [*_heading(_("Notes")), Paragraph(escape(dossier.notes), s.body)]
    story += _heading(_("Partnerships with our municipalities"))
    if dossier.partnerships:
        story.append(_partnership_table(dossier))
    else:
        story.append(Paragraph(escape(_("No partnership recorded.")), s.body))
    if dossier.twins:
        story += [
            *_heading(_("Its other twin cities (public list)")),
            Paragraph(escape("; ".join(dossier.twins)), s.body),
        ]
    story += _heading(_("Chronicle: agreements, delegations, events, exchanges"))
    if dossier.chronicle:
        story.append(_chronicle_table(dossier))
    else:
        story.append(Paragraph(escape(_("Nothing recorded yet.")), s.body))
    return story


def write_dossier_pdf(dossier: Dossier, target: Path | IO[bytes]) -> None:
    meta = PdfMeta(
        title=dossier.title,
        subject=_("Partner dossier"),
        keywords=", ".join(v for v in (dossier.name, dossier.country) if v),
    )
    build_pdf(target, dossier_story(dossier), meta)
