"""Printed documents (ReportLab PDF, with XLSX/DOCX variants where the region wants to edit).

Each document has a model built from the services (plain data, no layout) and renderers that turn
the model into a file; ``kit`` holds what every document shares: fonts, styles, page templates,
text escaping and wrapping, and the paged table.
"""
