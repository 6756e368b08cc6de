"""Small reusable widgets the pages and editors share."""
