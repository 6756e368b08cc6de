"""`mumidesk report DOCUMENT …`: every printed document from the command line.

Each document has its own module here with ``register(subparsers)``.
"""

from __future__ import annotations

import importlib
from typing import Any

from mumidesk.i18n import _

DOCUMENT_MODULES = (
    "mumidesk.cli.report.quarterly",
    "mumidesk.cli.report.annual",
    "mumidesk.cli.report.registry",
    "mumidesk.cli.report.dossier",
    "mumidesk.cli.report.programme",
)


def register(subparsers: Any) -> None:
    report = subparsers.add_parser("report", help=_("print a report or document to a file"))
    documents = report.add_subparsers(dest="document", metavar=_("DOCUMENT"), required=True)
    for name in DOCUMENT_MODULES:
        importlib.import_module(name).register(documents)
