"""Where a briefing's files go: the one rule the command line and the window share for a
Word briefing, and the one name Save As and Export suggest.

A briefing is only ever written to a .docx name that is not one of its own inputs, so an
export can never replace the article it was made from or the .briefing project holding the
analyst's review work.

The suggestion (suggested_path) starts where the work is, the project's or the article's
folder, and names the file after the briefing's title, made safe for every system the
file may travel to (no character Windows refuses, no device name, a bounded length).
"""

from __future__ import annotations

import os
import unicodedata
from collections.abc import Iterable
from pathlib import Path

from briefing_app.domain.briefing_ops import export_title
from briefing_app.domain.model import Briefing
from briefing_app.errors import ExportError
from briefing_app.storage.formats import (
    ARTICLE_SUFFIXES,
    MACRO_SUFFIXES,
    PROJECT_SUFFIX,
    TEMPLATE_SUFFIXES,
    WORD_SUFFIX,
)

# Suffixes naming a kind of file we know that is not a Word briefing: writing there would
# mislabel the file or destroy it, so such a name is refused rather than given .docx.
_OTHER_KINDS = {s for s in (*ARTICLE_SUFFIXES, *TEMPLATE_SUFFIXES, *MACRO_SUFFIXES)
                if s != WORD_SUFFIX}


# What Windows refuses in a file name, and what each becomes: a colon in a headline reads as
# a dash, a slash as a hyphen; the rest are dropped.
_REFUSED = str.maketrans({":": " -", "/": "-", "\\": "-", "|": "-", '"': "'",
                          "<": None, ">": None, "?": None, "*": None})
# Names Windows keeps for devices, with any suffix ("CON.docx" cannot be created either).
_DEVICES = {"CON", "PRN", "AUX", "NUL", *(f"{d}{n}" for d in ("COM", "LPT") for n in range(1, 10))}
# Long enough for a headline, short enough for a deep folder under Windows' 260-character
# path limit and for a file list column.
NAME_LIMIT = 80


def safe_file_stem(title: str, fallback: str = "briefing") -> str:
    """`title` as a file name without suffix that every common system accepts, or `fallback`
    when nothing of it is left ("Syldavia: talks / stall?" -> "Syldavia - talks - stall")."""
    # Line breaks and tabs become spaces; other control and format characters (bidi
    # controls) have no place in a name.
    text = " ".join(title.translate(_REFUSED).split())
    text = "".join(ch for ch in text if not unicodedata.category(ch).startswith("C"))
    text = " ".join(text.split())
    if len(text) > NAME_LIMIT:
        cut = text[:NAME_LIMIT]
        # At a word's end when there is one in the second half, so no word is cut in two.
        text = cut[:cut.rfind(" ")] if cut.rfind(" ") > NAME_LIMIT // 2 else cut
    text = text.strip(" .")  # Windows drops trailing dots and spaces; leading ones hide
    if not text:
        return fallback
    if text.split(".")[0].strip().upper() in _DEVICES:
        text = f"{text} {fallback}"
    return text


def suggested_path(briefing: Briefing, project_path: str, suffix: str,
                   fallback_folder: str | os.PathLike[str]) -> Path:
    """Where Save As and Export start: beside the saved project, named as it is; else in
    the first article's folder (`fallback_folder` when no article came from a file), named
    after the briefing's title, never the name of one of its articles."""
    if project_path:
        project = Path(project_path)
        return project.parent / f"{project.stem}{suffix}"
    articles = [Path(s.path) for s in briefing.sources if s.path]
    folder = articles[0].parent if articles else Path(fallback_folder)
    stem = safe_file_stem(export_title(briefing))
    taken = {a.name.lower() for a in articles if a.parent == folder}
    if f"{stem}{suffix}".lower() in taken:  # a Word article titled as its own file
        stem = f"{stem} briefing"
    return folder / f"{stem}{suffix}"


def briefing_output_path(output: str | os.PathLike[str],
                         inputs: Iterable[str | os.PathLike[str]] = ()) -> Path:
    """The path to write the briefing to, `output` with .docx added when it has no suffix.

    Any suffix other than those we know gets .docx added too, as a save dialog does
    ("Port talks 2.1" -> "Port talks 2.1.docx"). Raises ExportError, in one sentence, for a
    project name, another known kind of file, or a file that is one of `inputs`.
    """
    path = Path(output)
    if not path.name or path.name == "..":
        raise ExportError(f"'{output}' names no file; give the briefing a name ending in "
                          f"{WORD_SUFFIX}.")
    suffix = path.suffix.lower()
    if suffix == PROJECT_SUFFIX:
        raise ExportError(
            f"{path.name} is a briefing project name and writing Word there would replace the "
            f"review work; give the briefing a name ending in {WORD_SUFFIX}.")
    if suffix in _OTHER_KINDS:
        raise ExportError(
            f"{path.name} names a {suffix} file but a briefing is a Word document; give it a "
            f"name ending in {WORD_SUFFIX}.")
    if suffix != WORD_SUFFIX:
        path = path.with_name(path.name + WORD_SUFFIX)
    for source in inputs:
        if _same_file(path, Path(source)):
            raise ExportError(
                f"{path.name} is the input of this briefing and would be overwritten; choose "
                "another name for the Word file.")
    return path


def _same_file(output: Path, source: Path) -> bool:
    # samefile sees through symlinks and hard links; resolve covers "a/../b" spellings.
    try:
        return os.path.samefile(output, source)
    except OSError:  # one of them does not exist (yet): then it cannot be overwritten
        return output.resolve() == source.resolve()
