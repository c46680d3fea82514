"""Playthroughs by keys, clicks and a clicker, headless through the Pilot."""

from __future__ import annotations

import shutil
from pathlib import Path

import pygame
import pytest

from game.core.session import ScreenKind
from game.ui.pilot import Pilot
from game.ui.state import Overlay
from game.ui.theme import THEME, risk_colours
from game.ui.widgets import meter_segment_centre
from tests.picturefiles import undecodable_png

EXAMPLE = Path(__file__).parent / "packs" / "format-example"


@pytest.fixture
def pilot() -> Pilot:
    return Pilot(EXAMPLE, (1024, 768))


def test_enter_enter_reaches_the_first_step_of_the_first_scenario(pilot: Pilot) -> None:
    assert pilot.screen is ScreenKind.TITLE
    pilot.press("return", "return")
    assert pilot.screen is ScreenKind.STEP
    assert pilot.session.play is not None
    assert pilot.session.play.scenario == "job-offer-istanbul"


def test_a_story_path_by_keys_gives_its_risk_total(pilot: Pilot) -> None:
    pilot.press("return", "return")
    pilot.press("2")
    assert pilot.screen is ScreenKind.FEEDBACK
    pilot.press("return", "2")
    pilot.press("space")
    assert pilot.screen is ScreenKind.ENDING
    pilot.press("right")
    assert pilot.screen is ScreenKind.DEBRIEF_PATH
    result = pilot.session.story_result()
    assert result is not None
    assert (result.total, result.safest, result.riskiest) == (1, 0, 6)
    assert result.outcome == "safe"
    pilot.press("return")
    assert pilot.screen is ScreenKind.DEBRIEF_QUESTIONS
    pilot.press("return")
    assert pilot.screen is ScreenKind.DEBRIEF_HELP
    pilot.press("return")
    assert pilot.screen is ScreenKind.MENU
    assert pilot.session.played() == ["job-offer-istanbul"]
    assert pilot.app.controller.menu_cursor == 1  # the next scenario not played yet


def test_backspace_and_page_up_undo(pilot: Pilot) -> None:
    pilot.press("return", "return", "1")
    assert pilot.screen is ScreenKind.FEEDBACK
    pilot.press("backspace")
    assert pilot.screen is ScreenKind.STEP
    pilot.press("1", "return")
    assert pilot.session.play is not None and pilot.session.play.step == "ticket"
    pilot.press("page up", "page up")
    assert pilot.screen is ScreenKind.STEP
    assert pilot.session.play.step == "offer"


def test_a_clicker_alone_runs_the_session(pilot: Pilot) -> None:
    pilot.press("f5", "f5")  # the title's start, the menu's first scenario
    assert pilot.screen is ScreenKind.STEP
    pilot.press("b")
    assert pilot.overlay is Overlay.BLANK
    pilot.press("page down")  # any key returns, and does nothing else
    assert pilot.overlay is None and pilot.screen is ScreenKind.STEP
    pilot.press("escape")
    assert pilot.overlay is Overlay.PAUSE
    pilot.press("page down")  # a clicker's forward key moves down the pause menu
    pilot.press("f5")  # and its "present" key chooses: back to the menu
    assert pilot.overlay is None
    assert pilot.screen is ScreenKind.MENU
    pilot.press("shift+f5")
    assert pilot.screen is ScreenKind.STEP


def test_blank_screen_is_black_and_any_key_returns(pilot: Pilot) -> None:
    pilot.press("return", "return", ".")
    shot = pilot.snapshot()
    assert shot.get_at((512, 384))[:3] == (0, 0, 0)
    assert pygame.transform.average_color(shot)[:3] == (0, 0, 0)
    pilot.press("x")
    assert pilot.overlay is None and pilot.screen is ScreenKind.STEP


def test_l_switches_language_at_once_on_the_same_screen(pilot: Pilot) -> None:
    pilot.press("return", "return")
    words = " ".join(t.text for t in pilot.drawn.texts())
    story = pilot.session.story
    assert story is not None
    step = story.steps[story.start_step]
    english, russian = step.text.in_language("en", "en"), step.text.in_language("ru", "en")
    assert english in words.replace("\n", " ") or english.split()[0] in words
    pilot.press("l")
    assert pilot.session.language == "ru"
    assert pilot.screen is ScreenKind.STEP
    words = " ".join(t.text for t in pilot.drawn.texts())
    # The words drawn are now the step's Russian text and the Russian choices, no English.
    assert russian.split()[0] in words and english.split()[0] not in words
    for choice in step.choices or []:
        assert choice.text.in_language("ru", "en").split()[0] in words
    assert "RU" in words
    pilot.press("l")
    assert pilot.session.language == "en"
    assert english.split()[0] in " ".join(t.text for t in pilot.drawn.texts())


