"""Settings and app folders under hostile conditions: out-of-range values in the file or
from a caller, folders that are files or on a read-only file system, failed saves."""

from __future__ import annotations

import errno
import json
import os
import subprocess
import sys

import pytest

from briefing_app import paths
from briefing_app.settings import SETTINGS, Settings, SettingsError
from briefing_app.storage import atomic
from support.child_env import child_env


def _settings_file(tmp_path, values: dict):
    path = tmp_path / "settings.json"
    path.write_text(json.dumps(values), encoding="utf-8")
    return path


# ----------------------------------------------------------------------------- ranges
def test_number_settings_declare_their_ranges():
    ranges = {key: (s.minimum, s.maximum) for key, s in SETTINGS.items() if s.minimum is not None}
    assert ranges == {"max_input_mb": (1, 4096), "max_text_chars": (1000, 50_000_000),
                      "zoom": (-10, 20)}
    assert all(s.in_range(s.default) for s in SETTINGS.values() if s.minimum is not None)


@pytest.mark.parametrize("stored, read", [(10**30, 4096), (-5, 1), (0, 1), (4096, 4096), (7, 7)])
def test_out_of_range_values_in_the_file_are_clamped(tmp_path, stored, read):
    settings = Settings(_settings_file(tmp_path, {"max_input_mb": stored}))
    assert settings.get("max_input_mb") == read
    assert settings.input_limits()["max_bytes"] == read * 1024 * 1024


def test_clamped_zoom_and_text_limit(tmp_path):
    settings = Settings(_settings_file(tmp_path, {"zoom": -999, "max_text_chars": 10**12}))
    assert (settings.get("zoom"), settings.get("max_text_chars")) == (-10, 50_000_000)


def test_wrong_types_in_the_file_fall_back_to_defaults(tmp_path):
    settings = Settings(_settings_file(tmp_path, {"max_input_mb": True, "zoom": 2.5,
                                                  "author": 3}))
    assert (settings.get("max_input_mb"), settings.get("zoom"), settings.get("author")) \
        == (50, 0, "")


@pytest.mark.parametrize("value", [0, -1, 4097, 10**30])
def test_set_refuses_out_of_range_with_a_sentence(tmp_path, value):
    settings = Settings(tmp_path / "settings.json")
    with pytest.raises(SettingsError) as caught:
        settings.set("max_input_mb", value)
    assert str(caught.value) == (
        f"The setting max_input_mb takes a whole number from 1 to 4,096, not {value:,}.")
    assert settings.get("max_input_mb") == 50


def test_set_refuses_a_wrong_type_with_a_sentence(tmp_path):
    settings = Settings(tmp_path / "settings.json")
    with pytest.raises(SettingsError, match=r"^The setting zoom takes a whole number, not True\.$"):
        settings.set("zoom", True)
    settings.set("zoom", 20)
    assert settings.get("zoom") == 20


@pytest.mark.timeout(20)
def test_settings_file_that_is_a_fifo_gives_defaults_without_blocking(tmp_path):
    path = tmp_path / "settings.json"
    os.mkfifo(path)
    assert Settings(path).get("max_input_mb") == 50


# ----------------------------------------------------------------------------- saves
def test_save_is_atomic_and_leaves_no_temporary_file(tmp_path, monkeypatch):
    path = _settings_file(tmp_path, {"author": "Before"})
    settings = Settings(path)
    settings.set("author", "After")
    written = []
    real_replace = atomic.os.replace

    def watched_replace(src, dst):
        written.append((os.path.dirname(src), os.fspath(dst)))
        real_replace(src, dst)

    monkeypatch.setattr(atomic.os, "replace", watched_replace)
    settings.save()
    assert written == [(str(tmp_path), str(path))]
    assert Settings(path).get("author") == "After"
    assert [p.name for p in tmp_path.iterdir()] == ["settings.json"]


