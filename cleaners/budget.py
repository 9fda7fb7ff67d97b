"""Bound the time one document may take, so a pathological page cannot stall its batch."""

from __future__ import annotations

import ctypes
import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager


class DocTimeout(Exception):
    """Raised inside the cleaning of a document that overran its time budget."""


@contextmanager
def time_budget(seconds: float) -> Iterator[None]:
    """Raise DocTimeout in this thread if the block runs longer than ``seconds``.

    In a process's main thread a real-time signal interrupts the work; elsewhere (Prefect's
    thread pool) a watchdog raises the exception asynchronously in the worker thread. Both
    take effect between Python bytecodes, so a single long C call (one regex or parse) is
    bounded by the size budget instead.
    """
    if seconds <= 0:
        yield
        return
    if threading.current_thread() is threading.main_thread() and hasattr(signal, "setitimer"):
        with _alarm(seconds):
            yield
    else:
        with _watchdog(seconds):
            yield


@contextmanager
def _alarm(seconds: float) -> Iterator[None]:
    def on_alarm(signum: int, frame: object) -> None:
        raise DocTimeout(f"over the {seconds:g} s budget")

    previous = signal.signal(signal.SIGALRM, on_alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


@contextmanager
def _watchdog(seconds: float) -> Iterator[None]:
    target = threading.get_ident()
    done = threading.Event()
    fired = threading.Event()

    def interrupt() -> None:
        if done.wait(seconds):
            return
        fired.set()
        ctypes.pythonapi.PyThreadState_SetAsyncExc(
            ctypes.c_ulong(target), ctypes.py_object(DocTimeout)
        )

    watcher = threading.Thread(target=interrupt, name="pagewash-doc-budget", daemon=True)
    watcher.start()
    try:
        yield
    finally:
        done.set()
        watcher.join()
        if fired.is_set():
            # The exception may still be pending if the block ended just as it fired.
            ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(target), None)
