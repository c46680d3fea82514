"""Text larger than the body size when a screen has room for it, never when it has not.

A screen of the pack's texts is laid out at each size of a short ladder (4%,
4.6%, 5.2%, 5.8% of the height), biggest first, and drawn at the first at which
every slot text keeps to its slot's lines, nothing is shortened with "…", and the
column fits the screen; else at 4%, the size the validator checks. The layout
maths are plain functions, tested here on their own, then on real screens.
"""

from __future__ import annotations

import math
from pathlib import Path

import pygame
import pytest

from game.core.fitting import count_lines
from game.core.layout import BODY, REFERENCE_SIZE, SLOTS, font_file_measure, overflow
from game.core.model import Deck
from game.core.session import ScreenKind
from game.ui.keymap import Action, Command
from game.ui.pilot import Pilot
from game.ui.screens.base import FOOTER, LADDER, Ctx, fitting_scale
from game.ui.screens.title import NAME_LETTERS
from game.ui.text import Block, Misfit, Spacer, fits, largest, measuring, plain_text, slot_text

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "tests" / "packs" / "format-example"
SHIPPED = ROOT / "scenarios"
SIXTEEN = ["Ashgabat Team 01", "WOMEN MAKE WAVES", "Школа №12 Ашхаба", "Мамаджанова Гуля",
           "Ýaş tebigatçylar", "Balkan Youth 006"]
"""Six team names of the 16 letters a typed name may have."""


# ---------------------------------------------------------------- the maths alone

def test_largest_takes_the_biggest_scale_that_fits() -> None:
    asked: list[float] = []

    def fits_at(scale: float) -> bool:
        asked.append(scale)
        return scale <= 1.3

    assert largest((1.0, 1.15, 1.3, 1.45), fits_at) == 1.3
    assert asked == [1.45, 1.3]  # biggest first, stopping at the first that fits


def test_largest_falls_back_to_the_smallest_without_asking_about_it() -> None:
    asked: list[float] = []

    def fits_at(scale: float) -> bool:
        asked.append(scale)
        return False

    assert largest((1.45, 1.0, 1.3), fits_at) == 1.0
    assert asked == [1.45, 1.3]
    assert largest((1.0,), fits_at) == 1.0


def test_a_column_fits_when_its_blocks_stack_into_the_room() -> None:
    assert fits([100, 200, 50], 350)
    assert not fits([100, 200, 51], 350)
    assert fits([], 0)


def test_measuring_collects_misfits_and_can_stop_at_the_first() -> None:
    pygame.font.init()
    from game.ui.fonts import Fonts

    fonts = Fonts()
    long_text = "Keep a copy of your passport at home " * 4
    with measuring() as found:
        plain_text(fonts, long_text, 30, False, (255, 255, 255), 300, max_lines=2)
        plain_text(fonts, "short", 30, False, (255, 255, 255), 300, max_lines=2)
    assert len(found) == 1 and "cut to 2 lines" in found[0]
    with pytest.raises(Misfit), measuring(stop=True):
        plain_text(fonts, long_text, 30, False, (255, 255, 255), 300, max_lines=2)
    # Outside `measuring`, a shortened text is no one's business but its own.
    assert plain_text(fonts, long_text, 30, False, (255, 255, 255), 300, max_lines=2).lines


def test_a_slot_text_at_scale_one_is_wrapped_as_the_validator_wraps_it() -> None:
    pygame.font.init()
    from game.core.layout import fit_lines
    from game.ui.fonts import Fonts

    fonts = Fonts()
    text = "A woman Aýna does not know offers her a waitress job in Istanbul, " * 3
    para = slot_text(fonts, "step_text", text, REFERENCE_SIZE, (255, 255, 255))
    assert para.lines == fit_lines("step_text", text, fonts.measure_at, REFERENCE_SIZE)
    assert para.px == SLOTS["step_text"].font_px(REFERENCE_SIZE[1])
    bigger = slot_text(fonts, "step_text", text, REFERENCE_SIZE, (255, 255, 255), scale=1.3)
    assert bigger.width == para.width and bigger.px > para.px
    assert len(bigger.lines) > len(para.lines)


# ---------------------------------------------------------------- on a real context

@pytest.fixture
def ctx() -> Ctx:
    pilot = Pilot(EXAMPLE, REFERENCE_SIZE)
    return pilot.app.context()


def _one_slot(kind: str, text: str) -> object:
    def layout(c: Ctx) -> list[Block]:
        return [c.slot(kind, text)]
    return layout


def _at_the_limit(kind: str) -> str:
    """A text needing exactly its slot's lines at 1024×768, with the validator's measure."""
    slot = SLOTS[kind]
    measure = font_file_measure(slot.font_px(REFERENCE_SIZE[1]), slot.bold)
    width = slot.width_px(REFERENCE_SIZE[0])
    sentence = ("Ask the agency for its licence number and check it with the ministry "
                "before you send any document or money")
    words = sentence.split(" ") * 10
    text = ""
    for word in words:
        longer = f"{text} {word}".strip()
        if count_lines(longer, measure, width) > slot.lines:
            break
        text = longer
    assert count_lines(text, measure, width) == slot.lines
    assert overflow(kind, text) == 0  # the validator lets it through
    return text


