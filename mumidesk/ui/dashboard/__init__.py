"""The parts of the dashboard page: what is due, the counts, partners by country, recent
changes and the map of partner cities."""
