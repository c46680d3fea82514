"""Keys to named commands, Ren'Py-style: each action lists the keys that trigger it.

A presentation clicker sends PageDown/PageUp, sometimes B, Esc, F5 or Shift+F5,
so supporting one is a matter of listing its keys here. Screens never look at
raw keys: they receive a `Command`.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

import pygame


class Action(str, Enum):
    NUMBER = "number"  # a choice or a degree, entered as 1..N (arg)
    CONTINUE = "continue"
    CONFIRM = "confirm"  # continue, except on a step with a highlighted choice: take it
    BACK = "back"
    BLANK = "blank"
    FULLSCREEN = "fullscreen"
    PAUSE = "pause"
    LANGUAGE = "language"
    NOTES = "notes"
    TIMER = "timer"
    HELP = "help"
    RELOAD = "reload"
    UP = "up"
    DOWN = "down"
    QUIT = "quit"  # the window's close button
    SELECT = "select"  # a click on an item of a list (arg: its index), never a key


@dataclass(frozen=True)
class Command:
    """A named action; `number` is 1-based for `Action.NUMBER` (as shown), an index for SELECT."""

    action: Action
    number: int = 0


@dataclass(frozen=True)
class KeySpec:
    """A key, and whether Ctrl must be held (Shift is ignored, so Shift+F5 is F5)."""

    key: int
    ctrl: bool = False


MAX_NUMBER = 9
"""Number keys read: degrees go up to 7 (the largest scale), menu entries up to 9."""

_DIGITS = {getattr(pygame, f"K_{n}"): n for n in range(1, MAX_NUMBER + 1)}
_KEYPAD = {getattr(pygame, f"K_KP{n}"): n for n in range(1, MAX_NUMBER + 1)}
# B is left out on purpose: clickers send B to blank the screen, so choice 2 is "2" only.
_LETTERS = {pygame.K_a: 1, pygame.K_c: 3, pygame.K_d: 4}

KEYMAP: dict[Action, tuple[KeySpec, ...]] = {
    Action.CONTINUE: tuple(KeySpec(k) for k in (
        pygame.K_SPACE, pygame.K_RIGHT, pygame.K_PAGEDOWN)),
    # A clicker has no number keys: on a step, PageDown highlights the next choice and its
    # "present" button (F5) or Enter takes the highlighted one. Elsewhere both continue.
    Action.CONFIRM: tuple(KeySpec(k) for k in (pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_F5)),
    Action.BACK: tuple(KeySpec(k) for k in (pygame.K_LEFT, pygame.K_PAGEUP, pygame.K_BACKSPACE)),
    Action.BLANK: (KeySpec(pygame.K_b), KeySpec(pygame.K_PERIOD)),
    Action.FULLSCREEN: (KeySpec(pygame.K_F11),),
    Action.PAUSE: (KeySpec(pygame.K_ESCAPE),),
    Action.LANGUAGE: (KeySpec(pygame.K_l),),
    Action.NOTES: (KeySpec(pygame.K_n),),
    Action.TIMER: (KeySpec(pygame.K_t),),
    Action.HELP: (KeySpec(pygame.K_h), KeySpec(pygame.K_F1)),
    Action.RELOAD: (KeySpec(pygame.K_r, ctrl=True),),
    Action.UP: (KeySpec(pygame.K_UP),),
    Action.DOWN: (KeySpec(pygame.K_DOWN),),
}

HELP_ROWS: tuple[tuple[str, str], ...] = (
    ("1–9 (A, C, D)", "help_choose"),
    ("Enter, Space, Right, PgDn, F5, click", "help_continue"),
    ("PgDn … Enter, F5", "help_clicker"),
    ("Left, PgUp, Backspace", "help_back"),
    ("B, .", "help_blank"),
    ("Esc", "help_pause"),
    ("L", "help_language"),
    ("N", "help_notes"),
    ("T", "help_timer"),
    ("H, F1", "help_help"),
    ("F11", "help_fullscreen"),
    ("Ctrl+R", "help_reload"),
)
"""The key table shown by the help overlay: keys, and the wording id of what they do."""

_BY_KEY: dict[tuple[int, bool], Action] = {
    (spec.key, spec.ctrl): action for action, specs in KEYMAP.items() for spec in specs
}


def command_for_key(key: int, mod: int) -> Command | None:
    """The command a key press means, or None for a key with no meaning."""
    ctrl = bool(mod & pygame.KMOD_CTRL)
    action = _BY_KEY.get((key, ctrl))
    if action is not None:
        return Command(action)
    if ctrl or mod & pygame.KMOD_ALT:
        return None
    number = _DIGITS.get(key) or _KEYPAD.get(key) or _LETTERS.get(key)
    if number:
        return Command(Action.NUMBER, number)
    return None


def command_for_event(event: pygame.event.Event) -> Command | None:
    """The command of a key press or the window's close button (mouse is hit-tested elsewhere)."""
    if event.type == pygame.QUIT:
        return Command(Action.QUIT)
    if event.type == pygame.KEYDOWN:
        return command_for_key(int(event.key), int(getattr(event, "mod", 0)))
    return None
