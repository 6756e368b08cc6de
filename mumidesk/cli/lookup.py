"""Finding one record from what a person typed: its id, its exact title, or a part of the title
that only it has. Several matches or none are errors that list the choices."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any, TypeVar

from mumidesk.domain.errors import ValidationError
from mumidesk.domain.text import fold
from mumidesk.services.crud import CrudService
from mumidesk.services.search import SearchService

T = TypeVar("T")
SEARCH_LIMIT = 200
SUGGESTIONS = 10


def find_by_title(
    text: str,
    service: CrudService[Any, Any, Any],
    search: SearchService,
    *,
    field: str,
    title_of: Callable[[T], str],
    describe: Callable[[T], str],
    several: Callable[[int, str], str],
    none: Callable[[], str],
) -> T:
    """``several(count, choices)`` and ``none()`` give the translated messages of the caller."""
    try:
        key = uuid.UUID(text.strip())
    except ValueError:
        pass
    else:
        found: T = service.get(key)
        return found
    hits = search.search(text, kinds=[service.kind], limit=SEARCH_LIMIT)
    candidates: list[T] = [service.get(hit.id) for hit in hits]
    wanted = fold(text)
    exact = [c for c in candidates if fold(title_of(c)) == wanted]
    if len(exact) == 1:
        return exact[0]
    if not exact and len(candidates) == 1:
        return candidates[0]
    if exact or candidates:
        matching = exact or candidates
        choices = "; ".join(describe(c) for c in matching[:SUGGESTIONS])
        raise ValidationError.single(field, several(len(matching), choices))
    raise ValidationError.single(field, none())