def test_a_short_text_gets_the_biggest_size(ctx: Ctx) -> None:
    layout = _one_slot("step_text", "A stranger offers a job abroad.")
    assert fitting_scale(ctx, [layout], ctx.bottom - ctx.top) == max(LADDER)  # type: ignore[list-item]


@pytest.mark.parametrize("kind", ["step_text", "card_text", "feedback", "sign_explanation",
                                  "question", "choice"])
def test_a_text_at_the_validators_limit_gets_the_body_size(ctx: Ctx, kind: str) -> None:
    layout = _one_slot(kind, _at_the_limit(kind))
    assert fitting_scale(ctx, [layout], ctx.bottom - ctx.top) == 1.0  # type: ignore[list-item]


def test_a_column_too_tall_for_a_bigger_size_keeps_the_body_size(ctx: Ctx) -> None:
    room = ctx.bottom - ctx.top
    # Room for two lines of body text at 4% under a fixed block, and not a pixel more.
    fixed = room - 2 * ctx.slot("question", "Why?").height - ctx.overhang

    def layout(c: Ctx) -> list[Block]:
        line = c.slot("question", "Why?")
        return [line, Spacer(fixed), line]

    assert fitting_scale(ctx, [layout], room) == 1.0


def test_the_scale_sizes_body_text_and_headings_alike(ctx: Ctx) -> None:
    with ctx.at_scale(1.3):
        assert ctx.body_px == math.ceil(BODY * 1.3 * ctx.height)
        assert ctx.px(0.055) == math.ceil(0.055 * 1.3 * ctx.height)
        assert ctx.slot("heading", "Where to get help").px == ctx.px(SLOTS["heading"].size)
    assert ctx.scale == 1.0 and ctx.body_px == math.ceil(BODY * ctx.height)


# ---------------------------------------------------------------- on the screens

def _texts(pilot: Pilot, name: str) -> list[int]:
    return [t.px for t in pilot.drawn.texts() if t.name == name]


def test_a_step_with_room_draws_all_its_texts_at_one_bigger_size() -> None:
    pilot = Pilot(EXAMPLE, REFERENCE_SIZE)
    pilot.press("return", "return")
    assert pilot.screen is ScreenKind.STEP
    body = set(_texts(pilot, "step_text") + _texts(pilot, "choice"))
    assert len(body) == 1 and body.pop() > math.ceil(BODY * REFERENCE_SIZE[1])
    # The footer, the facilitator's, keeps its own small size.
    assert set(_texts(pilot, "footer")) == {math.ceil(FOOTER * REFERENCE_SIZE[1])}


def test_a_full_screen_stays_at_the_body_size() -> None:
    pilot = Pilot(SHIPPED, REFERENCE_SIZE, "ru", teams=["Team A", "Team B"])
    pilot.press("return", "return", "1")  # the first story's first feedback: a long one
    assert pilot.screen is ScreenKind.FEEDBACK
    assert set(_texts(pilot, "feedback")) == {math.ceil(BODY * REFERENCE_SIZE[1])}


def test_a_card_keeps_its_size_when_the_degrees_are_typed_in() -> None:
    pilot = Pilot(SHIPPED, REFERENCE_SIZE, "ru", teams=["Team A", "Team B"])
    first_deck = next(i for i, s in enumerate(pilot.session.pack.scenarios.values(), 1)
                      if isinstance(s, Deck))
    pilot.press("return", str(first_deck))
    assert pilot.screen is ScreenKind.CARD
    on_card = _texts(pilot, "card_text")
    pilot.press("2")
    assert pilot.screen is ScreenKind.RATING
    assert _texts(pilot, "card_text") == on_card


def test_the_meter_frame_stays_inside_the_content_area() -> None:
    pilot = Pilot(EXAMPLE, (1920, 1080))
    pilot.press("return", "return", "1")  # degree 4 of 4: the frame around the last segment
    rect = pilot.app.marks["meter"]
    frame = pilot.snapshot()
    background = pilot.app.theme.background
    for y in range(rect.top, rect.bottom):
        for x in range(rect.right, rect.right + 12):
            assert frame.get_at((x, y))[:3] == background, (x, y)


def test_a_picture_beside_the_text_lines_up_with_the_right_margin() -> None:
    pilot = Pilot(EXAMPLE, (1920, 1080))
    pilot.press("return", "return")
    ctx = pilot.app.context()
    [image] = [d for d in pilot.drawn.items if d.kind == "image" and d.name == "picture"]
    assert image.box.right == ctx.width - ctx.left
    assert image.box.top == pilot.app.marks["picture"].top


# ---------------------------------------------------------------- summary and teams

