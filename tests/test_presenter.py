"""The presenter view, headless: what the laptop's window draws and what the room's never does."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from game.core.session import ScreenKind
from game.ui.pilot import Pilot
from game.ui.presenter import SMALLEST
from game.ui.state import Overlay

EXAMPLE = Path(__file__).parent / "packs" / "format-example"
STORY_NOTES = "Ask the group who they would ask for advice."
DECK_NOTES = "Let each team argue for its degree."
LAPTOP = (1280, 800)


def room(pilot: Pilot) -> str:
    """Every word the room's window drew in its last frame."""
    return " ".join(t.text for t in pilot.drawn.texts())


def laptop(pilot: Pilot) -> str:
    """Every word the presenter window drew in its last frame."""
    return " ".join(t.text for t in pilot.presenter_drawn.texts())


@pytest.fixture
def both() -> Pilot:
    return Pilot(EXAMPLE, (1024, 768), presenter=LAPTOP, paint=False)


# A story and a deck played by keys; N, Esc and H on the way (the facilitator's overlays).
PLAY = ["return", "return", "n", "n", "2", "return", "t", "2", "space", "right", "return",
        "return", "return", "escape", "escape", "2", "h", "h", "3", "return", "2",
        "return", "return", "4", "return"]


def test_the_room_sees_what_a_one_window_session_shows_screen_by_screen() -> None:
    one = Pilot(EXAMPLE, (1024, 768), paint=False)
    two = Pilot(EXAMPLE, (1024, 768), presenter=LAPTOP, paint=False)
    screens = set()
    for key in PLAY:
        one.press(key)
        two.press(key)
        assert two.screen is one.screen
        screens.add(two.screen)
        if one.overlay is None:  # no overlay: the very same words, in the same places
            assert [(t.text, tuple(t.box)) for t in two.drawn.texts()] == [
                (t.text, tuple(t.box)) for t in one.drawn.texts()], (key, one.screen)
        else:  # the facilitator's overlay is on the laptop: the room sees its screen
            assert two.overlay is one.overlay
    assert {ScreenKind.STEP, ScreenKind.FEEDBACK, ScreenKind.CARD, ScreenKind.REVEAL,
            ScreenKind.DEBRIEF_QUESTIONS} <= screens


def test_the_notes_are_on_the_laptop_only(both: Pilot) -> None:
    both.press("return", "return")
    assert STORY_NOTES in laptop(both)
    assert STORY_NOTES not in room(both)
    both.press("n")  # N as well: the notes overlay opens on the laptop, not on the projector
    assert both.overlay is Overlay.NOTES
    assert STORY_NOTES not in room(both)
    assert "Facilitator notes" not in room(both)
    assert "Facilitator notes" in laptop(both)


def test_without_the_presenter_view_n_shows_the_notes_to_the_room() -> None:
    one = Pilot(EXAMPLE, (1024, 768), paint=False)
    one.press("return", "return", "n")
    assert STORY_NOTES in room(one)


def test_a_step_shows_each_choice_with_its_degree_and_where_it_leads(both: Pilot) -> None:
    both.press("return", "return")
    story = both.session.story
    assert story is not None
    step = story.steps[story.start_step]
    shown = laptop(both)
    assert "Choices, where each leads" in shown
    scale = both.session.pack.info.risk_scale
    for n, choice in enumerate(step.choices or [], 1):
        label = both.session.pack.text(scale[choice.risk].label, "en")
        assert f"{n}. {both.session.pack.text(choice.text, 'en')}" in shown
        assert f"{choice.risk + 1} · {label} · then:" in shown
    assert "then:" not in room(both)


def test_the_card_answer_is_on_the_laptop_before_the_reveal_never_on_the_projector(
        both: Pilot) -> None:
    both.press("return", "2")  # the menu's second entry: the deck
    assert both.screen is ScreenKind.CARD
    deck = both.session.deck
    assert deck is not None
    label = both.session.pack.text(both.session.pack.info.risk_scale[deck.cards[0].risk].label,
                                   "en")
    answer = f"The pack's degree: {deck.cards[0].risk + 1} · {label}"
    assert answer in laptop(both)
    assert "pack's degree" not in room(both)
    assert DECK_NOTES in laptop(both) and DECK_NOTES not in room(both)
    assert "Card 1 of 3" in laptop(both)


def test_the_pause_menu_opens_on_the_laptop_and_the_room_keeps_its_screen(both: Pilot) -> None:
    both.press("return", "return")
    step_words = room(both)
    both.press("escape")
    assert both.overlay is Overlay.PAUSE
    assert "Paused" in laptop(both) and "Presenter view: on (P)" in laptop(both)
    assert "Paused" not in room(both)
    assert room(both) == step_words


def test_the_pause_menu_entry_turns_the_presenter_view_off_and_on(both: Pilot) -> None:
    both.press("return", "return", "escape", "6")  # the last entry, after the phones
    assert both.presenter is None and both.app.ui.presenter is False
    assert both.overlay is Overlay.PAUSE
    assert "Presenter view: off (P)" in room(both)  # back on the projector, as without it
    both.press("6")
    assert both.presenter is not None
    assert "Paused" not in room(both) and "Paused" in laptop(both)


def test_p_turns_it_off_and_the_notes_overlay_is_the_rooms_again(both: Pilot) -> None:
    both.press("return", "return", "p")
    assert both.presenter is None
    both.press("n")
    assert STORY_NOTES in room(both)


