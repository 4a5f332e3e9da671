"""Plain-text loading: encodings, offsets, paragraphs, limits and refusals."""

import datetime
import hashlib
import os

import pytest

from briefing_app.errors import LoadError
from briefing_app.settings import Settings
from briefing_app.storage.readers import load
from briefing_app.storage.readers.common import format_size, paragraph_spans
from briefing_app.storage.readers.load import load_path, load_text
from support.refusals import refused

ARTICLE = (
    "Port talks stall\n\n"
    "The union said that the strike would go on. \u201cWe are ready,\u201d she said.\n\n"
    "Caf\u00e9 owners near the port said it was the worst week of the year for them."
)



def check_offsets(source):
    assert source.paragraphs
    for start, end in source.paragraphs:
        assert 0 <= start < end <= len(source.text)
        assert source.text[start:end].strip() == source.text[start:end]


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "cp1252"])
def test_txt_encodings_decode_to_the_same_text(tmp_path, encoding):
    path = tmp_path / f"article-{encoding}.txt"
    raw = ARTICLE.encode(encoding)
    path.write_bytes(raw)
    source = load_path(path)
    assert source.text == ARTICLE
    assert source.sha256 == hashlib.sha256(raw).hexdigest()
    assert source.id == "src" + source.sha256[:10]
    assert source.format == "txt"
    assert source.path == str(path)
    assert source.title == "Port talks stall"
    assert source.accessed == datetime.date.today().isoformat()
    assert [source.text[s:e][:12] for s, e in source.paragraphs] == [
        "Port talks s", "The union sa", "Caf\u00e9 owners "]
    if encoding == "cp1252":
        assert "decoded as cp1252" in source.notes
    if encoding == "utf-16":
        assert raw.startswith((b"\xff\xfe", b"\xfe\xff"))  # BOM written by Python's codec


def test_markdown_title_drops_heading_marks(tmp_path):
    path = tmp_path / "notes.md"
    path.write_text("# Border dispute\n\nFirst paragraph of the article.\n", encoding="utf-8")
    source = load_path(path)
    assert source.format == "md"
    assert source.title == "Border dispute"
    assert len(source.paragraphs) == 2


def test_control_characters_become_spaces_and_offsets_match_the_file(tmp_path):
    text = "Head\x00line\n\nBody\x07 text\x1b with\tcontrols.\n"
    path = tmp_path / "controls.txt"
    path.write_bytes(text.encode("utf-8"))
    source = load_path(path)
    assert len(source.text) == len(text)
    assert source.text == "Head line\n\nBody  text  with\tcontrols.\n"
    assert any("control characters replaced" in note for note in source.notes)
    check_offsets(source)


def test_crlf_is_kept_and_offsets_point_into_it(tmp_path):
    text = "Title line\r\n\r\nFirst paragraph\r\ncontinues here.\r\n\r\nSecond one.\r\n"
    path = tmp_path / "windows.txt"
    path.write_bytes(text.encode("utf-8"))
    source = load_path(path)
    assert source.text == text
    assert [source.text[s:e] for s, e in source.paragraphs] == [
        "Title line", "First paragraph\r\ncontinues here.", "Second one."]


def test_text_without_blank_lines_has_one_paragraph_per_line():
    text = "one line\ntwo line\n\n"  # a trailing blank line does not separate anything
    assert [text[s:e] for s, e in paragraph_spans(text)] == ["one line", "two line"]
    assert paragraph_spans("   \n\n  ") == []


def test_one_megabyte_without_line_breaks_loads(tmp_path):
    text = ("The minister said the talks would resume. " * 25_000)[:1_000_000]
    path = tmp_path / "long.txt"
    path.write_text(text, encoding="utf-8")
    source = load_path(path)
    assert len(source.text) == 1_000_000
    assert source.paragraphs == [(0, len(text.rstrip()))]


def test_non_english_text_gets_a_note(tmp_path):
    path = tmp_path / "german.txt"
    path.write_text("Die Regierung erkl\u00e4rte am Montag, dass Verhandlungen mit "
                    "Gewerkschaften fortgesetzt werden, obwohl Hafenarbeiter weiterhin "
                    "streiken und Reedereien ihre Schiffe umleiten m\u00fcssen. " * 3,
                    encoding="utf-8")
    assert any("English" in note for note in load_path(path).notes)
    english = tmp_path / "english.txt"
    english.write_text(ARTICLE * 3, encoding="utf-8")
    assert load_path(english).notes == []


def test_unknown_extension_is_sniffed_as_text(tmp_path):
    path = tmp_path / "article.text"
    path.write_text(ARTICLE, encoding="utf-8")
    source = load_path(path)
    assert source.text == ARTICLE and source.format == "txt"


def test_paste():
    source = load_text("  \nPasted headline\nsecond line\x00\n")
    assert source.format == "paste" and source.path == ""
    assert source.title == "Pasted headline"
    pasted = b"  \nPasted headline\nsecond line\x00\n"
    assert source.sha256 == hashlib.sha256(pasted).hexdigest()
    assert source.text.endswith("second line \n")
    assert len(source.paragraphs) == 2
    assert load_text("x y z", title="Mine", fmt="clipboard").title == "Mine"


