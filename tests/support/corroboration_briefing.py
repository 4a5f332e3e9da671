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
