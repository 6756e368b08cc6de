"""`mumidesk self-test` (also `mumidesk --self-test`): a check support staff can run on a user's
machine, and CI runs on the frozen build. Nothing of the user's data is changed: the configured
database is copied to a temporary folder and migrated there, the demo data goes into a second
temporary database, one page of each document is rendered to PDF and the main window opens off
the screen. One line per check; exit 1 names the failed check."""

from __future__ import annotations

import argparse
import io
import os
import sqlite3
import sys
import tempfile
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

from mumidesk.cli.context import EXIT_ERROR, EXIT_OK, CliContext
from mumidesk.db import migrate
from mumidesk.db.engine import Database
from mumidesk.db.integrity import sqlite_path_of
from mumidesk.i18n import _, ngettext
from mumidesk.settings import to_url


def register(subparsers: Any) -> None:
    p = subparsers.add_parser(
        "self-test",
        help=_(
            "check this installation: database migration on a copy, demo data, every document, "
            "the main window (the user's data is not changed)"
        ),
    )
    p.set_defaults(handler=self_test)


def self_test(ctx: CliContext, args: argparse.Namespace) -> int:
    with tempfile.TemporaryDirectory(
        prefix="mumidesk-self-test-", ignore_cleanup_errors=True
    ) as tmp:
        return SelfTest(ctx, Path(tmp)).run()


class SelfTest:
    """The checks in order; a later check that needs an earlier one's result fails with it."""

    def __init__(self, ctx: CliContext, folder: Path) -> None:
        self.ctx = ctx
        self.folder = folder
        self.demo: Database | None = None
        self.failed: list[str] = []

    def run(self) -> int:
        self.check(_("translations"), check_translations)
        self.check(_("database migration"), self.migrate_copy)
        self.check(_("demo data"), self.load_demo)
        from mumidesk.reports.catalog import DOCUMENTS

        for document in DOCUMENTS:
            self.check(
                _("document {id}").format(id=document.id),
                partial(self.render_document, document.id),
            )
        self.check(_("main window"), self.open_window)
        if self.demo is not None:
            self.demo.dispose()
        if self.failed:
            self.ctx.error(_("self-test failed: {checks}").format(checks=", ".join(self.failed)))
            return EXIT_ERROR
        self.ctx.out(_("self-test passed"))
        return EXIT_OK

    def check(self, name: str, action: Callable[[], str]) -> None:
        try:
            detail = action()
        except Exception as exc:  # every failure is reported, none stops the other checks
            self.failed.append(name)
            self.ctx.out(
                _("FAILED {check}: {reason}").format(
                    check=name, reason=" ".join(f"{type(exc).__name__}: {exc}".split())
                )
            )
            return
        self.ctx.out(_("ok {check}: {detail}").format(check=name, detail=detail))

    # --- the checks ------------------------------------------------------------------------------
    def migrate_copy(self) -> str:
        path = sqlite_path_of(self.ctx.database_url)  # read from the URL: nothing opened
        copy = self.folder / "copy.db"
        server = None if path is not None else self.server_schema()
        if path is not None and path.exists():
            # SQLite's own backup: a consistent copy even while the window has the file open.
            with sqlite3.connect(f"file:{path.as_posix()}?mode=ro", uri=True) as src:
                dst = sqlite3.connect(copy)
                try:
                    src.backup(dst)
                finally:
                    dst.close()
            what = _("copy of {path}").format(path=path)
        else:
            what = _("a new database (there is no database file to copy)")
        db = Database(to_url(str(copy)))
        try:
            result = migrate.prepare(db, backup_dir=self.folder / "backups")
            revision = migrate.stored_revision(db)
        finally:
            db.dispose()
        if revision != migrate.head_revision():
            raise RuntimeError(_("schema {revision} after the migration").format(revision=revision))
        if result.upgraded_from:
            what += " " + _("upgraded from {old}").format(old=result.upgraded_from)
        done = _("{what}: schema {head}").format(what=what, head=revision)
        return f"{server}; {done}" if server else done

    def server_schema(self) -> str:
        """A shared server is not copied (that takes the DBA's rights): it is read - reachable,
        a mumidesk database, a schema this version knows - and the migrations are run on a new
        file instead."""
        db = Database(self.ctx.database_url)
        try:
            st = migrate.state(db)
        finally:
            db.dispose()
        name = db.url.render_as_string(hide_password=True)
        if st.current is None:
            if st.has_tables:
                raise RuntimeError(_("{db} is not a mumidesk database").format(db=name))
            return _("server {db}: empty, the schema is created on first start").format(db=name)
        if st.current not in migrate.known_revisions():
            raise RuntimeError(
                _("server {db} has schema {current}, newer than this version knows").format(
                    db=name, current=st.current
                )
            )
        if st.up_to_date:
            return _("server {db}: schema {current}").format(db=name, current=st.current)
        return _("server {db}: schema {current}, upgraded to {head} on first start").format(
            db=name, current=st.current, head=st.head
        )

    def load_demo(self) -> str:
        from mumidesk.services.demo import load_demo

        db = Database(to_url(str(self.folder / "demo.db")))
        migrate.prepare(db)
        self.demo = db
        summary = load_demo(db)
        return _("{count} records").format(count=summary.added)

    def render_document(self, document_id: str) -> str:
        from mumidesk.reports import catalog

        services = self._demo_services()
        request = _request_for(services, document_id)
        built = catalog.build(services, request)
        buffer = io.BytesIO()
        built.write(buffer, catalog.PDF)
        data = buffer.getvalue()
        if not data.startswith(b"%PDF"):
            raise RuntimeError(_("not a PDF"))
        pages = _page_count(data)
        if pages < 1:
            raise RuntimeError(_("no pages"))
        detail = ngettext("{pages} page", "{pages} pages", pages).format(pages=pages)
        if not any("а" <= ch.lower() <= "я" for ch in _first_page_text(data)):
            raise RuntimeError(_("no Cyrillic text on the first page"))
        # The other formats the document is saved in, read back by the libraries that wrote them
        # (a bundle missing a template or data file of openpyxl or python-docx fails here).
        others = [fmt for fmt in built.type.formats if fmt != catalog.PDF]
        for fmt in others:
            written = io.BytesIO()
            built.write(written, fmt)
            _read_back(written, fmt)
        return ", ".join([detail, _("Cyrillic text"), *(fmt.upper() for fmt in others)])

    def open_window(self) -> str:
        services = self._demo_services()
        no_display = not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))
        if no_display and sys.platform not in ("win32", "darwin"):
            os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        from PySide6.QtCore import QSettings, Qt, QThreadPool
        from PySide6.QtWidgets import QApplication

        from mumidesk.ui.main_window import MainWindow

        app = QApplication.instance() or QApplication([sys.argv[0] if sys.argv else "mumidesk"])
        assert isinstance(app, QApplication)
        # Window geometry goes to a temporary file, not to the user's window.ini.
        settings = QSettings(str(self.folder / "window.ini"), QSettings.Format.IniFormat)
        window = MainWindow(services, settings)
        window.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen)  # never flashes on screen
        window.show()
        app.processEvents()
        title = window.windowTitle()
        # Pages load their rows on worker threads: let them end before the database goes.
        for pool in window.findChildren(QThreadPool):
            pool.waitForDone()
        window.close()
        window.deleteLater()
        app.processEvents()
        return _("{title} ({platform})").format(title=title, platform=app.platformName())

    def _demo_services(self) -> Any:
        from mumidesk.services.registry import Services

        if self.demo is None:
            raise RuntimeError(_("no demo database"))
        return Services.for_database(self.demo)


