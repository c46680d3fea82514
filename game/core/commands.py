"""The named commands a front end sends to the game: keys, clicks, taps and tests alike.

A command says what the facilitator (or a test, or later a phone) wants, never which key
was pressed: `game.ui.keymap` turns keys into these, the web front ends will turn taps
into them, and `game.core.controller.Controller.send` is the one place that carries them
out. New kinds of command (a phone's vote) are added here and handled by the controller.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from game.core.votes import PhoneVote


class Action(str, Enum):
    """What a command asks for."""

    NUMBER = "number"  # a choice or a degree, entered as 1..N (number)
    CONTINUE = "continue"
    CONFIRM = "confirm"  # continue, except on a step with a highlighted choice: take it
    BACK = "back"
    BLANK = "blank"
    FULLSCREEN = "fullscreen"
    PAUSE = "pause"
    LANGUAGE = "language"  # the next language of the pack
    NOTES = "notes"
    TIMER = "timer"
    HELP = "help"
    RELOAD = "reload"
    UP = "up"
    DOWN = "down"
    QUIT = "quit"  # the window's close button
    # The presenter view (game/ui/windows.py): a front end's windows, never the session.
    PRESENTER = "presenter"  # the presenter window on the laptop: on / off
    SWAP_DISPLAYS = "swap-displays"  # the audience and presenter windows change displays
    SELECT = "select"  # a click on an item of a list (number: its index), never a key
    # The title screen's options, as commands like everything else.
    ADJUST = "adjust"  # the focused option one step down (-1) or up (+1) (number)
    TYPE = "type"  # characters typed into the focused field (text)
    ERASE = "erase"  # the last character of the focused field removed
    NEXT_FIELD = "next-field"  # from one team's name to the next
    SET_LANGUAGE = "set-language"  # a language by its code (text)
    SET_PARTICIPANTS = "set-participants"  # the head count (number; 0: not given)
    SET_TEAMS = "set-teams"  # how many teams (number, 1: the whole room)
    SET_TEAM_NAME = "set-team-name"  # team `number` (from 1) is called `text`
    SET_DETAIL = "set-detail"  # 1 organisation, 2 place, 3 facilitator (number) is `text`
    RESUME = "resume"  # take the offer to resume the session that did not end
    START_FRESH = "start-fresh"  # decline the offer (the old session stays on disk)
    # The pause menu's entries that change the session.
    TO_MENU = "to-menu"
    END_SESSION = "end-session"
    # The room's phones (game/phones): votes that arrived, taken by the game loop.
    VOTES = "votes"  # phones' votes for the question on screen (votes)


@dataclass(frozen=True)
class Command:
    """A named action; `number` is 1-based for `Action.NUMBER` (as shown), an index for
    SELECT, a step for ADJUST; `text` carries typed characters or a language code."""

    action: Action
    number: int = 0
    text: str = ""
    votes: tuple[PhoneVote, ...] = ()
    """For VOTES: the phones' votes, in the order they arrived."""


TITLE_ONLY = frozenset({
    Action.ADJUST, Action.TYPE, Action.ERASE, Action.NEXT_FIELD, Action.SET_PARTICIPANTS,
    Action.SET_TEAMS, Action.SET_TEAM_NAME, Action.SET_DETAIL, Action.RESUME, Action.START_FRESH,
})
"""Commands that mean something on the title screen only (elsewhere they do nothing)."""
