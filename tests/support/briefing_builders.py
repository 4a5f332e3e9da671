"""Hand-built briefings for the storage tests: an invented port strike in two articles.

Offsets are found by searching the texts, so the articles can be edited freely. Tests load
this module by path (pytest runs with --import-mode=importlib and no conftest is shared).
"""

from __future__ import annotations

from briefing_app.domain.model import (
    Actor,
    Briefing,
    Claim,
    Judgment,
    Mention,
    Note,
    PipelineInfo,
    Rating,
    Source,
    Span,
)

HARBOUR_PARAGRAPHS = [
    "Talks between the Dockworkers' Union and the Port Authority broke down on Monday, "
    "leaving more than 40 ships waiting outside the harbour.",
    "\"We will not go back until the offer changes,\" union leader Tomas Berg said after "
    "the meeting.",
    "Port Authority chief executive Maria Lind warned that the strike would cost the region "
    "millions each day.",
    "According to officials at the transport ministry, the government is reportedly "
    "preparing emergency legislation.",
    "The strike is believed to be the longest since 1998.",
    "The storm last week destroyed two cranes at the container terminal.",
]
WIRE_PARAGRAPHS = [
    "Maria Lind said on Tuesday that the authority had made its final offer.",
    "Union members allegedly blocked a fuel convoy near the north gate, some sources say.",
    "Tomas Berg denied that the union had threatened port staff.",
]


def make_source(source_id: str, paragraphs: list[str], **metadata: str) -> Source:
    text = "\n\n".join(paragraphs)
    bounds, start = [], 0
    for paragraph in paragraphs:
        bounds.append((start, start + len(paragraph)))
        start += len(paragraph) + 2
    return Source(id=source_id, text=text, paragraphs=bounds, **metadata)


def span(source: Source, phrase: str, nth: int = 0) -> Span:
    """The Span of the nth occurrence of `phrase` in the source's text."""
    start = -1
    for _ in range(nth + 1):
        start = source.text.index(phrase, start + 1)
    return Span(start, start + len(phrase))


def mention(source: Source, phrase: str, nth: int = 0) -> Mention:
    found = span(source, phrase, nth)
    return Mention(source.id, found.start, found.end)


