"""The Documents page: reports and drafts chosen, generated off the GUI thread, previewed,
printed and saved."""
