"""The title screen's options (head count, teams and their names) and the rules of typing.

They are part of the core, not of a window: every front end sets them with commands
(`game.core.commands`), and what is typed is checked here once, so a key that some
keyboard sends (a superscript two, a NUL pasted from another program) can never reach
the session or stop it from starting.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from enum import Enum

from game.core.session import MAX_TEAMS

NAME_LETTERS = 16
"""The most letters a team name may have: the rating and reveal grids show six names this
long whole at 1024×768."""
PARTICIPANT_DIGITS = 4
DETAIL_LETTERS = 80  # event_details.MAX_LENGTH: a line of the report's first page
ASCII_DIGITS = frozenset("0123456789")


class TitleRow(str, Enum):
    """One line of the title screen the cursor can be on."""

    RESUME = "resume"
    START = "start"
    LANGUAGE = "language"
    PARTICIPANTS = "participants"
    TEAMS = "teams"
    TEAM_NAME = "team-name"
    DETAIL = "detail"  # organisation, place, facilitator (index 0, 1, 2): optional


DETAILS = ("organisation", "place", "facilitator")
"""The title's optional lines about the event, for the report; remembered for next time."""
TEXT_ROWS = frozenset({TitleRow.TEAM_NAME, TitleRow.DETAIL})
"""Rows that take typed letters (a key like L types an L there instead of acting)."""


def digits_only(text: str) -> str:
    """The ASCII digits of `text`: `str.isdigit` also accepts "²" and other digits that
    `int()` refuses, so only 0-9 count."""
    return "".join(c for c in text if c in ASCII_DIGITS)


def name_letters(text: str) -> str:
    """`text` without control, format or separator characters other than the space (a NUL,
    a tab, a vertical tab or a line break pasted into a team name never reaches a screen)."""
    kept = []
    for char in text:
        category = unicodedata.category(char)
        if char == " " or not (category.startswith("C") or category in ("Zl", "Zp")):
            kept.append(char)
    return "".join(kept)


@dataclass
class TitleOptions:
    """The title screen's settings, applied to the session when it leaves the title.

    `offer` is True while a session that did not end is offered for resume: the first
    row is then "resume" and the next one "start a new session"."""

    cursor: int = 0
    participants: str = ""
    team_count: int = 1
    team_names: list[str] = field(default_factory=lambda: [""] * MAX_TEAMS)
    offer: bool = False
    details: list[str] = field(default_factory=lambda: [""] * len(DETAILS))
    """The organisation, the place and the facilitator ('' when not given)."""

    def rows(self) -> list[tuple[TitleRow, int]]:
        """The option rows in order: (resume,) start, language, participants, teams, names,
        then the organisation, the place and the facilitator."""
        rows = [(TitleRow.RESUME, 0)] if self.offer else []
        rows += [(TitleRow.START, 0), (TitleRow.LANGUAGE, 0), (TitleRow.PARTICIPANTS, 0),
                 (TitleRow.TEAMS, 0)]
        if self.team_count > 1:
            rows += [(TitleRow.TEAM_NAME, i) for i in range(self.team_count)]
        rows += [(TitleRow.DETAIL, i) for i in range(len(DETAILS))]
        return rows

    def row(self) -> tuple[TitleRow, int]:
        """The row the cursor is on (kept inside the rows there are)."""
        rows = self.rows()
        self.cursor = max(0, min(self.cursor, len(rows) - 1))
        return rows[self.cursor]

    def index_of(self, row: TitleRow) -> int:
        """The cursor position of `row` (its first, for team names)."""
        return next(i for i, (r, _) in enumerate(self.rows()) if r is row)

    def teams(self, default_name: Callable[[int], str]) -> list[str]:
        """The team names to play with; none (the whole room) when there is one team."""
        if self.team_count <= 1:
            return []
        return [(self.team_names[i].strip() or default_name(i + 1))
                for i in range(self.team_count)]

    def participant_count(self) -> int | None:
        """The head count typed, or None when none was (never raises)."""
        digits = digits_only(self.participants)
        return int(digits) if digits else None

    def set_participants(self, count: int | None) -> None:
        """Set the head count (None or 0: not given)."""
        self.participants = str(count)[:PARTICIPANT_DIGITS] if count else ""

    def set_team_count(self, count: int) -> None:
        """Set how many teams play (1: the whole room as one), kept within 1..MAX_TEAMS."""
        self.team_count = max(1, min(MAX_TEAMS, count))

    def set_team_name(self, index: int, name: str) -> bool:
        """Name team `index` (from 0); control characters are refused, the length kept."""
        if not 0 <= index < MAX_TEAMS:
            return False
        self.team_names[index] = name_letters(name)[:NAME_LETTERS]
        return True

    def set_detail(self, index: int, text: str) -> bool:
        """Set detail `index` (0 organisation, 1 place, 2 facilitator): control characters
        refused, the length kept to a line of the report."""
        if not 0 <= index < len(DETAILS):
            return False
        self.details[index] = name_letters(text)[:DETAIL_LETTERS]
        return True

    def match(self, teams: Sequence[str], participants: int | None) -> None:
        """Show a session's teams and participants (a resumed one), so that going back to
        the title and on again keeps them."""
        named = list(teams)[:MAX_TEAMS]
        self.team_count = max(1, len(named))
        self.team_names = named + [""] * (MAX_TEAMS - len(named))
        self.set_participants(participants)
