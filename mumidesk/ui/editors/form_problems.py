"""Complaints shown in one round by an editor: in ``build_item`` what could not be read from the
form beside everything the domain says about the rest, and in ``store`` the service's own, each
moved onto the input that shows it."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from mumidesk.domain.errors import FieldProblem, ValidationError
from mumidesk.domain.validation import Checker

#: moves problems onto the inputs that show them (a table's row, the one field of two dates)
Place = Callable[[list[FieldProblem]], list[FieldProblem]]


def raise_problems(
    item: Any,
    problems: list[FieldProblem],
    place: Place | None = None,
) -> None:
    """Raise ``problems`` (text that could not be read) with the domain's complaints about
    ``item`` on the other fields; nothing when ``problems`` is empty (the service checks the rest
    on saving). ``place`` moves the domain's problems onto the inputs that show them."""
    if not problems:
        return
    checker = Checker()
    item.check(checker)
    found = place(checker.problems) if place is not None else checker.problems
    taken = {p.field for p in problems}
    raise ValidationError([*problems, *(p for p in found if p.field not in taken)])


def store_placed(service: Any, item: Any, place: Place) -> Any:
    """Create or update ``item``; the service's complaints moved onto the inputs (table rows,
    combined fields) that show them."""
    try:
        return service.create(item) if item.id is None else service.update(item)
    except ValidationError as exc:
        raise ValidationError(place(exc.problems)) from None
