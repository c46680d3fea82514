"""What the window remembers that the core does not: overlays, pages, the timer.

None of it is part of the game's record (the session and its log are), nor of what
other front ends show (the controller's cursors and title options are); it is how
this window looks right now.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum

from game.core.readiness import Finding
from game.core.title import TitleOptions, TitleRow
from game.phones.room import RoomState
from game.ui.timer import DiscussionTimer

__all__ = ["Overlay", "TitleOptions", "TitleRow", "UiState"]


class Overlay(str, Enum):
    """Layers drawn over the current screen, most recent on top (a pushdown stack)."""

    PAUSE = "pause"
    HELP = "help"
    NOTES = "notes"
    BLANK = "blank"
    RELOAD_ERRORS = "reload-errors"
    CHECK = "check"
    ERROR = "error"
    JOIN = "join"
    """How phones join the room (or why they cannot)."""


@dataclass
class UiState:
    """Everything on the facilitator's screen that is not the session itself."""

    subpage: int = 0
    subpages: int = 1
    pause_cursor: int = 0
    help_page: int = 0
    help_pages: int = 1
    """The help overlay's page and how many it has at this size (set when it is drawn)."""
    quit_armed: bool = False
    end_armed: bool = False
    """"End the session" was chosen once in the pause menu: the next choice ends it."""
    quit_requested: bool = False
    overlays: list[Overlay] = field(default_factory=list)
    timer: DiscussionTimer = field(default_factory=DiscussionTimer)
    sign_cursor: int | None = None
    """The row highlighted on the debrief's overview of signs (the last: the help)."""
    sign_open: int | None = None
    """The warning sign opened in full from the debrief's overview (None: the overview)."""
    reload_problems: list[str] = field(default_factory=list)
    error_text: str = ""
    notice: str = ""
    notice_until: float = 0.0
    presenter: bool | None = None
    """The presenter window (game/ui/windows.py): open, closed, or None where the game has
    none to open (tests, shots): then the pause menu does not offer it."""
    reload_full: list[str] = field(default_factory=list)
    """The reload's problems with their full paths: the presenter window's, never the room's."""
    readiness: list[Finding] | None = None
    """The check's findings while its overlay is open (None: made when it is drawn)."""
    phones_request: str | None = None
    """'open' or 'close': the pause menu asks the app to open or close the room."""
    phones: RoomState = field(default_factory=RoomState)
    """The room of phones as the projector shows it (closed unless --phones or the pause
    menu opened it)."""

    @property
    def overlay(self) -> Overlay | None:
        return self.overlays[-1] if self.overlays else None

    def open(self, overlay: Overlay) -> None:
        if overlay in self.overlays:
            self.overlays.remove(overlay)
        self.overlays.append(overlay)

    def close(self, overlay: Overlay | None = None) -> None:
        """Close `overlay` (default: the top one)."""
        if overlay is None:
            if self.overlays:
                self.overlays.pop()
        elif overlay in self.overlays:
            self.overlays.remove(overlay)
