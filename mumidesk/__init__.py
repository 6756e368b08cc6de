"""mumidesk: the international ties of municipalities on a desktop."""

__version__ = "0.1.0"
