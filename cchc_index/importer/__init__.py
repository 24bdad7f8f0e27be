"""Official framework tables (DOCX, XLSX, text-layer PDF, Markdown, CSV) → rule files."""
