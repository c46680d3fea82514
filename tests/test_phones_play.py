"""Three phones (real browser pages) vote through a story step and a card of the game itself:
the projector shows the count, then the distribution; Enter takes the room's choice; each
team's degree comes from its phones; the pages follow the projector."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from pathlib import Path

import httpx
import pytest
from playwright.sync_api import Browser, Page, expect
from system_tools import chromium

from game.core.session import ScreenKind
from game.ui.pilot import Pilot
from game.ui.state import Overlay

EXAMPLE = Path(__file__).resolve().parent / "packs" / "format-example"


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with chromium() as launched:
        yield launched


@pytest.fixture()
def pilot() -> Iterator[Pilot]:
    flown = Pilot(EXAMPLE, teams=["Lions", "Tigers"], paint=False)
    flown.app.phones_loopback, flown.app.phones_port = True, 0  # 127.0.0.1, a free port
    try:
        yield flown
    finally:
        flown.app.close_room()


def _until(pilot: Pilot, done: Callable[[], bool], what: str) -> None:
    """Run the game loop's phone step until `done` (bounded: 20 s, never a timing test)."""
    deadline = time.monotonic() + 20
    while not done():
        assert time.monotonic() < deadline, what
        pilot.app.poll_phones()
        time.sleep(0.02)
    pilot.frame()


def _words(pilot: Pilot) -> list[str]:
    return [d.text for d in pilot.drawn.texts()]


def _phone(browser: Browser, url: str) -> Page:
    page = browser.new_context(viewport={"width": 360, "height": 740}).new_page()
    page.set_default_timeout(15_000)
    page.goto(url)
    return page


def _total(pilot: Pilot) -> int:
    room = pilot.app.controller.view().room
    return room.total if room is not None else -1


def test_three_phones_vote_on_a_step_and_a_card(browser: Browser, pilot: Pilot) -> None:
    app = pilot.app
    app.open_room()
    pilot.frame()
    assert pilot.overlay is Overlay.JOIN
    state = app.ui.phones
    assert state.open and state.join_url and state.code
    assert app.session.room_code == state.code  # logged, for a resume to reopen the same room
    assert " ".join(state.code) in _words(pilot)
    pilot.press("space")  # any key: back to the title
    pilot.press("return")  # the title: to the menu
    pilot.press("1")  # the story
    assert pilot.screen is ScreenKind.STEP
    choices = [item.text for item in app.controller.view().items]

    phones = [_phone(browser, state.join_url) for _ in range(3)]
    for page in phones:
        expect(page.locator(".option")).to_have_count(len(choices))
    expect(phones[0].locator(".option").nth(1)).to_contain_text(choices[1])
    phones[0].locator(".option").nth(1).click()
    _until(pilot, lambda: _total(pilot) == 1, "the first vote reaches the session")
    assert "1 of 3 phones voted" in _words(pilot), str(_words(pilot)[-6:])
    phones[1].locator(".option").nth(1).click()
    phones[2].locator(".option").nth(0).click()
    _until(pilot, lambda: _total(pilot) == 3, "three votes reach the session")
    words = _words(pilot)
    assert "3 of 3 phones voted" in words
    assert not any("%" in w for w in words)  # no distribution before the reveal

    pilot.press("return")  # the reveal
    words = _words(pilot)
    assert "How the room voted" in words and "2 · 67%" in words and "1 · 33%" in words
    for page in phones:
        expect(page.locator("#mine")).to_contain_text("The answers are shown")
    pilot.press("return")  # takes the room's choice
    assert pilot.screen is ScreenKind.FEEDBACK
    assert app.session.play.path[-1].choice == 1  # type: ignore[union-attr]
    pilot.press("space")  # on to the next step: the pages follow by themselves
    assert pilot.screen is ScreenKind.STEP  # the contract step
    following = [item.text for item in app.controller.view().items]
    assert following != choices
    for page in phones:
        expect(page.locator(".option").nth(0)).to_contain_text(following[0])
        expect(page.locator(".option.chosen")).to_have_count(0)

    pilot.press("escape")
    pilot.press("2")  # pause menu: back to the menu
    assert pilot.screen is ScreenKind.MENU
    pilot.press("2")  # the card deck
    assert pilot.screen is ScreenKind.CARD
    app.poll_phones()
    teams = ["Lions", "Tigers", "Tigers"]
    degrees = [3, 2, 2]
    for page, team, degree in zip(phones, teams, degrees):
        page.locator(".team", has_text=team).click()
        expect(page.locator(".option")).to_have_count(4)
        page.locator(".option").nth(degree - 1).click()
        expect(page.locator(".option.chosen")).to_have_count(1)
    _until(pilot, lambda: _total(pilot) == 3, "three degrees reach the session")
    assert "3 of 3 phones voted" in _words(pilot)
    pilot.press("return")  # the room's votes, and each team's degree
    room = app.controller.view().room
    assert room is not None and room.counts == (0, 2, 1, 0)
    assert app.session.current_ratings() == (2, 1)
    words = _words(pilot)
    assert "2 · 67%" in words and "1 · 33%" in words  # count · share, per degree
    assert "Lions: 3 · High risk" in words and "Tigers: 2 · Some risk" in words
    pilot.press("return")
    assert pilot.screen is ScreenKind.REVEAL


def test_the_pause_menu_opens_and_closes_the_room(pilot: Pilot) -> None:
    pilot.press("return")  # the menu
    pilot.press("escape", "5")  # Phones: open the room
    assert pilot.overlay is Overlay.JOIN and pilot.app.ui.phones.open
    assert pilot.app.phones is not None and pilot.app.phones.is_open
    pilot.press("space")
    pilot.press("escape")
    assert "Phones: close the room" in _words(pilot)
    pilot.press("6")
    assert pilot.overlay is None and not pilot.app.ui.phones.open
    assert not pilot.app.phones.is_open
    pilot.press("1")  # the game plays on with keys
    assert pilot.screen is ScreenKind.STEP


def test_a_resumed_session_brings_back_its_own_room_code(pilot: Pilot) -> None:
    app = pilot.app
    app.open_room()
    fresh = app.ui.phones.code
    app.session.room_code = "WXYZ"  # what a resume of a session that had a room restores
    app.poll_phones()
    state = app.ui.phones
    assert state.code == "WXYZ" and state.join_url is not None
    assert state.join_url.endswith("?room=WXYZ")
    token = "a-phone-of-before-0001"
    assert httpx.get(f"{state.urls[0]}/api/state?room=WXYZ&token={token}").status_code == 200
    assert httpx.get(f"{state.urls[0]}/api/state?room={fresh}&token={token}").status_code == 403
