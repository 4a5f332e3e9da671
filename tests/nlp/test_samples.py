"""The bundled sample articles, analysed end to end: specific actors, merges and claims."""

from pathlib import Path

import pytest

from briefing_app.nlp.engine import analyze
from briefing_app.storage.readers.load import load_path
from tests.nlp.helpers import Result

SAMPLES = Path(__file__).resolve().parents[2] / "resources" / "samples"


@pytest.fixture(scope="module")
def sample(nlp):
    cache = {}

    def get(name: str) -> Result:
        if name not in cache:
            result = Result.__new__(Result)
            result.source = load_path(SAMPLES / f"{name}.txt")
            result.text = result.source.text
            result.analysis = analyze(nlp, result.source)
            cache[name] = result
        return cache[name]

    return get


def test_wire_report_actors(sample):
    r = sample("wire_report")
    assert r.mentions("Markus Vollrath") == ["Markus Vollrath", "Vollrath", "Vollrath"]
    vollrath = r.actor("Markus Vollrath")
    assert (vollrath.kind, vollrath.role, vollrath.affiliation) == (
        "person", "Chancellor", "Germany")
    assert r.mentions("Germany") == ["Berlin", "Berlin", "Germany"]
    assert r.mentions("United States") == ["Washington", "U.S."]
    assert r.actor("Elena Sturm").role == "Finance Minister"
    assert r.actor("U.S. official").affiliation == "United States"


def test_wire_report_claims(sample):
    r = sample("wire_report")
    quote = r.claim("Every day this port stands still")
    assert quote.kind == "direct_quote" and r.cue(quote) == "told"
    assert r.actor_of(quote).name == "Markus Vollrath"
    union = r.claim("the union would not resume talks")
    assert r.actor_of(union).name == "Katrin Oehlert" and union.stance == "assert"
    kiel = r.claim("the stoppage is costing the German economy")
    assert kiel.kind == "according_to"
    warned = r.claim("the figure could rise sharply")
    assert warned.stance == "warn" and [r.text[h.start:h.end] for h in warned.hedges] == ["could"]
    she = r.claim("a prolonged stoppage would weigh on exports")
    assert r.source_text(she) == "she" and r.actor_of(she).name == "Elena Sturm"
    spokesperson = r.claim("no plans to intervene")
    assert r.actor_of(spokesperson).affiliation == "Markus Vollrath"


def test_interview_piece_split_quotes_and_pronouns(sample):
    r = sample("interview_piece")
    ready = r.claim("We are ready")
    assert [r.text[s:e] for s, e in ready.content.pieces()] == [
        '"We are ready,"', '"but not at any price."']
    assert r.actor_of(ready).name == "Ingrid Solberg-Aas"
    assert r.actor("Ingrid Solberg-Aas").kind == "person"
    colleague = r.claim("Pieter is a good colleague")
    assert r.actor_of(colleague).name == "Ingrid Solberg-Aas"
    haugen = r.claim("Nobody in Oslo wants a trade war")
    assert r.actor_of(haugen).name == "Lars Haugen"
    assert "We want a fair share" in r.content(haugen)
    assert r.mentions("European Union").count("Brussels") == 4


def test_interview_piece_multi_paragraph_quote(sample):
    r = sample("interview_piece")
    session = next(c for c in r.analysis.claims if "We sat in that room" in r.content(c))
    assert "I think both sides were relieved" in r.content(session)


def test_analysis_piece_hedges(sample):
    r = sample("analysis_piece")
    reported = r.claim("Turkmenistan's president")
    assert reported.source_span is None and r.cue(reported) == "reported"
    believed = r.claim("wary of antagonising Russia")
    assert "is believed to" in [r.text[h.start:h.end] for h in believed.hedges]
    allegedly = r.claim("the seabed had not been properly surveyed")
    assert "allegedly" in [r.text[h.start:h.end] for h in allegedly.hedges]
    assert r.actor_of(r.claim("fully committed")).name == "Rauf Mammadli"
    hedged = [c for c in r.analysis.claims if c.kind == "hedged_assertion"]
    assert any("might arrive too late" in r.content(c) for c in hedged)


def test_unnamed_sources_piece(sample):
    r = sample("unnamed_sources")
    unnamed = {a.name: a.affiliation for a in r.analysis.actors if a.kind == "unnamed"}
    assert unnamed["officials at State Department"] == "State Department"
    assert unnamed["European official"] == "European Union"
    assert unnamed["Officials in Bamako"] == "Mali"  # a capital acting as government is its state
    assert unnamed["National Security Council spokesperson"] == "National Security Council"
    assert "two people familiar with matter" in unnamed
    nobody = r.claim("Nobody wants to blow this up")
    assert len(nobody.content.pieces()) == 2 and r.actor_of(nobody).name == "diplomat"
    matter = r.claim("would target at least four companies")
    assert matter.kind == "according_to"
    assert r.actor_of(matter).name == "two people familiar with matter"
