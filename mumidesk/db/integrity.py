"""Is the database file fit to open? Looked at before anything writes to it: the header, SQLite's
``PRAGMA quick_check`` (or the full ``integrity_check`` for a backup), and whether the tables are
mumidesk's. The file is opened read-only through the sqlite3 module, not through the engine:
the engine's first connection switches the journal mode, and a damaged file must stay exactly as
it was found so that nothing more of it is lost."""

from __future__ import annotations

import enum
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.engine import make_url

from mumidesk.domain.errors import DomainError
from mumidesk.i18n import _

SQLITE_HEADER = b"SQLite format 3\x00"
WAL_FLAGS = slice(18, 20)  # header bytes: file format write and read versions, 2 = WAL
HEADER_READ = 20
# Tables every mumidesk schema since the first release holds; together with alembic_version
# they tell our database from another application's.
OUR_TABLES = frozenset({"regions", "municipalities", "partners", "agreements", "delegations"})
MAX_PROBLEMS = 3  # SQLite can list thousands; the first few say enough
SHOWN_TABLES = 5
BUSY_WAIT = 5.0  # seconds to wait for a writer that holds the file locked


class Status(enum.Enum):
    OK = "ok"  # a mumidesk database that passed the check
    NEW = "new"  # no file yet, or an empty SQLite database: it will be created
    SERVER = "server"  # a server database: the server checks its own pages
    DAMAGED = "damaged"  # our file (or one that looks like it) that SQLite finds broken
    NOT_OURS = "not_ours"  # not a database at all, or another application's
    UNREADABLE = "unreadable"  # cannot be read now (permissions, locked, a folder): not damaged


@dataclass(frozen=True, slots=True)
class Verdict:
    status: Status
    path: Path | None
    reason: str = ""  # translated, one line: why the file cannot be used
    detail: str = ""  # SQLite's own words, for the curious and for support

    @property
    def ok(self) -> bool:
        """The database may be opened (and created or upgraded)."""
        return self.status in (Status.OK, Status.NEW, Status.SERVER)

    @property
    def recoverable(self) -> bool:
        """A backup can take the file's place (a locked or unreadable file is not broken)."""
        return self.status in (Status.DAMAGED, Status.NOT_OURS)

    def line(self) -> str:
        """The verdict in one line, for the command line and the dialog's heading."""
        path = str(self.path) if self.path is not None else ""
        if self.status is Status.OK:
            return _("{path} is a sound mumidesk database").format(path=path)
        if self.status is Status.NEW:
            return _("{path} is a new database").format(path=path)
        if self.status is Status.SERVER:
            return _("a server database: the server checks its own pages")
        if self.status is Status.DAMAGED:
            return _("The database {path} is damaged: {reason}").format(
                path=path, reason=self.reason
            )
        if self.status is Status.NOT_OURS:
            return _("{path} is not a mumidesk database: {reason}").format(
                path=path, reason=self.reason
            )
        return _("{path} cannot be read: {reason}").format(path=path, reason=self.reason)


class UnusableDatabaseError(DomainError):
    """The file failed the check on open; the verdict says why."""

    def __init__(self, verdict: Verdict) -> None:
        self.verdict = verdict
        super().__init__(verdict.line())


