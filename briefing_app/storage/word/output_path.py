"""Where a Word briefing may be written: the one rule the command line and the window share.

A briefing is only ever written to a .docx name that is not one of its own inputs, so an
export can never replace the article it was made from or the .briefing project holding the
analyst's review work.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

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
