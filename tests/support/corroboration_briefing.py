"""The three-outlet sample briefing (resources/samples/corroboration), analysed for real."""

from pathlib import Path

from briefing_app.domain.intake import prepare_source
from briefing_app.domain.model import Briefing
from briefing_app.domain.ops import add_source, apply_analysis
from briefing_app.paths import sample_path

SAMPLES = ("sws_wire.html", "borduria_herald.html", "klow_evening_post.html")


def sample_files() -> list[Path]:
    return [sample_path(f"corroboration/{name}") for name in SAMPLES]


def sample_briefing(nlp) -> Briefing:
    from briefing_app.nlp.engine import analyze
    from briefing_app.storage.readers.load import load_path

    briefing = Briefing(title="Klow terminal fire")
    for path in sample_files():
        source = prepare_source(briefing, load_path(path), str(path)).source
        add_source(briefing, source)
        apply_analysis(briefing, analyze(nlp, source))
    return briefing


def words(briefing: Briefing, claim_id: str) -> str:
    claim = briefing.claim(claim_id)
    return claim.words(briefing.source(claim.source_id).text)


WIRE = ("KLOW (SWS) - Fire chief Ottokar Wendt said the blaze destroyed three warehouses at "
        "the terminal. The dockworkers' union said the port authority had ignored repeated "
        "safety warnings about the wiring. Shipping is expected to resume on Wednesday, "
        "officials said.")
POST = ("Three warehouses were destroyed by the blaze at the terminal, the fire service "
        "confirmed. The port authority denied that it had ignored safety warnings about the "
        "wiring. Police said an electrical fault probably started the fire.")
# (source index, content, speaker, cue, stance) of each hand-marked claim.
HAND_CLAIMS = (
    (0, "the blaze destroyed three warehouses at the terminal", "Fire chief Ottokar Wendt",
     "said", "assert"),
    (0, "the port authority had ignored repeated safety warnings about the wiring",
     "The dockworkers' union", "said", "assert"),
    (0, "Shipping is expected to resume on Wednesday", "officials", "said", "assert"),
    (2, "Three warehouses were destroyed by the blaze at the terminal", "the fire service",
     "confirmed", "assert"),
    (2, "that it had ignored safety warnings about the wiring", "The port authority", "denied",
     "deny"),
    (2, "an electrical fault probably started the fire", "Police", "said", "assert"),
)


def hand_briefing() -> Briefing:
    """The same story marked by hand, no engine: the wire, its copy, the Post's own report."""
    from briefing_app.domain.model import Claim, Source, Span

    texts = (WIRE, WIRE + " This report was supplied by the Syldavian Wire Service.", POST)
    outlets = ("Syldavian Wire Service", "Borduria Herald", "Klow Evening Post")
    briefing = Briefing(title="Klow terminal fire")
    for number, (text, outlet) in enumerate(zip(texts, outlets)):
        briefing.sources.append(Source(f"s{number}", text, [(0, len(text))], title=outlet,
                                       outlet=outlet))
    marked = [c for c in HAND_CLAIMS] + [(1, *c[1:]) for c in HAND_CLAIMS if c[0] == 0]
    for number, (index, content, speaker, cue, stance) in enumerate(marked):
        text = texts[index]

        def span(words, text=text):
            start = text.index(words)
            return Span(start, start + len(words))

        briefing.claims.append(Claim(
            f"c{number}", f"s{index}", "reported", span(content), source_span=span(speaker),
            cue=span(cue), stance=stance, paragraph=1))
    return briefing
