"""What is typed into an editor, as plain JSON and back, and as text to show.

An editor registers each input under its domain field with ``FieldErrors.wrap``; those inputs are
what the user types into. ``capture_fields`` reads their state (the raw text, not parsed: a date
typed halfway or a wrong number must come back as typed), ``apply_fields`` puts it into a fresh
editor of the same kind, and ``field_texts`` says what each shows (the conflict dialog compares
two versions with it). One generic walk serves every editor, so a new editor gets autosave and
the conflict view without code of its own; a composite input with dynamic content (the
agreement's parties, a sub-table's rows) has an adapter here.

Values are JSON with tags for what JSON lacks: ``{"$date": "2025-04-08"}``, ``{"$uuid": …}``,
``{"$time": "09:30"}``, ``{"$datetime": …}``.
"""

from __future__ import annotations

import datetime as dt
import enum
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QComboBox,
    QDateEdit,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QSpinBox,
    QStackedWidget,
    QStyledItemDelegate,
    QTabWidget,
    QTextEdit,
    QWidget,
)

from mumidesk.i18n import _
from mumidesk.ui.widgets.date_field import DateField, to_qdate
from mumidesk.ui.widgets.field_errors import FieldErrors
from mumidesk.ui.widgets.fuzzy_date_field import FuzzyDateField
from mumidesk.ui.widgets.multi_check import MultiCheck
from mumidesk.ui.widgets.municipality_box import MunicipalityBox
from mumidesk.ui.widgets.record_picker import RecordListPicker, RecordPicker
from mumidesk.ui.widgets.sub_table import BOOL, CHOICE, DATE, INT, SubTable

# --- JSON with tags ------------------------------------------------------------------------------


def encode(value: Any) -> Any:
    """``value`` as JSON-able data; dates, times and ids tagged so that ``decode`` restores them."""
    if value is None or isinstance(value, bool | int | float | str):
        return value
    if isinstance(value, enum.Enum):
        return encode(value.value)
    if isinstance(value, dt.datetime):
        return {"$datetime": value.isoformat()}
    if isinstance(value, dt.date):
        return {"$date": value.isoformat()}
    if isinstance(value, dt.time):
        return {"$time": value.isoformat()}
    if isinstance(value, uuid.UUID):
        return {"$uuid": str(value)}
    if isinstance(value, dict):
        return {str(k): encode(v) for k, v in value.items()}
    if isinstance(value, list | tuple | set | frozenset):
        return [encode(v) for v in value]
    return str(value)


_DECODERS: dict[str, Callable[[str], Any]] = {
    "$datetime": dt.datetime.fromisoformat,
    "$date": dt.date.fromisoformat,
    "$time": dt.time.fromisoformat,
    "$uuid": uuid.UUID,
}


def decode(value: Any) -> Any:
    if isinstance(value, list):
        return [decode(v) for v in value]
    if isinstance(value, dict):
        if len(value) == 1:
            (key, raw), *_rest = value.items()
            if key in _DECODERS and isinstance(raw, str):
                try:
                    return _DECODERS[key](raw)
                except ValueError:
                    return None
        return {k: decode(v) for k, v in value.items()}
    return value


# --- one input: its state, put back, and shown ------------------------------------------------


@dataclass(frozen=True)
class Adapter:
    """How one kind of input is read (``capture``), refilled (``apply``) and shown (``text``)."""

    # Any, not QWidget: each adapter is only ever handed the widgets its ``matches`` accepts.
    matches: Callable[[Any], bool]
    capture: Callable[[Any], Any]
    apply: Callable[[Any, Any], None]
    text: Callable[[Any], str]


def _is(*classes: type) -> Callable[[QWidget], bool]:
    return lambda widget: isinstance(widget, classes)


def _sub_table_of(widget: QWidget) -> SubTable | None:
    """The SubTable a grid belongs to (an editor may register the grid instead of the whole)."""
    if isinstance(widget, SubTable):
        return widget
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, SubTable) and parent.table is widget:
            return parent
        parent = parent.parentWidget()
    return None


