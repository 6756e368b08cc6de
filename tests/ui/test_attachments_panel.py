from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from mumidesk.domain.attachments import MAX_ATTACHMENT_BYTES
from mumidesk.domain.enums import AttachmentKind
from mumidesk.domain.organisations import Organisation
from mumidesk.services.attachments import AttachmentFilter
from mumidesk.services.registry import Services
from mumidesk.ui.widgets.attachments_panel import (
    AttachmentsPanel,
    format_size,
    is_executable,
    safe_file_name,
)


class Desktop:
    """Stands in for the file dialogs, the details question and the system opener."""

    def __init__(self) -> None:
        self.to_choose: Path | None = None
        self.save_to: Path | None = None
        self.details: tuple[AttachmentKind, str] | None = (AttachmentKind.DRAFT, "проект")
        self.asked: list[str] = []
        self.opened: list[tuple[Path, bytes, int]] = []

    def choose_file(self, _parent: object) -> Path | None:
        return self.to_choose

    def choose_save_path(self, _parent: object, suggested: str) -> Path | None:
        self.asked.append(suggested)
        return self.save_to

    def ask_details(self, _parent: object, file_name: str) -> tuple[AttachmentKind, str] | None:
        self.asked.append(file_name)
        return self.details

    def open(self, path: Path) -> bool:
        self.opened.append((path, path.read_bytes(), path.stat().st_mode))
        return True


@pytest.fixture
def desktop() -> Desktop:
    return Desktop()


def _panel(
    qtbot: QtBot, services: Services, desktop: Desktop, tmp_path: Path
) -> tuple[AttachmentsPanel, Organisation]:
    organisation = services.organisations.create(Organisation(name_ru="Союз российских городов"))
    panel = AttachmentsPanel(
        services,
        "organisation",
        choose_file=desktop.choose_file,
        choose_save_path=desktop.choose_save_path,
        ask_details=desktop.ask_details,
        opener=desktop.open,
        temp_root=tmp_path / "open",
    )
    qtbot.addWidget(panel)
    panel.set_owner(organisation.id)
    return panel, organisation


def test_add_open_save_remove_and_undo(
    qtbot: QtBot, services: Services, desktop: Desktop, tmp_path: Path
) -> None:
    panel, organisation = _panel(qtbot, services, desktop, tmp_path)
    content = "Проект соглашения о сотрудничестве".encode() * 500
    source = tmp_path / "Проект соглашения.docx"
    source.write_bytes(content)
    desktop.to_choose = source
    panel.add_button.click()

    assert desktop.asked == ["Проект соглашения.docx"]
    [stored] = services.attachments.all(AttachmentFilter("organisation", organisation.id))
    assert (stored.file_name, stored.kind, stored.description) == (
        "Проект соглашения.docx",
        AttachmentKind.DRAFT,
        "проект",
    )
    assert stored.size == len(content)
    assert panel.tree.topLevelItemCount() == 1
    row = panel.tree.topLevelItem(0)
    assert row is not None
    assert [row.text(c) for c in range(4)][:3] == ["Проект соглашения.docx", "Draft", "32 kB"]
    assert panel.selected() == stored
    assert panel.message_text() == "Attached: Проект соглашения.docx"

    panel.open_button.click()
    [(opened, data, mode)] = desktop.opened
    assert data == content
    assert opened.name == "Проект соглашения.docx"
    assert opened.is_relative_to(tmp_path / "open")
    assert not mode & (stat.S_IXUSR | stat.S_IXGRP | stat.S_IXOTH)  # never executable
    panel.open_selected()  # opening again replaces the read-only copy
    assert len(desktop.opened) == 2

    desktop.save_to = tmp_path / "copy.docx"
    assert panel.save_selected() == desktop.save_to
    assert desktop.save_to.read_bytes() == content

    panel.remove_button.click()
    assert services.attachments.list(AttachmentFilter("organisation", organisation.id)).total == 0
    assert panel.tree.topLevelItemCount() == 0
    assert panel.message_text() == "Removed: Проект соглашения.docx"
    assert panel.undo_button.isVisibleTo(panel)
    panel.undo_button.click()
    assert [a.id for a in panel.attachments()] == [stored.id]
    assert services.attachments.content(stored.id) == content
    assert panel.message_text() == "Restored: Проект соглашения.docx"


