"""What the command line writes and where: an export never replaces its own input, a project
or an article; analyze --out-dir keeps every result apart and writes each atomically; a file
whose name starts with a dash gets the `--` hint, and `--` works."""

import errno
import json
import os
import stat
import subprocess
import sys
from pathlib import Path

import docx
import pytest

from briefing_app.analyze_cli import result_names
from briefing_app.cli import main
from briefing_app.storage import atomic
from briefing_app.storage.project_file import save_project
from support.briefing_builders import sample_briefing
from support.child_env import child_env
from support.pdf import make_pdf
from support.refusals import one_line_error

ARTICLE = ("The harbour master said on Friday that the cranes would be repaired. "
           "\"We expect the first ships on Monday,\" she told the council.\n")




def _docx_article(path: Path) -> Path:
    document = docx.Document()
    document.add_paragraph(ARTICLE)
    document.save(str(path))
    return path


def _project(path: Path, article: Path | None = None) -> Path:
    briefing = sample_briefing()
    if article is not None:
        briefing.sources[0].path = str(article)
    save_project(briefing, path)
    return path


# -- export: the output is never an input ------------------------------------------------

@pytest.mark.parametrize("spelling", ["same", "bare stem", "symlink", "hard link", "dotted"])
def test_export_refuses_to_overwrite_its_docx_article(tmp_path, capsys, spelling):
    article = _docx_article(tmp_path / "report.docx")
    before = article.read_bytes()
    output = {"same": article, "bare stem": tmp_path / "report",
              "symlink": tmp_path / "link.docx", "hard link": tmp_path / "hard.docx",
              "dotted": tmp_path / "sub" / ".." / "report.docx"}[spelling]
    if spelling == "symlink":
        output.symlink_to(article)
    elif spelling == "hard link":
        os.link(article, output)
    elif spelling == "dotted":
        (tmp_path / "sub").mkdir()
    assert main(["export", str(article), "-o", str(output)]) == 2
    one_line_error(capsys.readouterr().err, "is the input", "choose another name")
    assert article.read_bytes() == before


def test_export_x_o_x_of_a_project_keeps_the_review_work(tmp_path):
    # The real command, as the issue reported it: the project must survive byte for byte.
    project = _project(tmp_path / "strike.briefing")
    before = project.read_bytes()
    run = subprocess.run([sys.executable, "-m", "briefing_app", "export", str(project),
                          "-o", str(project)], capture_output=True, text=True, env=child_env())
    assert run.returncode == 2
    one_line_error(run.stderr, "strike.briefing", "review work", ".docx")
    assert "Wrote" not in run.stdout
    assert project.read_bytes() == before


@pytest.mark.parametrize("name", ["other.briefing", "notes.txt", "page.HTML", "scan.pdf",
                                  "house.dotx"])
def test_export_refuses_a_name_of_another_kind_of_file(tmp_path, capsys, name):
    project = _project(tmp_path / "strike.briefing")
    target = tmp_path / name
    target.write_bytes(b"someone's file")
    assert main(["export", str(project), "-o", str(target)]) == 2
    one_line_error(capsys.readouterr().err, name, ".docx")
    assert target.read_bytes() == b"someone's file"
    assert [p.name for p in tmp_path.iterdir() if p.suffix == ".docx"] == []


def test_export_of_a_project_spares_the_docx_article_it_holds(tmp_path, capsys):
    article = _docx_article(tmp_path / "wire.docx")
    before = article.read_bytes()
    project = _project(tmp_path / "strike.briefing", article)
    assert main(["export", str(project), "-o", str(tmp_path / "wire")]) == 2
    one_line_error(capsys.readouterr().err, "wire.docx", "is the input")
    assert article.read_bytes() == before


@pytest.mark.parametrize("name, written", [("brief", "brief.docx"),
                                           ("Port talks 2.1", "Port talks 2.1.docx"),
                                           ("brief.DOCX", "brief.DOCX")])
def test_export_gives_the_output_a_docx_name(tmp_path, capsys, name, written):
    project = _project(tmp_path / "strike.briefing")
    assert main(["export", str(project), "-o", str(tmp_path / name)]) == 0
    out = capsys.readouterr().out
    assert out.strip() == f"Wrote {tmp_path / written}"
    assert docx.Document(str(tmp_path / written)).paragraphs


def test_export_may_replace_an_earlier_briefing(tmp_path, capsys):
    project = _project(tmp_path / "strike.briefing")
    target = tmp_path / "brief.docx"
    target.write_bytes(b"last week's briefing")
    assert main(["export", str(project), "-o", str(target)]) == 0
    assert docx.Document(str(target)).paragraphs


# -- analyze --out-dir: one result per input, each written atomically ------------------------

def test_result_names_keep_alike_inputs_apart():
    paths = [Path("dup.txt"), Path("dup.pdf"), Path("a/same.txt"), Path("b/same.txt"),
             Path("lone.md"), Path("Dup.txt.md")]
    assert result_names(paths) == ["dup.txt.json", "dup.pdf.json", "same.txt.json",
                                   "same.txt-2.json", "lone.json", "Dup.txt-2.json"]


