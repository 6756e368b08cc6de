"""Typed errors of the domain: each names what was wrong and why, in the user's language."""

from __future__ import annotations

from dataclasses import dataclass, field

from mumidesk.i18n import _


@dataclass(frozen=True, slots=True)
class FieldProblem:
    """One bad value: the field (stable code, e.g. ``end_date``) and a translated reason."""

    field: str
    message: str
    row: int | None = None

    def __str__(self) -> str:
        where = (
            self.field
            if self.row is None
            else _("row {row}, {field}").format(row=self.row, field=self.field)
        )
        return f"{where}: {self.message}"


class DomainError(Exception):
    """Base of every error the services raise on purpose."""


@dataclass
class ValidationError(DomainError):
    """One or more fields are wrong; nothing was written."""

    problems: list[FieldProblem] = field(default_factory=list)

    def __post_init__(self) -> None:
        super().__init__(str(self))

    @classmethod
    def single(cls, field_name: str, message: str, row: int | None = None) -> ValidationError:
        return cls([FieldProblem(field_name, message, row)])

    @property
    def fields(self) -> list[str]:
        return [p.field for p in self.problems]

    def __str__(self) -> str:
        return "; ".join(str(p) for p in self.problems)


class LifecycleError(DomainError):
    """An agreement step that its current state does not allow."""

    def __init__(self, current: str, target: str, reason: str) -> None:
        self.current = current
        self.target = target
        self.reason = reason
        super().__init__(reason)


class NotFoundError(DomainError):
    def __init__(self, kind: str, key: object) -> None:
        self.kind = kind
        self.key = key
        super().__init__(_("{kind} not found: {key}").format(kind=kind, key=key))


class ConcurrentEditError(DomainError):
    """Someone else saved the record after it was opened; the edit is refused, not merged."""

    def __init__(self, kind: str, key: object, expected: int, actual: int) -> None:
        self.kind = kind
        self.key = key
        self.expected = expected
        self.actual = actual
        super().__init__(
            _(
                "{kind} {key} was changed by someone else (version {actual}, you edited "
                "version {expected}); reopen it and apply your change again"
            ).format(kind=kind, key=key, actual=actual, expected=expected)
        )
