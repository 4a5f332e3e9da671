"""Turn a file's bytes into text: pick the encoding, refuse binary data, neutralise controls.

The rule, in order: a byte-order mark wins; else UTF-16 or UTF-32 without a mark when
the NUL bytes fall in their telltale columns; else strict UTF-8; else an encoding the page
itself declares (HTML only); else charset-normalizer when it is confident. A file whose
first 8 KB is mostly NUL or control bytes (once any UTF-16/32 is decoded) is binary and
refused.
"""

from __future__ import annotations

import codecs
import re

from briefing_app.errors import LoadError

SNIFF_BYTES = 8192
# Share of NUL/control characters above which a file counts as binary. Real text has
# almost none; random bytes have about 12 %, executables and images far more NULs.
_BINARY_SHARE = 0.30
# charset-normalizer's "chaos" (0 = clean, 1 = noise); above this we do not trust a guess.
_MAX_CHAOS = 0.25

_BOMS = (
    # Longest first: the UTF-32 LE mark begins with the UTF-16 LE one.
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# C0 controls except tab, LF, CR, plus DEL: what a text file should never contain.
_CONTROL_CHARS = "".join(chr(c) for c in range(32) if chr(c) not in "\t\n\r") + "\x7f"
# A regex, not str.translate: translate took 23 ms over a 100,000-word article in one call
# holding the GIL (the reader runs on a thread beside the window); the regex takes ~1 ms.
_CONTROL_RE = re.compile("[" + re.escape(_CONTROL_CHARS) + "]")
_CONTROL_BYTES = frozenset(_CONTROL_CHARS.encode("ascii"))
# UTF-16/32 without a mark, told by where its NUL bytes fall in each group of 2 or 4
# bytes ("0": NUL, "t": the low byte of a character, never NUL, "?": either). Latin-script
# UTF-16 has a NUL in every high byte; any UTF-32 text below U+10000 has two. Widest
# first, since UTF-32 LE text also has NULs at every odd position.
_NUL_COLUMNS = (
    ("utf-32-le", "t?00"),
    ("utf-32-be", "00?t"),
    ("utf-16-le", "t0"),
    ("utf-16-be", "0t"),
)
# A column counts as "NUL" above the first share and as "text" below the second; curly
# quotes, dashes and non-Latin letters put a few non-NUL bytes in the high columns.
_NUL_COLUMN_SHARE = 0.7
_TEXT_COLUMN_NULS = 0.05
_DECLARED_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)


def bom_encoding(data: bytes) -> str | None:
    """The codec named by a leading byte-order mark, if any."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return encoding
    return None


def wide_encoding(data: bytes) -> str | None:
    """UTF-16/32 (LE or BE) without a byte-order mark, guessed from the NUL-byte columns."""
    for encoding, columns in _NUL_COLUMNS:
        width = len(columns)
        groups = min(len(data), SNIFF_BYTES) // width
        if groups < 2:
            continue
        head = data[:groups * width]  # whole groups only, so every column has `groups` bytes
        shares = [head[column::width].count(0) / groups for column in range(width)]
        if all(_column_fits(kind, share) for kind, share in zip(columns, shares)):
            return encoding
    return None


def _column_fits(kind: str, nul_share: float) -> bool:
    if kind == "0":
        return nul_share >= _NUL_COLUMN_SHARE
    return kind == "?" or nul_share <= _TEXT_COLUMN_NULS


def looks_binary(data: bytes, encoding: str | None = None) -> bool:
    """True when the first 8 KB is mostly NUL/control bytes, or control characters once
    decoded as `encoding` (a UTF-16/32 file, where NUL bytes are normal)."""
    head = data[:SNIFF_BYTES]
    if not head:
        return False
    if encoding:
        text = head.decode(encoding, errors="replace")
        bad = sum(1 for ch in text if ch in _CONTROL_CHARS)
        return bad > _BINARY_SHARE * len(text)
    bad = sum(1 for byte in head if byte in _CONTROL_BYTES)
    return bad > _BINARY_SHARE * len(head)


def declared_charset(data: bytes) -> str | None:
    """The charset an HTML page declares in a <meta> tag within its first 8 KB, if valid."""
    match = _DECLARED_CHARSET.search(data[:SNIFF_BYTES])
    if not match:
        return None
    name = match.group(1).decode("ascii", errors="ignore")
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def decode_bytes(data: bytes, name: str, *, html: bool = False) -> tuple[str, list[str]]:
    """Decode `data` by the rule above; returns (text, notes). `name` is used in messages."""
    bom = bom_encoding(data)
    wide = None if bom else _wide_text(data)
    # NUL bytes are normal in UTF-16/32: judge those files by their decoded characters.
    wide_codec = bom if bom in ("utf-16", "utf-32") else (wide[1] if wide else None)
    if looks_binary(data, wide_codec):
        raise LoadError(
            f"{name} looks like a binary file, not text; open it in the program that made it "
            "and save or export it as .txt, .docx, .html or .pdf."
        )
    if bom:
        try:
            return data.decode(bom), _note(bom)
        except UnicodeDecodeError as exc:
            raise LoadError(
                f"{name} starts with a {bom.upper()} byte-order mark but is not valid "
                f"{bom.upper()}; save it again as UTF-8."
            ) from exc
    if wide:
        text, encoding = wide
        return text, [f"decoded as {encoding} (guessed: the file has no byte-order mark)"]
    try:
        return data.decode("utf-8"), []
    except UnicodeDecodeError:
        pass
    if html:
        declared = declared_charset(data)
        if declared:
            try:
                return data.decode(declared), _note(declared)
            except UnicodeDecodeError:
                pass  # the declaration lies; fall through to detection
    guess = _detect(data)
    if guess is None:
        raise LoadError(
            f"{name} is not UTF-8 and its encoding could not be recognised; "
            "save it again as UTF-8 and reload it."
        )
    return data.decode(guess, errors="replace"), _note(guess)


def _wide_text(data: bytes) -> tuple[str, str] | None:
    """(text, encoding) of a mark-less UTF-16/32 file, or None when it is not one."""
    encoding = wide_encoding(data)
    if encoding is None:
        return None
    try:
        return data.decode(encoding), encoding
    except UnicodeDecodeError:
        return None  # the NUL pattern was a coincidence; the other rules judge the bytes


def _detect(data: bytes) -> str | None:
    """charset-normalizer's best guess, or None when it is not confident."""
    from charset_normalizer import from_bytes  # imported late: it is slow to import

    best = from_bytes(data[:1_000_000]).best()
    if best is None or best.chaos > _MAX_CHAOS:
        return None
    # Short Western texts often decode identically in several code pages (cp1250, cp1252,
    # latin-1, ...); then say cp1252, the one analysts' Windows machines actually write.
    if best.encoding != "cp1252":
        try:
            if data.decode("cp1252") == data.decode(best.encoding):
                return "cp1252"
        except (UnicodeDecodeError, LookupError):
            pass
    return best.encoding


def _note(encoding: str) -> list[str]:
    plain = codecs.lookup(encoding).name in ("utf-8", "utf-8-sig")
    return [] if plain else [f"decoded as {codecs.lookup(encoding).name}"]


def replace_controls(text: str) -> tuple[str, int]:
    """Replace NUL and other controls (not tab, CR, LF) by spaces: same length, same offsets."""
    return _CONTROL_RE.subn(" ", text)