def check_translations() -> str:
    """Every language's compiled catalog is there: a message known to be translated is."""
    from mumidesk.i18n import SUPPORTED, language

    probe = "Search results"  # the window's; translated in every catalog
    found = []
    for lang in SUPPORTED:
        with language(lang):
            translated = _(probe)
        if lang != "en" and translated == probe:
            raise RuntimeError(_("no {language} catalog").format(language=lang))
        found.append(lang)
    return ", ".join(found)


def _request_for(services: Any, document_id: str) -> Any:
    """A request for the document on the demo data (Smolensk region, the second quarter of 2020,
    the first partner, delegation and agreement of a kind that has a template)."""
    from mumidesk.reports import catalog
    from mumidesk.reports.drafts.defaults import templates_of_kind
    from mumidesk.reports.period import Period

    if document_id == catalog.QUARTERLY:
        return catalog.DocumentRequest(document_id, "ru", period=Period.of_quarter(2020, 2))
    if document_id == catalog.ANNUAL:
        return catalog.DocumentRequest(document_id, "ru", year=2020)
    if document_id == catalog.DOSSIER:
        return catalog.DocumentRequest(document_id, "ru", record_id=services.partners.all()[0].id)
    if document_id == catalog.PROGRAMME:
        record = services.delegations.all()[0]
        return catalog.DocumentRequest(document_id, "ru", record_id=record.id)
    if document_id == catalog.DRAFT:
        for agreement in services.agreements.all():
            templates = templates_of_kind(agreement.kind)
            if templates:
                return catalog.DocumentRequest(
                    document_id, "ru", record_id=agreement.id, template_id=templates[0].id
                )
        raise RuntimeError(_("no agreement of a kind that has a template"))
    return catalog.DocumentRequest(document_id, "ru")


def _read_back(data: io.BytesIO, fmt: str) -> None:
    from mumidesk.reports import catalog

    data.seek(0)
    if fmt == catalog.XLSX:
        from openpyxl import load_workbook

        if not any(sheet.max_row > 1 for sheet in load_workbook(data, read_only=True)):
            raise RuntimeError(_("an empty workbook"))
    elif fmt == catalog.DOCX:
        from docx import Document

        if not any(paragraph.text.strip() for paragraph in Document(data).paragraphs):
            raise RuntimeError(_("an empty Word document"))


def _page_count(data: bytes) -> int:
    """pypdfium2 is a dependency of the application (the preview), so it is in a frozen build."""
    import pypdfium2

    pdf = pypdfium2.PdfDocument(data)
    try:
        return len(pdf)
    finally:
        pdf.close()


def _first_page_text(data: bytes) -> str:
    """The first page's text: through pypdf where it is installed (a development environment),
    else through pypdfium2 (a frozen build ships without pypdf)."""
    try:
        from pypdf import PdfReader
    except ImportError:
        import pypdfium2

        pdf = pypdfium2.PdfDocument(data)
        try:
            return str(pdf[0].get_textpage().get_text_range())
        finally:
            pdf.close()
    return PdfReader(io.BytesIO(data)).pages[0].extract_text() or ""
