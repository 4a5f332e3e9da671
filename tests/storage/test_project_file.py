"""Project file: canonical round trips, golden files, hostile edits, failed and killed saves."""

from __future__ import annotations

import copy
import errno
import gc
import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import briefing_app
from briefing_app.domain.model import Briefing, Rating
from briefing_app.errors import ProjectFileError
from briefing_app.storage import atomic, project_file
from briefing_app.storage.project_file import (
    compact_pieces,
    dumps,
    load_project,
    loads,
    save_project,
)
from support import briefing_builders as builders
from support.project_reference import reference_check

DATA = Path(__file__).resolve().parent.parent / "data"


SAMPLE_TEXT = dumps(builders.sample_briefing())


def test_round_trip_is_identical():
    briefing = builders.sample_briefing()
    assert loads(SAMPLE_TEXT) == briefing
    assert dumps(loads(SAMPLE_TEXT)) == SAMPLE_TEXT


def test_compact_text_for_the_autosave_loads_the_same_briefing():
    compact = dumps(builders.sample_briefing(), compact=True)
    assert len(compact) < len(SAMPLE_TEXT) and "\n " not in compact
    assert loads(compact) == builders.sample_briefing()
    assert dumps(loads(compact)) == SAMPLE_TEXT


def test_compact_text_in_pieces_is_json_of_the_whole_document():
    # The autosave builds the compact text a piece at a time; joined, it must be exactly
    # what one json.dumps of the whole document gives, empty lists and all.
    for briefing in (builders.sample_briefing(), Briefing(),
                     builders.large_briefing(words=3000, n_claims=40, n_actors=12)):
        whole = json.loads(dumps(briefing))
        expected = json.dumps(whole, sort_keys=True, separators=(",", ":"),
                              ensure_ascii=False) + "\n"
        pieces = list(compact_pieces(briefing))
        assert "".join(pieces) == expected
        assert len(pieces) > len(briefing.claims)  # one piece per list item at least


def _expected_compact(briefing):
    whole = json.loads(dumps(briefing))
    return json.dumps(whole, sort_keys=True, separators=(",", ":"), ensure_ascii=False) + "\n"


def _long_article_briefing():
    """A long source whose text needs escaping everywhere (quotes, backslashes, line ends,
    control characters, an emoji, a lone surrogate), with many paragraphs, an actor of
    many mentions, and long prose in a note, a comment and the bottom line."""
    briefing = builders.large_briefing(words=30_000, n_claims=30, n_actors=5)
    source = briefing.sources[0]
    awkward = 'He said "no".\\ \t\x01\u2028 😀 \udc80\n'
    source.text = source.text + awkward * 20_000
    source.paragraphs = source.paragraphs + [(n, n + 1) for n in range(2000)]
    source.notes = ["short", "x" * (3 * project_file.TEXT_PIECE)]
    briefing.actors[0].mentions *= 400
    briefing.claims[0].comment = awkward * 10_000
    briefing.bluf = "B" * (project_file.TEXT_PIECE + 1)
    return briefing


def test_a_long_articles_pieces_are_small_and_join_to_the_compact_text():
    # The autosave takes one piece per step on the GUI thread: a long text is cut into
    # chunks, long lists into groups, and an object holding them goes field by field.
    briefing = _long_article_briefing()
    pieces = list(compact_pieces(briefing))
    assert "".join(pieces) == _expected_compact(briefing) == dumps(briefing, compact=True)
    assert len(briefing.sources[0].text) > 5 * project_file.TEXT_PIECE
    # The longest piece is a chunk of text, escaped: a bounded amount of work.
    assert max(map(len, pieces)) <= 2 * project_file.TEXT_PIECE
    assert len(pieces) > len(briefing.actors[0].mentions) + len(briefing.claims)
    assert loads(dumps(briefing, compact=True)) == briefing


@settings(max_examples=150, deadline=None)
@given(text=st.text(st.characters(blacklist_categories=()), max_size=40),
       notes=st.lists(st.text(max_size=12), max_size=6),
       bounds=st.lists(st.tuples(st.integers(0, 40), st.integers(0, 40)), max_size=9),
       mentions=st.integers(0, 7))
