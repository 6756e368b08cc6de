"""Is a database location usable? The settings dialog asks before it saves one: the file's folder
must exist, a server URL must be a PostgreSQL URL, and "Test connection" opens it and reads its
schema version without changing anything."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, SQLAlchemyError

from mumidesk.db import migrate
from mumidesk.db.engine import Database
from mumidesk.domain.errors import DomainError, ValidationError
from mumidesk.i18n import _

FILE_FIELD = "database_path"
URL_FIELD = "database_url"
SERVER_BACKENDS = ("postgresql",)
CONNECT_TIMEOUT_SECONDS = 5


@dataclass(frozen=True, slots=True)
class ConnectionReport:
    ok: bool
    message: str
    field: str  # the input the message belongs to


def file_url(path_text: str) -> str:
    """The SQLite URL of a typed file path; ValidationError (field database_path) when the
    path is empty, names a folder, or its folder does not exist."""
    text = path_text.strip()
    if not text:
        raise ValidationError.single(FILE_FIELD, _("Enter the database file."))
    path = Path(text).expanduser()
    if path.is_dir():
        raise ValidationError.single(
            FILE_FIELD, _("{path} is a folder; name a file in it.").format(path=path)
        )
    folder = path.resolve().parent
    if not folder.is_dir():
        raise ValidationError.single(
            FILE_FIELD, _("The folder {folder} does not exist.").format(folder=folder)
        )
    return "sqlite:///" + path.resolve().as_posix()


def server_url(url_text: str) -> str:
    """A PostgreSQL URL as typed; ValidationError (field database_url) when it is not one."""
    text = url_text.strip()
    if not text:
        raise ValidationError.single(URL_FIELD, _("Enter the server's address."))
    try:
        url = make_url(text)
    except ArgumentError:
        raise ValidationError.single(
            URL_FIELD,
            _("Not a database address; write it like {example}.").format(
                example="postgresql+psycopg://user@server/mumidesk"
            ),
        ) from None
    if url.get_backend_name() not in SERVER_BACKENDS:
        raise ValidationError.single(
            URL_FIELD,
            _("Use a PostgreSQL address (postgresql+psycopg://…), not {backend}.").format(
                backend=url.get_backend_name()
            ),
        )
    if not url.database:
        raise ValidationError.single(
            URL_FIELD, _("Add the database name after the server address (…/mumidesk).")
        )
    return text


def _with_timeout(url: str) -> str:
    """A server that does not answer should not freeze the dialog for minutes."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite" or "connect_timeout" in parsed.query:
        return url
    return parsed.update_query_dict(
        {"connect_timeout": str(CONNECT_TIMEOUT_SECONDS)}
    ).render_as_string(hide_password=False)


def check_connection(url: str) -> ConnectionReport:
    """Open the database without changing it and say whether mumidesk can use it."""
    parsed = make_url(url)
    is_file = parsed.get_backend_name() == "sqlite"
    field = FILE_FIELD if is_file else URL_FIELD
    if is_file and not Path(parsed.database or "").exists():
        # Opening it would create it: say what will happen instead.
        return ConnectionReport(
            True, _("The file does not exist yet; a new database will be created."), field
        )
    try:
        db = Database(url if is_file else _with_timeout(url))
    except (SQLAlchemyError, ImportError) as exc:
        return _cannot_connect(exc, field)
    try:
        return _inspect(db, field)
    except DomainError as exc:
        return ConnectionReport(False, str(exc), field)
    except (SQLAlchemyError, OSError) as exc:
        return _cannot_connect(exc, field)
    finally:
        db.dispose()


def _inspect(db: Database, field: str) -> ConnectionReport:
    state = migrate.state(db)
    if state.current is None and state.has_tables:
        return ConnectionReport(False, _("It holds tables but is not a mumidesk database."), field)
    if state.current is None:
        return ConnectionReport(
            True, _("Connected. The database is empty; mumidesk will set it up."), field
        )
    if state.current not in migrate.known_revisions():
        return ConnectionReport(
            False, _("It was written by a newer mumidesk; update the application."), field
        )
    health = db.health()
    if health is not None and not health.ok:
        return ConnectionReport(
            False, _("The file is damaged: {detail}").format(detail=health.integrity), field
        )
    if not state.up_to_date:
        return ConnectionReport(
            True, _("Connected. The database will be upgraded (a backup is made first)."), field
        )
    return ConnectionReport(True, _("Connected. The database is in order."), field)


def _cannot_connect(exc: Exception, field: str) -> ConnectionReport:
    lines = str(getattr(exc, "orig", None) or exc).strip().splitlines()
    reason = lines[0] if lines else type(exc).__name__
    return ConnectionReport(False, _("Cannot connect: {reason}").format(reason=reason), field)
