"""Issue 14, what the room sees: a real event's screens, read through the pilot's draw log."""

from __future__ import annotations

from pathlib import Path

import pygame
import pytest

from game.core.scoring import average_degree
from game.core.session import ScreenKind
from game.ui.drawlog import layout_problems
from game.ui.pilot import Pilot
from game.ui.screens.podium import places
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


# ------------------------------------------------------------ 5: one overview of the signs

SHIPPED = Path(__file__).resolve().parents[1] / "scenarios"
MANY_SIGNS = ["return", "3", "3", "return", "1", "return", "1", "return", "1", "return", "1",
              "return", "1", "return", "return"]
"""The shipped pack's third story by its riskiest path: 13 warning signs met."""


def test_every_sign_met_is_on_one_overview_and_opens_in_full() -> None:
    pilot = Pilot(SHIPPED, (1024, 768), lang="en")
    pilot.press(*MANY_SIGNS)
    assert pilot.screen is ScreenKind.DEBRIEF_SIGN
    pack, met = pilot.session.pack, pilot.session.signs_met()
    assert len(met) == 13
    ui = pilot.app.ui
    assert ui.subpages <= 3  # not 13 slides: two lines a sign, a few pages at most
    seen: list[str] = []
    sizes: set[int] = set()
    for _ in range(ui.subpages):
        seen += [t.text for t in pilot.drawn.texts()]
        sizes |= {t.px for t in pilot.drawn.texts()
                  if t.name not in ("footer", "heading") and "footer" not in t.name}
        pilot.press("page down")
    assert pilot.screen is not ScreenKind.DEBRIEF_SIGN  # a clicker goes on past the pages
    body = pilot.app.context().body_px
    assert sizes == {body}  # every line of the overview at body size (4%)
    for sign in met:
        title = pack.text(pack.signs[sign].title, "en")
        assert title in seen, title  # short titles whole, each on its line
    assert "Missed: Send the passport scan to get a place" in seen  # the choice, whole

    pilot.press("backspace")  # back to the overview
    assert pilot.screen is ScreenKind.DEBRIEF_SIGN
    pilot.press("2")  # a sign in full: its explanation, under "Why it is dangerous"
    second = pack.signs[met[1]]
    shown = " ".join(t.text for t in pilot.drawn.texts())
    assert "Why it is dangerous" in shown
    assert pack.text(second.explanation, "en").split()[0] in shown
    pilot.press("return")
    assert ui.sign_open is None and pilot.screen is ScreenKind.DEBRIEF_SIGN
    assert ui.sign_cursor == 1  # the sign just read stays highlighted: Down, Enter: the next
    pilot.press("down", "return")
    assert ui.sign_open == 2
    pilot.press("return", "backspace")  # back to the overview, nothing highlighted
    assert ui.sign_cursor is None and pilot.screen is ScreenKind.DEBRIEF_SIGN
    pilot.press("up", "return")  # one Up: the last row, straight to where to get help
    assert pilot.screen is ScreenKind.DEBRIEF_HELP


def test_the_debriefs_screens_share_one_text_size() -> None:
    pilot = Pilot(SHIPPED, (1920, 1080), lang="en")
    pilot.press(*MANY_SIGNS[:-1])
    sizes = {}
    largest: dict[ScreenKind, int] = {}
    contacts = {c.contact for c in pilot.session.pack.info.help}
    while pilot.screen is not ScreenKind.MENU:
        texts = [t for t in pilot.drawn.texts() if t.name != "footer"]
        sizes[pilot.screen] = min(t.px for t in texts)  # the body text of the screen
        if pilot.screen is ScreenKind.DEBRIEF_HELP:
            numbers = [t.px for t in texts if t.text in contacts]
            assert numbers, "no help contact on the help screen"
            others = [t.px for t in texts if t.text not in contacts]
            assert min(numbers) > max(others)  # the contacts: the largest text of the debrief
            largest[pilot.screen] = min(numbers)
        else:
            largest[pilot.screen] = max(t.px for t in texts)
        pilot.press("page down")
    assert len(set(sizes.values())) == 1, sizes  # one body size across the debrief
    help_px = largest.pop(ScreenKind.DEBRIEF_HELP)
    assert help_px > max(largest.values()), (help_px, largest)


# ------------------------------------------------------------ 7: the room leaves with help


def test_after_the_summary_a_last_page_shows_where_to_get_help() -> None:
    pilot = Pilot(SHIPPED, (1024, 768), lang="en")
    pilot.press("return")
    pilot.app.session.end_session()
    pilot.frame()
    assert pilot.screen is ScreenKind.SUMMARY
    ui = pilot.app.ui
    while ui.subpage + 1 < ui.subpages:
        pilot.press("page down")
    texts = pilot.drawn.texts()
    shown = [t.text for t in texts]
    assert "Where to get help" in shown
    home = [c.contact for c in pilot.session.pack.info.help
            if "tm" in c.where and "todo" not in c.contact.lower()]  # (a TODO is not shown)
    assert home and all(number in shown for number in home), home  # home's, whole
    pilot.press("page down")  # the end: it stays, nothing moves on by itself
    assert pilot.screen is ScreenKind.SUMMARY and "Where to get help" in [
        t.text for t in pilot.drawn.texts()]


