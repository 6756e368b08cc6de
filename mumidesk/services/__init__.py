"""Use cases, one module per area: the only code that opens database sessions."""
