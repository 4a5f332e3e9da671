"""Reading articles: txt, md, html, docx and pdf files (and pasted text) into a Source."""
