"""Keys to named commands, Ren'Py-style: each action lists the keys that trigger it.

A presentation clicker sends PageDown/PageUp, sometimes B, Esc, F5 or Shift+F5,
so supporting one is a matter of listing its keys here. Screens never look at
raw keys: they receive a `Command`. The commands themselves are the core's
(`game.core.commands`): every front end sends the same ones.
"""

from __future__ import annotations

from dataclasses import dataclass

import pygame

from game.core.commands import Action, Command
from game.core.title import TEXT_ROWS, TitleRow

__all__ = ["Action", "Command", "command_for_event", "command_for_key", "title_command"]


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
    Action.PRESENTER: (KeySpec(pygame.K_p),),
    Action.SWAP_DISPLAYS: (KeySpec(pygame.K_F7),),
}

HELP_ROWS: tuple[tuple[str, str], ...] = (
    ("1–9 (A, C, D)", "help_choose"),
    ("Enter, Space, Right, PgDn, F5, click", "help_continue"),
    ("PgDn, PgUp … F5", "help_clicker"),
    ("Left, PgUp, Backspace", "help_back"),
    ("B, .", "help_blank"),
    ("Esc", "help_pause"),
    ("L", "help_language"),
    ("N", "help_notes"),
    ("T, +, -", "help_timer"),
    ("H, F1", "help_help"),
    ("F11", "help_fullscreen"),
    ("Ctrl+R", "help_reload"),
)
"""The key table shown by the help overlay: keys, and the wording id of what they do."""

PRESENTER_ROWS: tuple[tuple[str, str], ...] = (
    ("P", "help_presenter"),
    ("F7", "help_swap"),
)
"""The presenter view's own keys, listed in the presenter window with the others."""

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


_CONSUMED = Command(Action.TYPE, text="")
"""A key the focused field takes for itself (its letter arrives as text): nothing else."""


def title_command(event: pygame.event.Event, row: TitleRow) -> Command | None:
    """On the title screen, what a key means for the focused option `row` (None: the key
    means what it means everywhere). Values change with Left/Right, names are typed."""
    if event.type == pygame.TEXTINPUT:
        if row in TEXT_ROWS or row is TitleRow.PARTICIPANTS:
            return Command(Action.TYPE, text=str(event.text))
        return None
    if event.type != pygame.KEYDOWN or row in (TitleRow.START, TitleRow.RESUME):
        return None
    key = int(event.key)
    if key in (pygame.K_UP, pygame.K_DOWN, pygame.K_ESCAPE, pygame.K_F11, pygame.K_F1):
        return None
    step = {pygame.K_LEFT: -1, pygame.K_RIGHT: 1}.get(key, 0)
    if row in (TitleRow.LANGUAGE, TitleRow.TEAMS, TitleRow.PARTICIPANTS) and step:
        return Command(Action.ADJUST, step)
    if row is TitleRow.TEAMS and key in _DIGITS:
        return Command(Action.SET_TEAMS, _DIGITS[key])
    if row is TitleRow.TEAMS and key in _KEYPAD:
        return Command(Action.SET_TEAMS, _KEYPAD[key])
    if (row in TEXT_ROWS or row is TitleRow.PARTICIPANTS) and key == pygame.K_BACKSPACE:
        return Command(Action.ERASE)
    if row is TitleRow.PARTICIPANTS and (key in _DIGITS or key in _KEYPAD
                                         or key in (pygame.K_0, pygame.K_KP0)):
        return _CONSUMED  # typed through TEXTINPUT
    if row in TEXT_ROWS:
        if key in (pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_TAB):
            return Command(Action.NEXT_FIELD)
        if getattr(event, "unicode", "") and str(event.unicode).isprintable():
            return _CONSUMED  # the letter arrives as TEXTINPUT; L or N must not act here
    return None
