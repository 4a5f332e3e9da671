"""The file formats the program reads and writes, declared once: suffixes and dialog filters.

Readers dispatch on ARTICLE_FORMATS, the window's file dialogs use the filters built here,
and the project and Word suffixes are spelled in this module only.
"""

from __future__ import annotations

import os
from pathlib import Path

PROJECT_SUFFIX = ".briefing"
WORD_SUFFIX = ".docx"
TEMPLATE_SUFFIXES = (".docx", ".dotx")
MACRO_SUFFIXES = (".docm", ".dotm")

# Format name (what Source.format records) -> the file suffix that carries it.
ARTICLE_FORMATS = {
    "txt": ".txt",
    "md": ".md",
    "docx": ".docx",
    "html": ".html",
    "htm": ".htm",
    "pdf": ".pdf",
}
HTML_FORMATS = ("html", "htm")


def _patterns(suffixes) -> str:
    return " ".join(f"*{s}" for s in suffixes)


ARTICLE_SUFFIXES = tuple(ARTICLE_FORMATS.values())
ARTICLE_FILTER = f"Articles ({_patterns(ARTICLE_SUFFIXES)});;All files (*)"
PROJECT_FILTER = f"Briefing projects ({_patterns([PROJECT_SUFFIX])})"
OPEN_FILTER = (f"Articles and projects ({_patterns(ARTICLE_SUFFIXES + (PROJECT_SUFFIX,))});;"
               f"{PROJECT_FILTER};;All files (*)")
WORD_FILTER = f"Word documents ({_patterns([WORD_SUFFIX])})"
TEMPLATE_FILTER = f"Word templates ({_patterns(TEMPLATE_SUFFIXES)});;All files (*)"


def article_format(path: str | os.PathLike[str]) -> str | None:
    """The article format a file's suffix names, or None when the suffix is not one of ours."""
    suffix = Path(path).suffix.lower()
    return next((fmt for fmt, known in ARTICLE_FORMATS.items() if suffix == known), None)


def is_project(path: str | os.PathLike[str]) -> bool:
    return Path(path).suffix.lower() == PROJECT_SUFFIX


def with_suffix(path: str, suffix: str) -> str:
    """`path` ending in `suffix` (added when missing, case-insensitively)."""
    return path if path.lower().endswith(suffix) else path + suffix