def test_save_on_a_read_only_file_system_is_one_sentence(tmp_path, monkeypatch):
    path = _settings_file(tmp_path, {"author": "Before"})
    settings = Settings(path)
    settings.set("author", "After")

    def read_only(*args, **kwargs):
        raise OSError(errno.EROFS, os.strerror(errno.EROFS))

    monkeypatch.setattr(atomic.tempfile, "mkstemp", read_only)
    with pytest.raises(SettingsError) as caught:
        settings.save()
    assert str(caught.value) == (f"Could not save the settings to {path}: the folder is "
                                 "read-only; they apply until the program closes.")
    assert json.loads(path.read_text(encoding="utf-8")) == {"author": "Before"}
    assert settings.get("author") == "After"


def test_save_where_a_file_stands_for_the_folder_is_one_sentence(tmp_path):
    (tmp_path / "config").write_text("not a folder", encoding="utf-8")
    settings = Settings(tmp_path / "config" / "settings.json")
    with pytest.raises(SettingsError, match="a file is in the way of its folder; they apply"):
        settings.save()


# ----------------------------------------------------------------------------- folders
def test_home_that_is_a_file_gives_defaults_and_one_warning(tmp_path):
    home = tmp_path / "home"
    home.write_text("", encoding="utf-8")
    paths.override_home(home)
    settings = Settings()
    assert settings.get("max_input_mb") == 50
    paths.log_dir()
    assert paths.warning() == (
        f"Could not use the settings folder {home / 'config'} (a file is in the way) or the "
        f"log folder {home / 'log'} (a file is in the way): the default settings apply and "
        "changes are not saved, no log is written; make them writable folders.")
    with pytest.raises(SettingsError, match="^Could not save the settings to "):
        settings.save()


def test_warning_clears_once_the_folder_can_be_made(tmp_path):
    home = tmp_path / "home"
    home.write_text("", encoding="utf-8")
    paths.override_home(home)
    paths.data_dir()
    assert "the data folder" in paths.warning()
    home.unlink()
    assert paths.data_dir().is_dir()
    assert paths.warning() is None


def test_read_only_file_system_gives_one_warning(tmp_path, monkeypatch):
    paths.override_home(tmp_path / "home")
    real_mkdir = type(tmp_path).mkdir

    def read_only(self, *args, **kwargs):
        if self.is_relative_to(tmp_path / "home"):
            raise OSError(errno.EROFS, os.strerror(errno.EROFS), str(self))
        real_mkdir(self, *args, **kwargs)

    monkeypatch.setattr(type(tmp_path), "mkdir", read_only)
    assert paths.config_dir() == tmp_path / "home" / "config"
    assert Settings().get("zoom") == 0
    assert paths.warning() == (
        f"Could not use the settings folder {tmp_path / 'home' / 'config'} (the file system "
        "is read-only): the default settings apply and changes are not saved; make it a "
        "writable folder.")


def test_xdg_config_home_that_is_a_file(tmp_path, monkeypatch):
    paths.override_home(None)
    monkeypatch.delenv("BRIEFING_APP_HOME")
    (tmp_path / "xdg").write_text("", encoding="utf-8")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg"))
    if not str(paths.config_dir()).startswith(str(tmp_path / "xdg")):
        pytest.skip("platformdirs does not use XDG_CONFIG_HOME on this platform")
    assert Settings().get("max_text_chars") == 2_000_000
    assert f"the settings folder {tmp_path / 'xdg'}" in paths.warning()


def test_analyze_with_a_home_that_is_a_file_has_no_traceback(tmp_path):
    home = tmp_path / "home"
    home.write_text("", encoding="utf-8")
    run = subprocess.run(
        [sys.executable, "-m", "briefing_app", "analyze", str(tmp_path / "nowhere.txt")],
        capture_output=True, text=True, timeout=120, env=child_env(BRIEFING_APP_HOME=str(home)))
    assert "Traceback" not in run.stderr
    assert run.returncode == 2
    assert "nowhere.txt" in run.stderr and "could not be found" in run.stderr
    warnings = [line for line in run.stderr.splitlines() if "warning: Could not use" in line]
    assert len(warnings) == 1 and str(home) in warnings[0]  # said once, naming the folder
