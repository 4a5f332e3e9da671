"""Find and load the spaCy pipeline, once per name, and say which one it is.

A name is either a pipeline folder (a directory holding config.cfg) or an installed spaCy
pipeline package, recognised from its files on disk (meta.json and a data folder with
config.cfg). Nothing is imported by name: `--model this` or `--model os` must not run
arbitrary code, so only spaCy itself is imported, and only for a real pipeline.
"""

from __future__ import annotations

import json
import re
import threading
from importlib import metadata
from pathlib import Path

from briefing_app import DEFAULT_PIPELINE
from briefing_app.domain.model import PipelineInfo
from briefing_app.errors import PipelineError

_cache: dict[str, object] = {}
_lock = threading.Lock()
# A distribution name as pip spells it; anything else (a path, "a/../b") is no package name.
_PACKAGE_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*$")


def load_pipeline(name: str | None = None):
    """Return the loaded spaCy Language for `name` (default pipeline when None), cached."""
    name = name or DEFAULT_PIPELINE
    with _lock:
        if name not in _cache:
            data_path, meta = find_pipeline(name)
            _cache[name] = _load(name, data_path, meta)
        return _cache[name]


def find_pipeline(name: str) -> tuple[Path, dict | None]:
    """The folder spaCy loads `name` from, and the package's meta (None for a folder).

    Raises PipelineError, in one sentence, for a name that is not a spaCy pipeline; reads
    files only, so a module that merely shares the name is never imported.
    """
    folder = Path(name).expanduser()
    if folder.is_dir():
        if not (folder / "config.cfg").is_file():
            raise PipelineError(
                f"The folder {folder} holds no config.cfg, so it is not a spaCy pipeline; "
                "choose a pipeline folder or an installed pipeline package in the settings.")
        return folder, None
    found = _package_pipeline(name)
    if found is None:
        raise PipelineError(
            f"'{name}' is an installed Python package but not a spaCy pipeline; choose a "
            "spaCy pipeline package or a pipeline folder in the settings.")
    return found


def _package_pipeline(name: str) -> tuple[Path, dict] | None:
    """(data folder, meta) of the pipeline package `name`; None for another installed package."""
    try:
        dist = metadata.distribution(name) if _PACKAGE_NAME.match(name) else None
    except metadata.PackageNotFoundError:
        dist = None
    if dist is None:
        raise PipelineError(
            f"The spaCy pipeline '{name}' is not installed; install it with pip "
            "or choose another pipeline in the settings.")
    for package in _top_level(dist, name):
        package_dir = Path(dist.locate_file(package))
        meta = _read_meta(package_dir / "meta.json")
        if meta is None:
            continue
        # The layout spacy's package template writes: <package>/<lang>_<name>-<version>/.
        data_path = package_dir / f"{meta['lang']}_{meta['name']}-{meta['version']}"
        if (data_path / "config.cfg").is_file():
            return data_path, meta
    return None


def _top_level(dist, name: str) -> list[str]:
    listed = (dist.read_text("top_level.txt") or "").split()
    return listed or [re.sub(r"[-.]", "_", name)]


def _read_meta(path: Path) -> dict | None:
    try:
        meta = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if isinstance(meta, dict) and all(isinstance(meta.get(k), str)
                                      for k in ("lang", "name", "version")):
        return meta
    return None


def _load(name: str, data_path: Path, meta: dict | None):
    try:
        import spacy.util
    except ImportError as exc:
        # A broken spaCy is not a missing pipeline: say what to reinstall.
        raise PipelineError(
            f"spaCy itself could not be imported ({exc}); reinstall it with "
            "pip install --force-reinstall spacy.") from exc
    try:
        if meta is None:
            return spacy.util.load_model_from_path(data_path)
        return spacy.util.load_model_from_path(data_path, meta=meta)
    except (OSError, ImportError, ValueError, KeyError) as exc:
        # ValueError covers spaCy's config and registry errors (a component it lacks).
        raise PipelineError(
            f"The spaCy pipeline '{name}' could not be loaded ({_first_line(exc)}); "
            "reinstall it or choose another pipeline in the settings.") from exc


def _first_line(exc: Exception) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__


def pipeline_info(nlp) -> PipelineInfo:
    import spacy

    meta = nlp.meta
    name = f"{meta.get('lang', 'en')}_{meta.get('name', 'pipeline')}"
    return PipelineInfo(
        name=name, version=str(meta.get("version", "")), spacy_version=spacy.__version__
    )