def test_a_deck_with_two_teams_rates_reveals_and_scores() -> None:
    pilot = Pilot(EXAMPLE, (1024, 768), teams=["Eagles", "Owls"])
    pilot.press("return", "2")
    assert pilot.screen is ScreenKind.CARD
    assert pilot.session.team_names == ["Eagles", "Owls"]
    pilot.press("4")  # Eagles: degree 4 of 4 (position 3), the pack's answer
    assert pilot.screen is ScreenKind.RATING
    pilot.press("3")  # Owls: one degree away
    assert pilot.session.current_ratings() == (3, 2)
    pilot.press("return")
    assert pilot.screen is ScreenKind.REVEAL
    result = pilot.session.deck_result()
    assert result is not None and result.cards[0].points == (2, 1)
    pilot.press("return")
    assert pilot.screen is ScreenKind.SCOREBOARD
    assert pilot.session.team_scores() == [2, 1]
    pilot.press("return")
    assert pilot.screen is ScreenKind.CARD


def test_the_room_rates_as_one_when_there_are_no_teams(pilot: Pilot) -> None:
    pilot.press("return", "2", "1", "return")
    assert pilot.screen is ScreenKind.REVEAL
    result = pilot.session.deck_result()
    assert result is not None and result.cards[0].points == (0,)
    pilot.press("return")
    assert pilot.screen is ScreenKind.CARD  # no scoreboard for the room alone


