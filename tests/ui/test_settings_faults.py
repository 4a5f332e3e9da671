"""The window when its settings cannot be written or its folders cannot be used: it says so
in the status bar and goes on; nothing raises inside a Qt slot."""

import errno

from briefing_app import paths


def test_a_failed_settings_save_is_said_and_the_window_goes_on(window, monkeypatch):
    def read_only(*_args, **_kwargs):
        raise OSError(errno.EROFS, "Read-only file system")

    monkeypatch.setattr("briefing_app.settings.atomic_write_bytes", read_only)
    assert window.save_settings(now=True) is False  # as on closing
    shown = window.statusBar().currentMessage()
    assert shown.startswith("Could not save the settings") and "read-only" in shown


def test_a_settings_save_is_written_off_the_gui_thread_and_its_failure_said(
        window, qtbot, monkeypatch):
    import threading

    from briefing_app import settings as settings_module
    from briefing_app.settings import Settings

    writers, real_write = [], settings_module.atomic_write_bytes

    def read_only(*_args, **_kwargs):
        writers.append(threading.current_thread() is threading.main_thread())
        raise OSError(errno.EROFS, "Read-only file system")

    monkeypatch.setattr("briefing_app.settings.atomic_write_bytes", read_only)
    window.statusBar().clearMessage()
    assert window.save_settings() is True  # handed to the writer: the window goes on
    qtbot.waitUntil(lambda: "read-only" in window.statusBar().currentMessage())
    assert writers == [False]
    monkeypatch.setattr(settings_module, "atomic_write_bytes", real_write)
    window.settings.set("author", "A. Analyst")
    window.save_settings()
    window.shutdown()  # waits for the write under way
    assert Settings(window.settings.path).get("author") == "A. Analyst"


def test_unusable_folders_are_said_once_at_start(make_window, handmade, tmp_path, monkeypatch):
    blocked = tmp_path / "home-is-a-file"
    blocked.write_text("", encoding="utf-8")
    paths.override_home(blocked)
    paths.config_dir()  # the folder cannot be made: noted, defaults used
    problem = paths.warning()
    assert problem and str(blocked) in problem
    window = make_window(handmade.FakeEngine())
    shown = window.statusBar().currentMessage()
    assert shown.startswith("Could not use") and str(blocked) in shown
