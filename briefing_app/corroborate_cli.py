"""The command line across sources: one briefing from several files, and `corroborate`.

`briefing_from_files` builds one briefing from articles and .briefing projects (the first
project keeps its title and prose; articles are analysed, their actors merged across
sources); `export` and `corroborate` both use it. `corroborate` prints where the sources
agree and disagree, as JSON (briefing-app/corroboration@1) or a readable summary.

The analyst's actor register is read only when `--register` (or `--register-file`) is
given, so without it the output depends only on the inputs. A register that is asked for
and cannot be used stops the command: its output would silently differ from the one asked.
"""

from __future__ import annotations

import json
from pathlib import Path

from briefing_app.domain.corroboration import (
    CONTRADICTED,
    CORROBORATED,
    SINGLE_SOURCE,
    Corroboration,
    corroborate,
)
from briefing_app.domain.model import Briefing
from briefing_app.errors import BriefingError, RegisterError
from briefing_app.storage.formats import is_project

SCHEMA = "briefing-app/corroboration@1"
NO_REGISTER = ("There is no actor register at {path}; the window makes one when it learns a "
               "correction or imports a file (Edit > Actor Register).")


def add_register_options(parser) -> None:
    parser.add_argument("--register", action="store_true",
                        help="match the actors to your actor register (Edit > Actor Register "
                             "in the window): known aliases merge, kinds and roles come from "
                             "it; a missing or damaged register stops the command (exit 2)")
    parser.add_argument("--register-file", type=Path, metavar="PATH",
                        help="the same with the register file at PATH")


def requested_register(args) -> list | None:
    """The entries of the register the command line asked for, or None when it asked for
    none; RegisterError (one sentence) when that register cannot be read."""
    from briefing_app.storage.register import Register, default_path

    if not (args.register or args.register_file):
        return None
    path = args.register_file or default_path()
    if not path.is_file():  # opening would make a new, empty one
        raise RegisterError(NO_REGISTER.format(path=path))
    register = Register.open(path)
    try:
        return register.entries()
    finally:
        register.close()


def apply_requested(briefing: Briefing, entries: list | None) -> None:
    """Give the engine's actors what the register knows, as the window does on analysis."""
    from briefing_app.domain.register_match import apply_register

    if entries:
        apply_register(briefing, entries)


class InputError(Exception):
    """One input could not be read; `path` names it for the one-line message."""

    def __init__(self, path: Path, error: Exception):
        super().__init__(str(error))
        self.path = path


def _merge_project(briefing: Briefing, project: Briefing) -> None:
    """Add a second project's sources and what hangs on them; a source already in the
    briefing (same text) is not added twice."""
    known = {s.sha256 for s in briefing.sources}
    kept = {s.id for s in project.sources if s.sha256 not in known}
    briefing.sources += [s for s in project.sources if s.id in kept]
    briefing.claims += [c for c in project.claims if c.source_id in kept]
    briefing.notes += [n for n in project.notes if n.source_id in kept]
    used = {c.actor_id for c in briefing.claims}
    taken = {a.id for a in briefing.actors}
    briefing.actors += [a for a in project.actors if a.id not in taken and (
        a.id in used or any(m.source_id in kept for m in a.mentions))]


def briefing_from_files(paths: list[Path], model: str | None, limits: dict) -> Briefing:
    """One briefing of all `paths` (articles and projects, in order); InputError names the
    first file that cannot be read."""
    from briefing_app.domain.intake import prepare_source
    from briefing_app.domain.ops import add_source
    from briefing_app.settings import Settings
    from briefing_app.storage.project_file import load_project
    from briefing_app.storage.readers.load import load_path

    briefing, articles = None, []
    for path in paths:
        try:
            if is_project(path):
                project = load_project(path)
                if briefing is None:
                    briefing = project
                else:
                    _merge_project(briefing, project)
                continue
            if briefing is None:
                briefing = Settings().new_briefing()
            admission = prepare_source(briefing, load_path(path, **limits), str(path))
        except BriefingError as error:
            raise InputError(path, error) from error
        if admission.is_new:
            add_source(briefing, admission.source)
            articles.append(admission.source)
    if articles:
        _analyse(briefing, articles, model)
    if not briefing.title and briefing.sources:
        briefing.title = briefing.sources[0].title
    return briefing


def _analyse(briefing: Briefing, sources, model: str | None) -> None:
    from briefing_app.domain.ops import apply_analysis
    from briefing_app.nlp.engine import analyze_many
    from briefing_app.nlp.pipeline import load_pipeline

    try:
        nlp = load_pipeline(model)
    except BriefingError as error:
        raise InputError(Path(model or "pipeline"), error) from error
    for analysis in analyze_many(nlp, iter(sources)):
        apply_analysis(briefing, analysis)


def corroboration_json(briefing: Briefing, found: Corroboration) -> dict:
    """The briefing-app/corroboration@1 document: sources by index, propositions."""
    texts = {s.id: s.text for s in briefing.sources}
    return {
        "schema": SCHEMA,
        "sources": [{"index": i, "title": s.title, "outlet": s.outlet, "path": s.path}
                    for i, s in enumerate(briefing.sources)],
        "propositions": [{
            "id": p.id,
            "status": p.status,
            "independent_sources": p.independent_sources,
            "claims": [{
                "source": c.source,
                "claim_id": c.claim_id,
                "text": briefing.claim(c.claim_id).words(texts[briefing.claim(c.claim_id)
                                                              .source_id]),
                "role": c.role,
                "independent": c.independent,
                "note": c.note,
            } for c in p.claims],
        } for p in found.propositions],
    }


def summary(result: dict) -> str:
    """The readable form: sources, then contested and corroborated propositions claim by
    claim, then how many propositions rest on one source."""
    sources = result["sources"]
    lines = [f"{len(sources)} sources:"]
    for source in sources:
        where = source["outlet"] or Path(source["path"]).name
        lines.append(f"  [{source['index'] + 1}] {where}: {source['title']}")
    by_status = {status: [p for p in result["propositions"] if p["status"] == status]
                 for status in (CONTRADICTED, CORROBORATED, SINGLE_SOURCE)}
    for status, heading in ((CONTRADICTED, "Contradicted"), (CORROBORATED, "Corroborated")):
        lines.append(f"{heading} ({len(by_status[status])}):")
        for proposition in by_status[status]:
            count = proposition["independent_sources"]
            lines.append(f"  {proposition['id']}: {count} independent "
                         f"source{'s' if count != 1 else ''}")
            for claim in proposition["claims"]:
                aside = "" if claim["independent"] else f"  (not independent: {claim['note']})"
                lines.append(f"    {claim['role']:<11} [{claim['source'] + 1}] "
                             f"{_short(claim['text'])}{aside}")
    lines.append(f"Single source: {len(by_status[SINGLE_SOURCE])} propositions "
                 "(--json lists them)")
    return "\n".join(lines)


def _short(text: str, limit: int = 110) -> str:
    from briefing_app.domain.short_text import shortened

    return shortened(text, limit)


def corroborate_command(args, limits: dict, model: str | None, fail) -> int:
    """Run `briefing-app corroborate`; `fail(path, error)` prints the one-line error."""
    try:
        entries = requested_register(args)  # before the analysis: a refusal costs no wait
        briefing = briefing_from_files(args.files, model, limits)
    except RegisterError as error:
        fail("register", error)
        return 2
    except InputError as error:
        fail(error.path, error)
        return 2
    apply_requested(briefing, entries)
    result = corroboration_json(briefing, corroborate(briefing))
    print(json.dumps(result, ensure_ascii=False, indent=1) if args.json else summary(result))
    return 0
