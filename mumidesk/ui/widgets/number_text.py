"""Numbers typed by people: "12 500", "53,9", "53.9"; shown back in the user's locale."""

from __future__ import annotations

from decimal import Decimal

from babel.numbers import format_decimal

from mumidesk.i18n import current_locale

_SPACES = (" ", "\u00a0", "\u202f", "\u2009")


def _strip_spaces(text: str) -> str:
    for space in _SPACES:
        text = text.replace(space, "")
    return text


def parse_float(text: str) -> float:
    """A number typed with a comma or a point; ValueError when it is not a number."""
    return float(_strip_spaces(text).replace(",", "."))


def parse_int(text: str) -> int:
    """A count typed with or without group spaces ("12 500"); ValueError otherwise."""
    return int(_strip_spaces(text))


def format_number(value: float | int | None) -> str:
    """A value for an input field: no group separators (they would be typed back), the locale's
    decimal mark."""
    if value is None:
        return ""
    if isinstance(value, int):
        return str(value)
    return format_decimal(Decimal(repr(value)), format="0.########", locale=current_locale())
