"""Names and labels made safe to show: invisible bidi controls taken out of display text.

An actor name, a role, a source title or a claim excerpt holding a right-to-left override
(U+202E) shows different words from the stored ones: the stored "elohssa Jones" with an
override before its first word reads "asshole Jones" on screen and in Word. Every place
that shows such text as a label (the panels' tables, tooltips, the export's tables,
headings and key-claim lines) passes it through `safe_label`; the stored data and the
article text as written are left alone.
"""

from __future__ import annotations

# The explicit embeddings, overrides and isolates (UAX #9 classes LRE, RLE, PDF, LRO, RLO,
# LRI, RLI, FSI, PDI) and the three implicit marks (LRM, RLM, ALM). All are invisible.
BIDI_CONTROLS = frozenset(
    "\u202a\u202b\u202c\u202d\u202e"  # LRE, RLE, PDF, LRO, RLO
    "\u2066\u2067\u2068\u2069"  # LRI, RLI, FSI, PDI
    "\u200e\u200f\u061c"  # LRM, RLM, ALM
)
_REMOVE = dict.fromkeys(map(ord, BIDI_CONTROLS))


def safe_label(text: str) -> str:
    """`text` without bidi control characters, every visible character kept in order.

    Removing, rather than wrapping the text in a first-strong isolate (U+2068 … U+2069),
    because an isolate only keeps the text from reordering its neighbours: an override
    inside it still reverses the letters within, so "elohssa" would still read "asshole".
    Nothing is lost for a genuine Arabic or Hebrew name: its letters are strongly
    right-to-left by themselves, so the Unicode bidi algorithm shows them in the right
    order without any control. The marks go too: invisible, they can still move digits and
    punctuation around a name, and a label has no sentence around it that needs them.
    """
    return text.translate(_REMOVE)