def test_pieces_join_to_the_compact_text_wherever_they_are_cut(text, notes, bounds, mentions):
    # Tiny limits put chunk and group boundaries everywhere: inside escapes, between the
    # halves of what was an emoji's surrogate pair in UTF-16, around empty lists.
    briefing = builders.sample_briefing()
    source = briefing.sources[0]
    source.text, source.notes, source.paragraphs = text, notes, bounds
    briefing.bluf = text * 3
    briefing.actors[1].mentions = briefing.actors[1].mentions[:1] * mentions
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(project_file, "TEXT_PIECE", 5)
        patch.setattr(project_file, "VALUES_PIECE", 3)
        patch.setattr(project_file, "OBJECTS_PIECE", 2)
        joined = "".join(compact_pieces(briefing))
    assert joined == _expected_compact(briefing)


def test_round_trip_keeps_every_kind_of_object():
    briefing = loads(SAMPLE_TEXT)
    assert len(briefing.sources) == 2 and briefing.sources[1].text.startswith("Maria Lind")
    assert briefing.claim("c4").content.segments and len(briefing.claim("c4").content.pieces()) == 2
    assert briefing.claim("c1").rating.admiralty == "B2"
    assert briefing.notes[0].source_id == "s1" and briefing.judgments[0].confidence == "moderate"
    assert len(briefing.actor("a2").mentions) == 2


def test_canonical_form():
    document = json.loads(SAMPLE_TEXT)
    assert document["schema"] == "briefing-app/project" and document["version"] == 1
    assert document["app_version"] == briefing_app.__version__
    assert SAMPLE_TEXT == json.dumps(document, sort_keys=True, indent=1, ensure_ascii=False) + "\n"


def test_unicode_and_lone_surrogates_survive_a_save(tmp_path):
    briefing = builders.sample_briefing()
    briefing.bluf = "Émoji 🚢, RTL \u05e9\u05dc\u05d5\u05dd, zero width \u200b, lone \udc80."
    save_project(briefing, tmp_path / "x.briefing")
    assert load_project(tmp_path / "x.briefing") == briefing


def test_golden_v1_loads_and_round_trips():
    text = (DATA / "project-v1.briefing").read_text(encoding="utf-8")
    briefing = loads(text)
    assert briefing.title == "Port strike talks stall" and len(briefing.claims) == 8
    # Fields added since v1 was written (with empty defaults) are the only difference.
    assert _without_added_defaults(json.loads(dumps(briefing))) == json.loads(text)


def _without_added_defaults(value):
    if isinstance(value, dict):
        return {k: _without_added_defaults(v) for k, v in value.items()
                if not (k in ADDED_SINCE_V1 and v in ([], "", None))}
    if isinstance(value, list):
        return [_without_added_defaults(v) for v in value]
    return value


ADDED_SINCE_V1 = {"changed_by", "origin", "confidence", "flags"}


def test_golden_v0_migrates():
    briefing = load_project(DATA / "project-v0.briefing")
    claim = briefing.claims[0]
    assert claim.rating.admiralty == "C3" and claim.rating.likelihood == "likely"
    text = briefing.sources[0].text
    assert [text[h.start:h.end] for h in claim.hedges] == ["reportedly"]
    assert loads(dumps(briefing)) == briefing


def test_newer_version_is_refused_by_number(tmp_path):
    document = json.loads(SAMPLE_TEXT)
    document["version"] = 3
    path = tmp_path / "new.briefing"
    path.write_text(json.dumps(document), encoding="utf-8")
    with pytest.raises(ProjectFileError) as caught:
        load_project(path)
    assert str(caught.value) == (
        "new.briefing was saved by a newer Briefing Builder (project version 3); "
        "this version reads up to 1.")


