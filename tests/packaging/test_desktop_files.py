"""Linux desktop integration: one application id everywhere, and the files validate.

desktop-file-validate (Debian: desktop-file-utils), appstreamcli (appstream) and
update-mime-database (shared-mime-info) are skipped when absent on a developer machine,
but CI (CI=true) must have them: there a missing tool fails the test.
"""

from __future__ import annotations

import configparser
import os
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from importlib.metadata import entry_points
from pathlib import Path

import pytest

import briefing_app

ROOT = Path(__file__).resolve().parents[2]
PACKAGING = ROOT / "packaging"
APP_ID = briefing_app.APP_ID
DESKTOP = PACKAGING / f"{APP_ID}.desktop"
METAINFO = PACKAGING / f"{APP_ID}.metainfo.xml"
MIME = PACKAGING / f"{APP_ID}.mime.xml"
ICONS = ROOT / "resources" / "icons" / "app"
MIME_TYPE = "application/x-briefing-project"
MIME_NS = "{http://www.freedesktop.org/standards/shared-mime-info}"
# appstream >= 1.0 warns when there is no homepage; the project has none yet.
ALLOWED_APPSTREAM_ISSUES = {"url-homepage-missing"}


def _tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        message = f"{name} is not installed (Debian: see .ci/run)"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    return path


def _desktop_entry() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # keys are case-sensitive
    parser.read(DESKTOP, encoding="utf-8")
    return parser["Desktop Entry"]


def _command_name() -> str:
    """The console script pyproject.toml declares for briefing_app.cli:main."""
    (name,) = [ep.name for ep in entry_points(group="console_scripts")
               if ep.value == "briefing_app.cli:main"]
    return name


def test_application_id_is_reverse_dns():
    assert re.fullmatch(r"[a-z][a-z0-9]*(\.[A-Za-z0-9_]+){2,}", APP_ID)


def test_desktop_entry_uses_the_id_the_icon_and_the_command():
    entry = _desktop_entry()
    assert entry["Icon"] == APP_ID
    assert entry["Exec"].split()[0] == _command_name()
    assert entry["Exec"].split()[1] in ("%F", "%U", "%f", "%u")
    assert entry["TryExec"] == _command_name()
    assert MIME_TYPE in entry["MimeType"].split(";")
    assert entry["Name"] == briefing_app.APP_NAME


def test_metainfo_names_the_same_id_desktop_file_version_and_mime_type():
    root = ET.parse(METAINFO).getroot()
    assert root.get("type") == "desktop-application"
    assert root.findtext("id") == APP_ID
    assert root.findtext("name") == briefing_app.APP_NAME
    assert root.findtext("launchable[@type='desktop-id']") == DESKTOP.name
    assert root.findtext("provides/binary") == _command_name()
    assert root.findtext("provides/mediatype") == MIME_TYPE
    releases = [r.get("version") for r in root.iterfind("releases/release")]
    assert releases and releases[0] == briefing_app.__version__, (
        "add a <release> for the new version at the top of <releases>")


def test_mime_type_globs_briefing_projects_as_json():
    root = ET.parse(MIME).getroot()
    (mime,) = root.findall(f"{MIME_NS}mime-type")
    assert mime.get("type") == MIME_TYPE
    assert [g.get("pattern") for g in mime.iter(f"{MIME_NS}glob")] == ["*.briefing"]
    assert mime.find(f"{MIME_NS}sub-class-of").get("type") == "application/json"
    assert mime.find(f"{MIME_NS}icon").get("name") == APP_ID


def test_icon_exists_as_svg_and_in_every_size():
    from PySide6.QtGui import QImage

    assert ET.parse(ICONS / f"{APP_ID}.svg").getroot().tag.endswith("svg")
    for size in (16, 32, 48, 64, 128, 256):
        image = QImage(str(ICONS / f"{APP_ID}-{size}.png"))
        assert (image.width(), image.height()) == (size, size)
        assert image.hasAlphaChannel()


def test_desktop_file_validates():
    result = subprocess.run([_tool("desktop-file-validate"), str(DESKTOP)],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0 and not result.stdout.strip(), result.stdout + result.stderr


def test_metainfo_validates_without_network():
    result = subprocess.run([_tool("appstreamcli"), "validate", "--no-net", str(METAINFO)],
                            capture_output=True, text=True, timeout=60)
    output = result.stdout + result.stderr
    # Lines look like "W: org.example.App:12: some-issue-tag ..."; E and W fail.
    issues = re.findall(r"^([EW]): \S+ (\S+)", output, flags=re.MULTILINE)
    blocking = [tag for _severity, tag in issues if tag not in ALLOWED_APPSTREAM_ISSUES]
    assert blocking == [], output
    if result.returncode != 0:
        assert issues, output  # failed for a reason other than the allowed warnings


def test_mime_database_accepts_the_type(tmp_path):
    tool = _tool("update-mime-database")
    packages = tmp_path / "mime" / "packages"
    packages.mkdir(parents=True)
    shutil.copy(MIME, packages / f"{APP_ID}.xml")
    result = subprocess.run([tool, str(tmp_path / "mime")], capture_output=True, text=True,
                            timeout=60)
    assert result.returncode == 0, result.stderr
    globs = (tmp_path / "mime" / "globs2").read_text(encoding="utf-8")
    assert f"{MIME_TYPE}:*.briefing" in globs
