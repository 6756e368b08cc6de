"""Pure rules of the domain: no Qt, no SQL. Everything above builds on these words."""
