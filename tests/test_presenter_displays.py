"""Where the windows go with one display and with two (pygame's display calls recorded)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pygame
import pytest

from game.ui.pilot import Pilot
from game.ui.windows import Windows, centred_on

EXAMPLE = Path(__file__).parent / "packs" / "format-example"


class FakeWindow:
    """A stand-in for pygame.Window: remembers where it was put and whether it is open."""

    def __init__(self, title: str, size: tuple[int, int], position: Any = None,
                 resizable: bool = False) -> None:
        self.title, self.size, self.position = title, size, position
        self.open = True

    def destroy(self) -> None:
        self.open = False

    def get_surface(self) -> pygame.Surface:
        return pygame.Surface(self.size)

    def flip(self) -> None:
        pass


@pytest.fixture
def displays(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, int]]:
    """Two displays; each `set_mode` of the room's window recorded as (kind, display)."""
    opened: list[tuple[str, int]] = []

    def set_mode(size: tuple[int, int], flags: int = 0, depth: int = 0,
                 display: int = 0) -> pygame.Surface:
        opened.append(("full screen" if flags & pygame.FULLSCREEN else "window", display))
        return pygame.Surface(size if size != (0, 0) else (1920, 1080))

    monkeypatch.setattr(pygame.display, "get_num_displays", lambda: 2)
    monkeypatch.setattr(pygame.display, "get_desktop_sizes", lambda: [(1366, 768),
                                                                      (1920, 1080)])
    monkeypatch.setattr(pygame.display, "set_mode", set_mode)
    monkeypatch.setattr(pygame, "Window", FakeWindow)
    return opened


def attached(windows: Windows) -> Pilot:
    pilot = Pilot(EXAMPLE, paint=False)
    windows.attach(pilot.app)
    return pilot


def test_with_two_displays_the_room_is_full_screen_on_the_projector(
        displays: list[tuple[str, int]]) -> None:
    windows = Windows(None, presenter=True)
    attached(windows)
    assert displays == [("full screen", 1)]
    assert isinstance(windows.window, FakeWindow)
    assert windows.window.position == centred_on(0)  # the laptop's display
    assert windows.window.size == (1229, 691)  # 90% of the laptop's screen


def test_f7_swaps_the_displays_of_the_two_windows(displays: list[tuple[str, int]]) -> None:
    windows = Windows(None, presenter=True)
    pilot = attached(windows)
    pilot.press("f7")
    assert displays[-1] == ("full screen", 0)
    assert windows.window is not None and windows.window.position == centred_on(1)
    pilot.press("f7")
    assert displays[-1] == ("full screen", 1)


def test_without_presenter_the_room_opens_where_it_always_did(
        displays: list[tuple[str, int]]) -> None:
    windows = Windows(None, presenter=False)
    pilot = attached(windows)
    assert displays == [("full screen", 0)] and windows.window is None
    pilot.press("p")  # turned on during the session: the room moves to the projector
    assert displays[-1] == ("full screen", 1) and windows.window is not None
    opened = windows.window
    pilot.press("p")
    assert windows.window is None and not opened.open  # type: ignore[attr-defined]


def test_with_one_display_both_are_windows(displays: list[tuple[str, int]],
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pygame.display, "get_num_displays", lambda: 1)
    windows = Windows(None, presenter=True)
    attached(windows)
    assert displays == [("window", 0)]
    assert windows.window is not None and windows.window.position == centred_on(0)
