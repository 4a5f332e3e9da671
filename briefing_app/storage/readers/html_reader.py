"""Read a saved web page: the article body via trafilatura, plus title, author, date, URL, outlet.

Nothing is ever fetched. We decode the bytes ourselves and hand trafilatura/htmldate an
already-parsed lxml tree, never a string or bytes: htmldate downloads a string that looks
like a URL, and trafilatura inflates compressed bytes. Page furniture (navigation, header,
footer, aside) is cut from the tree before either trafilatura or our fallback sees it; when
trafilatura finds no article we fall back to the page's visible text, with scripts, styles
and similar removed. `visible_estimate` lets the caller refuse an over-long page before
any of that expensive work starts.
"""

from __future__ import annotations

import copy
import logging
import re

from briefing_app.errors import LoadError

log = logging.getLogger(__name__)

# Elements whose content is never article text.
_DROP = ("script", "style", "noscript", "template", "iframe", "object", "embed", "svg",
         "head", "nav", "form", "button", "select", "textarea")
# Page furniture: never article text, however short the page (trafilatura keeps a short
# page's menu as its first paragraph). ARIA roles name the same parts on <div>-only pages.
_FURNITURE = ("//nav | //header | //footer | //aside | //*[@role='navigation']"
              " | //*[@role='banner'] | //*[@role='contentinfo'] | //*[@role='complementary']")
# libxml2's deepest nesting with huge_tree on; deeper pages are cut off by the parser.
MAX_DEPTH = 2048
_BLOCKS = ("p", "div", "section", "article", "main", "header", "footer", "aside", "li",
           "ul", "ol", "table", "tr", "blockquote", "pre", "h1", "h2", "h3", "h4", "h5",
           "h6", "dd", "dt", "figcaption", "address")
_SPACES = re.compile(r"[ \t\f\v\u00a0]+")
# For the estimate: a tag with the whitespace after it (indentation, mostly), and no "<"
# inside, so a stray "<" cannot make the scan quadratic; a literal "<" first keeps the
# search fast. Then the openings of blocks whose content is never shown.
_TAG = re.compile(r"<[^<>]*>\s*")
_ESTIMATE_PIECE = 1 << 20
_HIDDEN_OPEN = re.compile(r"<(script|style|template|noscript)\b|<!--", re.I)
_HIDDEN_CLOSE = {kind: re.compile(rf"</{kind}\s*>", re.I)
                 for kind in ("script", "style", "template", "noscript")}
_COMMENT_CLOSE = re.compile(r"-->")


def read_html(text: str, name: str) -> tuple[str, dict[str, str], list[str]]:
    """(article text with blank lines between paragraphs, metadata, notes) of decoded HTML."""
    # trafilatura logs every odd page at WARNING; the user sees our notes instead.
    logging.getLogger("trafilatura").setLevel(logging.ERROR)
    logging.getLogger("htmldate").setLevel(logging.ERROR)
    tree = _parse(text, name)
    if tree is None:
        raise LoadError(f"{name} has no readable HTML content; save the page again from the "
                        "browser (File > Save Page As, complete) or paste its text.")
    metadata = _metadata(copy.deepcopy(tree))
    _drop_furniture(tree)
    notes: list[str] = []
    body = _trafilatura_text(copy.deepcopy(tree))
    if not body:
        body = _visible_text(tree)
        if body:
            notes.append("no article found by trafilatura; using all visible page text")
    if not metadata["title"]:
        title = tree.findtext(".//title")
        metadata["title"] = " ".join(title.split()) if title else ""
    return body, metadata, notes


def visible_estimate(text: str) -> int:
    """About how many characters of text a page shows: scripts, styles and comments left
    out, each tag and the whitespace after it counted as one space. Linear in the page's
    length, and about a second for the largest page the byte limit lets through, so it
    can guard the slow extraction.
    """
    total, pos = 0, 0
    while True:
        opening = _HIDDEN_OPEN.search(text, pos)
        total += _shown_length(text, pos, opening.start() if opening else len(text))
        if opening is None:
            return total
        kind = opening.group(1)
        closer = _HIDDEN_CLOSE[kind.lower()] if kind else _COMMENT_CLOSE
        closing = closer.search(text, opening.end())
        if closing is None:
            return total  # an unclosed script or comment hides the rest of the page
        pos = closing.end()


