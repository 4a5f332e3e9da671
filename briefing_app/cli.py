"""The command line: no subcommand opens the window; `analyze`, `export` and `corroborate`
work headless.

A bad file gets exactly one line on stderr naming it, no traceback, and exit status 2;
the rest of a batch still runs.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

from briefing_app import APP_NAME, __version__
from briefing_app.errors import BriefingError, ExportError, RegisterError
from briefing_app.logs import start_logging
from briefing_app.storage.formats import is_project
from briefing_app.storage.word.output_path import briefing_output_path

EXIT_BAD_INPUT = 2
COMMANDS = ("analyze", "export", "corroborate")


def _fail(path, error: Exception) -> None:
    print(f"briefing-app: {path}: {error}", file=sys.stderr)


class _ArgumentError(Exception):
    """argparse refused the command line; main() words it (see _argument_error)."""

    def __init__(self, parser: argparse.ArgumentParser, message: str):
        super().__init__(message)
        self.parser = parser


class _Parser(argparse.ArgumentParser):
    """argparse that hands its complaint to main() instead of printing and exiting, so the
    complaint can say how to pass a file whose name starts with a dash."""

    def error(self, message: str):
        raise _ArgumentError(self, message)


def _dash_example(argv: list[str], name: str) -> str:
    if argv and argv[0] == "export":
        return f"briefing-app export -o briefing.docx -- {name}"
    if argv and argv[0] == "corroborate":
        return f"briefing-app corroborate -- {name}"
    return f"briefing-app analyze -- {name}"


def _argument_error(argv: list[str], error: _ArgumentError) -> int:
    """One line for a refused command line; a file named like an option gets the `--` hint."""
    options = argv[:argv.index("--")] if "--" in argv else argv
    dashed = next((a for a in options if a.startswith("-") and os.path.lexists(a)), None)
    message = str(error)
    if dashed:
        print(f"briefing-app: {dashed} is a file whose name starts with a dash, so it was read "
              f"as an option; put -- before such file names, e.g. "
              f"{_dash_example(argv, dashed)}", file=sys.stderr)
    elif message.startswith("unrecognized arguments"):
        print(f"briefing-app: {message}; if one is a file whose name starts with a dash, put "
              f"-- before the file names, e.g. {_dash_example(argv, '-rf.txt')}",
              file=sys.stderr)
    else:
        error.parser.print_usage(sys.stderr)
        print(f"briefing-app: {message}", file=sys.stderr)
    return EXIT_BAD_INPUT


def _analyze_parser(sub) -> None:
    parser = sub.add_parser("analyze", help="print the actors and claims of articles")
    parser.add_argument("files", nargs="+", type=Path)
    parser.add_argument("--json", action="store_true", help="JSON (briefing-app/analysis@1)")
    parser.add_argument("--out-dir", type=Path,
                        help="write DIR/<file stem>.json per file (DIR/<file name>.json when "
                             "two stems are alike)")
    parser.add_argument("--model", help="an installed spaCy pipeline package or pipeline folder")
    parser.add_argument("--jobs", type=_jobs, metavar="N",
                        help="worker processes, biggest file first (default: one per core, "
                             "at most one per file; 1: analyse in this process)")


def _jobs(text: str) -> int:
    if not (text.isascii() and text.isdigit()) or int(text) < 1:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number of 1 or more")
    return int(text)


def _export_parser(sub) -> None:
    parser = sub.add_parser("export", help="write a Word briefing from articles or projects")
    parser.add_argument("inputs", nargs="+", type=Path, metavar="input",
                        help="articles and .briefing projects: one briefing of them all")
    parser.add_argument("-o", "--output", type=Path, required=True, help="the .docx to write")
    parser.add_argument("--template", type=Path, help="a .docx or .dotx to take styles from")
    parser.add_argument("--mark", help='handling mark, e.g. "TLP:AMBER"')
    parser.add_argument("--title", help="the briefing's title")
    parser.add_argument("--model", help="an installed spaCy pipeline package or pipeline folder")
    _register_options(parser)


def _corroborate_parser(sub) -> None:
    parser = sub.add_parser("corroborate",
                            help="where articles agree and disagree: claims grouped across "
                                 "sources")
    parser.add_argument("files", nargs="+", type=Path,
                        help="articles and .briefing projects")
    parser.add_argument("--json", action="store_true",
                        help="JSON (briefing-app/corroboration@1)")
    parser.add_argument("--model", help="an installed spaCy pipeline package or pipeline folder")
    _register_options(parser)


def _register_options(parser) -> None:
    from briefing_app.corroborate_cli import add_register_options

    add_register_options(parser)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="briefing-app", description=f"{APP_NAME} {__version__}",
                     epilog="Put -- before file names that start with a dash.")
    parser.add_argument("--version", action="version", version=f"{APP_NAME} {__version__}")
    sub = parser.add_subparsers(dest="command")
    _analyze_parser(sub)
    _export_parser(sub)
    _corroborate_parser(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    start_logging()
    if not argv or (argv[0] not in COMMANDS and not argv[0].startswith("-")):
        from briefing_app.app import main as run_window

        return run_window(argv)
    try:
        args = build_parser().parse_args(argv)
    except _ArgumentError as error:
        return _argument_error(argv, error)
    try:
        if args.command == "analyze":
            return analyze_command(args)
        if args.command == "export":
            return export_command(args)
        if args.command == "corroborate":
            from briefing_app.corroborate_cli import corroborate_command

            return corroborate_command(args, _limits(), _model(args.model), _fail)
    except BrokenPipeError:  # `briefing-app analyze x | head`: the reader left; not an error
        sys.stderr.close()
        return 0
    finally:
        _warn_about_folders()
    build_parser().print_help()
    return 0


def _warn_about_folders() -> None:
    """Once per run: the app folders that could not be used (the run went on on defaults)."""
    from briefing_app import paths

    problem = paths.warning()
    if problem and not sys.stderr.closed:
        print(f"briefing-app: warning: {problem}", file=sys.stderr)


def _limits() -> dict:
    """The size limits the user set in the window apply on the command line too."""
    from briefing_app.settings import Settings

    return Settings().input_limits()


def _model(name: str | None) -> str | None:
    from briefing_app.settings import Settings

    return name or Settings().get("pipeline") or None


def _load_sources(paths: list[Path]):
    """[(path, its result name, Source)] of the files that load, and the exit status so far."""
    from briefing_app.storage.readers.load import load_path

    sources, status, limits = [], 0, _limits()
    # Named over every input, not just those that load, so a bad file renames no other result.
    for path, name in zip(paths, result_names(paths)):
        try:
            sources.append((path, name, load_path(path, **limits)))
        except BriefingError as error:
            _fail(path, error)
            status = EXIT_BAD_INPUT
    return sources, status


def analyze_command(args) -> int:
    from briefing_app.batch import default_jobs

    jobs = min(args.jobs, len(args.files)) if args.jobs else default_jobs(len(args.files))
    if jobs > 1:
        return _analyze_in_workers(args, jobs)
    from briefing_app.nlp.engine import analyze_many
    from briefing_app.nlp.pipeline import load_pipeline
    from briefing_app.storage.analysis_json import analysis_to_json

    loaded, status = _load_sources(args.files)
    if not loaded:
        return status
    if args.out_dir and not _make_out_dir(args.out_dir):
        return EXIT_BAD_INPUT
    try:
        nlp = load_pipeline(_model(args.model))
    except BriefingError as error:
        _fail(args.model or "pipeline", error)
        return EXIT_BAD_INPUT
    analyses = analyze_many(nlp, (source for _path, _name, source in loaded))
    for (path, name, source), analysis in zip(loaded, analyses):
        if not _emit(args, path, name, analysis_to_json(source, analysis)):
            status = EXIT_BAD_INPUT
    return status


def _analyze_in_workers(args, jobs: int) -> int:
    """analyze over worker processes: each result is written to --out-dir as it finishes,
    or printed once every file named before it is done, so stdout is what one process
    prints."""
    from contextlib import closing

    from briefing_app.batch import OK, BatchError, analyse_in_workers

    paths, names = args.files, result_names(args.files)
    status, waiting, printed, out_dir_made = 0, {}, 0, False
    outcomes = analyse_in_workers(paths, jobs, _model(args.model), _limits())
    try:
        with closing(outcomes):
            for index, kind, payload in outcomes:
                result = payload if kind == OK else None
                if result is None:
                    _fail(paths[index], payload)
                    status = EXIT_BAD_INPUT
                if args.out_dir:
                    if result is not None:
                        # Made with the first result, as in one process: no folder for a
                        # batch of bad files.
                        if not out_dir_made and not _make_out_dir(args.out_dir):
                            return EXIT_BAD_INPUT
                        out_dir_made = True
                        if not _emit(args, paths[index], names[index], result):
                            status = EXIT_BAD_INPUT
                    continue
                waiting[index] = result
                while printed in waiting:
                    result = waiting.pop(printed)
                    if result is not None:
                        _emit(args, paths[printed], names[printed], result)
                    printed += 1
    except BatchError as error:
        _fail(args.model or "pipeline", error)
        return EXIT_BAD_INPUT
    return status


def _emit(args, path: Path, name: str, result: dict) -> bool:
    """Write one result to --out-dir, or print it; False when its write failed."""
    if args.out_dir:
        return _write_result(path, args.out_dir / name, result)
    print(json.dumps(result, ensure_ascii=False, indent=1) if args.json else summary(result))
    return True


def result_names(paths: list[Path]) -> list[str]:
    """One distinct JSON name per input: `<stem>.json`, `<name>.json` when stems are alike
    (dup.txt and dup.pdf), then a number when even names are alike (a/dup.txt, b/dup.txt)."""
    def key(name: str) -> str:
        return name.casefold()  # macOS and Windows folders do not tell case apart

    stems = [key(p.stem) for p in paths]
    wanted = [p.stem if stems.count(key(p.stem)) == 1 else p.name for p in paths]
    taken, names = set(), []
    for name in wanted:
        unique, number = name, 1
        while key(unique) in taken:
            number += 1
            unique = f"{name}-{number}"
        taken.add(key(unique))
        names.append(f"{unique}.json")
    return names


def _make_out_dir(out_dir: Path) -> bool:
    from briefing_app.storage.atomic import describe_os_error

    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        _fail(out_dir, f"cannot create the output folder: {describe_os_error(error)}.")
        return False
    return True


def _write_result(path: Path, out: Path, result: dict) -> bool:
    """Write one result atomically; a failure is one line and the batch goes on."""
    from briefing_app.storage.atomic import atomic_write_bytes, describe_os_error

    data = json.dumps(result, ensure_ascii=False, indent=1).encode("utf-8")
    try:
        atomic_write_bytes(out, data)
    except OSError as error:
        _fail(path, f"could not write {out}: {describe_os_error(error)}; "
                    "the other files go on.")
        return False
    return True


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
    inputs = [*args.inputs, *([args.template] if args.template else [])]
    try:
        # Checked before the analysis too, so a refused name costs no waiting.
        output = briefing_output_path(args.output, inputs)
    except ExportError as error:
        _fail(args.output, error)
        return EXIT_BAD_INPUT
    from briefing_app.corroborate_cli import InputError, apply_requested, requested_register

    try:
        entries = requested_register(args)
    except RegisterError as error:
        _fail("register", error)
        return EXIT_BAD_INPUT
    try:
        briefing = briefing_for_export(args.inputs, args.model)
        apply_requested(briefing, entries)
        # A project's articles are inputs as well: a .docx source must survive its export.
        output = briefing_output_path(output, inputs + [s.path for s in briefing.sources
                                                       if s.path])
        if args.title:
            briefing.title = args.title
        warnings = export_briefing(briefing, output, template=args.template,
                                   mark=args.mark, title=args.title,
                                   highlight_colours=colours)
    except InputError as error:  # one of several inputs: it names the file
        _fail(error.path, error)
        return EXIT_BAD_INPUT
    except BriefingError as error:
        _fail(args.inputs[0], error)
        return EXIT_BAD_INPUT
    for warning in warnings:
        print(f"briefing-app: warning: {warning}", file=sys.stderr)
    print(f"Wrote {output}")
    return 0


def briefing_for_export(path: Path | list[Path], model: str | None):
    """A project as saved, or a bare article with everything the engine found (unreviewed);
    several files make one briefing (corroborate_cli.briefing_from_files)."""
    if isinstance(path, list) and len(path) == 1:
        path = path[0]
    if isinstance(path, list):
        from briefing_app.corroborate_cli import briefing_from_files

        return briefing_from_files(path, _model(model), _limits())
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
