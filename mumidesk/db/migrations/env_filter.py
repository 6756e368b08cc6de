"""Which database objects autogenerate compares (shared by env.py and the schema test)."""

from __future__ import annotations


def include_object(
    obj: object, name: str | None, type_: str, reflected: bool, compare_to: object
) -> bool:
    """The search objects (FTS5 tables, the pg_trgm index) are created by hand in the
    migrations; autogenerate leaves them alone."""
    if name is None:
        return True
    if type_ == "table" and name.startswith("search_fts"):
        return False
    return not (type_ == "index" and name.endswith("_trgm"))