@pytest.mark.parametrize("edit, words", [
    (lambda d: d["briefing"]["claims"][0]["content"].update(end=10**6), "outside a text"),
    (lambda d: d["briefing"]["claims"][0].update(paragraph="2"), "whole number"),
    (lambda d: d["briefing"]["claims"][0].pop("id"), "lacks its 'id'"),
    (lambda d: d["briefing"]["claims"][0].update(actor_id="nobody"), "names an actor"),
    (lambda d: d["briefing"]["actors"][0].update(kind="alien"), "not a known value"),
    (lambda d: d["briefing"]["actors"][0].update(included=1), "true or false"),
    (lambda d: d["briefing"].update(sources={}), "should be a list"),
    (lambda d: d["briefing"]["notes"][0].update(source_id="s9"), "names a source"),
    (lambda d: d["briefing"].update(pickle="cos\nsystem"), "unknown entry"),
    (lambda d: d.update(schema="something-else"), "not a Briefing Builder project"),
    (lambda d: d.update(version="1"), "version is missing"),
])
def test_hand_edits_give_one_clear_sentence(tmp_path, edit, words):
    document = json.loads(SAMPLE_TEXT)
    edit(document)
    path = tmp_path / "edited.briefing"
    data = json.dumps(document).encode()
    path.write_bytes(data)
    with pytest.raises(ProjectFileError) as caught:
        load_project(path)
    message = str(caught.value)
    assert words in message and "edited.briefing" in message
    assert message.count(". ") == 0 and message.endswith(".") and "\n" not in message
    assert path.read_bytes() == data


THRESHOLDS = gc.get_threshold()
S1_LENGTH = len(builders.sample_briefing().sources[0].text)


@pytest.mark.parametrize("edit, problem", [
    (lambda b: b["claims"][3]["content"].update(segments=[[1, 2], [3, "4"]]),
     "briefing.claims[3].content.segments[1][1] should be a whole number, not text"),
    (lambda b: b["actors"][1]["mentions"][1].update(start=True),
     "briefing.actors[1].mentions[1].start should be a whole number, not true or false"),
    (lambda b: b["sources"][1].update(paragraphs=[[0, 1], [2]]),
     "briefing.sources[1].paragraphs[1] should be a list of 2 values"),
    (lambda b: b["claims"][2]["rating"].update(status="maybe"),
     "briefing.claims[2].rating.status 'maybe' is not a known value"),
    (lambda b: b["claims"][5].update(hedges=[{"start": 1}]),
     "briefing.claims[5].hedges[0] lacks its 'end' entry"),
    (lambda b: b["claims"][6].update(cue=[]),
     "briefing.claims[6].cue should be an object, not a list"),
    (lambda b: b["claims"][0].update(actor_id=7),
     "briefing.claims[0].actor_id should be text, not a number"),
    (lambda b: b["sources"][0].update(notes=["fine", None]),
     "briefing.sources[0].notes[1] should be text, not null"),
    (lambda b: b["judgments"].append(dict(b["judgments"][0])), "judgment id 'j1' is used twice"),
    (lambda b: b["claims"][1]["hedges"].append({"start": 5, "end": 4, "segments": None}),
     f"briefing.claims[1].hedges[0] runs from 5 to 4, outside a text of {S1_LENGTH} characters"),
    (lambda b: b["claims"][3]["content"]["segments"].append([0, S1_LENGTH + 1]),
     f"briefing.claims[3].content.segments[2] runs from 0 to {S1_LENGTH + 1}, outside a text "
     f"of {S1_LENGTH} characters"),
    (lambda b: b["sources"][0]["paragraphs"].append([S1_LENGTH, S1_LENGTH + 2]),
     f"briefing.sources[0].paragraphs[6] runs from {S1_LENGTH} to {S1_LENGTH + 2}, outside a "
     f"text of {S1_LENGTH} characters"),
    # Of several faults, the first in the model's order is named: fields in declaration
    # order (paragraph before comment), unknown entries before missing ones.
    (lambda b: b["claims"][4].update(paragraph="2", comment=5),
     "briefing.claims[4].paragraph should be a whole number, not text"),
    (lambda b: (b["claims"][4].pop("id"), b["claims"][4].update(extra=1)),
     "briefing.claims[4] has an unknown entry 'extra'"),
    (lambda b: b["claims"][7].update(kind="rumour", review=3),
     "briefing.claims[7].review should be text, not a number"),
])
def test_a_bad_value_deep_inside_is_named_by_its_place(edit, problem):
    document = json.loads(SAMPLE_TEXT)
    edit(document["briefing"])
    with pytest.raises(ProjectFileError) as caught:
        loads(json.dumps(document), name="deep.briefing")
    assert str(caught.value) == (
        f"Could not open deep.briefing: the file is damaged or was edited by hand ({problem}).")
    assert reference_check(document, 1) == problem  # as the type-hint walker said it


