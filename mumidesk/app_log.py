"""The application's log file: what support staff ask a user to send.

The installed program has no console (the Windows build hides it), so an error that reaches no
dialog would leave no trace. The window's process writes its start, its database, every error
logged by the application and every unexpected exception with its traceback to a rotating file
(`mumidesk.log`, five files of 1 MB), and a crash of the interpreter itself (a fault in a native
library) to `crash.log` through faulthandler.
"""

from __future__ import annotations

import faulthandler
import logging
import os
import platform
import sys
from logging.handlers import RotatingFileHandler
from pathlib import Path
from typing import IO

from mumidesk import __version__
from mumidesk.i18n import _
from mumidesk.settings import log_dir

LOG_NAME = "mumidesk.log"
CRASH_NAME = "crash.log"
MAX_BYTES = 1_000_000
BACKUP_COUNT = 5
FORMAT = "%(asctime)s %(levelname)s %(name)s [%(threadName)s] %(message)s"

log = logging.getLogger("mumidesk")

# The crash file stays open for faulthandler, which writes to its descriptor when the process
# dies; the handler is remembered so that a second call (a reopened window) adds no other.
_crash_file: IO[str] | None = None
_handler: RotatingFileHandler | None = None


def start_logging(folder: Path | None = None) -> Path:
    """Log to `folder` (default: the user's log folder) and return the log file's path. A
    folder that cannot be written leaves the application without a log, never without a start."""
    global _crash_file, _handler
    folder = folder or log_dir()
    path = folder / LOG_NAME
    if _handler is not None and Path(_handler.baseFilename) == path.resolve():
        return path
    stop_logging()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handler = RotatingFileHandler(
            path, maxBytes=MAX_BYTES, backupCount=BACKUP_COUNT, encoding="utf-8", delay=True
        )
        _crash_file = open(folder / CRASH_NAME, "a", encoding="utf-8")  # noqa: SIM115 - kept open
    except OSError as exc:
        print(_("mumidesk: no log file in {folder}: {reason}").format(folder=folder, reason=exc),
              file=sys.stderr)  # fmt: skip
        return path
    handler.setFormatter(logging.Formatter(FORMAT))
    handler.setLevel(logging.INFO)
    root = logging.getLogger()
    root.addHandler(handler)
    if root.level > logging.INFO or root.level == logging.NOTSET:
        root.setLevel(logging.INFO)
    _handler = handler
    faulthandler.enable(_crash_file)
    log.info(
        "mumidesk %s started (Python %s, %s%s)",
        __version__,
        platform.python_version(),
        _system(),
        ", frozen" if getattr(sys, "frozen", False) else "",
    )
    return path


def _system() -> str:
    """The system's name and version without platform.platform(), which on Windows (Python
    3.11) runs `cmd /c ver` in a child process at every start."""
    if sys.platform == "win32":
        version = sys.getwindowsversion()
        return f"Windows {version.major}.{version.minor}.{version.build}"
    return f"{os.uname().sysname} {os.uname().release}"


def stop_logging() -> None:
    global _crash_file, _handler
    if _handler is not None:
        logging.getLogger().removeHandler(_handler)
        _handler.close()
        _handler = None
    if _crash_file is not None:
        faulthandler.disable()
        _crash_file.close()
        _crash_file = None


def current_log() -> Path | None:
    return Path(_handler.baseFilename) if _handler is not None else None


def log_unexpected(kind: type[BaseException], error: BaseException, trace: object) -> None:
    log.error("unexpected error", exc_info=(kind, error, trace))  # type: ignore[arg-type]
