"""Minimal hand-written PDFs for loader tests: a base-14 font and one text stream per page."""


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def make_pdf(pages, *, encrypt=False, info=None) -> bytes:
    """A minimal PDF; each page is a list of text lines, or None for a page with no text."""
    objects = {
        1: b"<< /Type /Catalog /Pages 2 0 R >>",
        3: b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    }
    kids, number = [], 4
    for lines in pages:
        if lines is None:  # a filled rectangle: something on the page, but no text
            stream = b"0 0 1 rg 100 100 200 200 re f"
        else:
            ops = ["BT /F1 11 Tf 14 TL 72 740 Td"]
            ops += [f"({_escape(line)}) Tj T*" for line in lines]
            stream = "\n".join([*ops, "ET"]).encode("latin-1")
        objects[number] = (
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
            b"/Resources << /Font << /F1 3 0 R >> >> /Contents %d 0 R >>" % (number + 1))
        objects[number + 1] = b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream)
        kids.append(number)
        number += 2
    objects[2] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (
        b" ".join(b"%d 0 R" % kid for kid in kids), len(kids))
    trailer = b""
    if info:
        entries = " ".join(f"/{key} ({_escape(value)})" for key, value in info.items())
        objects[number] = f"<< {entries} >>".encode("latin-1")
        trailer += b" /Info %d 0 R" % number
        number += 1
    if encrypt:
        # A standard security handler whose user password is not empty: PDFium cannot
        # open it without the password, which is all this test needs.
        objects[number] = (b"<< /Filter /Standard /V 1 /R 2 /O <" + b"ab" * 32 + b"> /U <"
                           + b"cd" * 32 + b"> /P -4 >>")
        file_id = b"<0123456789abcdef0123456789abcdef>"
        trailer += b" /Encrypt %d 0 R /ID [%s %s]" % (number, file_id, file_id)
        number += 1
    out = bytearray(b"%PDF-1.4\n")
    offsets = {}
    for key in sorted(objects):
        offsets[key] = len(out)
        out += b"%d 0 obj\n%s\nendobj\n" % (key, objects[key])
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % number
    out += b"".join(b"%010d 00000 n \n" % offsets[key] for key in range(1, number))
    out += b"trailer\n<< /Size %d /Root 1 0 R%s >>\nstartxref\n%d\n%%%%EOF\n" % (
        number, trailer, xref)
    return bytes(out)

