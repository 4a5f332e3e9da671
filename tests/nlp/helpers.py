"""Small helpers for the engine tests: analyse a string, find claims and actors by text."""

from __future__ import annotations

from briefing_app.domain.model import Analysis, Claim
from briefing_app.nlp.engine import analyze
from briefing_app.storage.readers.load import load_text


class Result:
    """An analysis with its text, and look-ups by the words a reader sees."""

    def __init__(self, nlp, text: str):
        self.source = load_text(text)
        self.text = self.source.text
        self.analysis: Analysis = analyze(nlp, self.source)

    def claims(self) -> list[Claim]:
        return [c for c in self.analysis.claims if c.cue is not None]

    def claim(self, content_words: str) -> Claim:
        found = [c for c in self.claims() if content_words in self.content(c)]
        assert found, f"no claim with {content_words!r}: {[self.content(c) for c in self.claims()]}"
        return found[0]

    def content(self, claim: Claim) -> str:
        return claim.content.text(self.text)

    def source_text(self, claim: Claim) -> str | None:
        return claim.source_span.text(self.text) if claim.source_span else None

    def cue(self, claim: Claim) -> str:
        return claim.cue.text(self.text)

    def actor(self, name: str):
        found = [a for a in self.analysis.actors if a.name == name]
        assert found, f"no actor {name!r}: {[a.name for a in self.analysis.actors]}"
        return found[0]

    def actor_of(self, claim: Claim):
        return next((a for a in self.analysis.actors if a.id == claim.actor_id), None)

    def mentions(self, name: str) -> list[str]:
        return [self.text[m.start : m.end] for m in self.actor(name).mentions]
