"""Attachment file names from anywhere (a drag from a share, a bundle from another office):
the name stored and listed has no folders, controls or bidi overrides, and the name a file is
written under to be opened is a plain, portable file name inside the private folder — never a
reserved Windows name, never a path out of it, never an executable the check did not see.

Measures guarded (each test fails without it):
- clean_file_name at attach(): test_stored_names_are_plain ("../../x", "photo\\u202egpj.exe");
- safe_file_name (pathvalidate) for the written name: test_written_names_are_safe;
- is_executable on the written name too ("x.exe." and "x.e:xe" are written as "x.exe"):
  test_no_name_becomes_a_program_unseen;
- the size limit: test_size_limit.
"""

from __future__ import annotations

import uuid
from pathlib import Path

import pytest
from hypothesis import example, given
from hypothesis import strategies as st
from pathvalidate import is_valid_filename

from mumidesk.domain.attachments import MAX_ATTACHMENT_BYTES
from mumidesk.domain.errors import ValidationError
from mumidesk.domain.organisations import Organisation
from mumidesk.services.registry import Services
from mumidesk.ui.widgets.attachments_panel import (
    _NAME_MAX,
    EXECUTABLE_SUFFIXES,
    is_executable,
    safe_file_name,
)
from tests.hostile.strategies import counted, hostile_text, long_text

RESERVED = ["CON", "aux.txt", "NUL.pdf", "com1", "LPT9.docx", "prn.", "Con .txt", "conin$"]
TRAVERSAL = ["../../x", "..\\..\\x.pdf", "/etc/passwd", "C:\\Windows\\x.dll", "\\\\srv\\s\\a", ".."]
TRICKS = [
    "photo\u202egpj.exe",
    "x.exe.",
    "x.exe ",
    "x.e:xe",
    "x.ex\x00e",
    "x.EXE...",
    "a.e\u200bxe",
]
NAMES = st.one_of(
    st.sampled_from(RESERVED + TRAVERSAL + TRICKS),
    hostile_text(),
    long_text(200, 5_000),
    st.builds(
        lambda a, b, c: a + b + c,
        st.sampled_from(["", "../", "..\\", "/", "C:"]),
        hostile_text(3),
        st.sampled_from(["", ".pdf", ".exe", ".", " ", ".exe.", ".e:xe", "\u202efdp.exe"]),
    ),
)


@given(name=NAMES)
@example(name="CON")
@example(name="aux.txt")
@example(name="../../x")
@example(name="photo\u202egpj.exe")
@example(name="я" * 400 + ".pdf")
def test_written_names_are_safe(name: str) -> None:
    """The name a file is written under is valid on every system, one path part, short."""
    record = counted("attachments: written names")
    safe = safe_file_name(name)
    assert safe and is_valid_filename(safe, platform="universal")
    assert Path(safe).name == safe and safe not in (".", "..")
    assert "/" not in safe and "\\" not in safe
    assert not any(ch in safe for ch in "\u202e\u202d\u200b\x00")
    assert len(safe) <= _NAME_MAX
    record(safe != name)


@given(name=NAMES)
@example(name="x.exe.")
@example(name="x.e:xe")
@example(name="x.EXE...")
def test_no_name_becomes_a_program_unseen(name: str) -> None:
    """If the written name would run as a program, the check refuses to open it."""
    record = counted("attachments: executable check")
    written_suffix = Path(safe_file_name(name)).suffix.lower()
    if written_suffix in EXECUTABLE_SUFFIXES:
        assert is_executable(name)
    record(is_executable(name))


@pytest.fixture
def owner(services: Services) -> uuid.UUID:
    organisation = services.organisations.create(Organisation(name_ru="Ассоциация"))
    assert organisation.id is not None
    return organisation.id


@given(name=NAMES)
@example(name="../../x")
@example(name="photo\u202egpj.exe")
@example(name="..")
def test_stored_names_are_plain(services: Services, owner: uuid.UUID, name: str) -> None:
    """attach() stores the last path part without controls or bidi overrides — or refuses
    (nothing left, too long, NUL) with the field named and nothing stored."""
    record = counted("attachments: stored names")
    before = services.attachments.list().total
    try:
        stored = services.attachments.attach("organisation", owner, b"%PDF-1.4", name)
    except ValidationError as exc:
        assert exc.fields == ["file_name"]
        assert services.attachments.list().total == before
        record(True)
        return
    assert stored.file_name and "/" not in stored.file_name and "\\" not in stored.file_name
    assert not any(ch in stored.file_name for ch in "\u202e\u200b\x00\n")
    assert stored.file_name.strip(".")
    record(stored.file_name != name)


def test_size_limit(services: Services, owner: uuid.UUID) -> None:
    with pytest.raises(ValidationError) as caught:
        services.attachments.attach(
            "organisation", owner, b"\0" * (MAX_ATTACHMENT_BYTES + 1), "big.pdf"
        )
    assert caught.value.fields == ["size"]
    assert services.attachments.list().total == 0
