"""Dialogs that create and edit one record of an area."""