def _table_rows(widget: QWidget) -> list[dict[str, Any]]:
    """Each row's values; text and time cells as typed (a time that does not parse is kept)."""
    sub = _sub_table_of(widget)
    assert sub is not None
    rows = sub.read()[0]
    for row, values in enumerate(rows):
        for index, column in enumerate(sub.columns):
            if column.kind in (INT, DATE, BOOL, CHOICE):
                continue
            item = sub.table.item(row, index)
            values[column.key] = item.text() if item is not None else ""
    return rows


def _apply_table(widget: QWidget, state: Any) -> None:
    sub = _sub_table_of(widget)
    assert sub is not None
    decoded = decode(state)
    rows = [row for row in decoded if isinstance(row, dict)] if isinstance(decoded, list) else []
    sub.set_rows(rows)  # a time cell takes its text as typed; read() parses it on saving
    sub.changed.emit()


def _table_text(widget: QWidget) -> str:
    sub = _sub_table_of(widget)
    assert sub is not None
    lines = []
    for row in range(sub.table.rowCount()):
        cells = []
        for index, _column in enumerate(sub.columns):
            if sub.table.isColumnHidden(index):
                continue
            item = sub.table.item(row, index)
            if item is None:
                continue
            if item.flags() & Qt.ItemFlag.ItemIsUserCheckable:
                if item.checkState() == Qt.CheckState.Checked:
                    cells.append(sub.columns[index].title)
                continue
            shown = item.data(Qt.ItemDataRole.DisplayRole)
            text = _display_of(sub, index, shown)
            if text:
                cells.append(text)
        lines.append(" · ".join(cells))
    return "\n".join(lines)


def _display_of(sub: SubTable, column: int, shown: Any) -> str:
    delegate = sub.table.itemDelegateForColumn(column)
    if shown is None:
        return ""
    if isinstance(delegate, QStyledItemDelegate) and not isinstance(shown, str):
        return str(delegate.displayText(shown, sub.locale()))
    return str(shown)


def _picker_capture(widget: QWidget) -> Any:
    assert isinstance(widget, RecordPicker)
    return {"id": encode(widget.record_id()), "text": widget.text()}


def _picker_apply(widget: QWidget, state: Any) -> None:
    assert isinstance(widget, RecordPicker)
    if not isinstance(state, dict):
        return
    key = decode(state.get("id"))
    text = str(state.get("text") or "")
    widget.set_record_id(key if isinstance(key, uuid.UUID) else None)
    if widget.text() != text:  # typed but not (yet) chosen, or a label that changed since
        widget.setText(text)


def _list_picker_capture(widget: QWidget) -> Any:
    assert isinstance(widget, RecordListPicker)
    return {"ids": encode(widget.ids()), "picker": _picker_capture(widget.picker)}


def _list_picker_apply(widget: QWidget, state: Any) -> None:
    assert isinstance(widget, RecordListPicker)
    if not isinstance(state, dict):
        return
    keys = [k for k in decode(state.get("ids") or []) if isinstance(k, uuid.UUID)]
    widget.set_ids(keys)
    _picker_apply(widget.picker, state.get("picker"))
    widget.changed.emit()


def _list_picker_text(widget: QWidget) -> str:
    assert isinstance(widget, RecordListPicker)
    return _join([_list_text(widget.list), widget.picker.text()], "\n")


def _list_text(widget: QListWidget) -> str:
    if isinstance(widget, MultiCheck):
        items = [
            widget.item(i).text()
            for i in range(widget.count())
            if widget.item(i).checkState() == Qt.CheckState.Checked
        ]
    else:
        items = [widget.item(i).text() for i in range(widget.count())]
    return "\n".join(items)


def _multi_apply(widget: QWidget, state: Any) -> None:
    assert isinstance(widget, MultiCheck)
    if isinstance(state, list):
        widget.set_codes(str(c) for c in state if isinstance(c, str))


def _fuzzy_capture(widget: QWidget) -> Any:
    assert isinstance(widget, FuzzyDateField)
    return encode(
        {
            "precision": widget.precision.currentData(),
            "start": widget.start.value(),
            "end": widget.end.value(),
            "month": widget.month.currentIndex(),
            "year": widget.year.value(),
            "text": widget.text.text(),
        }
    )