def test_the_meter_shows_the_degree_colour_at_its_position(pilot: Pilot) -> None:
    pilot.press("return", "return", "1")  # choice 1 has degree position 3
    rect = pilot.app.marks["meter"]
    ctx = pilot.app.context()
    x, y = meter_segment_centre(ctx, rect, 3)
    colours = risk_colours(4)
    seg_w = rect.width // 4
    # Off the number in the middle: a quarter of a segment to the left, below the centre.
    assert pilot.snapshot().get_at((x - seg_w // 3, y + 10))[:3] == colours[3]
    x0, y0 = meter_segment_centre(ctx, rect, 0)
    assert pilot.snapshot().get_at((x0 - seg_w // 3, y0 + 10))[:3] == colours[0]


def test_the_meter_animates_then_stops_asking_for_frames(pilot: Pilot) -> None:
    pilot.press("return", "return")
    pilot.app.handle_event(pygame.event.Event(pygame.KEYDOWN, key=pygame.K_1, mod=0,
                                              unicode="1"))
    pilot.app.draw(pilot.surface)
    assert pilot.app.needs_frame()  # the pointer is still moving
    pilot.clock.advance(2.0)
    pilot.app.draw(pilot.surface)
    assert not pilot.app.needs_frame()  # idle: nothing to flip


def test_resize_mid_scenario_lays_out_again(pilot: Pilot) -> None:
    pilot.press("return", "return")
    pilot.resize(1920, 1080)
    assert pilot.snapshot().get_size() == (1920, 1080)
    assert pilot.overlay is None and pilot.screen is ScreenKind.STEP
    buttons = [rect for rect, _ in pilot.app.targets]
    assert len(buttons) == 2
    window = pygame.Rect(0, 0, 1920, 1080)
    assert all(window.contains(b) for b in buttons)
    assert not buttons[0].colliderect(buttons[1])
    pilot.click(*buttons[1].center)
    assert pilot.screen is ScreenKind.FEEDBACK
    assert pilot.session.story_result() is not None


@pytest.mark.parametrize("size", [(1024, 768), (1280, 720), (1920, 1080), (800, 600)])
def test_choices_fit_inside_the_window_without_overlap(size: tuple[int, int]) -> None:
    pilot = Pilot(EXAMPLE, size)
    pilot.press("return", "return")
    rects = [rect for rect, _ in pilot.app.targets]
    window = pygame.Rect((0, 0), size)
    for i, rect in enumerate(rects):
        assert window.contains(rect)
        assert rect.bottom <= size[1] * 0.95
        assert all(not rect.colliderect(other) for other in rects[i + 1:])


def test_a_click_on_a_choice_picks_it_and_elsewhere_continues(pilot: Pilot) -> None:
    pilot.press("return", "return")
    first = pilot.app.targets[0][0]
    pilot.click(*first.center)
    assert pilot.screen is ScreenKind.FEEDBACK
    assert pilot.session.story_result().path[0].choice == 0  # type: ignore[union-attr]
    pilot.click(5, 5)
    assert pilot.screen is ScreenKind.STEP


def test_ctrl_r_with_a_broken_pack_keeps_the_old_one(tmp_path: Path) -> None:
    pack = tmp_path / "pack"
    shutil.copytree(EXAMPLE, pack)
    pilot = Pilot(pack)
    pilot.press("return", "return")
    old = pilot.session.pack
    (pack / "pack.yaml").write_text("title: [broken\n", encoding="utf-8")
    pilot.press("ctrl+r")
    assert pilot.overlay is Overlay.RELOAD_ERRORS
    assert pilot.session.pack is old
    assert pilot.app.ui.reload_problems and "pack.yaml" in pilot.app.ui.reload_problems[0]
    # The projector shows the pack folder's name, never where it lives on the laptop.
    drawn = " ".join(t.text for t in pilot.drawn.texts())
    assert "pack/pack.yaml:" in drawn and str(tmp_path) not in drawn
    pilot.press("return")  # any key closes the errors; the game goes on where it was
    assert pilot.overlay is None and pilot.screen is ScreenKind.STEP


def test_ctrl_r_with_a_good_pack_keeps_the_place(tmp_path: Path) -> None:
    pack = tmp_path / "pack"
    shutil.copytree(EXAMPLE, pack)
    pilot = Pilot(pack)
    pilot.press("return", "return")
    story = pack / "job-offer-istanbul.yaml"
    story.write_text(story.read_text(encoding="utf-8").replace(
        "A woman Aýna does not know", "A stranger"), encoding="utf-8")
    pilot.press("ctrl+r")
    assert pilot.overlay is None
    assert pilot.screen is ScreenKind.STEP
    step = pilot.session.story.steps["offer"]  # type: ignore[union-attr]
    assert step.text.in_language("en", "en").startswith("A stranger")


def test_a_missing_picture_shows_a_placeholder(tmp_path: Path) -> None:
    pack = tmp_path / "pack"
    shutil.copytree(EXAMPLE, pack)
    # Whole to the validator (header, checksums), broken inside: only decoding it fails.
    (pack / "images" / "phone-message.png").write_bytes(undecodable_png(64, 48))
    pilot = Pilot(pack)
    pilot.press("return", "return")
    assert pilot.overlay is None and pilot.screen is ScreenKind.STEP
    box = pilot.app.marks["picture"]
    assert pilot.snapshot().get_at((box.x + 10, box.y + 10))[:3] == THEME.panel


def test_a_failing_screen_shows_the_error_screen_then_the_menu(pilot: Pilot,
                                                               monkeypatch: pytest.MonkeyPatch
                                                               ) -> None:
    pilot.press("return", "return")

    def broken(*args: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(pilot.app.screens[ScreenKind.FEEDBACK], "draw", broken)
    pilot.press("1")
    assert pilot.overlay is Overlay.ERROR
    assert "boom" in pilot.app.ui.error_text
    monkeypatch.undo()
    pilot.press("return")
    assert pilot.overlay is None and pilot.screen is ScreenKind.MENU


def test_quitting_asks_once(pilot: Pilot) -> None:
    pilot.app.handle_event(pygame.event.Event(pygame.QUIT))
    assert pilot.overlay is Overlay.PAUSE and pilot.app.running
    pilot.app.handle_event(pygame.event.Event(pygame.QUIT))
    assert not pilot.app.running


def test_title_options_set_teams_and_participants(pilot: Pilot) -> None:
    pilot.press("down", "down")  # participants
    pilot.type("24")
    pilot.press("down", "3")  # teams: 3
    pilot.press("down")
    pilot.type("Eagles")
    pilot.press("up", "up", "up", "up")  # back on "Press Enter to start"
    pilot.press("return")
    assert pilot.screen is ScreenKind.MENU
    assert pilot.session.participants == 24
    assert pilot.session.team_names == ["Eagles", "Team 2", "Team 3"]


def test_help_notes_and_timer_overlays(pilot: Pilot) -> None:
    pilot.press("return", "return", "h")
    assert pilot.overlay is Overlay.HELP
    pilot.press("h")
    assert pilot.overlay is None
    pilot.press("n")
    assert pilot.overlay is Overlay.NOTES
    pilot.press("n", "t")
    assert pilot.app.ui.timer.running
    pilot.clock.advance(61)
    assert pilot.app.ui.timer.text() == "0:54"  # 2:00 less 61 s and the frame's 5 s
    assert pilot.screen is ScreenKind.STEP  # the timer never advances the game


def test_a_clicker_picks_a_choice_pagedown_to_highlight_f5_to_take_it(pilot: Pilot) -> None:
    pilot.press("f5", "f5")  # title -> menu -> the first step
    assert pilot.session.screen is ScreenKind.STEP
    pilot.press("return")  # nothing highlighted yet: Enter takes nothing
    assert pilot.session.screen is ScreenKind.STEP
    pilot.press("page down")
    assert pilot.app.controller.choice_cursor == 0
    assert "Enter or F5" in pilot.app.screen().footer(pilot.app.context())
    pilot.press("page down", "page down")  # two choices: the highlight wraps round
    assert pilot.app.controller.choice_cursor == 0
    pilot.press("page down", "page up")  # back clears the highlight, it does not undo
    assert pilot.app.controller.choice_cursor is None and pilot.session.screen is ScreenKind.STEP
    pilot.press("page down", "page down", "f5")
    assert pilot.session.screen is ScreenKind.FEEDBACK
    result = pilot.session.story_result()
    assert result is not None and result.path[-1].choice == 1
    pilot.press("page up")  # undo the choice: back on the step, nothing highlighted
    assert pilot.session.screen is ScreenKind.STEP and pilot.app.controller.choice_cursor is None
