"""The help overlay on the projector: every key, at body size, page by page."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.ui.keymap import HELP_ROWS
from game.ui.pilot import Pilot
from game.ui.state import Overlay

ROOT = Path(__file__).resolve().parents[1]


def words(pilot: Pilot) -> list[tuple[str, int]]:
    return [(d.text, d.px) for d in pilot.drawn.texts() if d.name != "footer"]


@pytest.mark.parametrize("size", [(1024, 768), (1920, 1080)])
def test_the_key_table_pages_instead_of_shrinking_below_body_text(
        size: tuple[int, int]) -> None:
    pilot = Pilot(ROOT / "scenarios", size)
    body = 0.04 * size[1]
    pilot.press("h")
    assert pilot.overlay is Overlay.HELP
    seen: list[str] = []
    for _page in range(len(HELP_ROWS)):
        shown = words(pilot)
        assert all(px >= body for _text, px in shown), shown  # the back row reads every key
        seen += [text for text, _px in shown]
        if pilot.app.ui.help_page + 1 == pilot.app.ui.help_pages:
            break
        assert f"page {pilot.app.ui.help_page + 1} of" in " ".join(seen)
        pilot.press("pagedown")
        assert pilot.overlay is Overlay.HELP  # the next page, not closed
    every = " ".join(seen)
    for keys, _wording in HELP_ROWS:
        assert keys.split()[0].rstrip(",") in every  # every key is on one of the pages
    pilot.press("pagedown")  # past the last page: closed, as any key closes it
    assert pilot.overlay is None


def test_any_other_key_closes_the_help_on_any_page() -> None:
    pilot = Pilot(ROOT / "scenarios", (1024, 768))
    pilot.press("h", "pagedown")
    assert pilot.overlay is Overlay.HELP and pilot.app.ui.help_page == 1
    pilot.press("left")  # any key with a meaning closes it, Back as well
    assert pilot.overlay is None
    pilot.press("h")  # opened again: from its first page
    assert pilot.app.ui.help_page == 0


def test_every_word_of_the_program_and_every_key_can_be_drawn_by_the_shipped_font() -> None:
    # A character the font lacks is drawn as an empty box on the projector (the minus sign
    # U+2212 of "+/−" was one); the pack's texts are checked by the validator, these here.
    import yaml

    from game.core.fontmetrics import BOLD_FONT, REGULAR_FONT, load_metrics
    from game.ui.keymap import PRESENTER_ROWS

    drawable = load_metrics(REGULAR_FONT).covered & load_metrics(BOLD_FONT).covered

    def strings(value: object, key: str = "") -> list[tuple[str, str]]:
        if isinstance(value, dict):
            return [s for k, v in value.items() for s in strings(v, f"{key}{k}.")]
        return [(key, value)] if isinstance(value, str) else []

    missing = []
    for path in sorted((ROOT / "game" / "core" / "locales").glob("*.yaml")):
        words_of = yaml.safe_load(path.read_text(encoding="utf-8"))
        for key, text in strings(words_of):
            missing += [f"{path.name} {key} {c!r}" for c in set(text) - drawable - {"\n"}]
    for keys, _wording in HELP_ROWS + PRESENTER_ROWS:
        missing += [f"keys {keys!r} {c!r}" for c in set(keys) - drawable]
    assert missing == []


def test_a_phone_number_in_groups_never_breaks_at_a_line_end() -> None:
    from game.core.fitting import words_of, wrap

    def measure(text: str) -> float:
        return 10.0 * len(text)  # every character 10 px wide

    assert words_of("From abroad +90 312 157 11 12. Free") == [
        "From", "abroad", "+90 312 157 11 12.", "Free"]
    lines = wrap("From abroad +90 312 157 11 12. Free, day and night.", measure, 260)
    assert any("+90 312 157 11 12." in line for line in lines)  # whole on one line
    assert "From abroad +90" not in " | ".join(lines)  # it could not fit after "abroad"
    assert words_of("step 2 of 4") == ["step", "2", "of", "4"]  # words between: not a number


@pytest.mark.parametrize("lang", ["en", "ru", "tk"])
def test_a_contact_still_to_fill_in_asks_the_facilitator_instead_of_showing_todo(
        lang: str) -> None:
    from game.core.session import ScreenKind
    from game.ui.wording import say

    pilot = Pilot(ROOT / "scenarios", (1024, 768), lang)
    pending = [c for c in pilot.session.pack.info.help if c.placeholder]
    assert pending  # the default pack names Turkmenistan's hotlines, numbers to confirm
    pilot.press("return", "return")  # title, menu: the first story
    for _press in range(80):
        if pilot.screen is ScreenKind.DEBRIEF_HELP:
            break
        pilot.press("1" if pilot.screen is ScreenKind.STEP else "return")
    assert pilot.screen is ScreenKind.DEBRIEF_HELP
    shown = " ".join(t.text for t in pilot.drawn.texts())
    assert "TODO" not in shown
    assert say("contact_ask_facilitator", lang) in shown.replace("\u00a0", " ")
