"""The key table of product.md, including a presentation clicker's keys."""

import pygame
import pytest

from game.ui.keymap import Action, Command, command_for_key


@pytest.mark.parametrize(("key", "mod", "expected"), [
    (pygame.K_1, 0, Command(Action.NUMBER, 1)),
    (pygame.K_4, 0, Command(Action.NUMBER, 4)),
    (pygame.K_7, 0, Command(Action.NUMBER, 7)),
    (pygame.K_KP3, 0, Command(Action.NUMBER, 3)),
    (pygame.K_a, 0, Command(Action.NUMBER, 1)),
    (pygame.K_d, 0, Command(Action.NUMBER, 4)),
    (pygame.K_RETURN, 0, Command(Action.CONFIRM)),  # continue, or take a highlighted choice
    (pygame.K_SPACE, 0, Command(Action.CONTINUE)),
    (pygame.K_RIGHT, 0, Command(Action.CONTINUE)),
    (pygame.K_PAGEDOWN, 0, Command(Action.CONTINUE)),
    (pygame.K_F5, 0, Command(Action.CONFIRM)),
    (pygame.K_F5, pygame.KMOD_LSHIFT, Command(Action.CONFIRM)),
    (pygame.K_LEFT, 0, Command(Action.BACK)),
    (pygame.K_PAGEUP, 0, Command(Action.BACK)),
    (pygame.K_BACKSPACE, 0, Command(Action.BACK)),
    (pygame.K_b, 0, Command(Action.BLANK)),
    (pygame.K_PERIOD, 0, Command(Action.BLANK)),
    (pygame.K_F11, 0, Command(Action.FULLSCREEN)),
    (pygame.K_ESCAPE, 0, Command(Action.PAUSE)),
    (pygame.K_l, 0, Command(Action.LANGUAGE)),
    (pygame.K_n, 0, Command(Action.NOTES)),
    (pygame.K_t, 0, Command(Action.TIMER)),
    (pygame.K_h, 0, Command(Action.HELP)),
    (pygame.K_F1, 0, Command(Action.HELP)),
    (pygame.K_r, pygame.KMOD_LCTRL, Command(Action.RELOAD)),
    (pygame.K_UP, 0, Command(Action.UP)),
    (pygame.K_DOWN, 0, Command(Action.DOWN)),
])
def test_key_means(key: int, mod: int, expected: Command) -> None:
    assert command_for_key(key, mod) == expected


def test_plain_r_and_unbound_keys_mean_nothing() -> None:
    assert command_for_key(pygame.K_r, 0) is None
    assert command_for_key(pygame.K_z, 0) is None
    assert command_for_key(pygame.K_1, pygame.KMOD_LCTRL) is None
