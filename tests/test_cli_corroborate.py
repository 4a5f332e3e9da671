"""`briefing-app corroborate` and multi-source `export` on the three made-up fire reports."""

import json

import docx
import pytest

from briefing_app.cli import main
from support.corroboration_briefing import sample_files
from support.refusals import one_line_error

pytestmark = pytest.mark.model


def test_corroborate_json_follows_the_schema(capsys, nlp):
    files = sample_files()
    assert main(["corroborate", "--json", *map(str, files)]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["schema"] == "briefing-app/corroboration@1"
    assert [(s["index"], s["outlet"], s["path"]) for s in result["sources"]] == [
        (0, "Syldavian Wire Service", str(files[0])), (1, "Borduria Herald", str(files[1])),
        (2, "Klow Evening Post", str(files[2]))]
    shapes = [(p["id"], p["status"], p["independent_sources"],
               [(c["source"], c["role"], c["independent"]) for c in p["claims"]])
              for p in result["propositions"]]
    assert shapes[:2] == [
        ("p1", "contradicted", 1, [(0, "supports", True), (1, "supports", False),
                                   (2, "contradicts", True)]),
        ("p2", "corroborated", 2, [(0, "supports", True), (1, "supports", False),
                                   (2, "supports", True)]),
    ]
    assert {status for _id, status, _n, _claims in shapes[2:]} == {"single_source"}
    denial = result["propositions"][0]["claims"][2]
    assert denial["text"] == "that it had ignored safety warnings about the wiring"
    assert result["propositions"][0]["claims"][1]["note"] == "republished copy of the same text"
    assert set(denial) == {"source", "claim_id", "text", "role", "independent", "note"}


def test_corroborate_summary_reads_without_json(capsys, nlp):
    assert main(["corroborate", *map(str, sample_files())]) == 0
    out = capsys.readouterr().out
    assert "3 sources:" in out and "[2] Borduria Herald" in out
    assert "Contradicted (1):" in out and "Corroborated (1):" in out
    assert "contradicts [3] that it had ignored safety warnings" in out
    assert "(not independent: republished copy of the same text)" in out
    assert "Single source: 4 propositions" in out


def test_corroborate_names_a_bad_file_in_one_line(tmp_path, capsys):
    bad = tmp_path / "empty.txt"
    bad.write_bytes(b"")
    assert main(["corroborate", str(sample_files()[0]), str(bad)]) == 2
    one_line_error(capsys.readouterr().err, "empty.txt")


def test_export_of_three_articles_is_one_briefing(tmp_path, capsys, nlp):
    out = tmp_path / "brief.docx"
    assert main(["export", *map(str, sample_files()), "-o", str(out)]) == 0
    assert capsys.readouterr().out.strip() == f"Wrote {out}"
    texts = [p.text for p in docx.Document(str(out)).paragraphs]
    assert texts[0] == "Fire destroys warehouses at Klow grain terminal"
    for title in ("Klow terminal fire: three warehouses lost",
                  "Port authority rejects blame for terminal blaze"):
        assert any(title in t for t in texts), title


def test_export_names_the_bad_one_of_several_inputs(tmp_path, capsys):
    bad = tmp_path / "broken.pdf"
    bad.write_bytes(b"%PDF-1.4 garbage")
    out = tmp_path / "brief.docx"
    assert main(["export", str(sample_files()[0]), str(bad), "-o", str(out)]) == 2
    one_line_error(capsys.readouterr().err, "broken.pdf")
    assert not out.exists()
