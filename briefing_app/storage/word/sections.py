"""The briefing's reading part, in the order a decision maker reads it: title line, what
the analyst checked, BLUF, key judgments, key actors, key claims, analyst notes, sources and
the method line.

Only what the analyst kept goes in: an item that is excluded or rejected is left out here
(the appendix still shows it in the full text). Whatever the analyst has not checked says so
wherever it appears ("[unreviewed]"), and page one counts it. Each claim is a sentence
(domain.claim_sentence) with its attribution in plain words after it. Text is cleaned on its
way into the XML, and every name, title and excerpt goes in through `label`, without bidi
controls.

Runs go in through `ooxml.add_run`, each with its `Look`; the small sizes and colours the
export repeats are character styles, defined in the document by `ensure_character_styles`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime

from docx.document import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml.ns import qn
from docx.shared import Pt, RGBColor
from docx.text.paragraph import Paragraph

from briefing_app import APP_NAME, __version__
from briefing_app.domain import claim_sentence as sentences
from briefing_app.domain.display_text import safe_label
from briefing_app.domain.model import CONFIDENCES, Actor, Briefing, Claim
from briefing_app.domain.ops import unchecked_changes
from briefing_app.domain.review import checked_counts
from briefing_app.storage.word import ooxml
from briefing_app.storage.word.ooxml import HIGHLIGHT, Look, add_run, clean, one_line

KIND_WORDS = {"person": "person", "organisation": "organisation", "state": "state",
              "group": "group", "unnamed": "unnamed source"}
# Page one holds about this many actor rows; the rest are named in one line under them.
KEY_ACTOR_ROWS = 8
UNREVIEWED_MARK = "[unreviewed]"
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")
# The export's character styles: style id -> (name, what the style sets). Size and colour
# only: Word flips a bold or italic set in a character style when the paragraph's style has
# it too (toggle properties), so bold and italic stay direct formatting, which is absolute.
CHARACTER_STYLES = {
    "BriefingTableText": ("Briefing Table Text", Look(size=9.5)),
    "BriefingClaimDetails": ("Briefing Claim Details", Look(size=9.5)),
    "BriefingUnreviewed": ("Briefing Unreviewed", Look(colour="A03A00")),
    "BriefingMuted": ("Briefing Muted", Look(colour="555555")),
}
TABLE_TEXT = Look(style="BriefingTableText")
TABLE_HEADER = Look(style="BriefingTableText", bold=True)
CLAIM_DETAILS = Look(style="BriefingClaimDetails")
UNREVIEWED = Look(style="BriefingUnreviewed", bold=True)
# In a table the mark keeps the table's size; a run has one character style, so it is direct.
TABLE_UNREVIEWED = Look(style="BriefingUnreviewed", bold=True, size=9.5)
MUTED = Look(style="BriefingMuted")
PLACEHOLDER = Look(style="BriefingMuted", italic=True)
BOLD = Look(bold=True)
ITALIC = Look(italic=True)


def ensure_character_styles(document: Document) -> None:
    """Define the export's character styles in the document's styles part, once.

    A style of the same id or name the template brings (one saved from an earlier export,
    say) is replaced, so every export looks the same whatever the template.
    """
    styles = document.styles
    names = {name for name, _ in CHARACTER_STYLES.values()}
    for element in styles.element.findall(qn("w:style")):
        name = element.find(qn("w:name"))
        if (element.get(qn("w:styleId")) in CHARACTER_STYLES
                or (name is not None and name.get(qn("w:val")) in names)):
            styles.element.remove(element)
    for style_id, (name, look) in CHARACTER_STYLES.items():
        style = styles.add_style(name, WD_STYLE_TYPE.CHARACTER)
        style.style_id = style_id
        if look.size is not None:
            style.font.size = Pt(look.size)
        if look.colour is not None:
            style.font.color.rgb = RGBColor.from_string(look.colour)


@dataclass
class Context:
    """What every section writer needs: the target, the domain, and how bullets look."""

    document: Document
    briefing: Briefing
    title: str
    now: datetime
    # True when the template had no 'List Bullet' and a glyph-less fallback is used.
    bullet_glyph: bool = False
    # Run shading per actor kind and claim part: the window's tints, the analyst's own
    # actor colours included, so the appendix looks like the reading view.
    highlight: dict[str, str] = field(default_factory=lambda: dict(HIGHLIGHT))
    # Claims no other source of the briefing reports (agreement.single_source_claims).
    single_source: frozenset[str] = frozenset()
    _style_ids: dict[str, str] = field(default_factory=dict)

    def add(self, text: str = "", style: str | None = None) -> Paragraph:
        """A new body paragraph; `style` is a style name the template is known to have."""
        style_id = None
        if style is not None:
            # python-docx resolves a style name by scanning every style each time, which
            # dominates big exports; resolve each name once.
            if style not in self._style_ids:
                self._style_ids[style] = self.document.styles[style].style_id
            style_id = self._style_ids[style]
        paragraph = ooxml.add_paragraph(self.document, style_id)
        if text:
            add_run(paragraph, text)
        return paragraph


def shown(item: Actor | Claim) -> bool:
    """The included rule: kept by the analyst and not rejected."""
    return item.included and item.review != "rejected"


def long_date(moment: datetime) -> str:
    # Month names spelt out and locale-independent: "27 November 2026" reads the same anywhere.
    return f"{moment.day} {MONTHS[moment.month - 1]} {moment.year}"


def label(text: str) -> str:
    """A name, title or excerpt on one line: an override in it would print other words."""
    return one_line(safe_label(text))


def sentence(text: str) -> str:
    text = one_line(text)
    return text if not text or text[-1] in ".!?…\"”'" else text + "."


def heading(ctx: Context, text: str, level: int = 1) -> Paragraph:
    return ctx.add(one_line(text), f"Heading {level}")


def bullet(ctx: Context) -> Paragraph:
    paragraph = ctx.add(style="List Bullet")
    if ctx.bullet_glyph:
        add_run(paragraph, "•\t")
    return paragraph


def placeholder(ctx: Context, text: str) -> None:
    add_run(ctx.add(), text, PLACEHOLDER)


def write_front(ctx: Context) -> None:
    briefing = ctx.briefing
    ctx.add(one_line(ctx.title), "Title")
    count = len(briefing.sources)
    parts = [long_date(ctx.now), one_line(briefing.author),
             f"{count} source{'' if count == 1 else 's'}"]
    ctx.add(" · ".join(p for p in parts if p))
    write_checked(ctx)
    heading(ctx, "Bottom line up front")
    if briefing.bluf.strip():
        for block in clean(briefing.bluf).strip().split("\n\n"):
            ctx.add(block.strip())
    else:
        placeholder(ctx, "[No bottom line written yet]")
    heading(ctx, "Key judgments")
    for judgment in briefing.judgments:
        # The analyst's own sentence as they wrote it; its likelihood and confidence are a
        # label under it, never a template sentence around it.
        paragraph = bullet(ctx)
        add_run(paragraph, one_line(judgment.text))
        tag = sentences.judgment_label(judgment.likelihood, judgment.confidence)
        if tag:
            add_run(paragraph, "\n" + tag, CLAIM_DETAILS)
    if not briefing.judgments:
        placeholder(ctx, "[No key judgments yet]")


def write_checked(ctx: Context) -> None:
    """'Checked by the analyst: 23 of 57 claims, 9 of 14 actors': the truth on page one."""
    claims_done, claims, actors_done, actors = checked_counts(ctx.briefing, shown)
    paragraph = ctx.add()
    add_run(paragraph, "Checked by the analyst: ", BOLD)
    add_run(paragraph, f"{claims_done} of {_count(claims, 'claim')}, "
                       f"{actors_done} of {_count(actors, 'actor')}")
    if claims_done < claims or actors_done < actors:
        add_run(paragraph, f" (the others are marked {UNREVIEWED_MARK})", MUTED)


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"


ACTOR_COLUMNS = ("Actor", "Kind", "Role / affiliation", "Quoted", "Mentioned", "Note")
ACTOR_SHARES = (0.19, 0.16, 0.23, 0.11, 0.15, 0.16)


def write_actors(ctx: Context) -> None:
    briefing = ctx.briefing
    heading(ctx, "Key actors")
    quoted = _quoted(ctx)
    actors = [a for a in briefing.actors if shown(a)]
    if not actors:
        placeholder(ctx, "[No actors included]")
        return
    # A machine-found actor named once and never quoted is as likely a tagging slip as a
    # key actor: it is left to the appendix, which highlights every mention. Should that
    # leave nobody, they are shown after all, each marked unreviewed.
    actors = [a for a in actors if not _doubtful(a, quoted)] or actors
    # How much an actor matters: what they are quoted saying, then how often they appear.
    actors.sort(key=lambda a: (-quoted.get(a.id, 0), -len(a.mentions)))
    actors, rest = actors[:KEY_ACTOR_ROWS], actors[KEY_ACTOR_ROWS:]
    table = ctx.document.add_table(rows=len(actors) + 1, cols=len(ACTOR_COLUMNS))
    table.style = ctx.document.styles["Table Grid"]
    table.autofit = False
    section = ctx.document.sections[-1]
    usable = section.page_width - section.left_margin - section.right_margin
    widths = [int(usable * share) for share in ACTOR_SHARES]
    for column, width in zip(table.columns, widths, strict=True):
        column.width = width
    rows = table.rows
    for cell, text in zip(rows[0].cells, ACTOR_COLUMNS, strict=True):
        add_run(cell.paragraphs[0], text, TABLE_HEADER)
        ooxml.shade_cell(cell, "E7E6E6")
    ooxml.repeat_as_header(rows[0])
    for row, actor in zip(rows[1:], actors, strict=True):
        role = ", ".join(label(p) for p in (actor.role, actor.affiliation) if p.strip())
        values = (label(actor.name), KIND_WORDS.get(actor.kind, actor.kind), role,
                  str(quoted.get(actor.id, 0)), str(len(actor.mentions)), label(actor.note))
        for cell, text, width in zip(row.cells, values, widths, strict=True):
            # Word reads each cell's width, LibreOffice the grid's; set both.
            cell.width = width
            add_run(cell.paragraphs[0], text, TABLE_TEXT)
        if actor.review == "machine":
            add_run(row.cells[0].paragraphs[0], f" {UNREVIEWED_MARK}", TABLE_UNREVIEWED)
    if rest:
        paragraph = ctx.add(style="Caption")
        add_run(paragraph, "Also named: ")
        for number, actor in enumerate(rest):
            add_run(paragraph, (", " if number else "") + label(actor.name))
            if actor.review == "machine":
                add_run(paragraph, f" {UNREVIEWED_MARK}", UNREVIEWED)
        add_run(paragraph, ".")


def _quoted(ctx: Context) -> dict[str | None, int]:
    """How many of the claims the briefing shows each actor is the source of."""
    quoted: dict[str | None, int] = {}
    for claim in ctx.briefing.claims:
        if shown(claim):
            quoted[claim.actor_id] = quoted.get(claim.actor_id, 0) + 1
    return quoted


def _doubtful(actor: Actor, quoted: dict[str | None, int]) -> bool:
    """An unreviewed actor the engine itself is unsure of (when it says so), or one named
    once, never quoted and without an analyst note."""
    if actor.review != "machine":
        return False
    confidence = _confidence(getattr(actor, "confidence", None))
    if confidence is not None:
        return confidence < 0.5
    return not quoted.get(actor.id) and len(actor.mentions) < 2 and not actor.note.strip()


def _confidence(value: object) -> float | None:
    """The engine's confidence as a number from 0 to 1, None when unknown: a number as it
    is, a word (low, moderate, high) by its place in the scale."""
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        return float(value)
    if isinstance(value, str) and value in CONFIDENCES:
        return (CONFIDENCES.index(value) + 0.5) / len(CONFIDENCES)
    return None


_REVIEW_RANK = {"accepted": 0, "edited": 1, "machine": 2}


def claim_rank(claim: Claim) -> tuple[int, float]:
    """Key claims first: the analyst's accepted ones, then edited, then unreviewed; within
    each, the engine's confidence highest first, unknown last (sorting is stable, so ties
    keep the article's order)."""
    confidence = _confidence(getattr(claim, "confidence", None))
    return (_REVIEW_RANK.get(claim.review, 2), -confidence if confidence is not None else 1.0)