def test_paste_refusals():
    with pytest.raises(LoadError, match="empty"):
        load_text(" \n\t")
    with pytest.raises(LoadError, match=r"2,345,678 characters.*2,000,000-character limit "
                                        r"\(setting: max_text_chars\)"):
        load_text("a" * 2_345_678)


# --- refusals -------------------------------------------------------------------------


def test_empty_file(tmp_path):
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    assert "empty" in refused(path)
    blank = tmp_path / "blank.md"
    blank.write_bytes(b"  \n\n \r\n")
    refused(blank)


@pytest.mark.parametrize("name", ["binary.txt", "binary.dat", "binary.md"])
def test_binary_bytes_are_refused(tmp_path, name):
    path = tmp_path / name
    path.write_bytes(b"\x7fELF\x02\x01\x01" + bytes(range(32)) * 200 + b"\x00" * 4000)
    assert "binary" in refused(path)


def test_undecodable_noise_is_refused(tmp_path):
    path = tmp_path / "noise.txt"
    path.write_bytes(bytes(range(128, 256)) * 40)
    refused(path)


def test_missing_file_and_folder(tmp_path):
    refused(tmp_path / "missing.txt")
    folder = tmp_path / "folder.txt"
    folder.mkdir()
    assert "folder" in refused(folder)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes need POSIX")
def test_named_pipe_is_refused_without_blocking(tmp_path):
    path = tmp_path / "pipe.txt"
    os.mkfifo(path)
    assert "regular file" in refused(path)


def test_file_above_max_bytes_is_refused_naming_the_setting(tmp_path):
    path = tmp_path / "big.txt"
    path.write_text(ARTICLE * 10, encoding="utf-8")
    message = refused(path, max_bytes=100)
    assert "input limit (setting: max_input_mb)" in message


def test_text_above_max_chars_is_refused_naming_the_setting(tmp_path):
    path = tmp_path / "long.txt"
    path.write_text("a" * 2_345, encoding="utf-8")
    message = refused(path, max_chars=2_000)
    assert "has 2,345 characters, more than the 2,000-character limit" in message
    assert "(setting: max_text_chars)" in message


def test_default_limits_message(tmp_path):
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:  # sparse: cheap to create, 50 MB + 1 on paper
        handle.truncate(50 * 1024 * 1024 + 1)
    assert "larger than the 50 MB input limit (setting: max_input_mb)" in refused(path)


def test_the_settings_limit_reads_as_whole_megabytes(tmp_path):
    path = tmp_path / "big.txt"
    path.write_bytes(b"Port news. " * 200_000)  # 2.2 MB
    settings = Settings()
    settings.set("max_input_mb", 2)
    message = refused(path, **settings.input_limits())
    assert "larger than the 2 MB input limit" in message


@pytest.mark.parametrize("size, shown", [
    (1, "1 byte"), (300, "300 bytes"), (5_000, "4.9 KB"), (12 * 1024, "12 KB"),
    (50 * 1024 * 1024, "50 MB"), (50_000_000, "48 MB"), (int(1.5 * 1024 ** 3), "1.5 GB"),
    (10 * 1024 ** 3, "10 GB"),
])
def test_sizes_read_naturally_in_one_unit(size, shown):
    assert format_size(size) == shown


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"])
def test_wide_text_without_a_byte_order_mark_is_decoded(tmp_path, encoding):
    path = tmp_path / f"article-{encoding}.txt"
    path.write_bytes(ARTICLE.encode(encoding))
    source = load_path(path)
    assert source.text == ARTICLE
    assert any(note.startswith(f"decoded as {encoding} ") and "byte-order mark" in note
               for note in source.notes), source.notes


def test_wide_looking_binary_is_still_refused(tmp_path):
    # Every other byte NUL, like UTF-16 LE, but the "characters" are control codes.
    path = tmp_path / "table.txt"
    path.write_bytes(bytes([3, 0, 5, 0, 7, 0, 1, 0]) * 1000)
    assert "binary" in refused(path)


def test_character_limit_is_checked_before_the_control_work(tmp_path, monkeypatch):
    def never(text):
        raise AssertionError("control characters replaced in a text already too long")

    monkeypatch.setattr(load, "replace_controls", never)
    path = tmp_path / "long.txt"
    path.write_text("Quiet docks.\x00 " * 1_000, encoding="utf-8")
    assert "(setting: max_text_chars)" in refused(path, max_chars=5_000)


def test_100000_one_character_paragraphs_are_split(tmp_path):
    text = "".join(f"{chr(97 + i % 26)}\n\n" for i in range(100_000))
    spans = paragraph_spans(text)
    assert len(spans) == 100_000
    assert spans[0] == (0, 1) and spans[-1] == (len(text) - 3, len(text) - 2)
    assert all(end - start == 1 for start, end in spans)
    path = tmp_path / "letters.txt"
    path.write_text(text, encoding="utf-8")
    assert len(load_path(path).paragraphs) == 100_000