def sample_briefing() -> Briefing:
    """Two sources; claims of every kind; rejected, excluded and unreviewed items; notes."""
    s1 = make_source(
        "s1", HARBOUR_PARAGRAPHS, title="Port strike talks collapse", outlet="Harbour Courier",
        author="Ines Halvorsen", published="2026-11-23", url="https://example.org/strike",
        accessed="2026-11-27")
    s2 = make_source(
        "s2", WIRE_PARAGRAPHS, title="Port authority says offer is final", outlet="Nordic Wire",
        published="2026-11-24", url="https://example.net/wire/881", accessed="2026-11-27")
    actors = [
        Actor("a1", "Dockworkers' Union", "organisation", note="hard line",
              mentions=[mention(s1, "Dockworkers' Union")], review="accepted"),
        Actor("a2", "Tomas Berg", "person", role="union leader",
              affiliation="Dockworkers' Union",
              mentions=[mention(s1, "Tomas Berg"), mention(s2, "Tomas Berg")],
              review="accepted"),
        Actor("a3", "Maria Lind", "person", role="chief executive", affiliation="Port Authority",
              mentions=[mention(s1, "Maria Lind"), mention(s2, "Maria Lind")]),
        Actor("a4", "unnamed officials", "unnamed", affiliation="transport ministry",
              note="single source", mentions=[mention(s1, "officials")], review="edited"),
        Actor("a5", "North Gate", "state", mentions=[mention(s2, "north gate")],
              review="rejected"),
        Actor("a6", "The Region", "state", mentions=[mention(s1, "the region")],
              included=False),
    ]
    split = span(s1, "The strike is believed to be the longest since 1998")
    first, last = span(s1, "The strike"), span(s1, "the longest since 1998")
    claims = [
        Claim("c1", "s1", "direct_quote", span(s1, "We will not go back until the offer changes"),
              source_span=span(s1, "union leader Tomas Berg"), cue=span(s1, "said"),
              stance="assert", actor_id="a2", paragraph=2,
              rating=Rating("B", "2", "likely", "unverified"),
              comment="Repeated in source 2.", review="accepted"),
        Claim("c2", "s1", "reported",
              span(s1, "the strike would cost the region millions each day"),
              source_span=span(s1, "Port Authority chief executive Maria Lind"),
              cue=span(s1, "warned"), stance="warn", actor_id="a3", paragraph=3),
        Claim("c3", "s1", "according_to",
              span(s1, "the government is reportedly preparing emergency legislation"),
              source_span=span(s1, "officials at the transport ministry"),
              cue=span(s1, "According to"), stance="assert", actor_id="a4",
              hedges=[span(s1, "reportedly")], paragraph=4,
              rating=Rating("F", "3", "roughly even chance"), review="edited"),
        Claim("c4", "s1", "hedged_assertion",
              Span(split.start, split.end,
                   [(first.start, first.end), (last.start, last.end)]),
              cue=span(s1, "is believed to be"), hedges=[span(s1, "is believed to")],
              paragraph=5, rating=Rating(status="disputed"), review="accepted"),
        Claim("c5", "s1", "assertion",
              span(s1, "The storm last week destroyed two cranes at the container terminal"),
              paragraph=6, review="accepted", included=False),
        Claim("c6", "s2", "reported",
              span(s2, "Union members allegedly blocked a fuel convoy near the north gate"),
              source_span=span(s2, "some sources"), cue=span(s2, "say"),
              hedges=[span(s2, "allegedly")], paragraph=2, review="rejected"),
        Claim("c7", "s2", "reported", span(s2, "the authority had made its final offer"),
              source_span=span(s2, "Maria Lind"), cue=span(s2, "said"), stance="assert",
              actor_id="a3", paragraph=1, rating=Rating("C", "3", "very likely", "corroborated"),
              review="accepted"),
        Claim("c8", "s2", "reported", span(s2, "the union had threatened port staff"),
              source_span=span(s2, "Tomas Berg"), cue=span(s2, "denied"), stance="deny",
              actor_id="a2", paragraph=3, comment="No other outlet reports threats.",
              review="accepted"),
    ]
    ships = span(s1, "more than 40 ships")
    notes = [
        Note("n1", "Check the vessel count against AIS data.", "s1", ships.start, ships.end),
        Note("n2", "Both outlets rely on the same union press release."),
    ]
    judgments = [
        Judgment("j1", "the strike continues past Friday", "likely", "moderate"),
        Judgment("j2", "the government passes emergency legislation this month",
                 "roughly even chance", "low"),
    ]
    return Briefing(
        title="Port strike talks stall", author="J. Analyst", mark="TLP:AMBER",
        bluf="Talks between the dockworkers' union and the port authority broke down on "
             "Monday; the government is reportedly preparing emergency legislation. "
             "Disruption likely lasts into next week.",
        judgments=judgments, sources=[s1, s2], actors=actors, claims=claims, notes=notes,
        pipeline=PipelineInfo("en_core_web_sm", "3.8.0", "3.8.2"), created="2026-11-27T09:30:00",
    )


def large_briefing(words: int = 50_000, n_claims: int = 500, n_actors: int = 200) -> Briefing:
    """A generated source of about `words` words with many actors and claims (load tests)."""
    sentence = ("Official {n} of the ministry said that the harbour talks would resume "
                "reportedly on Monday after the union offered a new proposal.")
    paragraphs, count, n = [], 0, 0
    while count < words:
        body = " ".join(sentence.format(n=n + k) for k in range(5))
        paragraphs.append(body)
        count += len(body.split())
        n += 5
    source = make_source("big", paragraphs, title="Generated wire copy", outlet="Load Test")
    text = source.text
    starts, position = [], text.find("Official ")
    while position >= 0:
        starts.append(position)
        position = text.find("Official ", position + 1)
    actors = []
    for i in range(n_actors):
        at = starts[i % len(starts)]
        name_end = text.index(" of", at)
        actors.append(Actor(f"a{i}", text[at:name_end], "person", role="official",
                            mentions=[Mention("big", at, name_end)], review="accepted"))
    claims = []
    for i in range(n_claims):
        at = starts[(i * 7) % len(starts)]
        cue = text.index("said", at)
        content_end = text.index(".", cue)
        hedge = text.index("reportedly", cue)
        claims.append(Claim(
            f"c{i}", "big", "reported", Span(cue + 10, content_end),
            source_span=Span(at, text.index(" of", at)), cue=Span(cue, cue + 4),
            stance="assert", actor_id=f"a{i % n_actors}", hedges=[Span(hedge, hedge + 10)],
            paragraph=source.paragraph_of(at), rating=Rating("B", "2", "likely"),
            comment="Check." if i % 10 == 0 else "", review="accepted"))
    return Briefing(title="Load test", author="Bench", sources=[source], actors=actors,
                    claims=claims, bluf="A generated briefing.")
