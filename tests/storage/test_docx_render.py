"""Word export read by a real word processor: LibreOffice turns it into a PDF whose text
must hold what the decision maker needs, with the handling mark on every page.

Skips without soffice/pdftotext locally; fails on CI (CI=true), where .ci/run installs them.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from datetime import datetime
from pathlib import Path

import pytest

from briefing_app.storage.word import sections
from briefing_app.storage.word.export import export_briefing
from support import briefing_builders as builders


def _tools_or_skip() -> tuple[str, str]:
    soffice, pdftotext = shutil.which("soffice"), shutil.which("pdftotext")
    if soffice and pdftotext:
        return soffice, pdftotext
    message = "LibreOffice (soffice) and poppler-utils (pdftotext) are needed"
    if os.environ.get("CI") == "true":
        pytest.fail(message + " on CI")
    pytest.skip(message)


def to_pdf_pages(docx_path: Path, work: Path) -> list[str]:
    """Convert with a private LibreOffice profile (one conversion at a time) and split pages."""
    soffice, pdftotext = _tools_or_skip()
    out = work / "pdf"
    subprocess.run(
        [soffice, "--headless", f"-env:UserInstallation={(work / 'profile').as_uri()}",
         "--convert-to", "pdf", "--outdir", str(out), str(docx_path)],
        check=True, capture_output=True, timeout=120)
    pdf = out / (docx_path.stem + ".pdf")
    text = subprocess.run([pdftotext, "-layout", str(pdf), "-"], check=True,
                          capture_output=True, text=True, timeout=60).stdout
    pages = text.split("\f")
    return [" ".join(page.split()) for page in pages if page.strip()]


@pytest.fixture(scope="module")
def pages(tmp_path_factory):
    work = tmp_path_factory.mktemp("render")
    path = work / "briefing.docx"
    export_briefing(builders.sample_briefing(), path, now=datetime(2026, 11, 27))
    return to_pdf_pages(path, work)


def test_first_page_holds_title_and_bluf(pages):
    first = pages[0]
    assert "Port strike talks stall" in first
    assert "Bottom line up front" in first
    assert "the government is reportedly preparing emergency legislation" in first


def test_every_page_carries_the_mark_and_its_number(pages):
    total = len(pages)
    assert total >= 2
    for number, page in enumerate(pages, 1):
        assert page.count("TLP:AMBER") >= 2, f"page {number} lacks the mark in header or footer"
        assert f"page {number} of {total}" in page


def test_every_included_claim_is_in_the_pdf(pages):
    sample = builders.sample_briefing()
    text = " ".join(pages)
    body = text[:text.index("Appendix: annotated sources")]
    for claim in sample.claims:
        content = claim.content.text(sample.source(claim.source_id).text)
        words = " ".join(content.split())[1:]  # the first letter may be capitalised
        if claim.included and claim.review != "rejected":
            # The claim is written as a sentence around the article's words (a hedge or a
            # speaker may sit between them), so each of its words must be on the page.
            for word in re.findall(r"\w{4,}", words):
                assert word in body, word
            for hedge in claim.hedges:
                assert hedge.text(sample.source(claim.source_id).text) in body
        else:
            assert words not in body


def test_big_table_repeats_its_header_row(tmp_path, monkeypatch):
    # Page one keeps its key actors short; let this one table run over pages on purpose.
    monkeypatch.setattr(sections, "KEY_ACTOR_ROWS", 1000)
    briefing = builders.large_briefing(words=3000, n_claims=10, n_actors=80)
    path = tmp_path / "big.docx"
    export_briefing(briefing, path, now=datetime(2026, 11, 27))
    pages = to_pdf_pages(path, tmp_path)
    with_table = [p for p in pages if re.search(r"Official \d+ person", p)]
    assert len(with_table) >= 2
    for page in with_table:
        # Only the start of the row: narrow columns may wrap with other fonts.
        assert "Actor Kind Role" in page
