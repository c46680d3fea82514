"""What the front end remembers that the session does not: cursors, overlays, the timer.

None of it is part of the game's record (the session and its log are); it is
how the facilitator's screen looks right now.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path

from game.core.readiness import Finding
from game.core.session import MAX_TEAMS, Session
from game.ui.timer import DiscussionTimer


class Overlay(str, Enum):
    """Layers drawn over the current screen, most recent on top (a pushdown stack)."""

    PAUSE = "pause"
    HELP = "help"
    NOTES = "notes"
    BLANK = "blank"
    RELOAD_ERRORS = "reload-errors"
    CHECK = "check"
    ERROR = "error"


@dataclass
class ResumeOffer:
    """An unfinished session found on disk; the title screen offers to resume it.

    `pack` is its pack's title and `when` its start (local time), as the banner names
    them; `resume` rebuilds that session (None when it cannot); the app then plays it.
    """

    pack: str
    when: str
    resume: Callable[[], Session | None]


class TitleRow(str, Enum):
    START = "start"
    LANGUAGE = "language"
    PARTICIPANTS = "participants"
    TEAMS = "teams"
    TEAM_NAME = "team-name"


@dataclass
class TitleOptions:
    """The title screen's settings, applied to the session when it leaves the title."""

    cursor: int = 0
    participants: str = ""
    team_count: int = 1
    team_names: list[str] = field(default_factory=lambda: [""] * MAX_TEAMS)

    def rows(self) -> list[tuple[TitleRow, int]]:
        """The option rows in order: start, language, participants, teams, each team's name."""
        rows = [(TitleRow.START, 0), (TitleRow.LANGUAGE, 0), (TitleRow.PARTICIPANTS, 0),
                (TitleRow.TEAMS, 0)]
        if self.team_count > 1:
            rows += [(TitleRow.TEAM_NAME, i) for i in range(self.team_count)]
        return rows

    def row(self) -> tuple[TitleRow, int]:
        rows = self.rows()
        self.cursor = max(0, min(self.cursor, len(rows) - 1))
        return rows[self.cursor]

    def teams(self, default_name: Callable[[int], str]) -> list[str]:
        """The team names to play with; none (the whole room) when there is one team."""
        if self.team_count <= 1:
            return []
        return [(self.team_names[i].strip() or default_name(i + 1))
                for i in range(self.team_count)]

    def participant_count(self) -> int | None:
        return int(self.participants) if self.participants.isdigit() else None

    def match(self, teams: Sequence[str], participants: int | None) -> None:
        """Show a resumed session's teams and participants, so that going back to the
        title and on again keeps them."""
        named = list(teams)[:MAX_TEAMS]
        self.team_count = max(1, len(named))
        self.team_names = named + [""] * (MAX_TEAMS - len(named))
        self.participants = str(participants) if participants is not None else ""


@dataclass
class UiState:
    """Everything on the facilitator's screen that is not the session itself."""

    title: TitleOptions = field(default_factory=TitleOptions)
    menu_cursor: int = 0
    choice_cursor: int | None = None
    """The choice a clicker has highlighted on a story step (None: none yet)."""
    subpage: int = 0
    subpages: int = 1
    pause_cursor: int = 0
    quit_armed: bool = False
    quit_requested: bool = False
    begun: bool = False
    overlays: list[Overlay] = field(default_factory=list)
    timer: DiscussionTimer = field(default_factory=DiscussionTimer)
    reload_problems: list[str] = field(default_factory=list)
    error_text: str = ""
    notice: str = ""
    notice_until: float = 0.0
    resume: ResumeOffer | None = None
    log_warning: str | None = None
    """The session log's warning (folder not writable...), once it has been shown."""
    report_path: Path | None = None
    """The event report written when the session reached its summary."""
    report_error: str | None = None
    """Why the event report could not be written, for the summary screen."""
    data_dir: Path | None = None
    """Where this session's log and reports go (None: not on disk), for the check (C)."""
    readiness: list[Finding] | None = None
    """The check's findings while its overlay is open (None: made when it is drawn)."""

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