def write_claims(ctx: Context) -> None:
    briefing = ctx.briefing
    heading(ctx, "Key claims")
    groups: dict[str | None, list[Claim]] = {}
    for claim in sorted((c for c in briefing.claims if shown(c)), key=claim_rank):
        actor = briefing.actor(claim.actor_id)
        key = actor.id if actor is not None and shown(actor) else None
        groups.setdefault(key, []).append(claim)
    if not groups:
        placeholder(ctx, "[No claims included]")
    # Groups in the order of their best claim, so the top of the section is the best claim.
    for actor_id, claims in groups.items():
        actor = briefing.actor(actor_id)
        paragraph = heading(ctx, label(actor.name) if actor else "Unattributed", 2)
        if actor is not None and actor.review == "machine":
            add_run(paragraph, f" {UNREVIEWED_MARK}", UNREVIEWED)
        for claim in claims:
            write_claim(ctx, claim)


def write_claim(ctx: Context, claim: Claim) -> None:
    """The claim's sentence, then its attribution, rating and place in plain words."""
    briefing = ctx.briefing
    source = briefing.source(claim.source_id)
    text = source.text if source else ""
    actor = briefing.actor(claim.actor_id)
    said = sentences.claim_sentence(claim, text, actor if actor and shown(actor) else None)
    paragraph = bullet(ctx)
    if claim.review == "machine":
        add_run(paragraph, UNREVIEWED_MARK + " ", UNREVIEWED)
    add_run(paragraph, label(said.text))
    add_run(paragraph, "\n")
    details = [sentences.attribution_line(claim, text, said), sentences.rating_line(claim)]
    if claim.id in ctx.single_source:
        details.append("Single source.")
    if source is not None:
        number = briefing.sources.index(source) + 1
        para = claim.paragraph or source.paragraph_of(claim.start)
        details.append(f"Source {number}, paragraph {para}." if para else f"Source {number}.")
    add_run(paragraph, label(" ".join(details)), CLAIM_DETAILS)
    changed = unchecked_changes(claim)
    if changed:
        add_run(paragraph, " " + label(changed), MUTED)
    if claim.comment.strip():
        add_run(paragraph, " Analyst: ", BOLD)
        add_run(paragraph, sentence(claim.comment))