# ------------------------------------------------------------ 8: a clicker alone


def test_a_clicker_alone_sets_teams_moves_every_list_and_reaches_the_last_help_page() -> None:
    pilot = Pilot(EXAMPLE, (1024, 768))
    title = pilot.app.controller.title
    pilot.press("page down", "page down", "page down")  # start → language → head count → teams
    assert title.row()[0].value == "teams"
    pilot.press("f5", "f5")  # one team more, twice: three teams
    assert title.team_count == 3
    pilot.press("page up", "page up", "page up", "f5")  # back up to start, and start
    assert pilot.screen is ScreenKind.MENU
    assert pilot.session.team_names == ["Team 1", "Team 2", "Team 3"]
    pilot.press("page down")  # the menu's highlight moves; nothing opens
    assert pilot.screen is ScreenKind.MENU and pilot.app.controller.menu_cursor == 1
    pilot.press("f5")
    assert pilot.screen is ScreenKind.CARD and pilot.session.deck is not None
    pilot.press("escape", "page down", "page down", "page up", "page down")
    assert pilot.app.ui.pause_cursor == 2  # "End the session", reached by moving
    pilot.press("f5")
    assert pilot.app.ui.end_armed and pilot.screen is ScreenKind.CARD  # it asks once
    pilot.press("f5")
    assert pilot.screen is ScreenKind.SUMMARY
    for _ in range(pilot.app.ui.subpages):
        pilot.press("page down")
    assert "Where to get help" in [t.text for t in pilot.drawn.texts()]


def test_the_help_screen_shows_the_clickers_path() -> None:
    pilot = Pilot(EXAMPLE, (1024, 768))
    pilot.press("h")
    shown = [t.text for t in pilot.drawn.texts()]
    assert "PgDn, PgUp … F5" in shown
    assert any(line.startswith("clicker: highlight a choice or an entry") for line in shown)


# ------------------------------------------------------------ 9: the timer


def test_the_count_down_is_set_with_plus_and_minus_read_from_the_back_and_reset_each_step(
) -> None:
    pilot = Pilot(EXAMPLE, (1024, 768))
    pilot.press("return", "return")
    assert pilot.screen is ScreenKind.STEP and "timer" not in pilot.app.marks
    pilot.press("t")  # shown and started: two minutes
    pilot.press("+", "+", "-")  # half a minute more, twice, and less once: 2:30
    timer = pilot.app.ui.timer
    assert timer.length == 150 and timer.running
    pilot.clock.now = timer.clock() + timer.remaining() - 120  # (each press draws 5 s on)
    pilot.frame(settle=False)
    [shown] = [t for t in pilot.drawn.texts() if t.text == "2:00"]
    assert shown.px >= 0.08 * 768  # read from the back of the hall, not the footer's size
    box = pilot.app.marks["timer"]
    assert box.right <= 1024 and box.bottom <= 768 and box.top > 0.85 * 768  # the corner
    pilot.clock.advance(600)  # long past zero: nothing moves on by itself
    pilot.frame(settle=False)
    assert pilot.screen is ScreenKind.STEP
    assert "0:00" in [t.text for t in pilot.drawn.texts()]
    pilot.press("1")  # the next screen: the timer is put away, at its length
    assert pilot.screen is ScreenKind.FEEDBACK and "timer" not in pilot.app.marks
    timer = pilot.app.ui.timer
    assert timer.length == 150 and not timer.shown
    pilot.press("t")  # (the pilot's frame counts 5 s on)
    assert timer.running and timer.elapsed() <= 5  # from the full length set before


# ------------------------------------------------------------ 12: an ending worth applause


def test_places_are_shared_by_teams_with_as_many_points() -> None:
    assert places([3, 2, 2, 2]) == [1, 2, 2, 2]
    assert places([5, 5, 1]) == [1, 1, 2]
    assert places([0, 0]) == [1, 1]


def test_the_session_ends_on_a_podium_where_ties_share_a_step() -> None:
    pilot = Pilot(SHIPPED, (1024, 768), lang="en", teams=["Lions", "Eagles", "Owls", "Foxes"])
    pilot.press("return", "8", "2", "3", "2", "4", "return", "return", "return")
    pilot.press("2", "2", "3", "1", "return", "return")
    assert pilot.session.team_scores() == [3, 2, 2, 2]
    pilot.app.session.end_session()
    pilot.frame()
    assert pilot.screen is ScreenKind.SUMMARY and pilot.app.ui.subpage == 0
    marks = pilot.app.marks
    first, second = marks["podium-1"], marks["podium-2"]
    assert first.height > second.height and first.centerx > second.centerx  # 1st in the middle
    assert "podium-3" not in marks  # no third place: the three tied teams share the second
    texts = {t.text: t for t in pilot.drawn.texts()}
    assert texts["Lions"].box.bottom <= first.top and first.left <= texts["Lions"].box.centerx
    for name in ("Eagles", "Owls", "Foxes"):  # on one step, one above the other
        box = texts[name].box
        assert box.bottom <= second.top and second.left <= box.centerx <= second.right
    assert texts["Lions"].px > texts["Eagles"].px >= pilot.app.context().body_px
    assert not layout_problems(pilot.drawn, (1024, 768), 0.04 * 768 * 0.99)
