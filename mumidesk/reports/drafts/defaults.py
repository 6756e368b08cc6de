"""What a draft is printed with when nobody chose: the template made for the agreement's kind and
the agreement's own languages (shared by `mumidesk draft` and the window's Documents page)."""

from __future__ import annotations

from collections.abc import Sequence

from mumidesk.domain.agreements import Agreement
from mumidesk.domain.enums import AgreementKind
from mumidesk.reports.drafts.fill import list_templates
from mumidesk.reports.drafts.templates import DraftTemplate

RUSSIAN = "ru"
MAX_LANGUAGES = 2  # printed side by side


def agreement_languages(agreement: Agreement) -> tuple[str, ...]:
    """The agreement's languages, Russian first, at most two (those printed side by side)."""
    codes = list(dict.fromkeys(agreement.languages or [RUSSIAN]))
    codes.sort(key=lambda code: code != RUSSIAN)
    return tuple(codes[:MAX_LANGUAGES])


def templates_of_kind(
    kind: AgreementKind, templates: Sequence[DraftTemplate] | None = None
) -> list[DraftTemplate]:
    return [t for t in (list_templates() if templates is None else templates) if t.kind == kind]


def default_template(
    agreement: Agreement, templates: Sequence[DraftTemplate] | None = None
) -> DraftTemplate | None:
    """The only template for the agreement's kind; None when there are several or none."""
    matching = templates_of_kind(agreement.kind, templates)
    return matching[0] if len(matching) == 1 else None
