"""analyze --jobs: worker processes give what one process gives, byte for byte; a bad file
is one line and the rest runs; a worker that dies costs only the file it held."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

from briefing_app.batch import default_jobs
from briefing_app.cli import main
from briefing_app.paths import resources_dir
from support.child_env import child_env

SAMPLES = sorted((resources_dir() / "samples").glob("*.txt"))


def _analyze(*args: str, preexec_fn=None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "briefing_app", "analyze", *args],
                          capture_output=True, text=True, env=child_env(),
                          preexec_fn=preexec_fn)


def _lines(err: str) -> list[str]:
    assert "Traceback" not in err, err
    return [line for line in err.splitlines() if line.strip()]


def _batch(tmp_path: Path) -> list[str]:
    """The samples with a bad file among them; not in size order, so biggest-first
    dispatch finishes them in another order than they were named."""
    bad = tmp_path / "empty.txt"
    bad.write_bytes(b"")
    sizes = [p.stat().st_size for p in SAMPLES]
    assert sizes != sorted(sizes, reverse=True)
    return [*map(str, SAMPLES[:2]), str(bad), *map(str, SAMPLES[2:])]


def test_jobs_2_prints_the_same_json_as_one_process(tmp_path):
    files = _batch(tmp_path)
    one = _analyze("--json", "--jobs", "1", *files)
    two = _analyze("--json", "--jobs", "2", *files)
    assert (one.returncode, two.returncode) == (2, 2)
    assert two.stdout == one.stdout
    assert one.stdout.count('"schema": "briefing-app/analysis@1"') == len(SAMPLES)
    assert _lines(two.stderr) == _lines(one.stderr)


def test_jobs_2_summary_keeps_the_input_order(tmp_path):
    files = [str(p) for p in SAMPLES]
    one = _analyze("--jobs", "1", *files)
    two = _analyze("--jobs", "2", *files)
    assert (one.returncode, two.returncode) == (0, 0)
    assert two.stdout == one.stdout and "Claims (" in two.stdout


def test_jobs_2_out_dir_writes_every_result_as_one_process_does(tmp_path, capsys, nlp):
    files = _batch(tmp_path)
    # dup.txt beside dup.md: the naming rule of one process holds over workers too.
    for suffix in ("txt", "md"):
        dup = tmp_path / f"dup.{suffix}"
        dup.write_text(f"The mayor said the {suffix} bridge was safe.\n", encoding="utf-8")
        files.append(str(dup))
    assert main(["analyze", "--jobs", "1", "--out-dir", str(tmp_path / "one"), *files]) == 2
    run = _analyze("--jobs", "2", "--out-dir", str(tmp_path / "two"), *files)
    assert run.returncode == 2
    assert len(_lines(run.stderr)) == 1 and "empty.txt" in run.stderr
    written = sorted(p.name for p in (tmp_path / "two").iterdir())
    assert written == sorted([p.stem + ".json" for p in SAMPLES]
                             + ["dup.txt.json", "dup.md.json"])
    for name in written:
        assert (tmp_path / "two" / name).read_bytes() == (tmp_path / "one" / name).read_bytes()
    assert "md bridge" in json.loads((tmp_path / "two" / "dup.md.json").read_text())["text"]


def test_jobs_2_bad_files_get_one_line_each_and_status_2(tmp_path):
    bad = {"empty.txt": b"", "broken.docx": b"this is not a zip archive",
           "broken.pdf": b"%PDF-1.4 garbage"}
    for name, data in bad.items():
        (tmp_path / name).write_bytes(data)
    files = [str(tmp_path / name) for name in bad] + [str(tmp_path / "nowhere.txt"),
                                                      str(SAMPLES[0])]
    run = _analyze("--json", "--jobs", "2", *files)
    assert run.returncode == 2
    lines = _lines(run.stderr)
    assert all(line.startswith("briefing-app: ") for line in lines), lines
    for name in [*bad, "nowhere.txt"]:
        assert len([line for line in lines if name in line]) == 1, (name, lines)
    assert len(lines) == 4
    assert json.loads(run.stdout)["document"]["path"] == str(SAMPLES[0])


def test_jobs_2_unusable_pipeline_is_one_line_naming_it(tmp_path):
    folder = tmp_path / "not-a-pipeline"
    folder.mkdir()
    run = _analyze("--jobs", "2", "--model", str(folder), *map(str, SAMPLES))
    assert run.returncode == 2
    lines = _lines(run.stderr)
    assert len(lines) == 1 and str(folder) in lines[0] and "config.cfg" in lines[0]
    assert run.stdout == ""


def _big_article(path: Path) -> Path:
    """About 300,000 characters of distinct paragraphs: far more parsing than the CPU
    allowance below lets a worker do (short recurring paragraphs would be parsed once)."""
    text = "\n\n".join(p.read_text(encoding="utf-8") for p in SAMPLES)
    path.write_text("\n\n".join(f"Part {n}.\n\n{text}" for n in range(25)), encoding="utf-8")
    return path


@pytest.mark.skipif(sys.platform != "linux", reason="kills a worker through RLIMIT_CPU")
def test_a_worker_that_dies_costs_only_the_file_it_held(tmp_path):
    import resource

    big = _big_article(tmp_path / "big.txt")

    def cpu_allowance():
        # Every process of the batch may use 6 CPU seconds, then the kernel kills it with
        # SIGXCPU: enough to start a worker and analyse the samples, never the big article.
        # The worker holding it dies mid-file; a new one takes over the queue.
        resource.setrlimit(resource.RLIMIT_CPU, (6, resource.RLIM_INFINITY))
        resource.setrlimit(resource.RLIMIT_CORE, (0, resource.RLIM_INFINITY))

    out_dir = tmp_path / "out"
    run = _analyze("--jobs", "2", "--out-dir", str(out_dir), str(big), *map(str, SAMPLES),
                   preexec_fn=cpu_allowance)
    assert run.returncode == 2
    lines = _lines(run.stderr)
    assert len(lines) == 1, lines
    assert "big.txt" in lines[0] and "stopped (killed by SIGXCPU)" in lines[0]
    assert sorted(p.name for p in out_dir.iterdir()) == sorted(p.stem + ".json"
                                                               for p in SAMPLES)


def test_jobs_refuses_zero_and_default_is_at_most_one_per_file(capsys):
    assert main(["analyze", "--jobs", "0", str(SAMPLES[0])]) == 2
    assert "--jobs" in capsys.readouterr().err
    assert default_jobs(1) == 1
    assert 1 <= default_jobs(1000) <= 1000