def _fuzzy_apply(widget: QWidget, state: Any) -> None:
    assert isinstance(widget, FuzzyDateField)
    if not isinstance(state, dict):
        return
    values = decode(state)
    index = widget.precision.findData(values.get("precision"))
    if index >= 0:
        widget.precision.setCurrentIndex(index)
    for field, key in ((widget.start, "start"), (widget.end, "end")):
        if isinstance(values.get(key), dt.date):
            field.set_value(values[key])
    if isinstance(values.get("month"), int):
        widget.month.setCurrentIndex(values["month"])
    if isinstance(values.get("year"), int):
        widget.year.setValue(values["year"])
    text = values.get("text")
    if isinstance(text, str) and text:
        widget.set_text(text)  # typed last: the fields follow it


def _fuzzy_text(widget: QWidget) -> str:
    assert isinstance(widget, FuzzyDateField)
    typed = widget.text.text().strip()
    shown = widget.preview.text().removeprefix("→ ").strip()
    return typed if typed and not shown else shown or typed


def _combo_capture(widget: QWidget) -> Any:
    assert isinstance(widget, QComboBox)
    return {
        "data": encode(widget.currentData()),
        "text": widget.currentText(),
        "index": widget.currentIndex(),
    }


def _combo_apply(widget: QWidget, state: Any) -> None:
    assert isinstance(widget, QComboBox)
    if not isinstance(state, dict):
        return
    data = decode(state.get("data"))
    text = str(state.get("text") or "")
    index = widget.findData(data) if data not in (None, "") else -1
    if index < 0 and isinstance(widget, MunicipalityBox) and data:
        try:  # a municipality the box does not list (deleted since): shown by its name
            widget.set_municipality_id(uuid.UUID(str(data)))
            index = widget.currentIndex()
        except ValueError:
            index = -1
    if index < 0:
        found = widget.findText(text) if text else -1
        stored = state.get("index")
        index = found if found >= 0 else stored if isinstance(stored, int) else -1
    if 0 <= index < widget.count():
        widget.setCurrentIndex(index)
    if widget.isEditable() and widget.currentText() != text:
        widget.setEditText(text)  # a country typed but not chosen stays as typed


def _spin_capture(widget: QWidget) -> Any:
    if isinstance(widget, DateField):
        return encode(widget.value())
    if isinstance(widget, QDateEdit):
        return encode(widget.date().toPython())
    assert isinstance(widget, QSpinBox | QDoubleSpinBox)
    return widget.value()


def _spin_apply(widget: QWidget, state: Any) -> None:
    value = decode(state)
    if isinstance(widget, DateField):
        widget.set_value(value if isinstance(value, dt.date) else None)
    elif isinstance(widget, QDateEdit) and isinstance(value, dt.date):
        widget.setDate(to_qdate(value))
    elif isinstance(widget, QSpinBox) and isinstance(value, int):
        widget.setValue(value)
    elif isinstance(widget, QDoubleSpinBox) and isinstance(value, int | float):
        widget.setValue(float(value))


def _button_text(widget: QWidget) -> str:
    assert isinstance(widget, QAbstractButton)
    return _("Yes") if widget.isChecked() else _("No")


def _parties_panel(widget: QWidget) -> bool:
    # Imported here: the agreement editor's modules import this one through the editor base.
    from mumidesk.ui.editors.agreement_parties import PartiesPanel

    return isinstance(widget, PartiesPanel)


def _parties_capture(widget: QWidget) -> Any:
    forms = getattr(widget, "forms", [])
    return [capture_fields(form.errors) for form in forms]


def _parties_apply(widget: QWidget, state: Any) -> None:
    from mumidesk.domain.agreements import AgreementParty
    from mumidesk.domain.enums import PartySide
    from mumidesk.ui.editors.agreement_parties import PartiesPanel

    assert isinstance(widget, PartiesPanel)
    if not isinstance(state, list):
        return
    parties = []
    for fields in state:
        side = PartySide.OWN
        if isinstance(fields, dict) and isinstance(fields.get("side"), dict):
            try:
                side = PartySide(fields["side"].get("data"))
            except ValueError:
                side = PartySide.OWN
        parties.append(AgreementParty(side=side))
    widget.set_parties(parties)
    for form, fields in zip(widget.forms, state, strict=True):
        if isinstance(fields, dict):
            apply_fields(form.errors, fields)
        form.changed.emit()  # the list's label follows the form
    widget.changed.emit()


