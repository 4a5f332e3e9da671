"""Hand-built sources and analyses with known spans, for tests that must not depend on
what the real engine finds today. An emoji and CRLF line ends come before every span.
"""

from __future__ import annotations

import hashlib
import re

from briefing_app.domain.model import Actor, Analysis, Claim, Mention, PipelineInfo, Source, Span

TEXT = (
    "Port strike 😀 talks stall\r\n"
    "\r\n"
    "Chancellor Markus Vollrath said that the port would reopen soon.\r\n"
    "\r\n"
    "Union negotiator Katrin Oehlert reportedly warned that the strike could last weeks.\r\n"
    "\r\n"
    "According to officials, the ministry is preparing emergency legislation.\r\n"
)


def make_source(text: str = TEXT, source_id: str = "s1") -> Source:
    paragraphs = [(m.start(), m.end()) for m in re.finditer(r"[^\r\n]+", text)]
    return Source(id=source_id, text=text, paragraphs=paragraphs, title="Port strike",
                  sha256=hashlib.sha256(text.encode("utf-8")).hexdigest())


def _span(text: str, needle: str, after: int = 0) -> Span:
    start = text.index(needle, after)
    return Span(start, start + len(needle))


def make_analysis(source: Source) -> Analysis:
    """Three actors and three claims found by their words in `source.text`."""
    text = source.text

    def mention(needle: str) -> Mention:
        span = _span(text, needle)
        return Mention(source.id, span.start, span.end)

    actors = [
        Actor("a1", "Markus Vollrath", "person", role="Chancellor",
              mentions=[mention("Markus Vollrath")]),
        Actor("a2", "Katrin Oehlert", "person", role="Union negotiator",
              mentions=[mention("Katrin Oehlert")]),
        Actor("a3", "officials", "unnamed", mentions=[mention("officials")]),
    ]
    claims = [
        Claim("c1", source.id, "reported", _span(text, "the port would reopen soon"),
              source_span=_span(text, "Chancellor Markus Vollrath"), cue=_span(text, "said"),
              stance="assert", actor_id="a1", paragraph=2),
        Claim("c2", source.id, "reported", _span(text, "the strike could last weeks"),
              source_span=_span(text, "Union negotiator Katrin Oehlert"),
              cue=_span(text, "warned"), stance="warn", actor_id="a2",
              hedges=[_span(text, "reportedly"), _span(text, "could")], paragraph=3),
        Claim("c3", source.id, "according_to",
              _span(text, "the ministry is preparing emergency legislation"),
              source_span=_span(text, "officials"), cue=_span(text, "According to"),
              stance="assert", actor_id="a3", paragraph=4),
    ]
    return Analysis(source.id, source.sha256, PipelineInfo("handmade", "1", ""),
                    actors=actors, claims=claims)


class FakeEngine:
    """Stands in for spaCy in the worker: the hand-made analysis of whatever it is given.

    `gate`, when set, is a threading.Event the analysis waits for, so a test can hold a
    job running while it checks cancel or the wait-for-analysis rule.
    """

    def __init__(self, gate=None):
        self.gate = gate
        self.loaded: list[str | None] = []

    def load(self, name):
        self.loaded.append(name)
        return object()

    def analyze(self, nlp, source, progress, cancelled):
        progress(0.5)
        while self.gate is not None and not self.gate.wait(0.01):
            if cancelled():
                return None
        if cancelled():
            return None
        progress(1.0)
        return make_analysis(source)
