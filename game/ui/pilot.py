"""Drive the game without a display, as tests and `shots` do (after Textual's Pilot).

Synthetic key presses go through the same event handler as real ones; the
clock is a manual one, so animations and the timer are under the test's control.
"""

from __future__ import annotations

import os
from pathlib import Path

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

import pygame

from game.core.pack import Pack, load_pack
from game.core.session import ScreenKind, Session
from game.ui.app import App, create_session
from game.ui.drawlog import DrawLog, RecordingSurface
from game.ui.presenter import PresenterView
from game.ui.state import Overlay


class ManualClock:
    """A clock that moves only when told to."""

    def __init__(self, start: float = 1000.0) -> None:
        self.now = start

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


class PackNotPlayable(Exception):
    """The pack given to the pilot has errors in pack.yaml."""


def load_playable(folder: Path | str) -> Pack:
    """Load a pack that must load (tests, shots); raises PackNotPlayable with the problems."""
    result = load_pack(Path(folder))
    if result.pack is None:
        raise PackNotPlayable("\n".join(p.format() for p in result.errors))
    return result.pack


class Pilot:
    """A game app on an off-screen surface, pressed and clicked like the real thing."""

    def __init__(self, pack: Path | str, size: tuple[int, int] = (1024, 768),
                 lang: str | None = None, teams: list[str] | None = None,
                 paint: bool = True, presenter: tuple[int, int] | None = None) -> None:
        if not pygame.display.get_init():
            pygame.display.init()
        pygame.font.init()
        folder = Path(pack)
        self.clock = ManualClock()
        session = create_session(load_playable(folder), lang)
        self.app = App(session, folder, str(folder), size, clock=self.clock)
        if teams:
            self.app.controller.title.team_count = len(teams)
            self.app.controller.title.team_names[: len(teams)] = teams
        self.paint = paint
        """False: frames are recorded (`drawn`) but their pixels not drawn, for checks
        that read the record only (layouts, texts on screen); snapshots need True."""
        self.surface = RecordingSurface(size, self.app.fonts, paint)
        self.presenter: PresenterView | None = None
        """With `presenter` (its window's size), the presenter view, drawn after each frame
        of the room's window from that frame, as the game's two windows are."""
        self.presenter_size = presenter
        self.presenter_surface: RecordingSurface | None = None
        if presenter is not None:
            self.app.ui.presenter = False
            self.app.toggle_presenter = self.toggle_presenter
            self.toggle_presenter()
        self.frame()

    def toggle_presenter(self) -> None:
        """P: the presenter view on or off (as game.ui.windows does with a real window)."""
        size = self.presenter_size
        assert size is not None
        if self.presenter is None:
            self.presenter = PresenterView(self.app, size)
            self.presenter_surface = RecordingSurface(size, self.presenter.fonts, self.paint)
            self.app.ui.presenter = True
        else:
            self.presenter = self.presenter_surface = None
            self.app.ui.presenter = False
        self.app.dirty = True

    # ------------------------------------------------------------- queries
    @property
    def session(self) -> Session:
        return self.app.session

    @property
    def screen(self) -> ScreenKind:
        """The session's screen (whatever overlay is on top)."""
        return self.app.session.screen

    @property
    def overlay(self) -> Overlay | None:
        return self.app.ui.overlay

    @property
    def drawn(self) -> DrawLog:
        """Where each text and widget of the last frame landed (see game.ui.drawlog)."""
        log = self.surface.log
        assert log is not None
        return log

    @property
    def presenter_drawn(self) -> DrawLog:
        """What the presenter view's last frame drew (see `drawn`)."""
        assert self.presenter_surface is not None and self.presenter_surface.log is not None
        return self.presenter_surface.log

    def snapshot(self) -> pygame.Surface:
        """A copy of the last frame drawn."""
        return self.surface.copy()

    # ------------------------------------------------------------- actions
    def frame(self, settle: bool = True) -> pygame.Surface:
        """Draw a frame; with `settle`, after every animation has finished."""
        if settle:
            self.clock.advance(5.0)
        self.app.draw(self.surface)
        if self.presenter is not None and self.presenter_surface is not None:
            self.presenter.draw(self.presenter_surface, self.surface)
        return self.surface

    def press(self, *keys: str) -> None:
        """Press keys by pygame name ('return', '1', 'page down', 'ctrl+r', 'shift+f5')."""
        for spec in keys:
            *mods, name = spec.split("+") if spec != "+" else ["+"]
            mod = 0
            for m in mods:
                mod |= {"ctrl": pygame.KMOD_LCTRL, "shift": pygame.KMOD_LSHIFT,
                        "alt": pygame.KMOD_LALT}[m.lower()]
            key = pygame.key.key_code(name)
            char = name if len(name) == 1 and name.isprintable() and not mod else ""
            self._post(pygame.event.Event(pygame.KEYDOWN, key=key, mod=mod, unicode=char,
                                          scancode=0))
            if char:
                self._post(pygame.event.Event(pygame.TEXTINPUT, text=char))
            self.frame()

    def type(self, text: str) -> None:
        """Type text as the keyboard's text input would (for team names)."""
        for char in text:
            self._post(pygame.event.Event(pygame.TEXTINPUT, text=char))
        self.frame()

    def click(self, x: int, y: int, button: int = 1) -> None:
        """Click at (x, y) in the window."""
        self._post(pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=(x, y), button=button))
        self.frame()

    def resize(self, width: int, height: int) -> None:
        """Resize the window, as a user dragging its corner would."""
        self._post(pygame.event.Event(pygame.VIDEORESIZE, w=width, h=height,
                                      size=(width, height)))
        self.surface = RecordingSurface(self.app.size, self.app.fonts, self.paint)
        self.frame()

    def _post(self, event: pygame.event.Event) -> None:
        self.app.handle_event(event)
