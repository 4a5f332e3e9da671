"""The command line: no subcommand opens the window; `analyze` and `export` work headless.

A bad file gets exactly one line on stderr naming it, no traceback, and exit status 2;
the rest of a batch still runs.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from briefing_app import APP_NAME, __version__
from briefing_app.errors import BriefingError
from briefing_app.logs import start_logging
from briefing_app.storage.formats import is_project

EXIT_BAD_INPUT = 2


def _fail(path, error: Exception) -> None:
    print(f"briefing-app: {path}: {error}", file=sys.stderr)


def _analyze_parser(sub) -> None:
    parser = sub.add_parser("analyze", help="print the actors and claims of articles")
    parser.add_argument("files", nargs="+", type=Path)
    parser.add_argument("--json", action="store_true", help="JSON (briefing-app/analysis@1)")
    parser.add_argument("--out-dir", type=Path, help="write DIR/<file stem>.json per file")
    parser.add_argument("--model", help="another installed spaCy pipeline")


def _export_parser(sub) -> None:
    parser = sub.add_parser("export", help="write a Word briefing from an article or project")
    parser.add_argument("input", type=Path, help="an article or a .briefing project")
    parser.add_argument("-o", "--output", type=Path, required=True, help="the .docx to write")
    parser.add_argument("--template", type=Path, help="a .docx or .dotx to take styles from")
    parser.add_argument("--mark", help='handling mark, e.g. "TLP:AMBER"')
    parser.add_argument("--title", help="the briefing's title")
    parser.add_argument("--model", help="another installed spaCy pipeline")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="briefing-app", description=f"{APP_NAME} {__version__}")
    parser.add_argument("--version", action="version", version=f"{APP_NAME} {__version__}")
    sub = parser.add_subparsers(dest="command")
    _analyze_parser(sub)
    _export_parser(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    start_logging()
    if not argv or (argv[0] not in ("analyze", "export") and not argv[0].startswith("-")):
        from briefing_app.app import main as run_window

        return run_window(argv)
    args = build_parser().parse_args(argv)
    try:
        if args.command == "analyze":
            return analyze_command(args)
        if args.command == "export":
            return export_command(args)
    except BrokenPipeError:  # `briefing-app analyze x | head`: the reader left; not an error
        sys.stderr.close()
        return 0
    build_parser().print_help()
    return 0


def _limits() -> dict:
    """The size limits the user set in the window apply on the command line too."""
    from briefing_app.settings import Settings

    return Settings().input_limits()


def _model(name: str | None) -> str | None:
    from briefing_app.settings import Settings

    return name or Settings().get("pipeline") or None


def _load_sources(paths: list[Path]):
    from briefing_app.storage.readers.load import load_path

    sources, status, limits = [], 0, _limits()
    for path in paths:
        try:
            sources.append((path, load_path(path, **limits)))
        except BriefingError as error:
            _fail(path, error)
            status = EXIT_BAD_INPUT
    return sources, status


def analyze_command(args) -> int:
    from briefing_app.nlp.engine import analyze_many
    from briefing_app.nlp.pipeline import load_pipeline
    from briefing_app.storage.analysis_json import analysis_to_json

    loaded, status = _load_sources(args.files)
    if not loaded:
        return status
    try:
        nlp = load_pipeline(_model(args.model))
    except BriefingError as error:
        _fail(args.model or "pipeline", error)
        return EXIT_BAD_INPUT
    analyses = analyze_many(nlp, (source for _path, source in loaded))
    for (path, source), analysis in zip(loaded, analyses):
        result = analysis_to_json(source, analysis)
        if args.out_dir:
            try:
                args.out_dir.mkdir(parents=True, exist_ok=True)
                out = args.out_dir / f"{path.stem}.json"
                out.write_text(json.dumps(result, ensure_ascii=False, indent=1), encoding="utf-8")
            except OSError as error:
                _fail(args.out_dir, f"cannot write there ({error.strerror or error}).")
                return EXIT_BAD_INPUT
        elif args.json:
            print(json.dumps(result, ensure_ascii=False, indent=1))
        else:
            print(summary(result))
    return status


def summary(result: dict) -> str:
    """The readable form of one analysis: actors with counts, then claims."""
    doc = result["document"]
    lines = [f"{doc['title'] or doc['path']}  ({doc['chars']} characters)"]
    lines += [f"  warning: {w}" for w in doc["warnings"]]
    lines.append(f"Actors ({len(result['actors'])}):")
    for actor in sorted(result["actors"], key=lambda a: (-a["quoted"], -a["mentioned"])):
        extra = ", ".join(x for x in (actor["role"], actor["affiliation"]) if x)
        lines.append(f"  {actor['name']} [{actor['kind']}{'; ' + extra if extra else ''}]"
                     f"  quoted {actor['quoted']}, mentioned {actor['mentioned']}")
    lines.append(f"Claims ({len(result['claims'])}):")
    names = {a["id"]: a["name"] for a in result["actors"]}
    for claim in result["claims"]:
        source = claim["source"]
        who = names.get(source["actor_id"], source["text"]) if source else "(author)"
        cue = f"{claim['cue']['text']} ({claim['cue']['stance']})" if claim["cue"] else "-"
        content = " ".join(claim["content"]["text"].split())
        if len(content) > 160:
            content = content[:157] + "..."
        lines.append(f"  ¶{claim['paragraph']} {who} | {cue} | {content}")
    return "\n".join(lines)


def export_command(args) -> int:
    from briefing_app.settings import Settings
    from briefing_app.storage.word.export import export_briefing

    colours = Settings().get("highlight_colours")  # the analyst's, as in the window
    try:
        briefing = briefing_for_export(args.input, args.model)
        if args.title:
            briefing.title = args.title
        warnings = export_briefing(briefing, args.output, template=args.template,
                                   mark=args.mark, title=args.title,
                                   highlight_colours=colours)
    except BriefingError as error:
        _fail(args.input, error)
        return EXIT_BAD_INPUT
    for warning in warnings:
        print(f"briefing-app: warning: {warning}", file=sys.stderr)
    print(f"Wrote {args.output}")
    return 0


def briefing_for_export(path: Path, model: str | None):
    """A project as saved, or a bare article with everything the engine found (unreviewed)."""
    if is_project(path):
        from briefing_app.storage.project_file import load_project

        return load_project(path)
    from briefing_app.domain.intake import prepare_source
    from briefing_app.domain.ops import add_source, apply_analysis
    from briefing_app.nlp.engine import analyze
    from briefing_app.nlp.pipeline import load_pipeline
    from briefing_app.settings import Settings
    from briefing_app.storage.readers.load import load_path

    briefing = Settings().new_briefing()
    source = prepare_source(briefing, load_path(path, **_limits()), str(path)).source
    briefing.title = source.title
    add_source(briefing, source)
    apply_analysis(briefing, analyze(load_pipeline(_model(model)), source))
    return briefing