def _shown_length(text: str, start: int, end: int) -> int:
    # In 1 MB pieces, so no substitution copies a page-sized string; a tag cut at a
    # piece's edge only counts a few characters too many.
    return sum(len(_TAG.sub(" ", text[piece:min(piece + _ESTIMATE_PIECE, end)]))
               for piece in range(start, end, _ESTIMATE_PIECE))


def _parse(text: str, name: str):
    """An lxml.html tree, or None when the text holds no HTML to speak of."""
    import lxml.html
    from lxml import etree

    # lxml refuses str input that carries an XML encoding declaration; the text is
    # already decoded, so re-encode as UTF-8 and tell the parser so. huge_tree lifts
    # libxml2's 256-level nesting limit (deeper text was silently dropped) and its 10 MB
    # text-node limit; the byte and character limits still bound the work.
    parser = lxml.html.HTMLParser(encoding="utf-8", remove_comments=True, no_network=True,
                                  huge_tree=True)
    try:
        tree = lxml.html.fromstring(text.encode("utf-8", errors="replace"), parser=parser)
    except (etree.ParserError, etree.XMLSyntaxError, ValueError):
        tree = None
    _refuse_cut_parse(parser.error_log, name)
    if tree is None:
        return None
    return tree.getroottree().getroot()


def _refuse_cut_parse(error_log, name: str) -> None:
    """A parser that hit a resource limit stopped there: the rest of the page is missing."""
    from lxml import etree

    limits = [e for e in error_log if e.type == etree.ErrorTypes.ERR_RESOURCE_LIMIT]
    if not limits:
        return
    if any("depth" in e.message for e in limits):
        raise LoadError(f"{name} nests its elements more than {MAX_DEPTH:,} levels deep, "
                        "so part of its text cannot be read; paste the article's text "
                        "instead.")
    raise LoadError(f"{name} holds more in one piece than the HTML reader can take, so "
                    "part of its text cannot be read; paste the article's text instead.")


def _drop_furniture(tree) -> None:
    """Cut navigation, header, footer and aside elements (and their ARIA twins) out."""
    for element in tree.xpath(_FURNITURE):
        if element.getparent() is not None:
            element.drop_tree()


def _metadata(tree) -> dict[str, str]:
    from trafilatura import extract_metadata

    try:
        found = extract_metadata(tree)
    except Exception as error:  # metadata is a bonus; never lose the text over it
        log.info("web page metadata unreadable (%s)", type(error).__name__)
        found = None

    def field(attr: str) -> str:
        value = getattr(found, attr, None) if found is not None else None
        return " ".join(str(value).split()) if value else ""

    return {
        "title": field("title"),
        "author": field("author"),
        "published": field("date"),
        "url": field("url"),
        "outlet": field("sitename"),
    }


def _trafilatura_text(tree) -> str:
    from trafilatura import extract

    try:
        # A parsed tree in, plain text out; comments excluded; url deliberately not given.
        extracted = extract(tree, output_format="txt", include_comments=False,
                            include_tables=True, include_images=False, include_links=False)
    except Exception as error:  # trafilatura has many internal failure modes on odd pages
        log.info("trafilatura failed (%s); falling back", type(error).__name__)
        extracted = None
    return _paragraphs(extracted.splitlines()) if extracted else ""


def _visible_text(tree) -> str:
    """All visible text, one paragraph per block element."""
    for element in list(tree.iter(*_DROP)):
        parent = element.getparent()
        if parent is not None:
            element.drop_tree()
    for element in tree.iter(*_BLOCKS):
        element.tail = "\n" + (element.tail or "")
        element.text = "\n" + (element.text or "")
    for element in tree.iter("br"):
        element.tail = "\n" + (element.tail or "")
    return _paragraphs(tree.text_content().splitlines())


def _paragraphs(lines: list[str]) -> str:
    """Non-empty lines, whitespace collapsed, separated by blank lines."""
    cleaned = (_SPACES.sub(" ", line).strip() for line in lines)
    return "\n\n".join(line for line in cleaned if line)
