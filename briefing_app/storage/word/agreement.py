"""The briefing's "Where sources agree and disagree" section, after the key claims.

Each contested or corroborated proposition (domain.corroboration) as one bullet: what it
says, whether it is contradicted or how many independent sources confirm it, then each claim
source by source with its attribution, hedges and rating, and why a source does not count
as independent. Unreviewed claims say so here too. A briefing of one source has no such
section: there is nothing to compare.
"""

from __future__ import annotations

from briefing_app.domain import claim_sentence as sentences
from briefing_app.domain.corroboration import (
    CONTRADICTED,
    CONTRADICTS,
    CORROBORATED,
    SINGLE_SOURCE,
    SUPPORTS,
    Corroboration,
    Proposition,
)
from briefing_app.storage.word.ooxml import Look, add_run
from briefing_app.storage.word.sections import (
    BOLD,
    CLAIM_DETAILS,
    TABLE_UNREVIEWED,
    UNREVIEWED_MARK,
    Context,
    bullet,
    heading,
    label,
    placeholder,
    sentence,
    shown,
)

HEADING = "Where sources agree and disagree"
# Why a claim is no independent confirmation: muted, at the size of the lines it ends.
NOT_INDEPENDENT = Look(style="BriefingMuted", size=9.5)


def single_source_claims(found: Corroboration) -> frozenset[str]:
    """The ids of claims no other source reports: page one marks them 'Single source'."""
    return frozenset(claim_id for p in found.propositions if p.status == SINGLE_SOURCE
                     for claim_id in p.claim_ids())


def write_agreement(ctx: Context, found: Corroboration) -> None:
    if len(ctx.briefing.sources) < 2:
        return
    heading(ctx, HEADING)
    shown_ones = [p for p in found.propositions if p.status in (CONTRADICTED, CORROBORATED)]
    if not shown_ones:
        placeholder(ctx, "[No claim is reported by more than one source]")
    for proposition in shown_ones:
        _write_proposition(ctx, proposition)


def _verdict(proposition: Proposition) -> str:
    count = proposition.independent_sources
    sources = f"{count} independent source{'' if count == 1 else 's'}"
    if proposition.status == CONTRADICTED:
        return f"Contradicted; reported by {sources}. "
    return f"Corroborated by {sources}. "


def _write_proposition(ctx: Context, proposition: Proposition) -> None:
    briefing = ctx.briefing
    # What is asserted, in the words of the first source that asserts it.
    first = briefing.claim(proposition.claim_ids(SUPPORTS)[0])
    words = first.words(briefing.source(first.source_id).text)
    paragraph = bullet(ctx)
    add_run(paragraph, _verdict(proposition), BOLD)
    add_run(paragraph, sentence(label(words[:1].upper() + words[1:])))
    for placed in proposition.claims:
        claim = briefing.claim(placed.claim_id)
        source = briefing.sources[placed.source]
        add_run(paragraph, "\n")
        where = f"Source {placed.source + 1}" + (f" ({label(source.outlet)})"
                                                 if source.outlet else "")
        role = "denies or contradicts it" if placed.role == CONTRADICTS else "reports it"
        add_run(paragraph, f"{where} {role}: ", CLAIM_DETAILS)
        if claim.review == "machine":
            add_run(paragraph, UNREVIEWED_MARK + " ", TABLE_UNREVIEWED)  # at the details size
        said = _sentence(ctx, claim)
        details = [label(said.text),
                   sentences.attribution_line(claim, source.text, said),
                   sentences.rating_line(claim)]
        add_run(paragraph, " ".join(details), CLAIM_DETAILS)
        if not placed.independent:
            add_run(paragraph, f" Not independent: {label(placed.note)}.", NOT_INDEPENDENT)


def _sentence(ctx: Context, claim):
    source = ctx.briefing.source(claim.source_id)
    actor = ctx.briefing.actor(claim.actor_id)
    return sentences.claim_sentence(claim, source.text, actor if actor and shown(actor) else None)
