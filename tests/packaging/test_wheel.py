"""The wheel: built from a copy of the sources, it holds every package and every resource.

`resources/` sits at the top of the repository and is mapped to the package
`briefing_app.resources` by pyproject.toml; these tests prove the mapping works in a
built wheel, and that the installed wheel (not the checkout) serves the resources to
`--version`, `analyze` and `export`.

Building needs pip to fetch the build backend (setuptools) unless it is cached; offline
machines skip, CI (CI=true) fails instead.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

import briefing_app

ROOT = Path(__file__).resolve().parents[2]
RESOURCES = ROOT / "resources"
APP_ID = briefing_app.APP_ID
ICON_SIZES = (16, 32, 48, 64, 128, 256)
IN_CI = os.environ.get("CI") == "true"

pytestmark = pytest.mark.timeout(600)


def _resource_files() -> list[str]:
    """Every file under resources/, as a path relative to it (caches left out)."""
    return sorted(
        path.relative_to(RESOURCES).as_posix()
        for path in RESOURCES.rglob("*")
        if path.is_file() and "__pycache__" not in path.parts and path.suffix != ".pyc"
    )


def _packages() -> list[str]:
    """Every folder of briefing_app/ with an __init__.py, as a wheel path."""
    package = ROOT / "briefing_app"
    return sorted(
        path.parent.relative_to(ROOT).as_posix()
        for path in package.rglob("__init__.py")
        if "__pycache__" not in path.parts
    )


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    """A wheel built with pip from a clean copy of the sources (the checkout stays clean)."""
    work = tmp_path_factory.mktemp("wheel")
    src = work / "src"
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc", "*.egg-info")
    for name in ("briefing_app", "resources"):
        shutil.copytree(ROOT / name, src / name, ignore=ignore)
    for name in ("pyproject.toml", "README.md"):
        shutil.copy2(ROOT / name, src / name)
    out = work / "dist"
    result = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "--wheel-dir", str(out),
         str(src)],
        capture_output=True, text=True, timeout=540,
    )
    if result.returncode != 0:
        message = f"pip wheel failed:\n{result.stdout}\n{result.stderr}"
        if IN_CI:
            pytest.fail(message)
        pytest.skip(message[-2000:])
    (built,) = out.glob("briefing_app-*.whl")
    return built


@pytest.fixture(scope="module")
def wheel_names(wheel) -> set[str]:
    with zipfile.ZipFile(wheel) as archive:
        return set(archive.namelist())


def test_wheel_name_carries_the_version(wheel):
    assert wheel.name == f"briefing_app-{briefing_app.__version__}-py3-none-any.whl"


def test_wheel_holds_the_samples_template_and_icon(wheel_names):
    samples = sorted(p.name for p in (RESOURCES / "samples").glob("*.txt"))
    assert samples, "resources/samples/*.txt: no samples in the checkout"
    expected = [f"briefing_app/resources/samples/{name}" for name in samples]
    expected.append("briefing_app/resources/templates/default.docx")
    expected.append(f"briefing_app/resources/icons/app/{APP_ID}.svg")
    expected += [f"briefing_app/resources/icons/app/{APP_ID}-{size}.png" for size in ICON_SIZES]
    assert [name for name in expected if name not in wheel_names] == []


def test_wheel_holds_every_resource_file(wheel_names):
    """A new folder under resources/ must reach the wheel without anyone remembering it."""
    missing = [rel for rel in _resource_files()
               if f"briefing_app/resources/{rel}" not in wheel_names]
    assert missing == []


def test_wheel_holds_every_package(wheel_names):
    """pyproject.toml lists the packages by hand; a forgotten subpackage fails here."""
    missing = [pkg for pkg in _packages() if f"{pkg}/__init__.py" not in wheel_names]
    assert missing == []


def test_wheel_has_the_command_and_no_tests(wheel, wheel_names):
    with zipfile.ZipFile(wheel) as archive:
        (entry_points,) = [n for n in wheel_names if n.endswith(".dist-info/entry_points.txt")]
        text = archive.read(entry_points).decode()
    assert "briefing-app = briefing_app.cli:main" in text
    assert not [name for name in wheel_names if name.startswith(("tests/", "resources/"))]


@pytest.mark.slow
@pytest.mark.model
def test_installed_wheel_runs_from_its_own_resources(wheel, tmp_path):
    """Unpack the wheel (deps from this venv) and run the CLI from outside the checkout."""
    site = tmp_path / "site"
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--no-deps", "--no-compile", "--quiet",
         "--target", str(site), str(wheel)],
        check=True, capture_output=True, timeout=300,
    )
    env = dict(os.environ, PYTHONPATH=str(site), QT_QPA_PLATFORM="offscreen",
               BRIEFING_APP_HOME=str(tmp_path / "home"))
    run_dir = tmp_path / "elsewhere"
    run_dir.mkdir()

    def run(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, *args], cwd=run_dir, env=env,
                              capture_output=True, text=True, timeout=300)

    where = run("-c", "import briefing_app, briefing_app.paths as p; "
                      "print(briefing_app.__file__); print(p.sample_path())")
    assert where.returncode == 0, where.stderr
    module_file, sample = where.stdout.split()
    assert Path(module_file).is_relative_to(site), "the checkout was imported, not the wheel"
    assert Path(sample).is_relative_to(site / "briefing_app" / "resources")
    assert Path(sample).is_file()

    version = run("-m", "briefing_app", "--version")
    assert version.stdout.strip() == f"Briefing Builder {briefing_app.__version__}"

    analyzed = run("-m", "briefing_app", "analyze", sample)
    assert analyzed.returncode == 0, analyzed.stderr
    assert "Actors (" in analyzed.stdout and "Claims (" in analyzed.stdout

    out = tmp_path / "briefing.docx"
    exported = run("-m", "briefing_app", "export", sample, "-o", str(out))
    assert exported.returncode == 0, exported.stderr
    with zipfile.ZipFile(out) as docx:
        assert "word/document.xml" in docx.namelist()