def test_out_dir_keeps_dup_txt_and_dup_pdf_and_same_names_in_two_folders(tmp_path, capsys,
                                                                          nlp):
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    inputs = {"dup.txt": tmp_path / "dup.txt", "dup.pdf": tmp_path / "dup.pdf",
              "a": tmp_path / "a" / "same.txt", "b": tmp_path / "b" / "same.txt"}
    inputs["dup.txt"].write_text(ARTICLE, encoding="utf-8")
    inputs["dup.pdf"].write_bytes(make_pdf([["The council said the road would close."]]))
    inputs["a"].write_text("The mayor said the bridge was safe.\n", encoding="utf-8")
    inputs["b"].write_text("The union said the strike would end.\n", encoding="utf-8")
    out_dir = tmp_path / "out"
    assert main(["analyze", *map(str, inputs.values()), "--out-dir", str(out_dir)]) == 0
    written = {p.name: json.loads(p.read_text(encoding="utf-8")) for p in out_dir.iterdir()}
    assert sorted(written) == ["dup.pdf.json", "dup.txt.json", "same.txt-2.json",
                               "same.txt.json"]
    assert "harbour master" in written["dup.txt.json"]["text"]
    assert "council" in written["dup.pdf.json"]["text"]
    assert "bridge" in written["same.txt.json"]["text"]
    assert "strike" in written["same.txt-2.json"]["text"]


def test_out_dir_write_failure_is_one_line_and_the_batch_goes_on(tmp_path, capsys, nlp):
    first, second = tmp_path / "first.txt", tmp_path / "second.txt"
    first.write_text(ARTICLE, encoding="utf-8")
    second.write_text("The mayor said the bridge was safe.\n", encoding="utf-8")
    out_dir = tmp_path / "out"
    (out_dir / "first.json").mkdir(parents=True)  # a folder where the result must go
    assert main(["analyze", str(first), str(second), "--out-dir", str(out_dir)]) == 2
    one_line_error(capsys.readouterr().err, "first.txt", "first.json", "a folder has that name")
    assert "bridge" in json.loads((out_dir / "second.json").read_text(encoding="utf-8"))["text"]


@pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="needs /proc to name an fd")
def test_out_dir_full_disk_keeps_the_previous_result_whole(tmp_path, capsys, monkeypatch,
                                                           nlp):
    article = tmp_path / "port.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    previous = out_dir / "port.json"
    previous.write_text('{"an": "earlier result"}', encoding="utf-8")
    real_fsync = os.fsync

    def full_disk(fd):
        # The data is written; flushing it to the disk is what a full disk refuses.
        # Any file being written in out/ (the temporary name is atomic.py's own business).
        written = Path(os.readlink(f"/proc/self/fd/{fd}"))
        if written.parent == out_dir and stat.S_ISREG(os.fstat(fd).st_mode):
            raise OSError(errno.ENOSPC, "No space left on device")
        return real_fsync(fd)

    monkeypatch.setattr(atomic.os, "fsync", full_disk)
    assert main(["analyze", str(article), "--out-dir", str(out_dir)]) == 2
    one_line_error(capsys.readouterr().err, "port.txt", "the disk is full")
    assert previous.read_text(encoding="utf-8") == '{"an": "earlier result"}'
    assert [p.name for p in out_dir.iterdir()] == ["port.json"]  # no temp file left


# -- a file whose name starts with a dash ------------------------------------------------------

@pytest.mark.parametrize("command", [["analyze", "-rf.txt"],
                                     ["export", "-rf.txt", "-o", "brief.docx"]])
def test_dash_named_file_gets_the_double_dash_hint(tmp_path, command):
    (tmp_path / "-rf.txt").write_text(ARTICLE, encoding="utf-8")
    run = subprocess.run([sys.executable, "-m", "briefing_app", *command], cwd=tmp_path,
                         capture_output=True, text=True, env=child_env())
    assert run.returncode == 2
    line = one_line_error(run.stderr, "-rf.txt", "put -- before")
    assert f"briefing-app {command[0]} " in line and "-- -rf.txt" in line
    assert not (tmp_path / "brief.docx").exists()


def test_unknown_option_gets_the_double_dash_hint(tmp_path, capsys):
    article = tmp_path / "port.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    assert main(["analyze", str(article), "--jsno"]) == 2
    one_line_error(capsys.readouterr().err, "--jsno", "put -- before",
              "briefing-app analyze -- -rf.txt")


def test_double_dash_reads_dash_named_files(tmp_path, capsys, monkeypatch, nlp):
    monkeypatch.chdir(tmp_path)
    Path("-rf.txt").write_text(ARTICLE, encoding="utf-8")
    assert main(["analyze", "--json", "--", "-rf.txt"]) == 0
    assert "harbour master" in json.loads(capsys.readouterr().out)["text"]
    assert main(["export", "-o", "brief.docx", "--", "-rf.txt"]) == 0
    assert capsys.readouterr().out.strip() == "Wrote brief.docx"
    assert docx.Document("brief.docx").paragraphs
