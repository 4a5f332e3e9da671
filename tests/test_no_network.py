"""No network: a full open-analyse-review-save-export run never opens a connection."""



from briefing_app.domain.model import Rating
from briefing_app.export_cli import briefing_for_export
from briefing_app.storage.project_file import load_project, save_project
from briefing_app.storage.word.export import export_briefing

PAGE = """<html><head><title>Port strike</title><link rel="canonical" href="https://example.org/a">
<script src="https://example.org/tracker.js"></script></head><body><article>
<p>The port authority said on Monday that the talks had failed.</p>
<p>"We will not move," union leader Anna Berg told reporters, according to a statement.</p>
<img src="https://example.org/pixel.gif"></article></body></html>"""


def test_full_run_opens_no_connection(tmp_path, nlp, no_sockets):
    page = tmp_path / "page.html"
    page.write_text(PAGE, encoding="utf-8")
    briefing = briefing_for_export(page, None)
    assert briefing.claims
    for claim in briefing.claims:
        claim.review = "accepted"
        claim.rating = Rating("B", "2", "likely", "unverified")
    project = tmp_path / "strike.briefing"
    save_project(briefing, project)
    reopened = load_project(project)
    export_briefing(reopened, tmp_path / "strike.docx", mark="TLP:AMBER")
    assert (tmp_path / "strike.docx").stat().st_size > 0
