"""The game's windows: the room's (the projector) and, on demand, the facilitator's (the laptop).

The audience window is pygame's display window, as without a presenter view; the presenter
window is a second `pygame.Window` (pygame-ce's multiple windows). With two displays the
audience window goes full screen on the projector's (SDL's second display, the laptop's
being the first) and the presenter window onto the laptop's; with one display both open
as windows the facilitator can drag. F7 swaps their displays; P (or the pause menu)
opens and closes the presenter window during a session.

Keys act whichever window has focus. The presenter window closed by the window manager
closes the presenter view (the session goes on); the audience window closed asks once,
as quitting does. Each window redraws only when its own content changed.
"""

from __future__ import annotations

import contextlib
from typing import TYPE_CHECKING

import pygame

from game.core.commands import Action, Command

if TYPE_CHECKING:
    from game.ui.app import App
    from game.ui.presenter import PresenterView

PRESENTER_TITLE = "Degrees of Risk · presenter"
WINDOWED = (1280, 720)
_CENTRED_ON = 0x2FFF0000
"""SDL_WINDOWPOS_CENTERED_DISPLAY(n) is this | n: a window centred on display n."""


def open_window(size: tuple[int, int] | None, display: int = 0) -> pygame.Surface:
    """A window of `size`, or (None) full screen on the whole of display `display` (the
    first unless a presenter view puts the room's window on the projector's).

    Full screen from a window: the window is first moved to the screen's corner and the
    mode set to the desktop's size. Without a window manager (a projector laptop booted
    into the game) SDL otherwise keeps the window's old position, and the picture comes
    out offset, cut at the right and the bottom."""
    if size is None:
        sizes = pygame.display.get_desktop_sizes()
        with contextlib.suppress(pygame.error, AttributeError):
            if display == 0 and pygame.display.get_surface() is not None:
                pygame.Window.from_display_module().position = (0, 0)
        return pygame.display.set_mode(sizes[display] if display < len(sizes) else (0, 0),
                                       pygame.FULLSCREEN, display=display)
    return pygame.display.set_mode(size, pygame.RESIZABLE, display=display)


def centred_on(display: int) -> tuple[int, int]:
    """The window position that centres a window on display `display` (SDL's encoding)."""
    return (_CENTRED_ON | display, _CENTRED_ON | display)


