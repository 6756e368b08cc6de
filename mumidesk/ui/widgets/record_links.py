"""Links to records on a detail card: ``kind:id`` anchors in rich-text labels, and a click turned
back into (kind, id) so the page can ask the main window to open that record."""

from __future__ import annotations

import html
import uuid
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget


def link_html(kind: str, key: uuid.UUID | None, title: str) -> str:
    """A link a card's label turns into ``(kind, key)``; plain text without a key or title."""
    if key is None or not title:
        return html.escape(title)
    return f'<a href="{kind}:{key}">{html.escape(title)}</a>'


def links_html(kind: str, items: Iterable[tuple[uuid.UUID, str]]) -> str:
    """One link a line."""
    return "<br>".join(f'<a href="{kind}:{key}">{html.escape(title)}</a>' for key, title in items)


def parse_link(href: str) -> tuple[str, uuid.UUID] | None:
    """``kind:id`` back as (kind, id); None for an anchor that names no record."""
    kind, _sep, key = href.partition(":")
    try:
        return kind, uuid.UUID(key)
    except ValueError:
        return None


def make_linkable(label: QLabel, open_record: Callable[[str, uuid.UUID], Any]) -> None:
    """Let a label show links and hand a click on one to ``open_record(kind, key)``."""
    label.setTextFormat(Qt.TextFormat.RichText)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
    label.setOpenExternalLinks(False)

    def clicked(href: str) -> None:
        link = parse_link(href)
        if link is not None:
            open_record(*link)

    label.linkActivated.connect(clicked)


def link_label() -> QLabel:
    """A wrapping rich-text label whose links stay inside the program."""
    label = QLabel()
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.RichText)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
    label.setOpenExternalLinks(False)
    return label


class LinkList(QWidget):
    """A heading and a list of linked records; a click asks to open one (``activated``)."""

    activated = Signal(str, object)

    def __init__(self, title: str, parent: Any = None) -> None:
        super().__init__(parent)
        self.heading = QLabel(title)
        self.heading.setStyleSheet("font-weight: bold;")
        self.links = QLabel()
        self.links.setWordWrap(True)
        make_linkable(self.links, self.activated.emit)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.links)
        self.targets: list[tuple[str, uuid.UUID]] = []

    def show_links(self, kind: str, items: Sequence[tuple[uuid.UUID, str]]) -> None:
        self.targets = [(kind, key) for key, _title in items]
        self.links.setText(links_html(kind, items))
        self.setVisible(bool(items))

    def titles(self) -> list[str]:
        return [line for line in self.links.text().split("<br>") if line]

    def activate(self, index: int) -> None:
        """Open the ``index``-th link, as a click does."""
        kind, key = self.targets[index]
        self.activated.emit(kind, key)
