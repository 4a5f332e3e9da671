"""collector.paused: collections off for a stretch, on again when the last stretch ends,
in whichever thread the stretches run, and never switched on if they were off before."""

import gc
import threading

from briefing_app import collector


def test_overlapping_pauses_in_two_threads_end_with_the_last():
    entered, leave, left = threading.Event(), threading.Event(), threading.Event()

    def loader():  # like a project being opened on a worker thread
        with collector.paused():
            entered.set()
            leave.wait(10)
        left.set()

    assert gc.isenabled()
    worker = threading.Thread(target=loader)
    worker.start()
    assert entered.wait(10)
    with collector.paused():  # like an autosave piece on the GUI thread, meanwhile
        assert not gc.isenabled()
        leave.set()
        assert left.wait(10)
        assert not gc.isenabled()  # the worker's stretch ended, this one has not
    worker.join(10)
    assert gc.isenabled()


def test_a_pause_inside_a_pause_and_after_an_error():
    try:
        with collector.paused():
            with collector.paused():
                pass
            assert not gc.isenabled()
            raise KeyError("boom")
    except KeyError:
        pass
    assert gc.isenabled()


def test_collections_that_were_off_stay_off():
    gc.disable()
    try:
        with collector.paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()
