"""Agreement drafts from editable templates: templates (files staff can copy and edit), filling
them from an agreement (with Russian names and positions declined), and the PDF/DOCX renderers."""