class Windows:
    """The audience window and the presenter window of one `App`, and their loop's steps."""

    app: App

    def __init__(self, window: tuple[int, int] | None, presenter: bool) -> None:
        """Open the room's window (full screen unless `window`); `attach` then gives it
        the game and opens the presenter window when `presenter`."""
        self.presenter_asked = presenter
        self.windowed_size = window or WINDOWED
        self.fullscreen = window is None
        self.displays = max(1, pygame.display.get_num_displays())
        self.audience_display = 0  # without a presenter view, where it always opened
        self.presenter_display = 0
        self.window: pygame.Window | None = None
        self.view: PresenterView | None = None
        self.room_frames = 0
        """Settled frames of the audience window: the presenter view copies the last one."""
        if presenter:
            self._place_for_presenter()
        self.surface = self._open_audience()

    def attach(self, app: App) -> None:
        """Play `app` in these windows: F11, P and F7 become theirs."""
        self.app = app
        app.toggle_fullscreen = self.toggle_fullscreen
        app.toggle_presenter = self.toggle_presenter
        app.swap_displays = self.swap_displays
        app.ui.presenter = False
        if self.presenter_asked:
            self.open_presenter()

    # ------------------------------------------------------------ windows
    def _open_audience(self) -> pygame.Surface:
        size = None if self.fullscreen else self.windowed_size
        return open_window(size, self.audience_display)

    def _place_for_presenter(self) -> bool:
        """Where the room's window goes beside a presenter window: the projector's display
        (the second), or with one display a window rather than a full screen hiding the
        other. True when the room's window must open again to get there."""
        if self.displays > 1:
            if self.audience_display != self.presenter_display:
                return False
            self.audience_display, self.presenter_display = 1, 0
            return True
        if self.fullscreen:
            self.fullscreen = False
            return True
        return False

    def _presenter_size(self) -> tuple[int, int]:
        sizes = pygame.display.get_desktop_sizes()
        width, height = sizes[self.presenter_display % len(sizes)] if sizes else WINDOWED
        if self.displays > 1:
            return (max(640, width * 9 // 10), max(480, height * 9 // 10))
        return (max(640, min(1280, width * 6 // 10)), max(480, min(800, height * 6 // 10)))

    def open_presenter(self) -> None:
        """Open the presenter window (on the laptop's display when there are two)."""
        if self.window is not None:
            return
        if self._place_for_presenter():
            self.surface = self._open_audience()
            self.app.resize(self.surface.get_size())
        size = self._presenter_size()
        self.window = pygame.Window(PRESENTER_TITLE, size,
                                    position=centred_on(self.presenter_display),
                                    resizable=True)
        # Imported here: the first frame (game/ui/splash.py) opens the window with
        # `open_window` before the screens and the pack's models are imported.
        from game.ui.presenter import PresenterView

        self.view = PresenterView(self.app, self.window.size)
        self.app.ui.presenter = True
        self.app.dirty = True  # the room's window stops drawing the facilitator's overlays

    def close_presenter(self) -> None:
        """Close the presenter window; the room's window takes its overlays back."""
        if self.window is None:
            return
        self.window.destroy()
        self.window, self.view = None, None
        self.app.ui.presenter = False
        self.app.dirty = True

    def toggle_presenter(self) -> None:
        """P: the presenter window on or off."""
        if self.window is None:
            self.open_presenter()
        else:
            self.close_presenter()

    def toggle_fullscreen(self) -> None:
        """F11 in the room's window: full screen or a window."""
        self.fullscreen = not self.fullscreen
        self.surface = self._open_audience()
        self.app.resize(self.surface.get_size())

    def swap_displays(self) -> None:
        """F7: the room's window and the presenter window change displays."""
        if self.displays < 2:
            return  # one display: both are windows the facilitator drags where wanted
        self.audience_display, self.presenter_display = (self.presenter_display,
                                                         self.audience_display)
        self.surface = self._open_audience()
        self.app.resize(self.surface.get_size())
        if self.window is not None:
            self.window.position = centred_on(self.presenter_display)
            if self.view is not None:
                self.view.dirty = True

    # ------------------------------------------------------------- events
    def handle(self, event: pygame.event.Event) -> None:
        """One event of either window, sent where it belongs."""
        app = self.app
        window = getattr(event, "window", None)
        kind = event.type
        if self.window is not None and window is self.window:
            view = self.view
            assert view is not None
            if kind == pygame.WINDOWCLOSE:
                self.close_presenter()
            elif kind in (pygame.WINDOWRESIZED, pygame.WINDOWSIZECHANGED, pygame.VIDEORESIZE):
                view.resize(window.size)
            elif kind in (pygame.WINDOWEXPOSED, pygame.WINDOWSHOWN, pygame.WINDOWRESTORED,
                          pygame.WINDOWFOCUSGAINED):
                view.dirty = True
            elif kind == pygame.MOUSEBUTTONDOWN:
                view.click(event.pos, event.button)
            elif kind in (pygame.KEYDOWN, pygame.TEXTINPUT):
                app.handle_event(event)  # the facilitator's keys act from either window
            return
        if kind == pygame.WINDOWCLOSE and self.window is not None:
            # With a second window open, SDL sends no QUIT for the first: ask, as quitting does.
            app.dispatch(Command(Action.QUIT))
            return
        app.handle_event(event)
        if kind == pygame.VIDEORESIZE and not self.fullscreen:
            self.windowed_size = app.size
            self.surface = pygame.display.get_surface() or self.surface

    # ------------------------------------------------------------ drawing
    def draw(self) -> None:
        """Redraw each window whose content changed, and only those."""
        app = self.app
        if self.surface.get_size() != app.window_size:
            app.resize(self.surface.get_size())
        if app.needs_frame():
            app.draw(self.surface)
            pygame.display.flip()
            if not app.animating:
                self.room_frames += 1
        view, window = self.view, self.window
        if view is not None and window is not None and view.needs_frame(self.room_frames):
            view.draw(window.get_surface(), self.surface, self.room_frames)
            window.flip()

    @property
    def busy(self) -> bool:
        """Whether frames must come at the full rate (an animation, a running timer)."""
        return self.app.animating or self.app.ui.timer.running
