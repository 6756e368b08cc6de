"""Validation rules shared by every entity: each failed rule becomes a FieldProblem.

E-mail, phone and country codes are checked by maintained libraries (email-validator,
phonenumbers, pycountry), not by hand-written patterns.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from functools import cache

import pycountry

from mumidesk.domain.errors import FieldProblem, ValidationError
from mumidesk.i18n import _

NAME_MAX = 300
TITLE_MAX = 1000
TEXT_MAX = 100_000
# The largest value of an INTEGER column on PostgreSQL (SQLite would store more and differ).
INT_MAX = 2_147_483_647
_SURROGATE = re.compile("[\ud800-\udfff]")
# Kosovo has no ISO 3166-1 code; XK is the user-assigned code that the EU, Babel and CLDR use.
_EXTRA_COUNTRY_CODES = frozenset({"XK"})


@cache
def _country_codes() -> frozenset[str]:
    return frozenset(c.alpha_2 for c in pycountry.countries) | _EXTRA_COUNTRY_CODES


def is_country_code(code: str) -> bool:
    return code.upper() in _country_codes()


class Checker:
    """Collects every problem of one record so the user sees all of them at once."""

    def __init__(self, row: int | None = None) -> None:
        self.problems: list[FieldProblem] = []
        self.row = row

    def fail(self, field: str, message: str) -> None:
        self.problems.append(FieldProblem(field, message, self.row))

    def required(self, field: str, value: object) -> bool:
        if value is None or (isinstance(value, str) and not value.strip()):
            self.fail(field, _("is required"))
            return False
        return True

    def length(self, field: str, value: str | None, maximum: int) -> None:
        if value is not None and len(value) > maximum:
            self.fail(
                field,
                _("is too long: {length} characters, at most {maximum} allowed").format(
                    length=len(value), maximum=maximum
                ),
            )
        elif value is not None and "\x00" in value:
            # PostgreSQL refuses NUL in text; SQLite would keep it. Text pasted from binaries.
            self.fail(field, _("contains a NUL character"))
        elif value is not None and _SURROGATE.search(value):
            # Half of a UTF-16 pair (a JSON "\ud800" escape): no database can encode it.
            self.fail(field, _("contains an invalid character (a lone surrogate)"))

    def text(self, field: str, value: str | None, maximum: int, required: bool = False) -> None:
        if required and not self.required(field, value):
            return
        self.length(field, value, maximum)

    def date_order(
        self, start_field: str, start: dt.date | None, end_field: str, end: dt.date | None
    ) -> None:
        if start is not None and end is not None and end < start:
            self.fail(
                end_field,
                _("{end} is before {start_field} {start}").format(
                    end=end.isoformat(), start_field=start_field, start=start.isoformat()
                ),
            )

    def email(self, field: str, value: str | None) -> None:
        if not value:
            return
        import email_validator  # imported when first needed: 30 ms off the window's start

        try:
            email_validator.validate_email(value, check_deliverability=False)
        except email_validator.EmailNotValidError as exc:
            self.fail(field, _("is not a valid e-mail address ({reason})").format(reason=exc))

    def phone(self, field: str, value: str | None, region: str = "RU") -> None:
        if not value:
            return
        import phonenumbers  # imported when first needed, like email_validator

        try:
            number = phonenumbers.parse(value, region)
        except phonenumbers.NumberParseException:
            self.fail(field, _("is not a phone number"))
            return
        if not phonenumbers.is_possible_number(number):
            self.fail(field, _("is not a possible phone number"))

    def country(self, field: str, value: str | None, required: bool = False) -> None:
        if not value:
            if required:
                self.fail(field, _("is required"))
            return
        if not is_country_code(value):
            self.fail(
                field,
                _("{code!r} is not an ISO 3166 country code (e.g. RU, BY, ZM)").format(code=value),
            )

    def in_range(self, field: str, value: float | int | None, low: float, high: float) -> None:
        if value is not None and not (low <= value <= high):
            self.fail(
                field,
                _("must be between {low} and {high}").format(low=low, high=high),
            )

    def non_negative(self, field: str, value: int | None) -> None:
        if value is not None and value < 0:
            self.fail(field, _("must not be negative"))
        elif value is not None and value > INT_MAX:
            self.in_range(field, value, 0, INT_MAX)

    def extend(self, problems: Iterable[FieldProblem]) -> None:
        self.problems.extend(problems)

    def raise_if_any(self) -> None:
        if self.problems:
            raise ValidationError(list(self.problems))


def normalise_phone(value: str, region: str = "RU") -> str:
    """E.164 form of a valid number, so the same phone is stored one way."""
    import phonenumbers

    number = phonenumbers.parse(value, region)
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
