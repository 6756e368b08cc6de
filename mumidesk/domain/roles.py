"""Who may do what on a shared database: three roles and the capabilities each one has.

The server enforces the roles (PostgreSQL grants, see mumidesk.db.roles); this table only tells
the window and the command line what to offer, so that a viewer is not shown buttons the server
would refuse anyway.
"""

from __future__ import annotations

from enum import StrEnum

from mumidesk.domain.enums import CodedEnum
from mumidesk.i18n import N_


class Role(CodedEnum):
    """Ordered from the least to the most allowed (``rank``)."""

    VIEWER = "viewer"
    EDITOR = "editor"
    ADMIN = "admin"

    @classmethod
    def _labels(cls) -> dict[str, str]:
        return {
            "viewer": N_("Viewer"),
            "editor": N_("Editor"),
            "admin": N_("Administrator"),
        }

    @property
    def rank(self) -> int:
        return list(Role).index(self)


class Capability(StrEnum):
    """What a control of the window or a command needs."""

    EDIT_DATA = "edit-data"  # new, edit, delete, lifecycle steps, attachments
    IMPORT = "import"  # imports and the demo data
    DATABASE_SETTINGS = "database-settings"  # which database to open, backup folder
    RESTORE = "restore"  # replace the whole database by a backup
    MANAGE_ROLES = "manage-roles"  # grant and revoke roles


_ALLOWED: dict[Role, frozenset[Capability]] = {
    Role.VIEWER: frozenset(),
    Role.EDITOR: frozenset({Capability.EDIT_DATA, Capability.IMPORT, Capability.DATABASE_SETTINGS}),
    Role.ADMIN: frozenset(Capability),
}


def allows(role: Role, capability: Capability) -> bool:
    return capability in _ALLOWED[role]
