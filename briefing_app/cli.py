"""The command line: no subcommand opens the window; `analyze`, `export` and `corroborate`
work headless.

A bad file gets exactly one line on stderr naming it, no traceback, and exit status 2;
the rest of a batch still runs.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from briefing_app import APP_NAME, __version__
from briefing_app.cli_common import EXIT_BAD_INPUT, fail, user_limits, user_model
from briefing_app.logs import start_logging

COMMANDS = ("analyze", "export", "corroborate")


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
            from briefing_app.analyze_cli import analyze_command

            return analyze_command(args)
        if args.command == "export":
            from briefing_app.export_cli import export_command

            return export_command(args)
        if args.command == "corroborate":
            from briefing_app.corroborate_cli import corroborate_command

            return corroborate_command(args, user_limits(), user_model(args.model), fail)
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