def test_a_file_that_leaves_out_defaulted_fields_loads_them_as_defaults():
    document = json.loads(SAMPLE_TEXT)
    claim = document["briefing"]["claims"][1]
    for name in ("hedges", "rating", "comment", "included", "cue"):
        del claim[name]
    briefing = loads(json.dumps(document))
    assert briefing == reference_check(document, 1)
    loaded = briefing.claim("c2")
    assert loaded.hedges == [] and loaded.rating == Rating() and loaded.cue is None
    assert loaded.included and loaded.comment == ""


def _probe_values():
    """Values that try each check: types, vocabularies, ids, references and offsets."""
    words = ["person", "alien", "accepted", "machine", "B", "7", "likely", "s1", "s2", "a1",
             "c1", "j1", "n1", ""]
    return st.one_of(st.none(), st.booleans(), st.integers(-3, 10**6), st.sampled_from(words),
                     st.text(max_size=3), st.floats(allow_nan=False, allow_infinity=False),
                     st.lists(st.integers(-1, 400), max_size=3), st.just({}),
                     st.dictionaries(st.sampled_from(["start", "end", "segments", "id", "x"]),
                                     st.integers(0, 300), max_size=3))


_BASES = {
    "sample": (json.loads(SAMPLE_TEXT), 1),
    "v0": (json.loads((DATA / "project-v0.briefing").read_text(encoding="utf-8")), 0),
    "large": (json.loads(dumps(builders.large_briefing(words=400, n_claims=12, n_actors=6))), 1),
}
_ENTRY_NAMES = ["start", "end", "segments", "id", "source_id", "review", "kind", "extra",
                "rating", "hedges", "mentions", "paragraphs", "notes", "status"]


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(sorted(_BASES)),
       st.lists(st.tuples(st.sampled_from(["delete", "replace", "add"]), st.integers(0, 10**6),
                          _probe_values()), min_size=1, max_size=3))
def test_decoders_agree_with_walking_the_type_hints(base, edits):
    # The per-class decoders must accept what walking the type hints accepted, build the
    # same Briefing, and refuse the rest with the very same sentence.
    start, version = _BASES[base]
    document = copy.deepcopy(start)
    for action, pick, value in edits:
        containers = [c for c in _containers(document["briefing"], []) if c]
        target = containers[pick % len(containers)]
        if action == "add" and isinstance(target, dict):
            target[_ENTRY_NAMES[pick % len(_ENTRY_NAMES)]] = copy.deepcopy(value)
            continue
        key = (sorted(target)[pick % len(target)] if isinstance(target, dict)
               else pick % len(target))
        if action == "delete":
            del target[key]
        else:
            target[key] = copy.deepcopy(value)
    expected = reference_check(copy.deepcopy(document), version)
    try:
        loaded = loads(json.dumps(document))
    except ProjectFileError as error:
        assert str(error) == ("Could not open the project file: the file is damaged or was "
                              f"edited by hand ({expected}).")
    else:
        assert loaded == expected


def test_loading_keeps_collections_off_and_leaves_the_collector_as_it_was(monkeypatch):
    text = dumps(builders.large_briefing(words=4000, n_claims=60, n_actors=20))
    inside, collected = [], []
    real = project_file._loads

    def watched(*args):
        inside.append(True)
        try:
            return real(*args)
        finally:
            inside.pop()

    def note(phase, info):
        if phase == "start" and inside:
            collected.append(info["generation"])

    monkeypatch.setattr(project_file, "_loads", watched)
    gc.callbacks.append(note)
    try:
        gc.set_threshold(1)  # without the pause, every allocation would start a collection
        loads(text)
        with pytest.raises(ProjectFileError):
            loads(text.replace('"paragraph":', '"paragraph": "x", "p":', 1))
    finally:
        gc.set_threshold(*THRESHOLDS)
        gc.callbacks.remove(note)
    assert collected == [] and gc.isenabled()
    gc.disable()
    try:
        loads(text)
        assert not gc.isenabled()  # someone else's pause is not ended by a load
    finally:
        gc.enable()


