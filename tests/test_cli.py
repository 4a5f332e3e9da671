"""The command line: analyze and export, JSON contract, and the one-line error rule."""

import json
import subprocess
import sys

import docx
import pytest

from briefing_app import __version__
from briefing_app.cli import main
from briefing_app.paths import sample_path


def _one_clean_line(err: str, name: str) -> None:
    lines = [line for line in err.splitlines() if line.strip()]
    assert len(lines) == 1, err
    assert name in lines[0]
    assert "Traceback" not in err and "Error:" not in err and "Exception" not in err


def test_version_through_the_real_entry_point():
    out = subprocess.run([sys.executable, "-m", "briefing_app", "--version"],
                         capture_output=True, text=True, check=True).stdout
    assert __version__ in out


def test_analyze_json_follows_the_contract(capsys, nlp):
    assert main(["analyze", str(sample_path("wire_report.txt")), "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["schema"] == "briefing-app/analysis@1"
    assert result["pipeline"]["name"] and result["pipeline"]["version"]
    text = result["text"]
    assert result["document"]["chars"] == len(text)
    assert result["actors"] and result["claims"]
    for actor in result["actors"]:
        assert actor["kind"] in ("person", "organisation", "state", "group", "unnamed")
        for mention in actor["mentions"]:
            assert text[mention["start"]:mention["end"]] == mention["text"]
    for claim in result["claims"]:
        assert text[claim["start"]:claim["end"]] == claim["text"]
        for part in ("source", "cue", "content"):
            span = claim[part]
            if span and "segments" not in span:
                assert text[span["start"]:span["end"]] == span["text"]


def test_readable_summary_lists_actors_and_claims(capsys, nlp):
    assert main(["analyze", str(sample_path("interview_piece.txt"))]) == 0
    out = capsys.readouterr().out
    assert "Actors (" in out and "Claims (" in out and "quoted" in out


@pytest.mark.parametrize("name, data", [
    ("empty.txt", b""),
    ("binary.txt", bytes(range(256)) * 40),
    ("broken.docx", b"this is not a zip archive"),
    ("broken.pdf", b"%PDF-1.4 garbage"),
])
def test_bad_file_gets_one_line_and_status_2(tmp_path, capsys, name, data):
    path = tmp_path / name
    path.write_bytes(data)
    assert main(["analyze", str(path)]) == 2
    _one_clean_line(capsys.readouterr().err, name)


def test_batch_goes_on_after_a_bad_file(tmp_path, capsys, nlp):
    bad = tmp_path / "empty.txt"
    bad.write_bytes(b"")
    out_dir = tmp_path / "out"
    status = main(["analyze", str(bad), str(sample_path("wire_report.txt")),
                   str(sample_path("unnamed_sources.txt")), "--out-dir", str(out_dir)])
    assert status == 2
    _one_clean_line(capsys.readouterr().err, "empty.txt")
    written = sorted(p.name for p in out_dir.iterdir())
    assert written == ["unnamed_sources.json", "wire_report.json"]
    assert json.loads((out_dir / "wire_report.json").read_text())["claims"]


def test_missing_file_in_a_subprocess_has_no_traceback(tmp_path):
    run = subprocess.run([sys.executable, "-m", "briefing_app", "analyze",
                          str(tmp_path / "nowhere.txt")], capture_output=True, text=True)
    assert run.returncode == 2
    _one_clean_line(run.stderr, "nowhere.txt")


def test_export_of_a_bare_article_marks_everything_unreviewed(tmp_path, capsys, nlp):
    out = tmp_path / "brief.docx"
    status = main(["export", str(sample_path("wire_report.txt")), "-o", str(out),
                   "--mark", "TLP:GREEN", "--title", "Port strike"])
    assert status == 0
    document = docx.Document(str(out))
    texts = [p.text for p in document.paragraphs]
    assert texts[0] == "Port strike"
    assert any("unreviewed" in t for t in texts)
    assert "TLP:GREEN" in " ".join(p.text for p in document.sections[0].header.paragraphs)


def test_export_refuses_a_bad_project(tmp_path, capsys):
    project = tmp_path / "broken.briefing"
    project.write_text("{ not json")
    assert main(["export", str(project), "-o", str(tmp_path / "x.docx")]) == 2
    _one_clean_line(capsys.readouterr().err, "broken.briefing")
    assert not (tmp_path / "x.docx").exists()


def test_command_line_honours_the_size_limit_setting(tmp_path, capsys):
    from briefing_app.settings import Settings

    settings = Settings()
    settings.set("max_text_chars", 1000)
    settings.save()
    article = tmp_path / "long.txt"
    article.write_text("The minister said the port would reopen. " * 100, encoding="utf-8")
    assert main(["analyze", str(article)]) == 2
    err = capsys.readouterr().err
    _one_clean_line(err, "long.txt")
    assert "max_text_chars" in err
