"""Dialogs of the application as a whole: settings and the first start."""
