"""The phone page in a real browser (Debian's Chromium, driven by Playwright): it shows what
the projector asks, votes with one tap, follows the projector, and asks for the room code
when the address was typed."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page, expect
from system_tools import chromium

from game.core.votes import Option, Question
from game.phones.room import Room
from game.phones.server import PhoneServer

STEP = Question("s.job.offer.0", "choices", (
    Option(1, {"en": "Call the number", "ru": "Позвонить по номеру"}),
    Option(2, {"en": "Ask a friend first", "ru": "Сначала спросить друга"}),
    Option(3, {"en": "<img src=x onerror=alert(1)>Bold", "ru": "<b>Bold</b>"})),
    languages=("en", "ru"))
CARD = Question("c.deck.1", "scale", (
    Option(1, {"en": "Safe"}, "#C8F5B4", "#000000"),
    Option(2, {"en": "Careful"}, "#F5A623", "#000000"),
    Option(3, {"en": "Danger"}, "#A51C1C", "#FFFFFF")), teams=("Red", "Blue"))


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with chromium() as launched:
        yield launched


@pytest.fixture()
def room() -> Iterator[tuple[Room, str]]:
    shared = Room("ACDE")
    server = PhoneServer(shared, ["127.0.0.1"], 0)
    server.start()
    try:
        yield shared, f"http://127.0.0.1:{server.port}"
    finally:
        server.stop()


def _phone(browser: Browser, locale: str = "en-US") -> Page:
    context = browser.new_context(locale=locale, viewport={"width": 360, "height": 740})
    page = context.new_page()
    page.set_default_timeout(15_000)
    return page


def test_a_phone_sees_the_choices_votes_and_follows_the_projector(
        browser: Browser, room: tuple[Room, str]) -> None:
    shared, base = room
    shared.publish(STEP)
    page = _phone(browser)
    outside: list[str] = []
    page.on("request", lambda r: outside.append(r.url) if not r.url.startswith(base) else None)
    page.goto(f"{base}/?room=ACDE")
    expect(page.locator(".option")).to_have_count(3)
    expect(page.locator(".option").nth(1)).to_contain_text("2Ask a friend first")
    # Text from the pack is shown as text, never as markup.
    expect(page.locator(".option").nth(2)).to_contain_text("<img src=x onerror=alert(1)>Bold")
    assert page.locator("#options img").count() == 0
    page.locator(".option").nth(1).click()
    expect(page.locator("#mine")).to_contain_text("Your vote: 2")
    votes = shared.take_votes()
    assert [(v.question, v.option) for v in votes] == [("s.job.offer.0", 1)]
    shared.publish(CARD)  # the projector moves on: the page follows by itself
    expect(page.locator(".team")).to_have_text(["Red", "Blue"])
    page.locator(".team").nth(1).click()
    expect(page.locator(".option")).to_have_count(3)
    expect(page.locator("footer")).to_have_text("Team: Blue")
    page.locator(".option").nth(2).click()
    expect(page.locator(".option.chosen")).to_contain_text("Danger")
    assert [(v.question, v.option, v.team) for v in shared.take_votes()] == [("c.deck.1", 2, 1)]
    colour = page.locator(".option").nth(2).evaluate("b => getComputedStyle(b).backgroundColor")
    assert colour == "rgb(165, 28, 28)"
    assert outside == []


def test_a_reconnected_phone_keeps_its_vote_and_a_closed_question_is_shown_as_closed(
        browser: Browser, room: tuple[Room, str]) -> None:
    shared, base = room
    shared.publish(STEP)
    page = _phone(browser)
    page.goto(f"{base}/?room=ACDE")
    page.locator(".option").nth(0).click()
    expect(page.locator("#mine")).to_contain_text("Your vote: 1")
    page.reload()  # a phone that locked its screen and came back
    expect(page.locator(".option.chosen")).to_contain_text("Call the number")
    shared.publish(Question(STEP.id, STEP.kind, STEP.options, open=False,
                            languages=STEP.languages))
    expect(page.locator("#mine")).to_contain_text("You voted 1. The answers are shown")
    assert page.locator(".option").nth(1).is_disabled()


def test_the_page_speaks_the_phone_s_language_and_can_switch(
        browser: Browser, room: tuple[Room, str]) -> None:
    shared, base = room
    shared.publish(STEP)
    page = _phone(browser, locale="ru-RU")
    page.goto(f"{base}/?room=ACDE")
    expect(page.locator("#prompt")).to_have_text("Что бы вы сделали? Нажмите один вариант.")
    expect(page.locator(".option").nth(0)).to_contain_text("Позвонить по номеру")
    page.locator("#langs button[data-lang=tk]").click()
    expect(page.locator("#prompt")).to_have_text("Siz näme ederdiňiz? Birine basyň.")
    # No Turkmen in this pack: the options stay in the pack's first language.
    expect(page.locator(".option").nth(0)).to_contain_text("Call the number")


def test_a_typed_address_asks_for_the_room_code_and_refuses_a_wrong_one(
        browser: Browser, room: tuple[Room, str]) -> None:
    shared, base = room
    shared.publish(STEP)
    page = _phone(browser)
    page.goto(base)
    expect(page.locator("#code-prompt")).to_have_text(
        "Type the room code shown on the big screen.")
    assert page.locator(".option").count() == 0
    page.fill("#code", "wxyz")
    page.click("#code-go")
    expect(page.locator("#code-wrong")).to_be_visible()
    assert page.locator(".option").count() == 0
    page.fill("#code", "acde")
    page.click("#code-go")
    expect(page.locator(".option")).to_have_count(3)
