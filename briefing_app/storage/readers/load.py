"""Load an article from a file or from pasted text into a Source; the only public entry points.

`load_path` dispatches on the file extension (.txt .md .docx .html .htm .pdf) and sniffs
anything else. Every failure is a LoadError with one sentence naming the file and what to
do; no other exception escapes, and nothing is ever fetched from the network.
"""

from __future__ import annotations

import logging
import os
import stat
from pathlib import Path

from briefing_app.domain.model import Source
from briefing_app.errors import LoadError
from briefing_app.logs import failure
from briefing_app.storage.formats import HTML_FORMATS, article_format
from briefing_app.storage.readers.common import (
    DEFAULT_MAX_BYTES,
    DEFAULT_MAX_CHARS,
    check_char_count,
    check_chars,
    check_size,
    first_line_title,
    make_source,
)
from briefing_app.storage.readers.text_decode import SNIFF_BYTES, decode_bytes, replace_controls

log = logging.getLogger(__name__)


def load_path(
    path: str | os.PathLike[str],
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    max_chars: int = DEFAULT_MAX_CHARS,
) -> Source:
    """Load the article at `path`; raises LoadError (one sentence) on any failure."""
    path = Path(path)
    name = path.name or str(path)
    data = _read_bytes(path, name, max_bytes)
    fmt = article_format(path) or _sniff(data, name)
    try:
        return _load(data, path, name, fmt, max_chars)
    except LoadError:
        raise
    except MemoryError as exc:
        raise LoadError(f"{name} is too large to load in the memory available; "
                        "close other programs or split the article.") from exc
    except Exception as exc:  # a library failure we did not foresee: still one sentence
        log.error("reading a %s file failed: %s", fmt, failure(exc))
        raise LoadError(f"{name} could not be read (it may be damaged); save it again "
                        "or paste the article's text instead.") from exc


def load_text(
    text: str,
    *,
    title: str = "",
    fmt: str = "paste",
    max_chars: int = DEFAULT_MAX_CHARS,
) -> Source:
    """A Source for pasted text; sha256 is of its UTF-8 bytes."""
    check_chars("The pasted text", text, max_chars)
    # surrogatepass: text from a clipboard may hold lone surrogates; hashing must not fail.
    digest_of = text.encode("utf-8", errors="surrogatepass")
    text, replaced = replace_controls(text)
    if not text.strip():
        raise LoadError("The pasted text is empty; copy the article's text and paste it again.")
    notes = [f"{replaced} control characters replaced by spaces"] if replaced else []
    return make_source(text, digest_of=digest_of, title=title or first_line_title(text),
                       format=fmt, notes=notes)


def _read_bytes(path: Path, name: str, max_bytes: int) -> bytes:
    try:
        info = path.stat()
        if stat.S_ISDIR(info.st_mode):
            raise LoadError(f"{name} is a folder, not a file; choose an article file inside it.")
        if not stat.S_ISREG(info.st_mode):
            # A pipe or device would block open()/read() forever; never wait on one.
            raise LoadError(f"{name} is not a regular file (it may be a pipe or device); "
                            "save the article to a normal file and load that.")
        check_size(name, info.st_size, max_bytes)
        with path.open("rb") as handle:
            # Read at most one byte past the limit: the file may have grown since stat().
            data = handle.read(max_bytes + 1)
    except FileNotFoundError as exc:
        raise LoadError(f"{name} could not be found; check that it was not moved or "
                        "renamed and choose it again.") from exc
    except PermissionError as exc:
        raise LoadError(f"{name} could not be opened (permission denied); copy it to a "
                        "folder you can read, such as Documents, and load the copy.") from exc
    except OSError as exc:
        reason = (exc.strerror or "read error").rstrip(".").lower()
        raise LoadError(f"{name} could not be read ({reason}); copy it to a local folder "
                        "and try again.") from exc
    check_size(name, len(data), max_bytes)
    if not data.strip():
        raise LoadError(f"{name} is empty; choose the file that holds the article's text.")
    return data


def _sniff(data: bytes, name: str) -> str:
    """Guess the format of a file with an unknown extension from its first bytes."""
    head = data[:SNIFF_BYTES]
    if head.startswith(b"%PDF-"):
        return "pdf"
    if head.startswith((b"PK\x03\x04", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1")):  # zip, OLE2 .doc
        return "docx"
    lowered = head.lstrip().lower()
    if lowered.startswith((b"<!doctype html", b"<html")) or b"<body" in lowered:
        return "html"
    return "txt"  # decode_bytes refuses it if it is binary


def _load(data: bytes, path: Path, name: str, fmt: str, max_chars: int) -> Source:
    common = {"path": str(path), "format": fmt, "digest_of": data}
    if fmt == "docx":
        from briefing_app.storage.readers.docx_reader import check_archive, read_docx

        check_archive(data, name, max_chars=max_chars)
        text, spans, meta = read_docx(data, name)
        _require_text(text, name, "has no text in its paragraphs or tables")
        check_chars(name, text, max_chars)
        return make_source(text, paragraphs=spans, title=meta["title"] or path.stem,
                           author=meta["author"], published=meta["published"],
                           notes=meta.get("notes", []), **common)
    if fmt == "pdf":
        from briefing_app.storage.readers.pdf_reader import read_pdf

        pdf_text, meta = read_pdf(data, name)
        text, _ = replace_controls(pdf_text)
        _require_text(text, name, "has no readable text in its text layer")
        check_chars(name, text, max_chars)
        return make_source(text, title=meta["title"] or path.stem, author=meta["author"],
                           published=meta["published"], notes=meta["notes"], **common)
    if fmt in HTML_FORMATS:
        from briefing_app.storage.readers.html_reader import read_html, visible_estimate

        decoded, notes = decode_bytes(data, name, html=True)
        # Parsing and extraction take minutes and gigabytes on a page of tens of MB:
        # refuse an over-long page from a seconds-long estimate before starting them.
        check_char_count(name, visible_estimate(decoded), max_chars, about=True)
        html_text, meta, html_notes = read_html(decoded, name)
        text, _ = replace_controls(html_text)
        _require_text(text, name, "has no readable text")
        check_chars(name, text, max_chars)
        return make_source(text, title=meta["title"] or path.stem, author=meta["author"],
                           published=meta["published"], url=meta["url"],
                           outlet=meta["outlet"], notes=notes + html_notes, **common)
    text, notes = decode_bytes(data, name)
    check_chars(name, text, max_chars)  # before the control-character and paragraph work
    text, replaced = replace_controls(text)
    _require_text(text, name, "holds only blank space and control characters")
    if replaced:
        notes.append(f"{replaced} control characters replaced by spaces")
    return make_source(text, title=first_line_title(text) or path.stem, notes=notes, **common)


def _require_text(text: str, name: str, what: str) -> None:
    if not text.strip():
        raise LoadError(f"{name} {what}; check that it is the right file, or paste the "
                        "article's text instead.")
