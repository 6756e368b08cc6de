"""The Documents page on the demo data: the Smolensk region's Q2 2020 quarterly report generated
on the worker thread, previewed (2 pages), saved as PDF, XLSX and DOCX; the Lusaka agreement's
draft; printing into a PDF file through an injected printer; failures shown as messages, with
the page still usable afterwards."""

from __future__ import annotations

import io
import shutil
import threading
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

import pytest
from docx import Document
from openpyxl import load_workbook
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas

from mumidesk import i18n
from mumidesk.db import migrate
from mumidesk.db.engine import Database
from mumidesk.reports import catalog
from mumidesk.services.demo import demo_id, load_demo
from mumidesk.services.registry import Services
from mumidesk.settings import Settings
from mumidesk.ui.documents import documents_page
from mumidesk.ui.documents.document_form import QUARTER
from mumidesk.ui.documents.documents_page import DocumentsPage, Generated
from mumidesk.ui.documents.pdf_preview import PdfPreview
from tests.ui.typing_helper import type_text

REGION = "Смоленская область"
LUSAKA = demo_id("agreement/rostov/lusaka")
FIRST_ROW = "Участие в собрании делегатов Международного Ганзейского союза в онлайн-формате"
LAST_ROW = "Участие в рабочей встрече в формате видеоконференц-связи"
DESNOGORSK = "Муниципальное образование «город Десногорск» Смоленской области"
WAIT_MS = 60_000


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo database, made once for the module; each test works on a copy."""
    path = tmp_path_factory.mktemp("demo") / "demo.db"
    db = Database("sqlite:///" + path.as_posix())
    migrate.prepare(db)
    with i18n.language("en"):
        load_demo(Services.for_database(db))
    with db.engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    db.dispose()
    return path


@pytest.fixture
def demo(demo_file: Path, tmp_path: Path) -> Iterator[Services]:
    path = tmp_path / "demo.db"
    shutil.copyfile(demo_file, path)
    db = Database("sqlite:///" + path.as_posix(), user="tester")
    yield Services.for_database(db)
    db.dispose()


class Recorder:
    """Stands in for the message box and the save dialog."""

    def __init__(self) -> None:
        self.messages: list[str] = []
        self.save_to: Path | None = None
        self.offered: list[tuple[str, tuple[str, ...]]] = []

    def inform(self, _parent: QWidget, message: str) -> None:
        self.messages.append(message)

    def save_dialog(self, _parent: QWidget, name: str, formats: Sequence[str]) -> Path | None:
        self.offered.append((name, tuple(formats)))
        return self.save_to


def make_page(
    qtbot: QtBot,
    services: Services,
    recorder: Recorder,
    print_dialog: Callable[[QWidget, int], QPrinter | None] | None = None,
) -> DocumentsPage:
    page = DocumentsPage(
        services,
        save_dialog=recorder.save_dialog,
        print_dialog=print_dialog or (lambda _parent, _count: None),
        inform=recorder.inform,
    )
    qtbot.addWidget(page)
    page.resize(1200, 800)
    page.show()
    return page


def click(button: QWidget) -> None:
    QTest.mouseClick(button, Qt.MouseButton.LeftButton)


def generate(qtbot: QtBot, page: DocumentsPage) -> Generated:
    with qtbot.waitSignal(page.generated, timeout=WAIT_MS) as blocker:
        click(page.generate_button)
    result = blocker.args[0]
    assert isinstance(result, Generated)
    return result


def choose_q2_2020(page: DocumentsPage) -> None:
    form = page.form
    form.period_box.setCurrentIndex(form.period_box.findData(QUARTER))
    form.year_box.setValue(2020)
    form.quarter_box.setCurrentIndex(1)


def pdf_text(path: Path | bytes) -> str:
    source = io.BytesIO(path) if isinstance(path, bytes) else path
    return " ".join(" ".join(p.extract_text().split()) for p in PdfReader(source).pages)


def region_id(services: Services) -> str:
    region = services.regions.find_by_name(REGION)
    assert region is not None
    return str(region.id)


def test_quarterly_report_generated_previewed_and_saved(
    qtbot: QtBot, demo: Services, tmp_path: Path
) -> None:
    Settings(region_id=region_id(demo)).save()  # the install's region is the default
    recorder = Recorder()
    page = make_page(qtbot, demo, recorder)
    assert page.form.document().id == catalog.QUARTERLY
    assert page.form.region_box.currentData() == region_id(demo)
    assert page.form.region_box.currentText() == "Smolensk Oblast"  # in the window's language
    assert not page.print_button.isEnabled() and not page.save_button.isEnabled()
    choose_q2_2020(page)
    page.form.set_language("ru")  # the report as the region files it

    result = generate(qtbot, page)

    assert result.request.region_id is not None
    assert page.preview.page_count() == 2
    assert page.preview.pages_label.text() == "2 pages"
    qtbot.waitUntil(lambda: 0 in page.preview.drawn_pages())
    assert not page.preview.page_image(0).isNull()
    assert page.print_button.isEnabled() and page.save_button.isEnabled()
    text = pdf_text(result.pdf)
    assert FIRST_ROW in text and LAST_ROW in text and "8–20 апреля" in text

    # Save as…: the dialog offers the document's formats; PDF is what the preview shows.
    recorder.save_to = tmp_path / "q2.pdf"
    with qtbot.waitSignal(page.saved, timeout=WAIT_MS):
        click(page.save_button)
    assert recorder.offered[-1][1] == ("pdf", "xlsx", "docx")
    assert "II квартале 2020" in recorder.offered[-1][0]  # the report's own title
    saved = pdf_text(tmp_path / "q2.pdf")
    assert FIRST_ROW in saved and DESNOGORSK in saved
    assert len(PdfReader(tmp_path / "q2.pdf").pages) == 2

    with qtbot.waitSignal(page.saved, timeout=WAIT_MS):
        page.save_as(tmp_path / "q2.xlsx")
    sheet = load_workbook(tmp_path / "q2.xlsx").active
    assert sheet is not None
    rows = [[c for c in row if c is not None] for row in sheet.iter_rows(values_only=True)]
    first = next(row for row in rows if FIRST_ROW in row)
    assert first[0] in (1, "1", "1.")
    assert "5 июня" in first

    with qtbot.waitSignal(page.saved, timeout=WAIT_MS):
        page.save_as(tmp_path / "q2.docx")
    cells = [
        cell.text for table in Document(str(tmp_path / "q2.docx")).tables for row in table.rows
        for cell in row.cells
    ]  # fmt: skip
    assert FIRST_ROW in cells and LAST_ROW in cells


def test_output_language_is_the_form_s_not_the_window_s(qtbot: QtBot, demo: Services) -> None:
    recorder = Recorder()
    page = make_page(qtbot, demo, recorder)
    page.form.set_region(demo.regions.find_by_name(REGION).id)  # type: ignore[union-attr]
    choose_q2_2020(page)
    assert page.form.language_box.currentData() == "en"  # the window's language at first
    english = generate(qtbot, page)
    assert english.built.title.startswith("Report on the international events")
    assert "April 8–20" in pdf_text(english.pdf).replace("\u2009", "")
    page.form.set_language("ru")
    russian = generate(qtbot, page)
    assert russian.built.language == "ru"
    assert russian.built.title.startswith("Отчет о мероприятиях")
    assert i18n.current_language() == "en"  # the window's language did not change


def test_draft_of_the_lusaka_agreement(qtbot: QtBot, demo: Services, tmp_path: Path) -> None:
    recorder = Recorder()
    page = make_page(qtbot, demo, recorder)
    page.prepare("draft", LUSAKA)
    form = page.form
    assert form.document().id == catalog.DRAFT
    picker = form.record_pickers["agreement"]
    assert picker.record_id() == LUSAKA and "Лусак" in picker.text()
    assert form.template_box.currentData() == "cooperation"  # the only one of its kind
    assert form.languages_box.currentData() == "ru,en"  # the agreement's languages

    result = generate(qtbot, page)

    assert result.request.record_id == LUSAKA
    assert page.preview.page_count() >= 2
    text = pdf_text(result.pdf)
    assert "Лусакой" in text and "Lusaka" in text and "ПРОЕКТ / DRAFT" in text
    with qtbot.waitSignal(page.saved, timeout=WAIT_MS):
        page.save_as(tmp_path / "lusaka.docx")
    body = " ".join(p.text for p in Document(str(tmp_path / "lusaka.docx")).paragraphs)
    tables = " ".join(
        cell.text
        for table in Document(str(tmp_path / "lusaka.docx")).tables
        for row in table.rows
        for cell in row.cells
    )
    assert "Лусак" in body + tables
    # A draft has no XLSX: the page says so instead of writing anything.
    page.save_as(tmp_path / "lusaka.xlsx")
    assert recorder.messages and ".pdf, .docx" in recorder.messages[-1]
    assert not (tmp_path / "lusaka.xlsx").exists()


@pytest.mark.parametrize(
    ("document", "key", "expected"),
    [
        ("dossier", demo_id("partner/mogilev"), "Могил"),
        ("programme", demo_id("delegation/kaluga/2017-03_mogilev_forum"), "Visit programme"),
    ],
)
def test_dossier_and_visit_programme_from_a_record(
    qtbot: QtBot, demo: Services, document: str, key: object, expected: str
) -> None:
    recorder = Recorder()
    page = make_page(qtbot, demo, recorder)
    page.prepare(document, key)  # type: ignore[arg-type]
    picker = page.form.record_pickers[catalog.document_type(document).record_kind]
    assert page.form.record_stack.currentWidget() is picker and picker.record_id() == key
    result = generate(qtbot, page)
    assert result.request.record_id == key and page.preview.page_count() >= 1
    assert expected in pdf_text(result.pdf)
    assert recorder.offered == [] and not recorder.messages


def test_agreement_typed_in_cyrillic_and_picked(qtbot: QtBot, demo: Services) -> None:
    recorder = Recorder()
    page = make_page(qtbot, demo, recorder)
    page.prepare("draft")
    picker = page.form.record_pickers["agreement"]
    picker.setFocus()
    type_text(picker, "Лусак")
    assert picker.candidates()
    picker.choose(picker.candidates()[0])
    assert picker.record_id() == LUSAKA
    assert page.form.languages_box.currentData() == "ru,en"


def test_print_into_a_pdf_file_through_an_injected_printer(
    qtbot: QtBot, demo: Services, tmp_path: Path
) -> None:
    target = tmp_path / "printed.pdf"
    asked: list[int] = []

    def printer_for(_parent: QWidget, page_count: int) -> QPrinter:
        asked.append(page_count)
        printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(target))
        return printer

    recorder = Recorder()
    page = make_page(qtbot, demo, recorder, print_dialog=printer_for)
    page.form.set_region(demo.regions.find_by_name(REGION).id)  # type: ignore[union-attr]
    choose_q2_2020(page)
    generate(qtbot, page)
    messages: list[str] = []
    page.status_message.connect(messages.append)

    click(page.print_button)

    assert asked == [2]
    printed = PdfReader(target)
    assert len(printed.pages) == 2
    box = printed.pages[0].mediabox
    assert box.width > box.height  # the landscape report printed landscape
    assert messages and "2 pages" in messages[-1]
    assert not recorder.messages


def test_print_cancelled_prints_nothing(qtbot: QtBot, demo: Services) -> None:
    recorder = Recorder()
    page = make_page(qtbot, demo, recorder)  # its print dialog answers "cancel"
    page.prepare("draft", LUSAKA)
    generate(qtbot, page)
    page.print_document()
    assert not recorder.messages


def test_missing_parameters_are_marked_before_anything_runs(qtbot: QtBot, demo: Services) -> None:
    recorder = Recorder()
    page = make_page(qtbot, demo, recorder)
    page.prepare("dossier")
    click(page.generate_button)
    assert not page.is_busy()
    assert page.form.errors.message(catalog.RECORD) == "choose the partner"
    # Text that names no partner is not silently dropped.
    picker = page.form.record_pickers["partner"]
    type_text(picker, "Атлантида")
    click(page.generate_button)
    assert page.form.errors.message(catalog.RECORD) == "choose one from the list"
    assert page.current() is None and not recorder.messages


def test_failing_generation_shows_a_message_and_the_page_stays_usable(
    qtbot: QtBot, demo: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    recorder = Recorder()
    page = make_page(qtbot, demo, recorder)
    page.form.set_region(demo.regions.find_by_name(REGION).id)  # type: ignore[union-attr]
    choose_q2_2020(page)
    real_build = catalog.build

    def broken(services: Services, request: catalog.DocumentRequest) -> catalog.BuiltDocument:
        raise RuntimeError("the disk is full")

    monkeypatch.setattr(documents_page.catalog, "build", broken)
    with qtbot.waitSignal(page.failed, timeout=WAIT_MS):
        click(page.generate_button)
    assert len(recorder.messages) == 1
    message = recorder.messages[0]
    assert "the disk is full" in message and "Traceback" not in message
    assert page.generate_button.isEnabled() and not page.is_busy()
    assert page.current() is None

    monkeypatch.setattr(documents_page.catalog, "build", real_build)
    generate(qtbot, page)
    assert page.preview.page_count() == 2


def test_a_report_the_data_cannot_make_marks_the_field(qtbot: QtBot, demo: Services) -> None:
    """A region without municipalities: the builder's own ValidationError lands on the field."""
    from mumidesk.domain.municipalities import Region

    empty = demo.regions.create(Region(name_ru="Пустая область"))
    recorder = Recorder()
    page = make_page(qtbot, demo, recorder)
    page.form.set_region(empty.id)
    with qtbot.waitSignal(page.failed, timeout=WAIT_MS):
        click(page.generate_button)
    assert page.form.errors.message("region") == "has no municipalities to report on"
    assert page.generate_button.isEnabled()


