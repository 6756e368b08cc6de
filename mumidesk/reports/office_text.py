"""User text for the XML of XLSX and DOCX files.

XML 1.0 forbids most control characters (a vertical tab pasted from Word, a stray NUL); openpyxl
and lxml refuse them with an exception, so they are dropped here, in one place. Windows and old
Mac line ends become "\\n" so each break is one break.
"""

from __future__ import annotations

import re

_NOT_IN_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def office_text(text: str) -> str:
    return _NOT_IN_XML.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))
