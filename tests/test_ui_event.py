"""Issue 14, what the room sees: a real event's screens, read through the pilot's draw log."""

from __future__ import annotations

from pathlib import Path

import pygame
import pytest

from game.core.scoring import average_degree
from game.core.session import ScreenKind
from game.ui.pilot import Pilot
from game.ui.theme import THEME
from tests.packtools import SIGNS_YAML, write_pack

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


# ------------------------------------------------------------ 6: no blame

FORCED_SIGNS = SIGNS_YAML + """\
cannot-leave:
  title: You cannot leave freely
  explanation: The door is locked at night.
  advice: Call the hotline.
  indicator: restriction-of-movement
"""

FORCED_STORY = """\
kind: story
title: Locked in
summary: Aýna works in a laundry
steps:
  offer:
    text: The door is locked at night. A man asks for the passport.
    choices:
      - text: Hand it over
        risk: 3
        signs: [cannot-leave, passport-kept]
        feedback: Now he holds it.
        next: harmed
      - text: Say it is lost
        risk: 1
        signs: [cannot-leave]
        feedback: He does not believe it.
        next: harmed
  harmed:
    text: Harmed. The hotline can help.
    outcome: harmed
"""


def test_a_sign_every_choice_carries_is_the_situations_never_ignored(tmp_path: Path) -> None:
    folder = write_pack(tmp_path / "pack", {"warning-signs.yaml": FORCED_SIGNS,
                                            "story.yaml": FORCED_STORY})
    pilot = Pilot(folder, (1024, 768))
    pilot.press("return", "return", "1")
    assert pilot.screen is ScreenKind.FEEDBACK
    lines = [t.text for t in pilot.drawn.texts()]
    missed = lines.index("Warning signs missed")
    situation = lines.index("Warning signs in this situation")
    assert lines[missed + 1] == "Someone keeps your passport"  # the free choice's own sign
    assert lines[situation + 1] == "You cannot leave freely"  # on every choice: the situation's
    assert "Warning signs ignored" not in lines


def test_a_cards_signs_are_the_situations() -> None:
    pilot = Pilot(EXAMPLE, (1024, 768))
    pilot.press("return", "2", "1", "return")
    assert pilot.screen is ScreenKind.REVEAL
    lines = [t.text for t in pilot.drawn.texts()]
    assert "Warning signs in this situation" in lines and "Warning signs ignored" not in lines


# ------------------------------------------------------------ 4: the scale the room sees


def test_a_paths_risk_is_its_average_degree_on_the_scale_the_room_sees() -> None:
    assert average_degree([0, 2, 0]) == pytest.approx(5 / 3)  # 1 + 3 + 1: "1.7", not "2"
    pilot = Pilot(EXAMPLE, (1024, 768))
    pilot.press("return", "return", "2", "return", "2", "space", "right")
    assert pilot.screen is ScreenKind.DEBRIEF_PATH
    lines = [t.text.replace("\xa0", " ") for t in pilot.drawn.texts()]
    assert "Average degree of this path: 1.5 of 4" in lines  # degrees 1 and 2
    assert not any("Risk points" in line for line in lines)
    # No choice number beside a degree's number: the rows start with the choice's words.
    assert not [line for line in lines if line[:1].isdigit() and line[1:3] == ". "]
    assert "meter" in pilot.app.marks  # the average on the room's own meter

    ru = Pilot(EXAMPLE, (1024, 768), lang="ru")
    ru.press("return", "return", "2", "return", "2", "space", "right")
    assert any("1,5 из 4" in t.text for t in ru.drawn.texts())  # a decimal comma in Russian