def test_a_too_big_file_is_refused_with_a_message(
    qtbot: QtBot, services: Services, desktop: Desktop, tmp_path: Path
) -> None:
    panel, organisation = _panel(qtbot, services, desktop, tmp_path)
    big = tmp_path / "скан.pdf"
    with big.open("wb") as fh:  # sparse: nothing is really written
        fh.truncate(MAX_ATTACHMENT_BYTES + 1)
    assert panel.add_file(big) is None
    assert desktop.asked == []  # refused before asking anything
    assert panel.message_text() == "скан.pdf is 50 MB; a file may have at most 50 MB. Not attached."
    assert services.attachments.list(AttachmentFilter("organisation", organisation.id)).total == 0


def test_programs_are_not_opened_and_names_are_sanitized(
    qtbot: QtBot, services: Services, desktop: Desktop, tmp_path: Path
) -> None:
    panel, organisation = _panel(qtbot, services, desktop, tmp_path)
    assert organisation.id is not None
    services.attachments.attach("organisation", organisation.id, b"MZ", "setup.exe")
    services.attachments.attach("organisation", organisation.id, b"%PDF", "..\\..\\CON:*.pdf")
    panel.reload()
    by_name = {a.file_name: a.id for a in panel.attachments()}
    panel.select(by_name["setup.exe"])
    assert panel.open_selected() is None
    assert desktop.opened == []
    assert "could run a program" in panel.message_text()

    panel.select(by_name["CON:*.pdf"])  # stored without the folders (clean_file_name)
    path = panel.open_selected()
    assert path is not None, panel.message_text()
    assert path.parent.parent == tmp_path / "open"
    assert path.name == "CON_.pdf"
    assert desktop.opened[0][1] == b"%PDF"


def test_no_owner_disables_the_panel(
    qtbot: QtBot, services: Services, desktop: Desktop, tmp_path: Path
) -> None:
    panel, _organisation = _panel(qtbot, services, desktop, tmp_path)
    desktop.to_choose = tmp_path / "note.txt"
    desktop.to_choose.write_text("x")
    panel.set_owner(None)
    assert not panel.isEnabled()
    assert panel.add_file() is None
    assert services.attachments.list().total == 0


def test_cancelled_details_attach_nothing(
    qtbot: QtBot, services: Services, desktop: Desktop, tmp_path: Path
) -> None:
    panel, _organisation = _panel(qtbot, services, desktop, tmp_path)
    source = tmp_path / "photo.jpg"
    source.write_bytes(b"\xff\xd8")
    desktop.details = None
    assert panel.add_file(source) is None
    assert services.attachments.list().total == 0


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Протокол №5 «Смоленск».docx", "Протокол №5 «Смоленск».docx"),
        ("../../etc/passwd", "passwd"),
        ("C:\\Users\\x\\report.pdf", "report.pdf"),
        ("..", "attachment"),
        (".hidden.txt", "hidden.txt"),
        ("a:b*?.pdf", "b.pdf"),
        ("NUL.txt", "NUL_.txt"),
    ],
)
def test_safe_file_name(name: str, expected: str) -> None:
    assert safe_file_name(name) == expected


def test_long_names_keep_their_extension() -> None:
    name = safe_file_name("я" * 400 + ".pdf")
    assert name.endswith(".pdf") and len(name) <= 120


def test_sizes_and_programs() -> None:
    assert format_size(512) == "512 byte"
    assert format_size(12 * 1024) == "12 kB"
    assert format_size(int(3.4 * 1024 * 1024)) == "3.4 MB"
    assert is_executable("SETUP.EXE") and is_executable("run.bat")
    assert not is_executable("scan.pdf")
    assert os.sep not in safe_file_name("a/b/c.txt")