def test_the_pause_menu_offers_no_presenter_view_where_there_is_none() -> None:
    one = Pilot(EXAMPLE, (1024, 768), paint=False)
    one.press("return", "return", "escape")
    assert "Presenter view" not in room(one)


def test_the_timer_the_clock_and_the_step_count_are_on_the_laptop(both: Pilot) -> None:
    both.press("return", "return", "t")
    started = f"Timer {both.app.ui.timer.text()}"
    assert started in laptop(both)
    both.clock.advance(65)
    both.frame(settle=False)
    shown = laptop(both)
    assert f"Timer {both.app.ui.timer.text()}" in shown and started not in shown
    assert "Session 0:" in shown
    assert "Step 1" in shown
    both.press("1", "return")
    assert "Step 2" in laptop(both)


@pytest.mark.parametrize("size", [(1024, 768), (1920, 1080), (800, 600)])
def test_no_text_of_the_presenter_view_is_below_1_8_percent_of_its_height(
        size: tuple[int, int]) -> None:
    pilot = Pilot(EXAMPLE, (1024, 768), presenter=size, paint=False)
    for key in PLAY[:12]:
        pilot.press(key)
        texts = pilot.presenter_drawn.texts()
        assert texts
        smallest = min(t.px for t in texts)
        assert smallest >= SMALLEST * size[1], (key, smallest)


def test_the_laptop_shows_a_reload_error_with_its_full_path_the_room_never(
        tmp_path: Path) -> None:
    pack = tmp_path / "pack"
    shutil.copytree(EXAMPLE, pack)
    pilot = Pilot(pack, presenter=LAPTOP, paint=False)
    pilot.press("return", "return")
    (pack / "pack.yaml").write_text("title: [broken\n", encoding="utf-8")
    pilot.press("ctrl+r")
    assert pilot.overlay is Overlay.RELOAD_ERRORS
    assert str(pack / "pack.yaml") in laptop(pilot)
    assert str(tmp_path) not in room(pilot)
    assert "did not reload" in laptop(pilot)


def test_the_summary_gives_the_report_path_on_the_laptop(tmp_path: Path) -> None:
    from game.ui.app import build_app
    from game.ui.pilot import load_playable

    pilot = Pilot(EXAMPLE, presenter=LAPTOP, paint=False)
    built = build_app(load_playable(EXAMPLE), EXAMPLE, str(EXAMPLE), (1024, 768),
                      data_dir=tmp_path, clock=pilot.clock)
    built.ui.presenter, built.toggle_presenter = True, pilot.toggle_presenter
    pilot.app = built
    assert pilot.presenter is not None
    pilot.presenter.app = built
    pilot.press("return", "escape", "3", "3")
    assert pilot.screen is ScreenKind.SUMMARY
    report = built.controller.report_path
    assert report is not None
    # The whole path, wrapped over lines where it is long.
    assert f"Report:{report}" in "".join(laptop(pilot).split())
    assert str(tmp_path) not in room(pilot)


def test_the_laptop_redraws_only_when_its_content_changed(both: Pilot) -> None:
    view = both.presenter
    assert view is not None
    both.press("return", "return")
    view.draw(both.presenter_surface, both.surface, 1)  # type: ignore[arg-type]
    assert not view.needs_frame(1)  # nothing changed: an idle laptop draws nothing
    assert view.needs_frame(2)  # the room's screen settled on a new frame
    both.press("t")
    view.draw(both.presenter_surface, both.surface, 2)  # type: ignore[arg-type]
    both.clock.advance(0.2)
    assert not view.needs_frame(2)  # the same second of the timer
    both.clock.advance(1.0)
    assert view.needs_frame(2)  # the timer's next second
    view.resize((1024, 768))
    assert view.needs_frame(2)


def test_a_click_on_the_laptop_picks_a_pause_entry_and_nothing_else(both: Pilot) -> None:
    both.press("return", "return")
    view = both.presenter
    assert view is not None
    view.click((5, 5))  # nowhere in particular: the room's step stays
    assert both.screen is ScreenKind.STEP
    both.press("escape")
    rect, _ = view.targets[1]  # "Back to the menu"
    view.click(rect.center)
    both.frame()
    assert both.screen is ScreenKind.MENU


def test_a_click_on_the_projector_while_the_pause_menu_is_on_the_laptop_does_nothing(
        both: Pilot) -> None:
    both.press("return", "return", "escape")
    both.click(500, 400)
    assert both.overlay is Overlay.PAUSE and both.screen is ScreenKind.STEP


def test_the_phones_tally_is_on_the_laptop_before_the_room_sees_it(both: Pilot) -> None:
    from game.core.commands import Action, Command
    from game.core.questions import current_question
    from game.core.votes import PhoneVote

    both.press("return", "return")
    question = current_question(both.session)
    assert question is not None
    both.app.send(Command(Action.VOTES, votes=tuple(
        PhoneVote(question.id, f"phone-{i:012d}", option) for i, option in enumerate(
            [1, 1, 0]))))
    both.frame()
    choice = both.session.pack.text(
        (both.session.story.steps["offer"].choices or [])[1].text, "en")  # type: ignore[union-attr]
    assert "Phones: 3 votes, not shown to the room yet" in laptop(both)
    assert f"2. {choice}: 2 (67%)" in laptop(both)
    assert "67%" not in room(both)
    both.press("return")  # Enter: the room sees its votes; the laptop no longer repeats them
    assert "67%" in room(both)
    assert "not shown to the room yet" not in laptop(both)
