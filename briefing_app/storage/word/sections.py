"""The briefing's reading part, in the order a decision maker reads it: title line, BLUF,
key judgments, key actors, key claims, analyst notes, sources and the method line.

Only what the analyst kept goes in: an item that is excluded or rejected is left out here
(the appendix still shows it in the full text). Text is cleaned on its way into the XML,
and every name, title and excerpt goes in through `label`, without bidi controls.

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
from briefing_app.domain.display_text import safe_label
from briefing_app.domain.model import LIKELIHOODS, Actor, Briefing, Claim
from briefing_app.storage.word import ooxml
from briefing_app.storage.word.ooxml import HIGHLIGHT, Look, add_run, clean, one_line

KIND_WORDS = {"person": "person", "organisation": "organisation", "state": "state",
              "group": "group", "unnamed": "unnamed source"}
CLAIM_WORDS = {"direct_quote": "Direct quote", "reported": "Reported",
               "according_to": "According to", "hedged_assertion": "Hedged assertion",
               "assertion": "Assertion"}
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
    heading(ctx, "Bottom line up front")
    if briefing.bluf.strip():
        for block in clean(briefing.bluf).strip().split("\n\n"):
            ctx.add(block.strip())
    else:
        placeholder(ctx, "[No bottom line written yet]")
    heading(ctx, "Key judgments")
    for judgment in briefing.judgments:
        add_run(bullet(ctx), judgment_text(judgment.text, judgment.likelihood,
                                           judgment.confidence))
    if not briefing.judgments:
        placeholder(ctx, "[No key judgments yet]")


def judgment_text(text: str, likelihood: str, confidence: str) -> str:
    """'It is likely (55-80 %) that X. Moderate confidence.' as ICD 203 phrases it."""
    body = sentence(text)
    if likelihood in LIKELIHOODS:
        body = f"It is {likelihood} ({LIKELIHOODS[likelihood]}) that {body}"
    if confidence:
        body += f" {confidence.capitalize()} confidence."
    return body


ACTOR_COLUMNS = ("Actor", "Kind", "Role / affiliation", "Quoted", "Mentioned", "Note")
ACTOR_SHARES = (0.19, 0.16, 0.23, 0.11, 0.15, 0.16)


def write_actors(ctx: Context) -> None:
    briefing = ctx.briefing
    heading(ctx, "Key actors")
    quoted: dict[str | None, int] = {}
    for claim in briefing.claims:
        if shown(claim):
            quoted[claim.actor_id] = quoted.get(claim.actor_id, 0) + 1
    actors = [a for a in briefing.actors if shown(a)]
    if not actors:
        placeholder(ctx, "[No actors included]")
        return
    # A machine-found actor named once and never quoted is a passing mention, not a key
    # actor: one line under the table keeps page one readable and the reader informed.
    minor = [a for a in actors if _passing(a, quoted)]
    actors = [a for a in actors if not _passing(a, quoted)] or minor
    if actors is minor:
        minor = []
    # Who speaks most comes first; the decision maker reads the top rows only.
    actors.sort(key=lambda a: (-quoted.get(a.id, 0), -len(a.mentions)))
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
    if minor:
        names = ", ".join(label(a.name) for a in minor)
        ctx.add(f"Also mentioned once: {names}.", "Caption")


def _passing(actor: Actor, quoted: dict[str | None, int]) -> bool:
    return (actor.review == "machine" and not quoted.get(actor.id) and len(actor.mentions) < 2
            and not actor.note.strip())


def write_claims(ctx: Context) -> None:
    briefing = ctx.briefing
    heading(ctx, "Key claims")
    groups: dict[str | None, list[Claim]] = {}
    for claim in briefing.claims:
        if shown(claim):
            actor = briefing.actor(claim.actor_id)
            key = actor.id if actor is not None and shown(actor) else None
            groups.setdefault(key, []).append(claim)
    if not groups:
        placeholder(ctx, "[No claims included]")
    order = [a.id for a in briefing.actors if a.id in groups] + ([None] if None in groups else [])
    for actor_id in order:
        actor = briefing.actor(actor_id)
        heading(ctx, label(actor.name) if actor else "Unattributed", 2)
        for claim in groups[actor_id]:
            write_claim(ctx, claim)


def write_claim(ctx: Context, claim: Claim) -> None:
    source = ctx.briefing.source(claim.source_id)
    text = source.text if source else ""
    paragraph = bullet(ctx)
    if claim.review == "machine":
        add_run(paragraph, "[unreviewed] ", UNREVIEWED)
    content = label(claim.words(text))
    if claim.kind == "direct_quote":
        content = f"“{sentence(content)}”"
    else:
        # Verbatim apart from the first letter: a bullet reads as a sentence.
        content = sentence(content[:1].upper() + content[1:])
    add_run(paragraph, content + " ")
    add_run(paragraph, attribution(claim, text, ctx.briefing), ITALIC)
    add_run(paragraph, "\n")
    details = [rating_text(claim)]
    if source is not None:
        number = ctx.briefing.sources.index(source) + 1
        para = claim.paragraph or source.paragraph_of(claim.start)
        details.append(f"Source {number}, para. {para}" if para else f"Source {number}")
    details = " ".join(sentence(d) for d in details if d)
    add_run(paragraph, details, CLAIM_DETAILS)
    if claim.comment.strip():
        add_run(paragraph, " Analyst: ", BOLD)
        add_run(paragraph, sentence(claim.comment))


def attribution(claim: Claim, text: str, briefing: Briefing) -> str:
    """'Direct quote; said (assert). Hedges: "reportedly".' — hedges are never dropped."""
    first = CLAIM_WORDS.get(claim.kind, claim.kind)
    actor = briefing.actor(claim.actor_id)
    said_by = label(claim.source_span.text(text)) if claim.source_span else ""
    if claim.kind == "according_to" and said_by:
        first += f" {said_by}"
    elif said_by and (actor is None or not shown(actor)):
        first += f" by {said_by}"
    parts = [first]
    cue = label(claim.cue.text(text)) if claim.cue is not None else ""
    # "According to" is both the kind and the cue; saying it twice reads like a glitch.
    if cue and cue.lower() != CLAIM_WORDS["according_to"].lower():
        parts.append(f"{cue} ({claim.stance})" if claim.stance else cue)
    result = "; ".join(parts) + "."
    hedges = [label(h.text(text)) for h in claim.hedges]
    if hedges:
        result += " Hedges: " + ", ".join(f"“{h}”" for h in hedges) + "."
    return result


def rating_text(claim: Claim) -> str:
    rating = claim.rating
    return " · ".join(p for p in (rating.admiralty, rating.likelihood, rating.status) if p)


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
