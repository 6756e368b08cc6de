"""Files attached to a record: drafts, signed scans, decisions, photos."""

from __future__ import annotations

import unicodedata
import uuid
from dataclasses import dataclass
from pathlib import PureWindowsPath

from mumidesk.domain.enums import AttachmentKind
from mumidesk.domain.records import Record
from mumidesk.domain.validation import NAME_MAX, TEXT_MAX, Checker
from mumidesk.i18n import _

MAX_ATTACHMENT_BYTES = 50 * 1024 * 1024
OWNER_KINDS = ("agreement", "delegation", "event", "exchange", "partner", "organisation")


def clean_file_name(name: str) -> str:
    """The name a file is listed under: its last path part (either separator), without control
    characters and without invisible format characters — a RIGHT-TO-LEFT OVERRIDE would show
    "photo\\u202egpj.exe" as "photoexe.jpg", a zero-width space would hide a name's real end."""
    base = PureWindowsPath(name.replace("/", "\\")).name
    plain = "".join(ch for ch in base if unicodedata.category(ch) not in ("Cc", "Cf")).strip()
    return plain if plain.strip(".") else ""  # "." and ".." name folders, not files


@dataclass(kw_only=True)
class Attachment(Record):
    owner_kind: str
    owner_id: uuid.UUID
    kind: AttachmentKind = AttachmentKind.OTHER
    file_name: str
    mime_type: str = "application/octet-stream"
    size: int = 0
    sha256: str = ""
    description: str = ""

    def check(self, c: Checker) -> None:
        if self.owner_kind not in OWNER_KINDS:
            c.fail("owner_kind", _("unknown kind of record {kind!r}").format(kind=self.owner_kind))
        c.text("file_name", self.file_name, NAME_MAX, required=True)
        c.length("description", self.description, TEXT_MAX)
        # Set by the service, but a bundle's JSON brings its own: NUL would crash PostgreSQL.
        c.length("mime_type", self.mime_type, NAME_MAX)
        c.length("sha256", self.sha256, NAME_MAX)
        if self.size > MAX_ATTACHMENT_BYTES:
            c.fail(
                "size",
                _("a file may have at most {mb} MB").format(
                    mb=MAX_ATTACHMENT_BYTES // (1024 * 1024)
                ),
            )
