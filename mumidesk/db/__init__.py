"""Persistence: SQLAlchemy models, engine and sessions, Alembic migrations, backup and restore."""
