"""storage.files.read_user_file against real special files: a FIFO, a link to /dev/zero, a
folder, a missing path, a file over the limit; each is one sentence, none blocks."""

from __future__ import annotations

import os

import pytest

from briefing_app.errors import ExportError, LoadError
from briefing_app.storage.files import read_user_file


def test_regular_file_is_read_whole(tmp_path):
    path = tmp_path / "a.bin"
    path.write_bytes(b"x" * 1000)
    assert read_user_file(path, "the file", 1000) == b"x" * 1000


def test_link_to_a_regular_file_is_followed(tmp_path):
    (tmp_path / "real.docx").write_bytes(b"data")
    (tmp_path / "link.docx").symlink_to(tmp_path / "real.docx")
    assert read_user_file(tmp_path / "link.docx", "the template", 100) == b"data"


@pytest.mark.timeout(20)
def test_fifo_is_refused_without_blocking(tmp_path):
    path = tmp_path / "pipe.briefing"
    os.mkfifo(path)
    with pytest.raises(LoadError) as caught:
        read_user_file(path, "the project", 1000)
    assert str(caught.value) == ("Could not open the project pipe.briefing: it is a named pipe "
                                 "(FIFO), not a regular file; choose a saved file instead.")


@pytest.mark.timeout(20)
def test_link_to_dev_zero_is_refused_as_a_device(tmp_path):
    path = tmp_path / "endless.dotx"
    path.symlink_to("/dev/zero")
    with pytest.raises(ExportError, match=r"endless\.dotx: it is a device, not a regular file"):
        read_user_file(path, "the template", 1000, error=ExportError)


def test_folder_is_refused(tmp_path):
    (tmp_path / "folder.docx").mkdir()
    with pytest.raises(LoadError, match=r"folder\.docx: it is a folder, not a regular file"):
        read_user_file(tmp_path / "folder.docx", "the template", 1000)


def test_missing_file_is_one_sentence(tmp_path):
    with pytest.raises(LoadError) as caught:
        read_user_file(tmp_path / "gone.briefing", "the project", 1000)
    assert str(caught.value) == "Could not open the project gone.briefing: it could not be found."


def test_file_under_a_file_is_one_sentence(tmp_path):
    (tmp_path / "plain").write_bytes(b"")
    with pytest.raises(LoadError, match="Could not open the project x.briefing: "):
        read_user_file(tmp_path / "plain" / "x.briefing", "the project", 1000)


def test_file_over_the_limit_is_refused_by_its_size(tmp_path):
    path = tmp_path / "big.dotx"
    path.write_bytes(b"x" * (2 * 1024 * 1024 + 1))
    with pytest.raises(LoadError) as caught:
        read_user_file(path, "the template", 2 * 1024 * 1024)
    assert str(caught.value) == ("Could not open the template big.dotx: it is larger than the "
                                 "2 MB that the template may hold; choose a smaller file.")


def test_file_that_grows_after_the_check_is_cut_at_one_byte_over(tmp_path, monkeypatch):
    # A file still being written: fstat says small, the read finds more.
    path = tmp_path / "growing.briefing"
    path.write_bytes(b"x" * 5000)
    real_fstat = os.fstat

    def stale_fstat(fd):
        status = real_fstat(fd)
        return os.stat_result((status.st_mode, *status[1:6], 10, *status[7:]))

    monkeypatch.setattr(os, "fstat", stale_fstat)
    with pytest.raises(LoadError, match="larger than the 1,000 bytes"):
        read_user_file(path, "the project", 1000)
