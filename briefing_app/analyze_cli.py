"""`briefing-app analyze`: the analysis JSON or a readable summary per article, printed or
written to --out-dir, in this process or spread over worker processes (--jobs)."""

from __future__ import annotations

import json
from pathlib import Path

from briefing_app.cli_common import EXIT_BAD_INPUT, fail, user_limits, user_model
from briefing_app.errors import BriefingError


def _load_sources(paths: list[Path]):
    """[(path, its result name, Source)] of the files that load, and the exit status so far."""
    from briefing_app.storage.readers.load import load_path

    sources, status, limits = [], 0, user_limits()
    # Named over every input, not just those that load, so a bad file renames no other result.
    for path, name in zip(paths, result_names(paths)):
        try:
            sources.append((path, name, load_path(path, **limits)))
        except BriefingError as error:
            fail(path, error)
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
        nlp = load_pipeline(user_model(args.model))
    except BriefingError as error:
        fail(args.model or "pipeline", error)
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
    outcomes = analyse_in_workers(paths, jobs, user_model(args.model), user_limits())
    try:
        with closing(outcomes):
            for index, kind, payload in outcomes:
                result = payload if kind == OK else None
                if result is None:
                    fail(paths[index], payload)
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
        fail(args.model or "pipeline", error)
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
        fail(out_dir, f"cannot create the output folder: {describe_os_error(error)}.")
        return False
    return True


def _write_result(path: Path, out: Path, result: dict) -> bool:
    """Write one result atomically; a failure is one line and the batch goes on."""
    from briefing_app.storage.atomic import atomic_write_bytes, describe_os_error

    data = json.dumps(result, ensure_ascii=False, indent=1).encode("utf-8")
    try:
        atomic_write_bytes(out, data)
    except OSError as error:
        fail(path, f"could not write {out}: {describe_os_error(error)}; "
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