def test_a_loaded_project_is_frozen_out_of_later_collections(tmp_path):
    path = tmp_path / "big.briefing"
    save_project(builders.large_briefing(words=4000, n_claims=60, n_actors=20), path)
    gc.unfreeze()
    try:
        briefing = load_project(path)
        assert gc.get_freeze_count() > 0
        in_generations = {id(thing) for thing in gc.get_objects()}
        assert gc.is_tracked(briefing.claims[0])
        assert not {id(briefing), id(briefing.claims[0]), id(briefing.sources[0])} \
            & in_generations
    finally:
        gc.unfreeze()


@pytest.mark.parametrize("data", [b"", b"{", SAMPLE_TEXT.encode()[:5000], b"\xff\xfe\x00",
                                  b"[1, 2]", b'{"schema": NaN}', b"[" * 100_000])
def test_truncated_or_corrupt_files(tmp_path, data):
    path = tmp_path / "broken.briefing"
    path.write_bytes(data)
    with pytest.raises(ProjectFileError, match="broken.briefing"):
        load_project(path)
    assert path.read_bytes() == data


def _mutations():
    """Random edits of a valid document: delete a key, change a type, or truncate."""
    replacement = st.one_of(st.none(), st.booleans(), st.integers(-5, 10**7), st.text(max_size=5),
                            st.lists(st.integers(), max_size=2), st.just({}))
    return st.lists(st.tuples(st.sampled_from(["delete", "replace", "truncate"]),
                              st.integers(0, 10**6), replacement), min_size=1, max_size=4)


def _containers(node, found):
    if isinstance(node, dict | list):
        found.append(node)
        for child in (node.values() if isinstance(node, dict) else node):
            _containers(child, found)
    return found


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_mutations())
def test_random_edits_load_or_fail_cleanly(edits):
    document = json.loads(SAMPLE_TEXT)
    text = None
    for action, pick, value in edits:
        if action == "truncate":
            base = text if text is not None else json.dumps(document)
            text = base[: pick % (len(base) + 1)]
            continue
        if text is not None:
            break
        containers = [c for c in _containers(document, []) if c]
        target = containers[pick % len(containers)]
        key = (sorted(target)[pick % len(target)] if isinstance(target, dict)
               else pick % len(target))
        if action == "delete":
            del target[key]
        else:
            target[key] = copy.deepcopy(value)
    try:
        loads(text if text is not None else json.dumps(document))
    except ProjectFileError as error:
        assert str(error).endswith(".")


@pytest.mark.parametrize("code, words", [(errno.EACCES, "permission denied"),
                                         (errno.ENOSPC, "the disk is full")])
def test_failed_save_leaves_previous_file(tmp_path, monkeypatch, code, words):
    path = tmp_path / "keep.briefing"
    save_project(builders.sample_briefing(), path)
    before = path.read_bytes()
    changed = builders.sample_briefing()
    changed.bluf = "Changed."

    def failing_replace(src, dst):
        raise OSError(code, os.strerror(code))

    monkeypatch.setattr(atomic.os, "replace", failing_replace)
    with pytest.raises(ProjectFileError) as caught:
        save_project(changed, path)
    assert str(caught.value) == (
        f"Could not save keep.briefing: {words}; the previous file is unchanged.")
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["keep.briefing"]


def test_failed_write_leaves_previous_file(tmp_path, monkeypatch):
    path = tmp_path / "keep.briefing"
    save_project(builders.sample_briefing(), path)
    before = path.read_bytes()

    def failing_fsync(fd):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(atomic.os, "fsync", failing_fsync)
    with pytest.raises(ProjectFileError, match="the disk is full"):
        save_project(builders.large_briefing(words=2000, n_claims=20, n_actors=10), path)
    assert path.read_bytes() == before
    assert len(list(tmp_path.iterdir())) == 1


def test_unwritable_folder(tmp_path):
    if os.geteuid() == 0:
        pytest.skip("root ignores folder permissions")
    path = tmp_path / "keep.briefing"
    save_project(builders.sample_briefing(), path)
    before = path.read_bytes()
    tmp_path.chmod(0o500)
    try:
        with pytest.raises(ProjectFileError, match="permission denied"):
            save_project(builders.large_briefing(words=500, n_claims=5, n_actors=5), path)
    finally:
        tmp_path.chmod(0o700)
    assert path.read_bytes() == before


