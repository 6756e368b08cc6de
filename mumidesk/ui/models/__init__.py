"""Qt table models over the services' pages."""
