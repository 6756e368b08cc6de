"""Inline validation: the field in error gets a red frame and its message right under it.

Editors register each input under the domain's field code (``latitude``, ``country_code`` …);
``show(problems)`` marks the ones it knows and returns the rest for a general message. A mark
goes away as soon as the user changes its input.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from PySide6.QtWidgets import QLabel, QStackedWidget, QTabWidget, QVBoxLayout, QWidget

from mumidesk.domain.errors import FieldProblem
from mumidesk.i18n import _

_ITEM = re.compile(r"^(\w+)\[(\d+)\]")  # "bodies[1].name_ru" → bodies, 1

ERROR_PROPERTY = "fieldError"
_ERROR_STYLE = "color: #b00020;"
_FRAME_STYLE = "border: 1px solid #d00000;"
# The signal that says the user changed an input, by the first name the widget has: a line
# edit's typing (not its programmatic changes), our pickers' and date fields' own signals, then
# the plain Qt ones of text boxes, combo boxes, spin boxes and check boxes.
_EDITED_SIGNALS = (
    "textEdited",
    "country_changed",
    "value_changed",
    "changed",
    "currentIndexChanged",
    "textChanged",
    "valueChanged",
    "toggled",
)


class FieldErrors:
    def __init__(self) -> None:
        self._inputs: dict[str, QWidget] = {}
        self._labels: dict[str, QLabel] = {}
        self._styles: dict[str, str] = {}

    def wrap(self, field: str, widget: QWidget, *, clear_on_change: bool = True) -> QWidget:
        """Register ``widget`` as the input of ``field``; put the returned box in the form. Its
        mark goes when the user changes it, unless the editor decides (``clear_on_change``
        False: a summary mark that stays until every part is mended)."""
        label = QLabel()
        label.setWordWrap(True)
        label.setStyleSheet(_ERROR_STYLE)
        label.hide()
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(widget, 1)  # a text box grows with its row; the message stays one line
        layout.addWidget(label)
        self._inputs[field] = widget
        self._labels[field] = label
        self._styles[field] = widget.styleSheet()
        name = next((name for name in _EDITED_SIGNALS if hasattr(widget, name)), None)
        if clear_on_change and name is not None:  # else the editor says when to clear it
            getattr(widget, name).connect(lambda *_args, field=field: self.clear_field(field))
        return box

    def fields(self) -> list[str]:
        return list(self._inputs)

    def widget(self, field: str) -> QWidget:
        return self._inputs[field]

    def focus_first(self) -> None:
        """Bring the first marked input into view (its tab, if any) and give it the focus."""
        for field, widget in self._inputs.items():
            if self.has_error(field):
                reveal(widget)
                widget.setFocus()
                return

    def show(self, problems: Iterable[FieldProblem]) -> list[FieldProblem]:
        """Mark every problem's field (several messages join); return those without a field."""
        self.clear()
        unplaced: list[FieldProblem] = []
        messages: dict[str, list[str]] = {}
        for problem in problems:
            field, message = self._place(problem)
            if field:
                messages.setdefault(field, []).append(message)
            else:
                unplaced.append(problem)
        for field, texts in messages.items():
            self.mark(field, "; ".join(texts))
        return unplaced

    def _place(self, problem: FieldProblem) -> tuple[str, str]:
        """The registered field a problem belongs to and its message; a problem of a list item
        ("bodies[1].name_ru", or one with a row) goes to the list's input, naming the row."""
        if problem.field in self._inputs:
            if problem.row is not None:
                return problem.field, _("row {row}: {message}").format(
                    row=problem.row, message=problem.message
                )
            return problem.field, problem.message
        match = _ITEM.match(problem.field)
        if match and match.group(1) in self._inputs:
            return match.group(1), _("row {row}: {message}").format(
                row=int(match.group(2)) + 1, message=problem.message
            )
        return "", ""

    def mark(self, field: str, message: str) -> None:
        widget = self._inputs[field]
        widget.setProperty(ERROR_PROPERTY, True)
        widget.setStyleSheet(self._styles[field] + _FRAME_STYLE)
        widget.setToolTip(message)
        label = self._labels[field]
        label.setText(message)
        label.show()

    def clear_field(self, field: str) -> None:
        widget = self._inputs[field]
        widget.setProperty(ERROR_PROPERTY, False)
        widget.setStyleSheet(self._styles[field])
        widget.setToolTip("")
        self._labels[field].clear()
        self._labels[field].hide()

    def clear(self) -> None:
        for field in self._inputs:
            self.clear_field(field)

    def message(self, field: str) -> str:
        """The message shown for ``field`` ("" when it is fine)."""
        label = self._labels.get(field)
        return label.text() if label is not None and not label.isHidden() else ""

    def has_error(self, field: str) -> bool:
        widget = self._inputs.get(field)
        return bool(widget is not None and widget.property(ERROR_PROPERTY))


def reveal(widget: QWidget) -> None:
    """Switch every tab widget holding ``widget`` to the tab it is on."""
    child: QWidget | None = widget
    while child is not None:
        parent = child.parentWidget()
        if isinstance(parent, QStackedWidget) and isinstance(parent.parentWidget(), QTabWidget):
            tabs = parent.parentWidget()
            assert isinstance(tabs, QTabWidget)
            tabs.setCurrentWidget(child)
        child = parent