def test_save_to_a_name_of_255_bytes(tmp_path):
    # The longest name the file system allows: the temporary file beside it must be shorter.
    path = tmp_path / ("p" * (255 - len(".briefing")) + ".briefing")
    save_project(builders.sample_briefing(), path)
    save_project(builders.sample_briefing(), path)  # and again, over the existing file
    assert load_project(path) == builders.sample_briefing()
    assert [p.name for p in tmp_path.iterdir()] == [path.name]


@pytest.mark.timeout(20)
def test_project_that_is_a_fifo_is_refused_without_blocking(tmp_path):
    path = tmp_path / "pipe.briefing"
    os.mkfifo(path)
    with pytest.raises(ProjectFileError) as caught:
        load_project(path)
    assert str(caught.value) == ("Could not open the project pipe.briefing: it is a named pipe "
                                 "(FIFO), not a regular file; choose a saved file instead.")


def test_project_over_the_size_limit_is_refused(tmp_path, monkeypatch):
    monkeypatch.setattr(project_file, "MAX_PROJECT_BYTES", 1000)
    path = tmp_path / "huge.briefing"
    path.write_text(SAMPLE_TEXT, encoding="utf-8")
    with pytest.raises(ProjectFileError, match=r"huge\.briefing: it is larger than the 1,000 "):
        load_project(path)


SAVER = """
import sys
from pathlib import Path
from briefing_app.storage.project_file import loads, save_project
target, first, second = sys.argv[1:]
briefings = [loads(Path(first).read_text("utf-8")), loads(Path(second).read_text("utf-8"))]
print("ready", flush=True)
n = 0
while True:
    save_project(briefings[n % 2], target)
    n += 1
"""


def test_save_killed_at_random_moments_leaves_old_or_new(tmp_path):
    old = builders.large_briefing(words=8000, n_claims=100, n_actors=50)
    new = copy.deepcopy(old)
    new.bluf = "The second version."
    texts = {dumps(old), dumps(new)}
    (tmp_path / "old.json").write_text(dumps(old), encoding="utf-8")
    (tmp_path / "new.json").write_text(dumps(new), encoding="utf-8")
    target = tmp_path / "work" / "project.briefing"
    target.parent.mkdir()
    save_project(old, target)
    env = dict(os.environ, PYTHONPATH=str(Path(briefing_app.__file__).parent.parent))
    rng = random.Random(20261127)
    started, seen = time.monotonic(), set()
    for _ in range(200):
        saver = subprocess.Popen(
            [sys.executable, "-c", SAVER, str(target), str(tmp_path / "old.json"),
             str(tmp_path / "new.json")], stdout=subprocess.PIPE, env=env)
        assert saver.stdout.readline() == b"ready\n"
        # A random kill moment within the save loop (not a synchronisation wait).
        time.sleep(rng.uniform(0, 0.03))
        saver.send_signal(signal.SIGKILL)
        saver.wait()
        saver.stdout.close()
        seen.add(dumps(load_project(target)))
        assert seen <= texts
    # Both versions turned up, so the kills did land between and inside real saves.
    assert seen == texts
    assert time.monotonic() - started < 60


def test_loader_has_no_code_paths():
    for module in ("project_file.py", "project_decode.py", "project_migrations.py"):
        source = (Path(project_file.__file__).parent / module).read_text()
        for word in ("pickle", "eval(", "exec(", "open(", "yaml"):
            assert word not in source, (module, word)


def test_engine_confidence_and_flags_round_trip_and_are_checked():
    briefing = load_project(DATA / "project-v1.briefing")
    claim, actor = briefing.claims[0], briefing.actors[0]
    claim.origin, claim.confidence, claim.flags = "both", 0.83, ["closing_attribution"]
    actor.confidence, actor.flags = 1, ["single_mention"]
    again = loads(dumps(briefing))
    assert again.claims[0].confidence == 0.83 and again.claims[0].flags == ["closing_attribution"]
    assert again.claims[0].origin == "both"
    assert again.actors[0].confidence == 1.0 and type(again.actors[0].confidence) is float
    claim.confidence = 1.7
    with pytest.raises(ProjectFileError, match="confidence should be a number from 0 to 1"):
        loads(dumps(briefing))