def test_cancel_drops_the_result(qtbot: QtBot, demo: Services) -> None:
    recorder = Recorder()
    page = make_page(qtbot, demo, recorder)
    page.prepare("draft", LUSAKA)
    produced: list[object] = []
    page.generated.connect(produced.append)
    click(page.generate_button)
    assert page.is_busy() and not page.generate_button.isEnabled()
    page.cancel()  # before the event loop could deliver anything
    assert page.worker.wait(WAIT_MS)
    qtbot.wait(50)
    assert produced == [] and page.current() is None
    assert page.generate_button.isEnabled()


def test_preview_draws_pages_lazily_and_zooms(qtbot: QtBot) -> None:
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=A4)
    for number in range(1, 31):
        canvas.drawString(100, 700, f"Page {number}")
        canvas.showPage()
    canvas.save()
    preview = PdfPreview()
    qtbot.addWidget(preview)
    preview.resize(600, 500)
    preview.show()
    preview.set_pdf(buffer.getvalue())
    assert preview.page_count() == 30 and preview.pages_label.text() == "30 pages"
    qtbot.waitUntil(lambda: 0 in preview.drawn_pages())
    assert 29 not in preview.drawn_pages() and len(preview.drawn_pages()) < 6
    bar = preview.scroll_area.verticalScrollBar()
    bar.setValue(bar.maximum())
    qtbot.waitUntil(lambda: 29 in preview.drawn_pages())
    assert 0 not in preview.drawn_pages()  # far away pages give their pixels back

    fitted = preview.zoom()
    preview.zoom_in()
    assert preview.zoom() > fitted and not preview.is_fit_width()
    preview.zoom_out()
    preview.zoom_out()
    assert preview.zoom() < fitted
    preview.fit_width()
    assert preview.is_fit_width() and preview.zoom() == pytest.approx(fitted)


def test_language_switch_is_per_thread() -> None:
    """A document built in Russian on a worker thread leaves the window's language alone."""
    seen: list[str] = []
    inside = threading.Event()
    release = threading.Event()

    def work() -> None:
        with i18n.language("ru"):
            inside.set()
            release.wait(5)
            seen.append(i18n.current_language())

    thread = threading.Thread(target=work)
    thread.start()
    assert inside.wait(5)
    assert i18n.current_language() == "en"
    release.set()
    thread.join()
    assert seen == ["ru"] and i18n.current_language() == "en"
