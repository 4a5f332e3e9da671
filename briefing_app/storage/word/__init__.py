"""Writing the Word briefing: sections, appendix, template, and the OOXML python-docx lacks."""
