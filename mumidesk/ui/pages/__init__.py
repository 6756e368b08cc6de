"""One page per area: filter bar, table, detail panel and the actions on its records."""
