"""Find and load the spaCy pipeline, once per name, and say which one it is."""

from __future__ import annotations

import importlib
import threading

from briefing_app import DEFAULT_PIPELINE
from briefing_app.domain.model import PipelineInfo
from briefing_app.errors import PipelineError

_cache: dict[str, object] = {}
_lock = threading.Lock()


def load_pipeline(name: str | None = None):
    """Return the loaded spaCy Language for `name` (default pipeline when None), cached."""
    name = name or DEFAULT_PIPELINE
    with _lock:
        if name in _cache:
            return _cache[name]
        try:
            import spacy

            try:
                module = importlib.import_module(name)
                nlp = module.load()
            except ImportError:
                nlp = spacy.load(name)
        except (OSError, ImportError) as exc:
            raise PipelineError(
                f"The spaCy pipeline '{name}' is not installed; install it with pip "
                f"or choose another pipeline in the settings."
            ) from exc
        _cache[name] = nlp
        return nlp


def pipeline_info(nlp) -> PipelineInfo:
    import spacy

    meta = nlp.meta
    name = f"{meta.get('lang', 'en')}_{meta.get('name', 'pipeline')}"
    return PipelineInfo(
        name=name, version=str(meta.get("version", "")), spacy_version=spacy.__version__
    )
