"""The presenter view under a real X display: two windows, keys in each, what each shows.

`python main.py --presenter --window 1024x768` under Xvfb, driven by xdotool, read back by
tesseract: the room's window shows the room's screens only, the presenter window the notes,
the choices and where they lead; a window closed as a window manager closes it.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.xwindows import close, ocr, picture, type_into, wait_for, windows_of, xdo, xvfb

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "tests" / "packs" / "format-example"
ROOM, LAPTOP = "Degrees of Risk", "Degrees of Risk · presenter"


@pytest.fixture
def display() -> Iterator[str]:
    with xvfb() as name:
        yield name


def test_two_windows_keys_in_each_act_and_each_shows_what_it_should(display: str,
                                                                       tmp_path: Path) -> None:
    env = {**os.environ, "DISPLAY": display, "SDL_AUDIODRIVER": "dummy",
           "PYTHONPATH": str(ROOT), "DOR_REPORT_FIRST_FRAME": "1"}
    env.pop("SDL_VIDEODRIVER", None)  # the tests' dummy driver: here the real X11 one
    game = subprocess.Popen([sys.executable, str(ROOT / "main.py"), "--presenter", "--window",
                             "1024x768", "--pack", str(EXAMPLE), "--data-dir",
                             str(tmp_path / "data")], env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    shots = tmp_path / "shots"
    shots.mkdir()

    def read(window: int, name: str, *expected: str) -> str:
        """The window's words, once they hold `expected` (bounded: a loaded machine may
        take a moment to draw; after 20 s the last reading is returned for the assert)."""
        end = time.monotonic() + 20
        while True:
            seen = ocr(picture(display, window), shots / f"{name}.png")
            if all(words in seen for words in expected) or time.monotonic() > end:
                return seen
            time.sleep(0.3)

    try:
        assert game.stdout is not None and game.stdout.readline().startswith("first-frame")
        wait_for(lambda: len(windows_of(display, game.pid)) == 2)
        found = windows_of(display, game.pid)
        room, laptop = found[ROOM], found[LAPTOP]
        # Side by side (one display, no window manager: they open overlapping).
        xdo(display, "windowmove", str(room), "0", "0")
        xdo(display, "windowmove", str(laptop), "1100", "0")
        time.sleep(0.5)
        assert picture(display, room).get_size() == (1024, 768)

        type_into(display, room, "Return")  # typed into the room's window: the menu
        assert "Safe or risky?" in read(room, "room-menu", "Safe or risky?")
        type_into(display, laptop, "Return")  # typed into the laptop's: the first step
        seen = read(room, "room-step", "waitress job in Istanbul")
        assert "waitress job in Istanbul" in seen
        assert "Facilitator notes" not in seen and "then:" not in seen
        notes = read(laptop, "laptop-step", "Facilitator notes", "Safe - then:")
        assert "Facilitator notes" in notes
        assert "Ask the group who they would ask for advice." in notes
        assert "Choices, where each leads" in notes and "Safe - then:" in notes

        type_into(display, laptop, "Escape")  # the pause menu: on the laptop only
        assert "Paused" in read(laptop, "laptop-pause", "Paused")
        assert "Paused" not in read(room, "room-pause")
        type_into(display, laptop, "Escape")

        close(display, room)  # the room's window closed: asks once, as quitting does
        quit_asked = "Quit? Press Enter again to quit"
        assert quit_asked in read(laptop, "laptop-quit", quit_asked)
        assert game.poll() is None
        type_into(display, laptop, "Escape")

        xdo(display, "windowsize", str(laptop), "800", "600")  # a resize: laid out again
        wait_for(lambda: picture(display, laptop).get_size() == (800, 600))
        assert "Facilitator notes" in read(laptop, "laptop-800x600", "Facilitator notes")

        close(display, laptop)  # the presenter window closed: the session goes on
        wait_for(lambda: list(windows_of(display, game.pid)) == [ROOM])
        assert game.poll() is None
        type_into(display, room, "1")
        assert "Warning signs" in read(room, "room-feedback", "Warning signs")
        type_into(display, room, "n")  # the notes are the room's again, as without the view
        advice = "Ask the group who they would ask for advice."
        assert advice in read(room, "room-notes", advice)
        type_into(display, room, "n")
        close(display, room)  # now the only window: it asks once, then quits
        assert quit_asked in read(room, "room-quit", quit_asked)
        type_into(display, room, "Return")
        assert game.wait(timeout=30) == 0
    finally:
        if game.poll() is None:
            game.kill()
            game.wait()
    stderr = game.stderr.read() if game.stderr else ""
    assert "Traceback" not in stderr, stderr