def write_notes(ctx: Context) -> None:
    heading(ctx, "Analyst notes")
    briefing = ctx.briefing
    for note in briefing.notes:
        paragraph = bullet(ctx)
        add_run(paragraph, sentence(note.text))
        source = briefing.source(note.source_id)
        if source is not None and note.end > note.start:
            number = briefing.sources.index(source) + 1
            quoted = label(source.text[note.start:note.end])
            where = f" (Source {number}, para. {source.paragraph_of(note.start)}: “{quoted}”)"
            add_run(paragraph, where, MUTED)
    if not briefing.notes:
        placeholder(ctx, "[No analyst notes]")


def write_sources(ctx: Context) -> None:
    heading(ctx, "Sources")
    for number, source in enumerate(ctx.briefing.sources, 1):
        paragraph = ctx.add()
        add_run(paragraph, f"Source {number}. ", BOLD)
        add_run(paragraph, sentence(label(source.title) or "Untitled"))
        details = _joined([source.outlet, source.author,
                           f"published {source.published}" if source.published else ""])
        if details:
            add_run(paragraph, " " + sentence(details))
        if source.url:
            add_run(paragraph, " " + label(source.url))
        if source.accessed:
            add_run(paragraph, f" (accessed {label(source.accessed)}).")
    pipeline = ctx.briefing.pipeline
    engine = _joined([pipeline.name, pipeline.version], " ")
    method = [f"Made with {APP_NAME} {__version__}"]
    if engine:
        method.append(f"spaCy pipeline {engine}"
                      + (f" (spaCy {pipeline.spacy_version})" if pipeline.spacy_version else ""))
    method.append(f"exported {long_date(ctx.now)}")
    ctx.add("Method: " + "; ".join(method) + ".", "Caption")


def _joined(parts: Iterable[str], glue: str = ", ") -> str:
    return glue.join(label(p) for p in parts if p and p.strip())