def _parties_text(widget: QWidget) -> str:
    blocks = []
    for form in getattr(widget, "forms", []):
        texts = field_texts(form.errors)
        lines = [form.label()]
        lines += [
            f"  {field_label(form.errors, field)}: {text}" for field, text in texts.items() if text
        ]
        blocks.append("\n".join(lines))
    return "\n".join(blocks)


def _line_apply(widget: QLineEdit, state: Any) -> None:
    text = str(state or "")
    if widget.text() != text:  # untouched text keeps its cursor where the user left it
        widget.setText(text)
        widget.setCursorPosition(0)  # a long name shows its beginning, as the editors load it


def _container_capture(widget: QWidget) -> Any:
    return [capture(child) for child in _inputs_in(widget)]


def _container_apply(widget: QWidget, state: Any) -> None:
    children = _inputs_in(widget)
    if not isinstance(state, list) or len(state) != len(children):
        return  # not the same form any more: nothing rather than a value in the wrong place
    for child, child_state in zip(children, state, strict=True):
        apply(child, child_state)


def _container_text(widget: QWidget) -> str:
    return _join([text_of(child) for child in _inputs_in(widget)], "\n")


def _join(parts: list[str], sep: str) -> str:
    return sep.join(p for p in parts if p)


def _list_apply(widget: QWidget, state: Any) -> None:
    """A plain list of codes (an event's countries) refilled through its owner's ``set_codes``."""
    owner = widget.parentWidget()
    if owner is not None and hasattr(owner, "set_codes") and isinstance(state, list):
        owner.set_codes([str(code) for code in state])


def _list_capture(widget: QWidget) -> Any:
    owner = widget.parentWidget()
    if owner is not None and hasattr(owner, "codes"):
        return list(owner.codes())
    return None


ADAPTERS: list[Adapter] = [
    Adapter(_parties_panel, _parties_capture, _parties_apply, _parties_text),
    Adapter(lambda w: _sub_table_of(w) is not None, _table_rows, _apply_table, _table_text),
    Adapter(_is(RecordListPicker), _list_picker_capture, _list_picker_apply, _list_picker_text),
    Adapter(_is(RecordPicker), _picker_capture, _picker_apply, lambda w: w.text()),
    Adapter(_is(MultiCheck), lambda w: w.codes(), _multi_apply, _list_text),
    Adapter(_is(FuzzyDateField), _fuzzy_capture, _fuzzy_apply, _fuzzy_text),
    Adapter(_is(QComboBox), _combo_capture, _combo_apply, lambda w: w.currentText()),
    Adapter(_is(QLineEdit), lambda w: w.text(), _line_apply, lambda w: w.text()),
    Adapter(
        _is(QPlainTextEdit),
        lambda w: w.toPlainText(),
        lambda w, s: w.setPlainText(str(s or "")),
        lambda w: w.toPlainText(),
    ),
    Adapter(
        _is(QTextEdit),
        lambda w: w.toPlainText(),
        lambda w, s: w.setPlainText(str(s or "")),
        lambda w: w.toPlainText(),
    ),
    Adapter(
        _is(QAbstractSpinBox),
        _spin_capture,
        _spin_apply,
        lambda w: w.text(),
    ),
    Adapter(
        lambda w: isinstance(w, QAbstractButton) and w.isCheckable(),
        lambda w: w.isChecked(),
        lambda w, s: w.setChecked(bool(s)),
        _button_text,
    ),
    Adapter(_is(QListWidget), _list_capture, _list_apply, _list_text),
]

_CONTAINER = Adapter(lambda _w: True, _container_capture, _container_apply, _container_text)