def _finish_every_scenario(pilot: Pilot) -> None:
    app = pilot.app
    for sid in pilot.session.scenario_ids:
        app.session.to_menu()
        app.session.start_scenario(sid)
        for _ in range(200):
            if app.session.screen is ScreenKind.MENU:
                break
            if app.session.screen in (ScreenKind.STEP, ScreenKind.CARD, ScreenKind.RATING):
                number = 1 if app.session.screen is not ScreenKind.RATING else 2
                app.dispatch(Command(Action.NUMBER, number))
            app.dispatch(Command(Action.CONTINUE))
    app.session.end_session()
    pilot.frame()


def test_the_summary_pages_whole_titles_and_centres_each_result_on_its_row() -> None:
    pilot = Pilot(SHIPPED, REFERENCE_SIZE, "ru", teams=["Team A", "Team B"])
    pilot.press("return")
    _finish_every_scenario(pilot)
    assert pilot.screen is ScreenKind.SUMMARY
    ui = pilot.app.ui
    assert ui.subpages > 3  # the podium, the results' pages, where to get help
    seen: list[str] = []
    pilot.press("return")  # past the teams' podium
    for page in range(1, ui.subpages - 1):
        texts = pilot.drawn.texts()
        assert not any("…" in t.text for t in texts), [t.text for t in texts]
        seen += [t.text for t in texts]
        results = [t for t in texts if t.name != "footer"
                   and (" из 4" in t.text or "карточек" in t.text)]
        for value in results:
            # The title's last line box, on the same row, has the same middle.
            row = [t for t in texts if t is not value and t.room.colliderect(
                pygame.Rect(0, value.room.y, pilot.app.size[0], value.room.h))
                and t.px == value.px]
            assert row, value.text
            middle = sum(t.room.centery for t in row) / len(row)
            assert abs(middle - value.room.centery) <= 2, value.text
        if page + 2 < ui.subpages:
            pilot.press("return")
            assert ui.subpage == page + 1
    joined = " ".join(seen)
    for sid in pilot.session.scenario_ids:
        title = pilot.session.pack.text(pilot.session.pack.scenarios[sid].title, "ru")
        assert all(word in joined for word in title.split()), title
    assert "Team A" in joined and "Team B" in joined
    pilot.press("backspace")
    assert ui.subpage == ui.subpages - 3 and pilot.screen is ScreenKind.SUMMARY


def test_a_short_session_summary_reads_its_results_in_full() -> None:
    pilot = Pilot(EXAMPLE, REFERENCE_SIZE, "en")
    pilot.press("return", "return", "1", "return", "1", "return")  # → the ending
    while pilot.screen is not ScreenKind.MENU:
        pilot.press("return")
    pilot.press("escape", "3", "3")
    # One page of results, then the last page: where to get help.
    assert pilot.screen is ScreenKind.SUMMARY and pilot.app.ui.subpages == 2
    texts = " ".join(t.text for t in pilot.drawn.texts())
    assert "HARMED · average degree 4.0 of 4" in texts  # the scale the room saw, 1 to 4


@pytest.mark.parametrize("lang", ["en", "ru", "tk"])
def test_six_teams_of_sixteen_letters_show_whole(lang: str) -> None:
    pilot = Pilot(SHIPPED, REFERENCE_SIZE, lang, teams=SIXTEEN)
    app = pilot.app

    def whole_names(where: str) -> None:
        lines = " ".join(t.text for t in pilot.drawn.texts())
        for name in SIXTEEN:
            assert name in lines, f"{where}: '{name}' not shown whole in {lines!r}"

    app.controller.title.cursor = 4 + 5  # typing the last name
    pilot.frame()
    whole_names("title")
    app.controller.title.cursor = 0
    pilot.press("return")
    deck = pilot.session.scenario_ids[-1]
    pilot.session.start_scenario(deck)
    for number in range(1, 7):
        pilot.press(str(1 + number % 4))
    assert pilot.screen is ScreenKind.RATING
    whole_names("rating")
    pilot.press("return")
    assert pilot.screen is ScreenKind.REVEAL
    whole_names("reveal")
    pilot.press("return")
    assert pilot.screen is ScreenKind.SCOREBOARD
    whole_names("scoreboard")
    texts = pilot.drawn.texts()
    for name in SIXTEEN:
        [label] = [t for t in texts if t.text.endswith(name)]
        [points] = [t for t in texts if t is not label and t.room.collidepoint(
            t.room.centerx, label.room.centery)]
        assert abs(points.room.centery - label.room.centery) <= 1, (name, points.text)
    pilot.session.end_session()
    pilot.frame()
    while app.ui.subpage + 2 < app.ui.subpages:  # the last results' page (help follows)
        pilot.press("return")
    whole_names("summary")


def test_a_typed_team_name_stops_at_sixteen_letters() -> None:
    pilot = Pilot(EXAMPLE, REFERENCE_SIZE)
    pilot.press("down", "down", "down", "2", "down")  # teams: 2, then the first name
    pilot.type("A very long team name indeed")
    pilot.press("up", "up", "up", "up", "return")
    assert pilot.session.team_names[0] == "A very long team name indeed"[:NAME_LETTERS]
