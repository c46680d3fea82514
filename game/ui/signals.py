"""SIGTERM and Ctrl+C before the game's loop runs (while the pack loads behind its title).

SDL turns these signals into a window-close event when nobody else has claimed them, and a
close asks "Quit?" once: a terminal's Ctrl+C or a service manager's SIGTERM would then wait
for an answer nobody gives. So they are claimed before the first window opens, kept until
the loop takes over (`take`), and then handled as quitting is."""

from __future__ import annotations

import signal
import threading
from types import FrameType
from typing import Any

STOPPING = (signal.SIGTERM, signal.SIGINT)
pending: list[int] = []
"""Signals received before the loop ran."""
_previous: dict[int, Any] = {}


def _remember(signum: int, frame: FrameType | None) -> None:
    pending.append(signum)


def claim() -> None:
    """From now on, SIGTERM and SIGINT are remembered instead of ending or closing the game
    (only the main thread may set handlers: elsewhere, as in a test's thread, nothing)."""
    if threading.current_thread() is not threading.main_thread():
        return
    for sig in STOPPING:
        previous = signal.signal(sig, _remember)
        _previous.setdefault(sig, previous)


def release() -> None:
    """Give the signals back to whoever had them before `claim`."""
    for sig, handler in _previous.items():
        signal.signal(sig, handler)
    _previous.clear()
