"""Issue 14, what the room sees: a real event's screens, read through the pilot's draw log."""

from __future__ import annotations

from pathlib import Path

import pygame

from game.core.session import ScreenKind
from game.ui.pilot import Pilot
from game.ui.theme import THEME

EXAMPLE = Path(__file__).parent / "packs" / "format-example"
TEAMS = ["Lions", "Eagles", "Owls"]


def boxes(pilot: Pilot) -> dict[str, pygame.Rect]:
    """Where each text of the last frame was drawn (its first line), by its words."""
    found: dict[str, pygame.Rect] = {}
    for t in pilot.drawn.texts():
        found.setdefault(t.text, pygame.Rect(t.box))
    return found


def words(pilot: Pilot) -> str:
    return " ".join(t.text for t in pilot.drawn.texts())


def highlighted(pilot: Pilot, box: pygame.Rect) -> bool:
    """Whether the text at `box` sits on the focus colour (its cell is the one to enter)."""
    return tuple(pilot.snapshot().get_at((box.x - 3, box.centery)))[:3] == THEME.focus


# ------------------------------------------------------------ 10: card entry with teams


def test_every_team_is_in_view_from_the_card_on_and_nothing_moves_at_the_first_degree(
) -> None:
    pilot = Pilot(EXAMPLE, (1024, 768), teams=TEAMS)
    pilot.press("return", "2")
    assert pilot.screen is ScreenKind.CARD
    before = boxes(pilot)
    assert all(name in before for name in TEAMS)  # whose turn it is, before any digit
    assert highlighted(pilot, before["Lions"]) and not highlighted(pilot, before["Eagles"])
    pilot.press("2")
    assert pilot.screen is ScreenKind.RATING
    after = boxes(pilot)
    for name in TEAMS:
        assert after[name].topleft == before[name].topleft, name  # the layout does not jump
    card_line = pilot.drawn.texts()[1]  # under the scenario's title: the card's first line
    assert after[card_line.text].topleft == before[card_line.text].topleft
    assert highlighted(pilot, after["Eagles"]) and not highlighted(pilot, after["Lions"])


def test_the_reveal_keeps_the_cards_text() -> None:
    pilot = Pilot(EXAMPLE, (1024, 768), teams=TEAMS)
    pilot.press("return", "2")
    card = pilot.session.card
    assert card is not None
    first_words = " ".join(card.text.in_language("en", "en").split()[:3])
    pilot.press("2", "3", "4", "return")
    assert pilot.screen is ScreenKind.REVEAL
    assert first_words in words(pilot)
