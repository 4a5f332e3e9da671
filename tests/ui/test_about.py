"""Help > About: version, the pipeline with its version and licence, bundled licences, icon;
and none of it imports spaCy.
"""

import importlib.metadata as metadata
import subprocess
import sys

from PySide6.QtWidgets import QApplication

from briefing_app import DEFAULT_PIPELINE, __version__
from briefing_app.logs import log_file
from briefing_app.ui.dialogs.about import AboutDialog, app_icon_path, pipeline_facts
from support.child_env import child_env


def test_about_names_version_pipeline_and_licences(window, monkeypatch):
    shown = []
    monkeypatch.setattr(AboutDialog, "exec", lambda dialog: shown.append(dialog) or 0)
    window.findChild(object, "actionAbout").trigger()
    text = shown[0].texts()
    assert __version__ in text
    assert str(log_file()) in text  # where the bug-report log is
    assert DEFAULT_PIPELINE in text and metadata.version(DEFAULT_PIPELINE) in text
    assert f"({metadata.metadata(DEFAULT_PIPELINE)['License']})" in text
    assert f"spaCy {metadata.version('spacy')}" in text
    for library, licence in (("PySide6", "LGPL-3.0"), ("spaCy", "MIT"), ("python-docx", "MIT"),
                             ("trafilatura", "Apache-2.0"), ("pypdfium2", "Apache-2.0"),
                             ("charset-normalizer", "MIT"), ("platformdirs", "MIT"),
                             ("lxml", "BSD-3-Clause")):
        rows = [r for r in range(shown[0].table.rowCount())
                if library in shown[0].table.item(r, 0).text()]
        assert rows, library
        assert licence in shown[0].table.item(rows[0], 2).text()
    assert not shown[0].findChild(object, "aboutIcon").pixmap().isNull()


def test_about_names_the_pipeline_a_briefing_was_analyzed_with(analyzed):
    analyzed.doc.briefing.pipeline.name = "en_test_pipeline"
    analyzed.doc.briefing.pipeline.version = "9.9.9"
    dialog = AboutDialog("", analyzed.doc.briefing.pipeline, analyzed)
    assert "analysed with en_test_pipeline 9.9.9" in dialog.texts()


def test_a_missing_pipeline_is_said_plainly():
    assert pipeline_facts("no_such_pipeline_xyz")["version"] == "not installed"


def test_the_app_has_its_icon(window):
    assert not QApplication.windowIcon().isNull()
    assert app_icon_path().endswith("org.briefingbuilder.BriefingBuilder-256.png")


def test_opening_about_does_not_import_spacy():
    code = ("import sys; from briefing_app.app import create_main_window; "
            "from briefing_app.ui.dialogs.about import AboutDialog; w = create_main_window(); "
            "d = AboutDialog('', None, w); assert 'spaCy' in d.texts(); "
            "assert 'spacy' not in sys.modules, 'spacy imported'")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            env=child_env(), timeout=60)
    assert result.returncode == 0, result.stderr
