"""The layout kit shared by every document."""
