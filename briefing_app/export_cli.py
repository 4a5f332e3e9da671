"""`briefing-app export`: a Word briefing from a project, one article or several (one
multi-source briefing), with the user's register when --register asks for it."""

from __future__ import annotations

import sys
from pathlib import Path

from briefing_app.cli_common import EXIT_BAD_INPUT, fail, user_limits, user_model
from briefing_app.errors import BriefingError, ExportError, RegisterError
from briefing_app.storage.formats import is_project
from briefing_app.storage.word.output_path import briefing_output_path


def export_command(args) -> int:
    from briefing_app.settings import Settings
    from briefing_app.storage.word.export import export_briefing

    colours = Settings().get("highlight_colours")  # the analyst's, as in the window
    inputs = [*args.inputs, *([args.template] if args.template else [])]
    try:
        # Checked before the analysis too, so a refused name costs no waiting.
        output = briefing_output_path(args.output, inputs)
    except ExportError as error:
        fail(args.output, error)
        return EXIT_BAD_INPUT
    from briefing_app.corroborate_cli import InputError, apply_requested, requested_register

    try:
        entries = requested_register(args)
    except RegisterError as error:
        fail("register", error)
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
        fail(error.path, error)
        return EXIT_BAD_INPUT
    except BriefingError as error:
        fail(args.inputs[0], error)
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

        return briefing_from_files(path, user_model(model), user_limits())
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
    source = prepare_source(briefing, load_path(path, **user_limits()), str(path)).source
    briefing.title = source.title
    add_source(briefing, source)
    apply_analysis(briefing, analyze(load_pipeline(user_model(model)), source))
    return briefing