def adapter_for(widget: QWidget) -> Adapter:
    return next((a for a in ADAPTERS if a.matches(widget)), _CONTAINER)


def _inputs_in(widget: QWidget) -> list[QWidget]:
    """The inputs a plain container holds, outermost first, in the order they were laid out;
    an input inside another input belongs to that one (a date field's line edit)."""
    found: list[QWidget] = []
    for child in widget.findChildren(QWidget, options=Qt.FindChildOption.FindDirectChildrenOnly):
        if isinstance(child, QLabel | QStackedWidget) and not child.findChildren(QLineEdit):
            continue
        if adapter_for(child) is not _CONTAINER:
            if not (isinstance(child, QAbstractButton) and not child.isCheckable()):
                found.append(child)
            continue
        found.extend(_inputs_in(child))
    return found


def capture(widget: QWidget) -> Any:
    """The state of one input as JSON-able data."""
    return encode(adapter_for(widget).capture(widget))


def apply(widget: QWidget, state: Any) -> None:
    """Put a captured state back into an input of the same kind."""
    adapter_for(widget).apply(widget, state)


def text_of(widget: QWidget) -> str:
    """What an input shows, as one text (several lines for lists and tables)."""
    return adapter_for(widget).text(widget).strip()


# --- a whole editor ------------------------------------------------------------------------------


def capture_fields(errors: FieldErrors) -> dict[str, Any]:
    """Every registered input's state, by field code, in the order they were registered."""
    return {field: capture(errors.widget(field)) for field in errors.fields()}


def apply_fields(errors: FieldErrors, states: dict[str, Any]) -> list[str]:
    """Refill the registered inputs (in registration order: a municipality before its bodies);
    returns the captured fields this form no longer has."""
    known = set(errors.fields())
    for field in errors.fields():
        if field in states:
            apply(errors.widget(field), states[field])
    return [field for field in states if field not in known]


def field_texts(errors: FieldErrors) -> dict[str, str]:
    return {field: text_of(errors.widget(field)) for field in errors.fields()}


def field_label(errors: FieldErrors, field: str) -> str:
    """The label a person sees for a field: its form row's, else its tab's, else the code."""
    widget = errors.widget(field)
    child: QWidget | None = widget
    while child is not None:
        parent = child.parentWidget()
        if parent is None:
            break
        layout = parent.layout()
        if layout is not None:
            label = _form_label(layout, child)
            if label:
                return label
        stack = parent
        if isinstance(stack, QStackedWidget) and isinstance(stack.parentWidget(), QTabWidget):
            tabs = stack.parentWidget()
            assert isinstance(tabs, QTabWidget)
            title = tabs.tabText(tabs.indexOf(child))
            return _plain(title.split(" (")[0])
        child = parent
    return field


def _form_label(layout: QLayout, widget: QWidget) -> str:
    """The label of the form row holding ``widget`` (directly or inside a row's own layout)."""
    if isinstance(layout, QFormLayout):
        for row in range(layout.rowCount()):
            field_item = layout.itemAt(row, QFormLayout.ItemRole.FieldRole)
            label_item = layout.itemAt(row, QFormLayout.ItemRole.LabelRole)
            if field_item is None or label_item is None:
                continue
            if _holds(field_item.widget(), field_item.layout(), widget):
                label = label_item.widget()
                if isinstance(label, QLabel) and label.text():
                    return _plain(label.text())
    for index in range(layout.count()):
        item = layout.itemAt(index)
        inner = item.layout() if item is not None else None
        if inner is not None:
            found = _form_label(inner, widget)
            if found:
                return found
    return ""


def _holds(item_widget: QWidget | None, item_layout: QLayout | None, widget: QWidget) -> bool:
    if item_widget is not None:
        return item_widget is widget
    if item_layout is None:
        return False
    for index in range(item_layout.count()):
        item = item_layout.itemAt(index)
        if item is not None and _holds(item.widget(), item.layout(), widget):
            return True
    return False


def _plain(title: str) -> str:
    """A Qt title without its mnemonic markers ("Parties && signatories" → "Parties & …")."""
    return title.replace("&&", "\0").replace("&", "").replace("\0", "&")