def sqlite_path_of(url: str) -> Path | None:
    """The file behind a SQLite URL; None for a server or an in-memory database."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or parsed.database in (None, "", ":memory:"):
        return None
    return Path(parsed.database)


def check_on_open(url: str) -> Verdict:
    """The quick check the window and the command line run before opening a database."""
    if make_url(url).get_backend_name() != "sqlite":
        return Verdict(Status.SERVER, None)
    path = sqlite_path_of(url)
    return Verdict(Status.NEW, None) if path is None else check_file(path)


def check_file(path: Path, *, thorough: bool = False) -> Verdict:
    """Check one SQLite file without changing it. ``thorough`` runs the full integrity check
    (indexes against tables too): for backups, where a few seconds more are worth it."""
    try:
        if not path.exists():
            return Verdict(Status.NEW, path)
        if path.is_dir():
            return Verdict(Status.UNREADABLE, path, _("it is a folder, not a file"))
        with path.open("rb") as fh:
            head = fh.read(HEADER_READ)
    except OSError as exc:
        return Verdict(Status.UNREADABLE, path, str(exc.strerror or exc), str(exc))
    if not head:
        # A database that was being copied or written when the machine failed: nothing of it
        # is left to open, and a new database must not silently take its place.
        return Verdict(Status.DAMAGED, path, _("the file is empty (0 bytes)"))
    if head[: len(SQLITE_HEADER)] != SQLITE_HEADER:
        return Verdict(
            Status.NOT_OURS,
            path,
            _("it is not a database file (a document or some other kind of file)"),
        )
    try:
        return _check_content(path, thorough, wal_mode=head[WAL_FLAGS] == b"\x02\x02")
    except sqlite3.DatabaseError as exc:
        return _verdict_of_error(path, exc)


def _check_content(path: Path, thorough: bool, *, wal_mode: bool) -> Verdict:
    uri = f"{path.resolve().as_uri()}?mode=ro"
    if wal_mode and not Path(f"{path}-wal").exists():
        # A WAL database without its log: no connection is open (the last one to close
        # removes it) and the file alone is the whole database. "immutable" reads it so, and
        # does not create a -wal and a -shm file beside a file that is to stay untouched.
        uri += "&immutable=1"
    conn = sqlite3.connect(uri, uri=True, timeout=BUSY_WAIT)
    try:
        pragma = "integrity_check" if thorough else "quick_check"
        problems = [str(row[0]) for row in conn.execute(f"PRAGMA {pragma}({MAX_PROBLEMS})")]
        if problems != ["ok"]:
            found = [  # without the "*** in database main ***" heading SQLite puts first
                line
                for problem in problems
                for line in problem.splitlines()
                if line.strip() and not line.startswith("***")
            ]
            return Verdict(
                Status.DAMAGED,
                path,
                _("SQLite found damaged pages ({problem})").format(
                    problem=found[0] if found else "?"
                ),
                "; ".join(found),
            )
        tables = {
            str(row[0])
            for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
            if not str(row[0]).startswith("sqlite_")
        }
        revision = _revision(conn) if "alembic_version" in tables else None
    finally:
        conn.close()
    return _verdict_of_tables(path, tables - {"alembic_version"}, revision)


def _revision(conn: sqlite3.Connection) -> str | None:
    row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
    return str(row[0]) if row and row[0] else None


def _verdict_of_tables(path: Path, tables: set[str], revision: str | None) -> Verdict:
    if not tables and revision is None:
        return Verdict(Status.NEW, path)  # an empty SQLite file: the schema will be created
    ours = tables >= OUR_TABLES
    if ours and revision is not None:
        return Verdict(Status.OK, path)
    if ours:
        return Verdict(Status.DAMAGED, path, _("the record of its schema version is missing"))
    names = ", ".join(sorted(tables)[:SHOWN_TABLES]) + ("…" if len(tables) > SHOWN_TABLES else "")
    return Verdict(
        Status.NOT_OURS,
        path,
        _("it holds the tables of another application ({tables})").format(tables=names),
    )


def _verdict_of_error(path: Path, exc: sqlite3.DatabaseError) -> Verdict:
    code = getattr(exc, "sqlite_errorcode", None)
    primary = code & 0xFF if isinstance(code, int) else None
    if primary in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED):
        return Verdict(
            Status.UNREADABLE, path, _("another program holds it locked; try again"), str(exc)
        )
    if primary == sqlite3.SQLITE_READONLY:
        # A change interrupted in rollback-journal mode: the first writer rolls it back, as
        # SQLite always does after a crash. Only a read-only look cannot.
        return Verdict(Status.OK, path, detail=str(exc))
    if primary in (sqlite3.SQLITE_CANTOPEN, sqlite3.SQLITE_PERM, sqlite3.SQLITE_AUTH):
        return Verdict(
            Status.UNREADABLE, path, _("it cannot be opened: {reason}").format(reason=exc), str(exc)
        )
    if primary == sqlite3.SQLITE_IOERR:
        return Verdict(
            Status.UNREADABLE, path, _("reading it failed: {reason}").format(reason=exc), str(exc)
        )
    # SQLITE_CORRUPT, SQLITE_NOTADB and the rest: the header is SQLite's, the rest is broken.
    return Verdict(
        Status.DAMAGED, path, _("SQLite cannot read it ({reason})").format(reason=exc), str(exc)
    )
